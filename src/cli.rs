//! The command line: clap derive structs whose doc comments are the `--help` text, and the code
//! that turns them into library calls and human output.

use anyhow::{bail, Context};
use clap::{Args, CommandFactory, Parser, Subcommand};
use rolo::error::MergeError;
use rolo::model::Kind;
use rolo::progress::Progress;
use rolo::report::Report;
use rolo::sinks::output::{self, Target};
use rolo::sinks::vcard::Version;
use rolo::sinks::OutputFormat;
use rolo::sources::input::Limits;
use rolo::{KindFilter, Options};
use std::io::IsTerminal;

/// Turn the data exports of LinkedIn and other platforms into one clean, deduplicated
/// contact file: vCard for address books, JSON for tools.
#[derive(Parser, Debug)]
#[command(name = "rolo", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read exports, find the same person across them, and write one contact set.
    Merge(MergeArgs),
    /// Show what rolo recognises in each input: platforms, files, record counts, skipped files.
    Inspect(InspectArgs),
    /// Show the merge decisions closest to the threshold, on both sides, with their evidence.
    /// This prints contact data: it is what you asked for.
    Review(ReviewArgs),
    /// List every input format (platform, files, kinds of record) and every output format.
    Formats,
    /// Print the JSON Schema (draft 2020-12) of the JSON / JSON Lines output.
    Schema,
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

#[derive(Args, Debug)]
pub struct ReviewArgs {
    /// Exports to read, as for merge.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Match probability (0–1) at or above which records are joined.
    #[arg(long, value_name = "X", default_value_t = 0.5, value_parser = parse_threshold)]
    pub threshold: f64,
    /// How many decisions to show.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Region for phone numbers without a country code.
    #[arg(long, value_name = "CC")]
    pub region: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a number between 0 and 1")),
    }
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// Exports to read: .zip archives, folders, single files, or - for standard input.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Output file; - or absent writes to standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// Output format; by default taken from the extension of -o, else json. `vdir` writes a
    /// folder (-o DIR) with one <id>.vcf per contact.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: Option<OutputFormat>,
    /// vCard version of `--to vcard` and `--to vdir` (3 by default; `--to vcard4` is 4).
    #[arg(long, value_name = "3|4", value_parser = clap::value_parser!(u8).range(3..=4))]
    pub vcard_version: Option<u8>,
    /// Write the run report (inputs, files, rejected and filtered records, merges): JSON, or a
    /// self-contained page for a person to look over when FILE ends in .html.
    #[arg(long, value_name = "FILE")]
    pub report: Option<String>,
    /// Normalise only: every record becomes its own contact.
    #[arg(long)]
    pub no_dedupe: bool,
    /// Join records by the cluster assignments in FILE instead of rolo's matching: CSV or JSON
    /// Lines of record_id,cluster_id, where a record id is the id `--no-dedupe --to jsonl` gives
    /// the record (scripts/splink_link.py writes one). Records the file does not name stay
    /// contacts of their own.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["no_dedupe", "model", "builtin_weights", "save_model", "threshold"])]
    pub clusters: Option<String>,
    /// Match probability (0–1) at or above which records are joined: higher is stricter.
    #[arg(long, value_name = "X", default_value_t = 0.5, value_parser = parse_threshold)]
    pub threshold: f64,
    /// Print every merge with its evidence on standard error (this shows contact data).
    #[arg(long)]
    pub explain: bool,
    /// Match with the weights of a model file written by --save-model instead of learning them
    /// from the inputs.
    #[arg(long, value_name = "FILE")]
    pub model: Option<String>,
    /// Write the weights matching used (learned from the inputs, or read with --model) as JSON.
    #[arg(long, value_name = "FILE")]
    pub save_model: Option<String>,
    /// Match with the built-in weights, learning nothing from the inputs.
    #[arg(long, conflicts_with = "model")]
    pub builtin_weights: bool,
    /// Print the time each stage took (read, normalise, block, score, cluster, merge, write).
    #[arg(long)]
    pub timings: bool,
    /// Region (ISO country code, e.g. US, DE) for phone numbers written without a country code.
    #[arg(long, value_name = "CC")]
    pub region: Option<String>,
    /// Which kinds of record to keep: "all", or a comma-separated list (connection,contact,…).
    /// By default blocked, muted, restricted, removed and rejected people are left out.
    #[arg(long, value_name = "KINDS")]
    pub kinds: Option<String>,
    /// Keep the export's owner (you) as a contact.
    #[arg(long)]
    pub include_owner: bool,
    /// Fold Gmail addresses (dots, +tags) when matching emails.
    #[arg(long)]
    pub fold_gmail: bool,
    /// Fail (exit 1) if any record or value was rejected or any warning was raised.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Exports to look at: .zip archives, folders, single files, or -.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Args, Debug)]
pub struct Common {
    /// No progress bars and no summary; warnings and rejections still print. Given twice (-qq),
    /// they go too, as with --silent.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub quiet: u8,
    /// Print errors only: no progress, no summary, no warnings or rejections (same as -qq).
    #[arg(long, global = true)]
    pub silent: bool,
    /// Print every warning (they name files and lines, never contact data).
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Largest total of bytes read from all inputs, uncompressed.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_total_bytes)]
    pub max_total_bytes: u64,
    /// Largest single file, uncompressed.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_file_bytes)]
    pub max_file_bytes: u64,
    /// Largest compression ratio of a zip member.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_ratio)]
    pub max_ratio: u64,
    /// Deepest nesting of zips inside zips.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_depth)]
    pub max_depth: u32,
    /// Most members in one zip archive.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_entries)]
    pub max_entries: usize,
    /// Longest line of a CSV or vCard file.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_line_bytes)]
    pub max_line_bytes: u64,
}

impl Common {
    /// No progress bars and no summary (-q, -qq, --silent).
    fn quiet(&self) -> bool {
        self.quiet > 0 || self.silent
    }

    /// Whether warnings and rejections print: unless -qq or --silent.
    fn problems(&self) -> bool {
        self.quiet < 2 && !self.silent
    }

    fn limits(&self) -> Limits {
        Limits {
            max_total_bytes: self.max_total_bytes,
            max_file_bytes: self.max_file_bytes,
            max_ratio: self.max_ratio,
            max_depth: self.max_depth,
            max_entries: self.max_entries,
            max_line_bytes: self.max_line_bytes,
        }
    }
}

/// What the process should exit with.
pub enum Exit {
    Ok,
    Failed,
}

pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    // Ctrl-C: remove any half-written output, then exit as interrupted processes do.
    let _ = ctrlc::set_handler(|| {
        output::remove_pending();
        std::process::exit(130);
    });
    match cli.command {
        Command::Merge(args) => merge(args),
        Command::Inspect(args) => inspect(args),
        Command::Review(args) => review(args),
        Command::Formats => print_out(&formats_text()),
        Command::Schema => print_out(&schema_text()?),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "rolo", &mut buf);
            print_out(&String::from_utf8_lossy(&buf))
        }
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
            print_out(&String::from_utf8_lossy(&buf))
        }
    }
}

fn parse_kinds(s: Option<&str>) -> anyhow::Result<KindFilter> {
    let Some(s) = s else {
        return Ok(KindFilter::Default);
    };
    if s.trim().eq_ignore_ascii_case("all") {
        return Ok(KindFilter::All);
    }
    let mut kinds = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match Kind::parse(part) {
            Some(k) => kinds.push(k),
            None => {
                let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                bail!("unknown kind {part:?} (kinds: all, {})", all.join(", "));
            }
        }
    }
    Ok(KindFilter::Only(kinds))
}

fn merge(args: MergeArgs) -> anyhow::Result<Exit> {
    let target = Target::parse(args.output.as_deref());
    let mut format = args
        .to
        .or_else(|| args.output.as_deref().and_then(OutputFormat::from_path))
        .unwrap_or(OutputFormat::Json);
    let vcard_version = match (format, args.vcard_version) {
        (OutputFormat::Vcard4, Some(3)) => {
            usage("--to vcard4 writes vCard 4.0; --vcard-version 3 contradicts it")
        }
        (OutputFormat::Vcard, Some(4)) => {
            format = OutputFormat::Vcard4;
            Version::V4
        }
        (_, Some(4)) | (OutputFormat::Vcard4, _) => Version::V4,
        _ => Version::V3,
    };
    if format == OutputFormat::Vdir && target == Target::Stdout {
        usage("--to vdir writes a folder: give it with -o DIR");
    }
    // Two documents on one standard output would read as neither.
    if args.save_model.as_deref() == Some("-") && target == Target::Stdout {
        usage(
            "--save-model - writes the model to standard output, where the contacts go too: \
             give the contacts a file with -o FILE, or the model a file",
        );
    }
    let mut opts = Options {
        limits: args.common.limits(),
        kinds: parse_kinds(args.kinds.as_deref())?,
        include_owner: args.include_owner,
        clusters: args.clusters.as_ref().map(std::path::PathBuf::from),
        ..Options::default()
    };
    opts.normalize.region = args.region.as_ref().map(|r| r.trim().to_uppercase());
    opts.dedupe.enabled = !args.no_dedupe;
    opts.dedupe.fold_gmail = args.fold_gmail;
    opts.dedupe.threshold = args.threshold;
    opts.dedupe.learn = !args.builtin_weights;
    if let Some(path) = &args.model {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the model {path}"))?;
        let file: rolo::dedupe::weights::ModelFile =
            serde_json::from_str(&text).with_context(|| format!("{path} is not a rolo model"))?;
        let model = rolo::dedupe::weights::Model::from_file(file)
            .map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
        opts.dedupe.model = Some(model);
    }

    let out = rolo::Output {
        format,
        target: target.clone(),
        vcard_version,
        report: args.report.as_ref().map(std::path::PathBuf::from),
    };

    let progress = Bars::new(args.common.quiet());
    let merged = match rolo::merge(&args.inputs, &opts, &out, &progress) {
        Ok(m) => m,
        // Says where in the file, and why: the usual context would only add noise.
        Err(MergeError::Clusters(e)) => bail!("{e}"),
        Err(MergeError::Output(e)) => return Err(e).context("writing the output"),
    };
    let report = &merged.report;
    if let (Some(path), Some(model)) = (&args.save_model, &report.model) {
        let json = serde_json::to_string_pretty(model)?;
        output::write_to(&Target::parse(Some(path)), |w| {
            w.write_all(json.as_bytes())?;
            w.write_all(b"\n")
        })
        .with_context(|| format!("cannot write the model {path}"))?;
    }
    print_problems(report, args.common.verbose, args.common.problems());
    if args.explain {
        for c in merged.contacts.iter().filter(|c| c.merge.is_some()) {
            if let Some(m) = &c.merge {
                eprintln!(
                    "rolo: merged {} records into {} {:?} (score {}): {}",
                    c.sources.len(),
                    c.id,
                    c.name.full,
                    m.score,
                    m.evidence.join("; ")
                );
            }
        }
    }
    if args.timings {
        eprint!("{}", progress.timings());
    }
    if !args.common.quiet() {
        if let Some(v) = &merged.vdir {
            eprintln!(
                "rolo: vdir: {} cards written, {} unchanged",
                v.written.len(),
                v.unchanged
            );
            for name in &v.orphaned {
                eprintln!("rolo: vdir: {name} is no contact any more (left in place; delete it if that is right)");
            }
        }
        let retired = report.retired_ids();
        if args.common.verbose && !retired.is_empty() {
            eprintln!(
                "rolo: earlier ids retired (their contacts merged into others): {}",
                retired.join(", ")
            );
        }
        // A reader that went away (`| head`) saw part of the output, and a streaming run stopped
        // there: no summary rather than a wrong one.
        if !merged.stdout_closed {
            eprintln!("{}", merged.summary(&target));
        }
    }
    let failed = report.failed(args.strict);
    // The process ends right after this: freeing millions of small allocations one by one
    // would cost seconds at a million records (measured: ~6 s) for nothing.
    std::mem::forget(merged);
    Ok(if failed { Exit::Failed } else { Exit::Ok })
}

/// A usage error: clap's message and exit code 2.
fn usage(msg: &str) -> ! {
    Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, msg)
        .exit()
}

/// Errors always, one line each. Warnings and rejections, when `problems` (not -qq or --silent):
/// one line each with --verbose, else one line per reason with its count and first location, so
/// a 10,000-row file does not flood.
fn print_problems(report: &Report, verbose: bool, problems: bool) {
    for e in &report.errors {
        eprintln!("rolo: error: {e}");
    }
    if !problems {
        return;
    }
    for (what, list) in [
        ("rejected", &report.rejected),
        ("warning", &report.warnings),
    ] {
        if verbose {
            for i in list {
                eprintln!("rolo: {what}: {i}");
            }
            continue;
        }
        let mut by_reason: std::collections::BTreeMap<&str, (usize, &rolo::report::Issue)> =
            std::collections::BTreeMap::new();
        for i in list {
            by_reason.entry(i.reason.as_str()).or_insert((0, i)).0 += 1;
        }
        for (reason, (n, first)) in by_reason {
            if n == 1 {
                eprintln!("rolo: {what}: {first}");
            } else {
                eprintln!(
                    "rolo: {what}: {reason} ({n} times, first at {}; -v lists all)",
                    first.location
                );
            }
        }
    }
}

fn inspect(args: InspectArgs) -> anyhow::Result<Exit> {
    let loaded = rolo::sources::load(&args.inputs, args.common.limits());
    let report = loaded.report;
    let mut out = String::new();
    if args.json {
        out = serde_json::to_string_pretty(&report)?;
        out.push('\n');
    } else {
        let rows: Vec<[String; 5]> = report
            .files
            .iter()
            .map(|f| {
                let kinds: Vec<String> = f.kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
                [
                    rolo::error::Location::file(&f.input, &f.file).to_string(),
                    f.platform.to_string(),
                    f.format.clone(),
                    f.records.to_string(),
                    match &f.error {
                        Some(e) => format!("error: {e}"),
                        None => kinds.join(", "),
                    },
                ]
            })
            .collect();
        let header = ["FILE", "PLATFORM", "FORMAT", "RECORDS", "KINDS"].map(String::from);
        let mut widths = [0usize; 5];
        for r in std::iter::once(&header).chain(rows.iter()) {
            for (w, c) in widths.iter_mut().zip(r.iter()) {
                *w = (*w).max(c.chars().count());
            }
        }
        for r in std::iter::once(&header).chain(rows.iter()) {
            let mut l = String::new();
            for (i, (w, c)) in widths.iter().zip(r.iter()).enumerate() {
                if i == 3 {
                    l.push_str(&format!("{c:>w$}  "));
                } else if i == 4 {
                    l.push_str(c);
                } else {
                    l.push_str(&format!("{c:<w$}  "));
                }
            }
            out.push_str(l.trim_end());
            out.push('\n');
        }
        out.push_str(&format!(
            "{} records in {} files; {} files skipped; {} warnings; {} rejected; {} errors\n",
            report.records_read(),
            report.files.len(),
            report.skipped.len(),
            report.warnings.len(),
            report.rejected.len(),
            report.errors.len()
        ));
        if args.common.verbose {
            for s in &report.skipped {
                out.push_str(&format!("skipped: {s}\n"));
            }
        }
    }
    output::write_to(&Target::Stdout, |w| w.write_all(out.as_bytes()))?;
    print_problems(&report, args.common.verbose, args.common.problems());
    Ok(if report.errors.is_empty() {
        Exit::Ok
    } else {
        Exit::Failed
    })
}

/// One stage as --timings reports it.
struct Stage {
    name: String,
    items: u64,
    start: std::time::Instant,
    /// Set when the stage finishes.
    wall: Option<std::time::Duration>,
    /// Resident memory after it, in KiB.
    rss_kib: u64,
    /// The process's CPU time (all threads) at its start, and what the stage used.
    cpu_start: f64,
    cpu: f64,
}

/// indicatif bars on stderr, only when it is a terminal and --quiet is not given; and the time
/// of each stage, for --timings.
struct Bars {
    bar: Option<indicatif::ProgressBar>,
    stages: std::sync::Mutex<Vec<Stage>>,
    /// The stage has a length but has not advanced yet: it spins until it does.
    spinning: std::sync::atomic::AtomicBool,
}

impl Bars {
    fn new(quiet: bool) -> Bars {
        let show = !quiet && std::io::stderr().is_terminal();
        Bars {
            bar: show.then(|| indicatif::ProgressBar::new(0)),
            stages: std::sync::Mutex::new(Vec::new()),
            spinning: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// One line per stage with its wall time, then the total.
    fn timings(&self) -> String {
        let Ok(stages) = self.stages.lock() else {
            return String::new();
        };
        let mut out = String::from("rolo: timings\n");
        let mut total = std::time::Duration::ZERO;
        let mut total_cpu = 0.0;
        for stage in stages.iter() {
            let (name, items, cpu) = (&stage.name, stage.items, stage.cpu);
            let d = stage.wall.unwrap_or_default();
            total += d;
            total_cpu += cpu;
            let items = if items > 0 {
                format!("{items:>12} items")
            } else {
                String::new()
            };
            out.push_str(&format!(
                "  {name:<12} {:>9.3} s  cpu {cpu:>8.2} s  rss {:>6} MiB{items}\n",
                d.as_secs_f64(),
                stage.rss_kib / 1024
            ));
        }
        out.push_str(&format!(
            "  {:<12} {:>9.3} s  cpu {total_cpu:>8.2} s\n",
            "total",
            total.as_secs_f64()
        ));
        out
    }
}

impl Progress for Bars {
    fn stage(&self, name: &str, total: u64) {
        if let Ok(mut s) = self.stages.lock() {
            s.push(Stage {
                name: name.to_string(),
                items: total,
                start: std::time::Instant::now(),
                wall: None,
                rss_kib: 0,
                cpu_start: cpu_seconds(),
                cpu: 0.0,
            });
        }
        if let Some(b) = &self.bar {
            // Hidden while it changes: each change redraws, and the previous stage's style with
            // this one's length (or the reverse) would flash a wrong bar.
            b.set_draw_target(indicatif::ProgressDrawTarget::hidden());
            // Every stage spins until it advances; only then, and only with a known length, is
            // it a bar: a stage that counts nothing (or never advances) never shows 0/N or a
            // full bar of 0/0.
            b.set_style(style("{prefix:>12} {spinner} {count} {rate}"));
            b.set_prefix(name.to_string());
            b.set_length(total);
            b.reset();
            b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            b.enable_steady_tick(std::time::Duration::from_millis(120));
            self.spinning
                .store(total > 0, std::sync::atomic::Ordering::Relaxed);
        }
    }

    fn advance(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.inc(n);
            if n > 0
                && self
                    .spinning
                    .swap(false, std::sync::atomic::Ordering::Relaxed)
            {
                b.disable_steady_tick();
                b.set_style(style(
                    "{prefix:>12} [{bar:30}] {human_pos}/{human_len} {rate}",
                ));
            }
        }
    }

    fn finish(&self) {
        if let Ok(mut s) = self.stages.lock() {
            if let Some(last) = s.iter_mut().rev().find(|x| x.wall.is_none()) {
                last.wall = Some(last.start.elapsed());
                last.rss_kib = resident_kib();
                last.cpu = (cpu_seconds() - last.cpu_start).max(0.0);
            }
        }
        if let Some(b) = &self.bar {
            b.disable_steady_tick();
            b.finish_and_clear();
        }
    }
}

/// A bar or spinner style with rolo's `{rate}` and `{count}` (the count once there is one).
fn style(template: &str) -> indicatif::ProgressStyle {
    indicatif::ProgressStyle::with_template(template)
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .with_key(
            "rate",
            |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&rate(s.pos(), s.elapsed().as_secs_f64()));
            },
        )
        .with_key(
            "count",
            |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                if s.pos() > 0 {
                    let _ = write!(w, "{}", indicatif::HumanCount(s.pos()));
                }
            },
        )
        .progress_chars("=> ")
}

/// The stage's items per second so far, as a whole number with thousands separated
/// ("12,345/s"); nothing before the first item or the first millisecond, when there is no rate
/// to tell. (indicatif's own `per_sec` prints four decimals and, fed in batches, often 0.)
fn rate(done: u64, seconds: f64) -> String {
    if done == 0 || !seconds.is_finite() || seconds < 0.001 {
        return String::new();
    }
    format!(
        "{}/s",
        indicatif::HumanCount((done as f64 / seconds).round() as u64)
    )
}

fn review(args: ReviewArgs) -> anyhow::Result<Exit> {
    let mut opts = Options {
        limits: args.common.limits(),
        ..Options::default()
    };
    opts.normalize.region = args.region.as_ref().map(|r| r.trim().to_uppercase());
    opts.dedupe.threshold = args.threshold;
    let (records, report) = rolo::prepare(&args.inputs, &opts, &rolo::progress::Silent);
    print_problems(&report, args.common.verbose, false);
    let (mut decisions, model) = rolo::dedupe::review(&records, &opts.dedupe);
    decisions.sort_by(|a, b| {
        let da = (a.comparison.probability() - args.threshold).abs();
        let db = (b.comparison.probability() - args.threshold).abs();
        da.total_cmp(&db).then_with(|| (a.a, a.b).cmp(&(b.a, b.b)))
    });
    let mut out = format!("{}\n\n", model.summary());
    for d in decisions.iter().take(args.limit) {
        let verdict = match d.outcome {
            rolo::dedupe::Outcome::Merged => "merged".to_string(),
            rolo::dedupe::Outcome::BelowThreshold => "kept apart (below threshold)".to_string(),
            rolo::dedupe::Outcome::Refused(why) => format!("kept apart ({why})"),
        };
        out.push_str(&format!(
            "{:.3}  {verdict}  (weight {:+.1})\n",
            d.comparison.probability(),
            d.comparison.weight
        ));
        for i in [d.a, d.b] {
            if let Some(r) = records.get(i) {
                out.push_str(&format!("    {}\n", describe(r)));
            }
        }
        for e in &d.comparison.evidence {
            out.push_str(&format!("      {:+6.1}  {}\n", e.weight, e.detail));
        }
        out.push('\n');
    }
    if decisions.is_empty() {
        out.push_str("no candidate pairs: every record stands alone\n");
    }
    output::write_to(&Target::Stdout, |w| w.write_all(out.as_bytes()))?;
    Ok(if report.errors.is_empty() {
        Exit::Ok
    } else {
        Exit::Failed
    })
}

/// One line about a record: its name, identifiers and where it came from.
fn describe(r: &rolo::model::Contact) -> String {
    let mut parts = vec![if r.name.full.is_empty() {
        "(no name)".to_string()
    } else {
        r.name.full.clone()
    }];
    parts.extend(r.emails.iter().map(|e| e.value.clone()));
    parts.extend(r.phones.iter().map(|p| {
        if p.value.is_empty() {
            p.raw.clone()
        } else {
            p.value.clone()
        }
    }));
    parts.extend(r.profiles.iter().map(|p| {
        if p.url.is_empty() {
            p.id.clone()
        } else {
            p.url.clone()
        }
    }));
    parts.extend(
        r.organizations
            .iter()
            .map(|o| o.name.clone())
            .filter(|o| !o.is_empty()),
    );
    let from = r
        .source()
        .map(|s| {
            format!(
                "{} {} at {}",
                s.platform,
                s.kind,
                rolo::error::Location::file(&s.input, &s.file).at_line(s.line)
            )
        })
        .unwrap_or_default();
    format!("{} — {from}", parts.join(", "))
}

fn print_out(text: &str) -> anyhow::Result<Exit> {
    output::write_to(&Target::Stdout, |w| w.write_all(text.as_bytes()))?;
    Ok(Exit::Ok)
}

/// The JSON Schema of the output, generated from the model types so it cannot drift, and made
/// strict: see [`close`].
pub fn schema_text() -> anyhow::Result<String> {
    let mut schema = schemars::schema_for!(Vec<rolo::model::Contact>);
    // Changed in place: the schema serialises its keywords in a readable order ($schema first).
    if let Some(map) = schema.as_object_mut() {
        map.values_mut().for_each(close);
    }
    let mut s = serde_json::to_string_pretty(&schema)?;
    s.push('\n');
    Ok(s)
}

/// Fields the output leaves out when they are empty (`#[serde(skip_serializing_if)]` in the
/// model); every other field is always written.
const OMITTED_WHEN_EMPTY: &[&str] = &["prior_id"];

/// Every object in the schema closed (`additionalProperties: false`) and every field it has
/// required but [`OMITTED_WHEN_EMPTY`]: the fields a reader deserialises with a default are
/// still always written, so a tool checking rolo's output against the schema sees a missing or
/// misspelt field as the error it is.
fn close(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            let fields: Vec<String> = match map.get("properties") {
                Some(Value::Object(props)) => props
                    .keys()
                    .filter(|k| !OMITTED_WHEN_EMPTY.contains(&k.as_str()))
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            if map.contains_key("properties") {
                let mut required: Vec<Value> = match map.get("required") {
                    Some(Value::Array(r)) => r.clone(),
                    _ => Vec::new(),
                };
                for f in fields {
                    let f = Value::String(f);
                    if !required.contains(&f) {
                        required.push(f);
                    }
                }
                map.insert("required".into(), Value::Array(required));
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            for (_, x) in map.iter_mut() {
                close(x);
            }
        }
        Value::Array(list) => list.iter_mut().for_each(close),
        _ => {}
    }
}

/// Every reader's formats and every sink, from the registries themselves.
fn formats_text() -> String {
    let mut out = String::from("INPUTS\n");
    for source in rolo::sources::REGISTRY {
        out.push_str(&format!("  {}\n", source.platform().display()));
        for f in source.formats() {
            let kinds: Vec<&str> = f.kinds.iter().map(|k| k.as_str()).collect();
            out.push_str(&format!(
                "    {:<26} {}  [{}]\n",
                f.id,
                f.files,
                kinds.join(", ")
            ));
        }
    }
    out.push_str("\nOUTPUTS (--to)\n");
    for s in rolo::sinks::SINKS {
        let ext: Vec<String> = s.extensions.iter().map(|e| format!(".{e}")).collect();
        out.push_str(&format!(
            "  {:<8} {}{}\n",
            s.name,
            s.description,
            if ext.is_empty() {
                String::new()
            } else {
                format!(" ({})", ext.join(", "))
            }
        ));
    }
    out
}

/// Resident memory now, in KiB (Linux; 0 elsewhere), for --timings.
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// CPU time the process has used so far, all threads, user and system, in seconds (Linux; 0
/// elsewhere), for --timings: on a shared machine it moves less than the wall time.
fn cpu_seconds() -> f64 {
    // Fields 14 and 15 of /proc/self/stat, after the command name (which may hold spaces, so
    // counted from its closing parenthesis), in clock ticks of 1/100 s.
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.get(s.rfind(')')? + 1..)?;
            let mut fields = rest.split_whitespace().skip(11);
            let user: u64 = fields.next()?.parse().ok()?;
            let system: u64 = fields.next()?.parse().ok()?;
            Some((user + system) as f64 / 100.0)
        })
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::rate;

    #[test]
    fn progress_rate_is_a_whole_number_with_thousands_separated() {
        assert_eq!(rate(12_345_678, 10_000.0), "1,235/s");
        assert_eq!(rate(2, 5.0), "0/s");
        assert_eq!(rate(5_000_000, 0.5), "10,000,000/s");
        assert_eq!(rate(4096, 0.0037), "1,107,027/s");
    }

    #[test]
    fn progress_rate_is_left_out_before_the_first_item_or_without_a_rate() {
        assert_eq!(rate(0, 0.0), "");
        assert_eq!(rate(0, 12.0), "");
        assert_eq!(rate(3, 0.0), "");
        assert_eq!(rate(3, f64::NAN), "");
        assert_eq!(rate(3, f64::INFINITY), "");
    }
}

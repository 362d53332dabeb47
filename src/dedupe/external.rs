//! Cluster assignments computed outside rolo (`rolo merge --clusters FILE`): the linking is done
//! by another engine (Splink on Spark for data larger than one machine, `scripts/splink_link.py`),
//! and rolo does everything else — survivorship, ids, outputs, the report.
//!
//! FILE holds `record_id,cluster_id` rows, as CSV (a header naming the two columns is optional,
//! other columns are ignored) or as JSON Lines (`{"record_id": "r-…", "cluster_id": 7}`). A
//! record id is the `id` that `rolo merge INPUTS --no-dedupe --to jsonl` gives the record: `r-`
//! and 12 hex digits of SHA-256 over where it was read (`ids::source_key`: the input as given,
//! the file inside it, the kind and the record's position in the file), or, for a record read back
//! from rolo's own output, the id it carried (`ids::stream_ids`). Both are accepted for such a
//! record, so a file made from a streamed run and one made from an in-memory run name the same
//! records.
//!
//! What rolo holds to whatever the file says:
//! - an id no record of the run has is an error at its line (the inputs, `--kinds` or
//!   `--include-owner` differ from the `--no-dedupe` run, or the file is from other data);
//! - a record named in two clusters is an error at the second line;
//! - records the file does not name stay contacts of their own (one warning says how many);
//! - two records of one platform list (two rows of one Connections.csv), or two contacts read back
//!   from one rolo file, are never one contact: rolo told them apart, and so does the export that
//!   lists them. A cluster holding two is split — each record, in canonical record order, joins the
//!   first part without a record of its list — with a warning at the line of every record that
//!   had to go to another part. The file decides everything else: no weight is computed.
//!
//! The result does not depend on the order of the inputs or of the file's lines: clusters are
//! keyed by their label and their records taken in canonical record order.

use super::features::{list_key, ListKey};
use crate::error::Location;
use crate::model::Contact;
use crate::report::Issue;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

/// One row of the file: a record id, the label of its cluster, and the row's line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    record: String,
    cluster: String,
    line: u64,
}

/// A clusters file, read and checked for form (not yet against the records).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignments {
    /// The file as named on the command line: every error and warning names it.
    pub path: String,
    rows: Vec<Row>,
}

/// What went wrong with a clusters file, at [`ClustersError::location`].
#[derive(Debug, thiserror::Error)]
pub enum ClustersErrorKind {
    #[error("cannot read the clusters file: {0}")]
    Io(#[from] std::io::Error),
    #[error("not a clusters file: {0}")]
    Malformed(String),
    /// The id is shown only when it has the form of a rolo id: anything else might be data.
    #[error(
        "no record of this run has the id {0} (give the inputs, --kinds and --include-owner of \
         the --no-dedupe run that wrote it)"
    )]
    UnknownRecord(String),
    #[error("not a rolo record id (r- and 12 hex digits, the id of the --no-dedupe output)")]
    NotAnId,
    #[error("the record is already in another cluster (line {0})")]
    TwoClusters(u64),
}

/// A clusters file that cannot be applied: where, and why. Never holds contact data.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {kind}")]
pub struct ClustersError {
    pub location: Location,
    #[source]
    pub kind: ClustersErrorKind,
}

impl ClustersError {
    fn at(path: &str, line: Option<u64>, kind: ClustersErrorKind) -> ClustersError {
        ClustersError {
            location: Location {
                input: path.to_string(),
                file: String::new(),
                line,
            },
            kind,
        }
    }
}

/// Reads `path` (CSV or JSON Lines, told apart by the first character that is not blank).
pub fn read(path: &Path) -> Result<Assignments, ClustersError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ClustersError::at(&name, None, e.into()))?;
    parse(&name, &bytes)
}

/// Parses the text of a clusters file named `path`.
pub fn parse(path: &str, bytes: &[u8]) -> Result<Assignments, ClustersError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes
            .get(..e.valid_up_to())
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count() as u64)
            + 1;
        ClustersError::at(
            path,
            Some(line),
            ClustersErrorKind::Malformed("not UTF-8 text".into()),
        )
    })?;
    let rows = if text.trim_start().starts_with('{') {
        parse_jsonl(path, text)?
    } else {
        parse_csv(path, text)?
    };
    Ok(Assignments {
        path: path.to_string(),
        rows,
    })
}

fn malformed(path: &str, line: u64, why: impl Into<String>) -> ClustersError {
    ClustersError::at(path, Some(line), ClustersErrorKind::Malformed(why.into()))
}

fn parse_jsonl(path: &str, text: &str) -> Result<Vec<Row>, ClustersError> {
    let mut rows = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let line = i as u64 + 1;
        if l.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(l)
            .map_err(|e| malformed(path, line, format!("invalid JSON, column {}", e.column())))?;
        let field = |name: &str| -> Result<String, ClustersError> {
            match v.get(name) {
                Some(serde_json::Value::String(s)) => Ok(s.trim().to_string()),
                Some(serde_json::Value::Number(n)) => Ok(n.to_string()),
                Some(_) => Err(malformed(
                    path,
                    line,
                    format!("{name} is neither text nor a number"),
                )),
                None => Err(malformed(path, line, format!("no {name}"))),
            }
        };
        rows.push(Row {
            record: field("record_id")?,
            cluster: field("cluster_id")?,
            line,
        });
    }
    Ok(rows)
}

fn parse_csv(path: &str, text: &str) -> Result<Vec<Row>, ClustersError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut columns: Option<(usize, usize)> = None;
    let mut rows = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(i as u64 + 1, |p| p.line());
            malformed(path, line, "unreadable CSV row")
        })?;
        let line = rec.position().map_or(i as u64 + 1, |p| p.line());
        if rec.iter().all(str::is_empty) {
            continue;
        }
        let (r, c) = match columns {
            Some(rc) => rc,
            None => {
                // The first row: a header when it names the columns, else already data.
                let find = |name: &str| rec.iter().position(|f| f.eq_ignore_ascii_case(name));
                let rc = match (find("record_id"), find("cluster_id")) {
                    (Some(r), Some(c)) => {
                        columns = Some((r, c));
                        continue;
                    }
                    (None, None) => (0, 1),
                    _ => {
                        return Err(malformed(
                            path,
                            line,
                            "a header needs both record_id and cluster_id",
                        ))
                    }
                };
                columns = Some(rc);
                rc
            }
        };
        let (Some(record), Some(cluster)) = (rec.get(r), rec.get(c)) else {
            return Err(malformed(
                path,
                line,
                "a row needs a record id and a cluster id",
            ));
        };
        if record.is_empty() || cluster.is_empty() {
            return Err(malformed(path, line, "an empty record id or cluster id"));
        }
        rows.push(Row {
            record: record.to_string(),
            cluster: cluster.to_string(),
            line,
        });
    }
    Ok(rows)
}

/// A cluster to merge: its records (indices into the run's records, in canonical order), and
/// what the merge report says joined them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<usize>,
    pub evidence: String,
}

/// The file applied to the run's records: every record in exactly one group, and the warnings.
#[derive(Debug, Default)]
pub struct Grouping {
    /// Ordered by first member; singletons included.
    pub groups: Vec<Group>,
    pub warnings: Vec<Issue>,
}

/// The id `--no-dedupe` gives a record from where it was read.
fn own_id(r: &Contact) -> String {
    super::ids::make_id(&super::ids::source_key(r))
}

/// Applies `a` to `records` (in canonical order): which records are one contact.
pub fn group(records: &[Contact], a: &Assignments) -> Result<Grouping, ClustersError> {
    let path = a.path.as_str();
    let own: Vec<String> = records.par_iter().map(own_id).collect();
    let mut by_own: HashMap<&str, Vec<usize>> = HashMap::with_capacity(records.len());
    for (i, id) in own.iter().enumerate() {
        by_own.entry(id.as_str()).or_default().push(i);
    }
    let mut by_prior: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if let Some(s) = r.source().filter(|s| !s.prior_id.is_empty()) {
            by_prior.entry(s.prior_id.as_str()).or_default().push(i);
        }
    }
    // A record named by its own id is named by that line, not by a prior id it also carries.
    let named_own: HashSet<usize> = a
        .rows
        .iter()
        .filter_map(|row| by_own.get(row.record.as_str()))
        .flatten()
        .copied()
        .collect();
    // Per record: its cluster label and the line that named it.
    let mut cluster_of: Vec<Option<(&str, u64)>> = vec![None; records.len()];
    for row in &a.rows {
        let members: Vec<usize> = match by_own.get(row.record.as_str()) {
            Some(m) => m.clone(),
            None => match by_prior.get(row.record.as_str()) {
                Some(m) => m
                    .iter()
                    .copied()
                    .filter(|i| !named_own.contains(i))
                    .collect(),
                None => {
                    let kind = if crate::model::is_contact_id(&row.record) {
                        ClustersErrorKind::UnknownRecord(row.record.clone())
                    } else {
                        ClustersErrorKind::NotAnId
                    };
                    return Err(ClustersError::at(path, Some(row.line), kind));
                }
            },
        };
        for i in members {
            let Some(slot) = cluster_of.get_mut(i) else {
                continue;
            };
            match slot {
                Some((c, _)) if *c == row.cluster => {}
                Some((_, first)) => {
                    return Err(ClustersError::at(
                        path,
                        Some(row.line),
                        ClustersErrorKind::TwoClusters(*first),
                    ))
                }
                None => *slot = Some((row.cluster.as_str(), row.line)),
            }
        }
    }

    let mut warnings = Vec::new();
    let mut by_label: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut groups = Vec::new();
    let mut unnamed = 0usize;
    for (i, c) in cluster_of.iter().enumerate() {
        match c {
            Some((label, _)) => by_label.entry(label).or_default().push(i),
            None => {
                unnamed += 1;
                groups.push(Group {
                    members: vec![i],
                    evidence: String::new(),
                });
            }
        }
    }
    if unnamed > 0 {
        warnings.push(Issue::new(
            Location::input(path),
            format!(
                "{unnamed} of {} records are not in the clusters file: each stays a contact of its own",
                records.len()
            ),
        ));
    }
    for (label, members) in by_label {
        let parts = split_lists(records, &members);
        let n = parts.len();
        for (k, part) in parts.into_iter().enumerate() {
            if k > 0 {
                for &i in &part {
                    let line = cluster_of.get(i).copied().flatten().map(|(_, l)| l);
                    let list = records
                        .get(i)
                        .and_then(list_key)
                        .map(|(_, file, _)| file)
                        .unwrap_or_default();
                    warnings.push(Issue {
                        location: Location {
                            input: path.to_string(),
                            file: String::new(),
                            line,
                        },
                        reason: format!(
                            "a cluster holds two records of one platform list ({}): split in {n}",
                            if list.is_empty() { "a rolo file" } else { list }
                        ),
                    });
                }
            }
            let evidence = if n > 1 {
                format!("external cluster {label} (part {} of {n})", k + 1)
            } else {
                format!("external cluster {label}")
            };
            groups.push(Group {
                members: part,
                evidence,
            });
        }
    }
    groups.sort_by_key(|g| g.members.first().copied());
    Ok(Grouping { groups, warnings })
}

/// Splits `members` (canonical order) so that no part holds two records of one list: each record
/// joins the first part without one of its list.
fn split_lists(records: &[Contact], members: &[usize]) -> Vec<Vec<usize>> {
    let mut parts: Vec<(Vec<usize>, BTreeSet<ListKey>)> = Vec::new();
    for &i in members {
        let list = records.get(i).and_then(list_key);
        let fits = parts
            .iter()
            .position(|(_, lists)| list.is_none_or(|l| !lists.contains(&l)));
        let k = match fits {
            Some(k) => k,
            None => {
                parts.push((Vec::new(), BTreeSet::new()));
                parts.len() - 1
            }
        };
        if let Some((m, lists)) = parts.get_mut(k) {
            m.push(i);
            lists.extend(list);
        }
    }
    parts.into_iter().map(|(m, _)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{thin_vec, Kind, Platform, SourceRef};

    fn rec(file: &str, index: u64, kind: Kind) -> Contact {
        Contact {
            sources: thin_vec![SourceRef {
                input: "in".into(),
                file: file.into(),
                line: index + 2,
                index,
                platform: Platform::Linkedin,
                kind,
                prior_id: String::new(),
            }],
            ..Contact::default()
        }
    }

    fn records() -> Vec<Contact> {
        vec![
            rec("Connections.csv", 0, Kind::Connection),
            rec("Connections.csv", 1, Kind::Connection),
            rec("contacts.csv", 0, Kind::Contact),
            rec("contacts.csv", 1, Kind::Contact),
        ]
    }

    fn members(g: &Grouping) -> Vec<Vec<usize>> {
        g.groups.iter().map(|g| g.members.clone()).collect()
    }

    #[test]
    fn csv_with_and_without_header_and_jsonl_read_alike() {
        let r = records();
        let (a, b) = (own_id(&r[0]), own_id(&r[2]));
        let files = [
            format!("record_id,cluster_id\n{a},7\n{b},7\n"),
            format!("cluster_id,x,record_id\n7,,{a}\n7,,{b}\n"),
            format!("{a},7\n\n{b},7\n"),
            format!("{{\"record_id\":\"{a}\",\"cluster_id\":7}}\n{{\"record_id\":\"{b}\",\"cluster_id\":\"7\"}}\n"),
        ];
        for f in &files {
            let g = group(&r, &parse("c", f.as_bytes()).unwrap()).unwrap();
            assert_eq!(members(&g), [vec![0, 2], vec![1], vec![3]], "{f}");
            assert_eq!(g.groups[0].evidence, "external cluster 7");
        }
    }

    #[test]
    fn an_unknown_id_is_an_error_at_its_line_and_shows_only_rolo_ids() {
        let r = records();
        let f = format!(
            "record_id,cluster_id\n{},1\nr-000000000000,2\n",
            own_id(&r[0])
        );
        let e = group(&r, &parse("c.csv", f.as_bytes()).unwrap()).unwrap_err();
        assert_eq!(
            e.to_string().split(" (").next().unwrap(),
            "c.csv:3: no record of this run has the id r-000000000000"
        );
        let e = group(&r, &parse("c.csv", b"anna@example.org,1\n").unwrap()).unwrap_err();
        assert!(!e.to_string().contains("anna"), "{e}");
        assert!(e.to_string().starts_with("c.csv:1: "), "{e}");
    }

    #[test]
    fn a_record_in_two_clusters_is_an_error() {
        let r = records();
        let a = own_id(&r[0]);
        let f = format!("{a},1\n{a},1\n{a},2\n");
        let e = group(&r, &parse("c", f.as_bytes()).unwrap()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "c:3: the record is already in another cluster (line 1)"
        );
    }

    #[test]
    fn two_rows_of_one_list_are_split_with_a_warning() {
        let r = records();
        let ids: Vec<String> = r.iter().map(own_id).collect();
        let f = format!("{},x\n{},x\n{},x\n{},y\n", ids[1], ids[0], ids[2], ids[3]);
        let g = group(&r, &parse("c", f.as_bytes()).unwrap()).unwrap();
        assert_eq!(members(&g), [vec![0, 2], vec![1], vec![3]]);
        assert_eq!(g.warnings.len(), 1);
        assert_eq!(
            g.warnings[0].to_string(),
            "c:1: a cluster holds two records of one platform list (Connections.csv): split in 2"
        );
    }

    #[test]
    fn unnamed_records_stay_alone_and_are_counted() {
        let r = records();
        let f = format!("{},x\n", own_id(&r[3]));
        let g = group(&r, &parse("c", f.as_bytes()).unwrap()).unwrap();
        assert_eq!(members(&g), [vec![0], vec![1], vec![2], vec![3]]);
        assert_eq!(
            g.warnings[0].reason,
            "3 of 4 records are not in the clusters file: each stays a contact of its own"
        );
    }

    #[test]
    fn a_record_read_back_is_named_by_its_prior_id_unless_named_by_its_own() {
        let mut r = records();
        for i in [2, 3] {
            r[i].sources[0].prior_id = "r-00000000000a".into();
        }
        // Streamed, the first shows the prior id and the second its own.
        let f = format!(
            "r-00000000000a,x\n{},x\n{},y\n",
            own_id(&r[0]),
            own_id(&r[3])
        );
        let g = group(&r, &parse("c", f.as_bytes()).unwrap()).unwrap();
        assert_eq!(members(&g), [vec![0, 2], vec![1], vec![3]]);
    }

    #[test]
    fn lists_are_the_ones_matching_uses() {
        let mut r = records();
        r.push(rec("Connections.csv", 2, Kind::Connection));
        r[2].sources[0].prior_id = "r-00000000000a".into();
        let p = super::super::features::prepare(
            &r,
            &super::super::DedupeOptions::default(),
            &crate::progress::Silent,
        );
        for i in 0..r.len() {
            for j in 0..r.len() {
                let ours = list_key(&r[i]).is_some() && list_key(&r[i]) == list_key(&r[j]);
                let theirs = p.lists[i].is_some() && p.lists[i] == p.lists[j];
                assert_eq!(ours, theirs, "{i} {j}");
            }
        }
    }
}

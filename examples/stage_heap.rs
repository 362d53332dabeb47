//! Where a run's memory goes (docs/performance.md): the live heap at the end of each stage of
//! `rolo merge --to jsonl` and its highest point within the stage, counted by a counting
//! allocator, not sampled from RSS (which also holds what the allocator keeps for reuse).
//!
//!   cargo run --release --example stage_heap -- DIR
//!
//! The writing stage writes to nowhere: its figure is what serialising needs, not the disk.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = LIVE.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        grew(n);
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Prints, when a stage begins, the one before it: live heap now and its peak meanwhile.
struct Stages(Mutex<String>);

impl Stages {
    fn close(&self, next: &str) {
        let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
        let Ok(mut name) = self.0.lock() else { return };
        if !name.is_empty() {
            println!(
                "{:<12} live at end {:>6.0} MiB   peak within {:>6.0} MiB",
                name,
                mib(LIVE.load(Relaxed)),
                mib(PEAK.load(Relaxed))
            );
        }
        PEAK.store(LIVE.load(Relaxed), Relaxed);
        *name = next.to_string();
    }
}

impl rolo::progress::Progress for Stages {
    fn stage(&self, name: &str, _total: u64) {
        self.close(name);
    }
    fn advance(&self, _n: u64) {}
    fn finish(&self) {}
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: stage_heap DIR");
        std::process::exit(2);
    };
    let stages = Stages(Mutex::new(String::new()));
    let outcome = rolo::run(&[dir], &rolo::Options::default(), &stages);
    stages.close("writing");
    let written = rolo::sinks::write(
        rolo::sinks::OutputFormat::Jsonl,
        &outcome.contacts,
        &mut std::io::sink(),
    );
    stages.close("");
    if let Err(e) = written {
        eprintln!("stage_heap: {e}");
        std::process::exit(1);
    }
}

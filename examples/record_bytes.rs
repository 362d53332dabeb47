//! What the records of an input take in memory once read and normalised (docs/performance.md):
//! bytes and heap allocations a record, counted by a counting allocator, not sampled from RSS.
//!
//!   cargo run --release --example record_bytes -- DIR
//!
//! Heap blocks are counted at the size asked for, rounded up as a size-class allocator does
//! (8 bytes below 64, then eighths of a power of two), so the figure is close to what mimalloc
//! holds for them. Everything still allocated after `prepare` counts: the vector holding the
//! records (their inline `Contact`s) and the few caches normalising keeps (compiled phone
//! patterns), which are small beside the records at 100k.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static BYTES: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

fn size_class(n: usize) -> usize {
    if n <= 64 {
        n.next_multiple_of(8)
    } else {
        let step = n.next_power_of_two() / 8;
        n.next_multiple_of(step)
    }
}

// SAFETY: every call is passed on to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        BYTES.fetch_add(size_class(l.size()), Relaxed);
        BLOCKS.fetch_add(1, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        BYTES.fetch_sub(size_class(l.size()), Relaxed);
        BLOCKS.fetch_sub(1, Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        BYTES.fetch_add(size_class(n), Relaxed);
        BYTES.fetch_sub(size_class(l.size()), Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: record_bytes DIR");
        std::process::exit(2);
    };
    let (mut records, _) =
        rolo::prepare(&[dir], &rolo::Options::default(), &rolo::progress::Silent);
    records.shrink_to_fit();
    let n = records.len().max(1) as f64;
    let now = || (BYTES.load(Relaxed) as f64, BLOCKS.load(Relaxed) as f64);
    let (bytes, blocks) = now();
    println!(
        "{} records: {:.0} bytes a record ({} inline), {:.1} heap allocations a record",
        records.len(),
        bytes / n,
        std::mem::size_of::<rolo::model::Contact>(),
        blocks / n,
    );
    // What dedupe's features add beside them (built as `rolo merge` builds them).
    let feats = rolo::dedupe::features::prepare(
        &records,
        &rolo::dedupe::DedupeOptions::default(),
        &rolo::progress::Silent,
    );
    let (with, with_blocks) = now();
    println!(
        "  features: {:.0} bytes a record ({} inline), {:.1} heap allocations a record",
        (with - bytes) / n,
        std::mem::size_of::<rolo::dedupe::features::Features>(),
        (with_blocks - blocks) / n,
    );
    drop(feats);
    // The records' heap by part: each part taken out of every record, the drop in live bytes.
    let mut part = |label: &str, take: &dyn Fn(&mut rolo::model::Contact)| {
        let (b0, k0) = now();
        records.iter_mut().for_each(take);
        let (b1, k1) = now();
        println!(
            "  {label:<13} {:>5.0} bytes {:>4.1} allocations a record",
            (b0 - b1) / n,
            (k0 - k1) / n
        );
    };
    use std::mem::take;
    part("id", &|c| drop(take(&mut c.id)));
    part("name", &|c| drop(take(&mut c.name)));
    part("emails", &|c| drop(take(&mut c.emails)));
    part("phones", &|c| drop(take(&mut c.phones)));
    part("organizations", &|c| drop(take(&mut c.organizations)));
    part("profiles", &|c| drop(take(&mut c.profiles)));
    part("addresses", &|c| drop(take(&mut c.addresses)));
    part("events", &|c| drop(take(&mut c.events)));
    part("sources", &|c| drop(take(&mut c.sources)));
    part("the rest", &|c| drop(take(c)));
}

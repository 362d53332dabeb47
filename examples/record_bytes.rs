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
    let (bytes, blocks) = (BYTES.load(Relaxed) as f64, BLOCKS.load(Relaxed) as f64);
    println!(
        "{} records: {:.0} bytes a record ({} inline), {:.1} heap allocations a record",
        records.len(),
        bytes / n,
        std::mem::size_of::<rolo::model::Contact>(),
        blocks / n,
    );
}

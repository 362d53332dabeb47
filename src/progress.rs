//! Progress reporting as a small trait, so the library stays free of any terminal concerns.
//! The binary implements it with indicatif; [`Silent`] costs nothing.

/// Called by the pipeline as it goes. Implementations must be cheap, but a loop over millions
/// of items should still advance in batches ([`Batched`]), not once per item.
pub trait Progress: Sync {
    /// A new stage begins, with the number of steps if known (0 when not).
    fn stage(&self, name: &str, total: u64);
    fn advance(&self, n: u64);
    fn finish(&self);
}

/// No progress shown.
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _name: &str, _total: u64) {}
    fn advance(&self, _n: u64) {}
    fn finish(&self) {}
}

/// Items a loop goes through between two calls to [`Progress::advance`].
pub const BATCH: u64 = 4096;

/// Advances a stage of `total` items in steps of [`BATCH`]: a loop, parallel or not, calls
/// [`Batched::at`] with each item's position, and [`Batched::done`] once after it. Each item's
/// position is seen once, so every `BATCH`-th item advances by a whole batch and no two threads
/// touch the bar more often than that.
pub struct Batched<'a> {
    progress: &'a dyn Progress,
    total: u64,
}

impl<'a> Batched<'a> {
    pub fn new(progress: &'a dyn Progress, total: usize) -> Batched<'a> {
        Batched {
            progress,
            total: total as u64,
        }
    }

    /// The item at `position` (0-based) is done.
    pub fn at(&self, position: usize) {
        if (position as u64 + 1).is_multiple_of(BATCH) {
            self.progress.advance(BATCH);
        }
    }

    /// The loop is over: the items of the last, partial batch.
    pub fn done(&self) {
        self.progress.advance(self.total % BATCH);
    }
}

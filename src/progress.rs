//! Progress reporting as a small trait, so the library stays free of any terminal concerns.
//! The binary implements it with indicatif; [`Silent`] costs nothing.

/// Called by the pipeline as it goes. Implementations must be cheap: `advance` runs per record.
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

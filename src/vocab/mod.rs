//! The vocabularies of the formats rolo both reads and writes: column names, labels, marks and
//! separators, in one place for a format's reader (`sources/`) and its writer (`sinks/`), so that
//! what one writes the other reads back.

pub mod google_csv;
pub mod im;
pub mod profile;
pub mod related;

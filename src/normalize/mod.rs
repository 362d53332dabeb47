//! Normalisation: one layer that every reader's raw strings pass through (SPEC §4).
//!
//! The submodules are pure functions over strings; [`record`] applies them to a whole record.

pub mod date;
pub mod email;
pub mod keys;
pub mod name;
pub mod phone;
pub mod profile;
pub mod record;
pub mod text;

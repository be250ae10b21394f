//! The guided check: the reasoning engine, the saved check and the report.
//! Pure Rust, no web-sys.

pub mod check;
pub mod engine;
pub mod place;
pub mod report;
pub mod saved;

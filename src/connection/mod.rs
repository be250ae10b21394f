//! The connection test's reasoning: measurements in, a plain-language verdict out.
//! Pure Rust; the probes themselves live in `platform::probe`.

pub mod history;
pub mod verdict;

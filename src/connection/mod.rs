//! The connection test's reasoning: measurements in, a plain-language verdict out.
//! Pure Rust; the probes themselves live in `platform::probe`.

pub mod history;
pub mod progress;
pub mod schedule;
pub mod verdict;

/// Sequential samples per host that answers (for median and jitter).
pub const SAMPLES: usize = 5;
/// No request waits longer than this, except a host's second try at a first answer
/// (see `schedule`).
pub const SAMPLE_TIMEOUT_MS: u32 = 3000;
/// Every host stops sampling this long after the test started.
pub const TEST_BUDGET_MS: u32 = 7000;
/// What the screen promises: the whole test is over within this many seconds, even
/// when every host hangs (the budget, plus the time the last samples take to settle).
pub const TEST_BOUND_SECONDS: u32 = 8;

/// The probe groups are part of the content (each probe names its group).
pub use crate::content::Group;

// Checked when compiling: the promise on screen holds for these numbers.
const _: () = assert!(TEST_BUDGET_MS + 500 <= TEST_BOUND_SECONDS * 1000);
const _: () = assert!(SAMPLE_TIMEOUT_MS < TEST_BUDGET_MS);

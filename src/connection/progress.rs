//! How far a running test is, for the progress bar: samples settled out of the most the
//! test can take ([`SAMPLES`] per host), or the time used out of the test's budget,
//! whichever is further. A host that stops early (it never answered, or the time ran
//! out) counts its skipped samples as done, so the bar ends full; and while every host
//! hangs, the clock still moves it.

use super::{SAMPLES, TEST_BUDGET_MS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// Time since the test started.
    pub elapsed_ms: u32,
}

impl Progress {
    /// Nothing settled yet; `hosts` is the number of probes.
    pub fn start(hosts: usize) -> Self {
        Self {
            done: 0,
            total: hosts * SAMPLES,
            elapsed_ms: 0,
        }
    }

    /// For the bar, 0 to 100: the samples settled or the time used, whichever is further
    /// (the test never runs past its budget, so the time share never overstates).
    pub fn percent(&self) -> u32 {
        let samples = (self.done * 100).checked_div(self.total).unwrap_or(100) as u32;
        let time = self.elapsed_ms.min(TEST_BUDGET_MS) * 100 / TEST_BUDGET_MS;
        samples.max(time)
    }

    /// One sample settled: answered, failed or timed out.
    pub fn sample_settled(&mut self) {
        self.done = (self.done + 1).min(self.total);
    }

    /// A host stopped after `taken` samples; the ones it won't take are done too.
    pub fn host_finished(&mut self, taken: usize) {
        self.done = (self.done + SAMPLES.saturating_sub(taken)).min(self.total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_samples_up_to_the_total() {
        let mut p = Progress::start(2);
        assert_eq!(
            p,
            Progress {
                done: 0,
                total: 2 * SAMPLES,
                elapsed_ms: 0
            }
        );
        assert_eq!(p.percent(), 0);
        for _ in 0..SAMPLES {
            p.sample_settled();
        }
        p.host_finished(SAMPLES);
        assert_eq!(
            p.done, SAMPLES,
            "a host that took every sample adds nothing at the end"
        );
        for _ in 0..SAMPLES + 3 {
            p.sample_settled();
        }
        assert_eq!(p.done, p.total, "never beyond the total");
    }

    #[test]
    fn a_host_that_stops_early_fills_its_share() {
        let mut p = Progress::start(3);
        p.sample_settled(); // first sample fails: the host stops
        p.host_finished(1);
        assert_eq!(p.done, SAMPLES);
        p.host_finished(0); // the time ran out before its first sample
        assert_eq!(p.done, 2 * SAMPLES);
        for _ in 0..2 {
            p.sample_settled();
        }
        p.host_finished(2); // the deadline cut a host short
        assert_eq!(
            p,
            Progress {
                done: 3 * SAMPLES,
                total: 3 * SAMPLES,
                elapsed_ms: 0
            }
        );
        assert_eq!(p.percent(), 100);
    }

    #[test]
    fn no_hosts_is_an_empty_bar() {
        let mut p = Progress::start(0);
        p.sample_settled();
        p.host_finished(0);
        assert_eq!(
            p,
            Progress {
                done: 0,
                total: 0,
                elapsed_ms: 0
            }
        );
        assert_eq!(p.percent(), 100, "nothing to wait for");
    }

    #[test]
    fn while_every_host_hangs_the_clock_moves_the_bar() {
        let mut p = Progress::start(4);
        p.sample_settled(); // the own site answered once: 1 of 20
        assert_eq!(p.percent(), 5);
        p.elapsed_ms = TEST_BUDGET_MS / 2;
        assert_eq!(p.percent(), 50, "half the time used");
        p.elapsed_ms = TEST_BUDGET_MS * 2;
        assert_eq!(p.percent(), 100, "never beyond full");
        let mut p = Progress::start(1);
        for _ in 0..4 {
            p.sample_settled();
        }
        p.elapsed_ms = 100;
        assert_eq!(p.percent(), 80, "samples ahead of the clock");
    }
}

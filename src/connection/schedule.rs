//! When each host is asked, and for how long: pure, so a simulated clock can prove the
//! whole test ends within [`TEST_BOUND_SECONDS`](super::TEST_BOUND_SECONDS) whatever the
//! network does. `platform::probe` follows it with real requests and timers.
//!
//! A host that hasn't answered yet gets a second try with all the time that is left
//! (DNS, TCP and TLS can take longer than one timeout on a poor link: that is slow, not
//! unreachable). Once it has answered, it is sampled up to [`SAMPLES`] times.

use super::verdict::Sample;
use super::{SAMPLES, SAMPLE_TIMEOUT_MS, TEST_BUDGET_MS};

/// Tries a host gets to answer at all.
pub const FIRST_TRIES: usize = 2;
/// No request is started with less time than this left.
pub const SHORTEST_REQUEST_MS: u32 = 100;

/// The timeout for a host's next request, `elapsed_ms` after the test started; None
/// when the host is done.
pub fn next_timeout(samples: &[Sample], elapsed_ms: u32) -> Option<u32> {
    let left = TEST_BUDGET_MS.saturating_sub(elapsed_ms);
    if left < SHORTEST_REQUEST_MS {
        return None;
    }
    if samples.iter().any(|s| s.answer_ms().is_some()) {
        (samples.len() < SAMPLES).then_some(left.min(SAMPLE_TIMEOUT_MS))
    } else {
        match samples.len() {
            0 => Some(left.min(SAMPLE_TIMEOUT_MS)),
            n if n < FIRST_TRIES => Some(left),
            _ => None,
        }
    }
}

/// Adds a settled request to a host's samples, unless the test's end cut it short after
/// the host had answered: that measured the deadline, not the network, so it is no loss.
/// (A host that never answered keeps its time-out: it is what there is to show.)
pub fn record(samples: &mut Vec<Sample>, sample: Sample, timeout_ms: u32) {
    let cut_short = sample == Sample::TimedOut && timeout_ms < SAMPLE_TIMEOUT_MS;
    if !(cut_short && samples.iter().any(|s| s.answer_ms().is_some())) {
        samples.push(sample);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connection::TEST_BOUND_SECONDS;
    use Sample::*;

    /// How a simulated host reacts to its n-th request.
    #[derive(Debug, Clone, Copy)]
    enum Reply {
        /// Answers after this many milliseconds (if the timeout allows).
        After(u32),
        /// Fails after this many milliseconds.
        FailsAfter(u32),
        /// Never answers: only the timeout ends it.
        Hangs,
    }

    /// Runs one host with a simulated clock: each request takes what its reply says, or
    /// its timeout. Returns its samples and when it finished.
    fn simulate(replies: &[Reply]) -> (Vec<Sample>, u32) {
        let (mut clock, mut samples, mut asked) = (0u32, Vec::new(), 0);
        while let Some(timeout) = next_timeout(&samples, clock) {
            let reply = replies
                .get(asked)
                .copied()
                .unwrap_or(*replies.last().unwrap());
            asked += 1;
            let (took, sample) = match reply {
                Reply::After(ms) if ms <= timeout => (ms, Answered(ms)),
                Reply::FailsAfter(ms) if ms <= timeout => (ms, Failed),
                _ => (timeout, TimedOut),
            };
            clock += took;
            record(&mut samples, sample, timeout);
            assert!(asked < 100, "a host never stops: {samples:?}");
        }
        (samples, clock)
    }

    #[test]
    fn every_host_hanging_ends_within_the_bound() {
        let (samples, ended) = simulate(&[Reply::Hangs]);
        assert_eq!(samples, [TimedOut, TimedOut], "a second, longer try");
        assert_eq!(ended, TEST_BUDGET_MS);
        assert!(ended < TEST_BOUND_SECONDS * 1000);
    }

    #[test]
    fn a_first_request_that_hangs_is_tried_again_with_more_time() {
        let (samples, _) = simulate(&[Reply::Hangs, Reply::After(90)]);
        assert_eq!(
            samples,
            [
                TimedOut,
                Answered(90),
                Answered(90),
                Answered(90),
                Answered(90)
            ]
        );
        // Set-up slower than one timeout: the second try waits long enough.
        let (samples, ended) = simulate(&[Reply::After(3500)]);
        assert_eq!(
            samples,
            [TimedOut, Answered(3500)],
            "then the deadline cuts the next one, unrecorded"
        );
        assert!(ended <= TEST_BUDGET_MS);
    }

    #[test]
    fn a_quick_failure_is_tried_once_more() {
        assert_eq!(simulate(&[Reply::FailsAfter(20)]).0, [Failed, Failed]);
        let (samples, _) = simulate(&[Reply::FailsAfter(20), Reply::After(80)]);
        assert_eq!(samples.len(), SAMPLES);
        assert_eq!(samples[0], Failed);
    }

    #[test]
    fn late_answers_are_all_sampled() {
        let (samples, ended) = simulate(&[Reply::After(1200)]);
        assert_eq!(samples, [Answered(1200); SAMPLES]);
        assert_eq!(ended, 6000);
    }

    #[test]
    fn the_deadline_is_no_loss_once_a_host_answered() {
        let (samples, ended) = simulate(&[Reply::After(2500)]);
        assert_eq!(samples, [Answered(2500), Answered(2500)]);
        assert!(ended <= TEST_BUDGET_MS);
        let mut samples = vec![];
        record(&mut samples, TimedOut, 1500);
        assert_eq!(
            samples,
            [TimedOut],
            "before any answer, a cut request still shows"
        );
        record(&mut samples, Answered(900), 3000);
        record(&mut samples, TimedOut, SAMPLE_TIMEOUT_MS);
        assert_eq!(
            samples,
            [TimedOut, Answered(900), TimedOut],
            "a full time-out is loss"
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn reply() -> impl Strategy<Value = Reply> {
            prop_oneof![
                (0u32..9000).prop_map(Reply::After),
                (0u32..9000).prop_map(Reply::FailsAfter),
                Just(Reply::Hangs),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2048))]

            /// Whatever each request does, a host is done by the budget (the screen's
            /// bound adds the time timers and rendering take), with at most SAMPLES.
            #[test]
            fn any_host_ends_within_the_budget(replies in prop::collection::vec(reply(), 1..8)) {
                let (samples, ended) = simulate(&replies);
                prop_assert!(ended <= TEST_BUDGET_MS, "ended at {} ms", ended);
                prop_assert!(samples.len() <= SAMPLES);
                prop_assert!(!samples.is_empty(), "every host is asked at least once");
            }
        }
    }
}

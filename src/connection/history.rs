//! Recent connection test runs, labelled by network, so Wi-Fi and mobile data can be
//! compared side by side. Stored in the same versioned envelope as the check.

use super::verdict::{compare, Measurements, Verdict, VerdictKind};
use crate::diagnosis::envelope::{open, seal, Migration};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Runs kept; older ones are dropped.
pub const KEEP: usize = 6;
pub const SCHEMA: u64 = 1;
const MIGRATIONS: &[Migration] = &[];

/// Which connection the user was on, as they told us (or as the browser hinted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Network {
    Wifi,
    Mobile,
    Unknown,
}

impl Network {
    pub const ALL: [Network; 3] = [Self::Wifi, Self::Mobile, Self::Unknown];

    pub fn label(self) -> &'static str {
        match self {
            Self::Wifi => "Wi-Fi",
            Self::Mobile => "Mobile data",
            Self::Unknown => "Not sure",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Wifi => "wifi",
            Self::Mobile => "mobile",
            Self::Unknown => "unknown",
        }
    }

    /// The Network Information API's `type`, where the browser has it.
    pub fn from_connection_type(kind: &str) -> Self {
        match kind {
            "wifi" | "ethernet" => Self::Wifi,
            "cellular" => Self::Mobile,
            _ => Self::Unknown,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub at: u64,
    pub network: Network,
    pub measurements: Measurements,
    pub verdict: Verdict,
}

/// Adds a run, newest first, keeping at most [`KEEP`].
pub fn push(runs: &mut Vec<Run>, run: Run) {
    runs.insert(0, run);
    runs.truncate(KEEP);
}

/// Runs further apart than this are not compared: the network may have changed.
pub const PAIR_WINDOW_MS: u64 = 30 * 60 * 1000;

/// The latest Wi-Fi run and the latest mobile data run, when both exist and were taken
/// within [`PAIR_WINDOW_MS`] of each other.
pub fn latest_pair(runs: &[Run]) -> Option<(&Run, &Run)> {
    let latest = |network| runs.iter().find(|r| r.network == network);
    let (wifi, mobile) = (latest(Network::Wifi)?, latest(Network::Mobile)?);
    (wifi.at.abs_diff(mobile.at) <= PAIR_WINDOW_MS).then_some((wifi, mobile))
}

/// One plain sentence on which network is better for TikTok messages right now.
pub fn comparison_summary(wifi: &Run, mobile: &Run) -> String {
    let reaches = |r: &Run| {
        !matches!(
            r.verdict.kind,
            VerdictKind::Offline | VerdictKind::NoInternet | VerdictKind::TiktokUnreachable
        )
    };
    match compare(&wifi.verdict, &mobile.verdict) {
        Ordering::Equal => "Both connections did about the same, so switching won't change much. If messages still fail, the cause is probably not your network.".into(),
        order => {
            let (better, worse) = if order == Ordering::Less { (wifi, mobile) } else { (mobile, wifi) };
            let name = |r: &Run| match r.network {
                Network::Wifi => "Wi-Fi",
                Network::Mobile => "mobile data",
                Network::Unknown => "other connection",
            };
            if reaches(better) && !reaches(worse) {
                format!(
                    "TikTok only works on {}. Use {} for now; the {} you were on blocks or can't reach TikTok.",
                    name(better), name(better), name(worse)
                )
            } else {
                format!("{} is better for TikTok right now. Use it while you send messages.", better.network.label())
            }
        }
    }
}

pub fn encode(runs: &[Run]) -> String {
    seal(&runs, SCHEMA)
}

/// Reads stored runs; unreadable text comes back as Err with the reason.
pub fn decode(raw: &str) -> Result<Vec<Run>, &'static str> {
    open::<Vec<Run>>(raw, SCHEMA, MIGRATIONS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connection::verdict::{Figures, HostResult};

    fn run(network: Network, kind: VerdictKind, median: u32, at: u64) -> Run {
        Run {
            at,
            network,
            measurements: Measurements {
                online: true,
                own_site: vec![],
                internet: vec![HostResult {
                    host: "g".into(),
                    samples: vec![],
                }],
                tiktok: vec![],
            },
            verdict: Verdict {
                kind,
                figures: Some(Figures {
                    median_ms: median,
                    jitter_ms: 5,
                    loss_percent: 0,
                }),
            },
        }
    }

    #[test]
    fn keeps_the_newest_runs() {
        let mut runs = Vec::new();
        for at in 0..10 {
            push(&mut runs, run(Network::Wifi, VerdictKind::Fine, 100, at));
        }
        assert_eq!(runs.len(), KEEP);
        assert_eq!(runs[0].at, 9);
        assert_eq!(runs[KEEP - 1].at, 4);
    }

    #[test]
    fn pairs_the_latest_of_each_network() {
        let mut runs = Vec::new();
        assert!(latest_pair(&runs).is_none());
        push(&mut runs, run(Network::Wifi, VerdictKind::Slow, 1500, 1));
        assert!(latest_pair(&runs).is_none());
        push(&mut runs, run(Network::Mobile, VerdictKind::Fine, 90, 2));
        push(&mut runs, run(Network::Wifi, VerdictKind::Fine, 80, 3));
        let (wifi, mobile) = latest_pair(&runs).unwrap();
        assert_eq!((wifi.at, mobile.at), (3, 2));
        push(
            &mut runs,
            run(Network::Wifi, VerdictKind::Fine, 80, 3 + PAIR_WINDOW_MS + 1),
        );
        assert!(
            latest_pair(&runs).is_none(),
            "runs far apart are not compared"
        );
    }

    #[test]
    fn summary_says_which_is_better_and_why() {
        let blocked_wifi = run(Network::Wifi, VerdictKind::TiktokUnreachable, 80, 1);
        let fine_mobile = run(Network::Mobile, VerdictKind::Fine, 120, 2);
        let text = comparison_summary(&blocked_wifi, &fine_mobile);
        assert!(
            text.starts_with("TikTok only works on mobile data"),
            "{text}"
        );
        let slow_wifi = run(Network::Wifi, VerdictKind::Slow, 1500, 1);
        assert!(comparison_summary(&slow_wifi, &fine_mobile).starts_with("Mobile data is better"));
        let fast_wifi = run(Network::Wifi, VerdictKind::Fine, 50, 1);
        let slow_mobile = run(Network::Mobile, VerdictKind::Fine, 600, 1);
        assert!(comparison_summary(&fast_wifi, &slow_mobile).starts_with("Wi-Fi is better"));
        assert!(
            comparison_summary(&fast_wifi, &fine_mobile).starts_with("Both connections"),
            "50 vs 120 ms is the same"
        );
    }

    #[test]
    fn history_round_trips_and_rejects_garbage() {
        let runs = vec![run(Network::Mobile, VerdictKind::Unstable, 300, 7)];
        assert_eq!(decode(&encode(&runs)), Ok(runs));
        assert_eq!(decode("dm-doctor:1:nope!"), Err("it was damaged"));
        assert_eq!(decode("nope"), Err("it was not saved by DM Doctor"));
        assert_eq!(
            decode("dm-doctor:5:AA"),
            Err("it was saved by a newer version of DM Doctor")
        );
    }

    #[test]
    fn network_type_hint() {
        assert_eq!(Network::from_connection_type("wifi"), Network::Wifi);
        assert_eq!(Network::from_connection_type("cellular"), Network::Mobile);
        assert_eq!(Network::from_connection_type("bluetooth"), Network::Unknown);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// The loader either reads runs that can be shown, or says why not (the app then
        /// keeps the raw text aside); it never panics.
        fn assert_reads_or_refuses(raw: &str) {
            if let Ok(runs) = decode(raw) {
                assert_eq!(
                    decode(&encode(&runs)),
                    Ok(runs),
                    "what loads must survive a save"
                );
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn arbitrary_text_never_panics(raw in ".{0,200}") {
                assert_reads_or_refuses(&raw);
            }

            #[test]
            fn arbitrary_json_never_panics(json in crate::test_strategies::json_text()) {
                assert_reads_or_refuses(&json);
                assert_reads_or_refuses(&format!("dm-doctor:{SCHEMA}:{json}"));
            }

            #[test]
            fn arbitrary_bytes_in_a_valid_envelope_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), schema in 0u64..3) {
                assert_reads_or_refuses(&format!("dm-doctor:{schema}:{}", crate::diagnosis::envelope::base64_encode(&bytes)));
            }
        }
    }
}

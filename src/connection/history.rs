//! Recent connection test runs, labelled by network, so Wi-Fi and mobile data can be
//! compared side by side. Stored in the same versioned envelope as the check.

use super::verdict::{compare, Measurements, Verdict, VerdictKind};
use crate::envelope::{open, seal, Migration};
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

/// The stored text for the runs; Err (with the reason) only if they can't be encoded.
pub fn encode(runs: &[Run]) -> Result<String, &'static str> {
    seal(&runs, SCHEMA)
}

/// Reads stored runs; unreadable text comes back as Err with the reason.
pub fn decode(raw: &str) -> Result<Vec<Run>, &'static str> {
    open::<Vec<Run>>(raw, SCHEMA, MIGRATIONS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connection::verdict::{Figures, HostResult, Sample};

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
        assert_eq!(decode(&encode(&runs).unwrap()), Ok(runs));
        assert_eq!(decode("dm-doctor:1:nope!"), Err("it was damaged"));
        assert_eq!(decode("nope"), Err("it was not saved by DM Doctor"));
        assert_eq!(
            decode("dm-doctor:5:AA"),
            Err("it was saved by a newer version of DM Doctor")
        );
    }

    #[test]
    fn the_frozen_history_loads_as_it_was_stored() {
        use crate::connection::verdict::Sample::*;
        // Written out, not derived: what tests/fixtures/connection-schema-1.txt holds.
        let host = |name: &str, samples: &[Sample]| HostResult {
            host: name.into(),
            samples: samples.to_vec(),
        };
        let expected = vec![
            Run {
                at: 1_764_400_120_000,
                network: Network::Mobile,
                measurements: Measurements {
                    online: true,
                    own_site: vec![host("self", &[Answered(40), Answered(35)])],
                    internet: vec![host(
                        "www.google.com",
                        &[Answered(210), Answered(95), Answered(105)],
                    )],
                    tiktok: vec![host(
                        "www.tiktok.com",
                        &[
                            Answered(240),
                            Answered(110),
                            TimedOut,
                            TimedOut,
                            Answered(120),
                        ],
                    )],
                },
                verdict: Verdict {
                    kind: VerdictKind::Unstable,
                    figures: Some(Figures {
                        median_ms: 107,
                        jitter_ms: 10,
                        loss_percent: 33,
                    }),
                },
            },
            Run {
                at: 1_764_400_060_000,
                network: Network::Wifi,
                measurements: Measurements {
                    online: true,
                    own_site: vec![host("self", &[Answered(12)])],
                    internet: vec![host(
                        "www.google.com",
                        &[Answered(300), Answered(1400), Answered(1300)],
                    )],
                    tiktok: vec![
                        host("www.tiktok.com", &[Failed]),
                        host("v16-webapp.tiktok.com", &[TimedOut]),
                    ],
                },
                verdict: Verdict {
                    kind: VerdictKind::TiktokUnreachable,
                    figures: Some(Figures {
                        median_ms: 1350,
                        jitter_ms: 100,
                        loss_percent: 0,
                    }),
                },
            },
            Run {
                at: 1_764_400_000_000,
                network: Network::Unknown,
                measurements: Measurements {
                    online: false,
                    own_site: vec![],
                    internet: vec![],
                    tiktok: vec![],
                },
                verdict: Verdict {
                    kind: VerdictKind::Offline,
                    figures: None,
                },
            },
        ];
        // One fixture per schema ever written; each must load in this version.
        let fixtures = [(
            1,
            include_str!("../../tests/fixtures/connection-schema-1.txt"),
        )];
        assert_eq!(
            fixtures.len() as u64,
            SCHEMA,
            "add a fixture for every schema"
        );
        for (schema, raw) in fixtures {
            assert!(
                raw.starts_with(&format!("dm-doctor:{schema}:")),
                "schema {schema}"
            );
            assert_eq!(
                decode(raw.trim_end()),
                Ok(expected.clone()),
                "schema {schema}"
            );
        }
    }

    #[test]
    fn every_schema_after_the_first_has_a_migration() {
        // postcard data doesn't describe itself: without its migration, older data would
        // be read as the new shape, as garbage, instead of failing.
        assert_eq!(MIGRATIONS.len() as u64, SCHEMA - 1);
    }

    #[test]
    fn stored_enum_variants_keep_their_index() {
        // postcard stores a variant as its index: variants may only be appended.
        let index = |bytes: Vec<u8>| bytes[0];
        let kinds: Vec<u8> = VerdictKind::ALL
            .iter()
            .map(|k| index(postcard::to_allocvec(k).unwrap()))
            .collect();
        assert_eq!(
            VerdictKind::ALL,
            [
                VerdictKind::Offline,
                VerdictKind::NoInternet,
                VerdictKind::TiktokUnreachable,
                VerdictKind::Slow,
                VerdictKind::Unstable,
                VerdictKind::Fine
            ]
        );
        assert_eq!(kinds, [0, 1, 2, 3, 4, 5]);
        let networks: Vec<u8> = Network::ALL
            .iter()
            .map(|n| index(postcard::to_allocvec(n).unwrap()))
            .collect();
        assert_eq!(
            Network::ALL,
            [Network::Wifi, Network::Mobile, Network::Unknown]
        );
        assert_eq!(networks, [0, 1, 2]);
        let samples = [Sample::Answered(0), Sample::Failed, Sample::TimedOut];
        let indexes: Vec<u8> = samples
            .iter()
            .map(|s| index(postcard::to_allocvec(s).unwrap()))
            .collect();
        assert_eq!(indexes, [0, 1, 2]);
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
        use crate::test_strategies::{body, envelope, json_text, mutate, mutations};
        use proptest::prelude::*;

        /// The loader either reads runs that survive a save unchanged, or says why not
        /// (the app then keeps the raw text aside); it never panics.
        fn reads_or_refuses(raw: &str) -> Result<(), &'static str> {
            let runs = decode(raw)?;
            let saved = encode(&runs).expect("loaded runs can be saved");
            assert_eq!(decode(&saved), Ok(runs), "what loads must survive a save");
            Ok(())
        }

        /// Real encodings: today's and the frozen fixture.
        fn real_encodings() -> Vec<Vec<u8>> {
            let runs = vec![
                run(Network::Mobile, VerdictKind::Unstable, 300, 7),
                run(Network::Wifi, VerdictKind::Fine, 80, 3),
            ];
            vec![
                body(&encode(&runs).unwrap()),
                body(include_str!("../../tests/fixtures/connection-schema-1.txt")),
            ]
        }

        #[test]
        fn every_real_encoding_loads_and_nothing_cut_from_it_does() {
            for bytes in real_encodings() {
                assert_eq!(reads_or_refuses(&envelope(SCHEMA, &bytes)), Ok(()));
                for len in 0..bytes.len() {
                    assert_eq!(
                        reads_or_refuses(&envelope(SCHEMA, &bytes[..len])),
                        Err("it was damaged"),
                        "cut to {len}"
                    );
                }
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn arbitrary_text_never_panics(raw in ".{0,200}") {
                let _ = reads_or_refuses(&raw);
            }

            #[test]
            fn arbitrary_json_never_panics(json in json_text()) {
                prop_assert_eq!(reads_or_refuses(&json), Err("it was not saved by DM Doctor"));
                // JSON bytes where the postcard bytes should be: they reach the decoder.
                let result = reads_or_refuses(&envelope(SCHEMA, json.as_bytes()));
                prop_assert!(matches!(result, Ok(()) | Err("it was damaged")), "{:?}", result);
            }

            #[test]
            fn arbitrary_bytes_in_a_valid_envelope_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
                let result = reads_or_refuses(&envelope(SCHEMA, &bytes));
                prop_assert!(matches!(result, Ok(()) | Err("it was damaged")), "{:?}", result);
                prop_assert_eq!(reads_or_refuses(&envelope(0, &bytes)), Err("it was damaged"));
                prop_assert_eq!(reads_or_refuses(&envelope(SCHEMA + 1, &bytes)), Err("it was saved by a newer version of DM Doctor"));
            }

            #[test]
            fn real_runs_with_damaged_bytes_load_or_are_refused(source in 0usize..2, changes in mutations()) {
                let bytes = real_encodings().swap_remove(source);
                let damaged = mutate(&bytes, &changes);
                let result = reads_or_refuses(&envelope(SCHEMA, &damaged));
                prop_assert!(matches!(result, Ok(()) | Err("it was damaged")), "{:?}", result);
                if damaged == bytes {
                    prop_assert_eq!(result, Ok(()));
                }
            }

            #[test]
            fn real_runs_with_bytes_after_them_are_damaged(source in 0usize..2, tail in prop::collection::vec(any::<u8>(), 1..32)) {
                let mut bytes = real_encodings().swap_remove(source);
                bytes.extend(tail);
                prop_assert_eq!(reads_or_refuses(&envelope(SCHEMA, &bytes)), Err("it was damaged"));
            }
        }
    }
}

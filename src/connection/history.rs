//! Recent connection test runs, labelled by network, so Wi-Fi and mobile data can be
//! compared side by side. Stored in the same versioned envelope as the check.

use super::verdict::{compare, Measurements, Verdict, VerdictKind};
use crate::content::ui;
use crate::envelope::{open_stored, seal_bytes, stored_enum, stored_struct, write_list, Migration};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Runs kept; older ones are dropped.
pub const KEEP: usize = 6;
/// 2: each host carries its probe group (the parts of TikTok) and whether it is confirmed.
pub const SCHEMA: u64 = 2;
const MIGRATIONS: &[Migration] = &[schema_1::to_2];

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
            Self::Wifi => ui().connection_network_wifi,
            Self::Mobile => ui().connection_network_mobile,
            Self::Unknown => ui().connection_network_unknown,
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

stored_enum!(Network {
    Wifi,
    Mobile,
    Unknown
});
stored_struct!(Run {
    at,
    network,
    measurements,
    verdict
});

impl Run {
    /// The verdict as evidence for a check. A "fine" while a part of TikTok didn't
    /// answer (and can't weigh yet: never seen answering on this phone) says nothing
    /// about the network either way, so it is no evidence: it must not lower the
    /// network causes of someone whose message servers may be blocked.
    pub fn evidence(&self) -> Option<VerdictKind> {
        let unsure =
            self.verdict.kind == VerdictKind::Fine && !self.measurements.unsure_parts().is_empty();
        (!unsure).then_some(self.verdict.kind)
    }
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

/// One plain sentence on which network is better for TikTok messages right now, for the
/// pair [`latest_pair`] gives.
pub fn comparison_summary(wifi: &Run, mobile: &Run) -> &'static str {
    // Part of TikTok blocked counts as not reaching it: messages may be the part.
    let reaches = |r: &Run| {
        !matches!(
            r.verdict.kind,
            VerdictKind::Offline
                | VerdictKind::NoInternet
                | VerdictKind::OnlyThisSite
                | VerdictKind::TiktokUnreachable
                | VerdictKind::TiktokPartly
        )
    };
    let ui = ui();
    // One whole sentence for each outcome: the networks' names take different forms
    // (and the sentences different shapes) in other languages.
    match compare(&wifi.verdict, &mobile.verdict) {
        Ordering::Equal => ui.connection_compare_same,
        Ordering::Less if reaches(wifi) && !reaches(mobile) => ui.connection_compare_only_wifi,
        Ordering::Less => ui.connection_compare_wifi_better,
        Ordering::Greater if reaches(mobile) && !reaches(wifi) => ui.connection_compare_only_mobile,
        Ordering::Greater => ui.connection_compare_mobile_better,
    }
}

/// Runs as schema 1 stored them: hosts in three lists by group (own site, internet,
/// TikTok), without the parts of TikTok or confirmation. Rewritten byte by byte rather
/// than through serde types of the old shape: those would cost 1.5 KB of the wasm. The
/// old "tiktok" hosts become the website group, all confirmed; the result is decoded
/// (and so checked) as schema 2.
mod schema_1 {
    use crate::content::Group;

    /// Reads postcard's encoding: varints, and slices of what was read.
    struct Reader<'a> {
        bytes: &'a [u8],
        at: usize,
    }

    impl<'a> Reader<'a> {
        fn varint(&mut self) -> Result<u64, ()> {
            let mut value = 0;
            for shift in (0..64).step_by(7) {
                let byte = *self.bytes.get(self.at).ok_or(())?;
                self.at += 1;
                value |= u64::from(byte & 0x7f) << shift;
                if byte & 0x80 == 0 {
                    return Ok(value);
                }
            }
            Err(())
        }

        fn byte(&mut self) -> Result<u8, ()> {
            let byte = *self.bytes.get(self.at).ok_or(())?;
            self.at += 1;
            Ok(byte)
        }

        /// A string or byte sequence: its length, then its bytes.
        fn skip_string(&mut self) -> Result<(), ()> {
            let len = usize::try_from(self.varint()?).map_err(|_| ())?;
            self.at = self
                .at
                .checked_add(len)
                .filter(|end| *end <= self.bytes.len())
                .ok_or(())?;
            Ok(())
        }

        fn since(&self, start: usize) -> &'a [u8] {
            &self.bytes[start..self.at]
        }
    }

    fn push_varint(out: &mut Vec<u8>, mut value: u64) {
        while value >= 0x80 {
            out.push(value as u8 | 0x80);
            value >>= 7;
        }
        out.push(value as u8);
    }

    pub fn to_2(bytes: Vec<u8>) -> Result<Vec<u8>, ()> {
        let mut r = Reader {
            bytes: &bytes,
            at: 0,
        };
        let mut out = Vec::with_capacity(bytes.len() + 32);
        let runs = r.varint()?;
        push_varint(&mut out, runs);
        for _ in 0..runs {
            // The time, the network and `online`, as they were.
            let start = r.at;
            r.varint()?;
            r.varint()?;
            r.byte()?;
            out.extend_from_slice(r.since(start));
            // Three lists of (name, samples) become one list of hosts with their group.
            let (mut hosts, mut count) = (Vec::new(), 0);
            for group in [Group::OwnSite, Group::Internet, Group::TikTok] {
                for _ in 0..r.varint()? {
                    let start = r.at;
                    r.skip_string()?;
                    hosts.extend_from_slice(r.since(start));
                    hosts.extend([group as u8, 1]);
                    let start = r.at;
                    for _ in 0..r.varint()? {
                        // Sample::Answered (index 0) carries its milliseconds.
                        if r.varint()? == 0 {
                            r.varint()?;
                        }
                    }
                    hosts.extend_from_slice(r.since(start));
                    count += 1;
                }
            }
            push_varint(&mut out, count);
            out.append(&mut hosts);
            // The verdict: its kind, then figures if any (three numbers).
            let start = r.at;
            r.varint()?;
            if r.byte()? == 1 {
                for _ in 0..3 {
                    r.varint()?;
                }
            }
            out.extend_from_slice(r.since(start));
        }
        if r.at == bytes.len() {
            Ok(out)
        } else {
            Err(())
        }
    }
}

/// Confirms the hosts of `m` that answered in an earlier run, on any network: they do
/// answer this browser's probes, so if one fails now, it is this network. (A host not
/// confirmed in the content may simply never answer a browser's probe, e.g. if its
/// answer is blocked as an opaque response; see `content::Probe::confirmed`.)
pub fn confirm_known_hosts(runs: &[Run], m: &mut Measurements) {
    for host in m.hosts.iter_mut().filter(|h| !h.confirmed) {
        host.confirmed = runs.iter().any(|run| {
            run.measurements
                .hosts
                .iter()
                .any(|h| h.host == host.host && h.answered())
        });
    }
}

/// The stored text for the runs (`envelope::Stored` writes them: nothing can fail).
pub fn encode(runs: &[Run]) -> String {
    let mut bytes = Vec::new();
    write_list(runs, &mut bytes);
    seal_bytes(&bytes, SCHEMA)
}

/// Reads stored runs; unreadable text comes back as Err with the reason.
pub fn decode(raw: &str) -> Result<Vec<Run>, &'static str> {
    open_stored::<Vec<Run>>(raw, SCHEMA, MIGRATIONS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connection::verdict::{Figures, HostResult, Sample};
    use crate::content::Group;

    fn run(network: Network, kind: VerdictKind, median: u32, at: u64) -> Run {
        Run {
            at,
            network,
            measurements: Measurements {
                online: true,
                hosts: vec![HostResult {
                    host: "g".into(),
                    group: Group::Internet,
                    confirmed: true,
                    samples: vec![],
                }],
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
    fn a_host_that_answered_before_is_confirmed() {
        use crate::connection::verdict::Sample::{Answered, Failed};
        let host = |name: &str, confirmed, samples: &[Sample]| HostResult {
            host: name.into(),
            group: Group::TikTokMessages,
            confirmed,
            samples: samples.to_vec(),
        };
        let mut earlier = run(Network::Mobile, VerdictKind::Fine, 90, 1);
        earlier.measurements.hosts = vec![
            host("im-api-va.tiktok.com", false, &[Answered(90)]),
            host("im-api-va.tiktokv.com", false, &[Failed]),
        ];
        let mut now = Measurements {
            online: true,
            hosts: vec![
                host("im-api-va.tiktok.com", false, &[Failed]),
                host("im-api-va.tiktokv.com", false, &[Failed]),
                host("other", true, &[Failed]),
            ],
        };
        confirm_known_hosts(&[earlier], &mut now);
        let confirmed: Vec<bool> = now.hosts.iter().map(|h| h.confirmed).collect();
        assert_eq!(
            confirmed,
            [true, false, true],
            "answered before; never answered; confirmed anyway"
        );
        let mut fresh = now.clone();
        fresh.hosts[0].confirmed = false;
        confirm_known_hosts(&[], &mut fresh);
        assert!(!fresh.hosts[0].confirmed, "no earlier run, nothing learned");
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

    /// What the frozen fixtures hold, written out (never derived from today's encoder).
    fn frozen_runs(schema: u64) -> Vec<Run> {
        use crate::connection::verdict::Sample::*;
        use Group::*;
        let host = |group, confirmed, name: &str, samples: &[Sample]| HostResult {
            host: name.into(),
            group,
            confirmed,
            samples: samples.to_vec(),
        };
        let mut runs = vec![
            Run {
                at: 1_764_400_120_000,
                network: Network::Mobile,
                measurements: Measurements {
                    online: true,
                    hosts: vec![
                        host(OwnSite, true, "self", &[Answered(40), Answered(35)]),
                        host(
                            Internet,
                            true,
                            "www.google.com",
                            &[Answered(210), Answered(95), Answered(105)],
                        ),
                        host(
                            TikTok,
                            true,
                            "www.tiktok.com",
                            &[
                                Answered(240),
                                Answered(110),
                                TimedOut,
                                TimedOut,
                                Answered(120),
                            ],
                        ),
                    ],
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
                    hosts: vec![
                        host(OwnSite, true, "self", &[Answered(12)]),
                        host(
                            Internet,
                            true,
                            "www.google.com",
                            &[Answered(300), Answered(1400), Answered(1300)],
                        ),
                        host(TikTok, true, "www.tiktok.com", &[Failed]),
                        host(TikTok, true, "v16-webapp.tiktok.com", &[TimedOut]),
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
                    hosts: vec![],
                },
                verdict: Verdict {
                    kind: VerdictKind::Offline,
                    figures: None,
                },
            },
        ];
        if schema == 1 {
            return runs;
        }
        // Schema 2, as examples/fixtures.rs wrote it.
        let partly = Run {
            at: 1_796_000_000_000,
            network: Network::Wifi,
            measurements: Measurements {
                online: true,
                hosts: vec![
                    host(OwnSite, true, "this site", &[Answered(15)]),
                    host(
                        Internet,
                        true,
                        "www.google.com",
                        &[TimedOut, Answered(90), Answered(80)],
                    ),
                    host(
                        TikTok,
                        true,
                        "www.tiktok.com",
                        &[Answered(100), Answered(95)],
                    ),
                    host(
                        TikTokVideo,
                        false,
                        "v16-webapp-prime.tiktok.com",
                        &[Failed, Failed],
                    ),
                    host(
                        TikTokMessages,
                        true,
                        "im-api-va.tiktok.com",
                        &[TimedOut, TimedOut],
                    ),
                ],
            },
            verdict: Verdict {
                kind: VerdictKind::TiktokPartly,
                figures: Some(Figures {
                    median_ms: 87,
                    jitter_ms: 0,
                    loss_percent: 42,
                }),
            },
        };
        let only_this_site = Run {
            at: 1_795_999_940_000,
            network: Network::Mobile,
            measurements: Measurements {
                online: true,
                hosts: vec![
                    host(OwnSite, true, "this site", &[Answered(20), Answered(18)]),
                    host(Internet, true, "www.google.com", &[Failed, Failed]),
                    host(TikTok, true, "www.tiktok.com", &[TimedOut, TimedOut]),
                ],
            },
            verdict: Verdict {
                kind: VerdictKind::OnlyThisSite,
                figures: None,
            },
        };
        let offline = Run {
            at: 1_795_999_880_000,
            ..runs.pop().expect("the offline run")
        };
        vec![partly, only_this_site, offline]
    }

    #[test]
    fn the_frozen_history_loads_as_it_was_stored() {
        // One fixture per schema ever written; each must load in this version (schema 1
        // through its migration: its TikTok hosts become the website group).
        let fixtures = [
            (
                1,
                include_str!("../../tests/fixtures/connection-schema-1.txt"),
            ),
            (
                2,
                include_str!("../../tests/fixtures/connection-schema-2.txt"),
            ),
        ];
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
                Ok(frozen_runs(schema)),
                "schema {schema}"
            );
        }
    }

    #[test]
    fn a_damaged_schema_1_history_is_refused_not_misread() {
        let raw = include_str!("../../tests/fixtures/connection-schema-1.txt").trim_end();
        let cut = &raw[..raw.len() - 8];
        assert_eq!(decode(cut), Err("it could not be updated to this version"));
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
                VerdictKind::Fine,
                VerdictKind::TiktokPartly,
                VerdictKind::OnlyThisSite
            ]
        );
        assert_eq!(kinds, [0, 1, 2, 3, 4, 5, 6, 7]);
        let networks: Vec<u8> = Network::ALL
            .iter()
            .map(|n| index(postcard::to_allocvec(n).unwrap()))
            .collect();
        assert_eq!(
            Network::ALL,
            [Network::Wifi, Network::Mobile, Network::Unknown]
        );
        assert_eq!(networks, [0, 1, 2]);
        let groups: Vec<u8> = Group::ALL
            .iter()
            .map(|g| index(postcard::to_allocvec(g).unwrap()))
            .collect();
        assert_eq!(
            Group::ALL,
            [
                Group::OwnSite,
                Group::Internet,
                Group::TikTok,
                Group::TikTokVideo,
                Group::TikTokMessages
            ]
        );
        assert_eq!(groups, [0, 1, 2, 3, 4]);
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
        use crate::connection::verdict::Figures;
        use crate::envelope::{read_both, write_both};
        use crate::test_strategies::{body, envelope, json_text, mutate, mutations};
        use proptest::prelude::*;
        use proptest::{collection::vec, option, sample::select};

        /// Any runs: every network, group, sample and verdict, any numbers and texts.
        fn any_runs() -> impl Strategy<Value = Vec<Run>> {
            let sample = prop_oneof![
                any::<u32>().prop_map(Sample::Answered),
                Just(Sample::Failed),
                Just(Sample::TimedOut),
            ];
            let host = (
                ".{0,8}",
                select(Group::ALL.to_vec()),
                any::<bool>(),
                vec(sample, 0..4),
            )
                .prop_map(|(host, group, confirmed, samples)| HostResult {
                    host,
                    group,
                    confirmed,
                    samples,
                });
            let figures = (any::<u32>(), any::<u32>(), any::<u32>()).prop_map(
                |(median_ms, jitter_ms, loss_percent)| Figures {
                    median_ms,
                    jitter_ms,
                    loss_percent,
                },
            );
            let run = (
                any::<u64>(),
                select(Network::ALL.to_vec()),
                any::<bool>(),
                vec(host, 0..4),
                select(VerdictKind::ALL.to_vec()),
                option::of(figures),
            )
                .prop_map(|(at, network, online, hosts, kind, figures)| Run {
                    at,
                    network,
                    measurements: Measurements { online, hosts },
                    verdict: Verdict { kind, figures },
                });
            vec(run, 0..4)
        }

        /// The loader either reads runs that survive a save unchanged, or says why not
        /// (the app then keeps the raw text aside); it never panics.
        fn reads_or_refuses(raw: &str) -> Result<(), &'static str> {
            let runs = decode(raw)?;
            let saved = encode(&runs);
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
                body(&encode(&runs)),
                body(include_str!("../../tests/fixtures/connection-schema-2.txt")),
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
            fn arbitrary_bytes_as_schema_1_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
                let result = reads_or_refuses(&envelope(1, &bytes));
                prop_assert!(matches!(result, Ok(()) | Err("it was damaged" | "it could not be updated to this version")), "{:?}", result);
            }

            #[test]
            fn the_schema_1_fixture_damaged_loads_or_is_refused(changes in mutations()) {
                let bytes = body(include_str!("../../tests/fixtures/connection-schema-1.txt"));
                let result = reads_or_refuses(&envelope(1, &mutate(&bytes, &changes)));
                prop_assert!(matches!(result, Ok(()) | Err("it was damaged" | "it could not be updated to this version")), "{:?}", result);
            }

            #[test]
            fn any_runs_are_stored_as_postcard_stores_them(runs in any_runs()) {
                let (ours, postcards) = write_both(&runs);
                prop_assert_eq!(&ours, &postcards);
                prop_assert_eq!(read_both::<Vec<Run>>(&ours), (Some(runs.clone()), Some(runs)));
            }

            #[test]
            fn damaged_runs_read_as_postcard_reads_them(source in 0usize..2, changes in mutations()) {
                let damaged = mutate(&real_encodings().swap_remove(source), &changes);
                let (ours, postcards) = read_both::<Vec<Run>>(&damaged);
                prop_assert_eq!(ours, postcards);
            }

            #[test]
            fn arbitrary_bytes_read_as_runs_as_postcard_reads_them(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
                let (ours, postcards) = read_both::<Vec<Run>>(&bytes);
                prop_assert_eq!(ours, postcards);
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

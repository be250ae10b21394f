//! Turns probe measurements into one verdict. `navigator.onLine == false` is reliable;
//! `true` only means "some network", so the probes decide the rest:
//! - nothing outside answers → no internet, or, when this site answers, a filter or a
//!   sign-in page that lets only some sites through;
//! - the internet answers but no part of TikTok does → TikTok unreachable (region, VPN,
//!   DNS filter, outage);
//! - some parts of TikTok answer and others don't → TikTok partly reachable (a filter);
//! - answers are slow or uneven → slow or unstable, with figures;
//! - fine only when every part of TikTok answered, fast and steadily.

use crate::content::Group;
use crate::envelope::{stored_enum, stored_struct, Reader, Stored};
use serde::{Deserialize, Serialize};

/// One timed request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sample {
    /// A server answered after this many milliseconds.
    Answered(u32),
    /// The request failed at once (no route, DNS, blocked, refused).
    Failed,
    /// No answer before the timeout.
    TimedOut,
}

impl Sample {
    pub fn answer_ms(self) -> Option<u32> {
        match self {
            Self::Answered(ms) => Some(ms),
            _ => None,
        }
    }
}

/// The samples taken from one host, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostResult {
    /// The host name, as shown ("www.tiktok.com"; the file, for the own site).
    pub host: String,
    pub group: Group,
    /// False for a host not confirmed to answer everywhere (see `content::Probe`).
    pub confirmed: bool,
    pub samples: Vec<Sample>,
}

impl HostResult {
    pub fn answered(&self) -> bool {
        self.samples.iter().any(|s| s.answer_ms().is_some())
    }
}

/// Everything one test run measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurements {
    /// `navigator.onLine` when the test started.
    pub online: bool,
    /// Every probed host, in the content's order.
    pub hosts: Vec<HostResult>,
}

/// How much of a probe group answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Every host that counts answered.
    Reached,
    /// Some hosts answered, some that count didn't.
    Partly,
    /// No host answered.
    NotReached,
}

impl Measurements {
    fn group(&self, group: Group) -> impl Iterator<Item = &HostResult> {
        self.hosts.iter().filter(move |h| h.group == group)
    }

    /// Whether a host's result counts: an unconfirmed host that never answered counts
    /// only when a confirmed host of its group failed too (it may simply not answer
    /// anywhere).
    pub fn counts(&self, host: &HostResult) -> bool {
        host.confirmed
            || host.answered()
            || self.group(host.group).any(|h| h.confirmed && !h.answered())
    }

    /// How much of a group answered; None when nothing of it counts (not probed).
    pub fn reach(&self, group: Group) -> Option<Reach> {
        let (mut answered, mut failed) = (false, false);
        for host in self.group(group).filter(|h| self.counts(h)) {
            if host.answered() {
                answered = true;
            } else {
                failed = true;
            }
        }
        match (answered, failed) {
            (false, false) => None,
            (true, false) => Some(Reach::Reached),
            (true, true) => Some(Reach::Partly),
            (false, true) => Some(Reach::NotReached),
        }
    }

    /// The parts of TikTok that didn't fully answer: those not reached at all, or, if
    /// every part answered somewhere, those only partly reached.
    pub fn failing_parts(&self) -> Vec<Group> {
        let (mut lost, mut partly) = (Vec::new(), Vec::new());
        for group in Group::TIKTOK {
            match self.reach(group) {
                Some(Reach::NotReached) => lost.push(group),
                Some(Reach::Partly) => partly.push(group),
                _ => {}
            }
        }
        if lost.is_empty() {
            partly
        } else {
            lost
        }
    }

    /// The parts of TikTok none of whose hosts answered, where that doesn't count (none
    /// is confirmed to answer from this browser): shown, with how to find out more.
    pub fn unsure_parts(&self) -> Vec<Group> {
        // Lists here are built in plain loops: each `filter(..).collect()` is another
        // copy of the standard library's collecting code in the wasm.
        let mut parts = Vec::new();
        for group in Group::TIKTOK {
            // Probed, yet nothing of it counts: no host answered, and no failure weighs.
            if self.group(group).next().is_some() && self.reach(group).is_none() {
                parts.push(group);
            }
        }
        parts
    }

    /// The unsure parts worth saying under a verdict of `kind`: none when the verdict
    /// already says nothing of TikTok answered ("on its own this doesn't change the
    /// result" would read as a contradiction there).
    pub fn unsure_to_say(&self, kind: VerdictKind) -> Vec<Group> {
        use VerdictKind::*;
        if matches!(kind, Slow | Unstable | Fine | TiktokPartly) {
            self.unsure_parts()
        } else {
            Vec::new()
        }
    }
}

/// The kinds of verdict; their texts live in `content/connection.toml`. Stored by index
/// in saved runs and checks: variants may only be appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictKind {
    Offline,
    NoInternet,
    TiktokUnreachable,
    Slow,
    Unstable,
    Fine,
    /// Some parts of TikTok answered, others didn't.
    TiktokPartly,
    /// This site answered, nothing outside did.
    OnlyThisSite,
}

impl VerdictKind {
    pub const ALL: [VerdictKind; 8] = [
        Self::Offline,
        Self::NoInternet,
        Self::TiktokUnreachable,
        Self::Slow,
        Self::Unstable,
        Self::Fine,
        Self::TiktokPartly,
        Self::OnlyThisSite,
    ];

    /// The id used in content files and storage.
    pub fn id(self) -> &'static str {
        match self {
            Self::Offline => "offline",
            Self::NoInternet => "no-internet",
            Self::TiktokUnreachable => "tiktok-unreachable",
            Self::Slow => "slow",
            Self::Unstable => "unstable",
            Self::Fine => "fine",
            Self::TiktokPartly => "tiktok-partly",
            Self::OnlyThisSite => "only-this-site",
        }
    }
}

/// Latency figures over a set of hosts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub median_ms: u32,
    /// Mean absolute difference of consecutive answer times of the same host.
    pub jitter_ms: u32,
    /// Share of all samples that got no answer, in percent.
    pub loss_percent: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub kind: VerdictKind,
    pub figures: Option<Figures>,
}

// Stored in saved runs and checks (see `envelope::Stored`): variants by index, fields
// in declaration order.
stored_enum!(Group {
    OwnSite,
    Internet,
    TikTok,
    TikTokVideo,
    TikTokMessages
});
stored_enum!(VerdictKind {
    Offline,
    NoInternet,
    TiktokUnreachable,
    Slow,
    Unstable,
    Fine,
    TiktokPartly,
    OnlyThisSite
});
stored_struct!(HostResult {
    host,
    group,
    confirmed,
    samples
});
stored_struct!(Measurements { online, hosts });
stored_struct!(Figures {
    median_ms,
    jitter_ms,
    loss_percent
});
stored_struct!(Verdict { kind, figures });

impl Stored for Sample {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Self::Answered(ms) => {
                out.push(0);
                ms.write(out);
            }
            Self::Failed => out.push(1),
            Self::TimedOut => out.push(2),
        }
    }
    fn read(reader: &mut Reader) -> Self {
        match reader.variant() {
            0 => Self::Answered(u32::read(reader)),
            1 => Self::Failed,
            2 => Self::TimedOut,
            _ => {
                reader.fail();
                Self::Failed
            }
        }
    }
}

/// Above this median a connection is slow for messaging.
pub const SLOW_MEDIAN_MS: u32 = 1000;
/// Above this jitter, or this loss (one request in five), a connection with a good
/// median is unstable.
pub const UNSTABLE_JITTER_MS: u32 = 300;
pub const UNSTABLE_LOSS_PERCENT: u32 = 20;

/// The middle value (the mean of the two middle ones for an even count); 0 for none.
pub fn median(values: &mut [u32]) -> u32 {
    crate::sort::sort_by(values, |a, b| a.cmp(b));
    match values.len() {
        0 => 0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2,
    }
}

/// The one definition of the figures, for the verdict (over every outside host that
/// counts) and for each host's line on screen:
/// - times: every answer, except a host's first answer when it has later ones (that
///   one also paid for DNS, TCP and TLS set-up: it proves the host answers, nothing more);
/// - jitter: differences of consecutive answer times of the same host;
/// - loss: every sample that got no answer, over every sample, unreachable hosts
///   included.
///
/// None when no answer came at all.
pub fn figures(hosts: &[&HostResult]) -> Option<Figures> {
    let mut times = Vec::new();
    let (mut differences, mut pairs) = (0u64, 0u64);
    let (mut total, mut answered) = (0, 0);
    for host in hosts {
        let mut answers = Vec::new();
        for sample in &host.samples {
            answers.extend(sample.answer_ms());
        }
        total += host.samples.len();
        answered += answers.len();
        let timed = &answers[usize::from(answers.len() > 1)..];
        for pair in timed.windows(2) {
            differences += u64::from(pair[0].abs_diff(pair[1]));
            pairs += 1;
        }
        times.extend_from_slice(timed);
    }
    if times.is_empty() {
        return None;
    }
    Some(Figures {
        median_ms: median(&mut times),
        jitter_ms: differences.checked_div(pairs).unwrap_or(0) as u32,
        loss_percent: ((total - answered) * 100 / total) as u32,
    })
}

/// The verdict for a run.
#[inline(never)]
pub fn judge(m: &Measurements) -> Verdict {
    let verdict = |kind, figures| Verdict { kind, figures };
    if !m.online {
        return verdict(VerdictKind::Offline, None);
    }
    let outside = || m.hosts.iter().filter(|h| h.group != Group::OwnSite);
    if !outside().any(HostResult::answered) {
        let kind = if m.reach(Group::OwnSite) == Some(Reach::Reached) {
            VerdictKind::OnlyThisSite
        } else {
            VerdictKind::NoInternet
        };
        return verdict(kind, None);
    }
    let mut counted = Vec::new();
    for host in outside().filter(|h| m.counts(h)) {
        counted.push(host);
    }
    let figures = figures(&counted);
    let kind = if !outside().any(|h| h.group.is_tiktok() && h.answered()) {
        VerdictKind::TiktokUnreachable
    } else if !m.failing_parts().is_empty() {
        VerdictKind::TiktokPartly
    } else {
        // Every part of TikTok answers: now judge the quality of what answered, over
        // everything and for each part alone (slow or lossy message servers are not
        // made fine by fast video servers), and the worst counts.
        let mut kind = quality(figures);
        for group in Group::TIKTOK {
            let mut hosts = counted.clone();
            hosts.retain(|h| h.group == group);
            kind = worse(kind, quality(self::figures(&hosts)));
        }
        kind
    };
    verdict(kind, figures)
}

/// Slow, unstable or fine, for a set of figures.
fn quality(figures: Option<Figures>) -> VerdictKind {
    match figures {
        Some(f) if f.median_ms >= SLOW_MEDIAN_MS => VerdictKind::Slow,
        Some(f) if f.jitter_ms >= UNSTABLE_JITTER_MS || f.loss_percent >= UNSTABLE_LOSS_PERCENT => {
            VerdictKind::Unstable
        }
        _ => VerdictKind::Fine,
    }
}

/// The worse of two qualities: slow, then unstable, then fine.
fn worse(a: VerdictKind, b: VerdictKind) -> VerdictKind {
    let rank = |k| match k {
        VerdictKind::Slow => 2,
        VerdictKind::Unstable => 1,
        _ => 0,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// Medians closer than this (or within a third of each other) count as the same speed.
const SAME_SPEED_MS: u32 = 150;

/// Which of two runs (e.g. Wi-Fi and mobile data) is better for TikTok messages:
/// `Less` when `a` is better. Reaching TikTok beats everything; then clearly better speed.
#[inline(never)]
pub fn compare(a: &Verdict, b: &Verdict) -> std::cmp::Ordering {
    fn rank(v: &Verdict) -> (u8, u32) {
        let class = match v.kind {
            VerdictKind::Fine => 0,
            VerdictKind::Unstable => 1,
            VerdictKind::Slow => 2,
            VerdictKind::TiktokPartly => 3,
            VerdictKind::TiktokUnreachable => 4,
            VerdictKind::OnlyThisSite => 5,
            VerdictKind::NoInternet => 6,
            VerdictKind::Offline => 7,
        };
        (class, v.figures.map_or(u32::MAX, |f| f.median_ms))
    }
    let ((class_a, ms_a), (class_b, ms_b)) = (rank(a), rank(b));
    let close = ms_a.abs_diff(ms_b) <= SAME_SPEED_MS.max(ms_a.min(ms_b) / 3);
    class_a.cmp(&class_b).then(if close {
        std::cmp::Ordering::Equal
    } else {
        ms_a.cmp(&ms_b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Group::*;
    use Sample::*;

    fn host(group: Group, confirmed: bool, samples: &[Sample]) -> HostResult {
        HostResult {
            host: format!("{group:?}"),
            group,
            confirmed,
            samples: samples.to_vec(),
        }
    }

    /// A run shaped like the shipped test: the own site, two internet hosts, TikTok's
    /// website, its video servers (confirmed + unconfirmed) and its message servers
    /// (confirmed + unconfirmed).
    struct Run<'a> {
        online: bool,
        own: &'a [Sample],
        internet: [&'a [Sample]; 2],
        website: &'a [Sample],
        video: [&'a [Sample]; 2],
        messages: [&'a [Sample]; 2],
    }

    impl Run<'_> {
        fn everywhere(samples: &[Sample]) -> Run<'_> {
            Run {
                online: true,
                own: FAST,
                internet: [samples; 2],
                website: samples,
                video: [samples; 2],
                messages: [samples; 2],
            }
        }

        fn measurements(&self) -> Measurements {
            Measurements {
                online: self.online,
                hosts: vec![
                    host(OwnSite, true, self.own),
                    host(Internet, true, self.internet[0]),
                    host(Internet, true, self.internet[1]),
                    host(TikTok, true, self.website),
                    host(TikTokVideo, true, self.video[0]),
                    host(TikTokVideo, false, self.video[1]),
                    host(TikTokMessages, true, self.messages[0]),
                    host(TikTokMessages, false, self.messages[1]),
                ],
            }
        }
    }

    const FAST: &[Sample] = &[
        Answered(80),
        Answered(90),
        Answered(85),
        Answered(95),
        Answered(88),
    ];
    const DOWN: &[Sample] = &[Failed, Failed];
    const HANG: &[Sample] = &[TimedOut, TimedOut];

    /// The verdict table of the closing note: inputs → verdict.
    #[test]
    fn verdict_table() {
        let late: &[Sample] = &[
            Answered(1400),
            Answered(1300),
            Answered(1500),
            Answered(1250),
        ];
        let jittery: &[Sample] = &[
            Answered(60),
            Answered(700),
            Answered(80),
            Answered(650),
            Answered(90),
        ];
        let lossy: &[Sample] = &[Answered(90), TimedOut, Answered(95), Failed];
        let first_only: &[Sample] = &[Answered(90), TimedOut, TimedOut];
        let first_hangs: &[Sample] = &[
            TimedOut,
            Answered(120),
            Answered(90),
            Answered(95),
            Answered(88),
        ];
        let slow_setup: &[Sample] = &[TimedOut, Answered(3500)];
        let all = Run::everywhere;
        let cases: Vec<(&str, Run, VerdictKind)> = vec![
            (
                "offline wins over anything measured",
                Run {
                    online: false,
                    ..all(FAST)
                },
                VerdictKind::Offline,
            ),
            (
                "everything times out",
                Run {
                    own: HANG,
                    ..all(HANG)
                },
                VerdictKind::NoInternet,
            ),
            (
                "everything fails at once",
                Run {
                    own: DOWN,
                    ..all(DOWN)
                },
                VerdictKind::NoInternet,
            ),
            (
                "own site answers, nothing outside does",
                all(HANG),
                VerdictKind::OnlyThisSite,
            ),
            (
                "TikTok down, internet fine",
                Run {
                    internet: [FAST; 2],
                    ..all(DOWN)
                },
                VerdictKind::TiktokUnreachable,
            ),
            (
                "message servers blocked",
                Run {
                    messages: [DOWN; 2],
                    ..all(FAST)
                },
                VerdictKind::TiktokPartly,
            ),
            (
                "confirmed message server hangs, unconfirmed answers",
                Run {
                    messages: [HANG, FAST],
                    ..all(FAST)
                },
                VerdictKind::TiktokPartly,
            ),
            (
                "video servers blocked",
                Run {
                    video: [DOWN; 2],
                    ..all(FAST)
                },
                VerdictKind::TiktokPartly,
            ),
            (
                "only the website answers",
                Run {
                    internet: [FAST; 2],
                    website: FAST,
                    ..all(DOWN)
                },
                VerdictKind::TiktokPartly,
            ),
            (
                "an unconfirmed message host fails alone",
                Run {
                    messages: [FAST, DOWN],
                    ..all(FAST)
                },
                VerdictKind::Fine,
            ),
            (
                "an unconfirmed video host hangs alone",
                Run {
                    video: [FAST, HANG],
                    ..all(FAST)
                },
                VerdictKind::Fine,
            ),
            (
                "one internet host blocked by a content blocker",
                Run {
                    internet: [DOWN, FAST],
                    ..all(FAST)
                },
                VerdictKind::Fine,
            ),
            (
                "own site down does not matter",
                Run {
                    own: DOWN,
                    ..all(FAST)
                },
                VerdictKind::Fine,
            ),
            (
                "answers after more than a second",
                all(late),
                VerdictKind::Slow,
            ),
            (
                "set-up slower than one timeout: slow, not 'no internet'",
                all(slow_setup),
                VerdictKind::Slow,
            ),
            (
                "high jitter with a good median",
                Run {
                    video: [jittery, FAST],
                    ..all(jittery)
                },
                VerdictKind::Unstable,
            ),
            (
                "lost samples with a good median",
                all(lossy),
                VerdictKind::Unstable,
            ),
            (
                "only first answers, then nothing: 67% loss is not fine",
                all(first_only),
                VerdictKind::Unstable,
            ),
            (
                "every first request hangs, later ones answer",
                all(first_hangs),
                VerdictKind::Unstable,
            ),
            (
                "message servers answer once, then hang: not fine",
                Run {
                    messages: [first_only; 2],
                    ..all(FAST)
                },
                VerdictKind::Unstable,
            ),
            (
                "message servers answer after 2.5 s: slow, however fast the rest",
                Run {
                    messages: [&[Answered(2500), Answered(2500)]; 2],
                    ..all(FAST)
                },
                VerdictKind::Slow,
            ),
            ("all fine", all(FAST), VerdictKind::Fine),
        ];
        for (name, run, expected) in cases {
            assert_eq!(judge(&run.measurements()).kind, expected, "{name}");
        }
    }

    #[test]
    fn the_failing_part_is_named() {
        let failing = |run: Run| run.measurements().failing_parts();
        let all = Run::everywhere;
        assert_eq!(
            failing(Run {
                messages: [DOWN; 2],
                ..all(FAST)
            }),
            [TikTokMessages]
        );
        assert_eq!(
            failing(Run {
                video: [HANG; 2],
                messages: [DOWN; 2],
                ..all(FAST)
            }),
            [TikTokVideo, TikTokMessages]
        );
        assert_eq!(
            failing(Run {
                messages: [HANG, FAST],
                ..all(FAST)
            }),
            [TikTokMessages],
            "partly reached, and nothing wholly lost"
        );
        assert_eq!(
            failing(Run {
                video: [HANG, FAST],
                messages: [DOWN; 2],
                ..all(FAST)
            }),
            [TikTokMessages],
            "the part wholly lost comes first"
        );
        assert_eq!(
            failing(Run {
                messages: [FAST, DOWN],
                ..all(FAST)
            }),
            [],
            "an unconfirmed host alone"
        );
    }

    /// Everything answers but the message servers, which were never seen answering.
    fn messages_never_seen_answering() -> Measurements {
        let mut m = Run {
            messages: [DOWN; 2],
            ..Run::everywhere(FAST)
        }
        .measurements();
        for h in &mut m.hosts {
            h.confirmed = h.group != TikTokMessages;
        }
        m
    }

    #[test]
    fn a_part_whose_hosts_never_answered_anywhere_is_unsure_not_blocked() {
        let mut m = messages_never_seen_answering();
        assert_eq!(
            judge(&m).kind,
            VerdictKind::Fine,
            "unconfirmed failures alone weigh nothing"
        );
        assert_eq!(m.unsure_parts(), [TikTokMessages], "but they are said");
        m.hosts[6].confirmed = true; // it answered on another network before
        assert_eq!(judge(&m).kind, VerdictKind::TiktokPartly);
        assert_eq!(m.unsure_parts(), []);
        let one_answers = Run {
            messages: [FAST, DOWN],
            ..Run::everywhere(FAST)
        }
        .measurements();
        assert_eq!(
            one_answers.unsure_parts(),
            [],
            "a part that answered is not unsure"
        );
    }

    #[test]
    fn unsure_parts_are_said_only_where_some_of_tiktok_answered() {
        let mut m = messages_never_seen_answering();
        let kind = judge(&m).kind;
        assert_eq!(m.unsure_to_say(kind), [TikTokMessages], "{kind:?}");
        // Now nothing of TikTok answers: the verdict says so, and no part is "unsure".
        for h in &mut m.hosts {
            if Group::TIKTOK.contains(&h.group) {
                h.samples = vec![Sample::Failed; h.samples.len()];
            }
        }
        let kind = judge(&m).kind;
        assert_eq!(kind, VerdictKind::TiktokUnreachable);
        assert_eq!(m.unsure_parts(), [TikTokMessages]);
        assert_eq!(m.unsure_to_say(kind), [], "{kind:?}");
    }

    #[test]
    fn unconfirmed_hosts_count_beside_a_failed_confirmed_one() {
        let m = Run {
            messages: [DOWN, DOWN],
            ..Run::everywhere(FAST)
        }
        .measurements();
        assert_eq!(m.reach(TikTokMessages), Some(Reach::NotReached));
        assert!(m.counts(&m.hosts[7]), "its confirmed neighbour failed too");
        let m = Run {
            messages: [FAST, DOWN],
            ..Run::everywhere(FAST)
        }
        .measurements();
        assert_eq!(m.reach(TikTokMessages), Some(Reach::Reached));
        assert!(!m.counts(&m.hosts[7]));
        let figures = judge(&m).figures.unwrap();
        assert_eq!(figures.loss_percent, 0, "nor is it loss");
        assert_eq!(m.reach(Group::OwnSite), Some(Reach::Reached));
        let none = Measurements {
            online: true,
            hosts: vec![],
        };
        assert_eq!(none.reach(TikTok), None, "a group without hosts");
    }

    #[test]
    fn every_verdict_has_content() {
        let ids: Vec<&str> = VerdictKind::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(ids, crate::content::validate::VERDICT_IDS);
        for id in ids {
            assert!(crate::content::content().verdict(id).is_some(), "{id}");
        }
    }

    /// The CSP's connect-src must list exactly the outside probe origins (and 'self').
    #[test]
    fn csp_connect_src_lists_exactly_the_probe_origins() {
        let html = include_str!("../../index.html");
        let start = html
            .find("connect-src ")
            .expect("index.html has a connect-src")
            + "connect-src ".len();
        let end = start + html[start..].find(';').unwrap();
        let mut listed: Vec<&str> = html[start..end].split_whitespace().collect();
        let mut expected: Vec<String> = vec!["'self'".into()];
        for probe in crate::content::content()
            .probes
            .iter()
            .filter(|p| p.group != Group::OwnSite)
        {
            let origin_end = probe.url["https://".len()..]
                .find('/')
                .map_or(probe.url.len(), |i| i + "https://".len());
            expected.push(probe.url[..origin_end].to_owned());
        }
        listed.sort_unstable();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(listed, expected);
    }

    #[test]
    fn figures_are_median_jitter_and_loss() {
        // First answers (set-up) are left out of the times: a's 900 and b's 400.
        let a = host(
            Internet,
            true,
            &[Answered(900), Answered(100), Answered(300), Answered(200)],
        );
        let b = host(TikTok, true, &[Answered(400), Answered(250), TimedOut]);
        let f = figures(&[&a, &b]).unwrap();
        assert_eq!(f.median_ms, 225); // of 100, 200, 250, 300
        assert_eq!(f.jitter_ms, 150); // |100-300| and |300-200| within host a
        assert_eq!(f.loss_percent, 14); // 1 of the 7 samples
                                        // A host that never answered is all loss.
        let down = host(TikTok, true, &[TimedOut, Failed]);
        assert_eq!(figures(&[&a, &b, &down]).unwrap().loss_percent, 33); // 3 of 9
        assert_eq!(figures(&[&down]), None);
        // A first answer that hung first: its retry is the set-up answer.
        let retried = host(
            TikTok,
            true,
            &[TimedOut, Answered(2500), Answered(100), Answered(120)],
        );
        let f = figures(&[&retried]).unwrap();
        assert_eq!((f.median_ms, f.jitter_ms, f.loss_percent), (110, 20, 25));
    }

    #[test]
    fn a_slow_first_connection_is_not_jitter() {
        let steady: &[Sample] = &[
            Answered(1300),
            Answered(300),
            Answered(310),
            Answered(290),
            Answered(305),
        ];
        let v = judge(&Run::everywhere(steady).measurements());
        assert_eq!(v.kind, VerdictKind::Fine, "{v:?}");
        // A single answer still counts, set-up and all.
        let once: &[Sample] = &[Answered(1300)];
        assert_eq!(
            judge(&Run::everywhere(once).measurements()).kind,
            VerdictKind::Slow
        );
    }

    #[test]
    fn slow_verdict_carries_the_figures() {
        let slow: &[Sample] = &[Answered(1500), Answered(1200), Answered(1250)];
        let v = judge(&Run::everywhere(slow).measurements());
        assert_eq!(v.kind, VerdictKind::Slow);
        assert_eq!(v.figures.unwrap().median_ms, 1225);
    }

    #[test]
    fn reaching_tiktok_beats_speed_when_comparing() {
        let fine = judge(&Run::everywhere(FAST).measurements());
        let slow_samples: &[Sample] = &[Answered(1500), Answered(1600)];
        let slow = judge(&Run::everywhere(slow_samples).measurements());
        let partly = judge(
            &Run {
                messages: [DOWN; 2],
                ..Run::everywhere(FAST)
            }
            .measurements(),
        );
        let blocked = judge(
            &Run {
                internet: [FAST; 2],
                ..Run::everywhere(DOWN)
            }
            .measurements(),
        );
        assert_eq!(compare(&fine, &slow), std::cmp::Ordering::Less);
        assert_eq!(compare(&partly, &slow), std::cmp::Ordering::Greater);
        assert_eq!(compare(&blocked, &partly), std::cmp::Ordering::Greater);
        assert_eq!(compare(&fine, &fine), std::cmp::Ordering::Equal);
        let figures = |median_ms| {
            Some(Figures {
                median_ms,
                jitter_ms: 5,
                loss_percent: 0,
            })
        };
        let fine_at = |ms| Verdict {
            kind: VerdictKind::Fine,
            figures: figures(ms),
        };
        assert_eq!(
            compare(&fine_at(50), &fine_at(120)),
            std::cmp::Ordering::Equal,
            "both fast"
        );
        assert_eq!(
            compare(&fine_at(900), &fine_at(400)),
            std::cmp::Ordering::Greater,
            "clearly slower"
        );
    }

    /// Every combination of which hosts answer (in the shipped content's layout) with
    /// sample patterns: exhaustively over answer-or-not per host, randomly over patterns.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// The shipped probes, each with its samples; `learned[i]` marks a probe as
        /// confirmed (it answered on this phone before) on top of the content's flag.
        fn shipped(online: bool, samples: &[Vec<Sample>], learned: &[bool]) -> Measurements {
            let probes = &crate::content::content().probes;
            assert_eq!(
                samples.len(),
                probes.len(),
                "a pattern for every shipped probe"
            );
            Measurements {
                online,
                hosts: probes
                    .iter()
                    .enumerate()
                    .map(|(i, p)| HostResult {
                        host: p.url.clone(),
                        group: p.group,
                        confirmed: p.confirmed || learned.get(i).copied().unwrap_or(false),
                        samples: samples[i].clone(),
                    })
                    .collect(),
            }
        }

        fn answers(h: &HostResult) -> bool {
            h.answered()
        }

        /// The rules every verdict keeps, each written from the raw samples (not with
        /// the judge's own helpers, except the one definition of the figures).
        fn check(m: &Measurements) -> Result<(), String> {
            let v = judge(m);
            let text = crate::content::content().verdict(v.kind.id());
            let outside = || m.hosts.iter().filter(|h| h.group != OwnSite);
            let tiktok = || m.hosts.iter().filter(|h| h.group.is_tiktok());
            // A failed host counts if it is confirmed, or a confirmed host of its group
            // failed too.
            let counts = |h: &HostResult| {
                answers(h)
                    || h.confirmed
                    || m.hosts
                        .iter()
                        .any(|o| o.group == h.group && o.confirmed && !answers(o))
            };
            let fail = |rule: &str| Err(format!("{rule}: {:?} for {m:?}", v.kind));
            if text.is_none() {
                return fail("a verdict always has its text");
            }
            if !m.online {
                return if v.kind == VerdictKind::Offline {
                    Ok(())
                } else {
                    fail("offline is offline")
                };
            }
            let quality = matches!(
                v.kind,
                VerdictKind::Fine | VerdictKind::Slow | VerdictKind::Unstable
            );
            if quality && !tiktok().filter(|h| h.confirmed).all(answers) {
                return fail(
                    "never fine (or merely slow) unless every confirmed TikTok host answered",
                );
            }
            if outside().any(answers)
                && matches!(
                    v.kind,
                    VerdictKind::NoInternet | VerdictKind::OnlyThisSite | VerdictKind::Offline
                )
            {
                return fail("never 'no internet' when an outside host answered");
            }
            if !outside().any(answers)
                && !matches!(v.kind, VerdictKind::NoInternet | VerdictKind::OnlyThisSite)
            {
                return fail("nothing outside answered: no internet, or only this site");
            }
            let lost_part = tiktok().any(|h| !answers(h) && counts(h));
            if tiktok().any(answers) && (v.kind == VerdictKind::TiktokPartly) != lost_part {
                return fail(
                    "'partly' exactly when a counted TikTok host failed and another answered",
                );
            }
            if v.kind == VerdictKind::Fine {
                for group in Group::TIKTOK {
                    let hosts: Vec<&HostResult> =
                        tiktok().filter(|h| h.group == group && counts(h)).collect();
                    if let Some(f) = figures(&hosts) {
                        if f.median_ms >= SLOW_MEDIAN_MS
                            || f.loss_percent >= UNSTABLE_LOSS_PERCENT
                            || f.jitter_ms >= UNSTABLE_JITTER_MS
                        {
                            return fail("fine only when every part of TikTok is within bounds");
                        }
                    }
                }
            }
            if outside().any(answers) != v.figures.is_some() {
                return fail("figures exactly when something outside answered");
            }
            Ok(())
        }

        const FAST5: [Sample; 5] = [
            Answered(80),
            Answered(90),
            Answered(85),
            Answered(95),
            Answered(88),
        ];

        #[test]
        fn every_combination_of_hosts_answering() {
            let n = crate::content::content().probes.len();
            assert!(n <= 12, "2^{n} combinations");
            let answering: [&[Sample]; 4] = [
                &FAST5,
                &[Answered(1400), Answered(1300), Answered(1350)],
                &[TimedOut, Answered(120), Answered(90)],
                &[Answered(90), TimedOut, TimedOut],
            ];
            let failing: [&[Sample]; 2] = [&[Failed, Failed], &[TimedOut, TimedOut]];
            let mut checked = 0;
            for mask in 0u32..1 << n {
                for ok in answering {
                    for bad in failing {
                        let samples: Vec<Vec<Sample>> = (0..n)
                            .map(|i| {
                                if mask >> i & 1 == 1 {
                                    ok.to_vec()
                                } else {
                                    bad.to_vec()
                                }
                            })
                            .collect();
                        for online in [true, false] {
                            for learned in [vec![], vec![true; n]] {
                                check(&shipped(online, &samples, &learned)).unwrap();
                                checked += 1;
                            }
                        }
                    }
                }
            }
            assert_eq!(checked, (1 << n) * 32);
        }

        /// Each group with its own pattern: a slow or lossy part among good ones.
        #[test]
        fn every_combination_of_patterns_per_group() {
            let patterns: [&[Sample]; 5] = [
                &FAST5,
                &[Answered(1400), Answered(1300), Answered(1350)],
                &[Answered(90), TimedOut, TimedOut],
                &[Answered(60), Answered(700), Answered(80), Answered(650)],
                &[Failed, Failed],
            ];
            let probes = &crate::content::content().probes;
            let n = probes.len();
            let mut checked = 0;
            for choice in 0..patterns.len().pow(Group::ALL.len() as u32) {
                let pattern_of = |group: Group| {
                    let at = Group::ALL.iter().position(|g| *g == group).unwrap();
                    patterns[choice / patterns.len().pow(at as u32) % patterns.len()]
                };
                let samples: Vec<Vec<Sample>> = probes
                    .iter()
                    .map(|p| pattern_of(p.group).to_vec())
                    .collect();
                for learned in [vec![], vec![true; n]] {
                    check(&shipped(true, &samples, &learned)).unwrap();
                    checked += 1;
                }
            }
            assert_eq!(checked, 2 * 5usize.pow(5));
        }

        fn sample() -> impl Strategy<Value = Sample> {
            prop_oneof![
                (1u32..8000).prop_map(Answered),
                Just(Failed),
                Just(TimedOut),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2048))]

            #[test]
            fn any_sample_patterns(
                online in any::<bool>(),
                samples in prop::collection::vec(
                    prop::collection::vec(sample(), 0..=5),
                    crate::content::content().probes.len(),
                ),
                learned in prop::collection::vec(any::<bool>(), crate::content::content().probes.len()),
            ) {
                let m = shipped(online, &samples, &learned);
                if let Err(problem) = check(&m) {
                    prop_assert!(false, "{}", problem);
                }
            }
        }
    }
}

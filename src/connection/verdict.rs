//! Turns probe measurements into one verdict. `navigator.onLine == false` is reliable;
//! `true` only means "some network", so the probes decide the rest:
//! - nothing outside answers → a network that doesn't reach the internet (captive Wi-Fi,
//!   router, DNS);
//! - the internet answers but no TikTok host does → TikTok unreachable (region, VPN, DNS
//!   filter, outage);
//! - answers are slow or uneven → slow or unstable, with figures;
//! - otherwise fine: the problem is not this network.

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

/// The samples taken from one host, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HostResult {
    pub host: String,
    pub samples: Vec<Sample>,
}

impl HostResult {
    pub fn answered(&self) -> bool {
        self.samples
            .iter()
            .any(|s| matches!(s, Sample::Answered(_)))
    }

    /// Answer times for latency. The first sample also pays for DNS, TCP and TLS set-up,
    /// so it is left out when there are later ones: it proves the host answers, nothing more.
    fn times(&self) -> impl Iterator<Item = u32> + '_ {
        let warm_up = usize::from(self.samples.len() > 1);
        self.samples[warm_up..].iter().filter_map(|s| match s {
            Sample::Answered(ms) => Some(*ms),
            _ => None,
        })
    }
}

/// Everything one test run measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurements {
    /// `navigator.onLine` when the test started.
    pub online: bool,
    pub own_site: Vec<HostResult>,
    pub internet: Vec<HostResult>,
    pub tiktok: Vec<HostResult>,
}

/// The kinds of verdict; their texts live in `content/connection.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictKind {
    Offline,
    NoInternet,
    TiktokUnreachable,
    Slow,
    Unstable,
    Fine,
}

impl VerdictKind {
    pub const ALL: [VerdictKind; 6] = [
        Self::Offline,
        Self::NoInternet,
        Self::TiktokUnreachable,
        Self::Slow,
        Self::Unstable,
        Self::Fine,
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
        }
    }
}

/// Latency figures over every answered sample of the reachable hosts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub median_ms: u32,
    /// Mean absolute difference of consecutive samples of the same host.
    pub jitter_ms: u32,
    /// Share of samples to reachable hosts that got no answer, in percent.
    pub loss_percent: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub kind: VerdictKind,
    pub figures: Option<Figures>,
}

/// Above this median a connection is slow for messaging.
pub const SLOW_MEDIAN_MS: u32 = 1000;
/// Above this jitter, or this loss, a connection with a good median is unstable.
pub const UNSTABLE_JITTER_MS: u32 = 300;
pub const UNSTABLE_LOSS_PERCENT: u32 = 25;

/// The middle value (the mean of the two middle ones for an even count); 0 for none.
pub fn median(values: &mut [u32]) -> u32 {
    crate::sort::sort_by(values, |a, b| a.cmp(b));
    match values.len() {
        0 => 0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2,
    }
}

/// Median, jitter and loss over the hosts that answered at least once.
pub fn figures<'a>(hosts: impl IntoIterator<Item = &'a HostResult>) -> Option<Figures> {
    let mut times = Vec::new();
    // Jitter: differences of consecutive answer times of the same host.
    let (mut differences, mut pairs) = (0u64, 0u64);
    // Samples counted for loss (the set-up sample is left out, as for the times).
    let mut total = 0;
    for host in hosts.into_iter().filter(|h| h.answered()) {
        let mut previous = None;
        for ms in host.times() {
            if let Some(previous) = previous {
                differences += u64::from(ms.abs_diff(previous));
                pairs += 1;
            }
            previous = Some(ms);
            times.push(ms);
        }
        total += host.samples.len() - usize::from(host.samples.len() > 1);
    }
    if times.is_empty() {
        return None;
    }
    let lost = total - times.len();
    Some(Figures {
        median_ms: median(&mut times),
        jitter_ms: differences.checked_div(pairs).unwrap_or(0) as u32,
        loss_percent: (lost * 100 / total.max(1)) as u32,
    })
}

/// The verdict for a run.
pub fn judge(m: &Measurements) -> Verdict {
    let verdict = |kind, figures| Verdict { kind, figures };
    if !m.online {
        return verdict(VerdictKind::Offline, None);
    }
    let internet = m.internet.iter().any(HostResult::answered);
    let tiktok = m.tiktok.iter().any(HostResult::answered);
    if !internet && !tiktok {
        return verdict(VerdictKind::NoInternet, None);
    }
    let figures = figures(m.internet.iter().chain(&m.tiktok));
    if !tiktok {
        return verdict(VerdictKind::TiktokUnreachable, figures);
    }
    // TikTok answers: now judge the quality of what answered (content blockers may
    // stop the general-internet probes; TikTok answering is what matters).
    let kind = match figures {
        Some(f) if f.median_ms >= SLOW_MEDIAN_MS => VerdictKind::Slow,
        Some(f) if f.jitter_ms >= UNSTABLE_JITTER_MS || f.loss_percent >= UNSTABLE_LOSS_PERCENT => {
            VerdictKind::Unstable
        }
        _ => VerdictKind::Fine,
    };
    verdict(kind, figures)
}

/// Medians closer than this (or within a third of each other) count as the same speed.
const SAME_SPEED_MS: u32 = 150;

/// Which of two runs (e.g. Wi-Fi and mobile data) is better for TikTok messages:
/// `Less` when `a` is better. Reaching TikTok beats everything; then clearly better speed.
pub fn compare(a: &Verdict, b: &Verdict) -> std::cmp::Ordering {
    fn rank(v: &Verdict) -> (u8, u32) {
        let class = match v.kind {
            VerdictKind::Fine => 0,
            VerdictKind::Unstable => 1,
            VerdictKind::Slow => 2,
            VerdictKind::TiktokUnreachable => 3,
            VerdictKind::NoInternet => 4,
            VerdictKind::Offline => 5,
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
    use Sample::*;

    fn host(name: &str, samples: &[Sample]) -> HostResult {
        HostResult {
            host: name.into(),
            samples: samples.to_vec(),
        }
    }

    fn run(
        online: bool,
        own: &[Sample],
        internet: [&[Sample]; 2],
        tiktok: [&[Sample]; 2],
    ) -> Measurements {
        Measurements {
            online,
            own_site: vec![host("self", own)],
            internet: vec![host("g", internet[0]), host("c", internet[1])],
            tiktok: vec![host("t", tiktok[0]), host("cdn", tiktok[1])],
        }
    }

    const FAST: &[Sample] = &[
        Answered(80),
        Answered(90),
        Answered(85),
        Answered(95),
        Answered(88),
    ];
    const DOWN: &[Sample] = &[Failed];
    const HANG: &[Sample] = &[TimedOut];

    #[test]
    fn verdict_table() {
        let slow: &[Sample] = &[Answered(1400), Answered(1300), Answered(1500)];
        let jittery: &[Sample] = &[
            Answered(60),
            Answered(700),
            Answered(80),
            Answered(650),
            Answered(90),
        ];
        let lossy: &[Sample] = &[Answered(90), TimedOut, Answered(95), Failed];
        let cases: Vec<(&str, Measurements, VerdictKind)> = vec![
            (
                "offline wins over anything measured",
                run(false, FAST, [FAST, FAST], [FAST, FAST]),
                VerdictKind::Offline,
            ),
            (
                "everything times out",
                run(true, HANG, [HANG, HANG], [HANG, HANG]),
                VerdictKind::NoInternet,
            ),
            (
                "captive portal: own site answers, outside does not",
                run(true, FAST, [DOWN, HANG], [DOWN, DOWN]),
                VerdictKind::NoInternet,
            ),
            (
                "TikTok down, internet fine",
                run(true, FAST, [FAST, FAST], [DOWN, HANG]),
                VerdictKind::TiktokUnreachable,
            ),
            (
                "one of two TikTok hosts down is still reachable",
                run(true, FAST, [FAST, FAST], [DOWN, FAST]),
                VerdictKind::Fine,
            ),
            (
                "one of two internet hosts blocked by a content blocker",
                run(true, FAST, [DOWN, FAST], [FAST, FAST]),
                VerdictKind::Fine,
            ),
            (
                "internet probes blocked, TikTok answers",
                run(true, FAST, [DOWN, DOWN], [FAST, FAST]),
                VerdictKind::Fine,
            ),
            (
                "own site down does not matter",
                run(true, DOWN, [FAST, FAST], [FAST, FAST]),
                VerdictKind::Fine,
            ),
            (
                "slow everywhere",
                run(true, FAST, [slow, slow], [slow, slow]),
                VerdictKind::Slow,
            ),
            (
                "high jitter with a good median",
                run(true, FAST, [jittery, jittery], [jittery, FAST]),
                VerdictKind::Unstable,
            ),
            (
                "lost samples with a good median",
                run(true, FAST, [lossy, lossy], [lossy, lossy]),
                VerdictKind::Unstable,
            ),
            (
                "all fine",
                run(true, FAST, [FAST, FAST], [FAST, FAST]),
                VerdictKind::Fine,
            ),
        ];
        for (name, measurements, expected) in cases {
            assert_eq!(judge(&measurements).kind, expected, "{name}");
        }
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
            .filter(|p| p.group != crate::content::Group::OwnSite)
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
        // First samples (set-up) are left out: a's 900 and b's 400.
        let a = host(
            "a",
            &[Answered(900), Answered(100), Answered(300), Answered(200)],
        );
        let b = host("b", &[Answered(400), Answered(250), TimedOut]);
        let f = figures([&a, &b]).unwrap();
        assert_eq!(f.median_ms, 225); // of 100, 200, 250, 300
        assert_eq!(f.jitter_ms, 150); // |100-300| and |300-200| within host a
        assert_eq!(f.loss_percent, 20); // 1 of the 5 counted samples
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
        let v = judge(&run(true, FAST, [steady, steady], [steady, steady]));
        assert_eq!(v.kind, VerdictKind::Fine, "{v:?}");
        // A single sample still counts, set-up and all.
        let once: &[Sample] = &[Answered(1300)];
        assert_eq!(
            judge(&run(true, FAST, [once, once], [once, once])).kind,
            VerdictKind::Slow
        );
    }

    #[test]
    fn unreachable_hosts_do_not_count_as_loss() {
        let up = host("up", &[Answered(100), Answered(120), Answered(110)]);
        let down = host("down", &[Failed]);
        assert_eq!(figures([&up, &down]).unwrap().loss_percent, 0);
        assert_eq!(figures([&down]), None);
    }

    #[test]
    fn slow_verdict_carries_the_figures() {
        let slow: &[Sample] = &[Answered(1500), Answered(1200), Answered(1250)];
        let v = judge(&run(true, FAST, [slow, slow], [slow, slow]));
        assert_eq!(v.kind, VerdictKind::Slow);
        assert_eq!(v.figures.unwrap().median_ms, 1225);
    }

    #[test]
    fn reaching_tiktok_beats_speed_when_comparing() {
        let fine = judge(&run(true, FAST, [FAST, FAST], [FAST, FAST]));
        let slow_samples: &[Sample] = &[Answered(1500), Answered(1600)];
        let slow = judge(&run(
            true,
            FAST,
            [slow_samples, slow_samples],
            [slow_samples, slow_samples],
        ));
        let blocked = judge(&run(true, FAST, [FAST, FAST], [DOWN, DOWN]));
        assert_eq!(compare(&fine, &slow), std::cmp::Ordering::Less);
        assert_eq!(compare(&blocked, &slow), std::cmp::Ordering::Greater);
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
}

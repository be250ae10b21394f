//! Proves the content sound: unique ids, no dangling references, no empty entries,
//! and every seed topic covered. Runs in `build.rs` (a broken content file fails the
//! build with a readable list) and again in `cargo test`.
//! This file is also compiled into `build.rs`, so it may depend on `super::model` only.

use super::model::{
    best_confidence, is_allowed_link, parse_condition, Confidence, Content, Fix, Group, Question,
    Source, Step, StepKind, NOT_SURE, SYMPTOM_CONDITION, SYMPTOM_SUMMARY_MAX,
};
use super::readability;
use std::collections::HashSet;

/// Every topic the product promises to cover, with a human description for error messages.
pub const SEED_TOPICS: &[(&str, &str)] = &[
    (
        "recipient-privacy",
        "recipient's DM privacy (friends, requests or Don't receive; private accounts)",
    ),
    ("mutual-follow", "mutual follow needed for DMs"),
    ("message-requests", "message requests"),
    ("own-dm-settings", "the user's own DM settings"),
    ("blocked", "blocked by the recipient"),
    ("age-under-16", "no DMs under 16"),
    ("age-16-17", "16-17 defaults"),
    ("family-pairing", "Family Pairing limits"),
    (
        "account-restriction",
        "temporary DM bans after guideline violations",
    ),
    ("account-status", "the Account status page"),
    ("appeal", "appealing a restriction"),
    ("outage", "server outages (many users at once)"),
    ("app-bug", "app bugs"),
    ("watch-official", "where to watch for an official fix"),
    ("cache", "corrupted cache (clear in TikTok and in Android)"),
    ("outdated-app", "outdated app (update from the Play Store)"),
    ("reinstall", "reinstalling (drafts are lost)"),
    ("restart-phone", "restarting the phone"),
    ("force-stop", "force stopping TikTok"),
    ("unstable-network", "unstable network"),
    ("wifi-vs-mobile", "Wi-Fi vs mobile data"),
    ("airplane-mode", "airplane-mode toggle"),
    ("vpn", "VPNs"),
    ("region", "regional restrictions"),
    (
        "security-lock",
        "security locks from account/device/IP/location switching",
    ),
    ("data-saver", "data saver"),
    (
        "battery-optimisation",
        "battery optimisation delaying notifications",
    ),
    ("private-dns", "Private DNS"),
    ("date-time", "wrong date and time"),
    ("report-problem", "reporting the problem inside TikTok"),
    (
        "notifications",
        "notifications turned off (Android permission, TikTok's own alert settings)",
    ),
    ("muted-chat", "a muted chat"),
    ("teen-quiet-hours", "teen push alerts muted at night"),
    ("you-blocked", "the user blocked the other person"),
    (
        "message-filtered",
        "one message removed by TikTok's safety filters",
    ),
    ("group-chat", "group chat rules"),
    ("unsupported-message", "message types that aren't supported"),
    ("battery-saver", "phone-wide Battery Saver"),
    ("web-messages", "TikTok messages on the web"),
    ("tiktok-lite", "TikTok Lite, a separate app"),
    ("storage-full", "phone storage full"),
];

/// How an Android settings path starts in a step ("Open Settings > Apps > TikTok").
const ANDROID_PATH: &str = "Settings > ";
/// Android menus differ by phone and version, so every such step also says what to
/// search for ("Or search Settings for \"TikTok\".").
const SEARCH_FALLBACK: &str = "search Settings for";

/// Ids are used in URLs and storage: lowercase ascii, digits and dashes.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Returns every problem found; an empty list means the content is sound.
pub fn validate(content: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();

    let all_ids = content
        .symptoms
        .iter()
        .map(|s| ("symptom", s.id.as_str()))
        .chain(content.causes.iter().map(|c| ("cause", c.id.as_str())))
        .chain(content.fixes.iter().map(|f| ("fix", f.id.as_str())));
    for (kind, id) in all_ids {
        if !is_valid_id(id) {
            problems.push(format!(
                "{kind} id {id:?} must be lowercase letters, digits and dashes"
            ));
        }
        if !ids.insert((kind, id)) {
            problems.push(format!("{kind} id {id:?} is used twice"));
        }
    }

    if content.symptoms.is_empty() {
        problems.push("there are no symptoms".into());
    }
    for symptom in &content.symptoms {
        let at = format!("symptom {:?}", symptom.id);
        if blank(&symptom.title) || blank(&symptom.detail) {
            problems.push(format!("{at} needs a title and a detail"));
        }
        check_symptom_summary(&at, &symptom.summary, &mut problems);
        if symptom.causes.is_empty() {
            problems.push(format!("{at} lists no causes"));
        }
        for cause in &symptom.causes {
            if content.cause(cause).is_none() {
                problems.push(format!("{at} names unknown cause {cause:?}"));
            }
        }
    }

    for cause in &content.causes {
        let at = format!("cause {:?}", cause.id);
        if blank(&cause.title) || blank(&cause.summary) {
            problems.push(format!("{at} needs a title and a summary"));
        }
        if cause.explanation.is_empty() || cause.explanation.iter().any(|p| blank(p)) {
            problems.push(format!(
                "{at} needs an explanation without empty paragraphs"
            ));
        }
        if cause.fixes.is_empty() {
            problems.push(format!("{at} has no fix"));
        }
        for fix in &cause.fixes {
            if content.fix(fix).is_none() {
                problems.push(format!("{at} names unknown fix {fix:?}"));
            }
        }
        if !content
            .symptoms
            .iter()
            .any(|s| s.causes.contains(&cause.id))
        {
            problems.push(format!("{at} is not reachable from any symptom"));
        }
        check_topics(&at, &cause.topics, &mut problems);
        check_sources(&at, &cause.sources, &mut problems);
        let reports = cause.fixes.iter().any(|f| f == REPORT_FIX);
        match &cause.support_cant_change {
            // A built-in rule: reporting can't change it, so the plan ends with the
            // cause's own last fix (what to do instead), never a dead end.
            Some(text)
                if blank(text)
                    || reports
                    || cause.fixes.len() < 2
                    || !cause
                        .fixes
                        .last()
                        .and_then(|id| content.fix(id))
                        .is_some_and(|f| f.kind == StepKind::Explain) =>
            {
                problems.push(format!(
                    "{at} is a built-in rule: say what support can't change, leave out \"{REPORT_FIX}\" and end with an explain step (what to do instead)"
                ));
            }
            Some(_) => {}
            None if cause.fixes.last().map(String::as_str) != Some(REPORT_FIX) => {
                problems.push(format!(
                    "{at} must end its fixes with \"{REPORT_FIX}\", so there is no dead end"
                ));
            }
            None => {}
        }
    }

    for fix in &content.fixes {
        let at = format!("fix {:?}", fix.id);
        if blank(&fix.title) || blank(&fix.summary) {
            problems.push(format!("{at} needs a title and a summary"));
        }
        if fix.steps.is_empty() {
            problems.push(format!("{at} has no steps"));
        }
        for (n, step) in fix.steps.iter().enumerate() {
            if step_is_blank(step) {
                problems.push(format!("{at} step {} is empty", n + 1));
            }
            let variants = [
                Some(&step.text),
                step.samsung.as_ref(),
                step.xiaomi.as_ref(),
            ];
            if variants
                .into_iter()
                .flatten()
                .any(|t| t.contains(ANDROID_PATH) && !t.contains(SEARCH_FALLBACK))
            {
                problems.push(format!(
                    "{at} step {}: an Android path ({ANDROID_PATH:?}...) needs a \"{SEARCH_FALLBACK} ...\" fallback on every phone",
                    n + 1
                ));
            }
        }
        if fix.warnings.iter().any(|w| blank(w)) {
            problems.push(format!("{at} has an empty warning"));
        }
        if content.causes_fixed_by(&fix.id).next().is_none() {
            problems.push(format!("{at} is not used by any cause"));
        }
        check_topics(&at, &fix.topics, &mut problems);
        check_sources(&at, &fix.sources, &mut problems);
        check_conditions(
            content,
            &at,
            None,
            &fix.only_if,
            &fix.skip_if,
            &mut problems,
        );
        for link in &fix.links {
            if blank(&link.label) || !is_allowed_link(&link.url) {
                problems.push(format!("{at} link {:?} needs a label and a TikTok Play Store listing or www.tiktok.com address", link.url));
            }
        }
        check_step_kind(content, &at, fix, &mut problems);
    }

    check_questions(content, &mut problems);
    check_readability(content, &mut problems);
    if !content.probes.is_empty() || !content.verdicts.is_empty() {
        check_connection(content, &mut problems);
    }

    if !content.install_guides.is_empty()
        && (content.open_in_browser.is_empty() || content.open_in_browser.iter().any(|s| blank(s)))
    {
        problems.push("install help needs the steps to open DM Doctor in the phone's browser (open_in_browser)".into());
    }
    for guide in &content.install_guides {
        if blank(&guide.browser) || guide.steps.is_empty() || guide.steps.iter().any(|s| blank(s)) {
            problems.push(format!(
                "install guide {:?} needs a browser name and steps",
                guide.browser
            ));
        }
    }

    for page in &content.pages {
        let empty_section = page.sections.iter().any(|s| {
            blank(&s.heading) || s.paragraphs.is_empty() || s.paragraphs.iter().any(|p| blank(p))
        });
        if blank(&page.title) || page.sections.is_empty() || empty_section {
            problems.push(format!(
                "page {:?} needs a title and non-empty sections",
                page.id
            ));
        }
    }
    if content.page("about").is_none() {
        problems.push("the \"about\" page is missing".into());
    }

    for (topic, description) in SEED_TOPICS {
        let covered = content
            .causes
            .iter()
            .map(|c| &c.topics)
            .chain(content.fixes.iter().map(|f| &f.topics))
            .any(|topics| topics.iter().any(|t| t == topic));
        if !covered {
            problems.push(format!(
                "seed topic {topic:?} ({description}) is not covered"
            ));
        }
    }

    problems
}

/// Ids of `connection::verdict::VerdictKind` (checked against it in a test).
pub const VERDICT_IDS: &[&str] = &[
    "offline",
    "no-internet",
    "tiktok-unreachable",
    "slow",
    "unstable",
    "fine",
    "tiktok-partly",
    "only-this-site",
];
/// The placeholder in the "tiktok-partly" explanation for the parts that didn't answer.
pub const FAILING_PARTS: &str = "{failing}";
/// How many probes each group needs, at least.
const PROBE_GROUPS: &[(Group, usize)] = &[
    (Group::OwnSite, 1),
    (Group::Internet, 2),
    (Group::TikTok, 1),
    (Group::TikTokVideo, 1),
    (Group::TikTokMessages, 1),
];

fn check_connection(content: &Content, problems: &mut Vec<String>) {
    for (group, minimum) in PROBE_GROUPS {
        let probes = || content.probes.iter().filter(|p| p.group == *group);
        let count = probes().count();
        if count < *minimum {
            problems.push(format!(
                "the connection test needs at least {minimum} {group:?} probe(s), has {count}"
            ));
        }
        // Unconfirmed hosts weigh only beside a confirmed one (or once they answered on
        // this phone): these groups must be judged from the first run.
        if [Group::OwnSite, Group::Internet, Group::TikTok].contains(group)
            && !probes().any(|p| p.confirmed)
        {
            problems.push(format!("the {group:?} probes need a confirmed host"));
        }
        if blank(content.group_name(*group)) {
            problems.push(format!("the {group:?} probes need a group name"));
        }
    }
    let mut urls = HashSet::new();
    for probe in &content.probes {
        let at = format!("probe {:?}", probe.url);
        let external = probe.group != Group::OwnSite;
        if external != probe.url.starts_with("https://") || probe.url.contains(['?', '#']) {
            problems.push(format!(
                "{at}: outside probes need an https URL, own-site probes a path; no query"
            ));
        }
        if !urls.insert(probe.url.as_str()) {
            problems.push(format!("{at} must be listed once"));
        }
    }
    if content
        .verdict("tiktok-partly")
        .is_some_and(|v| !v.explanation.contains(FAILING_PARTS))
    {
        problems.push(format!(
            "verdict \"tiktok-partly\" must name the parts that failed with {FAILING_PARTS}"
        ));
    }
    for id in VERDICT_IDS {
        if content.verdict(id).is_none() {
            problems.push(format!("connection verdict {id:?} has no text"));
        }
    }
    for verdict in &content.verdicts {
        let at = format!("verdict {:?}", verdict.id);
        if !VERDICT_IDS.contains(&verdict.id.as_str()) {
            problems.push(format!("{at} is not a known verdict"));
        }
        if blank(&verdict.title)
            || blank(&verdict.explanation)
            || verdict.next_steps.iter().any(|s| blank(s))
        {
            problems.push(format!(
                "{at} needs a title, an explanation and non-empty steps"
            ));
        }
        for fix in &verdict.fixes {
            if content.fix(fix).is_none() {
                problems.push(format!("{at} names unknown fix {fix:?}"));
            }
        }
        for (cause, weight) in &verdict.evidence {
            if content.cause(cause).is_none() || *weight == 0 || weight.abs() > MAX_WEIGHT {
                problems.push(format!("{at} has bad evidence {cause:?} = {weight}"));
            }
        }
    }
}

/// Largest evidence weight allowed on one answer for one cause (2^6 = 64x the odds).
pub const MAX_WEIGHT: i32 = 6;
/// Largest weight one answer may give a cause whose best source is only `unverified`, so
/// that one thing the user tells us can't make it the "most likely" cause. (Connection
/// verdicts are measured, not told, and are not capped.)
pub const MAX_UNVERIFIED_WEIGHT: i32 = 3;

/// True when the cause exists and its best source is only `unverified`.
fn unverified(content: &Content, cause: &str) -> bool {
    content
        .cause(cause)
        .is_some_and(|c| best_confidence(&c.sources) == Some(Confidence::Unverified))
}

fn check_sources(at: &str, sources: &[Source], problems: &mut Vec<String>) {
    if sources.is_empty() {
        problems.push(format!(
            "{at} has no source (add one; \"unverified\" common advice is shown with a hedge)"
        ));
    }
    for source in sources {
        if blank(&source.title)
            || source
                .url
                .as_deref()
                .is_some_and(|u| !u.starts_with("https://"))
        {
            problems.push(format!(
                "{at} source {:?} needs a title and an https URL (or none)",
                source.title
            ));
        }
    }
}

fn check_questions(content: &Content, problems: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for question in &content.questions {
        let at = format!("question {:?}", question.id);
        if !is_valid_id(&question.id) {
            problems.push(format!(
                "{at}: id must be lowercase letters, digits and dashes"
            ));
        }
        if !seen.insert(question.id.as_str()) {
            problems.push(format!("{at} is used twice"));
        }
        if blank(&question.text) || blank(&question.why) {
            problems.push(format!("{at} needs a text and a why"));
        }
        for symptom in &question.symptoms {
            if content.symptom(symptom).is_none() {
                problems.push(format!("{at} names unknown symptom {symptom:?}"));
            }
        }
        if question.answers.len() < 2 {
            problems.push(format!(
                "{at} needs at least two answers besides \"Not sure\""
            ));
        }
        check_conditions(
            content,
            &at,
            Some(&question.id),
            &question.only_if,
            &question.skip_if,
            problems,
        );
        let mut answer_ids = HashSet::new();
        for answer in &question.answers {
            let at = format!("{at} answer {:?}", answer.id);
            if answer.id == NOT_SURE {
                problems.push(format!(
                    "{at}: \"{NOT_SURE}\" is added by the app, don't define it"
                ));
            }
            if !is_valid_id(&answer.id) || !answer_ids.insert(answer.id.as_str()) {
                problems.push(format!("{at} needs a unique lowercase id"));
            }
            if blank(&answer.label) || blank(&answer.said) {
                problems.push(format!("{at} needs a label and a said"));
            }
            for (cause, weight) in &answer.evidence {
                if content.cause(cause).is_none() {
                    problems.push(format!("{at} gives evidence for unknown cause {cause:?}"));
                }
                if *weight == 0 || weight.abs() > MAX_WEIGHT {
                    problems.push(format!("{at} weight {weight} for {cause:?} must be 1..={MAX_WEIGHT} or -{MAX_WEIGHT}..=-1"));
                }
                if *weight > MAX_UNVERIFIED_WEIGHT && unverified(content, cause) {
                    problems.push(format!(
                        "{at} weight {weight} for {cause:?} is above {MAX_UNVERIFIED_WEIGHT}, the most for a cause with only unverified sources"
                    ));
                }
            }
        }
    }
    if content.questions.is_empty() {
        return;
    }
    for symptom in &content.symptoms {
        if !content.questions.iter().any(|q| applies(q, &symptom.id)) {
            problems.push(format!("symptom {:?} has no question to ask", symptom.id));
        }
    }
    for cause in &content.causes {
        let raised = content
            .questions
            .iter()
            .flat_map(|q| &q.answers)
            .any(|a| a.evidence.get(&cause.id).is_some_and(|w| *w > 0));
        if !raised {
            problems.push(format!("cause {:?} is not raised by any answer", cause.id));
        }
    }
}

/// The fix that ends every cause's list whose cause isn't a built-in rule.
const REPORT_FIX: &str = "report-problem";

/// A step's kind fits its fields: a check asks a question with at least two answers,
/// each leading on with the plan or to a fix that is no check itself (so no loops); an
/// explain step says what to do `instead` and only ends plans: it is the last fix of a
/// built-in rule (`support_cant_change`) or where a check's answer leads.
fn check_step_kind(content: &Content, at: &str, fix: &Fix, problems: &mut Vec<String>) {
    let is_check = fix.kind == StepKind::Check;
    let asks = fix.question.as_deref().is_some_and(|q| !blank(q));
    if is_check && (!asks || fix.answers.len() < 2) {
        problems.push(format!(
            "{at} is a check: it needs a question and at least two answers"
        ));
    }
    if !is_check && (fix.question.is_some() || !fix.answers.is_empty()) {
        problems.push(format!(
            "{at} has a question or answers, but only a check step asks"
        ));
    }
    for answer in &fix.answers {
        if blank(&answer.label) {
            problems.push(format!("{at} has an answer without a label"));
        }
        if let Some(target) = answer.leads_to() {
            let leads_to_a_step = content
                .fix(target)
                .is_some_and(|t| t.kind != StepKind::Check && t.id != REPORT_FIX);
            if !leads_to_a_step {
                problems.push(format!(
                    "{at} answer {:?} leads to {target:?}: use \"next\" or the id of a fix that is not a check",
                    answer.label
                ));
            }
        }
    }
    let is_explain = fix.kind == StepKind::Explain;
    if is_explain != fix.instead.as_deref().is_some_and(|i| !blank(i)) {
        problems.push(format!(
            "{at}: an explain step, and only an explain step, says what to do `instead`"
        ));
    }
    if is_explain {
        let ends_rules = content.causes_fixed_by(&fix.id).all(|cause| {
            cause.support_cant_change.is_some() && cause.fixes.last() == Some(&fix.id)
        });
        let led_to = content
            .fixes
            .iter()
            .any(|f| f.leads_to().any(|t| t == fix.id));
        if !ends_rules && !led_to {
            problems.push(format!(
                "{at} is an explain step: it may only end a plan (last fix of a built-in rule, or where a check leads)"
            ));
        }
    }
}

/// Every condition reads `question=answer|answer` (or `symptom=symptom-id|...`) and names
/// a question and answers that exist ("not-sure" too); a question never depends on itself.
fn check_conditions(
    content: &Content,
    at: &str,
    own_question: Option<&str>,
    only_if: &[String],
    skip_if: &[String],
    problems: &mut Vec<String>,
) {
    for condition in only_if.iter().chain(skip_if) {
        let Some((question, answers)) = parse_condition(condition) else {
            problems.push(format!(
                "{at} condition {condition:?} must read \"question=answer|answer\""
            ));
            continue;
        };
        let answers: Vec<&str> = answers.collect();
        let known = |answer: &str| {
            if question == SYMPTOM_CONDITION {
                content.symptom(answer).is_some()
            } else {
                answer == NOT_SURE
                    || content
                        .question(question)
                        .is_some_and(|q| q.answers.iter().any(|a| a.id == answer))
            }
        };
        if question != SYMPTOM_CONDITION && content.question(question).is_none() {
            problems.push(format!(
                "{at} condition {condition:?} names unknown question {question:?}"
            ));
        } else if Some(question) == own_question {
            problems.push(format!(
                "{at} condition {condition:?} depends on the question itself"
            ));
        } else if let Some(bad) = answers.iter().find(|a| !known(a)) {
            problems.push(format!(
                "{at} condition {condition:?} names unknown answer {bad:?}"
            ));
        }
    }
}

/// True when the question makes sense for the symptom.
pub fn applies(question: &Question, symptom: &str) -> bool {
    question.symptoms.is_empty() || question.symptoms.iter().any(|s| s == symptom)
}

fn step_is_blank(step: &Step) -> bool {
    blank(&step.text)
        || step.samsung.as_deref().is_some_and(blank)
        || step.xiaomi.as_deref().is_some_and(blank)
}

/// A symptom's summary is one short line, so all symptoms fit on a phone's first screen.
fn check_symptom_summary(at: &str, summary: &str, problems: &mut Vec<String>) {
    if blank(summary) || summary.contains('\n') || summary.chars().count() > SYMPTOM_SUMMARY_MAX {
        problems.push(format!(
            "{at} needs a summary of one line, at most {SYMPTOM_SUMMARY_MAX} characters"
        ));
    }
}

fn check_topics(at: &str, topics: &[String], problems: &mut Vec<String>) {
    for topic in topics {
        if !SEED_TOPICS.iter().any(|(known, _)| known == topic) {
            problems.push(format!("{at} tags unknown topic {topic:?}"));
        }
    }
}

/// Where a passage is, its text, and whether it is a fix step (menu-path rule).
pub struct Passage<'a> {
    pub at: String,
    pub text: &'a str,
    pub step: bool,
}

/// Every user-facing passage of running text: explanations, summaries, details, signs,
/// warnings, prevention lines, steps (each phone's wording), questions, "why we ask",
/// answers in the user's words, connection texts, install steps and pages. Titles and
/// button labels are UI labels and left out.
pub fn passages(content: &Content) -> Vec<Passage<'_>> {
    let mut out: Vec<Passage<'_>> = Vec::new();
    for s in &content.symptoms {
        out.push(Passage {
            at: format!("symptom {:?} summary", s.id),
            text: &s.summary,
            step: false,
        });
        out.push(Passage {
            at: format!("symptom {:?} detail", s.id),
            text: &s.detail,
            step: false,
        });
    }
    for c in &content.causes {
        out.push(Passage {
            at: format!("cause {:?} summary", c.id),
            text: &c.summary,
            step: false,
        });
        if let Some(text) = &c.support_cant_change {
            out.push(Passage {
                at: format!("cause {:?} support_cant_change", c.id),
                text,
                step: false,
            });
        }
        for (n, p) in c.explanation.iter().enumerate() {
            out.push(Passage {
                at: format!("cause {:?} explanation {}", c.id, n + 1),
                text: p,
                step: false,
            });
        }
        for (n, p) in c.signs.iter().enumerate() {
            out.push(Passage {
                at: format!("cause {:?} sign {}", c.id, n + 1),
                text: p,
                step: false,
            });
        }
    }
    for f in &content.fixes {
        out.push(Passage {
            at: format!("fix {:?} summary", f.id),
            text: &f.summary,
            step: false,
        });
        for (n, w) in f.warnings.iter().enumerate() {
            out.push(Passage {
                at: format!("fix {:?} warning {}", f.id, n + 1),
                text: w,
                step: false,
            });
        }
        if let Some(p) = &f.prevention {
            out.push(Passage {
                at: format!("fix {:?} prevention", f.id),
                text: p,
                step: false,
            });
        }
        if let Some(p) = &f.instead {
            out.push(Passage {
                at: format!("fix {:?} instead", f.id),
                text: p,
                step: false,
            });
        }
        for (n, s) in f.steps.iter().enumerate() {
            out.push(Passage {
                at: format!("fix {:?} step {}", f.id, n + 1),
                text: &s.text,
                step: true,
            });
            if let Some(t) = &s.samsung {
                out.push(Passage {
                    at: format!("fix {:?} step {} (Samsung)", f.id, n + 1),
                    text: t,
                    step: true,
                });
            }
            if let Some(t) = &s.xiaomi {
                out.push(Passage {
                    at: format!("fix {:?} step {} (Xiaomi)", f.id, n + 1),
                    text: t,
                    step: true,
                });
            }
        }
    }
    for q in &content.questions {
        out.push(Passage {
            at: format!("question {:?} text", q.id),
            text: &q.text,
            step: false,
        });
        out.push(Passage {
            at: format!("question {:?} why", q.id),
            text: &q.why,
            step: false,
        });
        for a in &q.answers {
            out.push(Passage {
                at: format!("question {:?} answer {:?} said", q.id, a.id),
                text: &a.said,
                step: false,
            });
        }
    }
    for v in &content.verdicts {
        out.push(Passage {
            at: format!("verdict {:?} explanation", v.id),
            text: &v.explanation,
            step: false,
        });
        for (n, s) in v.next_steps.iter().enumerate() {
            out.push(Passage {
                at: format!("verdict {:?} next step {}", v.id, n + 1),
                text: s,
                step: false,
            });
        }
    }
    for (n, s) in content.open_in_browser.iter().enumerate() {
        out.push(Passage {
            at: format!("open in browser step {}", n + 1),
            text: s,
            step: false,
        });
    }
    for g in &content.install_guides {
        for (n, s) in g.steps.iter().enumerate() {
            out.push(Passage {
                at: format!("install {:?} step {}", g.browser, n + 1),
                text: s,
                step: false,
            });
        }
    }
    for p in &content.pages {
        for s in &p.sections {
            for (n, t) in s.paragraphs.iter().enumerate() {
                out.push(Passage {
                    at: format!("page {:?} {:?} paragraph {}", p.id, s.heading, n + 1),
                    text: t,
                    step: false,
                });
            }
        }
    }
    out
}

/// Readability problems of every passage (see [`readability`]).
pub fn check_readability(content: &Content, problems: &mut Vec<String>) {
    for passage in passages(content) {
        for problem in readability::problems(passage.text, passage.step) {
            problems.push(format!("{} {problem}: {:?}", passage.at, passage.text));
        }
    }
}

//! Scenario tests: realistic people go through the real guided check with the shipped
//! content and the real engine. Each person answers the questions the engine asks the way
//! they really would ("Not sure" when the question isn't in their list), and the check
//! must end on the right cause with the right first step.
//!
//! When a scenario fails, the message shows the questions the person was asked, their
//! answers and the final ranking, so the evidence weights in `content/questions.toml`
//! can be tuned. Run with `-- --nocapture` to see every flow.
#![cfg(not(target_arch = "wasm32"))]

use dm_doctor::content::{content, Content, Effort, NOT_SURE};
use dm_doctor::diagnosis::engine::{
    clearly_ahead, next_question, plan, rank, Given, MAX_NOT_SURE, MAX_QUESTIONS, MOST_LIKELY,
};
use std::collections::HashSet;

/// A person with a problem, and what they would answer if asked.
struct Person {
    name: &'static str,
    symptom: &'static str,
    /// Question id → answer id. Questions not listed get "Not sure".
    answers: &'static [(&'static str, &'static str)],
    /// The cause the check should end on.
    top: &'static str,
    /// The first step of the plan.
    first_fix: &'static str,
    /// Other steps that must be somewhere in the plan.
    later: &'static [&'static str],
}

const PEOPLE: &[Person] = &[
    Person {
        name: "Mia, 15: the Message button is missing",
        symptom: "messaging-missing",
        answers: &[
            ("age", "under-16"),
            ("who-fails", "everyone"),
            ("follows-back", "both"),
            ("family-pairing", "no"),
            ("own-settings", "locked"),
            ("warnings", "no-warning"),
            ("recent-switch", "none"),
            ("last-update", "auto"),
        ],
        top: "under-16",
        first_fix: "messages-at-16",
        later: &[],
    },
    Person {
        name: "Leo: his messages to one person fail, and she doesn't follow him back",
        symptom: "send-fails-one-person",
        answers: &[
            ("follows-back", "they-dont"),
            ("blocked-signs", "yes"),
            ("age", "18-plus"),
            ("family-pairing", "no"),
            // (own-settings was dropped: since issue 10 it is not asked when sending to
            // one person fails; it is about who can message *you*.)
        ],
        top: "not-mutual-follow",
        first_fix: "follow-each-other",
        later: &[],
    },
    Person {
        name: "Sam: nothing sends, the feed is broken too, friends say TikTok is down",
        symptom: "send-fails-everyone",
        answers: &[
            ("rest-of-tiktok", "nothing-loads"),
            ("others-report", "yes"),
            ("network-switch", "both"),
            ("network-type", "home-wifi"),
            ("vpn-country", "neither"),
            ("private-dns", "no"),
            ("date-time", "auto"),
            ("warnings", "no-warning"),
            ("recent-switch", "none"),
            ("asked-verify", "no"),
            ("last-update", "auto"),
            ("app-acted-up", "no"),
        ],
        top: "outage",
        first_fix: "check-outage",
        later: &[],
    },
    Person {
        name: "Ana: just moved abroad, new phone, TikTok made her verify, now DMs are gone",
        symptom: "messaging-missing",
        answers: &[
            ("who-fails", "everyone"),
            ("age", "18-plus"),
            ("recent-switch", "several"),
            ("asked-verify", "yes"),
            ("vpn-country", "neither"),
            ("warnings", "no-warning"),
            ("family-pairing", "no"),
            ("own-settings", "everyone"),
            ("follows-back", "both"),
            ("their-settings", "everyone"),
            ("last-update", "auto"),
        ],
        top: "security-lock",
        first_fix: "settle-security-lock",
        later: &["check-account-status"],
    },
    Person {
        name: "Omar: uses a VPN in a country where TikTok is restricted",
        symptom: "inbox-wont-load",
        answers: &[
            ("vpn-country", "both"),
            ("network-switch", "both"),
            ("recent-switch", "none"),
            ("asked-verify", "no"),
            ("others-report", "no"),
            ("private-dns", "no"),
            ("date-time", "auto"),
            ("last-update", "auto"),
            ("app-acted-up", "no"),
        ],
        top: "vpn-or-region",
        first_fix: "turn-off-vpn",
        later: &[],
    },
    Person {
        name: "Jess: on hotel Wi-Fi nothing sends, on mobile data it works",
        symptom: "send-fails-everyone",
        answers: &[
            ("network-switch", "wifi-bad"),
            ("network-type", "public-wifi"),
            ("rest-of-tiktok", "nothing-loads"),
            ("private-dns", "no"),
            ("others-report", "no"),
            ("vpn-country", "neither"),
            ("recent-switch", "travel"),
            ("asked-verify", "no"),
            ("date-time", "auto"),
            ("warnings", "no-warning"),
        ],
        top: "restricted-network",
        first_fix: "captive-wifi-login",
        later: &[],
    },
    Person {
        name: "Kai: got a Community Guidelines warning, now no message sends",
        symptom: "send-fails-everyone",
        answers: &[
            ("warnings", "warned"),
            ("rest-of-tiktok", "comments-fail"),
            ("others-report", "no"),
            ("network-switch", "both"),
            ("vpn-country", "neither"),
            ("recent-switch", "none"),
            ("asked-verify", "no"),
            ("last-update", "auto"),
        ],
        top: "account-restricted",
        first_fix: "check-account-status",
        later: &[],
    },
    Person {
        name: "Nora, 19: TikTok says she can't send messages right now after a warning",
        symptom: "messaging-missing",
        answers: &[
            ("age", "18-plus"),
            ("who-fails", "everyone"),
            ("warnings", "warned"),
            ("family-pairing", "no"),
            ("recent-switch", "none"),
            ("asked-verify", "no"),
        ],
        top: "account-restricted",
        first_fix: "check-account-status",
        later: &[],
    },
    Person {
        name: "Zoe: Samsung with battery saver on, messages only arrive when she opens TikTok",
        symptom: "messages-late",
        answers: &[
            ("when-late", "when-open"),
            ("battery-saver", "app-limited"),
            ("data-saver", "no"),
            ("own-settings", "everyone"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("network-switch", "both"),
            ("private-dns", "no"),
            ("last-update", "auto"),
        ],
        top: "background-restrictions",
        // Corrected in issue 10 (was allow-background-data first, battery later): she
        // said Data Saver is off, so the background-data fix no longer fits her answers
        // and her real problem, battery saving, comes first.
        first_fix: "battery-unrestricted",
        later: &[],
    },
    Person {
        name: "Ben: hasn't updated TikTok for months, nothing sends, the rest works",
        symptom: "send-fails-everyone",
        answers: &[
            ("last-update", "months"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("network-switch", "both"),
            ("warnings", "no-warning"),
            ("app-acted-up", "no"),
            ("vpn-country", "neither"),
            ("recent-switch", "none"),
            ("private-dns", "no"),
            ("date-time", "auto"),
        ],
        top: "outdated-app",
        first_fix: "update-app",
        later: &[],
    },
    Person {
        name: "Lily, 16: new account, she can't find messages",
        symptom: "messaging-missing",
        answers: &[
            ("age", "16-17"),
            ("own-settings", "all-off"),
            ("who-fails", "everyone"),
            ("family-pairing", "no"),
            ("warnings", "no-warning"),
            ("follows-back", "both"),
            ("recent-switch", "none"),
        ],
        top: "teen-defaults",
        // For 16-17 the fix is to change her own setting from No one; the age rules are
        // the second step and explain why it was off.
        first_fix: "check-own-dm-settings",
        later: &[],
    },
    Person {
        name: "Noah: the inbox is stuck since TikTok crashed; network and friends are fine",
        symptom: "inbox-wont-load",
        answers: &[
            ("app-acted-up", "froze"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("network-switch", "both"),
            ("chats-affected", "some"),
            ("last-update", "auto"),
            ("private-dns", "no"),
            ("vpn-country", "neither"),
            ("date-time", "auto"),
            ("recent-switch", "none"),
            ("asked-verify", "no"),
        ],
        top: "corrupted-cache",
        first_fix: "clear-cache-in-app",
        later: &[],
    },
    Person {
        name: "Priya: uses an ad-blocking Private DNS, messages fail everywhere",
        symptom: "send-fails-everyone",
        answers: &[
            ("private-dns", "dns"),
            ("network-switch", "both"),
            ("network-type", "home-wifi"),
            ("others-report", "no"),
            ("vpn-country", "neither"),
            ("date-time", "auto"),
            ("warnings", "no-warning"),
            ("last-update", "auto"),
            ("app-acted-up", "no"),
            ("recent-switch", "none"),
            ("asked-verify", "no"),
        ],
        top: "private-dns",
        first_fix: "turn-off-private-dns",
        later: &[],
    },
    Person {
        name: "Emma, 17: her mum manages her TikTok with Family Pairing",
        symptom: "messaging-missing",
        answers: &[
            ("age", "16-17"),
            ("family-pairing", "yes"),
            ("own-settings", "locked"),
            ("who-fails", "everyone"),
            ("warnings", "no-warning"),
            ("recent-switch", "none"),
        ],
        top: "family-pairing",
        first_fix: "family-pairing-talk",
        later: &[],
    },
    Person {
        name: "Tom: a friend unfollowed him and her profile looks empty now",
        symptom: "send-fails-one-person",
        answers: &[
            ("follows-back", "they-unfollowed"),
            ("blocked-signs", "gone"),
            ("age", "18-plus"),
            ("family-pairing", "no"),
        ],
        top: "blocked",
        first_fix: "check-if-blocked",
        later: &[],
    },
    Person {
        name: "Ava: her friend's older TikTok app has messages set to No one",
        symptom: "send-fails-one-person",
        answers: &[
            ("follows-back", "both"),
            ("their-settings", "friends"),
            ("blocked-signs", "yes"),
            ("age", "18-plus"),
            ("family-pairing", "no"),
        ],
        top: "recipient-privacy",
        first_fix: "ask-recipient-settings",
        later: &[],
    },
    Person {
        name: "Dev: set his phone's clock by hand, TikTok can't connect",
        symptom: "send-fails-everyone",
        answers: &[
            ("date-time", "manual"),
            ("rest-of-tiktok", "nothing-loads"),
            ("network-switch", "both"),
            ("others-report", "no"),
            ("vpn-country", "neither"),
            ("private-dns", "no"),
            ("warnings", "no-warning"),
            ("recent-switch", "none"),
            ("last-update", "auto"),
            ("network-type", "home-wifi"),
        ],
        top: "wrong-date-time",
        first_fix: "fix-date-time",
        later: &[],
    },
    Person {
        name: "Chloe: weak mobile signal on the bus, chats won't load; at home on Wi-Fi they do",
        symptom: "inbox-wont-load",
        answers: &[
            ("network-switch", "data-bad"),
            ("network-type", "mobile-data"),
            ("rest-of-tiktok", "nothing-loads"),
            ("others-report", "no"),
            ("vpn-country", "neither"),
            ("private-dns", "no"),
        ],
        top: "unstable-network",
        first_fix: "switch-network",
        later: &[],
    },
    Person {
        name: "Max: some messages never arrive; only friends can message him",
        symptom: "messages-late",
        answers: &[
            ("when-late", "never"),
            ("own-settings", "some-off"),
            ("battery-saver", "no"),
            ("data-saver", "no"),
            ("others-report", "no"),
            ("rest-of-tiktok", "works"),
        ],
        top: "own-dm-settings",
        first_fix: "check-own-dm-settings",
        later: &[],
    },
    Person {
        name: "Sara: messages broke right after a TikTok update",
        symptom: "send-fails-everyone",
        answers: &[
            ("app-acted-up", "updated"),
            ("last-update", "days"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("network-switch", "both"),
            ("warnings", "all-good"),
            ("vpn-country", "neither"),
            ("recent-switch", "none"),
            ("asked-verify", "no"),
            ("private-dns", "no"),
        ],
        top: "app-bug",
        first_fix: "update-app",
        later: &[],
    },
    Person {
        name: "Liam: messages come late even with the app open, and the news says TikTok is down",
        symptom: "messages-late",
        answers: &[
            ("when-late", "slow-in-app"),
            ("others-report", "yes"),
            ("rest-of-tiktok", "nothing-loads"),
            ("network-switch", "both"),
        ],
        top: "outage",
        first_fix: "check-outage",
        later: &[],
    },
    Person {
        name: "Finn, 14: can't find a way to message his cousin",
        symptom: "send-fails-one-person",
        answers: &[
            ("follows-back", "both"),
            ("blocked-signs", "yes"),
            ("age", "under-16"),
            ("family-pairing", "no"),
        ],
        top: "under-16",
        first_fix: "messages-at-16",
        later: &[],
    },
    Person {
        name: "Ella: chats won't load and TikTok says to connect to the internet, but her Wi-Fi works",
        symptom: "inbox-wont-load",
        answers: &[
            ("network-switch", "both"),
            ("rest-of-tiktok", "nothing-loads"),
            ("others-report", "yes"),
            ("chats-affected", "all"),
            ("vpn-country", "neither"),
            ("private-dns", "no"),
            ("date-time", "auto"),
        ],
        top: "outage",
        first_fix: "check-outage",
        later: &[],
    },
    Person {
        name: "Rosa, 20: the Message button is only missing on one creator's profile",
        symptom: "messaging-missing",
        answers: &[
            ("who-fails", "some"),
            ("follows-back", "they-dont"),
            ("age", "18-plus"),
            ("family-pairing", "no"),
            ("warnings", "all-good"),
        ],
        top: "not-mutual-follow",
        first_fix: "follow-each-other",
        later: &[],
    },
    // Issue 9 ("Answers people can trust"): one story per new cause. For each, the top
    // cause and the first step were written down from the story alone, before any
    // evidence weight was tuned; weights were then tuned to meet them, never the reverse.
    Person {
        name: "Hana: since her new phone, messages only show up when she opens TikTok, and she gets no TikTok alerts at all",
        symptom: "messages-late",
        answers: &[
            ("when-late", "when-open"),
            ("notifications-allowed", "none"),
            ("battery-saver", "no"),
            ("data-saver", "no"),
            ("one-chat", "all"),
            ("at-night", "day"),
            ("age", "18-plus"),
            ("others-report", "no"),
            ("rest-of-tiktok", "works"),
            ("own-settings", "everyone"),
        ],
        top: "notifications-off",
        first_fix: "allow-notifications",
        later: &["tiktok-push-settings"],
    },
    Person {
        name: "Mara: only her chat with her brother never makes a sound; other chats alert her",
        symptom: "messages-late",
        answers: &[
            ("one-chat", "one"),
            ("when-late", "when-open"),
            ("battery-saver", "no"),
            ("data-saver", "no"),
            ("at-night", "day"),
            ("others-report", "no"),
        ],
        top: "muted-chat",
        first_fix: "unmute-chat",
        later: &[],
    },
    Person {
        name: "Yuki, 16: messages her friends send at night only alert her in the morning",
        symptom: "messages-late",
        answers: &[
            ("age", "16-17"),
            ("at-night", "night"),
            ("when-late", "when-open"),
            ("notifications-allowed", "late"),
            ("battery-saver", "no"),
            ("data-saver", "no"),
            ("one-chat", "all"),
            ("others-report", "no"),
        ],
        top: "teen-quiet-hours",
        first_fix: "teen-quiet-hours-info",
        later: &[],
    },
    Person {
        name: "Ivan: can't write to an old classmate; TikTok says to unblock the account",
        symptom: "send-fails-one-person",
        answers: &[
            ("you-blocked", "yes"),
            ("blocked-signs", "yes"),
            ("age", "18-plus"),
            ("family-pairing", "no"),
        ],
        top: "you-blocked-them",
        first_fix: "unblock-account",
        later: &[],
    },
    Person {
        name: "Lena: one message with a link to her friend didn't send; TikTok said it violated the Community Guidelines",
        symptom: "send-fails-one-person",
        answers: &[
            ("which-messages", "violated"),
            ("follows-back", "both"),
            ("you-blocked", "no"),
            ("blocked-signs", "yes"),
            ("their-settings", "everyone"),
            ("age", "18-plus"),
            ("family-pairing", "no"),
        ],
        top: "message-removed",
        first_fix: "rewrite-message",
        later: &[],
    },
    Person {
        name: "Tariq: his texts send, but photos don't; TikTok says the message type isn't supported",
        symptom: "send-fails-everyone",
        answers: &[
            ("which-messages", "unsupported"),
            ("rest-of-tiktok", "works"),
            ("network-switch", "both"),
            ("warnings", "no-warning"),
            ("others-report", "no"),
            ("last-update", "auto"),
            ("app-acted-up", "no"),
        ],
        top: "unsupported-content",
        first_fix: "send-another-way",
        later: &[],
    },
    Person {
        name: "Sofia, 17: she can't start a group chat with her cousins",
        symptom: "messaging-missing",
        answers: &[
            ("group-chat", "yes"),
            ("age", "16-17"),
            ("own-settings", "everyone"),
            ("family-pairing", "no"),
            ("warnings", "all-good"),
            ("follows-back", "both"),
            ("who-fails", "some"),
        ],
        top: "group-chat-limits",
        first_fix: "group-chat-rules",
        later: &[],
    },
    Person {
        name: "Pedro: his whole phone is on Battery Saver since the battery got weak; messages come hours late",
        symptom: "messages-late",
        answers: &[
            ("battery-saver", "phone"),
            ("when-late", "when-open"),
            ("notifications-allowed", "late"),
            ("data-saver", "no"),
            ("one-chat", "all"),
            ("at-night", "day"),
            ("age", "18-plus"),
            ("others-report", "no"),
        ],
        top: "phone-battery-saver",
        first_fix: "turn-off-battery-saver",
        later: &[],
    },
    Person {
        name: "Grace: since TikTok froze yesterday nothing sends in the app, but on tiktok.com/messages it works",
        symptom: "send-fails-everyone",
        answers: &[
            ("web-works", "works"),
            ("app-acted-up", "froze"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("network-switch", "both"),
            ("warnings", "no-warning"),
            ("last-update", "auto"),
            ("which-app", "main"),
            ("storage", "space"),
        ],
        top: "corrupted-cache",
        first_fix: "clear-cache-in-app",
        // Not "try-web-messages": she already said messages work on the web, so the
        // plan doesn't ask her to try it again.
        later: &["clear-cache-android"],
    },
    Person {
        name: "Ravi: uses TikTok Lite; nothing sends, and the Play Store says Install when he looks for TikTok",
        symptom: "send-fails-everyone",
        answers: &[
            ("which-app", "lite"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("network-switch", "both"),
            ("warnings", "no-warning"),
            ("app-acted-up", "no"),
            ("storage", "space"),
        ],
        top: "tiktok-lite",
        first_fix: "update-tiktok-lite",
        later: &[],
    },
    Person {
        name: "Olga: chats won't load, and her phone keeps saying its storage is almost full",
        symptom: "inbox-wont-load",
        answers: &[
            ("storage", "full"),
            ("rest-of-tiktok", "works"),
            ("network-switch", "both"),
            ("others-report", "no"),
            ("chats-affected", "all"),
            ("app-acted-up", "no"),
            ("last-update", "auto"),
            ("which-app", "main"),
            ("web-works", "works"),
            ("vpn-country", "neither"),
            ("private-dns", "no"),
        ],
        top: "storage-full",
        // Written down first as "free-up-storage". The plan starts with clearing TikTok's
        // cache instead: cheaper, safe, and it frees space too; freeing space must follow.
        first_fix: "clear-cache-in-app",
        later: &["free-up-storage"],
    },
    Person {
        name: "Noor: her ad blocker shows a key icon at the top; TikTok chats won't load",
        symptom: "inbox-wont-load",
        answers: &[
            ("private-dns", "vpn-blocker"),
            ("network-switch", "both"),
            ("others-report", "no"),
            ("rest-of-tiktok", "nothing-loads"),
            ("date-time", "auto"),
            ("recent-switch", "none"),
        ],
        top: "vpn-or-region",
        first_fix: "turn-off-vpn",
        later: &[],
    },
];

/// One run of the guided check.
struct Run {
    given: Vec<Given>,
}

impl Run {
    fn asked(&self) -> Vec<&str> {
        self.given.iter().map(|g| g.question.as_str()).collect()
    }

    fn transcript(&self) -> String {
        self.given
            .iter()
            .map(|g| format!("{} = {}", g.question, g.answer))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Runs the check the way the app does: ask the engine's next question until it stops.
fn run(content: &Content, symptom: &str, answers: &[(&str, &str)]) -> Run {
    let mut given: Vec<Given> = Vec::new();
    // The engine stops by itself after MAX_QUESTIONS; the bound only catches a runaway loop.
    for _ in 0..=content.questions.len() {
        let Some(question) = next_question(content, symptom, &given) else {
            break;
        };
        let answer = answers
            .iter()
            .find(|(q, _)| *q == question.id)
            .map_or(NOT_SURE, |(_, a)| *a);
        given.push(Given::new(&question.id, answer));
    }
    Run { given }
}

fn ranking_summary(content: &Content, symptom: &str, given: &[Given]) -> String {
    rank(content, symptom, given)
        .iter()
        .map(|r| {
            format!(
                "{} {:.0}% ({:+.1})",
                r.cause.id,
                r.likelihood * 100.0,
                r.points
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn plan_ids<'a>(content: &'a Content, symptom: &str, given: &[Given]) -> Vec<&'a str> {
    plan(content, symptom, given, &rank(content, symptom, given))
        .iter()
        .map(|f| f.id.as_str())
        .collect()
}

#[test]
fn every_person_ends_on_the_right_cause_and_first_step() {
    let content = content();
    let mut failures = Vec::new();
    for person in PEOPLE {
        let run = run(content, person.symptom, person.answers);
        let ranking = rank(content, person.symptom, &run.given);
        let plan = plan_ids(content, person.symptom, &run.given);
        let top = ranking.first().map(|r| r.cause.id.as_str());
        let report = format!(
            "{} [{}]\n  asked: {}\n  ranking: {}\n  plan: {}",
            person.name,
            person.symptom,
            run.transcript(),
            ranking_summary(content, person.symptom, &run.given),
            plan.join(", ")
        );
        println!("{report}\n");
        let mut wrong = Vec::new();
        if top != Some(person.top) {
            wrong.push(format!("top cause {top:?}, expected {:?}", person.top));
        }
        if plan.first() != Some(&person.first_fix) {
            wrong.push(format!(
                "first step {:?}, expected {:?}",
                plan.first(),
                person.first_fix
            ));
        }
        for fix in person.later {
            if !plan.contains(fix) {
                wrong.push(format!("{fix:?} is missing from the plan"));
            }
        }
        // The report is the check's end screen, never a step; a built-in rule support
        // can't change (under 16), when it leads, ends the plan with its explain step.
        if plan.contains(&"report-problem") {
            wrong.push("the report is a step of the plan".to_string());
        }
        let rule = ranking
            .first()
            .filter(|r| r.cause.support_cant_change.is_some() && clearly_ahead(&ranking));
        if let Some(rule) = rule {
            if plan.last().copied() != rule.cause.fixes.last().map(String::as_str) {
                wrong.push("a rule's plan doesn't end with its explain step".to_string());
            }
        }
        if !wrong.is_empty() {
            failures.push(format!("{}\n  => {}", report, wrong.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} scenario(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_answer_a_person_gives_exists_and_fits_their_symptom() {
    let content = content();
    for person in PEOPLE {
        assert!(
            content.symptom(person.symptom).is_some(),
            "{}: unknown symptom {}",
            person.name,
            person.symptom
        );
        assert!(
            content.cause(person.top).is_some(),
            "{}: unknown cause {}",
            person.name,
            person.top
        );
        assert!(
            content.fix(person.first_fix).is_some(),
            "{}: unknown fix {}",
            person.name,
            person.first_fix
        );
        let mut seen = HashSet::new();
        for (question, answer) in person.answers {
            assert!(
                seen.insert(*question),
                "{}: question {question} is listed twice",
                person.name
            );
            let q = content
                .question(question)
                .unwrap_or_else(|| panic!("{}: unknown question {question}", person.name));
            assert!(
                q.answers.iter().any(|a| a.id == *answer),
                "{}: question {question} has no answer {answer}",
                person.name
            );
            assert!(
                q.symptoms.is_empty() || q.symptoms.iter().any(|s| s == person.symptom),
                "{}: question {question} is never asked for {}",
                person.name,
                person.symptom
            );
        }
    }
}

#[test]
fn not_sure_to_everything_still_gives_a_sensible_cheap_plan() {
    let content = content();
    for symptom in &content.symptoms {
        let run = run(content, &symptom.id, &[]);
        let asked = run.asked();
        assert!(!asked.is_empty(), "{}: no question was asked", symptom.id);
        assert!(run.given.iter().all(|g| g.answer == NOT_SURE));
        // Someone who knows nothing isn't kept answering "Not sure".
        assert!(asked.len() <= MAX_NOT_SURE, "{}: {asked:?}", symptom.id);
        let ranking = rank(content, &symptom.id, &run.given);
        // With no evidence, the symptom's most typical cause must lead.
        assert_eq!(
            ranking.first().map(|r| &r.cause.id),
            symptom.causes.first(),
            "{}: asked {asked:?}",
            symptom.id
        );
        let fixes = plan(content, &symptom.id, &run.given, &ranking);
        let first = fixes.first().expect("a plan is never empty");
        assert!(
            matches!(first.effort, Effort::Check | Effort::Quick),
            "{}: the first step {} is {:?}; someone who is not sure of anything should start cheap",
            symptom.id,
            first.id,
            first.effort
        );
        // The first step may be shared by several likely causes (e.g. force stop), but it
        // must treat at least one of the causes that are still in the running.
        assert!(
            ranking
                .iter()
                .take(5)
                .any(|r| r.cause.fixes.contains(&first.id)),
            "{}: the first step {} treats none of the five likeliest causes",
            symptom.id,
            first.id
        );
        assert!(
            !fixes.iter().any(|f| f.id == "report-problem"),
            "{}: the report is the end screen, not a step",
            symptom.id
        );
        println!(
            "not sure [{}]: asked {asked:?}; first step {}",
            symptom.id, first.id
        );
    }
}

/// True when the question's answers point at the other person (their settings, follows, a
/// block either way: "you-blocked-them" is a block the user set on that person).
fn about_the_person(content: &Content, question: &str) -> bool {
    const PERSON_CAUSES: [&str; 4] = [
        "recipient-privacy",
        "not-mutual-follow",
        "blocked",
        "you-blocked-them",
    ];
    content.question(question).is_some_and(|q| {
        q.answers.iter().any(|a| {
            a.evidence
                .iter()
                .any(|(c, w)| *w > 0 && PERSON_CAUSES.contains(&c.as_str()))
        })
    })
}

/// The cause an answer of this question raises most.
fn strongest_cause<'a>(content: &'a Content, question: &str) -> Option<&'a str> {
    content
        .question(question)?
        .answers
        .iter()
        .flat_map(|a| &a.evidence)
        .filter(|(_, w)| **w > 0)
        .max_by_key(|(_, w)| **w)
        .map(|(c, _)| c.as_str())
}

#[test]
fn one_person_failing_starts_with_questions_about_that_person() {
    let content = content();
    let unsure = run(content, "send-fails-one-person", &[]);
    assert!(
        unsure.asked().len() >= 2,
        "not sure to everything: asked only {:?}",
        unsure.asked()
    );
    let mut runs: Vec<(&str, Run)> = vec![("not sure to everything", unsure)];
    runs.extend(
        PEOPLE
            .iter()
            .filter(|p| p.symptom == "send-fails-one-person")
            .map(|p| (p.name, run(content, p.symptom, p.answers))),
    );
    for (name, run) in &runs {
        let asked = run.asked();
        assert!(!asked.is_empty(), "{name}: nothing was asked");
        // A clear answer to the first question may end the check early. Since issue 10
        // the age question may come first too: under 16, messages are off with everyone,
        // and young people often notice it with one person first (Finn, 14).
        // After "under 16" the age rule explains everything; what follows is about it.
        let before_age_rule = asked
            .iter()
            .zip(&run.given)
            .take_while(|(_, g)| !(g.question == "age" && g.answer == "under-16"))
            .count()
            + 1;
        for question in asked.iter().take(2.min(before_age_rule)) {
            assert!(
                about_the_person(content, question) || *question == "age",
                "{name}: asked {question} before the questions about the person: {asked:?}"
            );
        }
        // Outages hit everyone, so a one-person failure never gets an outage question.
        for question in &asked {
            assert_ne!(
                strongest_cause(content, question),
                Some("outage"),
                "{name}: asked {question}: {asked:?}"
            );
        }
    }
}

#[test]
fn no_check_asks_too_many_questions_or_the_same_one_twice() {
    let content = content();
    let mut runs: Vec<(String, Run)> = PEOPLE
        .iter()
        .map(|p| (p.name.to_string(), run(content, p.symptom, p.answers)))
        .collect();
    runs.extend(
        content
            .symptoms
            .iter()
            .map(|s| (format!("not sure [{}]", s.id), run(content, &s.id, &[]))),
    );
    for (name, run) in &runs {
        let asked = run.asked();
        assert!(
            asked.len() <= MAX_QUESTIONS,
            "{name}: asked {} questions: {asked:?}",
            asked.len()
        );
        let unique: HashSet<_> = asked.iter().collect();
        assert_eq!(
            unique.len(),
            asked.len(),
            "{name}: a question was asked twice: {asked:?}"
        );
    }
}

#[test]
fn there_are_enough_scenarios_and_each_symptom_has_one() {
    assert!(PEOPLE.len() >= 14);
    for symptom in &content().symptoms {
        assert!(
            PEOPLE.iter().any(|p| p.symptom == symptom.id),
            "no scenario for {}",
            symptom.id
        );
    }
}

#[test]
fn one_answer_never_makes_a_cause_with_only_unverified_sources_most_likely() {
    let content = content();
    let unverified: Vec<&str> = content
        .causes
        .iter()
        .filter(|c| c.needs_hedge())
        .map(|c| c.id.as_str())
        .collect();
    assert!(
        !unverified.is_empty(),
        "the test needs at least one unverified cause to mean something"
    );
    let mut failures = Vec::new();
    for symptom in &content.symptoms {
        for question in content
            .questions
            .iter()
            .filter(|q| q.symptoms.is_empty() || q.symptoms.contains(&symptom.id))
        {
            for answer in &question.answers {
                let ranking = rank(
                    content,
                    &symptom.id,
                    &[Given::new(&question.id, &answer.id)],
                );
                for r in ranking.iter().filter(|r| {
                    unverified.contains(&r.cause.id.as_str()) && r.likelihood >= MOST_LIKELY
                }) {
                    failures.push(format!(
                        "[{}] {} = {} alone makes {} (only unverified sources) {:.0}% likely",
                        symptom.id,
                        question.id,
                        answer.id,
                        r.cause.id,
                        r.likelihood * 100.0
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_web_answer_splits_the_account_from_the_app_or_phone() {
    let content = content();
    let question = content
        .question("web-works")
        .expect("the web question exists");
    let likelihood = |symptom: &str, answers: &[Given], cause: &str| {
        rank(content, symptom, answers)
            .iter()
            .find(|r| r.cause.id == cause)
            .map(|r| r.likelihood)
    };
    for symptom in &question.symptoms {
        let works = [Given::new("web-works", "works")];
        let fails = [Given::new("web-works", "fails")];
        for (cause, is_account) in [
            ("account-restricted", true),
            ("outage", true),
            ("corrupted-cache", false),
            ("outdated-app", false),
            ("app-bug", false),
            // The phone holding the app back can't make the website fail.
            ("background-restrictions", false),
        ] {
            let Some(base) = likelihood(symptom, &[], cause) else {
                continue;
            };
            let (w, f) = (
                likelihood(symptom, &works, cause).unwrap(),
                likelihood(symptom, &fails, cause).unwrap(),
            );
            if is_account {
                assert!(
                    w < base && f > base,
                    "[{symptom}] {cause}: works {w:.2}, base {base:.2}, fails {f:.2}"
                );
            } else {
                assert!(
                    w > base && f < base,
                    "[{symptom}] {cause}: works {w:.2}, base {base:.2}, fails {f:.2}"
                );
            }
        }
    }
}

/// A block, either way, ends the follow between two people: "we follow each other"
/// speaks against both blocks (else a block could rank first by elimination alone).
#[test]
fn following_each_other_speaks_against_a_block_either_way() {
    let content = content();
    let symptom = "send-fails-one-person";
    let both = [Given::new("follows-back", "both")];
    for cause in ["blocked", "you-blocked-them"] {
        let likelihood = |given: &[Given]| {
            rank(content, symptom, given)
                .iter()
                .find(|r| r.cause.id == cause)
                .map(|r| r.likelihood)
                .expect("a cause of this symptom")
        };
        let (base, after) = (likelihood(&[]), likelihood(&both));
        assert!(after < base, "{cause}: {base:.2} before, {after:.2} after");
    }
}

/// People who already follow each other are never told to follow each other (the
/// review's plan, after "Yes, we both follow each other", offered it third).
#[test]
fn following_each_other_already_is_never_a_step() {
    let content = content();
    for symptom in ["send-fails-one-person", "messaging-missing"] {
        let with = run(
            content,
            symptom,
            &[("follows-back", "they-dont"), ("who-fails", "some")],
        );
        assert!(
            plan_ids(content, symptom, &with.given).contains(&"follow-each-other"),
            "[{symptom}] offered when they don't: {}",
            with.transcript()
        );
        let both = run(
            content,
            symptom,
            &[("follows-back", "both"), ("who-fails", "some")],
        );
        let plan = plan_ids(content, symptom, &both.given);
        assert!(
            !plan.contains(&"follow-each-other"),
            "[{symptom}] {}: {plan:?}",
            both.transcript()
        );
    }
}

/// The age-rules step asks "Are you under 16?": never of someone whose age is known (the
/// review saw it asked again, and "No, I'm 16 or older" still end on the under-16 rule).
#[test]
fn the_age_rules_step_is_never_planned_once_the_age_is_known() {
    let content = content();
    let mut seen_open = false;
    for symptom in content.symptoms.iter().map(|s| s.id.as_str()) {
        for age in ["under-16", "16-17", "18-plus", NOT_SURE] {
            let known = run(content, symptom, &[("age", age), ("who-fails", "everyone")]);
            let plan = plan_ids(content, symptom, &known.given);
            let asked_age = known
                .given
                .iter()
                .any(|g| g.question == "age" && g.answer == age);
            if asked_age && age != NOT_SURE {
                assert!(
                    !plan.contains(&"check-age-rules"),
                    "[{symptom}] age {age}: {plan:?}"
                );
            }
            seen_open |= age == NOT_SURE && plan.contains(&"check-age-rules");
        }
    }
    assert!(
        seen_open,
        "premise: the step is planned when the age is open"
    );
}

#[path = "common/stories.rs"]
mod stories;

/// The story suite's shape: at least 40 people, every symptom, ages 13 to 40, the three
/// phone families, with and without a connection verdict, and expectations that name
/// causes of their own symptom. (Hit rates: `cargo run --example story-rates`.)
#[test]
fn the_story_suite_covers_people_symptoms_ages_and_phones() {
    use stories::{Phone, STORIES};
    let content = content();
    assert!(STORIES.len() >= 40, "{} stories", STORIES.len());
    for symptom in &content.symptoms {
        assert!(
            STORIES.iter().filter(|s| s.symptom == symptom.id).count() >= 5,
            "fewer than 5 stories for {}",
            symptom.id
        );
    }
    let ages: Vec<u8> = STORIES.iter().map(|s| s.age).collect();
    assert_eq!(ages.iter().min(), Some(&13));
    assert_eq!(ages.iter().max(), Some(&40));
    for phone in [Phone::Pixel, Phone::Samsung, Phone::Xiaomi] {
        assert!(STORIES.iter().filter(|s| s.phone == phone).count() >= 10);
    }
    assert!(STORIES.iter().filter(|s| s.connection.is_some()).count() >= 10);
    assert!(STORIES.iter().filter(|s| s.connection.is_none()).count() >= 10);
    let mut names = HashSet::new();
    for story in STORIES {
        assert!(names.insert(story.name), "{} twice", story.name);
        let symptom = content.symptom(story.symptom).expect(story.name);
        for cause in std::iter::once(&story.top).chain(story.also) {
            assert!(
                symptom.causes.iter().any(|c| c == cause),
                "{}: {cause} is not a cause of {}",
                story.name,
                story.symptom
            );
        }
        assert!(!story.also.contains(&story.top), "{}", story.name);
        if let Some(verdict) = story.connection {
            assert!(content.verdict(verdict).is_some(), "{}", story.name);
        }
    }
}

/// "Try this only after the easier fixes": in every story's plan, and in the review's
/// (nothing sends, the website works, "Not sure" to the rest), a fix that may lose
/// something never comes before one that can't.
#[test]
fn no_plan_puts_a_fix_that_may_lose_something_before_an_easier_one() {
    use dm_doctor::content::StepKind;
    use stories::{play, STORIES};
    let content = content();
    let mut plans: Vec<(String, Vec<String>)> = STORIES
        .iter()
        .map(|story| (story.name.to_owned(), play(content, story).plan))
        .collect();
    let review = run(content, "send-fails-everyone", &[("web-works", "works")]);
    let review_plan = plan_ids(content, "send-fails-everyone", &review.given);
    plans.push((
        "the review's".into(),
        review_plan.iter().map(|s| s.to_string()).collect(),
    ));
    assert!(
        review_plan.contains(&"reinstall-app"),
        "the review's plan offers a reinstall: {review_plan:?}"
    );
    for (name, plan) in plans {
        let losing = |id: &String| {
            let fix = content.fix(id).expect("a fix");
            fix.effort == Effort::Drastic && fix.kind == StepKind::Fix
        };
        if let Some(first_losing) = plan.iter().position(losing) {
            assert!(
                // (A built-in rule's ending comes last of all.)
                plan[first_losing..]
                    .iter()
                    .all(|id| losing(id)
                        || content.fix(id).is_some_and(|f| f.kind == StepKind::Explain)),
                "{name}: {plan:?}"
            );
        }
    }
}

/// Issue 10's bar: every story's expected cause is in the top three, at least 90% have it
/// on top, and no plan holds a fix the story rules out or in the wrong order.
#[test]
fn the_story_suite_reaches_its_hit_rates_and_plans_fit() {
    use stories::{plan_problems, play, rates, STORIES};
    let content = content();
    let mut misses = Vec::new();
    for story in STORIES {
        let outcome = play(content, story);
        let problems = plan_problems(story, &outcome);
        if !outcome.top3(story) || !problems.is_empty() {
            misses.push(format!(
                "{}\n  asked: {}\n  ranking: {:?}\n  plan: {:?}\n  {problems:?}",
                story.name,
                outcome.transcript(),
                outcome.ranking.iter().take(3).collect::<Vec<_>>(),
                outcome.plan
            ));
        }
        // A story's facts only name answers its questions have (or planned ones that
        // never came: none are left).
        for (question, answer) in story.facts {
            let q = content
                .question(question)
                .unwrap_or_else(|| panic!("{}: unknown question {question}", story.name));
            assert!(
                q.answers.iter().any(|a| a.id == *answer),
                "{}: {question} has no answer {answer}",
                story.name
            );
        }
        for fix in std::iter::once(&story.first_fix).chain(story.never) {
            assert!(
                content.fix(fix).is_some(),
                "{}: unknown fix {fix}",
                story.name
            );
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n\n"));
    let (top1, top3, first_fix) = rates(content);
    assert_eq!(top3, 100.0);
    assert!(top1 >= 90.0, "top-1 {top1:.0}%");
    assert!(first_fix >= 90.0, "first fix {first_fix:.0}%");
}

/// The complaints about questions, over every story and "Not sure" run: never
/// "everyone or only some people?" after "won't send to anyone", never "who can send
/// *you* messages?" when sending to one person fails, the VPN follow-up only after a
/// VPN, "was the warning fair?" only after a warning, and quiet hours never for adults.
#[test]
fn no_question_is_asked_that_the_symptom_or_an_earlier_answer_already_settles() {
    use stories::{play, STORIES};
    let content = content();
    for story in STORIES {
        let asked = play(content, story).asked;
        let answer = |q: &str| asked.iter().position(|g| g.question == q);
        let said = |q: &str, a: &[&str]| {
            asked
                .iter()
                .any(|g| g.question == q && a.contains(&g.answer.as_str()))
        };
        let name = story.name;
        if story.symptom == "send-fails-everyone" {
            assert_eq!(answer("who-fails"), None, "{name}");
        }
        if story.symptom == "send-fails-one-person" {
            assert_eq!(answer("own-settings"), None, "{name}");
        }
        if answer("vpn-needed").is_some() {
            assert!(
                said("vpn-country", &["vpn", "both"])
                    || said("network-type", &["vpn"])
                    || said("private-dns", &["vpn-blocker"]),
                "{name}"
            );
        }
        if answer("warning-why").is_some() {
            assert!(said("warnings", &["warned"]), "{name}");
        }
        // Not asked after the answer that settles it.
        let after = |settled: &str, q: &str| {
            answer(settled).is_some_and(|at| answer(q).is_some_and(|later| later > at))
        };
        if said("age", &["18-plus"]) {
            assert!(!after("age", "at-night"), "{name}");
            assert!(!after("age", "family-pairing"), "{name}");
        }
        if said("follows-back", &["both"]) {
            assert!(!after("follows-back", "their-settings"), "{name}");
        }
    }
}

/// Questions the symptom itself answers, or that don't apply to it, are not offered at
/// all (whatever the engine would pick).
#[test]
fn questions_the_symptom_settles_do_not_apply_to_it() {
    use dm_doctor::diagnosis::engine::fits;
    let content = content();
    let q = |id: &str| content.question(id).expect(id);
    assert!(!fits(q("who-fails"), "send-fails-everyone", &[]));
    assert!(!fits(q("own-settings"), "send-fails-one-person", &[]));
    assert!(!fits(q("vpn-needed"), "inbox-wont-load", &[]));
    assert!(fits(
        q("vpn-needed"),
        "inbox-wont-load",
        &[Given::new("vpn-country", "vpn")]
    ));
    assert!(!fits(
        q("at-night"),
        "messages-late",
        &[Given::new("age", "18-plus")]
    ));
}

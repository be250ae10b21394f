//! The story suite (issue 10, "A diagnosis that listens"): people's own stories, each
//! written down with the expected top cause, the causes that would be acceptable in the
//! top three, and the expected first fix, BEFORE any weight or engine rule was tuned
//! (see the commit history: this file came first).
//!
//! Each person is written as facts: question id → the answer id they would pick. The
//! harness answers whatever the engine asks from these facts and "Not sure" for anything
//! the person wouldn't know, so a change in question order never breaks a story. Facts
//! may name questions or answers the content doesn't have yet (planned in the issue:
//! `what-you-see`, `missing-what`, `worked-before`, `vpn-needed`, `warning-why`, the
//! `slow` and `roaming` answers): until they exist they are simply never asked.
//!
//! Shared by `tests/scenarios.rs` and `examples/story-rates.rs` (the hit-rate command:
//! `cargo run --example story-rates`).
//!
//! Since issue 16 the report is the check's end screen, never a plan step: `never` and
//! `before` entries naming `report-problem` (written when it was the last step) hold for
//! every plan now. A rule's plan ends with its explain step (`scenarios.rs` checks it).
//!
//! Rates (53 stories): before issue 10's engine and weights (commit "Story suite"):
//! top-1 89%, top-3 94%, first fix 75%, and 8 plans holding a fix the story rules out.
//! After: top-1 98%, top-3 100%, first fix 98%, no plan problems, 5.8 questions on
//! average. The one miss: Noa, 16, whose classmate is 14 (expected recipient-privacy;
//! the check says teen-defaults, with recipient-privacy second).
//!
//! Issue 11 added three people whose connection test named a part of TikTok blocked, or
//! only this site answering (56 stories: top-1 98%, top-3 100%, first fix 98%; the same
//! one miss). Maya's first fix was "Sign in to the Wi-Fi" until that fix learned to skip
//! people whose TikTok otherwise loads (a sign-in page holds back everything).
#![allow(dead_code)]

use dm_doctor::content::{Content, NOT_SURE};
use dm_doctor::diagnosis::engine::{next_question_with, plan, rank_with, Given};

/// Phone families, for the story's own record (fix steps differ per family).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phone {
    Pixel,
    Samsung,
    Xiaomi,
}

pub struct Story {
    pub name: &'static str,
    pub symptom: &'static str,
    pub age: u8,
    pub phone: Phone,
    /// The connection test's verdict id, when the person ran it before the questions.
    pub connection: Option<&'static str>,
    /// What the person knows: question id → answer id. Anything else is "Not sure".
    pub facts: &'static [(&'static str, &'static str)],
    /// The cause the check should end on.
    pub top: &'static str,
    /// Other causes that would be fair to show next to it in the top three.
    pub also: &'static [&'static str],
    /// The first step of the plan.
    pub first_fix: &'static str,
    /// Fixes that must not be in this person's plan (their conditions fail).
    pub never: &'static [&'static str],
    /// (a, b): if both are in the plan, a comes before b.
    pub before: &'static [(&'static str, &'static str)],
}

use Phone::*;

const NO: &[&str] = &[];
const NONE: &[(&str, &str)] = &[];

pub const STORIES: &[Story] = &[
    // ---------------------------------------------------------------- the 13
    Story {
        name: "Mia, 14: the Message button is gone; she never had messages",
        symptom: "messaging-missing",
        age: 14,
        phone: Xiaomi,
        connection: None,
        facts: &[
            ("age", "under-16"),
            ("missing-what", "no-button"),
            ("worked-before", "never"),
            ("who-fails", "everyone"),
            ("family-pairing", "no"),
            ("warnings", "no-warning"),
            ("recent-switch", "none"),
            ("last-update", "auto"),
            ("group-chat", "no"),
        ],
        top: "under-16",
        also: &["family-pairing", "teen-defaults"],
        first_fix: "messages-at-16",
        never: &["report-problem", "ask-recipient-settings"],
        before: NONE,
    },
    Story {
        name: "Karim, 26: lives abroad where TikTok is blocked; he needs his VPN to reach TikTok at all; chats won't load",
        symptom: "inbox-wont-load",
        age: 26,
        phone: Pixel,
        connection: None,
        facts: &[
            ("vpn-country", "both"),
            ("vpn-needed", "needs-vpn"),
            ("network-type", "roaming"),
            ("network-switch", "both"),
            ("rest-of-tiktok", "slow"),
            ("recent-switch", "travel"),
            ("asked-verify", "no"),
            ("others-report", "no"),
            ("private-dns", "no"),
            ("date-time", "auto"),
            ("last-update", "auto"),
            ("app-acted-up", "no"),
            ("what-you-see", "keeps-loading"),
            ("which-app", "main"),
        ],
        top: "vpn-or-region",
        also: &["unstable-network", "security-lock"],
        first_fix: "switch-vpn-server",
        never: &["turn-off-vpn"],
        before: NONE,
    },
    Story {
        name: "Jonas, 17: messaged fine until this week; switched accounts and phones all week; now it says he can't send messages right now",
        symptom: "messaging-missing",
        age: 17,
        phone: Samsung,
        connection: None,
        facts: &[
            ("age", "16-17"),
            ("worked-before", "until-lately"),
            ("missing-what", "cant-send-now"),
            ("recent-switch", "several"),
            ("warnings", "no-warning"),
            ("who-fails", "everyone"),
            ("family-pairing", "no"),
            ("own-settings", "everyone"),
            ("vpn-country", "neither"),
            ("group-chat", "no"),
            ("last-update", "auto"),
        ],
        top: "security-lock",
        also: &["account-restricted", "teen-defaults"],
        first_fix: "settle-security-lock",
        never: &["ask-recipient-settings", "follow-each-other"],
        before: NONE,
    },
    Story {
        name: "Dana, 29, Samsung: messages arrive late, alerts come late, in the daytime too",
        symptom: "messages-late",
        age: 29,
        phone: Samsung,
        connection: None,
        facts: &[
            ("when-late", "when-open"),
            ("notifications-allowed", "late"),
            ("one-chat", "all"),
            ("at-night", "day"),
            ("age", "18-plus"),
            ("rest-of-tiktok", "works"),
            ("data-saver", "no"),
            ("others-report", "no"),
            ("last-update", "auto"),
        ],
        top: "background-restrictions",
        also: &["phone-battery-saver", "notifications-off"],
        first_fix: "battery-unrestricted",
        never: &["allow-background-data"],
        before: NONE,
    },
    Story {
        name: "Pat, 35: nothing sends; knows nothing about any of it",
        symptom: "send-fails-everyone",
        age: 35,
        phone: Pixel,
        connection: None,
        facts: NONE,
        top: "unstable-network",
        also: &["outage", "account-restricted", "outdated-app"],
        first_fix: "switch-network",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Kim, 13: can't message one friend; not sure about anything",
        symptom: "send-fails-one-person",
        age: 13,
        phone: Xiaomi,
        connection: None,
        facts: NONE,
        top: "recipient-privacy",
        also: &["not-mutual-follow", "blocked"],
        first_fix: "ask-recipient-settings",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Lou, 40: chats won't load; not sure about anything",
        symptom: "inbox-wont-load",
        age: 40,
        phone: Samsung,
        connection: None,
        facts: NONE,
        top: "unstable-network",
        also: &["outage", "corrupted-cache"],
        first_fix: "switch-network",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Rey, 19: messaging is missing; not sure about anything",
        symptom: "messaging-missing",
        age: 19,
        phone: Pixel,
        connection: None,
        facts: NONE,
        top: "under-16",
        also: &["teen-defaults", "family-pairing", "account-restricted"],
        first_fix: "check-age-rules",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Gus, 33: messages come late; not sure about anything",
        symptom: "messages-late",
        age: 33,
        phone: Xiaomi,
        connection: None,
        facts: NONE,
        top: "background-restrictions",
        also: &["notifications-off", "unstable-network"],
        first_fix: "battery-unrestricted",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Ade, 22: got a warning for sending the same link to lots of people; now it says he can't send messages right now",
        symptom: "messaging-missing",
        age: 22,
        phone: Samsung,
        connection: None,
        facts: &[
            ("age", "18-plus"),
            ("worked-before", "until-lately"),
            ("missing-what", "cant-send-now"),
            ("who-fails", "everyone"),
            ("warnings", "warned"),
            ("warning-why", "fair"),
            ("recent-switch", "none"),
            ("asked-verify", "no"),
            ("vpn-country", "neither"),
            ("family-pairing", "no"),
            ("group-chat", "no"),
        ],
        top: "account-restricted",
        also: &["security-lock"],
        first_fix: "check-account-status",
        // The wait (and the appeal) come only through check-account-status's answers
        // ("Yes, and I know why" leads to the wait): neither is a step of its own.
        never: &["ask-recipient-settings", "follow-each-other", "appeal-restriction"],
        before: NONE,
    },
    Story {
        name: "Bea, 31: a warning came that she thinks is a mistake; nothing sends and comments fail too",
        symptom: "send-fails-everyone",
        age: 31,
        phone: Pixel,
        connection: Some("fine"),
        facts: &[
            ("warnings", "warned"),
            ("warning-why", "mistake"),
            ("rest-of-tiktok", "comments-fail"),
            ("what-you-see", "cant-send-now"),
            ("others-report", "no"),
            ("recent-switch", "none"),
            ("asked-verify", "no"),
            ("vpn-country", "neither"),
            ("web-works", "fails"),
            ("last-update", "auto"),
            ("which-messages", "all"),
        ],
        top: "account-restricted",
        also: &["security-lock", "outage"],
        first_fix: "check-account-status",
        // "Yes, and it may be a mistake" at check-account-status leads to the appeal;
        // the appeal and the wait are no steps of their own.
        never: NO,
        before: NONE,
    },
    Story {
        name: "Finn, 15: can't find a way to message his cousin",
        symptom: "send-fails-one-person",
        age: 15,
        phone: Samsung,
        connection: None,
        facts: &[
            ("age", "under-16"),
            ("follows-back", "both"),
            ("blocked-signs", "yes"),
            ("you-blocked", "no"),
            ("family-pairing", "no"),
            ("worked-before", "never"),
            ("which-messages", "all"),
        ],
        top: "under-16",
        also: &["family-pairing", "recipient-privacy"],
        first_fix: "messages-at-16",
        never: &["report-problem"],
        before: NONE,
    },
    Story {
        name: "Tess, 27: videos load, but slowly; messages fail on the train's patchy signal",
        symptom: "send-fails-everyone",
        age: 27,
        phone: Xiaomi,
        connection: Some("unstable"),
        facts: &[
            ("rest-of-tiktok", "slow"),
            ("network-type", "mobile-data"),
            ("network-switch", "data-bad"),
            ("what-you-see", "red-mark"),
            ("others-report", "no"),
            ("vpn-country", "neither"),
            ("warnings", "no-warning"),
            ("last-update", "auto"),
            ("which-messages", "all"),
        ],
        top: "unstable-network",
        also: &["restricted-network", "outage"],
        first_fix: "switch-network",
        never: NO,
        before: NONE,
    },
    // ---------------------------------------------------------------- send-fails-everyone
    Story {
        name: "Sam, 24: nothing sends, the feed is broken too, friends say TikTok is down",
        symptom: "send-fails-everyone",
        age: 24,
        phone: Pixel,
        connection: None,
        facts: &[
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
            ("what-you-see", "connect-internet"),
        ],
        top: "outage",
        also: &["unstable-network", "restricted-network"],
        first_fix: "check-outage",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Ben, 38: hasn't updated TikTok for months; nothing sends; the rest works",
        symptom: "send-fails-everyone",
        age: 38,
        phone: Samsung,
        connection: Some("fine"),
        facts: &[
            ("last-update", "months"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("network-switch", "both"),
            ("warnings", "no-warning"),
            ("which-app", "main"),
            ("what-you-see", "red-mark"),
            ("app-acted-up", "no"),
            ("which-messages", "all"),
        ],
        top: "outdated-app",
        also: &["corrupted-cache", "app-bug"],
        first_fix: "update-app",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Jess, 21: on hotel Wi-Fi nothing sends; on mobile data it works",
        symptom: "send-fails-everyone",
        age: 21,
        phone: Pixel,
        connection: Some("no-internet"),
        facts: &[
            ("network-switch", "wifi-bad"),
            ("network-type", "public-wifi"),
            ("rest-of-tiktok", "nothing-loads"),
            ("private-dns", "no"),
            ("others-report", "no"),
            ("vpn-country", "neither"),
            ("recent-switch", "travel"),
            ("date-time", "auto"),
        ],
        top: "restricted-network",
        also: &["unstable-network", "private-dns"],
        first_fix: "captive-wifi-login",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Priya, 30: uses an ad-blocking Private DNS; messages fail on every network",
        symptom: "send-fails-everyone",
        age: 30,
        phone: Samsung,
        connection: Some("tiktok-unreachable"),
        facts: &[
            ("private-dns", "dns"),
            ("network-switch", "both"),
            ("rest-of-tiktok", "nothing-loads"),
            ("vpn-country", "neither"),
            ("others-report", "no"),
            ("date-time", "auto"),
            ("network-type", "home-wifi"),
        ],
        top: "private-dns",
        also: &["vpn-or-region", "restricted-network", "outage"],
        first_fix: "turn-off-private-dns",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Dev, 25: set his phone's clock by hand after a trip; TikTok can't connect",
        symptom: "send-fails-everyone",
        age: 25,
        phone: Xiaomi,
        connection: None,
        facts: &[
            ("date-time", "manual"),
            ("rest-of-tiktok", "nothing-loads"),
            ("network-switch", "both"),
            ("others-report", "no"),
            ("vpn-country", "neither"),
            ("private-dns", "no"),
            ("recent-switch", "travel"),
        ],
        top: "wrong-date-time",
        also: &["unstable-network", "security-lock"],
        first_fix: "fix-date-time",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Sara, 28: messages broke right after a TikTok update",
        symptom: "send-fails-everyone",
        age: 28,
        phone: Pixel,
        connection: Some("fine"),
        facts: &[
            ("app-acted-up", "updated"),
            ("last-update", "days"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("network-switch", "both"),
            ("warnings", "no-warning"),
            ("which-messages", "all"),
        ],
        top: "app-bug",
        also: &["corrupted-cache", "outage"],
        first_fix: "update-app",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Grace, 23: since TikTok froze yesterday nothing sends in the app, but tiktok.com/messages works",
        symptom: "send-fails-everyone",
        age: 23,
        phone: Samsung,
        connection: None,
        facts: &[
            ("app-acted-up", "froze"),
            ("web-works", "works"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("last-update", "auto"),
            ("storage", "space"),
            ("which-messages", "all"),
        ],
        top: "corrupted-cache",
        also: &["app-bug", "outdated-app"],
        first_fix: "clear-cache-in-app",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Ravi, 32: uses TikTok Lite; nothing sends",
        symptom: "send-fails-everyone",
        age: 32,
        phone: Xiaomi,
        connection: None,
        facts: &[
            ("which-app", "lite"),
            ("rest-of-tiktok", "works"),
            ("last-update", "months"),
            ("others-report", "no"),
            ("web-works", "works"),
        ],
        top: "tiktok-lite",
        also: &["outdated-app", "corrupted-cache"],
        first_fix: "update-tiktok-lite",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Tariq, 20: texts send, but photos don't; TikTok says the message type isn't supported",
        symptom: "send-fails-everyone",
        age: 20,
        phone: Pixel,
        connection: None,
        facts: &[
            ("which-messages", "unsupported"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("what-you-see", "red-mark"),
        ],
        top: "unsupported-content",
        also: &["message-removed", "outdated-app"],
        first_fix: "send-another-way",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Yara, 18: new phone, two accounts, travelled; TikTok asked her to verify; now nothing sends",
        symptom: "send-fails-everyone",
        age: 18,
        phone: Samsung,
        connection: Some("fine"),
        facts: &[
            ("recent-switch", "several"),
            ("asked-verify", "yes"),
            ("warnings", "no-warning"),
            ("rest-of-tiktok", "works"),
            ("vpn-country", "neither"),
            ("what-you-see", "cant-send-now"),
            ("others-report", "no"),
            ("last-update", "auto"),
        ],
        top: "security-lock",
        also: &["account-restricted"],
        first_fix: "settle-security-lock",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Hugo, 34: roaming on mobile data abroad with a VPN he can switch off; nothing sends",
        symptom: "send-fails-everyone",
        age: 34,
        phone: Pixel,
        connection: Some("tiktok-unreachable"),
        facts: &[
            ("vpn-country", "vpn"),
            ("vpn-needed", "works-without"),
            ("network-type", "roaming"),
            ("rest-of-tiktok", "nothing-loads"),
            ("network-switch", "both"),
            ("recent-switch", "travel"),
            ("asked-verify", "no"),
            ("private-dns", "no"),
            ("others-report", "no"),
        ],
        top: "vpn-or-region",
        also: &["security-lock", "restricted-network", "unstable-network"],
        first_fix: "turn-off-vpn",
        never: &["switch-vpn-server"],
        before: NONE,
    },
    // ---------------------------------------------------------------- send-fails-one-person
    Story {
        name: "Leo, 24: messages to one person fail; she doesn't follow him back",
        symptom: "send-fails-one-person",
        age: 24,
        phone: Pixel,
        connection: None,
        facts: &[
            ("follows-back", "they-dont"),
            ("blocked-signs", "yes"),
            ("age", "18-plus"),
            ("family-pairing", "no"),
            ("you-blocked", "no"),
            ("which-messages", "all"),
        ],
        top: "not-mutual-follow",
        also: &["recipient-privacy"],
        first_fix: "follow-each-other",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Tom, 19: a friend unfollowed him and her profile can't be found any more",
        symptom: "send-fails-one-person",
        age: 19,
        phone: Samsung,
        connection: None,
        facts: &[
            ("follows-back", "they-unfollowed"),
            ("blocked-signs", "gone"),
            ("you-blocked", "no"),
            ("age", "18-plus"),
        ],
        top: "blocked",
        also: &["not-mutual-follow", "recipient-privacy"],
        first_fix: "check-if-blocked",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Ava, 22: her friend turned message requests off; they don't follow each other",
        symptom: "send-fails-one-person",
        age: 22,
        phone: Xiaomi,
        connection: None,
        facts: &[
            ("their-settings", "friends"),
            ("follows-back", "they-dont"),
            ("blocked-signs", "yes"),
            ("you-blocked", "no"),
            ("age", "18-plus"),
        ],
        top: "recipient-privacy",
        also: &["not-mutual-follow"],
        first_fix: "ask-recipient-settings",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Ivan, 27: can't write to an old classmate; TikTok says to unblock the account",
        symptom: "send-fails-one-person",
        age: 27,
        phone: Pixel,
        connection: None,
        facts: &[
            ("you-blocked", "yes"),
            ("blocked-signs", "yes"),
            ("age", "18-plus"),
        ],
        top: "you-blocked-them",
        also: &["blocked"],
        first_fix: "unblock-account",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Lena, 21: one message with a link didn't send; TikTok said it broke the Community Guidelines",
        symptom: "send-fails-one-person",
        age: 21,
        phone: Samsung,
        connection: None,
        facts: &[
            ("which-messages", "violated"),
            ("follows-back", "both"),
            ("you-blocked", "no"),
            ("blocked-signs", "yes"),
            ("age", "18-plus"),
        ],
        top: "message-removed",
        also: &["unsupported-content"],
        first_fix: "rewrite-message",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Emma, 17: her mum manages her TikTok; she can't message a new friend",
        symptom: "send-fails-one-person",
        age: 17,
        phone: Samsung,
        connection: None,
        facts: &[
            ("family-pairing", "yes"),
            ("age", "16-17"),
            ("follows-back", "both"),
            ("you-blocked", "no"),
            ("blocked-signs", "yes"),
        ],
        top: "family-pairing",
        also: &["teen-defaults", "recipient-privacy"],
        first_fix: "family-pairing-talk",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Noa, 16: wants to message a classmate who is 14; they follow each other",
        symptom: "send-fails-one-person",
        age: 16,
        phone: Xiaomi,
        connection: None,
        facts: &[
            ("age", "16-17"),
            ("follows-back", "both"),
            ("blocked-signs", "yes"),
            ("you-blocked", "no"),
            ("family-pairing", "no"),
            ("which-messages", "all"),
        ],
        top: "recipient-privacy",
        also: &["teen-defaults", "under-16"],
        first_fix: "ask-recipient-settings",
        never: NO,
        before: NONE,
    },
    // ---------------------------------------------------------------- inbox-wont-load
    Story {
        name: "Noah, 20: the inbox is stuck since TikTok crashed; network and friends are fine",
        symptom: "inbox-wont-load",
        age: 20,
        phone: Pixel,
        connection: Some("fine"),
        facts: &[
            ("app-acted-up", "froze"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("network-switch", "both"),
            ("chats-affected", "some"),
            ("last-update", "auto"),
            ("storage", "space"),
        ],
        top: "corrupted-cache",
        also: &["app-bug", "outdated-app"],
        first_fix: "clear-cache-in-app",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Chloe, 16: weak mobile signal on the bus; chats won't load; at home on Wi-Fi they do",
        symptom: "inbox-wont-load",
        age: 16,
        phone: Samsung,
        connection: Some("slow"),
        facts: &[
            ("network-switch", "data-bad"),
            ("network-type", "mobile-data"),
            ("rest-of-tiktok", "slow"),
            ("others-report", "no"),
            ("what-you-see", "keeps-loading"),
        ],
        top: "unstable-network",
        also: &["restricted-network", "outage"],
        first_fix: "switch-network",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Ella, 26: chats won't load and TikTok says to connect to the internet, but her Wi-Fi works; the news says TikTok is down",
        symptom: "inbox-wont-load",
        age: 26,
        phone: Xiaomi,
        connection: Some("tiktok-unreachable"),
        facts: &[
            ("others-report", "yes"),
            ("what-you-see", "connect-internet"),
            ("rest-of-tiktok", "nothing-loads"),
            ("network-switch", "both"),
            ("vpn-country", "neither"),
            ("private-dns", "no"),
        ],
        top: "outage",
        also: &["vpn-or-region", "private-dns"],
        first_fix: "check-outage",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Olga, 39: chats won't load, and her phone keeps saying storage is almost full",
        symptom: "inbox-wont-load",
        age: 39,
        phone: Samsung,
        connection: None,
        facts: &[
            ("storage", "full"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("chats-affected", "some"),
            ("app-acted-up", "no"),
        ],
        top: "storage-full",
        also: &["corrupted-cache", "app-bug"],
        // Cheaper and safe, and it frees space too; freeing space must follow.
        first_fix: "clear-cache-in-app",
        never: NO,
        before: &[("clear-cache-in-app", "free-up-storage")],
    },
    Story {
        name: "Noor, 18: her ad blocker shows a key icon at the top; TikTok chats won't load",
        symptom: "inbox-wont-load",
        age: 18,
        phone: Pixel,
        connection: None,
        facts: &[
            ("private-dns", "vpn-blocker"),
            ("vpn-country", "vpn"),
            ("vpn-needed", "works-without"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
        ],
        top: "vpn-or-region",
        also: &["private-dns"],
        first_fix: "turn-off-vpn",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Omar, 30: school Wi-Fi blocks apps; chats won't load there, at home they do",
        symptom: "inbox-wont-load",
        age: 30,
        phone: Xiaomi,
        connection: Some("tiktok-unreachable"),
        facts: &[
            ("network-type", "public-wifi"),
            ("network-switch", "wifi-bad"),
            ("rest-of-tiktok", "nothing-loads"),
            ("vpn-country", "neither"),
            ("private-dns", "no"),
            ("others-report", "no"),
        ],
        top: "restricted-network",
        also: &["private-dns", "vpn-or-region"],
        first_fix: "captive-wifi-login",
        never: NO,
        before: NONE,
    },
    // ---------------------------------------------------------------- messaging-missing
    Story {
        name: "Lily, 16: new account; she can't find messages anywhere",
        symptom: "messaging-missing",
        age: 16,
        phone: Pixel,
        connection: None,
        facts: &[
            ("age", "16-17"),
            ("worked-before", "never"),
            ("missing-what", "turned-off"),
            ("family-pairing", "no"),
            ("who-fails", "everyone"),
            ("warnings", "no-warning"),
            ("recent-switch", "none"),
            ("own-settings", "all-off"),
        ],
        top: "teen-defaults",
        also: &["own-dm-settings", "family-pairing"],
        first_fix: "check-own-dm-settings",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Nora, 19: TikTok says she can't send messages right now, after a warning",
        symptom: "messaging-missing",
        age: 19,
        phone: Samsung,
        connection: None,
        facts: &[
            ("age", "18-plus"),
            ("who-fails", "everyone"),
            ("warnings", "warned"),
            ("missing-what", "cant-send-now"),
            ("worked-before", "until-lately"),
            ("family-pairing", "no"),
            ("recent-switch", "none"),
            ("asked-verify", "no"),
        ],
        top: "account-restricted",
        also: &["security-lock"],
        first_fix: "check-account-status",
        never: &["ask-recipient-settings"],
        before: NONE,
    },
    Story {
        name: "Emi, 15: her dad set up Family Pairing and she can't find messages",
        symptom: "messaging-missing",
        age: 15,
        phone: Xiaomi,
        connection: None,
        facts: &[
            ("age", "under-16"),
            ("family-pairing", "yes"),
            ("missing-what", "no-button"),
            ("worked-before", "never"),
        ],
        top: "under-16",
        also: &["family-pairing"],
        first_fix: "messages-at-16",
        never: &["report-problem"],
        before: NONE,
    },
    Story {
        name: "Sofia, 17: she can't start a group chat with her cousins",
        symptom: "messaging-missing",
        age: 17,
        phone: Samsung,
        connection: None,
        facts: &[
            ("group-chat", "yes"),
            ("age", "16-17"),
            ("worked-before", "until-lately"),
            ("family-pairing", "no"),
            ("who-fails", "some"),
        ],
        top: "group-chat-limits",
        also: &["teen-defaults", "not-mutual-follow"],
        first_fix: "group-chat-rules",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Rosa, 20: the Message button is only missing on one creator's profile; they don't follow her",
        symptom: "messaging-missing",
        age: 20,
        phone: Pixel,
        connection: None,
        facts: &[
            ("age", "18-plus"),
            ("who-fails", "some"),
            ("follows-back", "they-dont"),
            ("missing-what", "no-button"),
            ("worked-before", "until-lately"),
            ("family-pairing", "no"),
            ("group-chat", "no"),
        ],
        top: "not-mutual-follow",
        also: &["recipient-privacy"],
        first_fix: "follow-each-other",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Ana, 27: moved abroad, new phone, TikTok made her verify; now DMs are gone",
        symptom: "messaging-missing",
        age: 27,
        phone: Samsung,
        connection: Some("fine"),
        facts: &[
            ("who-fails", "everyone"),
            ("age", "18-plus"),
            ("recent-switch", "several"),
            ("asked-verify", "yes"),
            ("vpn-country", "neither"),
            ("warnings", "no-warning"),
            ("family-pairing", "no"),
            ("worked-before", "until-lately"),
            ("missing-what", "cant-send-now"),
        ],
        top: "security-lock",
        also: &["account-restricted"],
        first_fix: "settle-security-lock",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Milo, 36: still on a TikTok version from last year; the Message button vanished for everyone",
        symptom: "messaging-missing",
        age: 36,
        phone: Xiaomi,
        connection: None,
        facts: &[
            ("age", "18-plus"),
            ("last-update", "months"),
            ("who-fails", "everyone"),
            ("warnings", "no-warning"),
            ("worked-before", "until-lately"),
            ("missing-what", "no-button"),
            ("recent-switch", "none"),
            ("family-pairing", "no"),
            ("which-app", "main"),
        ],
        top: "outdated-app",
        also: &["app-bug", "account-restricted"],
        first_fix: "update-app",
        never: &["ask-recipient-settings"],
        before: NONE,
    },
    // ---------------------------------------------------------------- messages-late
    Story {
        name: "Zoe, 25, Samsung: TikTok's battery use is limited; messages only arrive when she opens TikTok",
        symptom: "messages-late",
        age: 25,
        phone: Samsung,
        connection: None,
        facts: &[
            ("when-late", "when-open"),
            ("battery-saver", "app-limited"),
            ("data-saver", "no"),
            ("rest-of-tiktok", "works"),
            ("others-report", "no"),
            ("notifications-allowed", "late"),
            ("age", "18-plus"),
        ],
        top: "background-restrictions",
        also: &["phone-battery-saver", "notifications-off"],
        // Corrected from the issue-9 scenario (allow-background-data first): she said
        // Data Saver is off and battery use is limited, so the battery fix comes first.
        first_fix: "battery-unrestricted",
        never: &["allow-background-data"],
        before: NONE,
    },
    Story {
        name: "Hana, 24: since her new phone she gets no TikTok alerts at all",
        symptom: "messages-late",
        age: 24,
        phone: Pixel,
        connection: None,
        facts: &[
            ("when-late", "when-open"),
            ("notifications-allowed", "none"),
            ("one-chat", "all"),
            ("battery-saver", "no"),
            ("age", "18-plus"),
        ],
        top: "notifications-off",
        also: &["background-restrictions"],
        first_fix: "allow-notifications",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Mara, 37: only her chat with her brother never makes a sound",
        symptom: "messages-late",
        age: 37,
        phone: Xiaomi,
        connection: None,
        facts: &[
            ("one-chat", "one"),
            ("notifications-allowed", "not-messages"),
            ("age", "18-plus"),
        ],
        top: "muted-chat",
        also: &["notifications-off"],
        first_fix: "unmute-chat",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Yuki, 16: messages friends send at night only alert her in the morning",
        symptom: "messages-late",
        age: 16,
        phone: Pixel,
        connection: None,
        facts: &[
            ("at-night", "night"),
            ("age", "16-17"),
            ("one-chat", "all"),
            ("notifications-allowed", "late"),
            ("when-late", "when-open"),
        ],
        top: "teen-quiet-hours",
        also: &["background-restrictions"],
        first_fix: "teen-quiet-hours-info",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Pedro, 40: his whole phone is on Battery Saver since the battery got weak",
        symptom: "messages-late",
        age: 40,
        phone: Samsung,
        connection: None,
        facts: &[
            ("battery-saver", "phone"),
            ("when-late", "when-open"),
            ("notifications-allowed", "late"),
            ("age", "18-plus"),
        ],
        top: "phone-battery-saver",
        also: &["background-restrictions"],
        first_fix: "turn-off-battery-saver",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Liam, 23: messages are slow even with the app open, and the news says TikTok is down",
        symptom: "messages-late",
        age: 23,
        phone: Pixel,
        connection: Some("fine"),
        facts: &[
            ("when-late", "slow-in-app"),
            ("others-report", "yes"),
            ("rest-of-tiktok", "slow"),
            ("age", "18-plus"),
        ],
        top: "outage",
        also: &["unstable-network"],
        first_fix: "check-outage",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Max, 28: some messages never arrive; he turned off requests from everyone",
        symptom: "messages-late",
        age: 28,
        phone: Xiaomi,
        connection: None,
        facts: &[
            ("when-late", "never"),
            ("own-settings", "all-off"),
            ("age", "18-plus"),
        ],
        top: "own-dm-settings",
        also: &["muted-chat"],
        first_fix: "check-own-dm-settings",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Ida, 19, Xiaomi: Data Saver is on; messages wait until she opens TikTok",
        symptom: "messages-late",
        age: 19,
        phone: Xiaomi,
        connection: None,
        facts: &[
            ("when-late", "when-open"),
            ("data-saver", "yes"),
            ("battery-saver", "no"),
            ("notifications-allowed", "late"),
            ("age", "18-plus"),
        ],
        top: "background-restrictions",
        also: &["phone-battery-saver"],
        first_fix: "allow-background-data",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Ezra, 14, Samsung: messages from friends come late in the evening and in the day",
        symptom: "messages-late",
        age: 14,
        phone: Samsung,
        connection: None,
        facts: &[
            ("age", "under-16"),
            ("when-late", "when-open"),
            ("at-night", "day"),
            ("notifications-allowed", "late"),
            ("one-chat", "all"),
        ],
        top: "background-restrictions",
        also: &["phone-battery-saver", "teen-quiet-hours"],
        first_fix: "battery-unrestricted",
        never: NO,
        before: NONE,
    },
    // ------------------------------------- issue 11: connection verdicts that name parts
    // Written before the new verdicts' evidence was tried on them.
    Story {
        name: "Maya, 15: on school Wi-Fi videos play but chats just spin; the test says TikTok's message servers don't answer",
        symptom: "inbox-wont-load",
        age: 15,
        phone: Samsung,
        connection: Some("tiktok-partly"),
        facts: &[
            ("network-type", "public-wifi"),
            ("network-switch", "wifi-bad"),
            ("rest-of-tiktok", "works"),
            ("vpn-country", "neither"),
            ("private-dns", "no"),
            ("others-report", "no"),
            ("chats-affected", "all"),
            ("date-time", "auto"),
        ],
        top: "restricted-network",
        also: &["private-dns", "vpn-or-region"],
        first_fix: "switch-network",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Omar, 28: an ad-blocking app with a key icon; the test says part of TikTok is blocked on every network",
        symptom: "send-fails-everyone",
        age: 28,
        phone: Pixel,
        connection: Some("tiktok-partly"),
        facts: &[
            ("private-dns", "vpn-blocker"),
            ("network-type", "home-wifi"),
            ("network-switch", "both"),
            ("rest-of-tiktok", "works"),
            ("vpn-country", "vpn"),
            ("others-report", "no"),
            ("date-time", "auto"),
        ],
        top: "vpn-or-region",
        also: &["private-dns", "restricted-network"],
        first_fix: "turn-off-vpn",
        never: NO,
        before: NONE,
    },
    Story {
        name: "Lena, 33: cafe Wi-Fi; the test says only DM Doctor's own site answers",
        symptom: "send-fails-everyone",
        age: 33,
        phone: Xiaomi,
        connection: Some("only-this-site"),
        facts: &[
            ("network-type", "public-wifi"),
            ("network-switch", "wifi-bad"),
            ("rest-of-tiktok", "nothing-loads"),
            ("vpn-country", "neither"),
            ("private-dns", "no"),
            ("others-report", "no"),
        ],
        top: "restricted-network",
        also: &["unstable-network", "private-dns"],
        first_fix: "captive-wifi-login",
        never: NO,
        before: NONE,
    },
];

/// One run of the guided check for a story.
pub struct Outcome {
    pub asked: Vec<Given>,
    pub ranking: Vec<String>,
    pub plan: Vec<String>,
}

impl Outcome {
    pub fn top1(&self, story: &Story) -> bool {
        self.ranking.first().map(String::as_str) == Some(story.top)
    }
    pub fn top3(&self, story: &Story) -> bool {
        self.ranking.iter().take(3).any(|c| c == story.top)
    }
    pub fn first_fix(&self, story: &Story) -> bool {
        self.plan.first().map(String::as_str) == Some(story.first_fix)
    }
    pub fn transcript(&self) -> String {
        self.asked
            .iter()
            .map(|g| format!("{}={}", g.question, g.answer))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The person's answer to a question: their fact if they have one that the content
/// still offers, else "Not sure".
pub fn answer_for<'a>(content: &Content, story: &'a Story, question: &str) -> &'a str {
    story
        .facts
        .iter()
        .find(|(q, a)| {
            *q == question
                && content
                    .question(q)
                    .is_some_and(|q| q.answers.iter().any(|x| x.id == *a))
        })
        .map_or(NOT_SURE, |(_, a)| *a)
}

/// Runs the check the way the app does: ask the engine's next question until it stops.
pub fn play(content: &Content, story: &Story) -> Outcome {
    let mut asked: Vec<Given> = Vec::new();
    for _ in 0..=content.questions.len() {
        let Some(question) = next_question_with(content, story.symptom, &asked, story.connection)
        else {
            break;
        };
        let answer = answer_for(content, story, &question.id);
        asked.push(Given::new(&question.id, answer));
    }
    let ranked = rank_with(content, story.symptom, &asked, story.connection);
    let plan = plan(content, story.symptom, &asked, &ranked)
        .iter()
        .map(|f| f.id.clone())
        .collect();
    Outcome {
        ranking: ranked.iter().map(|r| r.cause.id.clone()).collect(),
        asked,
        plan,
    }
}

/// Hit rates over the whole suite, in percent: (top-1, top-3, first fix).
pub fn rates(content: &Content) -> (f64, f64, f64) {
    let n = STORIES.len() as f64;
    let (mut t1, mut t3, mut ff) = (0.0, 0.0, 0.0);
    for story in STORIES {
        let outcome = play(content, story);
        t1 += f64::from(u8::from(outcome.top1(story)));
        t3 += f64::from(u8::from(outcome.top3(story)));
        ff += f64::from(u8::from(outcome.first_fix(story)));
    }
    (100.0 * t1 / n, 100.0 * t3 / n, 100.0 * ff / n)
}

/// The plan-shape problems of one story's outcome (fixes that must not be there, order).
pub fn plan_problems(story: &Story, outcome: &Outcome) -> Vec<String> {
    let mut problems = Vec::new();
    for fix in story.never {
        if outcome.plan.iter().any(|f| f == fix) {
            problems.push(format!("{fix} must not be in the plan"));
        }
    }
    let at = |id: &str| outcome.plan.iter().position(|f| f == id);
    for (a, b) in story.before {
        if let (Some(x), Some(y)) = (at(a), at(b)) {
            if x > y {
                problems.push(format!("{a} must come before {b}"));
            }
        }
    }
    problems
}

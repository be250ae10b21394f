//! Writes the stored-data fixtures of the *current* schemas into `tests/fixtures/`, one
//! per stored format, only if they aren't there yet: `cargo run --example fixtures`.
//!
//! Fixtures are data from the past, as phones hold it: once committed, a fixture is never
//! written again, and none is ever made for an older schema from today's code (that
//! would only prove today's code agrees with itself). So: when a schema is added, run
//! this once, commit the new file, and pin its hash in `src/test_strategies.rs`
//! (`FROZEN`); the tests then check every fixture byte for byte.

use dm_doctor::connection::history::{self, Network, Run};
use dm_doctor::connection::verdict::{judge, HostResult, Measurements, Sample, VerdictKind};
use dm_doctor::content::Group;
use dm_doctor::diagnosis::check::{Check, Outcome, Stage, StepResult};
use dm_doctor::diagnosis::engine::Given;
use dm_doctor::diagnosis::saved;
use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};

fn main() {
    write_once(
        &format!("tests/fixtures/check-schema-{}.txt", saved::SCHEMA),
        &saved::encode(&check()),
    );
    write_once(
        &format!("tests/fixtures/connection-schema-{}.txt", history::SCHEMA),
        &history::encode(&runs()),
    );
}

/// Creates `path` with `text`; an existing file is left exactly as it is.
fn write_once(path: &str, text: &str) {
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(mut file) => {
            file.write_all(format!("{text}\n").as_bytes()).unwrap();
            println!("wrote {path}: commit it and pin its hash");
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => println!("{path} exists: left as it is"),
        Err(e) => panic!("{path}: {e}"),
    }
}

/// A check part way through the plan, with a connection verdict.
fn check() -> Check {
    let at = |s: u64| 1_764_400_000_000 + s * 1000;
    Check {
        symptom: "send-fails-everyone".into(),
        answers: vec![
            Given {
                question: "who-fails".into(),
                answer: "everyone".into(),
                at: at(0),
            },
            Given {
                question: "rest-of-tiktok".into(),
                answer: "not-sure".into(),
                at: at(5),
            },
        ],
        stage: Stage::Plan { step: 1 },
        plan: [
            "check-outage",
            "switch-network",
            "clear-cache-in-app",
            "update-app",
            "report-problem",
        ]
        .map(String::from)
        .to_vec(),
        outcomes: vec![Outcome {
            fix: "check-outage".into(),
            result: StepResult::NotFixed,
            at: at(60),
        }],
        undone: None,
        started_at: at(0) - 10_000,
        updated_at: at(60),
        connection: Some(VerdictKind::Fine),
    }
}

/// Three runs, newest first: TikTok partly reached (with an unconfirmed host and every
/// kind of sample), only this site answering, and offline; each verdict as this version
/// judged it.
fn runs() -> Vec<Run> {
    use Group::*;
    use Sample::*;
    let host = |group, confirmed, name: &str, samples: &[Sample]| HostResult {
        host: name.into(),
        group,
        confirmed,
        samples: samples.to_vec(),
    };
    let run = |s: u64, network, online, hosts| {
        let measurements = Measurements { online, hosts };
        Run {
            at: 1_796_000_000_000 - s * 1000,
            network,
            verdict: judge(&measurements),
            measurements,
        }
    };
    vec![
        run(
            0,
            Network::Wifi,
            true,
            vec![
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
        ),
        run(
            60,
            Network::Mobile,
            true,
            vec![
                host(OwnSite, true, "this site", &[Answered(20), Answered(18)]),
                host(Internet, true, "www.google.com", &[Failed, Failed]),
                host(TikTok, true, "www.tiktok.com", &[TimedOut, TimedOut]),
            ],
        ),
        run(120, Network::Unknown, false, vec![]),
    ]
}

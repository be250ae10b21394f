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
use dm_doctor::diagnosis::check::{Check, Outcome, Stage, StepResult};
use dm_doctor::diagnosis::engine::Given;
use dm_doctor::diagnosis::saved;
use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};

fn main() {
    write_once(
        &format!("tests/fixtures/check-schema-{}.txt", saved::SCHEMA),
        &saved::encode(&check()).unwrap(),
    );
    write_once(
        &format!("tests/fixtures/connection-schema-{}.txt", history::SCHEMA),
        &history::encode(&runs()).unwrap(),
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

/// Three runs, newest first, with every kind of sample, with and without figures; each
/// verdict as this version judged it.
fn runs() -> Vec<Run> {
    use Sample::*;
    let host = |name: &str, samples: &[Sample]| HostResult {
        host: name.into(),
        samples: samples.to_vec(),
    };
    let run = |s: u64, network, measurements: Measurements| Run {
        at: 1_764_400_000_000 + s * 1000,
        network,
        verdict: judge(&measurements),
        measurements,
    };
    vec![
        run(
            120,
            Network::Mobile,
            Measurements {
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
        ),
        run(
            60,
            Network::Wifi,
            Measurements {
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
        ),
        run(
            0,
            Network::Unknown,
            Measurements {
                online: false,
                own_site: vec![],
                internet: vec![],
                tiktok: vec![],
            },
        ),
    ]
}

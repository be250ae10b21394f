//! Writes the stored-check fixtures in `tests/fixtures/`, one per schema, as each
//! schema stored them: `cargo run --example fixtures`. Run it only when adding a schema:
//! the fixtures of older schemas must stay as they are, since old data on phones does.

use dm_doctor::diagnosis::check::{Check, Outcome, Stage, StepResult};
use dm_doctor::diagnosis::engine::Given;
use dm_doctor::diagnosis::envelope::{base64_decode, base64_encode};
use dm_doctor::diagnosis::saved::encode;
use std::fs;

fn main() {
    let at = |s: u64| 1_764_400_000_000 + s * 1000;
    let check = Check {
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
        connection: Some(dm_doctor::connection::verdict::VerdictKind::Fine),
    };
    let v2 = encode(&check);
    // Schema 1 had no connection field: the same bytes without the trailing Option.
    let v1_source = encode(&Check {
        connection: None,
        ..check
    });
    let mut bytes = base64_decode(v1_source.rsplit(':').next().unwrap()).unwrap();
    assert_eq!(bytes.pop(), Some(0), "connection is the last field");
    let v1 = format!("dm-doctor:1:{}", base64_encode(&bytes));
    fs::write("tests/fixtures/check-schema-1.txt", v1 + "\n").unwrap();
    fs::write("tests/fixtures/check-schema-2.txt", v2 + "\n").unwrap();
    println!("wrote tests/fixtures/check-schema-1.txt and check-schema-2.txt");
}

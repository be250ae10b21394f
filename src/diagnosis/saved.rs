//! The saved check, in the stored-data envelope ([`super::envelope`]). Older schemas are
//! migrated step by step; anything unreadable (corrupt, foreign, from a newer version,
//! or about a symptom this version no longer has) is never dropped: the caller keeps the
//! raw text aside under another key and starts clean with a notice.

use super::check::Check;
use super::envelope::{open, seal, Migration};
use crate::content::Content;

/// The schema this version writes. 1: the first. 2: adds the latest connection verdict.
pub const SCHEMA: u64 = 2;

/// Migrations from schema N to N+1, in order: `MIGRATIONS[0]` turns 1 into 2, and so on.
/// When the check changes shape, bump SCHEMA, add a function here and a fixture in
/// `tests/fixtures/` (see `examples/fixtures.rs`).
const MIGRATIONS: &[Migration] = &[schema_1_to_2];

/// Schema 2 appends `connection` (an Option) to the check; checks from schema 1 had no
/// connection test, which postcard writes as a single 0 byte.
fn schema_1_to_2(mut bytes: Vec<u8>) -> Result<Vec<u8>, ()> {
    bytes.push(0);
    Ok(bytes)
}

/// What was found in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing saved.
    Empty,
    /// A check, migrated to the current schema if it was older.
    Found(Check),
    /// Unreadable: the raw text must be kept aside; `reason` is for the notice.
    Unreadable { raw: String, reason: &'static str },
}

pub fn encode(check: &Check) -> String {
    seal(check, SCHEMA)
}

/// Reads a stored check. Never panics, whatever the input.
pub fn decode(raw: Option<&str>, content: &Content) -> Loaded {
    let Some(raw) = raw else { return Loaded::Empty };
    match open::<Check>(raw, SCHEMA, MIGRATIONS) {
        Ok(check) if check.fits(content) => Loaded::Found(check),
        // An update may have removed fixes from the plan: carry on without them.
        Ok(mut check) => match check.repair(content) {
            true => Loaded::Found(check),
            false => Loaded::Unreadable {
                raw: raw.to_owned(),
                reason: "it refers to a problem this version no longer has",
            },
        },
        Err(reason) => Loaded::Unreadable {
            raw: raw.to_owned(),
            reason,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::sample;
    use super::*;
    use crate::content::content;

    #[test]
    fn round_trip_keeps_everything() {
        let check = sample();
        assert_eq!(
            decode(Some(&encode(&check)), content()),
            Loaded::Found(check)
        );
    }

    #[test]
    fn a_check_with_a_removed_fix_is_repaired_not_dropped() {
        let mut check = sample();
        check.plan.insert(0, "a-fix-that-was-removed".into());
        match decode(Some(&encode(&check)), content()) {
            Loaded::Found(loaded) => {
                assert!(!loaded.plan.iter().any(|id| id == "a-fix-that-was-removed"))
            }
            other => panic!("expected a repaired check, got {other:?}"),
        }
    }

    #[test]
    fn nothing_saved_is_empty() {
        assert_eq!(decode(None, content()), Loaded::Empty);
    }

    #[test]
    fn every_schema_fixture_loads() {
        // One fixture per schema ever written; each must load in this version.
        let fixtures = [
            (1, include_str!("../../tests/fixtures/check-schema-1.txt")),
            (2, include_str!("../../tests/fixtures/check-schema-2.txt")),
        ];
        assert_eq!(
            fixtures.len() as u64,
            SCHEMA,
            "add a fixture for every schema"
        );
        for (schema, raw) in fixtures {
            match decode(Some(raw.trim_end()), content()) {
                Loaded::Found(check) => {
                    assert_eq!(check.symptom, "send-fails-everyone", "schema {schema}");
                    assert_eq!(
                        check.stage,
                        crate::diagnosis::check::Stage::Plan { step: 1 }
                    );
                    assert_eq!(check.outcomes.len(), 1);
                    let expected = if schema >= 2 {
                        Some(crate::connection::verdict::VerdictKind::Fine)
                    } else {
                        None
                    };
                    assert_eq!(check.connection, expected, "schema {schema}");
                }
                other => panic!("schema {schema} fixture did not load: {other:?}"),
            }
        }
    }

    fn reason(raw: &str) -> &'static str {
        match decode(Some(raw), content()) {
            Loaded::Unreadable { raw: kept, reason } => {
                assert_eq!(kept, raw, "the raw text is handed back unchanged");
                reason
            }
            other => panic!("expected unreadable for {raw:?}, got {other:?}"),
        }
    }

    #[test]
    fn bad_input_is_handed_back_with_a_reason() {
        assert_eq!(reason("dm-doctor:2:{not base64"), "it was damaged");
        assert_eq!(reason(""), "it was not saved by DM Doctor");
        assert_eq!(reason("[1,2,3]"), "it was not saved by DM Doctor");
        assert_eq!(
            reason(r#"{"app":"dm-doctor","schema":1,"data":{}}"#),
            "it was not saved by DM Doctor"
        );
        assert_eq!(
            reason("dm-doctor:99:AAAA"),
            "it was saved by a newer version of DM Doctor"
        );
        assert_eq!(reason("dm-doctor:0:AAAA"), "it was damaged");
        assert_eq!(reason("dm-doctor:two:AAAA"), "it was damaged");
        assert_eq!(reason("dm-doctor:2:"), "it was damaged");
        let good = encode(&sample());
        assert_eq!(
            reason(&good[..good.len() - 8]),
            "it was damaged",
            "cut short"
        );
        let mut moved = sample();
        moved.symptom = "a-symptom-that-was-removed".into();
        assert_eq!(
            reason(&encode(&moved)),
            "it refers to a problem this version no longer has"
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::content::content;
    use crate::diagnosis::envelope::base64_encode;
    use proptest::prelude::*;

    fn assert_loads_or_hands_back(raw: &str) {
        match decode(Some(raw), content()) {
            Loaded::Found(check) => assert!(check.fits(content())),
            Loaded::Unreadable { raw: kept, .. } => assert_eq!(kept, raw),
            Loaded::Empty => panic!("text in storage is never 'empty'"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn arbitrary_text_never_panics_and_is_never_lost(raw in ".{0,200}") {
            assert_loads_or_hands_back(&raw);
        }

        #[test]
        fn arbitrary_json_never_panics_and_is_never_lost(json in crate::test_strategies::json_text(), schema in 0u64..4) {
            assert_loads_or_hands_back(&json);
            // JSON where the envelope's base64 should be.
            assert_loads_or_hands_back(&format!("dm-doctor:{schema}:{json}"));
        }

        #[test]
        fn arbitrary_bytes_in_a_valid_envelope_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), schema in 0u64..4) {
            assert_loads_or_hands_back(&format!("dm-doctor:{schema}:{}", base64_encode(&bytes)));
        }

        #[test]
        fn a_real_check_with_damaged_bytes_never_panics(flip in 0usize..400, value in any::<u8>()) {
            let sealed = encode(&tests_support::sample());
            let body = sealed.rsplit(':').next().unwrap();
            let mut bytes = crate::diagnosis::envelope::base64_decode(body).unwrap();
            let at = flip % bytes.len();
            bytes[at] = value;
            assert_loads_or_hands_back(&format!("dm-doctor:{SCHEMA}:{}", base64_encode(&bytes)));
        }
    }
}

/// Shared by the unit tests and the property tests.
#[cfg(test)]
mod tests_support {
    use super::*;
    use crate::content::content;
    use crate::diagnosis::check::{Stage, StepResult};

    pub fn sample() -> Check {
        let mut check = Check::start(content(), "send-fails-everyone", 1_700_000_000_000);
        if let Some(q) =
            crate::diagnosis::engine::next_question(content(), &check.symptom, &check.answers)
        {
            let (qid, aid) = (q.id.clone(), q.answers[0].id.clone());
            check.answer(content(), &qid, &aid, 1_700_000_001_000);
        }
        check.stage = Stage::Results;
        check.start_plan(content(), 1_700_000_002_000);
        check.record(StepResult::Skipped, 1_700_000_003_000);
        check
    }
}

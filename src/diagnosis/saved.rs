//! The saved check, in the stored-data envelope ([`crate::envelope`]). Older schemas are
//! migrated step by step; anything unreadable (corrupt, foreign, from a newer version,
//! or about a symptom this version no longer has) is never dropped: the caller keeps the
//! raw text aside under another key and starts clean with a notice.

use super::check::Check;
use crate::content::{ui, Content};
use crate::envelope::{open_stored, seal_bytes, Migration, Stored};

/// The schema this version writes. 1: the first. 2: adds the latest connection verdict.
pub const SCHEMA: u64 = 2;

/// Migrations from schema N to N+1, in order: `MIGRATIONS[0]` turns 1 into 2, and so on.
/// When the check changes shape, bump SCHEMA, add a function here and a fixture in
/// `tests/fixtures/` (written once by `examples/fixtures.rs`, then frozen).
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

/// The stored text for a check ([`Stored`] writes it: nothing can fail).
pub fn encode(check: &Check) -> String {
    let mut bytes = Vec::new();
    check.write(&mut bytes);
    seal_bytes(&bytes, SCHEMA)
}

/// Reads a stored check. Never panics, whatever the input.
pub fn decode(raw: Option<&str>, content: &Content) -> Loaded {
    let Some(raw) = raw else { return Loaded::Empty };
    match open_stored::<Check>(raw, SCHEMA, MIGRATIONS) {
        Ok(check) if check.fits(content) => Loaded::Found(check),
        // An update may have removed fixes from the plan: carry on without them.
        Ok(mut check) => match check.repair(content) {
            true => Loaded::Found(check),
            false => Loaded::Unreadable {
                raw: raw.to_owned(),
                reason: ui().check_saved_problem_gone,
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

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_check_saved_in_one_language_resumes_in_another_with_the_same_plan() {
        // The Spanish pack as the build wrote it (native builds embed only English).
        let spanish = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/target/packs/es.bin"))
            .expect("the build writes target/packs/es.bin");
        let spanish = crate::content::Words::from_pack("es", &spanish).expect("it fits");
        let english = crate::content::english();
        assert_ne!(
            spanish.content.fixes[0].title,
            english.content.fixes[0].title
        );

        let mut check = Check::start(&english.content, "send-fails-everyone", 1);
        for _ in 0..3 {
            let question = check
                .next_question(&english.content)
                .expect("a question to ask");
            let (id, answer) = (question.id.clone(), question.answers[0].id.clone());
            check.answer(&english.content, &id, &answer, 2);
        }
        check.stage = crate::diagnosis::check::Stage::Results;
        check.start_plan(&english.content, 3);
        let saved = encode(&check);
        assert!(
            !saved.contains(&english.content.fixes[0].title),
            "stored state holds ids, never display text"
        );

        let Loaded::Found(resumed) = decode(Some(&saved), &spanish.content) else {
            panic!("the check loads with the Spanish words");
        };
        assert_eq!(resumed, check, "the same answers, stage and plan");
        assert_eq!(
            resumed.next_question(&spanish.content).map(|q| &q.id),
            check.next_question(&english.content).map(|q| &q.id)
        );
    }

    #[test]
    fn round_trip_keeps_everything() {
        let check = sample();
        assert_eq!(
            decode(Some(&encode(&check)), content()),
            Loaded::Found(check)
        );
    }

    #[test]
    fn answers_whose_meaning_changed_are_asked_again_not_misread() {
        // Answer ids retired when the message settings were rewritten (issue 9): their
        // old labels ("Friends only", "No one", "on for my phone or for TikTok", "Private
        // DNS or an ad blocking app") mean something else today. A check saved before
        // must drop them, so the question is asked again, not read with today's words.
        let retired = [
            ("own-settings", "friends"),
            ("own-settings", "no-one"),
            ("their-settings", "no-one"),
            ("battery-saver", "yes"),
            ("private-dns", "yes"),
        ];
        for (question, answer) in retired {
            let q = content().question(question).expect(question);
            assert!(
                !q.answers.iter().any(|a| a.id == answer),
                "{question}={answer} must stay retired: give a changed answer a new id"
            );
            let mut check = sample();
            let kept = check.answers.clone();
            check
                .answers
                .insert(0, crate::diagnosis::engine::Given::new(question, answer));
            match decode(Some(&encode(&check)), content()) {
                Loaded::Found(loaded) => assert_eq!(loaded.answers, kept, "{question}={answer}"),
                other => panic!("{question}={answer}: expected the check, got {other:?}"),
            }
        }
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
    fn every_schema_fixture_loads_as_it_was_stored() {
        use crate::connection::verdict::VerdictKind;
        use crate::diagnosis::check::{Outcome, Stage, StepResult};
        use crate::diagnosis::engine::Given;
        // Written out, not derived: what these fixtures hold (tests/fixtures/, frozen).
        let given = |question: &str, answer: &str, at| Given {
            question: question.into(),
            answer: answer.into(),
            at,
        };
        let stored = |connection| Check {
            symptom: "send-fails-everyone".into(),
            answers: vec![
                given("who-fails", "everyone", 1_764_400_000_000),
                given("rest-of-tiktok", "not-sure", 1_764_400_005_000),
            ],
            stage: Stage::Plan { step: 1 },
            plan: vec![
                "check-outage".into(),
                "switch-network".into(),
                "clear-cache-in-app".into(),
                "update-app".into(),
                "report-problem".into(),
            ],
            outcomes: vec![Outcome {
                fix: "check-outage".into(),
                result: StepResult::NotFixed,
                at: 1_764_400_060_000,
            }],
            undone: None,
            started_at: 1_764_399_990_000,
            updated_at: 1_764_400_060_000,
            connection,
        };
        // One fixture per schema ever written; each must load in this version.
        let fixtures = [
            (
                1,
                include_str!("../../tests/fixtures/check-schema-1.txt"),
                stored(None),
            ),
            (
                2,
                include_str!("../../tests/fixtures/check-schema-2.txt"),
                stored(Some(VerdictKind::Fine)),
            ),
        ];
        assert_eq!(
            fixtures.len() as u64,
            SCHEMA,
            "add a fixture for every schema"
        );
        for (schema, raw, mut expected) in fixtures {
            // Saved when the report was the plan's last step: it loads without it (the
            // end screen is the report) and goes on at the same step.
            assert_eq!(expected.plan.pop().as_deref(), Some("report-problem"));
            assert!(
                raw.starts_with(&format!("dm-doctor:{schema}:")),
                "schema {schema}"
            );
            assert_eq!(
                decode(Some(raw.trim_end()), content()),
                Loaded::Found(expected),
                "schema {schema}"
            );
        }
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
        use crate::diagnosis::check::{Stage, StepResult};
        let index = |bytes: Vec<u8>| bytes[0];
        let stages = [
            Stage::Questions,
            Stage::Results,
            Stage::Plan { step: 0 },
            Stage::Fixed { fix: String::new() },
            Stage::Report,
            Stage::Checkpoint { next: 5 },
            Stage::Explained { fix: String::new() },
        ];
        let indexes: Vec<u8> = stages
            .iter()
            .map(|s| index(postcard::to_allocvec(s).unwrap()))
            .collect();
        assert_eq!(indexes, [0, 1, 2, 3, 4, 5, 6]);
        let results = [
            StepResult::Fixed,
            StepResult::NotFixed,
            StepResult::Skipped,
            StepResult::Understood,
            StepResult::Answered(1),
        ];
        let indexes: Vec<u8> = results
            .iter()
            .map(|r| index(postcard::to_allocvec(r).unwrap()))
            .collect();
        assert_eq!(indexes, [0, 1, 2, 3, 4]);
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
    use crate::connection::verdict::VerdictKind;
    use crate::content::content;
    use crate::diagnosis::check::{Outcome, Stage, StepResult};
    use crate::diagnosis::engine::Given;
    use crate::envelope::{read_both, write_both};
    use crate::test_strategies::{body, envelope, json_text, mutate, mutations};
    use proptest::prelude::*;
    use proptest::{collection::vec, option, sample::select};

    /// Any check: every stage and step result, any numbers and texts.
    fn any_check() -> impl Strategy<Value = Check> {
        let given = (".{0,8}", ".{0,8}", any::<u64>()).prop_map(|(question, answer, at)| Given {
            question,
            answer,
            at,
        });
        let stage = prop_oneof![
            Just(Stage::Questions),
            Just(Stage::Results),
            any::<usize>().prop_map(|step| Stage::Plan { step }),
            ".{0,8}".prop_map(|fix| Stage::Fixed { fix }),
            Just(Stage::Report),
            any::<usize>().prop_map(|next| Stage::Checkpoint { next }),
            ".{0,8}".prop_map(|fix| Stage::Explained { fix }),
        ];
        let result = prop_oneof![
            Just(StepResult::Fixed),
            Just(StepResult::NotFixed),
            Just(StepResult::Skipped),
            Just(StepResult::Understood),
            any::<u8>().prop_map(StepResult::Answered),
        ];
        let outcome = (".{0,8}", result, any::<u64>()).prop_map(|(fix, result, at)| Outcome {
            fix,
            result,
            at,
        });
        (
            ".{0,8}",
            vec(given.clone(), 0..4),
            stage,
            vec(".{0,8}", 0..4),
            vec(outcome, 0..4),
            option::of(given),
            any::<u64>(),
            any::<u64>(),
            option::of(select(VerdictKind::ALL.to_vec())),
        )
            .prop_map(
                |(
                    symptom,
                    answers,
                    stage,
                    plan,
                    outcomes,
                    undone,
                    started_at,
                    updated_at,
                    connection,
                )| {
                    Check {
                        symptom,
                        answers,
                        stage,
                        plan,
                        outcomes,
                        undone,
                        started_at,
                        updated_at,
                        connection,
                    }
                },
            )
    }

    /// What the loader may do with text in storage: load a check that fits this content
    /// and survives a save unchanged, or hand the text back untouched with a reason.
    /// Returns the reason, if any. Never panics.
    fn loads_or_hands_back(raw: &str) -> Option<&'static str> {
        match decode(Some(raw), content()) {
            Loaded::Found(check) => {
                assert!(check.fits(content()), "{check:?}");
                let saved = encode(&check);
                assert_eq!(
                    decode(Some(&saved), content()),
                    Loaded::Found(check),
                    "what loads must survive a save"
                );
                None
            }
            Loaded::Unreadable { raw: kept, reason } => {
                assert_eq!(kept, raw, "the raw text is handed back unchanged");
                Some(reason)
            }
            Loaded::Empty => panic!("text in storage is never 'empty'"),
        }
    }

    /// For bytes in a valid envelope of a known schema, the decoder (or a migration, or
    /// the content check after it) decides: never the envelope.
    fn decoder_decides(raw: &str) -> Option<&'static str> {
        let reason = loads_or_hands_back(raw);
        let decoder_reasons = [
            "it was damaged",
            "it could not be updated to this version",
            "it refers to a problem this version no longer has",
        ];
        assert!(
            reason.is_none_or(|r| decoder_reasons.contains(&r)),
            "{reason:?} for {raw}"
        );
        reason
    }

    /// Real encodings: today's, and each frozen fixture at its own schema.
    fn real_encodings() -> Vec<(u64, Vec<u8>)> {
        vec![
            (SCHEMA, body(&encode(&tests_support::sample()))),
            (
                1,
                body(include_str!("../../tests/fixtures/check-schema-1.txt")),
            ),
            (
                2,
                body(include_str!("../../tests/fixtures/check-schema-2.txt")),
            ),
        ]
    }

    #[test]
    fn every_real_encoding_loads_unchanged_and_nothing_cut_from_it_does() {
        for (schema, bytes) in real_encodings() {
            assert_eq!(
                decoder_decides(&envelope(schema, &bytes)),
                None,
                "schema {schema}"
            );
            for len in 0..bytes.len() {
                assert_eq!(
                    decoder_decides(&envelope(schema, &bytes[..len])),
                    Some("it was damaged"),
                    "schema {schema}, cut to {len}"
                );
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn arbitrary_text_never_panics_and_is_never_lost(raw in ".{0,200}") {
            loads_or_hands_back(&raw);
        }

        #[test]
        fn arbitrary_json_never_panics_and_is_never_lost(json in json_text(), schema in 1..=SCHEMA) {
            assert_eq!(loads_or_hands_back(&json), Some("it was not saved by DM Doctor"));
            // JSON bytes where the postcard bytes should be: they reach the decoder.
            decoder_decides(&envelope(schema, json.as_bytes()));
        }

        #[test]
        fn arbitrary_bytes_in_a_valid_envelope_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), schema in 1..=SCHEMA) {
            decoder_decides(&envelope(schema, &bytes));
            assert_eq!(loads_or_hands_back(&envelope(0, &bytes)), Some("it was damaged"));
            assert_eq!(loads_or_hands_back(&envelope(SCHEMA + 1, &bytes)), Some("it was saved by a newer version of DM Doctor"));
        }

        #[test]
        fn any_check_is_stored_as_postcard_stores_it(check in any_check()) {
            let (ours, postcards) = write_both(&check);
            prop_assert_eq!(&ours, &postcards);
            prop_assert_eq!(read_both::<Check>(&ours), (Some(check.clone()), Some(check)));
        }

        #[test]
        fn a_damaged_check_reads_as_postcard_reads_it(source in 0usize..3, changes in mutations()) {
            let (_, bytes) = real_encodings().swap_remove(source);
            let damaged = mutate(&bytes, &changes);
            let (ours, postcards) = read_both::<Check>(&damaged);
            prop_assert_eq!(ours, postcards);
        }

        #[test]
        fn arbitrary_bytes_read_as_a_check_as_postcard_reads_them(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let (ours, postcards) = read_both::<Check>(&bytes);
            prop_assert_eq!(ours, postcards);
        }

        #[test]
        fn a_real_check_with_damaged_bytes_loads_or_is_handed_back(source in 0usize..3, changes in mutations()) {
            let (schema, bytes) = real_encodings().swap_remove(source);
            let damaged = mutate(&bytes, &changes);
            let reason = decoder_decides(&envelope(schema, &damaged));
            if damaged == bytes {
                prop_assert_eq!(reason, None);
            }
        }

        #[test]
        fn a_real_check_with_bytes_after_it_is_damaged(source in 0usize..3, tail in prop::collection::vec(any::<u8>(), 1..32)) {
            let (schema, mut bytes) = real_encodings().swap_remove(source);
            bytes.extend(tail);
            let reason = decoder_decides(&envelope(schema, &bytes));
            // Older schemas can't always tell: the 1 → 2 migration appends the new field,
            // so a schema 1 body followed by 0x01 reads as a connection verdict. Data of
            // the current schema must use every byte.
            if schema == SCHEMA {
                prop_assert_eq!(reason, Some("it was damaged"));
            }
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
        check.record(content(), StepResult::Skipped, 1_700_000_003_000);
        check
    }
}

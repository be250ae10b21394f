//! The saved check as one versioned envelope: `{"app":"dm-doctor","schema":N,"data":…}`.
//! Older schemas are migrated step by step; anything unreadable (corrupt, foreign, from
//! a newer version, or no longer matching the content) is never dropped: the caller keeps
//! the raw text aside under another key and starts clean with a notice.
//! Typed serde only (no `serde_json::Value`), which keeps the wasm small. The envelope
//! functions ([`seal`], [`open`]) serve every stored value (the check, the connection
//! test history).

use super::check::Check;
use crate::content::Content;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

/// The schema this version writes. 1: the first. 2: adds the latest connection verdict.
pub const SCHEMA: u64 = 2;
const APP: &str = "dm-doctor";

/// Migrations from schema N to N+1 on the raw JSON text, in order: `MIGRATIONS[0]` turns
/// 1 into 2, and so on. Schema 1 is the first; when the check changes shape, bump SCHEMA,
/// add a function here and a fixture in `tests/fixtures/`.
const MIGRATIONS: &[Migration] = &[schema_1_to_2];

/// Schema 2 only adds `connection`, which defaults to "not tested": the data carries
/// over unchanged, the envelope says 2.
fn schema_1_to_2(text: &str) -> Result<String, String> {
    Ok(text.to_owned())
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

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    app: &'a str,
    schema: u64,
    data: &'a T,
}

#[derive(Deserialize)]
struct AppTag {
    app: String,
}

#[derive(Deserialize)]
struct SchemaTag {
    schema: u64,
}

#[derive(Deserialize)]
struct EnvelopeIn<T> {
    data: T,
}

/// A migration from one schema to the next, on the raw JSON text.
pub type Migration = fn(&str) -> Result<String, String>;

/// Wraps data in DM Doctor's versioned envelope.
pub fn seal<T: Serialize>(data: &T, schema: u64) -> String {
    serde_json::to_string(&EnvelopeOut { app: APP, schema, data }).unwrap_or_default()
}

/// Opens an envelope written with [`seal`], migrating older schemas (`migrations[0]`
/// turns 1 into 2, ...). Never panics; on failure says why, for the user's notice.
pub fn open<T: serde::de::DeserializeOwned>(raw: &str, current: u64, migrations: &[Migration]) -> Result<T, &'static str> {
    const DAMAGED: &str = "it was damaged";
    if serde_json::from_str::<IgnoredAny>(raw).is_err() {
        return Err(DAMAGED);
    }
    if !serde_json::from_str::<AppTag>(raw).is_ok_and(|tag| tag.app == APP) {
        return Err("it was not saved by DM Doctor");
    }
    let schema = match serde_json::from_str::<SchemaTag>(raw) {
        Ok(tag) if tag.schema > current => return Err("it was saved by a newer version of DM Doctor"),
        Ok(tag) if tag.schema >= 1 => tag.schema,
        _ => return Err(DAMAGED),
    };
    let mut text = raw.to_owned();
    for migrate in migrations.iter().skip((schema - 1) as usize).take((current - schema) as usize) {
        text = migrate(&text).map_err(|_| "it could not be updated to this version")?;
    }
    serde_json::from_str::<EnvelopeIn<T>>(&text).map(|e| e.data).map_err(|_| DAMAGED)
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
            false => Loaded::Unreadable { raw: raw.to_owned(), reason: "it refers to a problem this version no longer has" },
        },
        Err(reason) => Loaded::Unreadable { raw: raw.to_owned(), reason },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;
    use crate::diagnosis::check::{Stage, StepResult};

    fn sample() -> Check {
        let mut check = Check::start(content(), "send-fails-everyone", 1_700_000_000_000);
        if let Some(q) = crate::diagnosis::engine::next_question(content(), &check.symptom, &check.answers) {
            let (qid, aid) = (q.id.clone(), q.answers[0].id.clone());
            check.answer(content(), &qid, &aid, 1_700_000_001_000);
        }
        check.stage = Stage::Results;
        check.start_plan(content(), 1_700_000_002_000);
        check.record(StepResult::Skipped, 1_700_000_003_000);
        check
    }

    #[test]
    fn round_trip_keeps_everything() {
        let check = sample();
        assert_eq!(decode(Some(&encode(&check)), content()), Loaded::Found(check));
    }

    #[test]
    fn a_check_with_a_removed_fix_is_repaired_not_dropped() {
        let mut check = sample();
        check.plan.insert(0, "a-fix-that-was-removed".into());
        match decode(Some(&encode(&check)), content()) {
            Loaded::Found(loaded) => assert!(!loaded.plan.iter().any(|id| id == "a-fix-that-was-removed")),
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
            (1, include_str!("../../tests/fixtures/check-schema-1.json")),
            (2, include_str!("../../tests/fixtures/check-schema-2.json")),
        ];
        assert_eq!(fixtures.len() as u64, SCHEMA, "add a fixture for every schema");
        for (schema, raw) in fixtures {
            match decode(Some(raw), content()) {
                Loaded::Found(check) => {
                    assert_eq!(check.symptom, "send-fails-everyone", "schema {schema}");
                    assert_eq!(check.stage, crate::diagnosis::check::Stage::Plan { step: 1 });
                    assert_eq!(check.outcomes.len(), 1);
                    let expected = if schema >= 2 { Some(crate::connection::verdict::VerdictKind::Fine) } else { None };
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
        assert_eq!(reason("{not json"), "it was damaged");
        assert_eq!(reason(""), "it was damaged");
        assert_eq!(reason("[1,2,3]"), "it was not saved by DM Doctor");
        assert_eq!(reason(r#"{"app":"other","schema":1,"data":{}}"#), "it was not saved by DM Doctor");
        assert_eq!(reason(r#"{"app":"dm-doctor","schema":99,"data":{}}"#), "it was saved by a newer version of DM Doctor");
        assert_eq!(reason(r#"{"app":"dm-doctor","schema":0,"data":{}}"#), "it was damaged");
        assert_eq!(reason(r#"{"app":"dm-doctor","schema":"1","data":{}}"#), "it was damaged");
        assert_eq!(reason(r#"{"app":"dm-doctor","schema":1}"#), "it was damaged");
        assert_eq!(reason(r#"{"app":"dm-doctor","schema":1,"data":{"symptom":3}}"#), "it was damaged");
        let mut moved = sample();
        moved.symptom = "a-symptom-that-was-removed".into();
        assert_eq!(reason(&encode(&moved)), "it refers to a problem this version no longer has");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::content::content;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    /// Any JSON value, up to a few levels deep.
    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
            ".{0,12}".prop_map(Value::from),
            prop_oneof![Just("dm-doctor"), Just("app"), Just("schema"), Just("data"), Just("plan")].prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop_oneof![
                        Just("app".to_string()),
                        Just("schema".to_string()),
                        Just("data".to_string()),
                        Just("symptom".to_string()),
                        Just("stage".to_string()),
                        Just("answers".to_string()),
                        ".{0,6}"
                    ],
                    inner,
                    0..6
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

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
        fn arbitrary_json_never_panics_and_is_never_lost(value in json_value()) {
            assert_loads_or_hands_back(&value.to_string());
        }

        #[test]
        fn arbitrary_data_in_a_valid_envelope_never_panics(data in json_value(), schema in 0u64..4) {
            let raw = json!({ "app": "dm-doctor", "schema": schema, "data": data }).to_string();
            assert_loads_or_hands_back(&raw);
        }
    }
}

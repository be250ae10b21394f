//! Property-test inputs shared by the stored-data loaders' tests.

use proptest::prelude::*;

/// Arbitrary JSON text: what an older or foreign version of the app, another site's
/// script or a curious user might have left under one of our storage keys. Object keys
/// mix random names with the field names a saved check really has.
pub fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        (-1e12f64..1e12).prop_map(|x| x.to_string()),
        // Rust's debug quoting of a string is valid JSON for these characters.
        "[a-zA-Z0-9 :_-]{0,12}".prop_map(|s| format!("{s:?}")),
    ];
    let key = prop_oneof![
        prop::sample::select(vec![
            "symptom",
            "answers",
            "stage",
            "plan",
            "outcomes",
            "connection",
            "at",
            "network"
        ])
        .prop_map(str::to_owned),
        "[a-z]{1,8}",
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6)
                .prop_map(|items| format!("[{}]", items.join(","))),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|fields| {
                let fields: Vec<String> =
                    fields.iter().map(|(k, v)| format!("{k:?}:{v}")).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

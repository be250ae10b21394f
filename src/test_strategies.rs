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

/// One change to the bytes of a real encoding: damage, a cut, or extra bytes.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// Sets the byte at `at` (modulo the length) to a value.
    Set { at: usize, value: u8 },
    /// Flips one bit of the byte at `at`.
    FlipBit { at: usize, bit: u8 },
    /// Inserts a byte before `at`.
    Insert { at: usize, value: u8 },
    /// Removes the byte at `at`.
    Remove { at: usize },
    /// Keeps only the first `len` bytes (modulo the length).
    Truncate { len: usize },
    /// Appends bytes.
    Extend { tail: Vec<u8> },
}

/// One to four mutations, applied in order.
pub fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let one = prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, value)| Mutation::Set { at, value }),
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, value)| Mutation::Insert { at, value }),
        any::<usize>().prop_map(|at| Mutation::Remove { at }),
        any::<usize>().prop_map(|len| Mutation::Truncate { len }),
        prop::collection::vec(any::<u8>(), 1..16).prop_map(|tail| Mutation::Extend { tail }),
    ];
    prop::collection::vec(one, 1..5)
}

/// The bytes after the mutations.
pub fn mutate(bytes: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    for mutation in mutations {
        let len = bytes.len();
        match mutation {
            Mutation::Set { at, value } if len > 0 => bytes[at % len] = *value,
            Mutation::FlipBit { at, bit } if len > 0 => bytes[at % len] ^= 1 << bit,
            Mutation::Insert { at, value } => bytes.insert(at % (len + 1), *value),
            Mutation::Remove { at } if len > 0 => {
                bytes.remove(at % len);
            }
            Mutation::Truncate { len: keep } => bytes.truncate(keep % (len + 1)),
            Mutation::Extend { tail } => bytes.extend_from_slice(tail),
            _ => {}
        }
    }
    bytes
}

/// The postcard bytes inside an envelope written by this app.
pub fn body(sealed: &str) -> Vec<u8> {
    crate::envelope::base64_decode(sealed.trim_end().rsplit(':').next().unwrap()).unwrap()
}

/// An envelope around any bytes: the loaders get past the header and the base64, so
/// the bytes reach the decoder.
pub fn envelope(schema: u64, bytes: &[u8]) -> String {
    format!(
        "dm-doctor:{schema}:{}",
        crate::envelope::base64_encode(bytes)
    )
}

/// The fixtures in `tests/fixtures/`: stored data and code from the past, as phones hold it,
/// committed once (see `examples/fixtures.rs`) and never regenerated. Each is pinned by
/// the 64-bit FNV-1a hash of its bytes; a new fixture gets its line here when committed.
pub const FROZEN: &[(&str, u64)] = &[
    ("check-schema-1.txt", 0xd618_7586_ca08_885b),
    ("check-schema-2.txt", 0x54fe_e7a1_953c_5bc9),
    ("connection-schema-1.txt", 0x58b4_0d39_6388_b584),
    ("connection-schema-2.txt", 0x0984_07a8_3c9b_98e0),
    // The service worker as phones held it before the redirect fix (its e2e test).
    ("sw-before-redirect-fix.js", 0xd13c_d15f_06cb_13cd),
];

/// 64-bit FNV-1a: small, dependency-free and enough to notice any changed byte.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn fnv1a64_matches_the_published_test_vectors() {
    assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
}

#[test]
fn every_stored_data_fixture_is_frozen() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    found.sort();
    let pinned: Vec<&str> = FROZEN.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        found, pinned,
        "every fixture is pinned in FROZEN, and every pinned one exists"
    );
    for (name, hash) in FROZEN {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert_eq!(
            fnv1a64(&bytes),
            *hash,
            "tests/fixtures/{name} changed: fixtures are data already on phones and must never be regenerated"
        );
    }
}

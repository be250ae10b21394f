//! DM Doctor's stored-data envelope: `dm-doctor:<schema>:<base64 of postcard bytes>`.
//! One line of text for localStorage, with a readable header (so foreign data and data
//! from newer versions are recognised without decoding) and a compact binary body.
//! postcard instead of JSON keeps serde_json out of the wasm (about 25 KB gzip).
//! Used for every stored value: the check and the connection test history.

use crate::content::ui;
use serde::de::DeserializeOwned;
use serde::Serialize;

const PREFIX: &str = "dm-doctor:";

/// A migration from one schema to the next, on the decoded bytes.
pub type Migration = fn(Vec<u8>) -> Result<Vec<u8>, ()>;

/// Wraps data in the envelope. Fails if postcard can't encode the data (a serializer
/// error, a sequence of unknown length): the caller must then leave storage as it is,
/// never write an empty body that would read back as damaged.
pub fn seal<T: Serialize>(data: &T, schema: u64) -> Result<String, &'static str> {
    let bytes = postcard::to_allocvec(data).map_err(|_| ui().unreadable_not_encoded)?;
    Ok(format!("{PREFIX}{schema}:{}", base64_encode(&bytes)))
}

/// Opens an envelope written with [`seal`], migrating older schemas (`migrations[0]`
/// turns 1 into 2, ...). Never panics; on failure says why, for the user's notice.
pub fn open<T: DeserializeOwned>(
    raw: &str,
    current: u64,
    migrations: &[Migration],
) -> Result<T, &'static str> {
    let bytes = open_bytes(raw, current, migrations)?;
    // Every byte must be used: postcard's from_bytes ignores trailing bytes, so a body
    // that was cut and pasted together, or migrated wrongly, could otherwise load.
    match postcard::take_from_bytes(&bytes) {
        Ok((value, [])) => Ok(value),
        _ => Err(ui().unreadable_damaged),
    }
}

/// The body of an envelope, migrated to `current`: the part of [`open`] that doesn't
/// depend on the type, so it is compiled once, not once per stored type.
fn open_bytes(raw: &str, current: u64, migrations: &[Migration]) -> Result<Vec<u8>, &'static str> {
    let ui = ui();
    let Some(rest) = raw.strip_prefix(PREFIX) else {
        return Err(ui.unreadable_foreign);
    };
    let Some((schema, body)) = rest.split_once(':') else {
        return Err(ui.unreadable_damaged);
    };
    let schema: u64 = schema.parse().map_err(|_| ui.unreadable_damaged)?;
    if schema > current {
        return Err(ui.unreadable_newer);
    }
    if schema == 0 {
        return Err(ui.unreadable_damaged);
    }
    let mut bytes = base64_decode(body).ok_or(ui.unreadable_damaged)?;
    for migrate in migrations
        .iter()
        .skip((schema - 1) as usize)
        .take((current - schema) as usize)
    {
        bytes = migrate(bytes).map_err(|_| ui.unreadable_not_updated)?;
    }
    Ok(bytes)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 without padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes [`base64_encode`]'s output; None for anything else.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|v| v as u32))
        .collect::<Option<_>>()?;
    if values.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    // Reject non-canonical trailing bits, so each text has one meaning.
    (base64_encode(&out) == text).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64_encode(&bytes);
            assert_eq!(base64_decode(&text), Some(bytes), "{text}");
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE");
    }

    #[test]
    fn base64_rejects_what_it_never_writes() {
        assert_eq!(base64_decode("T"), None);
        assert_eq!(base64_decode("TWE="), None);
        assert_eq!(base64_decode("TW{u"), None);
        assert_eq!(base64_decode("TWF"), None, "non-canonical trailing bits");
    }

    #[test]
    fn envelope_round_trips_and_says_why_it_fails() {
        let data = vec![(1u32, "one".to_string()), (2, "two".into())];
        let sealed = seal(&data, 3).unwrap();
        assert!(sealed.starts_with("dm-doctor:3:"));
        assert_eq!(open::<Vec<(u32, String)>>(&sealed, 3, &[]), Ok(data));
        assert_eq!(
            open::<Vec<u32>>("{\"app\":\"dm-doctor\"}", 3, &[]),
            Err("it was not saved by DM Doctor")
        );
        assert_eq!(
            open::<Vec<u32>>("dm-doctor:9:AA", 3, &[]),
            Err("it was saved by a newer version of DM Doctor")
        );
        assert_eq!(
            open::<Vec<u32>>("dm-doctor:x:AA", 3, &[]),
            Err("it was damaged")
        );
        assert_eq!(
            open::<Vec<u32>>("dm-doctor:0:AA", 3, &[]),
            Err("it was damaged")
        );
        assert_eq!(
            open::<Vec<u32>>("dm-doctor:3:!!", 3, &[]),
            Err("it was damaged")
        );
        assert_eq!(
            open::<Vec<u32>>("dm-doctor:3", 3, &[]),
            Err("it was damaged")
        );
    }

    #[test]
    fn trailing_bytes_are_damage() {
        let sealed = seal(&(7u8, 9u8), 1).unwrap();
        assert_eq!(open::<(u8, u8)>(&sealed, 1, &[]), Ok((7, 9)));
        let longer = format!("dm-doctor:1:{}", base64_encode(&[7, 9, 0]));
        assert_eq!(open::<(u8, u8)>(&longer, 1, &[]), Err("it was damaged"));
    }

    #[test]
    fn data_that_cannot_be_encoded_is_an_error_not_an_empty_envelope() {
        struct Unencodable;
        impl Serialize for Unencodable {
            fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
                Err(serde::ser::Error::custom("no"))
            }
        }
        /// A sequence that doesn't say its length, which postcard can't write.
        struct UnknownLength;
        impl Serialize for UnknownLength {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeSeq;
                let mut seq = serializer.serialize_seq(None)?;
                seq.serialize_element(&1u8)?;
                seq.end()
            }
        }
        assert_eq!(seal(&Unencodable, 1), Err("it could not be encoded"));
        assert_eq!(seal(&UnknownLength, 1), Err("it could not be encoded"));
    }

    #[test]
    fn migrations_run_in_order_from_the_stored_schema() {
        fn add_one(mut bytes: Vec<u8>) -> Result<Vec<u8>, ()> {
            bytes.push(1);
            Ok(bytes)
        }
        fn fail(_: Vec<u8>) -> Result<Vec<u8>, ()> {
            Err(())
        }
        // Schema 1 stored a single u8; 2 and 3 each append another.
        let v1 = format!("dm-doctor:1:{}", base64_encode(&[7]));
        assert_eq!(
            open::<(u8, u8, u8)>(&v1, 3, &[add_one, add_one]),
            Ok((7, 1, 1))
        );
        let v2 = format!("dm-doctor:2:{}", base64_encode(&[7, 1]));
        assert_eq!(
            open::<(u8, u8, u8)>(&v2, 3, &[fail, add_one]),
            Ok((7, 1, 1)),
            "only later migrations run"
        );
        assert_eq!(
            open::<(u8, u8, u8)>(&v1, 3, &[fail, add_one]),
            Err("it could not be updated to this version")
        );
    }
}

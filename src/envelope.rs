//! DM Doctor's stored-data envelope: `dm-doctor:<schema>:<base64 of postcard bytes>`.
//! One line of text for localStorage, with a readable header (so foreign data and data
//! from newer versions are recognised without decoding) and a compact binary body.
//! postcard instead of JSON keeps serde_json out of the wasm (about 25 KB gzip).
//! Used for every stored value: the check and the connection test history, which the
//! app writes and reads with [`Stored`] (postcard's bytes without serde's code; the
//! tests hold them to postcard's through serde).

use crate::content::ui;
#[cfg(test)]
use serde::{de::DeserializeOwned, Serialize};

const PREFIX: &str = "dm-doctor:";

/// A migration from one schema to the next, on the decoded bytes.
pub type Migration = fn(Vec<u8>) -> Result<Vec<u8>, ()>;

/// Wraps the bytes of a [`Stored`] value in the envelope.
pub fn seal_bytes(bytes: &[u8], schema: u64) -> String {
    format!("{PREFIX}{schema}:{}", base64_encode(bytes))
}

/// Opens an envelope holding a [`Stored`] value, migrating older schemas
/// (`migrations[0]` turns 1 into 2, ...). Never panics; on failure says why, for the
/// user's notice.
pub fn open_stored<T: Stored>(
    raw: &str,
    current: u64,
    migrations: &[Migration],
) -> Result<T, &'static str> {
    let bytes = open_bytes(raw, current, migrations)?;
    read_all(&bytes).ok_or(ui().unreadable_damaged)
}

/// The value of `bytes`, if reading it succeeds and uses every byte: a body that was cut
/// and pasted together, or migrated wrongly, must not load.
fn read_all<T: Stored>(bytes: &[u8]) -> Option<T> {
    let mut reader = Reader {
        bytes,
        failed: false,
    };
    let value = T::read(&mut reader);
    (!reader.failed && reader.bytes.is_empty()).then_some(value)
}

/// A stored value, written and read as postcard does through serde, byte for byte, but
/// without serde's generated serializers and visitors, which cost about 4 KB gzip of
/// the wasm. The tests hold each stored type to postcard's bytes, and to failing
/// wherever postcard fails.
pub trait Stored: Sized {
    fn write(&self, out: &mut Vec<u8>);
    /// The value read; wherever postcard's reading fails, the reader is marked as
    /// failed and a stand-in comes back. A reading never returns early, so a value
    /// half read is dropped once, whole, rather than by a drop at every field.
    fn read(reader: &mut Reader) -> Self;
}

/// The bytes of a stored value not read yet.
pub struct Reader<'a> {
    bytes: &'a [u8],
    /// Set where postcard's reading would fail; every later read then finds no bytes.
    failed: bool,
}

impl Reader<'_> {
    /// Marks the reading as failed.
    pub fn fail(&mut self) {
        self.failed = true;
        self.bytes = &[];
    }

    pub fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&first, rest)) => {
                self.bytes = rest;
                first
            }
            None => {
                self.fail();
                0
            }
        }
    }

    /// A varint of a `bits`-wide number, as postcard reads one: at most the bytes such
    /// a number needs, the last of them without bits beyond its width.
    fn varint(&mut self, bits: u32) -> u64 {
        let most = bits.div_ceil(7);
        let mut value = 0;
        for i in 0..most {
            let byte = self.byte();
            value |= u64::from(byte & 0x7f) << (7 * i);
            if byte < 0x80 {
                if i + 1 == most && byte >> (bits - 7 * i) != 0 {
                    self.fail();
                }
                return value;
            }
        }
        self.fail();
        0
    }

    /// An enum's variant: postcard writes its index as a `u32`.
    pub fn variant(&mut self) -> u32 {
        u32::read(self)
    }

    /// A length, which postcard reads as a `usize`.
    fn len(&mut self) -> usize {
        self.varint(usize::BITS) as usize
    }
}

/// Writes a varint, as postcard does for every integer wider than a byte.
pub fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

impl Stored for u8 {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn read(reader: &mut Reader) -> Self {
        reader.byte()
    }
}

impl Stored for u32 {
    fn write(&self, out: &mut Vec<u8>) {
        write_varint(out, u64::from(*self));
    }
    fn read(reader: &mut Reader) -> Self {
        reader.varint(32) as u32
    }
}

impl Stored for u64 {
    fn write(&self, out: &mut Vec<u8>) {
        write_varint(out, *self);
    }
    fn read(reader: &mut Reader) -> Self {
        reader.varint(64)
    }
}

/// serde writes a `usize` as a `u64`, and reads it back only if it fits.
impl Stored for usize {
    fn write(&self, out: &mut Vec<u8>) {
        write_varint(out, *self as u64);
    }
    fn read(reader: &mut Reader) -> Self {
        usize::try_from(u64::read(reader)).unwrap_or_else(|_| {
            reader.fail();
            0
        })
    }
}

impl Stored for bool {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn read(reader: &mut Reader) -> Self {
        match reader.byte() {
            0 => false,
            1 => true,
            _ => {
                reader.fail();
                false
            }
        }
    }
}

impl Stored for String {
    fn write(&self, out: &mut Vec<u8>) {
        write_varint(out, self.len() as u64);
        out.extend_from_slice(self.as_bytes());
    }
    fn read(reader: &mut Reader) -> Self {
        let len = reader.len();
        let text = reader.bytes.split_at_checked(len).and_then(|(text, rest)| {
            reader.bytes = rest;
            std::str::from_utf8(text).ok()
        });
        match text {
            Some(text) => text.to_owned(),
            None => {
                reader.fail();
                String::new()
            }
        }
    }
}

impl<T: Stored> Stored for Option<T> {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(u8::from(self.is_some()));
        if let Some(value) = self {
            value.write(out);
        }
    }
    fn read(reader: &mut Reader) -> Self {
        match reader.byte() {
            0 => None,
            1 => Some(T::read(reader)),
            _ => {
                reader.fail();
                None
            }
        }
    }
}

/// Writes a list as a [`Vec`] of its items is stored.
pub fn write_list<T: Stored>(items: &[T], out: &mut Vec<u8>) {
    write_varint(out, items.len() as u64);
    for item in items {
        item.write(out);
    }
}

impl<T: Stored> Stored for Vec<T> {
    fn write(&self, out: &mut Vec<u8>) {
        write_list(self, out);
    }
    fn read(reader: &mut Reader) -> Self {
        let mut items = Vec::new();
        // A damaged length can be huge: the reading stops where it fails.
        for _ in 0..reader.len() {
            if reader.failed {
                break;
            }
            items.push(T::read(reader));
        }
        items
    }
}

/// [`Stored`] for a struct: its fields in declaration order, as postcard writes them.
macro_rules! stored_struct {
    ($name:ident { $($field:ident),* }) => {
        impl $crate::envelope::Stored for $name {
            fn write(&self, out: &mut Vec<u8>) {
                $($crate::envelope::Stored::write(&self.$field, out);)*
            }
            fn read(reader: &mut $crate::envelope::Reader) -> Self {
                $name { $($field: $crate::envelope::Stored::read(reader)),* }
            }
        }
    };
}
pub(crate) use stored_struct;

/// [`Stored`] for an enum of unit variants, listed in declaration order: postcard
/// writes a variant's index.
macro_rules! stored_enum {
    ($name:ident { $first:ident $(, $variant:ident)* }) => {
        impl $crate::envelope::Stored for $name {
            fn write(&self, out: &mut Vec<u8>) {
                $crate::envelope::write_varint(out, *self as u64);
            }
            fn read(reader: &mut $crate::envelope::Reader) -> Self {
                let variants = [$name::$first $(, $name::$variant)*];
                match variants.get(reader.variant() as usize) {
                    Some(variant) => *variant,
                    None => {
                        reader.fail();
                        $name::$first
                    }
                }
            }
        }
    };
}
pub(crate) use stored_enum;

/// What [`Stored`] and postcard (through serde) read from `bytes`: each the value, if
/// its reading uses every byte. The tests of each stored type hold the two to be equal.
#[cfg(test)]
pub fn read_both<T: Stored + DeserializeOwned>(bytes: &[u8]) -> (Option<T>, Option<T>) {
    let ours = read_all(bytes);
    let postcards = match postcard::take_from_bytes(bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    };
    (ours, postcards)
}

/// The bytes [`Stored`] writes for `value`, and postcard's.
#[cfg(test)]
pub fn write_both<T: Stored + Serialize>(value: &T) -> (Vec<u8>, Vec<u8>) {
    let mut ours = Vec::new();
    value.write(&mut ours);
    (ours, postcard::to_allocvec(value).unwrap())
}

/// The body of an envelope, migrated to `current`: the part of [`open_stored`] that
/// doesn't depend on the type, so it is compiled once, not once per stored type.
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
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    // The bits read and not yet written out: the lowest `pending` of `bits`.
    let (mut bits, mut pending) = (0u32, 0);
    for c in text.bytes() {
        let value = ALPHABET.iter().position(|a| *a == c)?;
        bits = bits << 6 | value as u32;
        pending += 6;
        if pending >= 8 {
            pending -= 8;
            out.push((bits >> pending) as u8);
        }
    }
    // A lone last character (six bits, no byte) is never written, and the bits left
    // over must be zero, so each text has one meaning.
    (pending < 6 && bits & ((1 << pending) - 1) == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `value` in the envelope, as the app stores it.
    fn sealed<T: Stored>(value: &T, schema: u64) -> String {
        let mut bytes = Vec::new();
        value.write(&mut bytes);
        seal_bytes(&bytes, schema)
    }

    /// Three bytes, one per schema of the migrations test.
    #[derive(Debug, PartialEq)]
    struct Three {
        a: u8,
        b: u8,
        c: u8,
    }
    stored_struct!(Three { a, b, c });

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

    /// The decoder reads exactly what the first one (below) read: every text of up to
    /// three characters, and of up to six of a few characters, each with a leftover of
    /// every length.
    #[test]
    fn base64_reads_what_the_first_decoder_read() {
        fn texts(chars: &[u8], up_to: usize) -> Vec<String> {
            let mut all = vec![String::new()];
            let mut last = all.clone();
            for _ in 0..up_to {
                last = last
                    .iter()
                    .flat_map(|text| chars.iter().map(move |&c| format!("{text}{}", c as char)))
                    .collect();
                all.extend(last.iter().cloned());
            }
            all
        }
        let every: Vec<u8> = ALPHABET.iter().copied().chain(*b"=-_ ").collect();
        let mut all = texts(&every, 3);
        all.extend(texts(b"AQgwB/=", 6));
        for text in &all {
            assert_eq!(base64_decode(text), first_decoder(text), "{text}");
        }
    }

    /// The first decoder: all values first, then whole groups of four, and canonical
    /// when encoding the result writes the text back.
    fn first_decoder(text: &str) -> Option<Vec<u8>> {
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
        (base64_encode(&out) == text).then_some(out)
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
        let data = vec!["one".to_string(), "two".into()];
        let sealed = sealed(&data, 3);
        assert!(sealed.starts_with("dm-doctor:3:"));
        assert_eq!(open_stored::<Vec<String>>(&sealed, 3, &[]), Ok(data));
        assert_eq!(
            open_stored::<Vec<u32>>("{\"app\":\"dm-doctor\"}", 3, &[]),
            Err("it was not saved by DM Doctor")
        );
        assert_eq!(
            open_stored::<Vec<u32>>("dm-doctor:9:AA", 3, &[]),
            Err("it was saved by a newer version of DM Doctor")
        );
        assert_eq!(
            open_stored::<Vec<u32>>("dm-doctor:x:AA", 3, &[]),
            Err("it was damaged")
        );
        assert_eq!(
            open_stored::<Vec<u32>>("dm-doctor:0:AA", 3, &[]),
            Err("it was damaged")
        );
        assert_eq!(
            open_stored::<Vec<u32>>("dm-doctor:3:!!", 3, &[]),
            Err("it was damaged")
        );
        assert_eq!(
            open_stored::<Vec<u32>>("dm-doctor:3", 3, &[]),
            Err("it was damaged")
        );
    }

    /// Every stored primitive reads exactly what postcard reads, and writes its bytes.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn stored_primitives_are_postcards() {
        fn same<T>(bytes: &[u8])
        where
            T: Stored + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
        {
            let (ours, postcards) = read_both::<T>(bytes);
            assert_eq!(
                ours,
                postcards,
                "{bytes:?} as {}",
                std::any::type_name::<T>()
            );
            if let Some(value) = ours {
                let (ours, postcards) = write_both(&value);
                assert_eq!(ours, postcards);
            }
        }
        fn all(bytes: &[u8]) {
            same::<u8>(bytes);
            same::<u32>(bytes);
            same::<u64>(bytes);
            same::<usize>(bytes);
            same::<bool>(bytes);
            same::<String>(bytes);
            same::<Option<u32>>(bytes);
            same::<Vec<u64>>(bytes);
            same::<Vec<String>>(bytes);
        }
        // Varints at and past each width's last byte, and overlong ones.
        let mut cases: Vec<Vec<u8>> = vec![vec![], vec![0x80, 0x00], vec![2, 0xc3, 0xa9]];
        for len in 1..=11 {
            for last in [0x00, 0x01, 0x02, 0x0f, 0x10, 0x7f, 0x80] {
                let mut bytes = vec![0xff; len - 1];
                bytes.push(last);
                cases.push(bytes);
            }
        }
        for byte in 0..=255 {
            cases.push(vec![byte]);
            cases.push(vec![byte, 1, 2]);
            cases.push(vec![1, byte]);
            cases.push(vec![2, 0x61, byte]);
        }
        for bytes in &cases {
            all(bytes);
        }
        // Values at the edges of each width.
        for value in [
            0u64,
            1,
            127,
            128,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let (ours, postcards) = write_both(&value);
            assert_eq!(ours, postcards);
            all(&ours);
        }
    }

    #[test]
    fn trailing_bytes_are_damage() {
        let sealed = sealed(&vec![7u8, 9], 1);
        assert_eq!(open_stored::<Vec<u8>>(&sealed, 1, &[]), Ok(vec![7, 9]));
        let longer = format!("dm-doctor:1:{}", base64_encode(&[2, 7, 9, 0]));
        assert_eq!(
            open_stored::<Vec<u8>>(&longer, 1, &[]),
            Err("it was damaged")
        );
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
            open_stored::<Three>(&v1, 3, &[add_one, add_one]),
            Ok(Three { a: 7, b: 1, c: 1 })
        );
        let v2 = format!("dm-doctor:2:{}", base64_encode(&[7, 1]));
        assert_eq!(
            open_stored::<Three>(&v2, 3, &[fail, add_one]),
            Ok(Three { a: 7, b: 1, c: 1 }),
            "only later migrations run"
        );
        assert_eq!(
            open_stored::<Three>(&v1, 3, &[fail, add_one]),
            Err("it could not be updated to this version")
        );
    }
}

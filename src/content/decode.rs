//! Writes (in `build.rs`) and reads (in the app) the embedded content structure.
//!
//! A few lines per type instead of serde's generated visitors: the content is trusted
//! (the build wrote it from the same model) and only ever read here, so the reader needs
//! no error reporting, and the wasm carries about 3 KB less. The tests check it reads
//! back exactly the content postcard reads.
//!
//! The format is postcard's, as far as the model uses it (lengths and enum variants are
//! LEB128 varints, an `i32` is a zigzag varint, a `bool` or `Option` tag is one byte, a
//! struct is its fields in declaration order), except for strings: the same ids, sources
//! and conditions recur all over the content, so each string is written once and
//! referred to afterwards by number (see [`TEXT`], [`NEW`]), about 500 gzip bytes less.
//! The structure starts with the number of its texts (see [`texts_wanted`]).

use super::model::*;

/// A string's tag for an empty string: a text taken out by the build, filled from a pack.
const TEXT: u32 = 0;
/// A string's tag for a string not written before: its length and UTF-8 bytes follow.
/// A larger tag `n` is the string written `n - 2`th, counting from the first.
const NEW: u32 = 1;

/// The content bytes not read yet, and the texts that fill the structure's empty strings.
pub struct Reader<'a> {
    bytes: &'a [u8],
    texts: &'a mut dyn Iterator<Item = String>,
    /// Set when an empty string found no text left to fill it.
    short: bool,
    /// The strings read so far, in the order they were first written.
    seen: Vec<&'a str>,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> u8 {
        let (&first, rest) = self.bytes.split_first().expect("content ends early");
        self.bytes = rest;
        first
    }

    fn varint(&mut self) -> u32 {
        let mut value = 0;
        let mut shift = 0;
        loop {
            let byte = self.byte();
            value |= u32::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return value;
            }
            shift += 7;
        }
    }

    fn take(&mut self, len: usize) -> &'a [u8] {
        let (taken, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        taken
    }
}

/// A model type read from the structure's bytes.
pub trait Decode {
    fn decode(reader: &mut Reader) -> Self;
}

/// The bytes written so far, and the strings among them, in the order written.
// The app only reads: `build.rs` and the tests write.
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
    seen: Vec<String>,
    /// The empty strings written: the texts a pack fills them with.
    texts: u32,
}

#[cfg_attr(not(test), allow(dead_code))]
impl Writer {
    fn varint(&mut self, mut value: u32) {
        while value >= 0x80 {
            self.bytes.push(value as u8 | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }
}

/// A model type written as [`Decode`] reads it.
#[cfg_attr(not(test), allow(dead_code))]
pub trait Encode {
    fn encode(&self, writer: &mut Writer);
}

/// The bytes of `content` that [`decode`] reads (with texts, or with them emptied).
#[cfg_attr(not(test), allow(dead_code))]
pub fn encode(content: &Content) -> Vec<u8> {
    let mut body = Writer::default();
    content.encode(&mut body);
    let mut writer = Writer::default();
    writer.varint(body.texts);
    writer.bytes.extend(body.bytes);
    writer.bytes
}

impl Encode for String {
    fn encode(&self, writer: &mut Writer) {
        if self.is_empty() {
            writer.texts += 1;
            writer.varint(TEXT);
        } else if let Some(earlier) = writer.seen.iter().position(|seen| seen == self) {
            writer.varint(earlier as u32 + 2);
        } else {
            writer.varint(NEW);
            writer.varint(self.len() as u32);
            writer.bytes.extend_from_slice(self.as_bytes());
            writer.seen.push(self.clone());
        }
    }
}

impl Encode for bool {
    fn encode(&self, writer: &mut Writer) {
        writer.bytes.push(u8::from(*self));
    }
}

impl Encode for i32 {
    fn encode(&self, writer: &mut Writer) {
        writer.varint(((self << 1) ^ (self >> 31)) as u32);
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, writer: &mut Writer) {
        writer.bytes.push(u8::from(self.is_some()));
        if let Some(value) = self {
            value.encode(writer);
        }
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, writer: &mut Writer) {
        writer.varint(self.len() as u32);
        for item in self {
            item.encode(writer);
        }
    }
}

impl Encode for Evidence {
    fn encode(&self, writer: &mut Writer) {
        writer.varint(self.0.len() as u32);
        for (cause, points) in &self.0 {
            cause.encode(writer);
            points.encode(writer);
        }
    }
}

/// Reads the whole content; panics on bytes the build didn't write. Every empty string
/// of the app core's structure is a text taken out by the build (no id or condition is
/// empty): it is filled with the next of `texts`, the pack's texts in the order of the
/// structure's fields, which is the order `texts.rs` walks them (its lists follow the
/// declaration order). Returns false as well when `texts` ran out.
pub fn decode(bytes: &[u8], texts: &mut dyn Iterator<Item = String>) -> (Content, bool) {
    let mut reader = Reader {
        bytes,
        texts,
        short: false,
        seen: Vec::new(),
    };
    reader.varint();
    let content = Content::decode(&mut reader);
    assert!(reader.bytes.is_empty(), "content has trailing bytes");
    (content, !reader.short)
}

/// How many texts fill the structure `bytes` (what [`decode`] takes from its `texts`).
pub fn texts_wanted(bytes: &[u8]) -> usize {
    let mut texts = std::iter::empty();
    let mut reader = Reader {
        bytes,
        texts: &mut texts,
        short: false,
        seen: Vec::new(),
    };
    reader.varint() as usize
}

impl Decode for String {
    fn decode(reader: &mut Reader) -> Self {
        match reader.varint() {
            TEXT => reader.texts.next().unwrap_or_else(|| {
                reader.short = true;
                String::new()
            }),
            NEW => {
                let len = reader.varint() as usize;
                // A plain panic: `expect` would bring the error's Debug formatting into
                // the wasm.
                let Ok(text) = std::str::from_utf8(reader.take(len)) else {
                    panic!("content text is not UTF-8");
                };
                reader.seen.push(text);
                text.to_owned()
            }
            earlier => reader.seen[earlier as usize - 2].to_owned(),
        }
    }
}

impl Decode for bool {
    fn decode(reader: &mut Reader) -> Self {
        reader.byte() != 0
    }
}

impl Decode for i32 {
    fn decode(reader: &mut Reader) -> Self {
        let zigzag = reader.varint();
        (zigzag >> 1) as i32 ^ -((zigzag & 1) as i32)
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(reader: &mut Reader) -> Self {
        (reader.byte() != 0).then(|| T::decode(reader))
    }
}

// The readers of lists, structs and enums are kept out of line: inlined into each
// other, the content's reader costs about 300 more gzip bytes.
impl<T: Decode> Decode for Vec<T> {
    #[inline(never)]
    fn decode(reader: &mut Reader) -> Self {
        (0..reader.varint()).map(|_| T::decode(reader)).collect()
    }
}

impl Decode for Evidence {
    /// A map of cause ids to points, which postcard writes as a list of pairs.
    fn decode(reader: &mut Reader) -> Self {
        Evidence(
            (0..reader.varint())
                .map(|_| (String::decode(reader), i32::decode(reader)))
                .collect(),
        )
    }
}

/// Structs: their fields in declaration order (a struct literal evaluates its fields in
/// the order written).
macro_rules! structs {
    ($($name:ident { $($field:ident),* })*) => {$(
        impl Decode for $name {
            #[inline(never)]
            fn decode(reader: &mut Reader) -> Self {
                $name { $($field: Decode::decode(reader)),* }
            }
        }

        impl Encode for $name {
            fn encode(&self, writer: &mut Writer) {
                $(self.$field.encode(writer);)*
            }
        }
    )*};
}

structs! {
    Content {
        symptoms, causes, fixes, install_guides, open_in_browser, questions, probes, groups,
        verdicts, pages
    }
    Page { id, title, sections }
    Section { heading, paragraphs }
    Question { id, text, why, symptoms, only_if, skip_if, answers }
    Answer { id, label, said, evidence }
    Probe { group, url, confirmed }
    GroupText { id, name }
    VerdictText { id, title, explanation, next_steps, fixes, evidence }
    InstallGuide { browser, steps }
    Symptom { id, title, summary, detail, causes }
    Cause {
        id, title, summary, explanation, signs, fixes, topics, keywords, sources,
        support_cant_change
    }
    Fix {
        id, title, summary, effort, kind, question, answers, instead, steps, warnings,
        menus_may_differ, prevention, topics, keywords, sources, links, only_if, skip_if
    }
    CheckAnswer { label, then }
    Link { label, url }
    Step { text, samsung, xiaomi }
    Source { title, url, confidence }
}

/// Unit-variant enums: their variants in declaration order (postcard writes the index).
macro_rules! enums {
    ($($name:ident { $($variant:ident),* })*) => {$(
        impl Decode for $name {
            #[inline(never)]
            fn decode(reader: &mut Reader) -> Self {
                [$($name::$variant),*][reader.varint() as usize]
            }
        }

        impl Encode for $name {
            fn encode(&self, writer: &mut Writer) {
                writer.varint(*self as u32);
            }
        }
    )*};
}

enums! {
    Group { OwnSite, Internet, TikTok, TikTokVideo, TikTokMessages }
    StepKind { Fix, Check, Wait, Explain }
    Effort { Check, Quick, Moderate, Drastic }
    Confidence { Official, Secondary, Unverified }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_shipped_content_as_postcard_does() {
        let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/content.postcard"));
        let by_postcard: Content = postcard::from_bytes(bytes).unwrap();
        assert_eq!(
            decode(&encode(&by_postcard), &mut std::iter::empty()),
            (by_postcard, true)
        );
    }

    /// The structure's empty strings are exactly the texts the walk of `texts.rs` takes,
    /// in its order: filled with them, the structure is the whole content again.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_structures_empty_strings_are_the_texts_in_walk_order() {
        let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/content.postcard"));
        let whole: Content = postcard::from_bytes(bytes).unwrap();
        let mut structure = whole.clone();
        let texts = super::super::texts::take_texts(&mut structure);
        let structure = encode(&structure);
        assert_eq!(texts_wanted(&structure), texts.len());
        let (filled, complete) = decode(&structure, &mut texts.clone().into_iter());
        assert!(complete);
        assert_eq!(filled, whole);
        // Too few texts is noticed; the shipped English words are the whole content.
        let mut short = texts.into_iter().skip(1);
        assert!(!decode(&structure, &mut short).1);
        assert_eq!(super::super::english().content, whole);
    }

    #[test]
    fn reads_every_kind_of_value_postcard_writes() {
        let mut fix = examples::fix("f", Effort::Drastic);
        fix.kind = StepKind::Explain;
        fix.menus_may_differ = true;
        fix.instead = Some("é ✓ 😀".repeat(30)); // a length past one varint byte
        fix.steps[0].xiaomi = Some("x".into());
        fix.sources = vec![examples::source(Confidence::Unverified)];
        fix.links = vec![Link {
            label: "l".into(),
            url: "u".into(),
        }];
        let content = Content {
            fixes: vec![fix],
            causes: vec![examples::cause("c", &["f"])],
            questions: vec![Question {
                id: "q".into(),
                text: "t".into(),
                why: "w".into(),
                symptoms: vec![],
                only_if: vec!["a=b".into()],
                skip_if: vec![],
                answers: vec![Answer {
                    id: "a".into(),
                    label: "A".into(),
                    said: "s".into(),
                    evidence: [
                        ("c".to_string(), i32::MIN),
                        ("d".to_string(), -1),
                        ("e".to_string(), i32::MAX),
                    ]
                    .into(),
                }],
            }],
            probes: vec![Probe {
                group: Group::TikTokMessages,
                url: "https://www.tiktok.com/".into(),
                confirmed: false,
            }],
            groups: vec![GroupText {
                id: Group::TikTokVideo,
                name: "g".into(),
            }],
            ..Content::default()
        };
        let bytes = encode(&content);
        assert_eq!(decode(&bytes, &mut std::iter::empty()), (content, true));
    }
}

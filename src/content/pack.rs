//! A word dictionary in front of gzip for the embedded content. Hosts gzip the wasm,
//! but gzip codes a common word such as " notifications" as a back-reference of two or
//! three bytes, and only within 32 KB; the content is about 100 KB of English. So
//! `build.rs` replaces the most valuable words with tokens made of byte values that
//! occur nowhere in the encoded content, and the app expands them once at start (about
//! 3 KB less gzip). Exact by construction: a token's bytes never occur in the
//! original, so expanding restores every byte, text and binary alike; `build.rs` checks
//! the round trip. This file is also compiled into `build.rs`, so it depends on nothing.
//!
//! The most valuable words get one byte each; the next ones two: an escape byte (also
//! one that never occurs) and their index. Packed layout: `count`, then `count` ×
//! (`token`, `length`, the word's bytes); `escape` and `count2`, then `count2` ×
//! (`length`, the word's bytes); then the content with each word replaced by its token.

use std::collections::BTreeMap;

/// Reads packed bytes; past the end it reads zeros (the content decoder then reports
/// the damage).
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> u8 {
        let (&first, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        first
    }

    fn word(&mut self) -> &'a [u8] {
        let length = usize::from(self.byte()).min(self.0.len());
        let (word, rest) = self.0.split_at(length);
        self.0 = rest;
        word
    }
}

/// Expands packed bytes (see the module docs).
pub fn unpack(packed: &[u8]) -> Vec<u8> {
    let mut reader = Reader(packed);
    let mut one: [&[u8]; 256] = [&[]; 256];
    for _ in 0..reader.byte() {
        let token = reader.byte();
        one[usize::from(token)] = reader.word();
    }
    let escape = reader.byte();
    let mut two: Vec<&[u8]> = Vec::new();
    for _ in 0..reader.byte() {
        two.push(reader.word());
    }
    let mut body = reader.0.iter();
    let mut out = Vec::with_capacity(body.len() * 3 / 2);
    while let Some(&byte) = body.next() {
        match one[usize::from(byte)] {
            [] if byte == escape && !two.is_empty() => {
                let index = body.next().map_or(0, |&i| usize::from(i));
                out.extend_from_slice(two.get(index).copied().unwrap_or_default());
            }
            [] => out.push(byte),
            word => out.extend_from_slice(word),
        }
    }
    out
}

/// Where the word starting at `start` ends: ASCII letters, with the space before them
/// if there is one (" message" and "message" are different words); `start` if none.
fn word_end(bytes: &[u8], start: usize) -> usize {
    let letter = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    let mut end = start + usize::from(bytes[start] == b' ');
    if !letter(end) {
        return start;
    }
    while letter(end) {
        end += 1;
    }
    end
}

/// Packs `bytes` (see the module docs): the words worth the most bytes get the free byte
/// values, the next ones two-byte tokens. Deterministic: ties go to the smaller word.
pub fn pack(bytes: &[u8]) -> Vec<u8> {
    let mut seen = [false; 256];
    for &b in bytes {
        seen[usize::from(b)] = true;
    }
    let mut free: Vec<u8> = (0..=255u8).filter(|b| !seen[usize::from(*b)]).collect();
    // One free byte, if there are two or more, is the escape of the two-byte tokens.
    let escape = if free.len() >= 2 { free.pop() } else { None };

    let mut counts = BTreeMap::<&[u8], usize>::new();
    let mut at = 0;
    while at < bytes.len() {
        let end = word_end(bytes, at);
        if end == at {
            at += 1;
        } else {
            *counts.entry(&bytes[at..end]).or_default() += 1;
            at = end;
        }
    }
    let mut ranked: Vec<(&[u8], usize)> = counts
        .into_iter()
        .filter(|(word, _)| (3..=255).contains(&word.len()))
        .collect();
    // Bytes saved by a token of `size` bytes.
    let worth = |size: usize, (word, n): &(&[u8], usize)| word.len().saturating_sub(size) * n;
    ranked.sort_by(|a, b| worth(1, b).cmp(&worth(1, a)).then(a.0.cmp(b.0)));
    let singles = ranked.len().min(free.len());
    let (first, later) = ranked.split_at(singles);
    let mut later: Vec<_> = later.iter().filter(|w| worth(2, w) >= 6).collect();
    later.sort_by(|a, b| worth(2, b).cmp(&worth(2, a)).then(a.0.cmp(b.0)));
    later.truncate(if escape.is_some() { 255 } else { 0 });

    let mut tokens = BTreeMap::<&[u8], Vec<u8>>::new();
    let mut out = vec![singles as u8];
    for ((word, _), token) in first.iter().zip(&free) {
        tokens.insert(word, vec![*token]);
        out.extend([*token, word.len() as u8]);
        out.extend_from_slice(word);
    }
    out.extend([escape.unwrap_or(0), later.len() as u8]);
    for (index, (word, _)) in later.iter().enumerate() {
        tokens.insert(word, vec![escape.unwrap_or(0), index as u8]);
        out.push(word.len() as u8);
        out.extend_from_slice(word);
    }

    let mut at = 0;
    while at < bytes.len() {
        let end = word_end(bytes, at);
        if end == at {
            out.push(bytes[at]);
            at += 1;
            continue;
        }
        let word = &bytes[at..end];
        match tokens.get(word) {
            Some(token) => out.extend_from_slice(token),
            // " word" has no token: "word" may have one.
            None if word[0] == b' ' => {
                out.push(b' ');
                match tokens.get(&word[1..]) {
                    Some(token) => out.extend_from_slice(token),
                    None => out.extend_from_slice(&word[1..]),
                }
            }
            None => out.extend_from_slice(word),
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips_and_shrinks_repeated_words() {
        let text = b"\x05 your messages, your messages and more messages\x00\x01messages";
        let packed = pack(text);
        assert_eq!(unpack(&packed), text);
        assert!(
            packed.len() < text.len(),
            "{} vs {}",
            packed.len(),
            text.len()
        );
    }

    #[test]
    fn nothing_to_pack_round_trips_too() {
        let every_byte: Vec<u8> = (0..=255u8).collect();
        for bytes in [&b""[..], b"a", b"\xff\x00 ab cd", &every_byte] {
            assert_eq!(unpack(&pack(bytes)), bytes);
        }
    }

    #[test]
    fn many_words_get_two_byte_tokens_and_still_round_trip() {
        // More words worth a token than there are free bytes: the rest take two bytes.
        let mut text = Vec::new();
        for i in 0..400u32 {
            let word = format!(" w{}", char::from_u32(0x61 + i % 26).unwrap()).repeat(3)
                + &"x".repeat((i / 26) as usize + 3);
            for _ in 0..4 {
                text.extend_from_slice(word.as_bytes());
            }
        }
        // Only three byte values free (0, 254, 255): most tokens must be two bytes.
        text.extend(1..=253u8);
        let packed = pack(&text);
        assert_eq!(packed[0], 2, "two single-byte tokens, one escape");
        assert_eq!(unpack(&packed), text);
        assert!(
            packed.len() < text.len() * 3 / 4,
            "{} vs {}",
            packed.len(),
            text.len()
        );
    }

    #[test]
    fn a_token_is_a_byte_the_original_never_has() {
        let text = b"messages messages messages messages messages".to_vec();
        let packed = pack(&text);
        assert!(packed[0] >= 1);
        assert!(!text.contains(&packed[1]));
    }

    #[test]
    fn the_shipped_content_packs_exactly() {
        // build.rs packs the content with this module: unpacking and packing again gives
        // the same bytes (and content() decodes the unpacked postcard in every test).
        let unpacked = unpack(super::super::CONTENT_BYTES);
        assert!(unpacked.len() > super::super::CONTENT_BYTES.len());
        assert_eq!(pack(&unpacked), super::super::CONTENT_BYTES);
    }
}

//! A word dictionary in front of gzip for the embedded content. Hosts gzip the wasm,
//! but gzip codes a common word such as " notifications" as a back-reference of two or
//! three bytes, and only within 32 KB; the content is about 100 KB of English. So
//! `build.rs` replaces the most valuable words with single bytes that occur nowhere in
//! the encoded content, and the app expands them once at start (about 3 KB less gzip).
//! Exact by construction: a token byte never occurs in the original, so expanding
//! restores every byte, text and binary alike; `build.rs` checks the round trip.
//! This file is also compiled into `build.rs`, so it depends on nothing.
//!
//! Packed layout: `count`, then `count` × (`token`, `length`, the word's bytes), then
//! the content with each word replaced by its token.

/// Expands packed bytes (see the module docs). A truncated header yields what it can;
/// the content decoder then reports the damage.
pub fn unpack(packed: &[u8]) -> Vec<u8> {
    let mut words: [&[u8]; 256] = [&[]; 256];
    let (&count, mut rest) = packed.split_first().unwrap_or((&0, &[]));
    for _ in 0..count {
        let [token, length, tail @ ..] = rest else {
            return Vec::new();
        };
        let (word, tail) = tail.split_at((*length as usize).min(tail.len()));
        words[usize::from(*token)] = word;
        rest = tail;
    }
    let mut out = Vec::with_capacity(rest.len() * 3 / 2);
    for &byte in rest {
        match words[usize::from(byte)] {
            [] => out.push(byte),
            word => out.extend_from_slice(word),
        }
    }
    out
}

/// A word as the packer sees it: ASCII letters, with the space before them if there is
/// one (" message" and "message" are different words).
fn word_at(bytes: &[u8], start: usize) -> usize {
    let letters = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    let mut end = start + usize::from(bytes[start] == b' ');
    if !letters(end) {
        return start;
    }
    while letters(end) {
        end += 1;
    }
    end
}

/// Packs `bytes`: the words worth the most bytes (length − 1, times how often they
/// occur) get the byte values that never occur in `bytes`, up to 255 words of at most
/// 255 bytes. Deterministic: ties go to the smaller word.
pub fn pack(bytes: &[u8]) -> Vec<u8> {
    let mut seen = [false; 256];
    for &b in bytes {
        seen[usize::from(b)] = true;
    }
    let free: Vec<u8> = (0..=255u8)
        .filter(|b| !seen[usize::from(*b)])
        .take(255)
        .collect();

    let mut counts = std::collections::BTreeMap::<&[u8], usize>::new();
    let mut at = 0;
    while at < bytes.len() {
        let end = word_at(bytes, at);
        if end == at {
            at += 1;
            continue;
        }
        *counts.entry(&bytes[at..end]).or_default() += 1;
        at = end;
    }
    let mut counts: Vec<(&[u8], usize)> = counts.into_iter().collect();
    let worth = |(word, n): &(&[u8], usize)| (word.len() - 1) * n;
    counts.retain(|entry| entry.0.len() > 2 && entry.0.len() <= 255 && worth(entry) > 8);
    counts.sort_by(|a, b| worth(b).cmp(&worth(a)).then(a.0.cmp(b.0)));
    let chosen: Vec<(&[u8], u8)> = counts.iter().map(|(w, _)| *w).zip(free).collect();

    let mut out = vec![chosen.len() as u8];
    for (word, token) in &chosen {
        out.extend([*token, word.len() as u8]);
        out.extend_from_slice(word);
    }
    let mut at = 0;
    while at < bytes.len() {
        let end = word_at(bytes, at);
        let word = &bytes[at..end];
        let token = chosen.iter().find(|(w, _)| *w == word).map(|(_, t)| *t);
        match token {
            Some(token) => out.push(token),
            // Not a chosen word: " word" may still be chosen without its space.
            None if end > at && bytes[at] == b' ' => {
                out.push(b' ');
                end_word(&mut out, &bytes[at + 1..end], &chosen);
            }
            None if end > at => end_word(&mut out, word, &chosen),
            None => {
                out.push(bytes[at]);
                at += 1;
                continue;
            }
        }
        at = end;
    }
    out
}

/// Writes `word` (letters only) as its token if it has one, else as it is.
fn end_word(out: &mut Vec<u8>, word: &[u8], chosen: &[(&[u8], u8)]) {
    match chosen.iter().find(|(w, _)| *w == word) {
        Some((_, token)) => out.push(*token),
        None => out.extend_from_slice(word),
    }
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
        for bytes in [
            &b""[..],
            b"a",
            b"\xff\x00 ab cd",
            &(0..=255u8).collect::<Vec<_>>(),
        ] {
            assert_eq!(unpack(&pack(bytes)), bytes);
        }
    }

    #[test]
    fn a_token_is_a_byte_the_original_never_has() {
        let text = b"messages messages messages messages messages".to_vec();
        let packed = pack(&text);
        let count = usize::from(packed[0]);
        assert!(count >= 1);
        let token = packed[1];
        assert!(!text.contains(&token));
    }

    #[test]
    fn the_shipped_content_packs_exactly() {
        // CONTENT_BYTES is packed by build.rs with this module: unpacking gives postcard
        // that decodes (super::content() would panic otherwise) and packs smaller.
        let unpacked = unpack(super::super::CONTENT_BYTES);
        assert!(unpacked.len() > super::super::CONTENT_BYTES.len());
        assert_eq!(pack(&unpacked), super::super::CONTENT_BYTES);
    }
}

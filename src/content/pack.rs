//! A language pack file: every readable text of the content and the screens, in one
//! language, fetched at start instead of built into the wasm.
//!
//! Layout: `DMP1`, the structure's fingerprint (u32, little endian; a pack fits only the
//! core it was built with), a checksum of the rest (u32, FNV-1a), then postcard's
//! encoding of the texts (`Vec<String>`: a varint count, then each string as a varint
//! length and UTF-8 bytes). Unlike the core's content, a pack comes over the network and
//! out of caches, so reading it checks everything and never panics.
//! This file is also compiled into `build.rs`.

const MAGIC: &[u8; 4] = b"DMP1";

/// FNV-1a: tiny, and enough to notice a damaged or truncated file.
pub fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// Why a pack can't be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackError {
    /// Not a pack, truncated, or its bytes were changed.
    Damaged,
    /// A pack from another build (its structure differs from this core's).
    OtherBuild,
}

/// The pack file for `texts`, for a core whose structure has `fingerprint`.
pub fn encode(fingerprint: u32, texts: &[String]) -> Vec<u8> {
    let mut body = Vec::new();
    push_varint(&mut body, texts.len());
    for text in texts {
        push_varint(&mut body, text.len());
        body.extend_from_slice(text.as_bytes());
    }
    let mut file = MAGIC.to_vec();
    file.extend_from_slice(&fingerprint.to_le_bytes());
    file.extend_from_slice(&checksum(&body).to_le_bytes());
    file.extend(body);
    file
}

fn push_varint(out: &mut Vec<u8>, mut value: usize) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The texts of a pack file, checked against the core's `fingerprint`.
pub fn decode(fingerprint: u32, file: &[u8]) -> Result<Vec<String>, PackError> {
    let header = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(file.get(at..at + 4)?.try_into().ok()?))
    };
    if file.get(..4) != Some(MAGIC.as_slice()) {
        return Err(PackError::Damaged);
    }
    let (Some(built_for), Some(sum)) = (header(4), header(8)) else {
        return Err(PackError::Damaged);
    };
    let body = &file[12..];
    if checksum(body) != sum {
        return Err(PackError::Damaged);
    }
    if built_for != fingerprint {
        return Err(PackError::OtherBuild);
    }
    let mut rest = body;
    let count = read_varint(&mut rest).ok_or(PackError::Damaged)?;
    // Each text takes at least a byte: a count beyond that is damage, not a reason to
    // reserve memory.
    if count > rest.len() {
        return Err(PackError::Damaged);
    }
    let mut texts = Vec::with_capacity(count);
    for _ in 0..count {
        let len = read_varint(&mut rest).ok_or(PackError::Damaged)?;
        let bytes = rest.get(..len).ok_or(PackError::Damaged)?;
        let text = std::str::from_utf8(bytes).map_err(|_| PackError::Damaged)?;
        texts.push(text.to_owned());
        rest = &rest[len..];
    }
    if rest.is_empty() {
        Ok(texts)
    } else {
        Err(PackError::Damaged)
    }
}

fn read_varint(bytes: &mut &[u8]) -> Option<usize> {
    let mut value = 0usize;
    for shift in (0..35).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= usize::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Vec<String> {
        ["Hola", "", "Configuración y privacidad", &"x".repeat(300)]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn a_pack_reads_back_what_was_written() {
        let file = encode(7, &texts());
        assert_eq!(decode(7, &file), Ok(texts()));
        // The body is postcard's encoding of the list.
        assert_eq!(&file[12..], postcard::to_allocvec(&texts()).unwrap());
    }

    #[test]
    fn a_pack_for_another_core_is_refused() {
        assert_eq!(decode(8, &encode(7, &texts())), Err(PackError::OtherBuild));
    }

    #[test]
    fn any_damage_is_noticed_and_never_panics() {
        let file = encode(7, &texts());
        for cut in 0..file.len() {
            assert_eq!(
                decode(7, &file[..cut]),
                Err(PackError::Damaged),
                "cut at {cut}"
            );
        }
        for at in 0..file.len() {
            let mut damaged = file.clone();
            damaged[at] ^= 0x20;
            assert!(decode(7, &damaged).is_err(), "byte {at} changed");
        }
        let mut longer = file.clone();
        longer.push(0);
        assert_eq!(decode(7, &longer), Err(PackError::Damaged));
        assert_eq!(decode(7, b"<!DOCTYPE html>"), Err(PackError::Damaged));
    }
}

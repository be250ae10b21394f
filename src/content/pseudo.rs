//! Pseudo-locales, made from English at build time as Android's toolchain makes them:
//! `en-XA` shows every hard-coded (untranslated) string, because every real text is
//! accented, and finds layouts that break on longer languages, because it is about 40%
//! longer; `ar-XB` is right to left, to check the layout mirrors. Placeholders such as
//! `{failing}` are kept as they are.
//! This file is also compiled into `build.rs`.

/// Accented look-alikes of the ASCII letters, `a`..`z` then `A`..`Z`.
const ACCENTED: [char; 52] = [
    'á', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'î', 'ĵ', 'ķ', 'ļ', 'ɱ', 'ñ', 'ö', 'þ', 'ǫ', 'ŕ', 'š',
    'ţ', 'û', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž', 'Å', 'ß', 'Ç', 'Ð', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Î', 'Ĵ', 'Ķ', 'Ļ',
    'Ṁ', 'Ñ', 'Ö', 'Þ', 'Ǫ', 'Ŕ', 'Š', 'Ţ', 'Û', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
];

/// Words added to lengthen a text, already accented.
const PADDING: [&str; 10] = [
    "ŏñē",
    "ţŵŏ",
    "ţĥŕēē",
    "ƒŏûŕ",
    "ƒîṽē",
    "šîẋ",
    "šēṽēñ",
    "ēîĝĥţ",
    "ñîñē",
    "ţēñ",
];

fn accent(c: char) -> char {
    match c {
        'a'..='z' => ACCENTED[c as usize - 'a' as usize],
        'A'..='Z' => ACCENTED[26 + c as usize - 'A' as usize],
        _ => c,
    }
}

/// Splits `text` into placeholders (`{name}`, kept) and the rest, in order.
fn pieces(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push((false, &rest[..start]));
        out.push((true, &rest[start..=start + len]));
        rest = &rest[start + len + 1..];
    }
    out.push((false, rest));
    out
}

/// `en-XA`: "[Ţáþ Þŕöƒîļé ŏñē ţŵŏ]": accented, bracketed, and 40% longer.
pub fn accented(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::from("[");
    for (placeholder, piece) in pieces(text) {
        if placeholder {
            out.push_str(piece);
        } else {
            out.extend(piece.chars().map(accent));
        }
    }
    let mut extra = (text.chars().count() * 2).div_ceil(5);
    for word in PADDING.iter().cycle() {
        if extra == 0 {
            break;
        }
        out.push(' ');
        out.push_str(word);
        extra = extra.saturating_sub(word.chars().count() + 1);
    }
    out.push(']');
    out
}

/// `ar-XB`: each word is shown right to left (U+202E … U+202C, as Android does), and
/// the text starts with a right-to-left mark so it runs right to left as a whole.
pub fn mirrored(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::from('\u{200F}');
    for (placeholder, piece) in pieces(text) {
        if placeholder {
            out.push_str(piece);
            continue;
        }
        for (i, word) in piece.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            if word.chars().any(char::is_alphabetic) {
                out.push('\u{202E}');
                out.push_str(word);
                out.push('\u{202C}');
            } else {
                out.push_str(word);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_text_has_no_plain_letters_and_is_longer() {
        let text = "Tap Profile > Settings and privacy, then wait {minutes} minutes.";
        let pseudo = accented(text);
        assert!(pseudo.starts_with('[') && pseudo.ends_with(']'));
        assert!(pseudo.contains("{minutes}"), "{pseudo}");
        let without_placeholder = pseudo.replace("{minutes}", "");
        assert!(
            !without_placeholder.chars().any(|c| c.is_ascii_alphabetic()),
            "{pseudo}"
        );
        let (before, after) = (text.chars().count(), pseudo.chars().count());
        assert!(after * 10 >= before * 14, "{before} -> {after}");
        assert!(after * 10 <= before * 16 + 80, "{before} -> {after}");
        assert!(pseudo.contains(" > "), "menu paths keep their separators");
        assert_eq!(accented(""), "");
    }

    #[test]
    fn mirrored_text_runs_right_to_left_word_by_word() {
        let pseudo = mirrored("Wait {minutes} min, then try 2 times.");
        assert!(pseudo.starts_with('\u{200F}'));
        assert!(
            pseudo.contains("\u{202E}Wait\u{202C} {minutes}"),
            "{pseudo:?}"
        );
        assert!(
            pseudo.contains(" 2 "),
            "numbers stay as they are: {pseudo:?}"
        );
        assert_eq!(pseudo.matches('\u{202E}').count(), 5);
        assert_eq!(mirrored(""), "");
    }
}

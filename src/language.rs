//! The languages DM Doctor speaks and which one to show: the saved choice, else the
//! best match of the browser's languages, else English. The table comes from
//! `content/languages.toml`, which the head script (`static/lang.js`) reads too; both
//! pass the cases in `tests/language-matching.txt`.

/// One language of `content/languages.toml`.
#[derive(Debug, PartialEq, Eq)]
pub struct Language {
    /// The BCP 47 tag: `<html lang>`, the saved choice and the pack's name.
    pub code: &'static str,
    /// Its name in itself ("Español"), for the picker.
    pub name: &'static str,
    pub rtl: bool,
    /// The primary subtags it answers ("pt", or "id" and Android's old "in").
    pub matches: &'static [&'static str],
    /// When not empty, the regions it is written for: a browser tag with another
    /// region still gets it, with a note (pt-PT gets Brazilian Portuguese).
    pub regions: &'static [&'static str],
    /// A build-time pseudo-locale: chosen only by its exact tag, never in the picker.
    pub pseudo: bool,
}

/// Every language, English first.
pub const LANGUAGES: &[Language] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// English: the fallback, and the language of "Copy in English".
pub fn english() -> &'static Language {
    &LANGUAGES[0]
}

/// The language whose code is `code` (any case), if DM Doctor has it.
pub fn by_code(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code.eq_ignore_ascii_case(code))
}

/// The languages to offer in the picker.
pub fn offered() -> impl Iterator<Item = &'static Language> {
    LANGUAGES.iter().filter(|l| !l.pseudo)
}

/// The language to show, and whether to say it is another variety of what the browser
/// asked for (Brazilian Portuguese for a pt-PT browser).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick {
    pub language: &'static Language,
    pub other_variety: bool,
}

/// The saved choice if it is a language we have, else the first of the browser's
/// `preferred` tags that we speak, else English.
pub fn pick(saved: Option<&str>, preferred: &[String]) -> Pick {
    if let Some(language) = saved.and_then(by_code) {
        return Pick {
            language,
            other_variety: false,
        };
    }
    for tag in preferred {
        if let Some(language) = by_code(tag) {
            return Pick {
                language,
                other_variety: false,
            };
        }
        let mut subtags = tag.split(['-', '_']);
        let primary = subtags.next().unwrap_or_default().to_ascii_lowercase();
        let region =
            subtags.find(|s| s.len() == 2 || s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()));
        if let Some(language) = LANGUAGES
            .iter()
            .find(|l| l.matches.contains(&primary.as_str()))
        {
            let other_variety = !language.regions.is_empty()
                && region.is_some_and(|r| {
                    !language
                        .regions
                        .iter()
                        .any(|ours| ours.eq_ignore_ascii_case(r))
                });
            return Pick {
                language,
                other_variety,
            };
        }
    }
    Pick {
        language: english(),
        other_variety: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared cases: `saved | preferred, tags | expected code [+ note]`.
    const CASES: &str = include_str!("../tests/language-matching.txt");

    #[test]
    fn the_shared_matching_cases_hold() {
        let mut count = 0;
        for line in CASES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            let [saved, preferred, expected] = parts[..] else {
                panic!("bad case line: {line}");
            };
            let saved = (!saved.is_empty()).then_some(saved);
            let preferred: Vec<String> = preferred
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect();
            let (code, note) = match expected.strip_suffix("+ note") {
                Some(code) => (code.trim(), true),
                None => (expected, false),
            };
            let pick = pick(saved, &preferred);
            assert_eq!(
                (pick.language.code, pick.other_variety),
                (code, note),
                "{line}"
            );
            count += 1;
        }
        assert!(count >= 15, "{count} cases");
    }

    #[test]
    fn the_table_has_the_four_languages_and_two_pseudo_locales() {
        let offered: Vec<_> = offered().map(|l| l.code).collect();
        assert_eq!(offered, ["en", "es", "pt-BR", "id"]);
        assert!(by_code("ar-xb").is_some_and(|l| l.rtl && l.pseudo));
        assert!(by_code("en-XA").is_some_and(|l| !l.rtl && l.pseudo));
        assert_eq!(english().code, "en");
    }
}

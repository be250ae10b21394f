//! Checks a translation against English before it becomes a pack: the same structure
//! (ids, steps per fix, phone variants, conditions, sources: everything but the words),
//! every text translated, the same placeholders, and plain words where they can be
//! measured in any language.
//! This file is also compiled into `build.rs`.

use super::model::Content;
use super::readability::MAX_SENTENCE_WORDS;
use super::texts::take_texts;

/// Texts that read the same in every language: names, and a few words the
/// languages borrow as they are.
pub const SAME_IN_EVERY_LANGUAGE: &[&str] = &[
    "TikTok",
    "TikTok Lite",
    "Play Store",
    "DM Doctor",
    "Wi-Fi",
    "VPN",
    "DNS",
    "Android",
    "Chrome",
    "Firefox",
    "Samsung Internet",
    "Samsung",
    "Xiaomi",
    "Pixel",
    "Google",
    "OK",
    "No",
    "Internet",
    "Email",
    "Online",
    "Offline",
];

/// Room for languages that take more words than English to say the same.
const SENTENCE_WORDS_ALLOWED: usize = MAX_SENTENCE_WORDS * 3 / 2;

/// The `{name}` placeholders of a text, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        found.push(&rest[start..=start + len]);
        rest = &rest[start + len + 1..];
    }
    found.sort_unstable();
    found
}

/// True for a text that may read the same as English: once its placeholders and the
/// names every language keeps are taken out, no word of two letters or more is left
/// ("{group} ({hosts})", "DM Doctor {version}", "Wi-Fi", "1").
fn may_stay_english(text: &str) -> bool {
    let mut rest = text.to_lowercase();
    for placeholder in placeholders(text) {
        rest = rest.replace(placeholder, " ");
    }
    for name in SAME_IN_EVERY_LANGUAGE {
        rest = rest.replace(&name.to_lowercase(), " ");
    }
    !rest
        .split(|c: char| !c.is_alphabetic())
        .any(|word| word.chars().count() >= 2 && word != "ms")
}

/// Problems of the `translated` texts against the `english` ones, text by text
/// (the same count is required; the caller compares the structures). `borrowed`: one-word
/// English texts that may stay as they are (search keywords such as "wifi" or "proxy",
/// which people type in every language).
pub fn check_texts(
    language: &str,
    english: &[String],
    translated: &[String],
    borrowed: &[&str],
) -> Vec<String> {
    let mut problems = Vec::new();
    if english.len() != translated.len() {
        problems.push(format!(
            "{language}: {} texts, English has {}",
            translated.len(),
            english.len()
        ));
        return problems;
    }
    for (en, tr) in english.iter().zip(translated) {
        let at = || format!("{language}: the translation of {en:?}");
        if tr.trim().is_empty() != en.trim().is_empty() {
            problems.push(format!("{} is empty", at()));
        } else if tr == en && !may_stay_english(en) && !borrowed.contains(&en.as_str()) {
            problems.push(format!("{} is still English", at()));
        }
        if placeholders(en) != placeholders(tr) {
            problems.push(format!(
                "{} has the placeholders {:?}, English {:?}",
                at(),
                placeholders(tr),
                placeholders(en)
            ));
        }
        for sentence in tr.split(['.', '!', '?', ':', ';']) {
            if sentence.split_whitespace().count() > SENTENCE_WORDS_ALLOWED
                && !sentence.contains(" > ")
            {
                problems.push(format!(
                    "{} has a sentence of over {SENTENCE_WORDS_ALLOWED} words: {sentence:?}",
                    at()
                ));
            }
        }
    }
    problems
}

/// Problems of a translated `content` against English: a different structure, then the
/// text-by-text problems of [`check_texts`].
pub fn check_content(language: &str, english: &Content, translated: &Content) -> Vec<String> {
    let (mut english, mut translated) = (english.clone(), translated.clone());
    // Taken before the texts are: one-word search keywords may stay as they are.
    let keywords: Vec<String> = english
        .causes
        .iter()
        .flat_map(|c| &c.keywords)
        .chain(english.fixes.iter().flat_map(|f| &f.keywords))
        .filter(|k| !k.contains(' '))
        .cloned()
        .collect();
    let (en_texts, tr_texts) = (take_texts(&mut english), take_texts(&mut translated));
    if english != translated {
        return vec![format!(
            "{language}: the structure differs from English ({}): only texts may be translated; ids, conditions, evidence, sources and the number of steps and variants stay as they are",
            first_difference(&english, &translated)
        )];
    }
    let borrowed: Vec<&str> = keywords.iter().map(String::as_str).collect();
    check_texts(language, &en_texts, &tr_texts, &borrowed)
}

/// Where two structures first differ, for the build message.
fn first_difference(english: &Content, translated: &Content) -> String {
    macro_rules! by_id {
        ($($list:ident),*) => {$(
            if english.$list.len() != translated.$list.len() {
                return format!("{} {} vs {}", stringify!($list), english.$list.len(), translated.$list.len());
            }
            for (i, (a, b)) in english.$list.iter().zip(&translated.$list).enumerate() {
                if a != b {
                    return format!("{} #{} differs", stringify!($list), i + 1);
                }
            }
        )*};
    }
    by_id!(
        symptoms,
        causes,
        fixes,
        questions,
        verdicts,
        groups,
        probes,
        pages,
        install_guides
    );
    "open_in_browser".into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;

    fn texts(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_untranslated_passage_is_found_but_names_may_stay() {
        // Names, numbers, placeholders and units may read the same in every language.
        let same = [
            "TikTok",
            "Wi-Fi",
            "1",
            "{group} ({hosts})",
            "DM Doctor {version}",
            "{ms} ms",
        ];
        let en = texts(&[&["Tap Profile."][..], &same].concat());
        let translated = texts(&[&["Toca Perfil."][..], &same].concat());
        assert!(check_texts("es", &en, &translated, &[]).is_empty());
        let problems = check_texts("es", &en, &en.clone(), &[]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("still English"));
    }

    #[test]
    fn placeholders_and_blanks_must_match() {
        let en = texts(&["Blocked: {failing}.", "Yes"]);
        let problems = check_texts("id", &en, &texts(&["Diblokir: {gagal}.", " "]), &[]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(check_texts("id", &en, &texts(&["x"]), &[]).len(), 1);
        // A one-word search keyword may stay; the same word as a passage may not.
        let en = texts(&["proxy", "Proxy settings"]);
        let tr = texts(&["proxy", "Proxy settings"]);
        assert_eq!(check_texts("id", &en, &tr, &["proxy"]).len(), 1);
    }

    #[test]
    fn a_translation_may_change_words_only() {
        let english = content().clone();
        let mut same_words = english.clone();
        same_words.fixes[0].title = "Pídele que revise sus ajustes".into();
        let problems = check_content("es", &english, &same_words);
        assert!(
            !problems.iter().any(|p| p.contains("structure")),
            "{problems:?}"
        );
        assert!(
            !problems.iter().any(|p| p.contains("Pídele")),
            "{problems:?}"
        );

        let mut one_step_less = same_words.clone();
        one_step_less.fixes[0].steps.pop();
        let problems = check_content("es", &english, &one_step_less);
        assert!(problems[0].contains("fixes #1"), "{problems:?}");

        let mut other_id = same_words;
        other_id.questions[2].answers[0].id = "si".into();
        let problems = check_content("es", &english, &other_id);
        assert!(problems[0].contains("questions #3"), "{problems:?}");
    }
}

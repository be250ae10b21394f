//! Plain-words measures for the validator: words per sentence, menu paths per step, and
//! the Flesch–Kincaid grade level, computed with a simple English syllable heuristic.
//! This file is also compiled into `build.rs`, so it may use std only.
//!
//! Menu paths ("Settings > Apps > TikTok") are UI labels: they are left out of the grade
//! and of the word counts, and counted on their own (a step may hold one, plus one more
//! in a sentence of its own that starts with "On older phones").

/// Passages with fewer words than this (after menu paths are taken out) get no grade:
/// the formula means little for a label or a short line.
pub const GRADED_MIN_WORDS: usize = 12;
/// The highest Flesch–Kincaid grade a graded passage may have.
pub const MAX_GRADE: f64 = 8.0;
/// The most words one sentence may have.
pub const MAX_SENTENCE_WORDS: usize = 25;
/// A sentence that starts like this may carry a second menu path for older phones.
pub const OLDER_VARIANT: &str = "On older phones";

/// Syllables in one word, by the usual vowel-group heuristic: count groups of vowels,
/// drop a silent final "e" (but not "-le" after a consonant), count "-ed"/"-es" endings
/// only where they are heard. Words without letters (numbers, symbols) count as one.
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        return 1;
    }
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut end = w.len();
    let n = w.len();
    let consonant_le = w[n - 2] == 'l' && !vowel(w[n - 3]);
    if w[n - 1] == 'e' && !consonant_le && !vowel(w[n - 2]) {
        // silent final e: "make", "page" (but "table", "free" keep theirs)
        end = n - 1;
    } else if n > 3
        && w[n - 1] == 'd'
        && w[n - 2] == 'e'
        && !matches!(w[n - 3], 't' | 'd')
        && !vowel(w[n - 3])
    {
        // "-ed" not heard: "turned", "blocked" (but "waited", "added" keep it)
        end = n - 2;
    } else if n > 3
        && w[n - 1] == 's'
        && w[n - 2] == 'e'
        && !matches!(w[n - 3], 's' | 'x' | 'z' | 'c' | 'g' | 'h')
        && !vowel(w[n - 3])
    {
        // "-es" not heard: "makes", "times" (but "boxes", "pages" keep it)
        end = n - 2;
    }
    let mut count = 0;
    let mut previous_vowel = false;
    for (i, &c) in w[..end].iter().enumerate() {
        // A leading "y" is a consonant ("you", "yes").
        let v = vowel(c) && !(i == 0 && c == 'y');
        if v && !previous_vowel {
            count += 1;
        }
        previous_vowel = v;
    }
    count.max(1)
}

/// True for a token that counts as a word: it holds a letter or a digit.
fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// The text split into sentences: a sentence ends at ".", "!" or "?" (optionally followed
/// by a closing quote or bracket) before a space or the end. "tiktok.com" stays one word.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = k + 1;
        while j < chars.len() && matches!(chars[j].1, '"' | '\'' | ')' | '”' | '’') {
            j += 1;
        }
        let at_break = j == chars.len() || chars[j].1.is_whitespace();
        if at_break {
            let end = if j == chars.len() {
                text.len()
            } else {
                chars[j].0
            };
            let sentence = text[start..end].trim();
            if sentence.split_whitespace().any(is_word) {
                out.push(sentence);
            }
            start = end;
        }
        let _ = i;
    }
    let rest = text[start..].trim();
    if rest.split_whitespace().any(is_word) {
        out.push(rest);
    }
    out
}

/// Small words that may sit inside a menu item ("Settings and privacy", "Storage & cache").
const CONNECTORS: &[&str] = &[
    "and", "&", "of", "by", "with", "to", "a", "for", "if", "on", "while",
];

/// Words that start an instruction, not a menu item ("Open Settings > Apps").
const VERBS: &[&str] = &[
    "Open", "Tap", "Go", "Check", "Choose", "Turn", "Look", "Find", "Then", "Or", "In", "At",
    "Under", "See",
];

/// Marks the tokens of a sentence that belong to menu paths; returns the marks and how
/// many separate paths there are. Items between two ">" are taken whole; the first item
/// runs left to the instruction word, the last item right to its closing punctuation.
fn menu_marks(tokens: &[&str]) -> (Vec<bool>, usize) {
    let mut marks = vec![false; tokens.len()];
    let core = |t: &str| t.trim_start_matches(['(', '"', '\'']).to_string();
    let capital =
        |t: &str| core(t).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '☰');
    let connector = |t: &str| CONNECTORS.contains(&core(t).as_str());
    let ends_item = |t: &str| t.ends_with(['.', ',', ':', ')', ';', '!', '?']);
    let mut paths = 0;
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] != ">" {
            i += 1;
            continue;
        }
        if !(i > 0 && marks[i - 1]) {
            paths += 1;
            // The first item: walk left (at most 4 words) to the instruction word.
            let mut k = i;
            let mut seen_capital = false;
            while k > 0 && i - k < 4 {
                let t = tokens[k - 1];
                let stop = ends_item(t)
                    || VERBS.contains(&core(t).as_str())
                    || (seen_capital && !capital(t) && !connector(t));
                if stop {
                    break;
                }
                seen_capital |= capital(t);
                k -= 1;
                marks[k] = true;
                if t.starts_with('(') {
                    break;
                }
            }
            while k < i && connector(tokens[k]) {
                marks[k] = false;
                k += 1;
            }
        }
        marks[i] = true;
        // Up to the next ">" if no punctuation comes first: a middle item, taken whole.
        let next = tokens[i + 1..]
            .iter()
            .position(|t| *t == ">")
            .map(|p| p + i + 1);
        let middle = next.filter(|&n| !tokens[i + 1..n].iter().any(|t| ends_item(t)));
        if let Some(n) = middle {
            for mark in &mut marks[i + 1..n] {
                *mark = true;
            }
            i = n;
            continue;
        }
        // The last item: capitalised words and connectors, and a closing lowercase word.
        let mut k = i + 1;
        while k < tokens.len() && k - i <= 4 {
            let t = tokens[k];
            let first = k == i + 1;
            if !(first || capital(t) || connector(t) || ends_item(t)) {
                break;
            }
            marks[k] = true;
            k += 1;
            if ends_item(t) {
                break;
            }
        }
        while k > i + 2 && !ends_item(tokens[k - 1]) && connector(tokens[k - 1]) {
            k -= 1;
            marks[k] = false;
        }
        i = k;
    }
    (marks, paths)
}

/// Menu paths in one sentence.
pub fn menu_paths(sentence: &str) -> usize {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    menu_marks(&tokens).1
}

/// The words of a sentence that are not part of a menu path.
fn prose_words(sentence: &str) -> Vec<&str> {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let (marks, _) = menu_marks(&tokens);
    tokens
        .iter()
        .zip(marks)
        .filter(|(t, marked)| !marked && is_word(t))
        .map(|(t, _)| *t)
        .collect()
}

/// What the validator needs to know about one passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// Words outside menu paths.
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Most words in one sentence (outside menu paths).
    pub longest_sentence: usize,
    /// Menu paths outside "On older phones" sentences, and in them.
    pub paths: usize,
    pub older_paths: usize,
    /// Flesch–Kincaid grade of the prose outside menu paths; None below
    /// [`GRADED_MIN_WORDS`] words.
    pub grade: Option<f64>,
}

/// Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
pub fn fk_grade(words: usize, sentences: usize, syllables: usize) -> f64 {
    let words = words.max(1) as f64;
    0.39 * (words / sentences.max(1) as f64) + 11.8 * (syllables as f64 / words) - 15.59
}

/// Measures one passage.
pub fn measure(text: &str) -> Measure {
    let mut m = Measure {
        words: 0,
        sentences: 0,
        syllables: 0,
        longest_sentence: 0,
        paths: 0,
        older_paths: 0,
        grade: None,
    };
    for sentence in sentences(text) {
        let words = prose_words(sentence);
        let paths = menu_paths(sentence);
        if sentence.trim_start_matches('(').starts_with(OLDER_VARIANT) {
            m.older_paths += paths;
        } else {
            m.paths += paths;
        }
        if words.is_empty() {
            continue;
        }
        m.sentences += 1;
        m.words += words.len();
        m.longest_sentence = m.longest_sentence.max(words.len());
        m.syllables += words.iter().map(|w| syllables(w)).sum::<usize>();
    }
    if m.words >= GRADED_MIN_WORDS {
        m.grade = Some(fk_grade(m.words, m.sentences, m.syllables));
    }
    m
}

/// Problems with one passage; `step` is true for a fix step (the menu-path rule).
pub fn problems(text: &str, step: bool) -> Vec<String> {
    let m = measure(text);
    let mut out = Vec::new();
    if m.longest_sentence > MAX_SENTENCE_WORDS {
        out.push(format!(
            "has a sentence of {} words (at most {MAX_SENTENCE_WORDS})",
            m.longest_sentence
        ));
    }
    if let Some(grade) = m.grade.filter(|g| *g > MAX_GRADE) {
        out.push(format!("reads at grade {grade:.1} (at most {MAX_GRADE})"));
    }
    if step && (m.paths > 1 || m.older_paths > 1) {
        out.push(format!(
            "has {} menu paths; use one, plus at most one in a sentence starting \"{OLDER_VARIANT}\"",
            m.paths + m.older_paths
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables_of_common_words() {
        for (word, expected) in [
            ("cat", 1),
            ("the", 1),
            ("make", 1),
            ("page", 1),
            ("pages", 2),
            ("table", 2),
            ("turned", 1),
            ("waited", 2),
            ("message", 2),
            ("messages", 3),
            ("settings", 2),
            ("TikTok", 2),
            ("notification", 5),
            ("community", 4),
            ("you", 1),
            ("phone's", 1),
            ("16", 1),
            ("Wi-Fi", 2),
        ] {
            assert_eq!(syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn splits_sentences_but_not_web_addresses() {
        assert_eq!(
            sentences("Open it. Then tap Save! Done?"),
            ["Open it.", "Then tap Save!", "Done?"]
        );
        assert_eq!(
            sentences("Go to tiktok.com/messages in Chrome."),
            ["Go to tiktok.com/messages in Chrome."]
        );
        assert_eq!(
            sentences("Tap \"Save.\" Then wait."),
            ["Tap \"Save.\"", "Then wait."]
        );
        assert_eq!(sentences("No full stop"), ["No full stop"]);
        assert!(sentences("  ").is_empty());
    }

    #[test]
    fn finds_menu_paths_and_leaves_them_out_of_the_words() {
        let step = "Open Settings > Apps > See all apps > TikTok.";
        assert_eq!(menu_paths(step), 1);
        assert_eq!(prose_words(step), ["Open"]);
        let tiktok = "Tap Profile > ☰ Menu > Settings and privacy > Privacy, then look.";
        assert_eq!(menu_paths(tiktok), 1);
        assert_eq!(prose_words(tiktok), ["Tap", "then", "look."]);
        let two = "Open Settings > Battery, or open Settings > Apps > TikTok.";
        assert_eq!(menu_paths(two), 2);
        assert_eq!(prose_words(two), ["Open", "or", "open"]);
        let inside = "Open Settings > Battery and device care > Battery and turn it on.";
        assert_eq!(menu_paths(inside), 1);
        assert_eq!(prose_words(inside), ["Open", "and", "turn", "it", "on."]);
        let item = "Tap Privacy > Direct messages, and choose who can write.";
        assert_eq!(
            prose_words(item),
            ["Tap", "and", "choose", "who", "can", "write."]
        );
        assert_eq!(menu_paths("No path here."), 0);
    }

    #[test]
    fn an_older_phones_sentence_may_hold_a_second_path() {
        let ok = "Open Settings > Battery > Background usage limits. On older phones: Settings > Battery and device care > Battery.";
        assert!(problems(ok, true).is_empty(), "{:?}", problems(ok, true));
        let two = "Open Settings > Battery > Background usage limits. Or open Settings > Battery and device care > Battery.";
        assert!(problems(two, true)[0].contains("2 menu paths"));
        // Outside steps, paths are not limited.
        assert!(problems(two, false).is_empty());
    }

    #[test]
    fn grades_plain_and_hard_text() {
        // Textbook check of the formula: 100 words, 5 sentences, 130 syllables.
        assert!((fk_grade(100, 5, 130) - (0.39 * 20.0 + 11.8 * 1.3 - 15.59)).abs() < 1e-9);
        let plain =
            measure("Open the app and tap your name. Then look at the list and pick one you like.");
        assert!(plain.grade.unwrap() < 4.0, "{plain:?}");
        let hard = measure(
            "Private DNS is an Android configuration that transmits the address resolution requests of your device to a designated provider.",
        );
        assert!(hard.grade.unwrap() > 12.0, "{hard:?}");
        assert!(!problems("Private DNS is an Android configuration that transmits the address resolution requests of your device to a designated provider.", false).is_empty());
    }

    #[test]
    fn short_passages_get_no_grade() {
        assert_eq!(measure("Notifications, unfortunately.").grade, None);
        assert_eq!(
            measure("Open Settings > Apps > See all apps > TikTok > Notifications.").words,
            1
        );
    }

    #[test]
    fn long_sentences_are_reported() {
        let long = "word ".repeat(26);
        assert!(problems(&long, false)[0].contains("26 words"));
        assert!(problems(&"word ".repeat(25), false)
            .iter()
            .all(|p| !p.contains("words")));
    }
}

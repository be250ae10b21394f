//! Offline search over the guide: every word of the query must match the start of a word
//! in an entry; matches in titles and keywords rank above matches in the body. Forgiving
//! of how people type on a phone: apostrophes and hyphens may be left out ("wont" is
//! "won't", "wifi" is "Wi-Fi"), little words such as "my" or "not" are skipped, and
//! "sending" finds "send".

use super::model::{Cause, Content, Fix};

/// A guide entry that matched a search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry<'a> {
    Cause(&'a Cause),
    Fix(&'a Fix),
}

impl<'a> Entry<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            Entry::Cause(c) => &c.id,
            Entry::Fix(f) => &f.id,
        }
    }

    pub fn title(&self) -> &'a str {
        match self {
            Entry::Cause(c) => &c.title,
            Entry::Fix(f) => &f.title,
        }
    }

    pub fn summary(&self) -> &'a str {
        match self {
            Entry::Cause(c) => &c.summary,
            Entry::Fix(f) => &f.summary,
        }
    }
}

/// Weights for where a word matched.
const TITLE: u32 = 8;
const KEYWORD: u32 = 5;
const SUMMARY: u32 = 3;
const BODY: u32 = 1;

/// Letters and digits: ASCII ones, and anything beyond ASCII (other scripts, emoji).
/// Avoids the Unicode tables of `char::is_alphanumeric`, which cost wasm bytes.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii()
}

/// Lowercase for ASCII and Latin-1 letters (the content is English; queries may carry
/// accents), without the Unicode case tables.
fn lower(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        _ => c,
    }
}

/// Apostrophes (straight, curly, modifier) and hyphens inside a word join it instead of
/// splitting it: "won't" is one word, "wont", and "Wi-Fi" is "wifi".
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '-' | '‐')
}

/// Splits text into lowercase words, folding common accents and dropping a plural "s"
/// so that "messages" finds "message".
pub fn words(text: &str) -> Vec<String> {
    let joined: String = text.chars().filter(|c| !is_joiner(*c)).collect();
    joined
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let folded: String = w.chars().map(lower).map(fold_accent).collect();
            match folded.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem.to_owned(),
                _ => folded,
            }
        })
        .collect()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        other => other,
    }
}

/// Text fields of an entry with the weight of a match in each.
fn fields<'a>(entry: &Entry<'a>) -> Vec<(u32, &'a str)> {
    let mut out = vec![(TITLE, entry.title()), (SUMMARY, entry.summary())];
    match entry {
        Entry::Cause(c) => {
            out.extend(c.keywords.iter().map(|k| (KEYWORD, k.as_str())));
            out.extend(
                c.explanation
                    .iter()
                    .chain(&c.signs)
                    .map(|p| (BODY, p.as_str())),
            );
        }
        Entry::Fix(f) => {
            out.extend(f.keywords.iter().map(|k| (KEYWORD, k.as_str())));
            for step in &f.steps {
                out.push((BODY, step.text.as_str()));
                out.extend(
                    step.samsung
                        .iter()
                        .chain(&step.xiaomi)
                        .map(|t| (BODY, t.as_str())),
                );
            }
            out.extend(
                f.warnings
                    .iter()
                    .chain(&f.prevention)
                    .map(|w| (BODY, w.as_str())),
            );
        }
    }
    out
}

/// Words a query can do without: they match almost everything ("not" and the
/// contractions are how people describe any failure: "not sending", "won't load").
const SKIPPED: &[&str] = &[
    "a", "an", "the", "my", "me", "i", "im", "it", "is", "to", "on", "in", "of", "and", "or",
    "for", "with", "not", "no", "dont", "doesnt", "wont", "cant", "cannot", "isnt", "arent",
    "didnt", "wasnt",
];

/// The query's words without the skipped ones (all of them if nothing else is left).
fn query_words(query: &str) -> Vec<String> {
    let all = words(query);
    let kept: Vec<String> = all
        .iter()
        .filter(|w| !SKIPPED.contains(&w.as_str()))
        .cloned()
        .collect();
    if kept.is_empty() {
        all
    } else {
        kept
    }
}

/// A query word matches a word of the text that starts with it, or one it starts with,
/// but only a little longer ("sending" and "send", "blocked" and "block", "muted" and
/// "mute"), so that word forms don't need a stemmer.
fn matches(text_word: &str, query_word: &str) -> bool {
    text_word.starts_with(query_word)
        || (text_word.len() >= 4
            && query_word.starts_with(text_word)
            && query_word.len() - text_word.len() <= 3)
}

/// Score of an entry for the query words, or None if some word matches nowhere.
fn score(entry: &Entry, query: &[String]) -> Option<u32> {
    let fields: Vec<(u32, Vec<String>)> = fields(entry)
        .into_iter()
        .map(|(weight, text)| (weight, words(text)))
        .collect();
    query.iter().try_fold(0, |total, q| {
        let best = fields
            .iter()
            .filter(|(_, ws)| ws.iter().any(|w| matches(w, q)))
            .map(|(weight, _)| *weight)
            .max()?;
        Some(total + best)
    })
}

/// Entries matching every word of `query`, best first (causes before fixes on ties,
/// then content order). An empty query matches nothing.
pub fn search<'a>(content: &'a Content, query: &str) -> Vec<Entry<'a>> {
    let query = query_words(query);
    if query.is_empty() {
        return Vec::new();
    }
    let entries = content
        .causes
        .iter()
        .map(Entry::Cause)
        .chain(content.fixes.iter().map(Entry::Fix));
    let mut hits: Vec<(u32, Entry)> = entries
        .filter_map(|entry| score(&entry, &query).map(|s| (s, entry)))
        .collect();
    // Best score first; equal scores keep the content's order.
    crate::sort::sort_by(&mut hits, |a, b| b.0.cmp(&a.0));
    hits.into_iter().map(|(_, entry)| entry).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;

    fn ids(query: &str) -> Vec<&'static str> {
        search(content(), query).iter().map(|e| e.id()).collect()
    }

    #[test]
    fn words_are_lowercased_folded_and_singular() {
        assert_eq!(
            words("Clear CACHE, messages!"),
            ["clear", "cache", "message"]
        );
        assert_eq!(words("Café  réglages"), ["cafe", "reglage"]);
        assert_eq!(words("CAFÉ ÀÉÎÕÜ"), ["cafe", "aeiou"]);
        assert_eq!(words("don't: 5×5"), ["dont", "5×5"]);
        assert_eq!(words("is was gas"), ["is", "was", "gas"]);
        assert_eq!(words("access"), ["access"]);
    }

    #[test]
    fn empty_or_punctuation_query_finds_nothing() {
        assert!(ids("").is_empty());
        assert!(ids("  ?! ").is_empty());
    }

    #[test]
    fn finds_a_fix_by_its_title_words_first() {
        let found = ids("clear cache");
        assert!(!found.is_empty());
        assert!(
            found[0] == "clear-cache-in-app"
                || found[0] == "clear-cache-android"
                || found[0] == "corrupted-cache",
            "got {found:?}"
        );
        assert!(found.contains(&"clear-cache-android"));
    }

    #[test]
    fn prefix_and_case_do_not_matter() {
        assert!(ids("VPN").contains(&"turn-off-vpn"));
        assert!(ids("priv dns").contains(&"turn-off-private-dns"));
    }

    #[test]
    fn apostrophes_hyphens_and_little_words_do_not_matter() {
        assert_eq!(words("won’t Wi-Fi can't"), ["wont", "wifi", "cant"]);
        assert_eq!(ids("wont send"), ids("won't send"));
        assert_eq!(ids("wifi"), ids("wi-fi"));
        assert_eq!(ids("wifi"), ids("Wi‐Fi"));
        assert!(!ids("wifi").is_empty());
        assert!(!ids("wont send").is_empty());
        assert_eq!(ids("my messages"), ids("messages"));
        // Only little words: they are all the query has, so they are kept.
        assert_eq!(query_words("not"), ["not"]);
    }

    #[test]
    fn word_forms_find_each_other() {
        assert!(matches("send", "sending"));
        assert!(matches("block", "blocked"));
        assert!(matches("mute", "muted"));
        assert!(matches("sending", "send"));
        assert!(
            !matches("no", "not"),
            "short words don't absorb longer ones"
        );
        assert!(!matches("send", "sendingly"), "only a little longer");
        let not_sending = ids("not sending");
        assert!(!not_sending.is_empty());
        for id in ids("won't send").iter().take(3) {
            assert!(
                not_sending.contains(id),
                "{id} for 'not sending': {not_sending:?}"
            );
        }
    }

    #[test]
    fn all_words_must_match() {
        assert!(ids("vpn zzzzqqq").is_empty());
    }

    #[test]
    fn title_match_ranks_above_body_match() {
        let found = ids("reinstall");
        assert_eq!(found.first(), Some(&"reinstall-app"));
    }

    #[test]
    fn searching_each_title_finds_that_entry() {
        for fix in &content().fixes {
            assert!(ids(&fix.title).contains(&fix.id.as_str()), "{}", fix.id);
        }
        for cause in &content().causes {
            assert!(
                ids(&cause.title).contains(&cause.id.as_str()),
                "{}",
                cause.id
            );
        }
    }
}

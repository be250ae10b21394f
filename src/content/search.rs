//! Offline search over the guide: every word of the query must match the start of a word
//! in an entry's title, keywords or summary; title and keyword matches rank first, so a
//! few words give a short list with the best entries on top. Forgiving of how people
//! type on a phone: apostrophes and hyphens may be left out ("wont" is "won't", "wifi"
//! is "Wi-Fi"), little and vague words such as "my", "not" or "message" are skipped
//! next to more precise ones, and "sending" finds "send".

use super::model::{Cause, Fix};
use super::{Ui, Words};

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
/// so that "messages" finds "message". One pass: joiners are skipped, any other
/// character that is not a letter or digit ends a word.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars();
    loop {
        // A space after the end ends the last word.
        let next = chars.next();
        let c = next.unwrap_or(' ');
        if is_joiner(c) {
            continue;
        }
        if is_word_char(c) {
            word.push(fold_accent(lower(c)));
        } else if !word.is_empty() {
            if let Some(stem) = word.strip_suffix('s') {
                if stem.chars().count() >= 3 && !stem.ends_with('s') {
                    word.pop();
                }
            }
            out.push(std::mem::take(&mut word));
        }
        if next.is_none() {
            return out;
        }
    }
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

/// The fields a search looks in, with the weight of a match in each: the title, the
/// keywords and the summary. The body (explanations, steps) is left out: its words
/// match far too much ("send" is in most entries).
// Out of line: inlined into the search, it costs about 100 more gzip bytes.
#[inline(never)]
fn fields<'a>(entry: &Entry<'a>) -> Vec<(u32, &'a str)> {
    let keywords = match entry {
        Entry::Cause(c) => &c.keywords,
        Entry::Fix(f) => &f.keywords,
    };
    let mut out = vec![(TITLE, entry.title()), (SUMMARY, entry.summary())];
    out.extend(keywords.iter().map(|k| (KEYWORD, k.as_str())));
    out
}

/// The query's words that must match: without filler and vague words, or without filler
/// only if nothing else is left, or all of them if they are all filler. That is, the
/// words of the most precise kind the query has (filler, vague, other). Both lists are
/// in the language's pack (`search_filler`, `search_vague`: words as [`words`] gives
/// them, split by spaces): little words a query can do without, as they match almost
/// everything ("the", "my"); and words that say little next to a more precise one:
/// "not" and the contractions are how people describe any failure ("not sending",
/// "won't load"), and every entry is about messages on TikTok. Alone they are the query
/// ("can't message").
fn query_words(ui: &Ui, query: &str) -> Vec<String> {
    let listed = |list: &str, w: &str| list.split(' ').any(|l| l == w);
    let kind = |w: &String| {
        if listed(ui.search_filler, w) {
            0
        } else if listed(ui.search_vague, w) {
            1
        } else {
            2
        }
    };
    let mut all = words(query);
    let most = all.iter().map(kind).max().unwrap_or(0);
    all.retain(|w| kind(w) >= most);
    all
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

/// How well an entry matches, as one number, smaller first: first the number of query
/// words found only in its summary (fewer is better, so entries matched by title and
/// keywords come first), then the sum of the best weight for each word (higher is
/// better). None if some word matches nowhere.
fn score(entry: &Entry, query: &[String]) -> Option<u64> {
    // The best weight of each query word so far (0: not found yet).
    let mut best = vec![0; query.len()];
    for (weight, text) in fields(entry) {
        for word in words(text) {
            for (b, q) in best.iter_mut().zip(query) {
                if matches(&word, q) {
                    *b = weight.max(*b);
                }
            }
        }
    }
    // The count of summary-only words above 32 bits, under them the total subtracted
    // from the largest 32-bit number.
    let mut rank = u64::from(u32::MAX);
    for b in best {
        if b == 0 {
            return None;
        }
        if b <= SUMMARY {
            rank += 1 << 32;
        }
        rank -= u64::from(b);
    }
    Some(rank)
}

/// Entries of `words` (one language's content) matching every word of `query`, best
/// first (causes before fixes on ties, then content order). An empty query matches
/// nothing.
pub fn search<'a>(words: &'a Words, query: &str) -> Vec<Entry<'a>> {
    let content = &words.content;
    let query = query_words(&words.ui, query);
    if query.is_empty() {
        return Vec::new();
    }
    let entries = content
        .causes
        .iter()
        .map(Entry::Cause)
        .chain(content.fixes.iter().map(Entry::Fix));
    // Best first: each hit goes in after those that rank as well or better, so equal
    // scores keep the content's order.
    let mut hits = Vec::new();
    let mut ranks: Vec<u64> = Vec::new();
    for entry in entries {
        if let Some(rank) = score(&entry, &query) {
            let at = ranks.iter().filter(|&&r| r <= rank).count();
            ranks.insert(at, rank);
            hits.insert(at, entry);
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{content, words as shown};

    fn ids(query: &str) -> Vec<&'static str> {
        search(shown(), query).iter().map(|e| e.id()).collect()
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
        assert_eq!(query_words(&shown().ui, "not"), ["not"]);
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

    /// What a stressed person types, the entries that must come first (in any order),
    /// and the most results that still read as a short list.
    const TYPICAL: &[(&str, &[&str], usize)] = &[
        ("wont send", &["rewrite-message", "send-another-way"], 12),
        ("not sending", &["rewrite-message", "send-another-way"], 12),
        (
            "wifi",
            &["restricted-network", "switch-network", "captive-wifi-login"],
            8,
        ),
        (
            "vpn",
            &["vpn-or-region", "turn-off-vpn", "switch-vpn-server"],
            4,
        ),
        (
            "clear cache",
            &[
                "clear-cache-in-app",
                "clear-cache-android",
                "corrupted-cache",
            ],
            4,
        ),
        (
            "blocked",
            &[
                "blocked",
                "restricted-network",
                "you-blocked-them",
                "check-if-blocked",
            ],
            12,
        ),
        ("under 16", &["under-16"], 4),
        ("can't message", &["recipient-privacy"], 12),
        ("tiktok down", &["outage", "check-outage"], 5),
    ];

    #[test]
    fn typical_queries_give_short_lists_with_the_right_entries_first() {
        for (query, first, max) in TYPICAL {
            let found = ids(query);
            assert!(
                found.len() <= *max,
                "{query:?} finds {}: {found:?}",
                found.len()
            );
            let top = &found[..first.len().min(found.len())];
            for id in *first {
                assert!(
                    top.contains(id),
                    "{query:?}: {id} not in the top {top:?} of {found:?}"
                );
            }
        }
        assert!(ids("under 16").contains(&"check-age-rules"));
        assert!(ids("can't message").contains(&"not-mutual-follow"));
        assert!(ids("can't message").contains(&"blocked"));
    }

    #[test]
    fn only_titles_keywords_and_summaries_are_searched() {
        // A word of the steps and explanations that no title, keyword or summary has.
        let listed: Vec<String> = content()
            .causes
            .iter()
            .map(Entry::Cause)
            .chain(content().fixes.iter().map(Entry::Fix))
            .flat_map(|e| fields(&e).into_iter().flat_map(|(_, text)| words(text)))
            .collect();
        let body_only = content()
            .fixes
            .iter()
            .flat_map(|f| f.steps.iter().flat_map(|s| words(&s.text)))
            .find(|w| w.len() >= 6 && !listed.iter().any(|l| matches(l, w) || matches(w, l)))
            .expect("some step word is in no title, keyword or summary");
        assert_eq!(ids(&body_only), Vec::<&str>::new(), "{body_only}");
    }

    /// proptest is a native-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A query with an apostrophe or hyphen put inside one of its words.
        fn with_joiner(words: &[String], at: usize, inside: usize, joiner: char) -> String {
            let mut words = words.to_vec();
            let count = words.len();
            let word = &mut words[at % count];
            let cut = word
                .char_indices()
                .map(|(i, _)| i)
                .nth(1 + inside % (word.chars().count() - 1).max(1))
                .unwrap_or(word.len());
            word.insert(cut, joiner);
            words.join(" ")
        }

        proptest! {
            #[test]
            fn apostrophes_and_hyphens_inside_words_change_nothing(
                picked in prop::collection::vec(0usize..10_000, 1..4),
                at in 0usize..4,
                inside in 0usize..12,
                joiner in prop::sample::select(vec!['\'', '’', '-', '‐']),
            ) {
                // Words people would type: those of the titles and keywords.
                let vocabulary: Vec<String> = content()
                    .fixes
                    .iter()
                    .flat_map(|f| std::iter::once(&f.title).chain(&f.keywords))
                    .chain(content().causes.iter().flat_map(|c| std::iter::once(&c.title).chain(&c.keywords)))
                    .flat_map(|t| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
                    .filter(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_alphanumeric()))
                    .collect();
                let query: Vec<String> = picked.iter().map(|n| vocabulary[n % vocabulary.len()].clone()).collect();
                let plain = query.join(" ");
                let joined = with_joiner(&query, at, inside, joiner);
                prop_assert_eq!(ids(&plain), ids(&joined), "{} / {}", plain, joined);
            }
        }
    }

    #[test]
    fn typed_without_apostrophes_or_hyphens_finds_the_same() {
        for (plain, typed) in [
            ("wont send", "won't send"),
            ("wont send", "won’t send"),
            ("wifi", "wi-fi"),
            ("wifi", "Wi‐Fi"),
            ("cant message", "can't message"),
            ("not sending", "wont send"),
        ] {
            assert_eq!(ids(plain), ids(typed), "{plain} / {typed}");
            assert!(!ids(plain).is_empty(), "{plain}");
        }
    }

    #[test]
    fn all_words_must_match() {
        assert!(ids("vpn zzzzqqq").is_empty());
    }

    #[test]
    fn title_match_ranks_above_keyword_and_summary_match() {
        let found = ids("reinstall");
        assert_eq!(found.first(), Some(&"reinstall-app"));
    }

    #[test]
    fn entries_matched_by_title_and_keywords_come_before_summary_matches() {
        use crate::content::{examples, Effort};
        let mut title_and_summary = examples::fix("a", Effort::Quick);
        title_and_summary.title = "Alpha".into();
        title_and_summary.summary = "Beta.".into();
        let mut keywords = examples::fix("b", Effort::Quick);
        keywords.keywords = vec!["alpha beta".into()];
        let words = Words {
            content: crate::content::Content {
                fixes: vec![title_and_summary, keywords],
                ..Default::default()
            },
            ..shown().clone()
        };
        let found: Vec<_> = search(&words, "alpha beta")
            .iter()
            .map(|e| e.id())
            .collect();
        assert_eq!(found, ["b", "a"]);
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

    /// Natural queries in each language find what they ask about: the little words of
    /// that language are left out, not required to match.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn natural_queries_work_in_every_language() {
        let pack = |code: &'static str| {
            let path = format!("{}/target/packs/{code}.bin", env!("CARGO_MANIFEST_DIR"));
            Words::from_pack(code, &std::fs::read(path).unwrap()).unwrap()
        };
        for (code, query, expected) in [
            ("es", "mis mensajes no se envían", None),
            ("es", "no puedo enviar mensajes a mi amigo", None),
            (
                "es",
                "borrar la caché de tiktok",
                Some("clear-cache-android"),
            ),
            ("pt-BR", "minhas mensagens não enviam", None),
            (
                "pt-BR",
                "limpar o cache do tiktok",
                Some("clear-cache-android"),
            ),
            ("id", "pesan saya tidak terkirim", None),
            ("id", "hapus cache tiktok", Some("clear-cache-android")),
        ] {
            let words = pack(code);
            let found: Vec<&str> = search(&words, query).iter().map(|e| e.id()).collect();
            assert!(!found.is_empty(), "{code}: {query:?} finds nothing");
            if let Some(expected) = expected {
                assert!(found.contains(&expected), "{code}: {query:?}: {found:?}");
            }
        }
    }
}

//! Which fields of the content are words people read: the ones a language pack carries.
//!
//! The app core keeps the content's structure (ids, conditions, evidence, sources) with
//! every text emptied; a pack is the texts in the order [`Texts::each_text`] visits them.
//! `build.rs` uses the same walk to write packs and to check a translation has exactly
//! the English structure. Source titles stay in the core: they name English pages.
//! This file is also compiled into `build.rs`.

use super::model::*;

/// A value whose readable texts can be visited in a fixed order.
pub trait Texts {
    fn each_text(&mut self, visit: &mut dyn FnMut(&mut String));
}

impl Texts for String {
    fn each_text(&mut self, visit: &mut dyn FnMut(&mut String)) {
        visit(self)
    }
}

impl<T: Texts> Texts for Option<T> {
    fn each_text(&mut self, visit: &mut dyn FnMut(&mut String)) {
        if let Some(value) = self {
            value.each_text(visit)
        }
    }
}

impl<T: Texts> Texts for Vec<T> {
    fn each_text(&mut self, visit: &mut dyn FnMut(&mut String)) {
        for value in self {
            value.each_text(visit)
        }
    }
}

/// `texts!(Type: field, field, ...)`: the type's readable fields, in visiting order.
macro_rules! texts {
    ($($type:ty: $($field:ident),*;)*) => {$(
        impl Texts for $type {
            fn each_text(&mut self, visit: &mut dyn FnMut(&mut String)) {
                $(self.$field.each_text(visit);)*
            }
        }
    )*};
}

texts! {
    Content: symptoms, causes, fixes, install_guides, open_in_browser, questions, groups,
        verdicts, pages;
    Page: title, sections;
    Section: heading, paragraphs;
    Question: text, why, answers;
    Answer: label, said;
    GroupText: name;
    VerdictText: title, explanation, next_steps;
    InstallGuide: steps;
    Symptom: title, summary, detail;
    Cause: title, summary, explanation, signs, keywords, support_cant_change;
    Fix: title, summary, question, answers, instead, steps, warnings, prevention, keywords,
        links;
    CheckAnswer: label;
    Link: label;
    Step: text, samsung, xiaomi;
}

/// Takes every readable text out of `value` (leaving them empty), in visiting order.
pub fn take_texts<T: Texts>(value: &mut T) -> Vec<String> {
    let mut texts = Vec::new();
    value.each_text(&mut |text| texts.push(std::mem::take(text)));
    texts
}

/// Puts `texts` back in visiting order. False, leaving `value` partly filled, when the
/// count doesn't match its structure. For the tests only: the app fills the texts while
/// reading the structure (`decode::decode`), which gives the same order.
#[cfg(test)]
pub fn fill_texts<T: Texts>(value: &mut T, texts: Vec<String>) -> bool {
    let mut texts = texts.into_iter();
    let mut short = false;
    value.each_text(&mut |text| match texts.next() {
        Some(next) => *text = next,
        None => short = true,
    });
    !short && texts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;

    #[test]
    fn taking_and_filling_the_texts_gives_back_the_content() {
        let original = content().clone();
        let mut structure = original.clone();
        let texts = take_texts(&mut structure);
        assert!(texts.len() > 1000, "{} texts", texts.len());
        assert_ne!(structure, original);
        // Nothing readable is left in the structure...
        let mut left = structure.clone();
        assert!(take_texts(&mut left).iter().all(String::is_empty));
        // ...and ids, conditions and sources are.
        assert_eq!(structure.fixes[0].id, original.fixes[0].id);
        assert_eq!(structure.causes[0].sources, original.causes[0].sources);
        // And no field of readable text was forgotten by the walk: the structure's bytes
        // hold no passage (a run of text with spaces) other than source titles, which
        // stay in the core on purpose (they name English pages).
        let bytes = postcard::to_allocvec(&structure).unwrap();
        let titles: Vec<&str> = original
            .causes
            .iter()
            .flat_map(|c| &c.sources)
            .chain(original.fixes.iter().flat_map(|f| &f.sources))
            .map(|s| s.title.as_str())
            .collect();
        for run in String::from_utf8_lossy(&bytes).split(|c: char| c.is_control()) {
            let passage = run.split(' ').count() > 3;
            assert!(
                !passage || titles.iter().any(|t| run.contains(t)),
                "text left in the core, missing from the walk: {run:?}"
            );
        }
        assert!(fill_texts(&mut structure, texts.clone()));
        assert_eq!(structure, original);
        // A pack with one text too few or too many doesn't fit.
        let mut short = texts.clone();
        short.pop();
        assert!(!fill_texts(&mut original.clone(), short));
        let mut long = texts;
        long.push(String::new());
        assert!(!fill_texts(&mut original.clone(), long));
    }
}

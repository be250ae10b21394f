//! The guide's table of contents: every cause and fix grouped by the problem (symptom)
//! it belongs to, so a reader opens only their own problem's part instead of scrolling
//! through everything.
//!
//! An entry that belongs to several problems is listed under each of them (once per
//! section): a reader who opened "won't send" should see everything that applies to
//! it. No entry is left out: the validator proves every cause is listed by a symptom and
//! every fix by a cause, so no "Other" section is needed.

use super::model::Content;
use super::search::Entry;

/// One problem's part of the guide.
#[derive(Debug, Clone, PartialEq)]
pub struct Section<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The symptom's causes, most typical first.
    pub causes: Vec<Entry<'a>>,
    /// The fixes those causes lead to, in the order they first come up, with the last
    /// resorts (reporting the problem, "until you turn 16") at the end.
    pub fixes: Vec<Entry<'a>>,
}

/// The guide's sections, one per symptom, in the content's order.
pub fn sections(content: &Content) -> Vec<Section<'_>> {
    content
        .symptoms
        .iter()
        .map(|symptom| {
            let causes: Vec<_> = symptom
                .causes
                .iter()
                .filter_map(|id| content.cause(id))
                .collect();
            let mut fix_ids: Vec<&str> = Vec::new();
            for cause in &causes {
                for id in &cause.fixes {
                    if !fix_ids.contains(&id.as_str()) {
                        fix_ids.push(id);
                    }
                }
            }
            // A fix that every one of these causes lists last is what to do when all
            // else failed: it goes after the rest (a stable sort keeps both groups'
            // order).
            let last_resort = |id: &str| {
                causes
                    .iter()
                    .filter(|c| c.fixes.iter().any(|f| f == id))
                    .all(|c| c.fixes.last().is_some_and(|f| f == id))
            };
            crate::sort::sort_by(&mut fix_ids, |a, b| last_resort(a).cmp(&last_resort(b)));
            Section {
                id: &symptom.id,
                title: &symptom.title,
                causes: causes.into_iter().map(Entry::Cause).collect(),
                fixes: fix_ids
                    .into_iter()
                    .filter_map(|id| content.fix(id))
                    .map(Entry::Fix)
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;

    fn ids<'a>(entries: &[Entry<'a>]) -> Vec<&'a str> {
        entries.iter().map(Entry::id).collect()
    }

    #[test]
    fn one_section_per_symptom_with_its_causes_in_order() {
        let sections = sections(content());
        assert_eq!(sections.len(), content().symptoms.len());
        for (section, symptom) in sections.iter().zip(&content().symptoms) {
            assert_eq!(section.id, symptom.id);
            assert_eq!(section.title, symptom.title);
            assert_eq!(ids(&section.causes), symptom.causes);
        }
    }

    #[test]
    fn every_entry_is_in_some_section_and_at_most_once_per_section() {
        let sections = sections(content());
        let listed: Vec<&str> = sections
            .iter()
            .flat_map(|s| ids(&s.causes).into_iter().chain(ids(&s.fixes)))
            .collect();
        for cause in &content().causes {
            assert!(listed.contains(&cause.id.as_str()), "{}", cause.id);
        }
        for fix in &content().fixes {
            assert!(listed.contains(&fix.id.as_str()), "{}", fix.id);
        }
        for section in &sections {
            for list in [&section.causes, &section.fixes] {
                let ids = ids(list);
                for (n, id) in ids.iter().enumerate() {
                    assert!(!ids[n + 1..].contains(id), "{id} twice in {}", section.id);
                }
            }
        }
    }

    #[test]
    fn a_section_has_exactly_the_fixes_of_its_causes() {
        for section in sections(content()) {
            let mut wanted: Vec<&str> = section
                .causes
                .iter()
                .filter_map(|c| match c {
                    Entry::Cause(c) => Some(c),
                    Entry::Fix(_) => None,
                })
                .flat_map(|c| c.fixes.iter().map(String::as_str))
                .collect();
            wanted.sort_unstable();
            wanted.dedup();
            let mut got = ids(&section.fixes);
            got.sort_unstable();
            assert_eq!(got, wanted, "{}", section.id);
        }
    }

    #[test]
    fn fixes_come_in_the_order_they_first_come_up_with_last_resorts_at_the_end() {
        let sections = sections(content());
        let everyone = &sections[0];
        let fixes = ids(&everyone.fixes);
        assert_eq!(fixes.last(), Some(&"report-problem"), "{fixes:?}");
        // The most typical cause's first fix comes first.
        let first_cause = content().cause(&content().symptoms[0].causes[0]).unwrap();
        assert_eq!(fixes[0], first_cause.fixes[0]);
        let missing = sections
            .iter()
            .find(|s| s.id == "messaging-missing")
            .unwrap();
        let fixes = ids(&missing.fixes);
        let at = |id| fixes.iter().position(|f| *f == id).unwrap();
        assert!(
            at("messages-at-16") > at("check-account-status"),
            "{fixes:?}"
        );
        assert!(at("messages-at-16") >= fixes.len() - 2, "{fixes:?}");
    }
}

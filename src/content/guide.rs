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

/// Each symptom's section as (cause indices, fix indices) into the shipped content,
/// computed by `build.rs` with [`Content::guide_section`]: the app carries these small
/// lists instead of the grouping code.
const SECTIONS: &[(&[u8], &[u8])] = include!(concat!(env!("OUT_DIR"), "/guide_sections.rs"));

/// The guide's sections, one per symptom, in the content's order. `content` is the
/// shipped content, which the precomputed lists index.
pub fn sections(content: &Content) -> Vec<Section<'_>> {
    // One closure for both lists: one copy of the collecting code.
    let entries = |list: &[u8], fixes: bool| -> Vec<Entry<'_>> {
        list.iter()
            .map(|&n| {
                let n = usize::from(n);
                if fixes {
                    Entry::Fix(&content.fixes[n])
                } else {
                    Entry::Cause(&content.causes[n])
                }
            })
            .collect()
    };
    // A plain loop rather than a zip, map and collect: less wasm.
    let mut sections = Vec::new();
    for (symptom, (causes, fixes)) in content.symptoms.iter().zip(SECTIONS) {
        sections.push(Section {
            id: &symptom.id,
            title: &symptom.title,
            causes: entries(causes, false),
            fixes: entries(fixes, true),
        });
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::content;

    fn ids<'a>(entries: &[Entry<'a>]) -> Vec<&'a str> {
        entries.iter().map(Entry::id).collect()
    }

    #[test]
    fn the_precomputed_lists_are_the_grouping_of_the_shipped_content() {
        let wide = |list: &[u8]| list.iter().map(|&n| usize::from(n)).collect::<Vec<_>>();
        assert_eq!(SECTIONS.len(), content().symptoms.len());
        for (symptom, (causes, fixes)) in content().symptoms.iter().zip(SECTIONS) {
            assert_eq!(
                content().guide_section(symptom),
                (wide(causes), wide(fixes)),
                "{}",
                symptom.id
            );
        }
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

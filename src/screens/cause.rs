//! One cause: what it is, the signs, and the fixes to try in order.

use crate::content::search::Entry;
use crate::content::{content, ui};
use crate::screens::not_found::not_found;
use crate::widgets::entry_list::{entry_list, list_items};
use crate::widgets::markup::{each_text, element, fixed, labelled, main_heading, text_in};
use crate::widgets::{notes::cause_notes, sources::sources};
use yew::prelude::*;

/// A plain view function: the screen has no hooks, so it needs no component of its own.
pub fn cause_screen(id: &str) -> Html {
    let Some(cause) = content().cause(id) else {
        return not_found();
    };
    let mut fixes = cause
        .fixes
        .iter()
        .filter_map(|id| content().fix(id))
        .map(Entry::Fix);
    html! {
        { fixed("article", &[], html! { <>
            { text_in("p", "eyebrow", ui().entry_kind_cause) }
            { main_heading(&cause.title) }
            { text_in("p", "lead", &cause.summary) }
            { cause_notes(cause) }
            { if !cause.signs.is_empty() { labelled("signs", "signs-heading", ui().cause_signs_heading, element("ul", "", list_items(&cause.signs))) } else { Html::default() } }
            { text_in("h2", "", ui().cause_explanation_heading) }
            { each_text("p", "", &cause.explanation) }
            { text_in("h2", "", ui().cause_fixes_heading) }
            { entry_list(&mut fixes, true) }
            { sources(&cause.sources) }
        </> }) }
    }
}

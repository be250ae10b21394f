//! One fix: warnings first, then the steps for the user's phone.

use crate::content::search::Entry;
use crate::content::{content, ui};
use crate::screens::not_found::not_found;
use crate::state::PhoneChoice;
use crate::widgets::entry_list::entry_list;
use crate::widgets::markup::{filled, fixed, labelled, main_heading, text_in};
use crate::widgets::{fix_body::fix_body, sources::sources};
use yew::prelude::*;

/// A plain view function; the phone choice comes from [`super::render`]'s component.
pub fn fix_screen(id: &str, phone: &PhoneChoice) -> Html {
    let Some(fix) = content().fix(id) else {
        return not_found();
    };
    let mut helps_with = content().causes_fixed_by(&fix.id).map(Entry::Cause);
    html! {
        { fixed("article", &[], html! { <>
            { filled("p", "eyebrow", ui().fix_eyebrow, &[("effort", fix.effort.label())]) }
            { main_heading(&fix.title) }
            { text_in("p", "lead", &fix.summary) }
            { fix_body(fix, phone) }
            // A rule's explain step: what the person can do instead (as the check's ending says).
            { if let Some(instead) = &fix.instead { labelled("prevention", "instead-heading", ui().fix_instead_heading, text_in("p", "", instead)) } else { Html::default() } }
            { if let Some(prevention) = &fix.prevention { labelled("prevention", "prevention-heading", ui().fix_prevention_heading, text_in("p", "", prevention)) } else { Html::default() } }
            { text_in("h2", "", ui().fix_helps_with_heading) }
            { entry_list(&mut helps_with, false) }
            { sources(&fix.sources) }
        </> }) }
    }
}

//! One fix: warnings first, then the steps for the user's phone.

use crate::content::content;
use crate::content::search::Entry;
use crate::screens::not_found::not_found;
use crate::state::use_phone_choice;
use crate::widgets::entry_list::{entry_list, text};
use crate::widgets::{fix_body::fix_body, sources::sources};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FixProps {
    pub id: String,
}

#[component]
pub fn FixScreen(props: &FixProps) -> Html {
    let phone = use_phone_choice();
    let Some(fix) = content().fix(&props.id) else {
        return not_found();
    };
    let mut helps_with = content().causes_fixed_by(&fix.id).map(Entry::Cause);
    html! {
        <article>
            <p class="eyebrow">{ format!("Fix · {}", fix.effort.label()) }</p>
            <h1 tabindex="-1">{ text(&fix.title) }</h1>
            <p class="lead">{ text(&fix.summary) }</p>
            { fix_body(fix, &phone) }
            if let Some(prevention) = &fix.prevention {
                <section class="prevention" aria-labelledby="prevention-heading">
                    <h2 id="prevention-heading">{ "Next time" }</h2>
                    <p>{ text(prevention) }</p>
                </section>
            }
            <h2>{ "Helps with" }</h2>
            { entry_list(&mut helps_with, false) }
            { sources(&fix.sources) }
        </article>
    }
}

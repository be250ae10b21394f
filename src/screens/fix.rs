//! One fix: warnings first, then the steps for the user's phone.

use crate::content::content;
use crate::content::search::Entry;
use crate::screens::not_found::NotFound;
use crate::widgets::{entry_list::EntryList, fix_body::FixBody, sources::Sources};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FixProps {
    pub id: String,
}

#[component]
pub fn FixScreen(props: &FixProps) -> Html {
    let Some(fix) = content().fix(&props.id) else {
        return html! { <NotFound /> };
    };
    let helps_with: Vec<_> = content()
        .causes_fixed_by(&fix.id)
        .map(Entry::Cause)
        .collect();
    html! {
        <article>
            <p class="eyebrow">{ format!("Fix · {}", fix.effort.label()) }</p>
            <h1 tabindex="-1">{ &fix.title }</h1>
            <p class="lead">{ &fix.summary }</p>
            <FixBody {fix} />
            if let Some(prevention) = &fix.prevention {
                <section class="prevention" aria-labelledby="prevention-heading">
                    <h2 id="prevention-heading">{ "Next time" }</h2>
                    <p>{ prevention }</p>
                </section>
            }
            <h2>{ "Helps with" }</h2>
            <EntryList entries={helps_with} />
            <Sources sources={fix.sources.as_slice()} />
        </article>
    }
}

//! One fix: warnings first, then the steps for the user's phone.

use crate::app::use_app;
use crate::content::content;
use crate::content::search::Entry;
use crate::screens::not_found::NotFound;
use crate::widgets::{device_picker::DevicePicker, entry_list::EntryList, sources::Sources, steps::Steps};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FixProps {
    pub id: String,
}

#[component]
pub fn FixScreen(props: &FixProps) -> Html {
    let app = use_app();
    let Some(fix) = content().fix(&props.id) else {
        return html! { <NotFound /> };
    };
    let helps_with: Vec<_> = content().causes_fixed_by(&fix.id).map(Entry::Cause).collect();
    let per_device = fix.steps.iter().any(|s| s.differs_by_device());
    html! {
        <article>
            <p class="eyebrow">{ format!("Fix · {}", fix.effort.label()) }</p>
            <h1 tabindex="-1">{ &fix.title }</h1>
            <p class="lead">{ &fix.summary }</p>
            if !fix.warnings.is_empty() {
                <aside class="warning" aria-labelledby="warning-heading">
                    <h2 id="warning-heading">{ "Before you start" }</h2>
                    <ul>{ for fix.warnings.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </aside>
            }
            if per_device { <DevicePicker /> }
            <h2>{ "Steps" }</h2>
            <Steps steps={fix.steps.as_slice()} device={app.device} />
            if fix.menus_may_differ {
                <p class="hint">{ "TikTok moves its menus now and then, so names may differ a little in your app version." }</p>
            }
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

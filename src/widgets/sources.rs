//! Where the facts on a page come from, and how sure we are.

use crate::content::{Confidence, Source};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub sources: &'static [Source],
}

fn confidence_label(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::Official => "official",
        Confidence::Secondary => "press or blog",
        Confidence::Unverified => "not confirmed",
    }
}

#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    if props.sources.is_empty() {
        return html! {};
    }
    html! {
        <details class="sources">
            <summary>{ "Sources" }</summary>
            <ul>
                { for props.sources.iter().map(|source| html! {
                    <li>
                        if let Some(url) = &source.url {
                            <a href={url.clone()} rel="noreferrer" target="_blank">{ &source.title }</a>
                        } else {
                            { &source.title }
                        }
                        { format!(" ({})", confidence_label(source.confidence)) }
                    </li>
                }) }
            </ul>
        </details>
    }
}

//! Where the facts on a page come from, and how sure we are.

use super::entry_list::text;
use super::markup::{fixed, text_in};
use crate::content::{ui, Confidence, Source};
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// How sure we are, in brackets after a source's title.
fn confidence_label(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::Official => ui().sources_official,
        Confidence::Secondary => ui().sources_secondary,
        Confidence::Unverified => ui().sources_unverified,
    }
}

/// A plain view function, not a component: it has no state of its own, and each
/// component costs its own copy of Yew's lifecycle code in the wasm.
pub fn sources(sources: &'static [Source]) -> Html {
    if sources.is_empty() {
        return html! {};
    }
    html! {
        { fixed("details", &[("class", Static("sources"))], html! { <>
            { text_in("summary", "", ui().sources_heading) }
            { fixed("ul", &[], html! { <>
                { for sources.iter().map(|source| html! {
                    { fixed("li", &[], html! { <>
                        // Titles of English pages, named as they are: read in English.
                        { if let Some(url) = &source.url { html! {
                            <a href={url.as_str()} rel="noreferrer" target="_blank" lang="en">{ text(&source.title) }</a>
                        } } else { html! {
                            { fixed("span", &[("lang", Static("en"))], text(&source.title)) }
                        } } }
                        { text(" ") }{ text(confidence_label(source.confidence)) }
                    </> }) }
                }) }
            </> }) }
        </> }) }
    }
}

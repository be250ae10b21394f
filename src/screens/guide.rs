//! The guide: every cause and fix, searchable offline.

use crate::content::content;
use crate::content::search::{search, Entry};
use crate::routes::{search_query, search_text, Route};
use crate::widgets::entry_list::entry_list;
use crate::widgets::router::{use_location, use_navigator};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[component]
pub fn Guide() -> Html {
    let query = search_text(&use_location().query);
    let navigator = use_navigator();

    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        navigator.replace_with_query(&Route::Guide, &search_query(&input.value()));
    });
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());

    // Searched once per render: the results and the announced count both use it.
    let hits = (!query.trim().is_empty()).then(|| search(content(), &query));
    let count = hits
        .as_ref()
        .map(|h| result_count(h.len(), &query))
        .unwrap_or_default();
    let body = if let Some(hits) = hits {
        html! {
            <>
                if hits.is_empty() {
                    <p>{ "Try fewer or simpler words, such as \"cache\", \"VPN\" or \"blocked\"." }</p>
                    <p class="more">
                        { "Or let us find it with you: " }
                        <a href={Route::Home.href()}>{ "start a check from what you see" }</a>
                        { "." }
                    </p>
                } else {
                    { entry_list(&hits, false) }
                }
            </>
        }
    } else {
        let causes: Vec<_> = content().causes.iter().map(Entry::Cause).collect();
        let fixes: Vec<_> = content().fixes.iter().map(Entry::Fix).collect();
        html! {
            <>
                <h2>{ format!("Causes ({})", causes.len()) }</h2>
                { entry_list(&causes, false) }
                <h2>{ format!("Fixes ({})", fixes.len()) }</h2>
                { entry_list(&fixes, false) }
            </>
        }
    };

    html! {
        <>
            <h1 tabindex="-1">{ "Guide" }</h1>
            <p class="lead">{ "Every cause we know of and every fix, with the taps for your phone. Works offline." }</p>
            <form class="search" role="search" {onsubmit}>
                <label for="guide-search">{ "Search the guide" }</label>
                <input id="guide-search" type="search" value={query.clone()} {oninput}
                       placeholder="e.g. cache, VPN, blocked" autocomplete="off" enterkeyhint="search" />
            </form>
            // Only the count is announced; the list itself is not re-read on every key.
            <p class="result-count" role="status">{ count }</p>
            { body }
        </>
    }
}

fn result_count(count: usize, query: &str) -> String {
    match count {
        0 => format!("Nothing found for \"{query}\"."),
        1 => format!("1 result for \"{query}\""),
        n => format!("{n} results for \"{query}\""),
    }
}

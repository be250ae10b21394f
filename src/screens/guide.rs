//! The guide: every cause and fix, searchable offline. Grouped by problem in sections
//! that fold, so the first screen is the whole table of contents; a search shows one
//! flat list of results, best first.

use crate::content::content;
use crate::content::guide::{sections, Section};
use crate::content::search::search;
use crate::routes::{search_query, search_text, Location, Route};
use crate::widgets::entry_list::{entry_list, text};
use crate::widgets::router::Navigator;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// A plain view function of the app's screen component (see [`super::render`]).
pub fn guide(location: &Location, navigator: &Navigator) -> Html {
    let query = search_text(&location.query);

    let oninput = Callback::from({
        let navigator = navigator.clone();
        move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            navigator.replace_with_query(&Route::Guide, &search_query(&input.value()));
        }
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
                    { entry_list(&mut hits.iter().copied(), false) }
                }
            </>
        }
    } else {
        let open = opened(&location.query);
        let sections = sections(content());
        html! { <>{ for sections.iter().map(|s| section(s, open, navigator)) }</> }
    };

    html! {
        <>
            <h1 tabindex="-1">{ "Guide" }</h1>
            <p class="lead">{ "Every cause and fix, by problem." }</p>
            <form class="search" role="search" {onsubmit}>
                <label for="guide-search">{ "Search the guide" }</label>
                <input id="guide-search" type="search" value={query} {oninput}
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

/// The section the reader opened last, from the address ("?open=inbox-wont-load"), so
/// Back from an entry returns to it open.
fn opened(query: &str) -> Option<&str> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("open="))
}

/// One problem's causes and fixes, closed until the reader opens it; the count says how
/// much is inside. The open section is kept in the address, one at a time: opening
/// another closes it, so the page stays one problem long.
fn section(section: &Section<'static>, open: Option<&str>, navigator: &Navigator) -> Html {
    let id = section.id;
    let is_open = open == Some(id);
    let ontoggle = {
        let navigator = navigator.clone();
        Callback::from(move |event: Event| {
            let now_open = event
                .target_unchecked_into::<Element>()
                .has_attribute("open");
            if now_open && !is_open {
                navigator.replace_with_query(&Route::Guide, &format!("open={id}"));
            } else if !now_open && is_open {
                navigator.replace(&Route::Guide);
            }
        })
    };
    html! {
        <details class="guide-section" key={id} open={is_open} {ontoggle}>
            <summary>
                <span class="card-title">{ text(section.title) }</span>
                <span class="card-meta">
                    { format!("{} causes · {} fixes", section.causes.len(), section.fixes.len()) }
                </span>
            </summary>
            <h2>{ "Why it happens" }</h2>
            { entry_list(&mut section.causes.iter().copied(), false) }
            <h2>{ "What to try" }</h2>
            { entry_list(&mut section.fixes.iter().copied(), false) }
        </details>
    }
}

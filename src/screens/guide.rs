//! The guide: every cause and fix, searchable offline. Grouped by problem in sections
//! that fold, so the first screen is the whole table of contents; a search shows one
//! flat list of results, best first.

use super::counted;
use crate::content::guide::{sections, Section};
use crate::content::search::search;
use crate::content::{content, fill, ui};
use crate::routes::{search_query, search_text, Location, Route};
use crate::widgets::entry_list::{entry_list, text};
use crate::widgets::markup::{element, fixed, link, main_heading, owned, text_in};
use crate::widgets::router::Navigator;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

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
    let hits = (!query.trim().is_empty()).then(|| search(crate::content::words(), &query));
    let count = hits
        .as_ref()
        .map(|h| result_count(h.len(), &query))
        .unwrap_or_default();
    let body = if let Some(hits) = hits {
        // One sentence around the link, so the link can sit where the language puts it.
        let (before_link, after_link) =
            crate::content::ui::around(ui().guide_no_results_check, "link")
                .unwrap_or((ui().guide_no_results_check, ""));
        if hits.is_empty() {
            html! {
                <>
                    { text_in("p", "", ui().guide_no_results_tip) }
                    { fixed("p", &[("class", Static("more"))], html! { <>
                        { text(before_link) }
                        { link(Route::Home.href(), "", ui().guide_no_results_link) }
                        { text(after_link) }
                    </> }) }
                </>
            }
        } else {
            entry_list(&mut hits.iter().copied(), false)
        }
    } else {
        let open = opened(&location.query);
        let sections = sections(content());
        html! { <>{ for sections.iter().map(|s| section(s, open, navigator)) }</> }
    };

    html! {
        <>
            { main_heading(ui().guide_heading) }
            { text_in("p", "lead", ui().guide_lead) }
            <form class="search" role="search" {onsubmit}>
                { fixed("label", &[("for", Static("guide-search"))], text(ui().guide_search_label)) }
                <input id="guide-search" type="search" value={query} {oninput}
                       placeholder={ui().guide_search_placeholder} autocomplete="off" enterkeyhint="search" />
            </form>
            // Only the count is announced; the list itself is not re-read on every key.
            { fixed("p", &[("role", Static("status")), ("class", Static("result-count"))], owned(count)) }
            { body }
        </>
    }
}

fn result_count(count: usize, query: &str) -> String {
    let ui = ui();
    let template = match count {
        0 => ui.guide_results_none,
        1 => ui.guide_results_one,
        _ => ui.guide_results_other,
    };
    fill(template, &[("count", &count.to_string()), ("query", query)])
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
    let ui = ui();
    // "16 causes · 29 fixes": two counts, each with its own plural.
    let counts = format!(
        "{} · {}",
        counted(
            section.causes.len(),
            ui.guide_causes_one,
            ui.guide_causes_other
        ),
        counted(
            section.fixes.len(),
            ui.guide_fixes_one,
            ui.guide_fixes_other
        )
    );
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
            { fixed("summary", &[], html! { <>
                { text_in("span", "card-title", section.title) }
                { element("span", "card-meta", owned(counts)) }
            </> }) }
            { text_in("h2", "", ui.guide_causes_heading) }
            { entry_list(&mut section.causes.iter().copied(), false) }
            { text_in("h2", "", ui.guide_fixes_heading) }
            { entry_list(&mut section.fixes.iter().copied(), false) }
        </details>
    }
}

//! Lists of guide entries as large tappable cards.

use crate::content::search::Entry;
use crate::routes::Route;
use yew::prelude::*;

/// The cards, numbered when the order matters (causes by likelihood, fixes to try in
/// turn). A plain view function: no state of its own, and no per-component cost in the
/// wasm. It takes the entries as they come (one copy of this code for every kind of
/// list, and no list to collect first).
pub fn entry_list(entries: &mut dyn Iterator<Item = Entry<'static>>, ordered: bool) -> Html {
    let items = entries.map(|entry| {
        let (route, kind, badge) = match entry {
            Entry::Cause(c) => (Route::Cause { id: c.id.clone() }, "Cause", None),
            Entry::Fix(f) => (
                Route::Fix { id: f.id.clone() },
                "Fix",
                Some(f.effort.label()),
            ),
        };
        // The address is the key: unique in a list, even where a cause and a fix share
        // an id.
        let href = route.href();
        html! {
            <li key={href.clone()}>
                <a {href} class="card">
                    <span class="card-title">{ entry.title() }</span>
                    <span class="card-summary">{ entry.summary() }</span>
                    <span class="card-meta">
                        <span class="kind">{ kind }</span>
                        if let Some(badge) = badge { <span class="effort">{ badge }</span> }
                    </span>
                </a>
            </li>
        }
    });
    if ordered {
        html! { <ol class="cards">{ for items }</ol> }
    } else {
        html! { <ul class="cards">{ for items }</ul> }
    }
}

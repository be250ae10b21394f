//! Lists of guide entries as large tappable cards.

use super::markup::{element, fixed, item, text_in};
use crate::content::search::Entry;
use crate::content::ui;
use crate::routes::Route;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// The cards, numbered when the order matters (causes by likelihood, fixes to try in
/// turn). A plain view function: no state of its own, and no per-component cost in the
/// wasm. It takes the entries as they come (one copy of this code for every kind of
/// list, and no list to collect first).
pub fn entry_list(entries: &mut dyn Iterator<Item = Entry<'static>>, ordered: bool) -> Html {
    let items = entries.map(|entry| {
        let (route, kind, badge) = match entry {
            Entry::Cause(c) => (
                Route::Cause { id: c.id.clone() },
                ui().entry_kind_cause,
                None,
            ),
            Entry::Fix(f) => (
                Route::Fix { id: f.id.clone() },
                ui().entry_kind_fix,
                Some(f.effort.label()),
            ),
        };
        // The address is the key: unique in a list, even where a cause and a fix share
        // an id.
        let href = route.href();
        let meta = html! {
            { fixed("span", &[("class", Static("card-meta"))], html! { <>
                { text_in("span", "kind", kind) }
                { if let Some(badge) = badge { text_in("span", "effort", badge) } else { Html::default() } }
            </> }) }
        };
        item(
            href.clone().into(),
            &[],
            card(href, "card", entry.title(), entry.summary().into(), meta),
        )
    });
    if ordered {
        fixed(
            "ol",
            &[("class", Static("cards"))],
            html! { <>{ for items }</> },
        )
    } else {
        fixed(
            "ul",
            &[("class", Static("cards"))],
            html! { <>{ for items }</> },
        )
    }
}

/// One large tappable card: a title, a line under it and `meta` (what kind of entry, or
/// nothing). Shared by the guide's lists and home, so the markup is built in one place.
pub fn card(
    href: String,
    class: &'static str,
    title: &'static str,
    summary: AttrValue,
    meta: Html,
) -> Html {
    super::markup::tag(
        "a",
        &["href", "class"],
        vec![super::markup::attribute(href), super::markup::class(class)],
        None,
        html! {
            <>
                { element("span", "card-title", self::text(title)) }
                { fixed("span", &[("class", Static("card-summary"))], Html::VText(yew::virtual_dom::VText::new(summary))) }
                { meta }
            </>
        },
    )
}

/// Each text as an item of a list (`<li>`), for the `<ul>` or `<ol>` around them.
pub fn list_items(texts: &'static [String]) -> Html {
    super::markup::each_text("li", "", texts)
}

/// A text of the content as a text node. The content lives for the whole run, so the
/// text is used as it is, not copied (as `{ &string }` in `html!` would).
pub fn text(text: &'static str) -> Html {
    Html::VText(yew::virtual_dom::VText::new(text))
}

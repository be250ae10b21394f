//! Plain elements built by shared functions: each `html!` element is its own inlined
//! expansion in the wasm, and these few shapes (a paragraph, a list item, a screen's
//! heading, each with one child) are used dozens of times.

use std::rc::Rc;
use yew::virtual_dom::{Key, VList, VText};
use yew::{Callback, Html, MouseEvent};

/// Nodes side by side, with no element around them: `html!` copies each `{ child }`
/// into a list of its own before joining them, at every place it is used. `key` as a
/// keyed fragment's (`<><key=..>`): one kind of screen is built afresh, not patched,
/// when another replaces it.
#[inline(never)]
pub fn nodes(key: Option<Key>, children: Vec<Html>) -> Html {
    Html::VList(Rc::new(VList::with_children(children, key)))
}

/// `<tag class="class">child</tag>`; no class attribute when `class` is empty.
#[inline(never)]
pub fn element(tag: &'static str, class: &'static str, child: Html) -> Html {
    // An empty class gives no attribute (Yew's empty class set is none).
    yew::html! { <@{tag} {class}>{ child }</@> }
}

/// Each text of the content as its own `<tag class="class">`: list items, paragraphs.
#[inline(never)]
pub fn each_text(tag: &'static str, class: &'static str, texts: &'static [String]) -> Html {
    texts
        .iter()
        .map(|item| element(tag, class, super::entry_list::text(item)))
        .collect()
}

/// `<tag class="class">` around `template` filled with `values` (see `content::fill`).
#[inline(never)]
pub fn filled(
    tag: &'static str,
    class: &'static str,
    template: &str,
    values: &[(&str, &str)],
) -> Html {
    element(tag, class, owned(crate::content::fill(template, values)))
}

/// A screen's main heading, focusable from script (focus moves to it on arrival).
#[inline(never)]
pub fn main_heading(text: &'static str) -> Html {
    yew::html! { <h1 tabindex="-1">{ super::entry_list::text(text) }</h1> }
}

/// A text made at run time as a text node (taken, not copied).
#[inline(never)]
pub fn owned(text: String) -> Html {
    Html::VText(VText::new(text))
}

/// A section's heading, with the id its section is labelled by (`aria-labelledby`).
#[inline(never)]
pub fn section_heading(id: &'static str, text: &'static str) -> Html {
    yew::html! { <h2 {id}>{ super::entry_list::text(text) }</h2> }
}

/// A button (never a form's submit) with its class and what a tap does.
#[inline(never)]
pub fn button(class: &'static str, onclick: Callback<MouseEvent>, child: Html) -> Html {
    yew::html! { <button type="button" {class} {onclick}>{ child }</button> }
}

/// A link within the app (`href` from [`crate::routes::Route::href`]); no class
/// attribute when `class` is empty.
#[inline(never)]
pub fn link(href: String, class: &'static str, text: &'static str) -> Html {
    yew::html! { <a {href} {class}>{ super::entry_list::text(text) }</a> }
}

/// `<tag class="class" aria-labelledby="id">` whose first child is its heading
/// ([`section_heading`] with `id`), then `body`; no class attribute when `class` is empty.
#[inline(never)]
pub fn labelled(class: &'static str, id: &'static str, heading: &'static str, body: Html) -> Html {
    yew::html! {
        <section {class} aria-labelledby={id}>{ section_heading(id, heading) }{ body }</section>
    }
}

/// `<tag class="class">` around a text of the content (see [`element`]): one call
/// where most elements hold a single text.
#[inline(never)]
pub fn text_in(tag: &'static str, class: &'static str, text: &'static str) -> Html {
    element(tag, class, super::entry_list::text(text))
}

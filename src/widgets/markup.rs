//! Plain elements built by shared functions: each `html!` element is its own inlined
//! expansion in the wasm, and these few shapes (a paragraph, a list item, a screen's
//! heading, each with one child) are used dozens of times.

use std::rc::Rc;
use yew::html::onclick;
use yew::virtual_dom::{
    AttrValue, AttributeOrProperty, Attributes, Key, Listeners, VList, VTag, VText,
};
use yew::{Callback, Html, MouseEvent, NodeRef};

/// `<tag>` with the attributes `keys` and their `values` (see [`attribute`], [`class`]:
/// the class comes last, as `html!` puts it), what a tap does, and `child`. Built here
/// rather than by `html!`, whose `class={..}` goes through Yew's `Classes` (a hashed
/// set): with no such class left in the app, none of that code is in the wasm.
#[inline(never)]
pub fn tag(
    tag: &'static str,
    keys: &'static [&'static str],
    values: Vec<Option<AttributeOrProperty>>,
    onclick: Option<Callback<MouseEvent>>,
    child: Html,
) -> Html {
    let listeners = match onclick {
        Some(onclick) => {
            Listeners::Pending(Box::new([Some(Rc::new(onclick::Wrapper::new(onclick)))]))
        }
        None => Listeners::None,
    };
    // The constructor `html!` itself builds its elements with.
    VTag::__new_other(
        AttrValue::Static(tag),
        NodeRef::default(),
        None,
        Attributes::Dynamic {
            keys,
            values: values.into_boxed_slice(),
        },
        listeners,
        in_list(child),
    )
    .into()
}

/// `<tag>` with the fixed `attributes` (as `html!` writes literal ones) around `child`.
#[inline(never)]
pub fn fixed(
    tag: &'static str,
    attributes: &'static [(&'static str, AttributeOrProperty)],
    child: Html,
) -> Html {
    VTag::__new_other(
        AttrValue::Static(tag),
        NodeRef::default(),
        None,
        Attributes::Static(attributes),
        Listeners::None,
        in_list(child),
    )
    .into()
}

/// A list item (`<li>`) keyed by `key` among its siblings, with the fixed `attributes`,
/// around `child` (see [`fixed`]).
#[inline(never)]
pub fn item(
    key: Key,
    attributes: &'static [(&'static str, AttributeOrProperty)],
    child: Html,
) -> Html {
    VTag::__new_other(
        AttrValue::Static("li"),
        NodeRef::default(),
        Some(key),
        Attributes::Static(attributes),
        Listeners::None,
        in_list(child),
    )
    .into()
}

/// An element's children as `html!` holds them, in a list of their own: a keyed list
/// among them (a screen's) is then compared by its key, and built afresh when it changes.
fn in_list(child: Html) -> Html {
    Html::VList(Rc::new(VList::with_children(vec![child], None)))
}

/// An attribute's value for [`tag`].
pub fn attribute(value: impl Into<AttrValue>) -> Option<AttributeOrProperty> {
    Some(AttributeOrProperty::Attribute(value.into()))
}

/// A class for [`tag`]: no attribute when empty.
#[inline(never)]
pub fn class(class: &'static str) -> Option<AttributeOrProperty> {
    (!class.is_empty()).then(|| AttributeOrProperty::Attribute(AttrValue::Static(class)))
}

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
    self::tag(tag, &["class"], vec![self::class(class)], None, child)
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
    fixed(
        "h1",
        &[("tabindex", AttributeOrProperty::Static("-1"))],
        super::entry_list::text(text),
    )
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
    tag(
        "button",
        &["type", "class"],
        vec![attribute("button"), self::class(class)],
        Some(onclick),
        child,
    )
}

/// A link within the app (`href` from [`crate::routes::Route::href`]); no class
/// attribute when `class` is empty.
#[inline(never)]
pub fn link(href: String, class: &'static str, text: &'static str) -> Html {
    tag(
        "a",
        &["href", "class"],
        vec![attribute(href), self::class(class)],
        None,
        super::entry_list::text(text),
    )
}

/// `<tag class="class" aria-labelledby="id">` whose first child is its heading
/// ([`section_heading`] with `id`), then `body`; no class attribute when `class` is empty.
#[inline(never)]
pub fn labelled(class: &'static str, id: &'static str, heading: &'static str, body: Html) -> Html {
    tag(
        "section",
        &["aria-labelledby", "class"],
        vec![attribute(id), self::class(class)],
        None,
        nodes(None, vec![section_heading(id, heading), body]),
    )
}

/// `<tag class="class">` around a text of the content (see [`element`]): one call
/// where most elements hold a single text.
#[inline(never)]
pub fn text_in(tag: &'static str, class: &'static str, text: &'static str) -> Html {
    element(tag, class, super::entry_list::text(text))
}

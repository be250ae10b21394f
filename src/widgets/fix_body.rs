//! The working part of a fix, shared by the guide and the plan runner: a short warning
//! first, then the steps for the user's phone (under a one-line phone choice once the
//! phone is known, so the steps are in view), one-tap buttons
//! to outside pages (the Play Store listing, TikTok on the web), and a gentle note when
//! menus may have moved or no official source confirms the steps.

use super::entry_list::{list_items, text};
use super::markup::section_heading;
use super::markup::{element, fixed, text_in};
use crate::content::{ui, Fix};
use crate::state::PhoneChoice;
use crate::widgets::device_picker::device_picker;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// A plain view function (no state of its own, no per-component cost in the wasm).
pub fn fix_body(fix: &'static Fix, phone: &PhoneChoice) -> Html {
    let per_device = fix.steps.iter().any(|s| s.differs_by_device());
    let ui = ui();
    html! {
        <>
            { if !fix.warnings.is_empty() { html! {
                { fixed("aside", &[("aria-labelledby", Static("warning-heading")), ("class", Static("warning"))], html! { <>
                    { section_heading("warning-heading", ui.fix_body_warnings) }
                    { element("ul", "", list_items(&fix.warnings)) }
                </> }) }
            } } else { Html::default() } }
            { text_in("h2", "", ui.fix_body_steps) }
            { if per_device { device_picker(phone) } else { Html::default() } }
            { fixed("ol", &[("class", Static("steps"))], html! { <>
                { for fix.steps.iter().map(|step| text_in("li", "", step.for_device(phone.family))) }
            </> }) }
            { if !fix.links.is_empty() { html! {
                { fixed("p", &[("class", Static("actions"))], html! { <>
                    // A new tab: the check stays where it is in this one.
                    { for fix.links.iter().map(|link| html! {
                        <a class="button" href={link.url.as_str()} target="_blank" rel="noopener noreferrer">
                            { text(&link.label) }
                            { text_in("span", "visually-hidden", ui.fix_body_new_tab) }
                        </a>
                    }) }
                </> }) }
            } } else { Html::default() } }
            { super::notes::hedge_note(fix.hedge()) }
        </>
    }
}

//! "Which phone do you have?": asked once, in one tap, before the first step whose taps
//! differ by phone, when the browser didn't reveal the brand. "Other Android" gets the
//! stock Android steps, which most other brands follow closely.

use super::entry_list::text;
use super::markup::{button, fixed, text_in};
use crate::content::{ui, DeviceFamily};
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// A plain view function (no state of its own, no per-component cost in the wasm).
pub fn phone_question(on_choose: &Callback<DeviceFamily>) -> Html {
    let ui = ui();
    // The answers, as people name their phones.
    let answers = [
        ("Samsung", DeviceFamily::Samsung),
        (ui.phone_question_xiaomi, DeviceFamily::Xiaomi),
        ("Google Pixel", DeviceFamily::Stock),
        (ui.phone_question_other, DeviceFamily::Stock),
    ];
    let buttons = answers.into_iter().map(|(label, family)| {
        let on_choose = on_choose.clone();
        button(
            "answer",
            Callback::from(move |_: MouseEvent| on_choose.emit(family)),
            text(label),
        )
    });
    html! {
        { fixed("fieldset", &[("class", Static("phone-question"))], html! { <>
            { text_in("legend", "", ui.phone_question) }
            { text_in("p", "hint", ui.phone_question_hint) }
            { fixed("div", &[("class", Static("answers"))], html! { <>{ for buttons }</> }) }
        </> }) }
    }
}

//! "Which phone do you have?": asked once, in one tap, before the first step whose taps
//! differ by phone, when the browser didn't reveal the brand. "Other Android" gets the
//! stock Android steps, which most other brands follow closely.

use crate::content::DeviceFamily;
use yew::prelude::*;

/// The answers, as people name their phones.
const ANSWERS: [(&str, DeviceFamily); 4] = [
    ("Samsung", DeviceFamily::Samsung),
    ("Xiaomi, Redmi or POCO", DeviceFamily::Xiaomi),
    ("Google Pixel", DeviceFamily::Stock),
    ("Other Android phone", DeviceFamily::Stock),
];

/// A plain view function (no state of its own, no per-component cost in the wasm).
pub fn phone_question(on_choose: &Callback<DeviceFamily>) -> Html {
    let buttons = ANSWERS.iter().map(|(label, family)| {
        let on_choose = on_choose.clone();
        let family = *family;
        html! {
            <button type="button" class="answer" onclick={Callback::from(move |_: MouseEvent| on_choose.emit(family))}>
                { *label }
            </button>
        }
    });
    html! {
        <fieldset class="phone-question">
            <legend>{ "Which phone do you have?" }</legend>
            <p class="hint">{ "The taps for this step differ by phone. We'll remember your answer." }</p>
            <div class="answers">{ for buttons }</div>
        </fieldset>
    }
}

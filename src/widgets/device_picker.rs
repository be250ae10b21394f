//! Lets the user say which phone they have; steps change to match.

use crate::content::DeviceFamily;
use crate::state::{DeviceSource, PhoneChoice};
use yew::prelude::*;

/// A plain view function (no state of its own, no per-component cost in the wasm).
/// Until the phone is known, the whole choice shows; once it is (chosen, or guessed from
/// the browser), it folds to one line, "Steps for Samsung · Change", so the steps stay in
/// view. The fold is a `<details>`: it needs no state and works with the keyboard.
pub fn device_picker(phone: &PhoneChoice) -> Html {
    let options = DeviceFamily::ALL.into_iter().map(|family| {
        let on_choose = phone.on_choose.clone();
        let onchange = Callback::from(move |_: Event| on_choose.emit(family));
        html! {
            <label class="choice">
                <input type="radio" name="device" value={family.key()}
                       checked={phone.family == family} {onchange} />
                <span>{ family.label() }</span>
            </label>
        }
    });
    let picker = html! {
        <fieldset class="device-picker">
            <legend>{ "Your phone" }</legend>
            { for options }
            if phone.source == DeviceSource::Guessed {
                <p class="hint">{ "We guessed this from your browser. Change it if it's wrong." }</p>
            }
            if phone.source == DeviceSource::Default {
                <p class="hint">{ "Other Android phones: pick the closest one; menus are often similar." }</p>
            }
        </fieldset>
    };
    if phone.source == DeviceSource::Default {
        return picker;
    }
    html! {
        <details class="phone-line">
            <summary>
                { "Steps for " }<strong>{ phone.family.label() }</strong>
                <span class="change" aria-hidden="true">{ "Change" }</span>
                <span class="visually-hidden">{ " (change your phone)" }</span>
            </summary>
            { picker }
        </details>
    }
}

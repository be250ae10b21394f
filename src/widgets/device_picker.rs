//! Lets the user say which phone they have; steps change to match.

use super::entry_list::text;
use super::markup::{fixed, text_in};
use crate::content::{ui, DeviceFamily};
use crate::diagnosis::report::phone_name;
use crate::state::{DeviceSource, PhoneChoice};
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// A plain view function (no state of its own, no per-component cost in the wasm).
/// Until the phone is known, the whole choice shows; once it is (chosen, or guessed from
/// the browser), it folds to one line, "Steps for Samsung · Change", so the steps stay in
/// view. The fold is a `<details>`: it needs no state and works with the keyboard.
pub fn device_picker(phone: &PhoneChoice) -> Html {
    let ui = ui();
    let options = DeviceFamily::ALL.into_iter().map(|family| {
        let on_choose = phone.on_choose.clone();
        let onchange = Callback::from(move |_: Event| on_choose.emit(family));
        html! {
            { fixed("label", &[("class", Static("choice"))], html! { <>
                <input type="radio" name="device" value={family.key()}
                       checked={phone.family == family} {onchange} />
                { text_in("span", "", phone_name(ui, family)) }
            </> }) }
        }
    });
    let picker = html! {
        { fixed("fieldset", &[("class", Static("device-picker"))], html! { <>
            { text_in("legend", "", ui.phone_picker_legend) }
            { for options }
            { match phone.source {
                DeviceSource::Guessed => text_in("p", "hint", ui.phone_picker_guessed),
                DeviceSource::Default => text_in("p", "hint", ui.phone_picker_other_hint),
                DeviceSource::Chosen => Html::default(),
            } }
        </> }) }
    };
    if phone.source == DeviceSource::Default {
        return picker;
    }
    // The phone in bold, wherever the language puts it in the sentence.
    let (before, after) =
        crate::content::ui::around(ui.phone_picker_steps_for, "phone").unwrap_or_default();
    html! {
        { fixed("details", &[("class", Static("phone-line"))], html! { <>
            { fixed("summary", &[], html! { <>
                { text(before) }{ text_in("strong", "", phone_name(ui, phone.family)) }{ text(after) }
                { fixed("span", &[("aria-hidden", Static("true")), ("class", Static("change"))], text(ui.phone_picker_change)) }
                { text_in("span", "visually-hidden", ui.phone_picker_change_label) }
            </> }) }
            { picker }
        </> }) }
    }
}

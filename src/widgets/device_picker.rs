//! Lets the user say which phone they have; steps change to match.

use crate::content::DeviceFamily;
use crate::state::DeviceSource;
use crate::state::{choose_device, use_app};
use yew::prelude::*;

#[component]
pub fn DevicePicker() -> Html {
    let app = use_app();
    let options = DeviceFamily::ALL.into_iter().map(|family| {
        let onchange = {
            let app = app.clone();
            Callback::from(move |_: Event| choose_device(&app, family))
        };
        html! {
            <label class="choice">
                <input type="radio" name="device" value={family.key()}
                       checked={app.device == family} {onchange} />
                <span>{ family.label() }</span>
            </label>
        }
    });
    html! {
        <fieldset class="device-picker">
            <legend>{ "Your phone" }</legend>
            { for options }
            if app.device_source == DeviceSource::Guessed {
                <p class="hint">{ "We guessed this from your browser. Change it if it's wrong." }</p>
            }
            if app.device_source == DeviceSource::Default {
                <p class="hint">{ "Other Android phones: pick the closest one; menus are often similar." }</p>
            }
        </fieldset>
    }
}

//! The working part of a fix, shared by the guide and the plan runner: warnings first,
//! the phone picker where taps differ, the steps for the user's phone, and a gentle
//! note when TikTok's menus may have moved.

use crate::content::Fix;
use crate::state::use_app;
use crate::widgets::device_picker::DevicePicker;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FixBodyProps {
    pub fix: &'static Fix,
}

#[component]
pub fn FixBody(props: &FixBodyProps) -> Html {
    let app = use_app();
    let fix = props.fix;
    let per_device = fix.steps.iter().any(|s| s.differs_by_device());
    html! {
        <>
            if !fix.warnings.is_empty() {
                <aside class="warning" aria-labelledby="warning-heading">
                    <h2 id="warning-heading">{ "Before you start" }</h2>
                    <ul>{ for fix.warnings.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </aside>
            }
            if per_device { <DevicePicker /> }
            <h2>{ "Steps" }</h2>
            <ol class="steps">
                { for fix.steps.iter().map(|step| html! { <li>{ step.for_device(app.device) }</li> }) }
            </ol>
            if fix.menus_may_differ {
                <p class="hint">{ "TikTok moves its menus now and then, so names may differ a little in your app version." }</p>
            }
        </>
    }
}

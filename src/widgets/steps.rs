//! A fix's steps as they read on the user's phone family.

use crate::content::{DeviceFamily, Step};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepsProps {
    pub steps: &'static [Step],
    pub device: DeviceFamily,
}

#[component]
pub fn Steps(props: &StepsProps) -> Html {
    html! {
        <ol class="steps">
            { for props.steps.iter().map(|step| html! { <li>{ step.for_device(props.device) }</li> }) }
        </ol>
    }
}

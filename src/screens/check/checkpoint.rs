//! Between two parts of the plan: still not working? The report for TikTok now, or more
//! things to try. Short parts keep the plan followable; the report is always in reach.

use super::{use_back, CheckNav};
use crate::diagnosis::check::Check;
use crate::platform::now;
use crate::state::{use_app, Action};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckpointProps {
    pub check: Check,
    /// The first step of the next part.
    pub next: usize,
}

#[component]
pub fn CheckpointView(props: &CheckpointProps) -> Html {
    let app = use_app();
    let back = use_back();
    let report = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ReportNow { now: now() }))
    };
    let more = Callback::from(move |_: MouseEvent| app.dispatch(Action::MoreSteps { now: now() }));
    let left = props.check.plan.len().saturating_sub(props.next);
    html! {
        <div class="checkpoint">
            <p class="eyebrow">{ format!("{} steps tried", props.next) }</p>
            <h1 tabindex="-1">{ "Still not working?" }</h1>
            <p class="lead">{ "You can send TikTok a report now. It tells them what you already tried. Or try a few more things first." }</p>
            <div class="actions">
                <button type="button" class="button primary" onclick={report}>{ "Get the report for TikTok" }</button>
                <button type="button" class="button" onclick={more}>{ format!("More things to try ({left})") }</button>
            </div>
            <CheckNav on_back={Some(back)} />
        </div>
    }
}

//! One fix at a time, with the taps for the user's phone and "Did this fix it?".

use super::{use_back, CheckNav};
use crate::content::content;
use crate::diagnosis::check::{Check, StepResult};
use crate::diagnosis::engine::REPORT_FIX;
use crate::hooks::use_focus_heading_on_change;
use crate::platform::now;
use crate::state::{use_app, use_phone_choice, Action, DeviceSource};
use crate::widgets::{
    fix_body::fix_body, notes::support_notes, phone_question::phone_question, report_box::ReportBox,
};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepProps {
    pub check: Check,
    pub step: usize,
}

#[component]
pub fn StepView(props: &StepProps) -> Html {
    let app = use_app();
    let phone = use_phone_choice();
    let back = use_back();
    use_focus_heading_on_change(props.step);
    let Some(fix) = props
        .check
        .plan
        .get(props.step)
        .and_then(|id| content().fix(id))
    else {
        return html! { <h1 tabindex="-1">{ "This step is no longer available" }</h1> };
    };
    let total = props.check.plan.len();
    let number = props.step + 1;
    let answer = |result: StepResult| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Record { result, now: now() }))
    };
    let is_report = fix.id == REPORT_FIX;
    // The first step whose taps differ by phone asks for the phone once, unless the
    // browser told us or the user already said.
    let ask_phone =
        phone.source == DeviceSource::Default && fix.steps.iter().any(|s| s.differs_by_device());

    html! {
        <div class="plan-step">
            <p class="eyebrow" id="progress-label">{ format!("Fix {number} of {total} · {}", fix.effort.label()) }</p>
            <progress max={total.to_string()} value={number.to_string()} aria-labelledby="progress-label" />
            <h1 tabindex="-1">{ &fix.title }</h1>
            <p class="lead">{ &fix.summary }</p>
            if ask_phone {
                { phone_question(&phone.on_choose) }
            } else {
            { fix_body(fix, &phone) }
            if is_report {
                // Where a cause is a rule for everyone, say what support can't change.
                { support_notes(&props.check) }
                <ReportBox check={props.check.clone()} device={phone.known()} />
            }
            <fieldset class="did-it-work">
                <legend>{ if is_report { "Is it working now?" } else { "Did this fix it?" } }</legend>
                // One filled button per screen: on the report step it is the report's Copy.
                <button type="button" class={classes!("button", (!is_report).then_some("primary"))} onclick={answer(StepResult::Fixed)}>{ "Yes, it works" }</button>
                <button type="button" class="button" onclick={answer(StepResult::NotFixed)}>{ "No, still broken" }</button>
                if !is_report {
                    <button type="button" class="button" onclick={answer(StepResult::Skipped)}>{ "Skip this one" }</button>
                }
            </fieldset>
            }
            <CheckNav on_back={Some(back)} />
        </div>
    }
}

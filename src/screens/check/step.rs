//! One plan step at a time, with the taps for the user's phone and, in a bar kept in
//! view at the bottom of the screen, the question that fits the step's kind: "Did this
//! fix it?", a check's own question, a wait's "Save my place", or an explain step's
//! "I understand".

use super::{use_back, CheckNav};
use crate::content::{content, Fix, StepKind};
use crate::diagnosis::check::{Check, StepResult};
use crate::hooks::use_focus_heading_on_change;
use crate::platform::now;
use crate::routes::Route;
use crate::state::{use_app, use_phone_choice, Action, DeviceSource};
use crate::widgets::router::use_navigator;
use crate::widgets::{fix_body::fix_body, phone_question::phone_question};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepProps {
    pub check: Check,
    pub step: usize,
}

/// What a wait step's "Save my place" means, said plainly: there is no server.
const SAVED_PLACE: &str = "Your place is saved on this phone. When you open DM Doctor again, tap Continue to go on from this step. There's no reminder, so come back when you're ready.";

#[component]
pub fn StepView(props: &StepProps) -> Html {
    let app = use_app();
    let phone = use_phone_choice();
    let back = use_back();
    let navigator = use_navigator();
    use_focus_heading_on_change(props.step);
    let Some(fix) = props
        .check
        .plan
        .get(props.step)
        .and_then(|id| content().fix(id))
    else {
        return html! { <h1 tabindex="-1">{ "This step is no longer available" }</h1> };
    };
    let (number, total) = props.check.step_counter(props.step);
    let record = |result: StepResult| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Record { result, now: now() }))
    };
    let choose = |answer: usize| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Choose { answer, now: now() }))
    };
    // The check is saved after every change: saving the place is leaving, with a word
    // on how to come back.
    let save_place = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::Notice(SAVED_PLACE.into()));
            navigator.push(&Route::Home);
        })
    };
    // The first step whose taps differ by phone asks for the phone once, unless the
    // browser told us or the user already said.
    let ask_phone =
        phone.source == DeviceSource::Default && fix.steps.iter().any(|s| s.differs_by_device());
    let button = |label: &'static str, primary: bool, onclick: Callback<MouseEvent>| {
        html! {
            <button type="button" class={classes!("button", primary.then_some("primary"))} {onclick}>{ label }</button>
        }
    };
    let actions = match fix.kind {
        StepKind::Fix => action_bar(
            "Did this fix it?",
            html! {<>
                { button("Yes, it works", true, record(StepResult::Fixed)) }
                { button("No, still broken", false, record(StepResult::NotFixed)) }
                { button("Skip this one", false, record(StepResult::Skipped)) }
            </>},
        ),
        StepKind::Check => action_bar(
            fix.question.as_deref().unwrap_or("What did you find?"),
            html! {<>{ for fix.answers.iter().enumerate().map(|(i, answer)| html! {
                <button type="button" class="button" onclick={choose(i)}>{ &answer.label }</button>
            }) }</>},
        ),
        StepKind::Wait => action_bar(
            "Waiting takes a while",
            html! {<>
                { button("Save my place — I'll come back later", true, save_place) }
                { button("It works now", false, record(StepResult::Fixed)) }
                { button("Still broken after waiting", false, record(StepResult::NotFixed)) }
            </>},
        ),
        StepKind::Explain => action_bar(
            "Does this fit you?",
            html! {<>
                { button("I understand", true, record(StepResult::Understood)) }
                { button("This doesn't fit me", false, record(StepResult::NotFixed)) }
            </>},
        ),
    };

    html! {
        <div class="plan-step">
            <p class="eyebrow" id="progress-label">{ format!("Step {number} of {total} · {}", fix.effort.label()) }</p>
            <progress max={total.to_string()} value={number.to_string()} aria-labelledby="progress-label" />
            <h1 tabindex="-1">{ &fix.title }</h1>
            <p class="lead">{ &fix.summary }</p>
            if ask_phone {
                { phone_question(&phone.on_choose) }
            } else {
                { fix_body(fix, &phone) }
                { wait_note(fix) }
                { actions }
            }
            <CheckNav on_back={Some(back)} />
        </div>
    }
}

/// The answers, in a bar that stays at the bottom of the screen while the steps scroll.
fn action_bar(question: &str, buttons: Html) -> Html {
    html! {
        <div class="action-bar" role="group" aria-labelledby="step-question">
            <p id="step-question" class="action-question">{ question }</p>
            <div class="action-buttons">{ buttons }</div>
        </div>
    }
}

/// A wait step says what saving the place means before offering it.
fn wait_note(fix: &Fix) -> Html {
    if fix.kind != StepKind::Wait {
        return Html::default();
    }
    html! { <p class="hint">{ "You can close DM Doctor while you wait. It keeps your place on this phone, and Continue on the home screen brings you back to this step." }</p> }
}

//! One plan step at a time, with the taps for the user's phone and, in a bar kept in
//! view at the bottom of the screen, the question that fits the step's kind: "Did this
//! fix it?", a check's own question, a wait's "Save my place", or an explain step's
//! "I understand". Between two parts of the plan, the checkpoint: the report for
//! TikTok now, or more things to try.

use super::{use_back, CheckNav};
use crate::content::{content, StepKind};
use crate::diagnosis::check::{Check, Stage, StepResult};
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
    /// The step shown, or at a checkpoint the first step of the next part.
    pub step: usize,
}

/// What a wait step's "Save my place" means, said plainly: there is no server, so no
/// reminder; the check is kept on the phone (saved after every change).
const SAVED_PLACE: &str = "DM Doctor keeps your place on this phone. Next time you open it, tap Continue to go on from this step. There's no reminder.";

#[component]
pub fn StepView(props: &StepProps) -> Html {
    let app = use_app();
    let phone = use_phone_choice();
    let back = use_back();
    let navigator = use_navigator();
    use_focus_heading_on_change(props.step);
    if let Stage::Checkpoint { next } = props.check.stage {
        let report = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::ReportNow { now: now() }))
        };
        let more =
            Callback::from(move |_: MouseEvent| app.dispatch(Action::MoreSteps { now: now() }));
        return checkpoint(next, props.check.plan.len() - next, report, more, back);
    }
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
    // The check is saved after every change: saving the place is leaving for the home
    // screen, where Continue brings the person back.
    let save_place = Callback::from(move |_: MouseEvent| navigator.push(&Route::Home));
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
                if fix.kind == StepKind::Wait {
                    <p class="hint">{ SAVED_PLACE }</p>
                }
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

/// After a part of the plan: the report for TikTok (first), or the `left` steps more.
fn checkpoint(
    tried: usize,
    left: usize,
    report: Callback<MouseEvent>,
    more: Callback<MouseEvent>,
    back: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="checkpoint">
            <p class="eyebrow">{ format!("{tried} steps tried") }</p>
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

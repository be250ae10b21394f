//! One plan step at a time, with the taps for the user's phone and, in a bar kept in
//! view at the bottom of the screen, the question that fits the step's kind: "Did this
//! fix it?", a check's own question, a wait's "Save my place", or an explain step's
//! "I understand". Between two parts of the plan, the checkpoint: the report for
//! TikTok now, or more things to try.

use super::Nav;
use crate::content::{content, StepKind};
use crate::diagnosis::check::{Check, Stage, StepResult};
use crate::platform::now;
use crate::routes::Route;
use crate::state::{Action, AppContext, DeviceSource, PhoneChoice};
use crate::widgets::{fix_body::fix_body, phone_question::phone_question};
use yew::prelude::*;

/// What a wait step's "Save my place" means, said plainly: there is no server, so no
/// reminder; the check is kept on the phone (saved after every change).
const SAVED_PLACE: &str = "DM Doctor keeps your place on this phone. Next time you open it, tap Continue to go on from this step. There's no reminder.";

/// A plain view function of [`super::check_screen`] (its hooks:
/// [`super::use_check_screen`]). `step`: the step shown, or at a checkpoint the first
/// step of the next part.
pub fn step_view(
    check: &Check,
    step: usize,
    app: &AppContext,
    phone: &PhoneChoice,
    nav: &Nav,
) -> Html {
    if let Stage::Checkpoint { next } = check.stage {
        let more = super::act(app, |now| Action::MoreSteps { now });
        return checkpoint(next, check.plan.len() - next, more, nav);
    }
    let Some(fix) = check.plan.get(step).and_then(|id| content().fix(id)) else {
        return html! { <h1 tabindex="-1">{ "This step is no longer available" }</h1> };
    };
    let (number, total) = check.step_counter(step);
    // The first step whose taps differ by phone asks for the phone once, unless the
    // browser told us or the user already said.
    let ask_phone =
        phone.source == DeviceSource::Default && fix.steps.iter().any(|s| s.differs_by_device());
    // The step's question and its answers, as the step's kind asks. The first answer of
    // a fix or an explain step is the filled one; a wait step's is "Save my place".
    use StepResult::*;
    let (question, answers): (&str, Vec<(&str, StepResult)>) = match fix.kind {
        StepKind::Fix => (
            "Did this fix it?",
            vec![
                ("Yes, it works", Fixed),
                ("No, still broken", NotFixed),
                ("Skip this one", Skipped),
            ],
        ),
        StepKind::Check => (
            fix.question.as_deref().unwrap_or_default(),
            (0..)
                .zip(&fix.answers)
                .map(|(i, answer)| (answer.label.as_str(), Answered(i)))
                .collect(),
        ),
        StepKind::Wait => (
            "Waiting takes a while",
            vec![
                ("It works now", Fixed),
                ("Still broken after waiting", NotFixed),
            ],
        ),
        StepKind::Explain => (
            "Does this fit you?",
            vec![
                ("I understand", Understood),
                ("This doesn't fit me", NotFixed),
            ],
        ),
    };
    let filled = matches!(fix.kind, StepKind::Fix | StepKind::Explain);
    let buttons = answers.into_iter().enumerate().map(|(i, (label, result))| {
        let app = app.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| app.dispatch(Action::Record { step, result, now: now() }));
        html! {
            <button type="button" class={if filled && i == 0 { "button primary" } else { "button" }} {onclick}>{ label }</button>
        }
    });

    html! {
        <div class="plan-step">
            <p class="eyebrow" id="progress-label">{ format!("Step {number} of {total} · {}", fix.effort.label()) }</p>
            <progress max={total.to_string()} value={number.to_string()} aria-labelledby="progress-label" />
            <h1 tabindex="-1">{ &fix.title }</h1>
            <p class="lead">{ &fix.summary }</p>
            if ask_phone {
                { phone_question(&phone.on_choose) }
            } else {
                { fix_body(fix, phone) }
                if fix.kind == StepKind::Wait {
                    <p class="hint">{ SAVED_PLACE }</p>
                }
                <div class="action-bar" role="group" aria-labelledby="step-question">
                    <p id="step-question" class="action-question">{ question }</p>
                    <div class="action-buttons">
                        if fix.kind == StepKind::Wait {
                            // Saved after every change: saving the place is going home,
                            // where Continue brings the person back.
                            <a class="button primary" href={Route::Home.href()}>{ "Save my place — I'll come back later" }</a>
                        }
                        { for buttons }
                    </div>
                </div>
            }
            { nav.view() }
        </div>
    }
}

/// After a part of the plan: the report for TikTok (first; its screen leads back here),
/// or the `left` steps more.
fn checkpoint(tried: usize, left: usize, more: Callback<MouseEvent>, nav: &Nav) -> Html {
    html! {
        <div class="checkpoint">
            <p class="eyebrow">{ format!("{tried} steps tried") }</p>
            <h1 tabindex="-1">{ "Still not working?" }</h1>
            <p class="lead">{ "You can send TikTok a report now. It tells them what you already tried. Or try a few more things first." }</p>
            <div class="actions">
                <a class="button primary" href={Route::Report.href()}>{ "Get the report for TikTok" }</a>
                <button type="button" class="button" onclick={more}>{ format!("More things to try ({left})") }</button>
            </div>
            { nav.view() }
        </div>
    }
}

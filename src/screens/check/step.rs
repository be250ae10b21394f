//! One plan step at a time, with the taps for the user's phone and, in a bar kept in
//! view at the bottom of the screen, the question that fits the step's kind: "Did this
//! fix it?", a check's own question, a wait's "Save my place", or an explain step's
//! "I understand". Between two parts of the plan, the checkpoint: the report for
//! TikTok now, or more things to try.

use super::{Nav, Tap};
use crate::content::{content, fill, ui, StepKind};
use crate::diagnosis::check::{Check, Stage, StepResult};
use crate::routes::Route;
use crate::state::{Action, DeviceSource, PhoneChoice};
use crate::widgets::entry_list::text;
use crate::widgets::markup::{button, element, fixed, link, main_heading, owned, text_in};
use crate::widgets::{fix_body::fix_body, phone_question::phone_question};
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// A plain view function of [`super::check_screen`] (its hooks:
/// [`super::use_check_screen`]). `step`: the step shown, or at a checkpoint the first
/// step of the next part.
pub fn step_view(check: &Check, step: usize, phone: &PhoneChoice, nav: &Nav) -> Html {
    if let Stage::Checkpoint { next } = check.stage {
        let more = nav.tap(Tap::Act(|now| Action::MoreSteps { now }));
        return checkpoint(next, check.plan.len() - next, more, nav);
    }
    let ui = ui();
    let Some(fix) = check.plan.get(step).and_then(|id| content().fix(id)) else {
        return main_heading(ui.check_step_gone);
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
            ui.check_fix_question,
            vec![
                (ui.check_fix_yes, Fixed),
                (ui.check_fix_no, NotFixed),
                (ui.check_fix_skip, Skipped),
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
            ui.check_wait_question,
            vec![(ui.check_wait_yes, Fixed), (ui.check_wait_no, NotFixed)],
        ),
        StepKind::Explain => (
            ui.check_explain_question,
            vec![
                (ui.check_explain_yes, Understood),
                (ui.check_explain_no, NotFixed),
            ],
        ),
    };
    let filled = matches!(fix.kind, StepKind::Fix | StepKind::Explain);
    let buttons = answers.into_iter().enumerate().map(|(i, (label, result))| {
        let onclick = nav.tap(Tap::Record { step, result });
        button(
            if filled && i == 0 {
                "button primary"
            } else {
                "button"
            },
            onclick,
            text(label),
        )
    });

    let counter = fill(
        ui.check_step_counter,
        &[
            ("number", &number.to_string()),
            ("total", &total.to_string()),
            ("effort", fix.effort.label()),
        ],
    );
    html! {
        { fixed("div", &[("class", Static("plan-step"))], html! { <>
            { super::progress(counter, number, total) }
            { main_heading(&fix.title) }
            { text_in("p", "lead", &fix.summary) }
            { if ask_phone { phone_question(&phone.on_choose) } else { html! { <>
                { fix_body(fix, phone) }
                { if fix.kind == StepKind::Wait { text_in("p", "hint", ui.check_wait_saved_place) } else { Html::default() } }
                { fixed("div", &[("role", Static("group")), ("aria-labelledby", Static("step-question")), ("class", Static("action-bar"))], html! { <>
                    { fixed("p", &[("id", Static("step-question")), ("class", Static("action-question"))], text(question)) }
                    { fixed("div", &[("class", Static("action-buttons"))], html! { <>
                        // Saved after every change: saving the place is going home,
                        // where Continue brings the person back.
                        { if fix.kind == StepKind::Wait { link(Route::Home.href(), "button primary", ui.check_wait_save) } else { Html::default() } }
                        { for buttons }
                    </> }) }
                </> }) }
            </> } } }
            { nav.view() }
        </> }) }
    }
}

/// After a part of the plan: the report for TikTok (first; its screen leads back here),
/// or the `left` steps more.
fn checkpoint(tried: usize, left: usize, more: Callback<MouseEvent>, nav: &Nav) -> Html {
    let ui = ui();
    let tried = match tried {
        1 => ui.check_checkpoint_tried_one.to_owned(),
        _ => fill(
            ui.check_checkpoint_tried_other,
            &[("tried", &tried.to_string())],
        ),
    };
    html! {
        { fixed("div", &[("class", Static("checkpoint"))], html! { <>
            { element("p", "eyebrow", owned(tried)) }
            { main_heading(ui.check_checkpoint_title) }
            { text_in("p", "lead", ui.check_checkpoint_lead) }
            { element("div", "actions", html! {
                <>
                    { link(Route::Report.href(), "button primary", ui.check_checkpoint_get_report) }
                    { button("button", more, owned(fill(ui.check_checkpoint_more, &[("left", &left.to_string())]))) }
                </>
            }) }
            { nav.view() }
        </> }) }
    }
}

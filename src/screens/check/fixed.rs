//! How a check ends: fixed (with a tip for next time); a rule that can't be changed,
//! explained (what it is and what to do instead, never "working again"); or the report
//! ready for TikTok. Never a dead end.

use super::Nav;
use crate::content::{content, fill, ui, DeviceFamily, StepKind};
use crate::diagnosis::check::{Check, StepResult};
use crate::hooks::Kept;
use crate::routes::Route;
use crate::widgets::entry_list::text;
use crate::widgets::markup::{button, element, labelled, link, main_heading, owned, text_in};
use crate::widgets::notes::support_notes;
use crate::widgets::report_box::report_box;
use yew::prelude::*;

/// The end of a check on one fix: "working again" (with a tip for next time), or, for
/// an explain step, the rule (its summary) and what the person can do instead. A plain
/// view function of [`super::check_screen`] (its hooks: [`super::use_check_screen`]).
pub fn fixed_view(fix: &str, nav: &Nav) -> Html {
    let ui = ui();
    let fix = content().fix(fix);
    let explained = fix.filter(|f| f.kind == StepKind::Explain);
    let (eyebrow, title, lead, next, tip) = match (explained, fix) {
        (Some(fix), _) => (
            ui.check_explained_eyebrow,
            fix.title.as_str(),
            fix.summary.clone(),
            ui.check_explained_instead,
            fix.instead.as_ref(),
        ),
        (None, fix) => (
            ui.check_fixed_eyebrow,
            ui.check_fixed_title,
            fix.map(|f| fill(ui.check_fixed_by, &[("fix", &f.title)]))
                .unwrap_or_default(),
            ui.check_fixed_next_time,
            fix.and_then(|f| f.prevention.as_ref()),
        ),
    };
    element(
        "div",
        if explained.is_some() {
            "explained"
        } else {
            "success"
        },
        html! { <>
            { text_in("p", "eyebrow", eyebrow) }
            { main_heading(title) }
            { element("p", "lead", owned(lead)) }
            { if let Some(tip) = tip { labelled("prevention", "next-time", next, text_in("p", "", tip)) } else { Html::default() } }
            { element("div", "actions", button("button primary", nav.end.clone(), text(ui.check_done))) }
            { nav.view() }
        </> },
    )
}

/// What the user did, in their terms: tried steps or skipped ones.
fn end_summary(check: &Check) -> String {
    let tried = check
        .outcomes
        .iter()
        .filter(|o| matches!(o.result, StepResult::NotFixed | StepResult::Answered(_)))
        .count();
    let skipped = check
        .outcomes
        .iter()
        .filter(|o| o.result == StepResult::Skipped)
        .count();
    let ui = ui();
    let text = match (tried, skipped) {
        (0, _) => ui.check_end_skipped_all,
        (1, 0) => ui.check_end_tried_one,
        (_, 0) => ui.check_end_tried_other,
        (1, _) => ui.check_end_tried_one_skipped,
        _ => ui.check_end_tried_other_skipped,
    };
    fill(
        text,
        &[
            ("tried", &tried.to_string()),
            ("skipped", &skipped.to_string()),
        ],
    )
}

/// The report for TikTok once every step was tried. A plain view function of
/// [`super::check_screen`] (its hooks: [`super::use_check_screen`]).
pub fn end_view(
    check: &Check,
    device: Option<DeviceFamily>,
    status: &Kept<&'static str>,
    nav: &Nav,
) -> Html {
    html! {
        <>
            { text_in("p", "eyebrow", ui().check_end_eyebrow) }
            { main_heading(ui().check_end_title) }
            { element("p", "lead", owned(end_summary(check))) }
            // Where a cause is a rule for everyone, say what support can't change.
            { support_notes(check) }
            { report_box(check, device, status) }
            { element("p", "", link(
                (Route::Fix { id: crate::diagnosis::engine::REPORT_FIX.into() }).href(),
                "",
                ui().check_end_how_to_send,
            )) }
            { nav.view() }
        </>
    }
}

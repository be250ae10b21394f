//! How a check ends: fixed (with a tip for next time); a rule that can't be changed,
//! explained (what it is and what to do instead, never "working again"); or the report
//! ready for TikTok. Never a dead end.

use super::Nav;
use crate::content::{content, DeviceFamily, StepKind};
use crate::diagnosis::check::{Check, StepResult};
use crate::routes::Route;
use crate::widgets::notes::support_notes;
use crate::widgets::report_box::report_box;
use yew::prelude::*;

/// The end of a check on one fix: "working again" (with a tip for next time), or, for
/// an explain step, the rule (its summary) and what the person can do instead. A plain
/// view function of [`super::check_screen`] (its hooks: [`super::use_check_screen`]).
pub fn fixed_view(fix: &str, nav: &Nav) -> Html {
    let fix = content().fix(fix);
    let explained = fix.filter(|f| f.kind == StepKind::Explain);
    let (eyebrow, title, lead, next, tip) = match (explained, fix) {
        (Some(fix), _) => (
            "A rule, not a fault",
            fix.title.as_str(),
            fix.summary.clone(),
            "What you can do",
            fix.instead.as_ref(),
        ),
        (None, fix) => (
            "Fixed",
            "Your messages are working again",
            fix.map(|f| format!("“{}” did it.", f.title))
                .unwrap_or_default(),
            "Next time",
            fix.and_then(|f| f.prevention.as_ref()),
        ),
    };
    html! {
        <div class={if explained.is_some() { "explained" } else { "success" }}>
            <p class="eyebrow">{ eyebrow }</p>
            <h1 tabindex="-1">{ title }</h1>
            <p class="lead">{ lead }</p>
            if let Some(tip) = tip {
                <section class="prevention" aria-labelledby="next-time">
                    <h2 id="next-time">{ next }</h2>
                    <p>{ tip }</p>
                </section>
            }
            <div class="actions">
                <button type="button" class="button primary" onclick={nav.end.clone()}>{ "Done" }</button>
            </div>
            { nav.view() }
        </div>
    }
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
    let send = "Send TikTok this report: it tells them what you already tried.";
    match (tried, skipped) {
        (0, _) => format!("You skipped the steps, so it may still be worth trying some of them (use Back). If you'd rather ask TikTok now: {send}"),
        (t, 0) => format!("You tried {t} fixes and none of them helped, so the problem is likely on TikTok's side or with your account. {send}"),
        (t, s) => format!("You tried {t} fixes (and skipped {s}) without luck, so the problem may be on TikTok's side or with your account. {send}"),
    }
}

/// The report for TikTok once every step was tried. A plain view function of
/// [`super::check_screen`] (its hooks: [`super::use_check_screen`]).
pub fn end_view(
    check: &Check,
    device: Option<DeviceFamily>,
    status: &UseStateHandle<&'static str>,
    nav: &Nav,
) -> Html {
    html! {
        <>
            <p class="eyebrow">{ "Still not working" }</p>
            <h1 tabindex="-1">{ "Let's get TikTok's help" }</h1>
            <p class="lead">{ end_summary(check) }</p>
            // Where a cause is a rule for everyone, say what support can't change.
            { support_notes(check) }
            { report_box(check, device, status) }
            <p>
                <a href={(Route::Fix { id: crate::diagnosis::engine::REPORT_FIX.into() }).href()}>
                    { "How to send it in TikTok" }
                </a>
            </p>
            { nav.view() }
        </>
    }
}

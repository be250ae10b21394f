//! How a check ends: fixed (with a tip for next time); a rule that can't be changed,
//! explained (what it is and what to do instead, never "working again"); or the report
//! ready for TikTok. Never a dead end.

use super::{use_back, CheckNav};
use crate::content::{content, Fix, StepKind};
use crate::diagnosis::check::{Check, StepResult};
use crate::routes::Route;
use crate::state::Action;
use crate::state::{use_app, use_phone_choice};
use crate::widgets::notes::support_notes;
use crate::widgets::report_box::ReportBox;
use crate::widgets::router::use_navigator;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FixedProps {
    pub fix: String,
}

/// The end of a check on one fix: "working again", or, for an explain step, the rule.
#[component]
pub fn FixedView(props: &FixedProps) -> Html {
    let app = use_app();
    let navigator = use_navigator();
    let back = use_back();
    let fix = content().fix(&props.fix);
    let done = Callback::from(move |_: MouseEvent| {
        app.dispatch(Action::EndCheck);
        navigator.push(&Route::Home);
    });
    if let Some(fix) = fix.filter(|f| f.kind == StepKind::Explain) {
        return explained(fix, done, back);
    }
    html! {
        <div class="success">
            <p class="eyebrow">{ "Fixed" }</p>
            <h1 tabindex="-1">{ "Your messages are working again" }</h1>
            if let Some(fix) = fix {
                <p class="lead">{ format!("“{}” did it.", fix.title) }</p>
                if let Some(prevention) = &fix.prevention {
                    <section class="prevention" aria-labelledby="next-time">
                        <h2 id="next-time">{ "Next time" }</h2>
                        <p>{ prevention }</p>
                    </section>
                }
            }
            <div class="actions">
                <button type="button" class="button primary" onclick={done}>{ "Done" }</button>
            </div>
            <CheckNav on_back={Some(back)} />
        </div>
    }
}

/// The end of a rule that can't be changed: what the rule is (what support can't
/// change, where the content says) and what the person can do instead.
fn explained(fix: &'static Fix, done: Callback<MouseEvent>, back: Callback<MouseEvent>) -> Html {
    let rule = content()
        .causes
        .iter()
        .filter(|c| c.fixes.last() == Some(&fix.id))
        .find_map(|c| c.support_cant_change.as_deref());
    html! {
        <div class="explained">
            <p class="eyebrow">{ "A rule, not a fault" }</p>
            <h1 tabindex="-1">{ &fix.title }</h1>
            <p class="lead">{ rule.unwrap_or(&fix.summary) }</p>
            <h2>{ "What you can do" }</h2>
            <p>{ fix.instead.as_deref().unwrap_or_default() }</p>
            <div class="actions">
                <button type="button" class="button primary" onclick={done}>{ "Done" }</button>
            </div>
            <CheckNav on_back={Some(back)} />
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
    let open = check.plan.len() > check.outcomes.len();
    match (tried, skipped) {
        // From a checkpoint, with more things left to try.
        (t, _) if open && t > 0 => format!("You tried {t} things without luck. {send} You can also go back and try more things first."),
        (0, _) => format!("You skipped the steps, so it may still be worth trying some of them (use Back). If you'd rather ask TikTok now: {send}"),
        (t, 0) => format!("You tried {t} fixes and none of them helped, so the problem is likely on TikTok's side or with your account. {send}"),
        (t, s) => format!("You tried {t} fixes (and skipped {s}) without luck, so the problem may be on TikTok's side or with your account. {send}"),
    }
}

#[derive(Properties, PartialEq)]
pub struct EndProps {
    pub check: Check,
}

#[component]
pub fn EndView(props: &EndProps) -> Html {
    let back = use_back();
    let device = use_phone_choice().known();
    html! {
        <>
            <p class="eyebrow">{ "Still not working" }</p>
            <h1 tabindex="-1">{ "Let's get TikTok's help" }</h1>
            <p class="lead">{ end_summary(&props.check) }</p>
            // Where a cause is a rule for everyone, say what support can't change.
            { support_notes(&props.check) }
            <ReportBox check={props.check.clone()} {device} />
            <p>
                <a href={(Route::Fix { id: crate::diagnosis::engine::REPORT_FIX.into() }).href()}>
                    { "How to send it in TikTok" }
                </a>
            </p>
            <CheckNav on_back={Some(back)} />
        </>
    }
}

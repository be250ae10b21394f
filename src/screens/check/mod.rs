//! The guided check: shows whichever screen the saved check is at, so a reload or a
//! relaunch resumes exactly there.

mod fixed;
mod question;
mod results;
pub mod start;
mod step;

use crate::diagnosis::check::Stage;
use crate::routes::Route;
use crate::state::use_app;
use crate::widgets::router::use_navigator;
use yew::prelude::*;

/// A name for each stage, so focus can follow stage changes (which don't change the route).
fn stage_key(stage: Option<&Stage>) -> &'static str {
    match stage {
        None => "none",
        Some(Stage::Questions) => "questions",
        Some(Stage::Results) => "results",
        Some(Stage::Plan { .. }) => "plan",
        Some(Stage::Fixed { .. }) => "fixed",
        Some(Stage::Report) => "report",
        Some(Stage::Checkpoint { .. }) => "checkpoint",
        Some(Stage::Explained { .. }) => "explained",
    }
}

#[component]
pub fn CheckScreen() -> Html {
    let app = use_app();
    // Questions and plan steps move focus themselves; this covers entering the results,
    // the success screen and the end, where the pressed button disappears.
    crate::hooks::use_focus_heading_on_change(stage_key(app.check.as_ref().map(|c| &c.stage)));
    let Some(check) = app.check.clone() else {
        return html! {
            <>
                <h1 tabindex="-1">{ "No check in progress" }</h1>
                <p class="lead">{ "Pick what's going wrong and we'll start one." }</p>
                <p class="more">
                    <a href={Route::Home.href()} class="button primary">{ "Choose a problem" }</a>
                </p>
            </>
        };
    };
    match &check.stage {
        Stage::Questions => html! { <question::QuestionView {check} /> },
        Stage::Results => html! { <results::ResultsView {check} /> },
        Stage::Plan { step } => html! { <step::StepView step={*step} {check} /> },
        Stage::Fixed { fix } => html! { <fixed::FixedView fix={fix.clone()} /> },
        Stage::Report => html! { <fixed::EndView {check} /> },
        // The checkpoint before a part of the plan, and an explain step's ending.
        Stage::Checkpoint { next } => html! { <step::StepView step={*next} {check} /> },
        Stage::Explained { fix } => html! { <fixed::FixedView fix={fix.clone()} /> },
    }
}

/// "Back" and "Start over", shown on every screen of the check.
#[derive(Properties, PartialEq)]
pub struct CheckNavProps {
    /// What Back does; None hides it.
    #[prop_or_default]
    pub on_back: Option<Callback<MouseEvent>>,
}

/// Back, and "Start over" set apart from it. Starting over deletes the check, so it asks
/// first: nothing is lost until the person confirms.
#[component]
pub fn CheckNav(props: &CheckNavProps) -> Html {
    let app = use_app();
    let navigator = use_navigator();
    let confirming = use_state(|| false);
    let start_over = Callback::from(move |_: MouseEvent| {
        app.dispatch(crate::state::Action::EndCheck);
        navigator.push(&Route::Home);
    });
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let keep = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    html! {
        <div class="check-nav">
            if let Some(on_back) = props.on_back.clone() {
                <button type="button" class="button quiet" onclick={on_back}>{ "← Back" }</button>
            }
            <div class="start-over" role="status" aria-live="polite">
                if *confirming {
                    <p>{ "Start over? Your answers and the fixes you tried will be deleted." }</p>
                    <button type="button" class="button quiet" onclick={start_over}>{ "Yes, start over" }</button>
                    <button type="button" class="button quiet" onclick={keep}>{ "Keep my check" }</button>
                } else {
                    <button type="button" class="button quiet" onclick={ask}>{ "Start over" }</button>
                }
            </div>
        </div>
    }
}

/// Dispatches Back with the current time.
#[hook]
pub fn use_back() -> Callback<MouseEvent> {
    let app = use_app();
    Callback::from(move |_: MouseEvent| {
        app.dispatch(crate::state::Action::Back {
            now: crate::platform::now(),
        })
    })
}

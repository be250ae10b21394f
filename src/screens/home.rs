//! Home: "What's going wrong?" with the symptoms, the guide and the Install button.

use crate::content::content;
use crate::diagnosis::check::{Check, Stage};
use crate::routes::Route;
use crate::state::{Action, AppContext};
use crate::widgets::entry_list::card;
use crate::widgets::install::{built_in_browser, install_card};
use yew::prelude::*;

/// Where the check stands, in a few words.
fn progress(check: &Check) -> String {
    match check.stage {
        Stage::Questions => format!("{} questions answered", check.answers.len()),
        Stage::Results => "Your results are ready".into(),
        Stage::Plan { step } => {
            let (number, of) = check.step_counter(step);
            format!("Step {number} of {of}")
        }
        Stage::Checkpoint { next } => format!("{next} fixes tried"),
        Stage::Fixed { .. } | Stage::Report | Stage::Explained { .. } => "Finished".into(),
    }
}

/// A plain view function of the app's screen component (see [`super::render`]).
pub fn home(app: &AppContext) -> Html {
    let on_install = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let app = app.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let accepted = crate::platform::pwa::prompt_install().await;
                app.dispatch(if accepted {
                    Action::Installed
                } else {
                    Action::InstallPromptUsed
                });
            });
        })
    };
    let resume = app.check.as_ref().filter(|c| c.in_progress()).map(|check| {
        let title = content()
            .symptom(&check.symptom)
            .map(|s| s.title.as_str())
            .unwrap_or_default();
        html! {
            <section class="resume" aria-labelledby="resume-heading">
                <h2 id="resume-heading">{ "Continue where you left off" }</h2>
                { card(Route::Check.href(), "card", title, progress(check).into(), Html::default()) }
            </section>
        }
    });
    let symptoms = content().symptoms.iter().map(|symptom| {
        html! {
            <li key={symptom.id.clone()}>
                // One line each, so all symptoms fit on a phone's first screen; the
                // detail comes on the check's first screen.
                { card(
                    (Route::StartCheck { symptom: symptom.id.clone() }).href(),
                    "card symptom",
                    &symptom.title,
                    symptom.summary.as_str().into(),
                    Html::default(),
                ) }
            </li>
        }
    });
    let in_app = crate::browser::in_app_browser(&crate::platform::user_agent());
    html! {
        <>
            <h1 tabindex="-1">{ "What's going wrong?" }</h1>
            <p class="lead">{ "Pick what you see. A few questions, then fixes for your phone." }</p>
            if let Some(browser) = in_app {
                // Seen before any fix that closes or reinstalls the app around this page.
                <p class="in-app-line">{ format!("You're in {}, which closes with its app. Before you restart or reinstall TikTok, open DM Doctor in your phone's browser (how: at the bottom of this page).", built_in_browser(browser)) }</p>
            }
            { for resume }
            <ul class="cards symptoms">{ for symptoms }</ul>
            <div class="actions">
                <a href={Route::Connection.href()} class="button">{ "Test my connection" }</a>
                <a href={Route::Guide.href()} class="button">{ "Browse the guide" }</a>
            </div>
            { install_card(app.install, app.offline, in_app, &on_install) }
        </>
    }
}

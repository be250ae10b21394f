//! Home: "What's going wrong?" with the symptoms, the guide and the Install button.

use super::counted;
use crate::content::{content, fill, ui};
use crate::diagnosis::check::{Check, Stage};
use crate::routes::Route;
use crate::state::{Action, AppContext};
use crate::widgets::entry_list::card;
use crate::widgets::install::{built_in_browser, install_card};
use crate::widgets::markup::{element, filled, fixed, item, labelled, link, main_heading, text_in};
use crate::widgets::router::Navigator;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// Where the check stands, in a few words.
fn progress(check: &Check) -> String {
    let ui = ui();
    match check.stage {
        Stage::Questions => counted(
            check.answers.len(),
            ui.home_progress_questions_one,
            ui.home_progress_questions_other,
        ),
        Stage::Results => ui.home_progress_results.to_owned(),
        Stage::Plan { step } => {
            let (number, total) = check.step_counter(step);
            fill(
                ui.home_progress_step,
                &[
                    ("number", &number.to_string()),
                    ("total", &total.to_string()),
                ],
            )
        }
        Stage::Checkpoint { next } => counted(
            next,
            ui.home_progress_tried_one,
            ui.home_progress_tried_other,
        ),
        Stage::Fixed { .. } | Stage::Report | Stage::Explained { .. } => {
            ui.home_progress_finished.to_owned()
        }
    }
}

/// Install's tap ([`super::Tap::Install`]): the browser's prompt, then what the person
/// chose.
pub(super) fn install(app: &AppContext) {
    let app = app.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let accepted = crate::platform::pwa::prompt_install().await;
        app.dispatch(if accepted {
            Action::Installed
        } else {
            Action::InstallPromptUsed
        });
    });
}

/// A plain view function of the app's screen component (see [`super::render`]).
pub fn home(app: &AppContext, navigator: &Navigator) -> Html {
    let on_install = super::on_tap(app, navigator, super::Tap::Install);
    let resume = app.check.as_ref().filter(|c| c.in_progress()).map(|check| {
        let title = content()
            .symptom(&check.symptom)
            .map(|s| s.title.as_str())
            .unwrap_or_default();
        labelled(
            "resume",
            "resume-heading",
            ui().home_resume_heading,
            card(
                Route::Check.href(),
                "card",
                title,
                progress(check).into(),
                Html::default(),
            ),
        )
    });
    let symptoms = content().symptoms.iter().map(|symptom| {
        // One line each, so all symptoms fit on a phone's first screen; the detail
        // comes on the check's first screen.
        item(
            symptom.id.as_str().into(),
            &[],
            card(
                (Route::StartCheck {
                    symptom: symptom.id.clone(),
                })
                .href(),
                "card symptom",
                &symptom.title,
                symptom.summary.as_str().into(),
                Html::default(),
            ),
        )
    });
    let in_app = crate::browser::in_app_browser(&crate::platform::user_agent());
    html! {
        <>
            { main_heading(ui().home_heading) }
            { text_in("p", "lead", ui().home_lead) }
            // Seen before any fix that closes or reinstalls the app around this page.
            { if let Some(browser) = in_app { filled("p", "in-app-line", ui().home_in_app, &[("browser", &built_in_browser(browser))]) } else { Html::default() } }
            { resume.unwrap_or_default() }
            { fixed("ul", &[("class", Static("cards symptoms"))], html! { <>{ for symptoms }</> }) }
            { element("div", "actions", html! {
                <>
                    { link(Route::Connection.href(), "button", ui().home_test_connection) }
                    { link(Route::Guide.href(), "button", ui().home_browse_guide) }
                </>
            }) }
            { install_card(app.install, app.offline, in_app, &on_install) }
        </>
    }
}

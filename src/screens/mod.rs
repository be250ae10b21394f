//! One module per screen, and the layout around them (header, notices, update offer):
//! these read the app context; the widgets they use take props.

pub mod about;
pub mod cause;
pub mod check;
pub mod connection;
pub mod fix;
pub mod guide;
pub mod home;
pub mod layout;
pub mod not_found;
pub mod report;

use crate::content::{content, fill};
use crate::diagnosis::check::StepResult;
use crate::diagnosis::place;
use crate::hooks::Kept;
use crate::platform::now;
use crate::routes::{Location, Route};
use crate::state::Action;
use crate::state::{AppContext, PhoneChoice};
use crate::widgets::router::Navigator;
use yew::prelude::*;

/// What the screens that are plain view functions read, gathered by the one component
/// that renders every screen (a component per screen costs wasm bytes).
pub struct Reads<'a> {
    pub app: &'a AppContext,
    pub phone: &'a PhoneChoice,
    pub navigator: &'a Navigator,
    /// What About's Delete my data did, and what the report's Copy or Share last said:
    /// kept while the screen shows, forgotten on another (see `app::App`).
    pub deleted: &'a Kept<Option<String>>,
    pub report_status: &'a Kept<&'static str>,
    /// What the check's screens keep ([`check::use_check_screen`]).
    pub check: &'a check::CheckScreen,
    /// What the connection test's screen keeps ([`connection::use_connection_screen`]).
    pub connection: &'a connection::ConnectionScreen,
}

/// `one` or `other` (texts with a `{count}` place) as `count` asks, filled in: "1 fix",
/// "3 fixes". Never an "s" added in code: each language says its plurals its own way.
pub fn counted(count: usize, one: &str, other: &str) -> String {
    let template = if count == 1 { one } else { other };
    fill(template, &[("count", &count.to_string())])
}

/// What a button of the screens does. Every one is the same closure ([`on_tap`]), told
/// what to do: each closure type costs its own glue in the wasm.
pub enum Tap {
    /// Dispatches the action made with the time of the tap.
    Act(fn(u64) -> Action),
    /// A step's result.
    Record { step: usize, result: StepResult },
    /// An answer to the question.
    Answer { question: String, answer: String },
    /// The check's Back: back to the previous screen's address, which moves the check
    /// there (see `check::use_check_screen`).
    Back,
    /// Back from the first question: home (the check stays saved).
    Home,
    /// Deletes the check and goes home.
    End,
    /// Asks "Start over?" on screens of this kind ("": no longer asks).
    Ask(Kept<&'static str>, &'static str),
    /// A start screen's "Continue": the check in progress.
    Continue,
    /// A start screen's "Start a new check" for this symptom.
    StartNew(String),
    /// Reloads into the waiting update.
    Reload,
    /// Dismisses the notice banner.
    DismissNotice,
    /// Tries again to show the language whose pack could not be loaded.
    RetryLanguage(&'static crate::language::Language),
    /// Shows the browser's install prompt.
    Install,
    /// About's "Delete my data", which says what it did in `result`.
    DeleteData(Kept<Option<String>>),
}

/// A button's click that does `tap`, with the app and the navigator as they are now.
pub fn on_tap(app: &AppContext, navigator: &Navigator, tap: Tap) -> Callback<MouseEvent> {
    let (app, navigator) = (app.clone(), navigator.clone());
    Callback::from(move |_: MouseEvent| match &tap {
        Tap::Act(action) => app.dispatch(action(now())),
        Tap::Record { step, result } => app.dispatch(Action::Record {
            step: *step,
            result: *result,
            now: now(),
        }),
        Tap::Answer { question, answer } => app.dispatch(Action::Answer {
            question: question.clone(),
            answer: answer.clone(),
            now: now(),
        }),
        Tap::Back => {
            if let Some(place) = app
                .check
                .as_ref()
                .and_then(|c| place::previous(c, content()))
            {
                navigator.back_to(&Route::CheckAt { place });
            }
        }
        Tap::Home => navigator.back_to(&Route::Home),
        Tap::End => {
            app.dispatch(Action::EndCheck);
            navigator.push(&Route::Home);
        }
        Tap::Ask(asked, kind) => asked.set(kind),
        Tap::Continue => navigator.replace(&Route::Check),
        Tap::StartNew(symptom) => check::start::start(&app, &navigator, symptom, true),
        Tap::Reload => crate::platform::pwa::apply_update(),
        Tap::DismissNotice => app.dispatch(Action::DismissNotice),
        Tap::RetryLanguage(language) => crate::state::choose_language(&app, language),
        Tap::Install => home::install(&app),
        Tap::DeleteData(result) => about::delete_data(&app, result),
    })
}

/// Maps a location to its screen: view functions given what they read (and keep) by the
/// root component, which also runs their hooks.
pub fn render(location: &Location, reads: &Reads) -> Html {
    match &location.route {
        Route::Home => home::home(reads.app, reads.navigator),
        Route::Guide => guide::guide(location, reads.navigator),
        Route::Cause { id } => cause::cause_screen(id),
        Route::Fix { id } => fix::fix_screen(id, reads.phone),
        Route::Check | Route::CheckAt { .. } => {
            check::check_screen(reads.check, reads.app, reads.navigator, reads.phone)
        }
        Route::StartCheck { symptom } => {
            check::start::start_check(symptom, reads.app, reads.navigator)
        }
        Route::Report => report::report(reads.app, reads.phone, reads.report_status),
        Route::Connection => connection::connection_screen(reads.connection, reads.app),
        Route::About => about::about(reads.app, reads.navigator, reads.deleted),
        Route::NotFound => not_found::not_found(),
    }
}

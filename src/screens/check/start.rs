//! Starting a check for a symptom; offers to continue when one is already in progress.
//! A plain view function and a hook of the one component that renders screens
//! (`app::App`): a component of its own would cost wasm bytes.

use crate::content::{content, ui};
use crate::diagnosis::check::Check;
use crate::platform::now;
use crate::routes::Route;
use crate::screens::not_found::not_found;
use crate::screens::{on_tap, Tap};
use crate::state::{Action, AppContext};
use crate::widgets::entry_list::text;
use crate::widgets::markup::{button, element, filled, main_heading, text_in};
use crate::widgets::router::Navigator;
use yew::prelude::*;

/// The check that starting a new one would replace.
fn in_progress(app: &AppContext) -> Option<&Check> {
    app.check.as_ref().filter(|c| c.in_progress())
}

/// Starts a check for `symptom`. `asked`: the user pressed "Start a new check";
/// otherwise the screen only forwards.
pub(in crate::screens) fn start(
    app: &AppContext,
    navigator: &Navigator,
    symptom: &str,
    asked: bool,
) {
    app.dispatch(Action::StartCheck {
        symptom: symptom.to_owned(),
        now: now(),
    });
    if asked {
        navigator.replace(&Route::Check);
    } else {
        navigator.redirect(&Route::Check);
    }
}

/// Nothing to lose: at a known symptom's start address with no check in progress, the
/// check starts straight away. This gives that address (None: nothing to start); the
/// check screens' effect starts it ([`start_at_once`]) when it changes.
pub fn to_start_at_once(route: &Route, app: &AppContext) -> Option<Route> {
    let immediate = match route {
        Route::StartCheck { symptom } => {
            content().symptom(symptom).is_some() && in_progress(app).is_none()
        }
        _ => false,
    };
    immediate.then(|| route.clone())
}

/// Starts the check at the address from [`to_start_at_once`] (unless the user already
/// went elsewhere).
pub(super) fn start_at_once(address: &Option<Route>, app: &AppContext, navigator: &Navigator) {
    if let Some(here @ Route::StartCheck { symptom }) = address {
        if navigator.is_at(here) {
            start(app, navigator, symptom, false);
        }
    }
}

/// The start screen for `symptom` (see [`to_start_at_once`] for what it does at once).
pub fn start_check(symptom: &str, app: &AppContext, navigator: &Navigator) -> Html {
    if content().symptom(symptom).is_none() {
        return not_found();
    }
    let Some(current) = in_progress(app) else {
        return main_heading(ui().check_starting);
    };
    let current_title = content()
        .symptom(&current.symptom)
        .map(|s| s.title.as_str())
        .unwrap_or_default();
    let continue_it = on_tap(app, navigator, Tap::Continue);
    let start_new = on_tap(app, navigator, Tap::StartNew(symptom.to_owned()));
    let ui = ui();
    html! {
        <>
            { main_heading(ui.check_in_progress_title) }
            { filled("p", "lead", ui.check_in_progress_lead, &[("symptom", current_title)]) }
            { element("div", "actions", html! {
                <>
                    { button("button primary", continue_it, text(ui.check_continue)) }
                    { button("button", start_new, text(ui.check_start_new)) }
                </>
            }) }
            { text_in("p", "hint", ui.check_start_new_hint) }
        </>
    }
}

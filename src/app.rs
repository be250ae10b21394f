//! The root component: state, platform hooks, router and layout.

use crate::content::{content, fill, ui};
use crate::diagnosis::saved::{self, Loaded};
use crate::platform::{pwa, storage};
use crate::routes::Route;
use crate::screens;
use crate::screens::layout;
use crate::state::{phone_choice, Action, AppContext, AppState};
use crate::widgets::router::{use_hash_router, Navigator};
use yew::prelude::*;

/// What start-up found out about the language (see `crate::start`).
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct StartProps {
    pub language: &'static crate::language::Language,
    pub other_variety: bool,
    /// The language wanted, when its pack couldn't be loaded and `language`'s could.
    pub failed: Option<&'static crate::language::Language>,
}

impl Default for StartProps {
    fn default() -> Self {
        Self {
            language: crate::language::english(),
            other_variety: false,
            failed: None,
        }
    }
}

fn initial_state(start: &StartProps) -> AppState {
    let (saved, notice) = match storage::load_device() {
        Ok(saved) => (saved, None),
        Err(problem) => (None, Some(problem.message().to_owned())),
    };
    let guessed = crate::device::guess_family(&crate::platform::user_agent());
    let mut state = AppState::new(saved, guessed, pwa::is_standalone());
    state.notice = notice;
    let check = load_stored(
        storage::CHECK_KEY,
        ui().unreadable_check,
        |raw| match saved::decode(Some(raw), content()) {
            Loaded::Found(check) => Ok(Saved::Check(Some(check))),
            Loaded::Unreadable { reason, .. } => Err(reason),
            Loaded::Empty => Err(ui().unreadable_empty),
        },
    );
    let runs = load_stored(storage::CONNECTION_KEY, ui().unreadable_tests, |raw| {
        crate::connection::history::decode(raw).map(Saved::Runs)
    });
    if let Some(Saved::Check(check)) = check.value {
        state.check = check;
    }
    if let Some(Saved::Runs(runs)) = runs.value {
        state.runs = runs;
    }
    state.notice = check.notice.or(runs.notice).or(state.notice);
    state.locked = [
        (storage::CHECK_KEY, check.locked),
        (storage::CONNECTION_KEY, runs.locked),
    ]
    .into_iter()
    .filter_map(|(key, locked)| locked.then_some(key))
    .collect();
    if !state.locked.is_empty() {
        state.unsaved = Some(ui().progress_not_saved);
    }
    state.online = crate::platform::probe::online();
    state.language = start.language;
    state.other_variety = start.other_variety;
    state.language_failed = start.failed;
    state
}

/// What loading one stored value found.
struct Stored {
    value: Option<Saved>,
    notice: Option<String>,
    /// Unreadable data that could not be kept aside: the key must not be written, or it
    /// would be lost.
    locked: bool,
}

/// Loads one stored value. Unreadable data is kept aside under another key, never
/// deleted, and the user is told why they start fresh (`unreadable`: the sentence that
/// says what couldn't be read, with a `{reason}` place).
fn load_stored(
    key: &'static str,
    unreadable: &str,
    decode: fn(&str) -> Result<Saved, &'static str>,
) -> Stored {
    let Ok(Some(raw)) = storage::load(key) else {
        // Nothing saved, or storage unavailable (already reported by the phone-type load).
        return Stored {
            value: None,
            notice: None,
            locked: false,
        };
    };
    match decode(&raw) {
        Ok(value) => Stored {
            value: Some(value),
            notice: None,
            locked: false,
        },
        Err(reason) => {
            let locked = storage::keep_aside(key, &raw).is_err();
            let kept = if locked {
                ui().unreadable_untouched
            } else {
                ui().unreadable_kept
            };
            let notice = format!("{} {kept}", fill(unreadable, &[("reason", reason)]));
            Stored {
                value: None,
                notice: Some(notice),
                locked,
            }
        }
    }
}

/// What is stored: loaded at start, saved after every change. One type for both values,
/// so loading and the saving hook are one copy each in the wasm rather than one per type.
#[derive(Clone, PartialEq)]
enum Saved {
    Check(Option<crate::diagnosis::check::Check>),
    Runs(Vec<crate::connection::history::Run>),
}

impl Saved {
    /// The text to store, None to remove the key.
    fn encode(&self) -> Option<String> {
        match self {
            Saved::Check(check) => check.as_ref().map(saved::encode),
            Saved::Runs(runs) => {
                (!runs.is_empty()).then(|| crate::connection::history::encode(runs))
            }
        }
    }
}

/// Saves `value` under `key` after every change (not on the first render, which would
/// only write back what was loaded); tells the user once if it can't be saved.
#[hook]
fn use_saved(state: &UseReducerHandle<AppState>, key: &'static str, value: Saved) {
    let dispatcher = state.dispatcher();
    let was_unsaved = state.unsaved.is_some();
    let locked = state.locked.contains(&key);
    let first_render = crate::hooks::use_is_first_render();
    use_effect_with(value, move |value| {
        if first_render || locked {
            return;
        }
        let saved = storage::save(key, value.encode().as_deref());
        if let Saved::Check(check) = value {
            // For the head script: a finished check has no "Continue" card on home, so
            // the static home may show (best effort: without it, the app's home shows).
            let finished = check.as_ref().filter(|c| !c.in_progress()).map(|_| "1");
            let _ = storage::save(storage::CHECK_FINISHED_KEY, finished);
        }
        match saved {
            Ok(()) if was_unsaved => dispatcher.dispatch(Action::Saved),
            Ok(()) => {}
            Err(problem) if !was_unsaved => dispatcher.dispatch(Action::Unsaved(problem.message())),
            Err(_) => {}
        }
    });
}

/// What the app listens to from its first render on (the service worker, the network,
/// the install prompt, the address), and the phone's model, asked for once. Started by
/// the root component's one effect ([`screens::check::use_check_screen`]), which keeps
/// what this returns: the listeners are removed with the app (in the component tests,
/// each mount is its own app).
fn listen(app: &AppContext, navigator: &Navigator) -> Box<dyn std::any::Any> {
    let dispatcher = app.dispatcher();
    let on_update = dispatcher.clone();
    let on_offline = dispatcher.clone();
    let worker = pwa::register_service_worker(
        move || on_update.dispatch(Action::UpdateReady),
        move |ready| on_offline.dispatch(Action::OfflineUse(ready)),
    );
    let on_online = dispatcher.clone();
    let online = crate::platform::probe::watch_online(move |online| {
        on_online.dispatch(Action::Online(online))
    });
    if app.device_source == crate::state::DeviceSource::Default {
        // Chrome's reduced user agent hides the model; it tells it when asked.
        let on_model = dispatcher.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let model = crate::platform::device_model().await;
            if let Some(family) = model.as_deref().and_then(crate::device::guess_from_model) {
                on_model.dispatch(Action::DeviceRevealed(family));
            }
        });
    }
    let on_prompt = dispatcher.clone();
    let install = pwa::listen_for_install(
        move || on_prompt.dispatch(Action::InstallPromptAvailable),
        move || dispatcher.dispatch(Action::Installed),
    );
    Box::new((worker, online, install, navigator.follow_changes()))
}

#[component]
pub fn App(start: &StartProps) -> Html {
    let state = use_reducer(|| initial_state(start));
    use_saved(
        &state,
        storage::CHECK_KEY,
        Saved::Check(state.check.clone()),
    );
    use_saved(
        &state,
        storage::CONNECTION_KEY,
        Saved::Runs(state.runs.clone()),
    );

    // The router, and the screen for the current address in its frame: all in this one
    // component, as each component costs wasm bytes.
    let (navigator, current) = use_hash_router();
    let location = &current.location;
    // The screens' own effects come before the focus, as a child component's did: a
    // start screen that forwards has no heading to focus.
    let start_now = screens::check::start::to_start_at_once(&location.route, &state);
    let check_at = match &location.route {
        Route::Check => Some(None),
        Route::CheckAt { place } => Some(Some(place.clone())),
        _ => None,
    };
    // The check's effect also moves focus to a new screen's heading, after its own work.
    let check =
        screens::check::use_check_screen(start_now, check_at, &current, &state, &navigator, listen);
    let connection =
        screens::connection::use_connection_screen(location.route == Route::Connection);
    // What a screen's button said is forgotten on another screen, as a screen of its
    // own would forget it.
    let deleted = crate::hooks::use_kept(Option::<String>::default);
    if location.route != Route::About && deleted.get().is_some() {
        deleted.set(None);
    }
    let report_status = crate::hooks::use_kept(crate::hooks::nothing_said);
    if location.route != Route::Report && !report_status.get().is_empty() {
        report_status.set("");
    }
    let reads = screens::Reads {
        app: &state,
        phone: &phone_choice(&state),
        navigator: &navigator,
        deleted: &deleted,
        report_status: &report_status,
        check: &check,
        connection: &connection,
    };
    layout::layout(
        &state,
        &navigator,
        &location.route,
        screens::render(location, &reads),
    )
}

//! The root component: state, platform hooks, router and layout.

use crate::content::{content, DeviceFamily};
use crate::diagnosis::saved::{self, Loaded};
use crate::platform::{pwa, storage};
use crate::routes::Route;
use crate::screens;
use crate::state::{Action, AppState};
use crate::widgets::layout::Layout;
use yew::prelude::*;
use yew_router::prelude::*;

/// Shared app state; every screen can read it and dispatch actions.
pub type AppContext = UseReducerHandle<AppState>;

/// Reads the shared state. Panics only if a component is used outside [`App`].
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("component is rendered inside <App>")
}

/// Saves the chosen phone family and tells the user when it could not be saved.
pub fn choose_device(app: &AppContext, family: DeviceFamily) {
    app.dispatch(Action::ChooseDevice(family));
    if let Err(problem) = storage::save_device(family) {
        app.dispatch(Action::Notice(problem.message().into()));
    }
}

fn initial_state() -> AppState {
    let (saved, notice) = match storage::load_device() {
        Ok(saved) => (saved, None),
        Err(problem) => (None, Some(problem.message().to_owned())),
    };
    let guessed = crate::device::guess_family(&crate::platform::user_agent());
    let mut state = AppState::new(saved, guessed, pwa::is_standalone());
    state.notice = notice;
    let (check, check_notice) = load_check();
    state.check = check;
    state.notice = check_notice.or(state.notice);
    let (runs, runs_notice) = load_runs();
    state.runs = runs;
    state.notice = state.notice.or(runs_notice);
    state.online = crate::platform::probe::online();
    state
}

/// Loads the connection test history; unreadable history is kept aside like the check.
fn load_runs() -> (Vec<crate::connection::history::Run>, Option<String>) {
    let Ok(Some(raw)) = storage::load(storage::CONNECTION_KEY) else { return (Vec::new(), None) };
    match crate::connection::history::decode(&raw) {
        Ok(runs) => (runs, None),
        Err(reason) => {
            let _ = storage::keep_aside(storage::CONNECTION_KEY, &raw);
            (Vec::new(), Some(format!("We couldn't read your earlier connection tests because {reason}. We kept a copy and started a new list.")))
        }
    }
}

/// Loads the saved check. Unreadable data is kept aside under another key, never
/// deleted, and the user is told why they start fresh.
fn load_check() -> (Option<crate::diagnosis::check::Check>, Option<String>) {
    let raw = match storage::load(storage::CHECK_KEY) {
        Ok(raw) => raw,
        Err(_) => return (None, None), // already reported by the phone-type load
    };
    match saved::decode(raw.as_deref(), content()) {
        Loaded::Empty => (None, None),
        Loaded::Found(check) => (Some(check), None),
        Loaded::Unreadable { raw, reason } => {
            let kept = match storage::keep_aside(storage::CHECK_KEY, &raw) {
                Ok(_) => "We kept a copy on this phone",
                Err(_) => "We left it where it was",
            };
            let notice = format!("We couldn't continue your saved check because {reason}. {kept} and started fresh.");
            (None, Some(notice))
        }
    }
}

/// Saves the check after every change; tells the user once if it can't be saved.
#[hook]
fn use_saved_check(state: &UseReducerHandle<AppState>) {
    let check = state.check.clone();
    let dispatcher = state.dispatcher();
    let was_unsaved = state.unsaved.is_some();
    let first_run = use_mut_ref(|| true);
    use_effect_with(check, move |check| {
        // The first run would only write back what was just loaded, and must not remove
        // unreadable data that could not be kept aside.
        if std::mem::replace(&mut *first_run.borrow_mut(), false) {
            return;
        }
        let raw = check.as_ref().map(saved::encode);
        match storage::save(storage::CHECK_KEY, raw.as_deref()) {
            Ok(()) if was_unsaved => dispatcher.dispatch(Action::Saved),
            Ok(()) => {}
            Err(problem) if !was_unsaved => dispatcher.dispatch(Action::Unsaved(problem.message())),
            Err(_) => {}
        }
    });
}

/// Saves the connection test history whenever a run is added.
#[hook]
fn use_saved_runs(state: &UseReducerHandle<AppState>) {
    let runs = state.runs.clone();
    let dispatcher = state.dispatcher();
    let first_run = use_mut_ref(|| true);
    use_effect_with(runs, move |runs| {
        if std::mem::replace(&mut *first_run.borrow_mut(), false) {
            return;
        }
        let raw = (!runs.is_empty()).then(|| crate::connection::history::encode(runs));
        if let Err(problem) = storage::save(storage::CONNECTION_KEY, raw.as_deref()) {
            dispatcher.dispatch(Action::Unsaved(problem.message()));
        }
    });
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    use_saved_check(&state);
    use_saved_runs(&state);

    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let on_update = dispatcher.clone();
            pwa::register_service_worker(move || on_update.dispatch(Action::UpdateReady));
            let on_online = dispatcher.clone();
            let listeners = crate::platform::probe::watch_online(move |online| on_online.dispatch(Action::Online(online)));
            std::mem::forget(listeners); // for the app's whole life
            let on_prompt = dispatcher.clone();
            pwa::listen_for_install(
                move || on_prompt.dispatch(Action::InstallPromptAvailable),
                move || dispatcher.dispatch(Action::Installed),
            );
        });
    }

    html! {
        <ContextProvider<AppContext> context={state}>
            <HashRouter>
                <Layout>
                    <Switch<Route> render={screens::render} />
                </Layout>
            </HashRouter>
        </ContextProvider<AppContext>>
    }
}

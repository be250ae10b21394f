//! The root component: state, platform hooks, router and layout.

use crate::content::DeviceFamily;
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
    state
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);

    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let on_update = dispatcher.clone();
            pwa::register_service_worker(move || on_update.dispatch(Action::UpdateReady));
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

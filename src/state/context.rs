//! The app state as Yew context: how screens read it and change it. Kept beside the
//! reducer (as Yew's todomvc keeps its state in one place), so screens depend on the
//! state module and never on `app`, which depends on the screens.

use super::{Action, AppState};
use crate::content::DeviceFamily;
use crate::platform::storage;
use yew::prelude::*;

/// Shared app state; every screen can read it and dispatch actions.
pub type AppContext = UseReducerHandle<AppState>;

/// Reads the shared state. Panics only if a component is used outside `app::App`.
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

//! The app state's handle: how screens read it and change it (the root component hands
//! it to them; there is no context provider, which would cost a component in the wasm).
//! Kept beside the reducer (as Yew's todomvc keeps its state in one place), so screens
//! depend on the state module and never on `app`, which depends on the screens.

use super::{Action, AppState};
use crate::content::DeviceFamily;
use crate::platform::storage;
use yew::prelude::*;

/// Shared app state; every screen can read it and dispatch actions.
pub type AppContext = UseReducerHandle<AppState>;

/// What a screen hands to the phone widgets: the family, where it came from, and how
/// to change it (saved, with a notice when it can't be).
#[derive(Clone, PartialEq)]
pub struct PhoneChoice {
    pub family: DeviceFamily,
    pub source: super::DeviceSource,
    pub on_choose: Callback<DeviceFamily>,
}

impl PhoneChoice {
    /// The family if the user chose it or the browser revealed it (for the report: a
    /// default is not a fact about the phone).
    pub fn known(&self) -> Option<DeviceFamily> {
        (self.source != super::DeviceSource::Default).then_some(self.family)
    }
}

/// The phone family as props for widgets; for screens (widgets never read context).
pub fn phone_choice(app: &AppContext) -> PhoneChoice {
    let on_choose = {
        let app = app.clone();
        Callback::from(move |family| choose_device(&app, family))
    };
    PhoneChoice {
        family: app.device,
        source: app.device_source,
        on_choose,
    }
}

/// Saves the chosen phone family and tells the user when it could not be saved.
pub fn choose_device(app: &AppContext, family: DeviceFamily) {
    app.dispatch(Action::ChooseDevice(family));
    if let Err(problem) = storage::save_device(family) {
        app.dispatch(Action::Notice(problem.message().into()));
    }
}

/// Shows `language`: its words (downloaded, or from the service worker's cache) replace
/// the ones on screen, the choice is saved for the next start, and `<html lang dir>` and
/// the title follow. If its pack can't be loaded, the shown language stays and the app
/// says so. Only the latest choice counts: a slower download of an earlier one (picked
/// a moment before, or passed with the arrow keys) is dropped when it arrives.
pub fn choose_language(app: &AppContext, language: &'static crate::language::Language) {
    use crate::platform::language as page;
    use std::sync::atomic::{AtomicU32, Ordering};
    static LATEST: AtomicU32 = AtomicU32::new(0);
    let choice = LATEST.fetch_add(1, Ordering::Relaxed) + 1;
    let app = app.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = page::load(language, false).await;
        if LATEST.load(Ordering::Relaxed) != choice {
            return;
        }
        match loaded {
            Some(words) => {
                crate::content::show(words);
                page::show(language, words.ui.app_title);
                page::save_choice(language);
                app.dispatch(Action::LanguageShown(language));
            }
            None => app.dispatch(Action::LanguageFailed(language)),
        }
    });
}

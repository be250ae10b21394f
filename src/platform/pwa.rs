//! Service worker registration, the "update available" hand-over and the install prompt.
//!
//! Updates never happen behind the user's back: a new worker waits until the user taps
//! "Reload", then it takes over and the page reloads once, so old and new files are never
//! mixed in one page.

use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The message `static/sw.js` waits for before it calls `skipWaiting()`.
const SKIP_WAITING: &str = "skip-waiting";

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static INSTALL_EVENT: RefCell<Option<web_sys::Event>> = const { RefCell::new(None) };
    static RELOAD_ON_CONTROLLER_CHANGE: Cell<bool> = const { Cell::new(false) };
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers `sw.js` and calls `on_update_ready` whenever a new version is installed
/// and waiting. Does nothing where service workers are unavailable (http, old browsers).
pub fn register_service_worker(on_update_ready: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    let on_update_ready = std::rc::Rc::new(on_update_ready);

    EventListener::new(&container, "controllerchange", |_| {
        if RELOAD_ON_CONTROLLER_CHANGE.with(Cell::get) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    })
    .forget();

    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration.clone()));
        // A worker already waiting from an earlier visit is an update too.
        let has_controller = || container.controller().is_some();
        if registration.waiting().is_some() && has_controller() {
            on_update_ready();
        }
        let registration_for_event = registration.clone();
        EventListener::new(&registration, "updatefound", move |_| {
            let Some(installing) = registration_for_event.installing() else {
                return;
            };
            let on_update_ready = on_update_ready.clone();
            let worker = installing.clone();
            EventListener::new(&installing, "statechange", move |_| {
                let is_update = web_sys::window()
                    .map(|w| w.navigator().service_worker().controller().is_some())
                    .unwrap_or(false);
                if worker.state() == ServiceWorkerState::Installed && is_update {
                    on_update_ready();
                }
            })
            .forget();
        })
        .forget();
    });
}

/// Tells the waiting worker to take over; the page reloads when it has.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
    match waiting {
        Some(worker) => {
            RELOAD_ON_CONTROLLER_CHANGE.with(|f| f.set(true));
            let _ = worker.post_message(&JsValue::from_str(SKIP_WAITING));
        }
        None => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    }
}

/// True when running as an installed app (opened from the home screen).
pub fn is_standalone() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(display-mode: standalone)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// Keeps the browser's install prompt for the Install button; calls `on_available`
/// when the browser offers one and `on_installed` after the app was installed.
pub fn listen_for_install(on_available: impl Fn() + 'static, on_installed: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    EventListener::new(&window, "beforeinstallprompt", move |event| {
        event.prevent_default();
        INSTALL_EVENT.with(|e| *e.borrow_mut() = Some(event.clone()));
        on_available();
    })
    .forget();
    EventListener::new(&window, "appinstalled", move |_| {
        INSTALL_EVENT.with(|e| e.borrow_mut().take());
        on_installed();
    })
    .forget();
}

/// Shows the browser's install dialog; resolves to true if the user accepted.
/// The prompt can be used once, so it is forgotten afterwards.
pub async fn prompt_install() -> bool {
    let Some(event) = INSTALL_EVENT.with(|e| e.borrow_mut().take()) else {
        return false;
    };
    let call = |name: &str| -> Option<js_sys::Promise> {
        let function: js_sys::Function = js_sys::Reflect::get(&event, &name.into())
            .ok()?
            .dyn_into()
            .ok()?;
        function.call0(&event).ok()?.dyn_into().ok()
    };
    let Some(shown) = call("prompt") else {
        return false;
    };
    if JsFuture::from(shown).await.is_err() {
        return false;
    }
    let choice = js_sys::Reflect::get(&event, &"userChoice".into())
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Promise>().ok());
    let Some(choice) = choice else { return false };
    let Ok(result) = JsFuture::from(choice).await else {
        return false;
    };
    js_sys::Reflect::get(&result, &"outcome".into())
        .ok()
        .and_then(|o| o.as_string())
        .is_some_and(|o| o == "accepted")
}

//! Service worker registration, the "update available" hand-over and the install prompt.
//!
//! Updates never happen behind the user's back: a new worker waits until the user taps
//! "Reload", then it takes over and the page reloads once, so old and new files are never
//! mixed in one page.

use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration};

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

/// Event listeners that live as long as the component that asked for them: dropping
/// this removes them all, including those added later by the async registration.
#[derive(Default)]
pub struct Listeners(Rc<RefCell<Vec<EventListener>>>);

impl Listeners {
    fn push(&self, listener: EventListener) {
        self.0.borrow_mut().push(listener);
    }
}

/// Registers `sw.js` and calls `on_update_ready` whenever a new version is installed
/// and waiting. Does nothing where service workers are unavailable (http, old browsers).
///
/// The browser may find a new version on its own (on any navigation) before
/// `register()` resolves; a worker already installing or waiting by then is followed
/// too, so the offer never waits for the next launch.
pub fn register_service_worker(
    on_update_ready: impl Fn() + 'static,
    on_offline_use: impl Fn(bool) + 'static,
) -> Listeners {
    let listeners = Listeners::default();
    let Some(container) = container() else {
        on_offline_use(false);
        return listeners;
    };
    let on_update_ready: Rc<dyn Fn()> = Rc::new(on_update_ready);

    listeners.push(EventListener::new(&container, "controllerchange", |_| {
        if RELOAD_ON_CONTROLLER_CHANGE.with(Cell::get) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    }));

    let later = Rc::downgrade(&listeners.0);
    let registered = JsFuture::from(container.register("./sw.js"));
    // `ready` settles once a worker is active: every file is cached by then. (A failed
    // install leaves it waiting: offline use is not ready, and the card keeps saying so.)
    let ready = container.ready().map(JsFuture::from);
    spawn_local(async move {
        // A registration that isn't one (a browser or test harness that blocks workers
        // answers `undefined`) is no registration.
        let (Ok(registration), Ok(ready)) = (registered.await, ready) else {
            on_offline_use(false);
            return;
        };
        if !registration.is_object() {
            on_offline_use(false);
            return;
        };
        spawn_local(async move { on_offline_use(ready.await.is_ok()) });
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration.clone()));
        // The component that asked is gone: attach nothing.
        let Some(list) = later.upgrade() else { return };
        let list = Listeners(list);
        // A worker already waiting from an earlier visit is an update too.
        if registration.waiting().is_some() && is_update() {
            on_update_ready();
        }
        // One that the browser is installing right now (found before we listened).
        if let Some(installing) = registration.installing() {
            follow(&list, installing, on_update_ready.clone());
        }
        let registration_for_event = registration.clone();
        // Weak: this listener lives in the same list, and a strong reference would keep
        // the list (and every listener in it) alive after the component is gone.
        let list_for_event = Rc::downgrade(&list.0);
        list.push(EventListener::new(
            &registration,
            "updatefound",
            move |_| {
                let Some(list) = list_for_event.upgrade() else {
                    return;
                };
                if let Some(installing) = registration_for_event.installing() {
                    follow(&Listeners(list), installing, on_update_ready.clone());
                }
            },
        ));
    });
    listeners
}

/// True when a worker already controls this page, so a newly installed one is an update
/// (not the first install).
fn is_update() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Offers the update once `worker` has installed (and so waits to take over).
fn follow(list: &Listeners, worker: ServiceWorker, on_update_ready: Rc<dyn Fn()>) {
    let watched = worker.clone();
    list.push(EventListener::new(&worker, "statechange", move |_| {
        // The state as the browser names it: web-sys's `ServiceWorkerState` would bring
        // a table of every state's name, and a panic path, into the wasm.
        let state = js_sys::Reflect::get(&watched, &"state".into()).ok();
        if state.and_then(|s| s.as_string()).as_deref() == Some("installed") && is_update() {
            on_update_ready();
        }
    }));
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
/// when the browser offers one and `on_installed` after the app was installed. The
/// listeners stay until the returned value is dropped.
pub fn listen_for_install(
    on_available: impl Fn() + 'static,
    on_installed: impl Fn() + 'static,
) -> Listeners {
    let listeners = Listeners::default();
    let Some(window) = web_sys::window() else {
        return listeners;
    };
    listeners.push(EventListener::new(
        &window,
        "beforeinstallprompt",
        move |event| {
            event.prevent_default();
            INSTALL_EVENT.with(|e| *e.borrow_mut() = Some(event.clone()));
            on_available();
        },
    ));
    listeners.push(EventListener::new(&window, "appinstalled", move |_| {
        INSTALL_EVENT.with(|e| e.borrow_mut().take());
        on_installed();
    }));
    listeners
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

//! The address bar's hash, where the route lives (`#/guide?q=vpn`).

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The current hash, "" when there is none.
pub fn hash() -> String {
    location().and_then(|l| l.hash().ok()).unwrap_or_default()
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// Moves to `href` ("#/check") at the top of the page, adding a history entry so Back
/// returns here. The entry remembers the address it came from ([`came_from`]).
pub fn push(href: &str) {
    if let Some(history) = history() {
        let from = wasm_bindgen::JsValue::from_str(&hash());
        let _ = history.push_state_with_url(&from, "", Some(href));
    }
    to_top();
}

/// Scrolls to the top of the page, where a new screen starts.
pub fn to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves to `href` in place of the current history entry (a redirect, or search text
/// changing as it is typed); the entry still knows where it came from.
pub fn replace(href: &str) {
    if let Some(history) = history() {
        let from = history.state().unwrap_or_default();
        let _ = history.replace_state_with_url(&from, "", Some(href));
    }
}

/// The address of the app's history entry behind this one (each entry keeps it in its
/// state); "" for the entry the app was opened at (from a shortcut or another site),
/// where Back would leave the app.
pub fn came_from() -> Option<String> {
    history()?.state().ok()?.as_string()
}

/// Gives the current entry `from` as its [`came_from`], unless it has one: the browser
/// made the entry (a link, a typed address, the one the app was opened at).
fn note_came_from(from: &str) {
    if let Some(history) = history() {
        if history.state().is_ok_and(|state| state.is_null()) {
            let _ = history.replace_state(&from.into(), "");
        }
    }
}

/// The browser's Back.
pub fn back() {
    if let Some(history) = history() {
        let _ = history.back();
    }
}

/// Calls `on_change` after every change of the hash: links, Back, Forward, typing.
/// Every entry the browser makes is told where it came from.
pub fn watch(on_change: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    note_came_from("");
    Some(gloo::events::EventListener::new(
        &window,
        "hashchange",
        move |event| {
            let old = js_sys::Reflect::get(event, &"oldURL".into())
                .ok()
                .and_then(|url| url.as_string())
                .unwrap_or_default();
            note_came_from(old.find('#').map_or("", |at| &old[at..]));
            on_change();
        },
    ))
}

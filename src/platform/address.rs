//! The address bar's hash, where the route lives (`#/guide?q=vpn`).

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The current hash, "" when there is none.
pub fn hash() -> String {
    location().and_then(|l| l.hash().ok()).unwrap_or_default()
}

/// Moves to `href` ("#/check") at the top of the page, adding a history entry so Back
/// returns here.
pub fn push(href: &str) {
    if let Some(location) = location() {
        let _ = location.set_hash(href);
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
/// changing as it is typed).
pub fn replace(href: &str) {
    if let Some(location) = location() {
        let _ = location.replace(href);
    }
}

/// The address ("#/…") of the history entry behind this one when it is this page's,
/// so Back stays in the app; None when Back would leave it (the app was opened there,
/// from a shortcut or a link) or the browser can't say (no Navigation API).
pub fn behind() -> Option<String> {
    use wasm_bindgen::{JsCast, JsValue};
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let window = web_sys::window()?;
    let navigation = get(&window, "navigation")?;
    let index = get(&get(&navigation, "currentEntry")?, "index")?.as_f64()? as u32;
    // Throws (an error here) where `entries` is not a function.
    let entries = get(&navigation, "entries")?
        .unchecked_into::<js_sys::Function>()
        .call0(&navigation)
        .ok()?;
    let entry = js_sys::Reflect::get_u32(&entries, index.checked_sub(1)?).ok()?;
    let url = get(&entry, "url")?.as_string()?;
    // An entry without a hash is home: the installed app starts at `./`.
    let (page, hash) = url.split_at(url.find('#').unwrap_or(url.len()));
    let hash = if hash.len() > 1 { hash } else { "#/" };
    let here = window.location().href().ok()?;
    (here.split('#').next() == Some(page)).then(|| hash.to_owned())
}

/// The browser's Back.
pub fn back() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

/// Calls `on_change` after every change of the hash: links, Back, Forward, typing.
pub fn watch(on_change: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "hashchange",
        move |_| on_change(),
    ))
}

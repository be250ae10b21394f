//! The address bar's hash, where the route lives (`#/guide?q=vpn`).

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The current hash, "" when there is none.
pub fn hash() -> String {
    location().and_then(|l| l.hash().ok()).unwrap_or_default()
}

/// Moves to `href` ("#/check"), adding a history entry so Back returns here.
pub fn push(href: &str) {
    if let Some(location) = location() {
        let _ = location.set_hash(href);
    }
}

/// Moves to `href` in place of the current history entry (a redirect, or search text
/// changing as it is typed).
pub fn replace(href: &str) {
    if let Some(location) = location() {
        let _ = location.replace(href);
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

//! Platform: thin wrappers over browser APIs. Each returns plain Rust values so the
//! screens never touch web-sys directly.

pub mod address;
pub mod probe;
pub mod pwa;
pub mod share;
pub mod storage;

/// The one clock: milliseconds since 1970 (timestamps in saved data, probe timing).
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// The browser's user agent, or "" where it cannot be read.
pub fn user_agent() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default()
}

/// Moves keyboard and screen-reader focus to the page's main heading, so a new screen
/// is announced and the next Tab starts from it.
pub fn focus_main_heading() {
    let heading = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten());
    if let Some(heading) = heading {
        use wasm_bindgen::JsCast;
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    }
}

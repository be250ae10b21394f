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

/// The phone's model name, where the browser tells it on request (Chrome on Android:
/// `navigator.userAgentData.getHighEntropyValues(["model", "platformVersion"])`; its
/// plain user agent says only "K"). None elsewhere, or if the browser refuses.
pub async fn device_model() -> Option<String> {
    use wasm_bindgen::JsCast;
    let navigator = web_sys::window()?.navigator();
    let data = js_sys::Reflect::get(&navigator, &"userAgentData".into()).ok()?;
    let ask: js_sys::Function = js_sys::Reflect::get(&data, &"getHighEntropyValues".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let hints = js_sys::Array::of2(&"model".into(), &"platformVersion".into());
    let promise: js_sys::Promise = ask.call1(&data, &hints).ok()?.dyn_into().ok()?;
    let values = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    js_sys::Reflect::get(&values, &"model".into())
        .ok()?
        .as_string()
        .filter(|m| !m.is_empty())
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

/// Moves focus to the element with `id` and scrolls it to the top of the screen: a
/// result that appears below the fold is seen and announced. Smooth, unless the person
/// asked for reduced motion.
pub fn focus_and_reveal(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let element = window
        .document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(element) = element else {
        return;
    };
    let still = window
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let scroll = web_sys::ScrollIntoViewOptions::new();
    if !still {
        scroll.set_behavior(web_sys::ScrollBehavior::Smooth);
    }
    element.scroll_into_view_with_scroll_into_view_options(&scroll);
    // Focus would jump to the element at once: the scroll above does the moving.
    let focus = web_sys::FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = element.focus_with_options(&focus);
}

//! Platform: thin wrappers over browser APIs. Each returns plain Rust values so the
//! screens never touch web-sys directly.

pub mod address;
pub mod language;
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

/// Moves keyboard and screen-reader focus to the first element matching `selector`
/// (which has `tabindex="-1"` if it isn't a control), so it is announced and the next
/// Tab starts from it. `to_top` also brings it to the top of the screen: a result that
/// appears near the bottom edge is seen whole (at once, so reduced motion needs nothing
/// more; CSS `scroll-margin-top` keeps the line above it in view).
pub fn focus(selector: &str, to_top: bool) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        if to_top {
            element.scroll_into_view();
        }
        let _ = element.focus();
    }
}

/// Focus on the page's main heading: a new screen.
pub fn focus_main_heading() {
    focus("main h1", false);
}

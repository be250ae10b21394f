//! Copying and sharing the report.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// Copies text to the clipboard; false if the browser refused (no permission, http).
pub async fn copy(text: &str) -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    if !js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false) {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// True when the browser has the Web Share API.
pub fn can_share() -> bool {
    navigator().is_some_and(|n| js_sys::Reflect::has(&n, &"share".into()).unwrap_or(false))
}

/// Opens the phone's share sheet; false if unavailable or cancelled.
pub async fn share(title: &str, text: &str) -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into()) else {
        return false;
    };
    let Ok(share) = share.dyn_into::<js_sys::Function>() else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &JsValue::from_str(title));
    let _ = js_sys::Reflect::set(&data, &"text".into(), &JsValue::from_str(text));
    let Ok(promise) = share.call1(&navigator, &data) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    JsFuture::from(promise).await.is_ok()
}

/// Milliseconds since 1970, for timestamps in the saved check.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Today's date as YYYY-MM-DD, for the report.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

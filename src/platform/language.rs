//! The language on the page: what the head script (`static/lang.js`) picked and started
//! downloading, the packs' addresses, `<html lang dir>`, the saved choice, and fetching
//! a pack (the service worker answers from its cache offline).

use crate::content::Words;
use crate::language::{self, Language};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the saved choice lives: a plain string, read by the head script too.
pub const SAVED_KEY: &str = "dm-doctor.language";

/// The head script's `dmDoctorLanguage` object, if it ran.
fn head() -> Option<wasm_bindgen::JsValue> {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"dmDoctorLanguage".into())
        .ok()
        .filter(|v| v.is_object())
}

fn field(object: &wasm_bindgen::JsValue, name: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(object, &name.into()).ok()
}

/// The language the head script picked, and whether it said the browser asked for
/// another variety of it. English if the head script didn't run.
pub fn picked() -> (&'static Language, bool) {
    let head = head();
    let code = head.as_ref().and_then(|h| field(h, "code")?.as_string());
    let other_variety = head
        .as_ref()
        .and_then(|h| field(h, "otherVariety")?.as_bool())
        .unwrap_or(false);
    (
        code.as_deref()
            .and_then(language::by_code)
            .unwrap_or(language::english()),
        other_variety,
    )
}

/// The bytes of `language`'s pack: the download the head script started, for the
/// language it picked (once: a retry downloads again), else a new request (answered by
/// the service worker's cache when it holds the pack). `fresh` skips that cache, for a
/// cached copy that turned out damaged.
async fn fetch_pack(language: &Language, first_try: bool, fresh: bool) -> Option<Vec<u8>> {
    let head = head()?;
    let started = (first_try && picked().0 == language)
        .then(|| field(&head, "pack"))
        .flatten()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let bytes = match started {
        Some(promise) => JsFuture::from(promise).await.ok()?,
        None => {
            let mut url = field(&field(&head, "packs")?, language.code)?.as_string()?;
            if fresh {
                // Not the precached address, so the service worker passes it on.
                url.push_str("?fresh");
            }
            let response: web_sys::Response =
                JsFuture::from(web_sys::window()?.fetch_with_str(&url))
                    .await
                    .ok()?
                    .dyn_into()
                    .ok()?;
            if !response.ok() {
                return None;
            }
            JsFuture::from(response.array_buffer().ok()?).await.ok()?
        }
    };
    Some(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// Asks the head script to say, in every language, that no words could be loaded.
pub fn show_pack_problem() {
    let show = head()
        .and_then(|h| field(&h, "showPackProblem"))
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(show) = show {
        let _ = show.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// Sets `<html lang dir>` to what is shown, and the page title.
pub fn show(language: &Language, title: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", language.code);
        let _ = root.set_attribute("dir", if language.rtl { "rtl" } else { "ltr" });
    }
    if !title.is_empty() {
        document.set_title(title);
    }
}

/// Saves the choice for the next start (and the head script). Best effort: without
/// storage the browser's languages decide next time, and that is said nowhere else.
pub fn save_choice(language: &Language) -> bool {
    super::storage::save(SAVED_KEY, Some(language.code)).is_ok()
}

thread_local! {
    /// Packs read this session: switching back needs no download, and each is read once.
    static LOADED: std::cell::RefCell<Vec<(&'static str, &'static Words)>> = Default::default();
}

/// `language`'s words, downloaded (or from the service worker's cache) and checked.
pub async fn load(language: &'static Language, first_try: bool) -> Option<&'static Words> {
    if let Some(words) = LOADED.with_borrow(|loaded| {
        loaded
            .iter()
            .find(|(code, _)| *code == language.code)
            .map(|(_, w)| *w)
    }) {
        return Some(words);
    }
    let bytes = fetch_pack(language, first_try, false).await?;
    let words = match Words::from_pack(language.code, &bytes) {
        Ok(words) => words,
        // A damaged copy (from a cache): once more from the network.
        Err(_) => {
            Words::from_pack(language.code, &fetch_pack(language, false, true).await?).ok()?
        }
    };
    let words: &'static Words = Box::leak(Box::new(words));
    LOADED.with_borrow_mut(|loaded| loaded.push((language.code, words)));
    Some(words)
}

/// What start-up could show.
pub enum Start {
    /// `shown`'s words; `failed` is the language that was wanted, when its pack couldn't
    /// be loaded and another language's could.
    Words {
        shown: &'static Language,
        words: &'static Words,
        failed: Option<&'static Language>,
    },
    /// No pack at all could be loaded (a first visit that failed, offline).
    Nothing,
}

/// Loads `wanted`'s words, else the first other language that loads: English first, then
/// the others (offline, only packs the service worker holds load).
pub async fn start(wanted: &'static Language) -> Start {
    if let Some(words) = load(wanted, true).await {
        return Start::Words {
            shown: wanted,
            words,
            failed: None,
        };
    }
    for other in language::offered().filter(|l| *l != wanted) {
        if let Some(words) = load(other, false).await {
            return Start::Words {
                shown: other,
                words,
                failed: Some(wanted),
            };
        }
    }
    Start::Nothing
}

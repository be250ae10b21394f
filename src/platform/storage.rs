//! localStorage access that never throws: private mode, disabled storage and a full
//! quota come back as a [`StorageProblem`] the screens can explain.

use crate::content::DeviceFamily;
use wasm_bindgen::JsValue;

/// Every key DM Doctor writes starts with this, so "Delete my data" can find them all.
pub const PREFIX: &str = "dm-doctor.";
const DEVICE_KEY: &str = "dm-doctor.device";

#[derive(Debug, Clone, PartialEq)]
pub enum StorageProblem {
    /// Storage is switched off or blocked (some private modes, strict settings).
    Unavailable,
    /// The browser says the storage quota is used up.
    Full,
}

impl StorageProblem {
    /// What to tell the user, in the language on screen.
    pub fn message(&self) -> &'static str {
        let ui = crate::content::ui();
        match self {
            Self::Unavailable => ui.storage_unavailable,
            Self::Full => ui.storage_full,
        }
    }
}

fn local_storage() -> Result<web_sys::Storage, StorageProblem> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageProblem::Unavailable)
}

fn classify(error: JsValue) -> StorageProblem {
    let name = js_sys::Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageProblem::Full
    } else {
        StorageProblem::Unavailable
    }
}

/// The phone family the user picked, if any.
pub fn load_device() -> Result<Option<DeviceFamily>, StorageProblem> {
    Ok(load(DEVICE_KEY)?
        .as_deref()
        .and_then(DeviceFamily::from_key))
}

pub fn save_device(family: DeviceFamily) -> Result<(), StorageProblem> {
    save(DEVICE_KEY, Some(family.key()))
}

/// Removes every key DM Doctor has written; returns how many saved items were removed
/// (the finished-check mark is part of its check, not an item of its own).
pub fn delete_all() -> Result<usize, StorageProblem> {
    let storage = local_storage()?;
    let length = storage.length().map_err(classify)?;
    // A plain loop: a filtered collect is another copy of std's collecting code.
    let mut ours = Vec::new();
    for i in 0..length {
        if let Some(key) = storage.key(i).ok().flatten() {
            if key.starts_with(PREFIX) {
                ours.push(key);
            }
        }
    }
    let mut items = 0;
    for key in &ours {
        storage.remove_item(key).map_err(classify)?;
        items += usize::from(key != CHECK_FINISHED_KEY);
    }
    Ok(items)
}

/// Where the guided check is kept.
pub const CHECK_KEY: &str = "dm-doctor.check";
/// Set while the saved check is finished (it has no "Continue" card on home): read by
/// the head script (static/lang.js), which can't read the check itself.
pub const CHECK_FINISHED_KEY: &str = "dm-doctor.check-finished";
/// Where the connection test history is kept.
pub const CONNECTION_KEY: &str = "dm-doctor.connection";
const KEPT_PREFIX: &str = "dm-doctor.kept.";

/// The raw text stored under `key`, if any.
pub fn load(key: &str) -> Result<Option<String>, StorageProblem> {
    local_storage()?.get_item(key).map_err(classify)
}

/// Stores text under `key`, or removes the key when `None`.
pub fn save(key: &str, raw: Option<&str>) -> Result<(), StorageProblem> {
    let storage = local_storage()?;
    match raw {
        Some(raw) => storage.set_item(key, raw).map_err(classify),
        None => storage.remove_item(key).map_err(classify),
    }
}

/// Moves unreadable text from `key` to a key of its own so nothing is destroyed, and
/// clears `key` so the app starts clean. Returns the key it was kept under.
pub fn keep_aside(key: &str, raw: &str) -> Result<String, StorageProblem> {
    let storage = local_storage()?;
    let kept = format!(
        "{KEPT_PREFIX}{}.{}",
        // strip_prefix, not trim_start_matches: a `&str` pattern there brings in the
        // standard library's two-way searcher.
        key.strip_prefix(PREFIX).unwrap_or(key),
        super::now()
    );
    storage.set_item(&kept, raw).map_err(classify)?;
    storage.remove_item(key).map_err(classify)?;
    Ok(kept)
}

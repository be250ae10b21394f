//! The connection test's requests: cache-proof, marked so the service worker passes
//! them through, each with a timeout, hosts probed concurrently, the whole test bounded.
//! Classification of the results is pure (`connection::verdict`), and so is the count
//! behind the progress bar (`connection::progress`).

use super::now;
use crate::connection::progress::Progress;
use crate::connection::verdict::{HostResult, Measurements, Sample};
use crate::connection::{SAMPLES, SAMPLE_TIMEOUT_MS, TEST_BUDGET_MS};
use crate::content::{Group, Probe};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Response};

/// The query parameter `static/sw.js` lets through to the network untouched.
pub const PROBE_PARAM: &str = "dmd-probe";

/// `navigator.onLine`: false means offline for sure; true only means "some network".
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// One timed request. Outside hosts are fetched `no-cors`: an opaque answer still
/// proves a server answered, and a network failure rejects.
async fn sample(url: &str, own_site: bool, timeout_ms: u32) -> Sample {
    let Some(window) = web_sys::window() else {
        return Sample::Failed;
    };
    let Ok(controller) = AbortController::new() else {
        return Sample::Failed;
    };
    let signal = controller.signal();
    // The request's options as a plain object: the same dictionary as web-sys's
    // RequestInit setters, without one JS import and one enum table apiece.
    // (The method is fetch's default, GET.)
    let init = js_sys::Object::new();
    let mode = if own_site { "same-origin" } else { "no-cors" };
    for (key, value) in [
        ("mode", mode),
        ("cache", "no-store"),
        ("credentials", "omit"),
        ("referrerPolicy", "no-referrer"),
    ] {
        let _ = js_sys::Reflect::set(&init, &key.into(), &value.into());
    }
    let _ = js_sys::Reflect::set(&init, &"signal".into(), &signal);
    let separator = if url.contains('?') { '&' } else { '?' };
    let url = format!("{url}{separator}{PROBE_PARAM}=1&t={}", now());

    let timer = Timeout::new(timeout_ms, move || controller.abort());
    let started = now();
    let result = JsFuture::from(window.fetch_with_str_and_init(&url, init.unchecked_ref())).await;
    let elapsed = u32::try_from(now().saturating_sub(started)).unwrap_or(u32::MAX);
    drop(timer);
    match result {
        Ok(response) => {
            let ok = response
                .dyn_into::<Response>()
                .is_ok_and(|r| !own_site || r.ok());
            if ok {
                Sample::Answered(elapsed)
            } else {
                Sample::Failed
            }
        }
        Err(_) if signal.aborted() => Sample::TimedOut,
        Err(_) => Sample::Failed,
    }
}

/// The test's progress, shared by the hosts probed at once; every change is reported.
struct Tracker {
    progress: Cell<Progress>,
    report: Box<dyn Fn(Progress)>,
}

impl Tracker {
    fn update(&self, change: impl FnOnce(&mut Progress)) {
        let mut progress = self.progress.get();
        change(&mut progress);
        self.progress.set(progress);
        (self.report)(progress);
    }
}

/// Samples one host in turn until [`SAMPLES`], the deadline, or a first failure.
async fn probe_host(probe: &Probe, deadline: u64, tracker: &Tracker) -> HostResult {
    let own_site = probe.group == Group::OwnSite;
    let mut samples = Vec::new();
    while samples.len() < SAMPLES {
        let remaining = deadline.saturating_sub(now());
        if remaining < 100 {
            break;
        }
        let timeout = u32::try_from(remaining)
            .unwrap_or(u32::MAX)
            .min(SAMPLE_TIMEOUT_MS);
        let result = sample(&probe.url, own_site, timeout).await;
        samples.push(result);
        tracker.update(Progress::sample_settled);
        // A host that never answered is unreachable: don't keep waiting on it.
        if !samples.iter().any(|s| matches!(s, Sample::Answered(_))) {
            break;
        }
    }
    tracker.update(|p| p.host_finished(samples.len()));
    HostResult {
        host: probe.label.clone(),
        samples,
    }
}

/// Runs the whole test, calling `on_progress` as it starts and as each sample settles.
/// Offline phones are not probed at all.
pub async fn run(probes: &[Probe], on_progress: Box<dyn Fn(Progress)>) -> Measurements {
    let online = online();
    let mut measurements = Measurements {
        online,
        own_site: vec![],
        internet: vec![],
        tiktok: vec![],
    };
    if !online {
        return measurements;
    }
    let deadline = now() + u64::from(TEST_BUDGET_MS);
    let tracker = Rc::new(Tracker {
        progress: Cell::new(Progress::start(probes.len())),
        report: on_progress,
    });
    tracker.update(|_| {});
    // All hosts at once: each host's sampling runs as its own JS promise, and
    // Promise.all waits for the lot (cheaper in wasm than an executor-side join).
    let slots: Rc<RefCell<Vec<Option<HostResult>>>> =
        Rc::new(RefCell::new(vec![None; probes.len()]));
    let promises: js_sys::Array = probes
        .iter()
        .enumerate()
        .map(|(index, probe)| {
            let (probe, slots, tracker) = (probe.clone(), slots.clone(), tracker.clone());
            JsValue::from(wasm_bindgen_futures::future_to_promise(async move {
                let result = probe_host(&probe, deadline, &tracker).await;
                slots.borrow_mut()[index] = Some(result);
                Ok(JsValue::UNDEFINED)
            }))
        })
        .collect();
    let _ = JsFuture::from(js_sys::Promise::all(&promises)).await;
    let results: Vec<HostResult> = slots
        .borrow_mut()
        .drain(..)
        .map(Option::unwrap_or_default)
        .collect();
    for (probe, result) in probes.iter().zip(results) {
        match probe.group {
            Group::OwnSite => measurements.own_site.push(result),
            Group::Internet => measurements.internet.push(result),
            Group::TikTok => measurements.tiktok.push(result),
        }
    }
    measurements
}

/// What the Network Information API says, where the browser has it (Chrome on
/// Android does; Safari and Firefox don't). Hints only.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NetworkHints {
    pub kind: Option<String>,
    pub effective_type: Option<String>,
    pub rtt_ms: Option<f64>,
    pub downlink_mbps: Option<f64>,
    pub save_data: Option<bool>,
}

pub fn network_hints() -> Option<NetworkHints> {
    let navigator = web_sys::window()?.navigator();
    let connection = js_sys::Reflect::get(&navigator, &"connection".into()).ok()?;
    if connection.is_undefined() || connection.is_null() {
        return None;
    }
    let get = |name: &str| js_sys::Reflect::get(&connection, &name.into()).ok();
    Some(NetworkHints {
        kind: get("type").and_then(|v| v.as_string()),
        effective_type: get("effectiveType").and_then(|v| v.as_string()),
        rtt_ms: get("rtt").and_then(|v| v.as_f64()),
        downlink_mbps: get("downlink").and_then(|v| v.as_f64()),
        save_data: get("saveData").and_then(|v| v.as_bool()),
    })
}

/// Calls `on_change(online)` whenever the browser goes online or offline.
pub fn watch_online(on_change: impl Fn(bool) + 'static) -> [gloo::events::EventListener; 2] {
    let window = web_sys::window().expect("a window");
    let on_change = std::rc::Rc::new(on_change);
    let (a, b) = (on_change.clone(), on_change);
    [
        gloo::events::EventListener::new(&window, "online", move |_| a(true)),
        gloo::events::EventListener::new(&window, "offline", move |_| b(false)),
    ]
}

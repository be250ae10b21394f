//! The connection test's requests: cache-proof, marked so the service worker passes
//! them through, each with a timeout, hosts probed concurrently, the whole test bounded.
//! Classification of the results is pure (`connection::verdict`).

use crate::connection::verdict::{HostResult, Measurements, Sample};
use crate::content::Probe;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReferrerPolicy, RequestCache, RequestCredentials, RequestInit, RequestMode,
    Response,
};

/// Sequential samples per host that answers (for median and jitter).
pub const SAMPLES: usize = 5;
/// No single request waits longer than this.
pub const SAMPLE_TIMEOUT_MS: u32 = 3000;
/// Every host stops sampling this long after the test started, so the whole test ends
/// within about this time even when everything hangs.
pub const TEST_BUDGET_MS: u32 = 7000;
/// The query parameter `static/sw.js` lets through to the network untouched.
pub const PROBE_PARAM: &str = "dmd-probe";

fn now() -> f64 {
    js_sys::Date::now()
}

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
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(if own_site {
        RequestMode::SameOrigin
    } else {
        RequestMode::NoCors
    });
    init.set_cache(RequestCache::NoStore);
    init.set_credentials(RequestCredentials::Omit);
    init.set_referrer_policy(ReferrerPolicy::NoReferrer);
    init.set_signal(Some(&signal));
    let separator = if url.contains('?') { '&' } else { '?' };
    let url = format!("{url}{separator}{PROBE_PARAM}=1&t={}", now() as u64);

    let timer = Timeout::new(timeout_ms, move || controller.abort());
    let started = now();
    let result = JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await;
    let elapsed = (now() - started).max(0.0) as u32;
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

/// Samples one host in turn until [`SAMPLES`], the deadline, or a first failure.
async fn probe_host(probe: &Probe, deadline: f64) -> HostResult {
    let own_site = probe.group == "own-site";
    let mut samples = Vec::new();
    while samples.len() < SAMPLES {
        let remaining = deadline - now();
        if remaining < 100.0 {
            break;
        }
        let result = sample(
            &probe.url,
            own_site,
            (remaining as u32).min(SAMPLE_TIMEOUT_MS),
        )
        .await;
        samples.push(result);
        // A host that never answered is unreachable: don't keep waiting on it.
        if !samples.iter().any(|s| matches!(s, Sample::Answered(_))) {
            break;
        }
    }
    HostResult {
        host: probe.label.clone(),
        samples,
    }
}

/// Runs the whole test. Offline phones are not probed at all.
pub async fn run(probes: &[Probe]) -> Measurements {
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
    let deadline = now() + f64::from(TEST_BUDGET_MS);
    // All hosts at once: each host's sampling runs as its own JS promise, and
    // Promise.all waits for the lot (cheaper in wasm than an executor-side join).
    let slots: Rc<RefCell<Vec<Option<HostResult>>>> =
        Rc::new(RefCell::new(vec![None; probes.len()]));
    let promises: js_sys::Array = probes
        .iter()
        .enumerate()
        .map(|(index, probe)| {
            let (probe, slots) = (probe.clone(), slots.clone());
            JsValue::from(wasm_bindgen_futures::future_to_promise(async move {
                let result = probe_host(&probe, deadline).await;
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
        match probe.group.as_str() {
            "own-site" => measurements.own_site.push(result),
            "internet" => measurements.internet.push(result),
            _ => measurements.tiktok.push(result),
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

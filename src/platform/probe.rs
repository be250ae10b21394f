//! The connection test's requests: cache-proof, marked so the service worker passes
//! them through, each with a timeout, hosts probed concurrently, the whole test bounded.
//! What to ask when is pure (`connection::schedule`), and so are the classification of
//! the results (`connection::verdict`) and the progress bar (`connection::progress`).

use super::now;
use crate::connection::progress::Progress;
use crate::connection::schedule;
use crate::connection::verdict::{HostResult, Measurements, Sample};
use crate::content::{Group, Probe};
use gloo::timers::callback::{Interval, Timeout};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
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
        // fetch resolves with a Response, always; an opaque one (no-cors) can't say more.
        Ok(response) if !own_site || response.unchecked_ref::<Response>().ok() => {
            Sample::Answered(elapsed)
        }
        Ok(_) => Sample::Failed,
        Err(_) if signal.aborted() => Sample::TimedOut,
        Err(_) => Sample::Failed,
    }
}

/// Receives the measurements once the test is over.
pub type OnDone = Box<dyn FnOnce(Measurements)>;

/// One running test, shared by the hosts probed at once: every change of progress is
/// reported (and the clock's, by a ticker), and the last host to finish hands over the
/// measurements.
struct Test {
    started: u64,
    progress: Cell<Progress>,
    report: Box<dyn Fn(Progress)>,
    /// Each probe's result, in the order of `probes`.
    results: RefCell<Vec<Option<HostResult>>>,
    /// Hosts still sampling.
    running: Cell<usize>,
    done: Cell<Option<OnDone>>,
    /// Moves the bar with the clock while hosts hang; dropped at the end.
    ticker: Cell<Option<Interval>>,
}

impl Test {
    fn elapsed_ms(&self) -> u32 {
        u32::try_from(now().saturating_sub(self.started)).unwrap_or(u32::MAX)
    }

    fn update(&self, change: impl FnOnce(&mut Progress)) {
        let mut progress = self.progress.get();
        change(&mut progress);
        progress.elapsed_ms = self.elapsed_ms();
        self.progress.set(progress);
        (self.report)(progress);
    }

    /// One host is done; after the last, the results go out.
    fn host_done(&self, index: usize, result: HostResult) {
        self.results.borrow_mut()[index] = Some(result);
        self.running.set(self.running.get() - 1);
        if self.running.get() > 0 {
            return;
        }
        self.ticker.take();
        if let Some(done) = self.done.take() {
            done(Measurements {
                online: true,
                hosts: self.results.take().into_iter().flatten().collect(),
            });
        }
    }
}

/// Samples one host as `connection::schedule` says, until it says stop.
async fn probe_host(probe: &Probe, test: &Test) -> HostResult {
    let own_site = probe.group == Group::OwnSite;
    let mut samples = Vec::new();
    while let Some(timeout) = schedule::next_timeout(&samples, test.elapsed_ms()) {
        let result = sample(&probe.url, own_site, timeout).await;
        schedule::record(&mut samples, result, timeout);
        test.update(Progress::sample_settled);
    }
    test.update(|p| p.host_finished(samples.len()));
    HostResult {
        host: probe.host().to_owned(),
        group: probe.group,
        confirmed: probe.confirmed,
        samples,
    }
}

/// Runs the whole test: `on_progress` as it starts, as each sample settles and as time
/// passes, then `on_done` with what was measured. Offline phones are not probed at all.
pub fn run(probes: &'static [Probe], on_progress: Box<dyn Fn(Progress)>, on_done: OnDone) {
    let online = online();
    if !online || probes.is_empty() {
        return on_done(Measurements {
            online,
            hosts: vec![],
        });
    }
    let test = Rc::new(Test {
        started: now(),
        progress: Cell::new(Progress::start(probes.len())),
        report: on_progress,
        results: RefCell::new(vec![None; probes.len()]),
        running: Cell::new(probes.len()),
        done: Cell::new(Some(on_done)),
        ticker: Cell::new(None),
    });
    test.update(|_| {});
    let weak = Rc::downgrade(&test);
    test.ticker.set(Some(Interval::new(TICK_MS, move || {
        if let Some(test) = weak.upgrade() {
            test.update(|_| {});
        }
    })));
    // All hosts at once, each sampling in its own task.
    for (index, probe) in probes.iter().enumerate() {
        let test = test.clone();
        spawn_local(async move {
            let result = probe_host(probe, &test).await;
            test.host_done(index, result);
        });
    }
}

/// How often the clock moves the progress bar.
const TICK_MS: u32 = 250;

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
    let on_change = Rc::new(on_change);
    // One closure type for both events: one set of JS glue.
    let listen = |event, online| {
        let on_change = on_change.clone();
        gloo::events::EventListener::new(&window, event, move |_| on_change(online))
    };
    [listen("online", true), listen("offline", false)]
}

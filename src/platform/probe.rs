//! The connection test's requests: cache-proof, marked so the service worker passes
//! them through, each with a timeout, hosts probed concurrently, the whole test bounded.
//! What to ask when is pure (`connection::schedule`), and so are the classification of
//! the results (`connection::verdict`) and the progress bar (`connection::progress`).

use super::now;
use crate::connection::progress::Progress;
use crate::connection::schedule;
use crate::connection::verdict::{HostResult, Measurements, Sample};
use crate::connection::{TEST_BOUND_SECONDS, TEST_BUDGET_MS};
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
    // Text, not a char: formatting a char would bring its own `Display` code.
    let separator = if url.contains('?') { "&" } else { "?" };
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
/// reported (and the clock's, by a ticker), and the measurements go out once, when the
/// last host is done or when the ticker finds the test past its bound.
struct Test {
    probes: &'static [Probe],
    started: u64,
    progress: Cell<Progress>,
    report: Box<dyn Fn(Progress)>,
    /// Each probe's samples so far, in the order of `probes`.
    samples: RefCell<Vec<Vec<Sample>>>,
    /// Which probes wait on a request right now.
    waiting: RefCell<Vec<bool>>,
    /// Hosts still sampling.
    running: Cell<usize>,
    done: Cell<Option<OnDone>>,
    /// Moves the bar with the clock, and ends a test that outlived its bound.
    ticker: Cell<Option<Interval>>,
}

impl Test {
    fn elapsed_ms(&self) -> u32 {
        u32::try_from(now().saturating_sub(self.started)).unwrap_or(u32::MAX)
    }

    fn update(&self, change: impl FnOnce(&mut Progress)) {
        let mut progress = self.progress.get();
        change(&mut progress);
        self.publish(progress);
    }

    /// Stamps the clock on `progress` and reports it: one copy for every kind of change.
    #[inline(never)]
    fn publish(&self, mut progress: Progress) {
        progress.elapsed_ms = self.elapsed_ms();
        self.progress.set(progress);
        (self.report)(progress);
    }

    /// Marks a probe as waiting on a request or not: one copy for both.
    #[inline(never)]
    fn set_waiting(&self, index: usize, waiting: bool) {
        self.waiting.borrow_mut()[index] = waiting;
    }

    /// True once the measurements went out: late answers are ignored.
    fn over(&self) -> bool {
        let done = self.done.take();
        let over = done.is_none();
        self.done.set(done);
        over
    }

    /// Hands over the measurements, once. A request still out counts as timed out: it
    /// happens only when a fetch ignored its abort (a wrapped `fetch` that drops the
    /// signal), and the screen promised an end.
    fn finish(&self) {
        let Some(done) = self.done.take() else {
            return;
        };
        // Not dropped here: this may run inside the ticker's own callback.
        if let Some(ticker) = self.ticker.take() {
            spawn_local(async move { drop(ticker) });
        }
        let waiting = self.waiting.take();
        let mut hosts = Vec::new();
        for ((probe, mut samples), waiting) in
            self.probes.iter().zip(self.samples.take()).zip(waiting)
        {
            if waiting {
                samples.push(Sample::TimedOut);
            }
            hosts.push(HostResult {
                host: probe.host().to_owned(),
                group: probe.group,
                confirmed: probe.confirmed,
                samples,
            });
        }
        done(Measurements {
            online: true,
            hosts,
        });
    }
}

/// Samples one host as `connection::schedule` says, until it says stop.
async fn probe_host(index: usize, probe: &Probe, test: &Test) {
    let own_site = probe.group == Group::OwnSite;
    loop {
        let next = schedule::next_timeout(&test.samples.borrow()[index], test.elapsed_ms());
        let Some(timeout) = next else { break };
        test.set_waiting(index, true);
        let result = sample(&probe.url, own_site, timeout).await;
        if test.over() {
            return;
        }
        test.set_waiting(index, false);
        schedule::record(&mut test.samples.borrow_mut()[index], result, timeout);
        test.update(Progress::sample_settled);
    }
    let taken = test.samples.borrow()[index].len();
    test.update(|p| p.host_finished(taken));
    test.running.set(test.running.get() - 1);
    if test.running.get() == 0 {
        test.finish();
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
        probes,
        started: now(),
        progress: Cell::new(Progress::start(probes.len())),
        report: on_progress,
        samples: RefCell::new(vec![Vec::new(); probes.len()]),
        waiting: RefCell::new(vec![false; probes.len()]),
        running: Cell::new(probes.len()),
        done: Cell::new(Some(on_done)),
        ticker: Cell::new(None),
    });
    test.update(|_| {});
    let weak = Rc::downgrade(&test);
    test.ticker.set(Some(Interval::new(TICK_MS, move || {
        if let Some(test) = weak.upgrade() {
            if test.elapsed_ms() >= WATCHDOG_MS {
                test.finish();
            } else {
                test.update(|_| {});
            }
        }
    })));
    // All hosts at once, each sampling in its own task.
    for (index, probe) in probes.iter().enumerate() {
        let test = test.clone();
        spawn_local(async move { probe_host(index, probe, &test).await });
    }
}

/// When the ticker ends a test whose requests didn't all settle: after the budget, with
/// time to spare within the screen's bound.
const WATCHDOG_MS: u32 = TEST_BUDGET_MS + 500;
const _: () = assert!(WATCHDOG_MS + TICK_MS <= TEST_BOUND_SECONDS * 1000);

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

//! The connection test: live status, which hosts it contacts, a user-started test with
//! a progress bar, the verdict in plain words with next steps (focus and the view move to
//! it; the figures wait under "Details"), and Wi-Fi vs mobile data side by side.

use crate::connection::history::{self, Network, Run};
use crate::connection::progress::Progress;
use crate::connection::verdict::{
    figures, judge, HostResult, Measurements, Reach, Sample, VerdictKind,
};
use crate::connection::TEST_BOUND_SECONDS;
use crate::content::validate::FAILING_PARTS;
use crate::content::{content, Group};
use crate::platform::probe::{self, NetworkHints};
use crate::platform::{focus, now};
use crate::routes::Route;
use crate::state::use_app;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// One host's line under "Details", with the figures defined as for the verdict.
fn host_summary(m: &Measurements, host: &HostResult) -> String {
    let Some(f) = figures(&[host]) else {
        let why = if host.samples.contains(&Sample::TimedOut) {
            "no answer (timed out)"
        } else {
            "no answer"
        };
        // An unconfirmed host that failed alone: shown, but it changed nothing.
        let note = if m.counts(host) {
            ""
        } else {
            " · not seen answering on this phone yet, so alone it doesn't count"
        };
        return format!("{why}{note}");
    };
    let answered = host
        .samples
        .iter()
        .filter(|s| s.answer_ms().is_some())
        .count();
    format!(
        "answered {answered} of {} · {} ms",
        host.samples.len(),
        f.median_ms
    )
}

/// What the screen keeps: the connection the run is labelled with, whether the user
/// picked it (until they do, it follows the browser's hint, read again at each start:
/// people switch networks between runs, as the screen suggests), and the browser's
/// hints as read on arrival. One state, so one hook.
struct Choice {
    network: Network,
    picked: bool,
    hints: Rc<Option<NetworkHints>>,
}

/// The network the browser hints at.
fn hinted(hints: &Option<NetworkHints>) -> Network {
    hints
        .as_ref()
        .and_then(|h| h.kind.as_deref())
        .map_or(Network::Unknown, Network::from_connection_type)
}

#[component]
pub fn ConnectionScreen() -> Html {
    let app = use_app();
    let in_check = app.check.as_ref().is_some_and(|c| c.in_progress());
    let choice = use_state(|| {
        let hints = probe::network_hints();
        Choice {
            network: hinted(&hints),
            picked: false,
            hints: Rc::new(hints),
        }
    });
    // Reported by the probes as samples settle.
    let progress = use_state(Progress::default);
    let known = progress.total > 0;
    let start = {
        let (app, choice, progress) = (app.clone(), choice.clone(), progress.clone());
        Callback::from(move |_: MouseEvent| {
            let mut network = choice.network;
            if !choice.picked {
                network = hinted(&probe::network_hints());
                choice.set(Choice {
                    network,
                    picked: false,
                    hints: choice.hints.clone(),
                });
            }
            let (app, progress) = (app.clone(), progress.clone());
            let started = (app.data_epoch, app.check_epoch);
            app.dispatch(Action::TestStarted);
            let on_done = move |mut measurements| {
                // Hosts that answered in an earlier run now count when they fail.
                history::confirm_known_hosts(&app.runs, &mut measurements);
                let verdict = judge(&measurements);
                let run = Run {
                    at: now(),
                    network,
                    measurements,
                    verdict,
                };
                app.dispatch(Action::TestFinished { run, started });
                // Yew draws the verdict first; then it gets focus and comes into view.
                gloo::timers::callback::Timeout::new(0, || focus("#verdict-heading", true))
                    .forget();
            };
            probe::run(
                &content().probes,
                Box::new(move |p| progress.set(p)),
                Box::new(on_done),
            );
        })
    };
    let choices = Network::ALL.into_iter().map(|network| {
        let onchange = {
            let choice = choice.clone();
            Callback::from(move |_: Event| {
                choice.set(Choice {
                    network,
                    picked: true,
                    hints: choice.hints.clone(),
                })
            })
        };
        html! {
            <label class="choice">
                <input type="radio" name="network" value={network.key()} checked={choice.network == network} {onchange} />
                <span>{ network.label() }</span>
            </label>
        }
    });

    html! {
        <>
            <h1 tabindex="-1">{ "Test my connection" }</h1>
            <p class="lead">{ format!("Checks whether your phone reaches the internet and TikTok's servers, and how fast. Takes up to {TEST_BOUND_SECONDS} seconds.") }</p>
            <p class={classes!("live", if app.online { "online" } else { "offline" })}>
                { if app.online { "Your phone says it is connected to a network." } else { "Your phone says it is offline." } }
            </p>
            <fieldset class="device-picker">
                <legend>{ "Which connection are you on?" }</legend>
                { for choices }
            </fieldset>
            <details class="hosts">
                <summary>{ "What this test contacts" }</summary>
                <ul>
                    { for Group::ALL.into_iter().map(|group| {
                        let hosts: Vec<&str> = content().probes.iter().filter(|p| p.group == group && group != Group::OwnSite).map(|p| p.host()).collect();
                        let hosts = if hosts.is_empty() { "this site".to_owned() } else { hosts.join(", ") };
                        html! { <li>{ format!("{}: {hosts}", content().group_name(group)) }</li> }
                    }) }
                </ul>
                <p class="hint">{ "Nothing is contacted until you start the test, and nothing about you is sent: these are plain requests, like opening a page." }</p>
            </details>
            <div class="actions">
                <button type="button" class="button primary" onclick={start} disabled={app.testing}>
                    { if app.testing { "Testing…" } else if app.runs.is_empty() { "Start the test" } else { "Test again" } }
                </button>
            </div>
            if app.testing {
                <label class="test-progress">
                    { "Progress" }
                    // No value (a moving bar) until the probes report.
                    <progress max="100" value={known.then(|| progress.percent().to_string())}></progress>
                </label>
            } else if let Some(run) = app.runs.first() {
                { run_result(run, in_check) }
            }
            { comparison(&app.runs) }
            // Offline, the browser's last speed figures are stale and contradict the badge.
            if let Some(hints) = choice.hints.as_ref().as_ref().filter(|_| app.online) {
                <section aria-labelledby="hints-heading">
                    <h2 id="hints-heading">{ "What your browser says" }</h2>
                    <p class="hint">{ "Hints only; the test above is what counts." }</p>
                    <ul>
                        if let Some(kind) = &hints.kind { <li>{ format!("Connection type: {kind}") }</li> }
                        if let Some(kind) = &hints.effective_type { <li>{ format!("Speed class: {kind}") }</li> }
                        if let Some(rtt) = hints.rtt_ms { <li>{ format!("Round trip: about {} ms", rtt as u32) }</li> }
                        if let Some(down) = hints.downlink_mbps {
                            // Whole numbers and tenths without float formatting code.
                            <li>{ format!("Download: about {}.{} Mbit/s", down as u32, ((down * 10.0) as u32) % 10) }</li>
                        }
                        if hints.save_data == Some(true) { <li>{ "Data Saver is on" }</li> }
                    </ul>
                </section>
            }
        </>
    }
}

// Plain view functions, not components: no state of their own, and no per-component
// cost in the wasm.

/// The verdict of one run with its next steps and matching fixes, then the figures
/// folded under "Details"; `in_check` when a check is in progress (the result was added
/// to it).
fn run_result(run: &Run, in_check: bool) -> Html {
    let Some(text) = content().verdict(run.verdict.kind.id()) else {
        return html! {};
    };
    let m = &run.measurements;
    let lines = m.hosts.iter().map(|h| {
        format!(
            "{} – {}: {}",
            content().group_name(h.group),
            h.host,
            host_summary(m, h)
        )
    });
    let names = |groups: Vec<Group>| {
        let names: Vec<&str> = groups
            .into_iter()
            .map(|g| content().group_name(g))
            .collect();
        names.join(" and ")
    };
    let unsure = names(m.unsure_parts());
    // Runs stored before the test knew the parts of TikTok (schema 1).
    let older = m.online && !m.hosts.iter().any(|h| h.group == Group::TikTokMessages);
    // Which parts of TikTok answered, when only some did.
    let parts = (run.verdict.kind == VerdictKind::TiktokPartly).then(|| {
        Group::TIKTOK.into_iter().filter_map(|group| {
            let state = match m.reach(group)? {
                Reach::Reached => "answered",
                Reach::Partly => "partly answered",
                Reach::NotReached => "no answer",
            };
            Some(html! { <li>{ format!("{}: {state}", content().group_name(group)) }</li> })
        })
    });
    html! {
        <section class={classes!("verdict", run.verdict.kind.id())} aria-labelledby="verdict-heading">
            <p class="eyebrow">{ format!("Result · {}", run.network.label()) }</p>
            <h2 id="verdict-heading" tabindex="-1">{ &text.title }</h2>
            <p>{ text.explanation.replace(FAILING_PARTS, &names(m.failing_parts())) }</p>
            if let Some(parts) = parts {
                <ul class="parts">{ for parts }</ul>
            }
            if !unsure.is_empty() {
                <p class="unsure">{ format!("{unsure} didn't answer. We haven't seen them answer on this phone yet, so on its own this doesn't change the result. Test again on another network, such as mobile data: if they answer there, this network blocks them.") }</p>
            }
            if older {
                <p class="hint">{ "This result is from an older version of the test, which didn't check TikTok's message servers. Test again for a full result." }</p>
            }
            <h3>{ "What to do" }</h3>
            <ul>{ for text.next_steps.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
            <h3>{ "Fixes in the guide" }</h3>
            <ul class="links">
                { for text.fixes.iter().filter_map(|id| content().fix(id)).map(|f| html! {
                    <li><a href={(Route::Fix { id: f.id.clone() }).href()}>{ &f.title }</a></li>
                }) }
            </ul>
            if in_check {
                <p class="more">
                    { if run.evidence().is_some() { "We've added this result to your check. " } else { "This result doesn't change your check. " } }
                    <a href={Route::Check.href()} class="button">{ "Back to my check" }</a>
                </p>
            }
            if m.online {
                <details class="run-details">
                    <summary>{ "Details" }</summary>
                    if let Some(f) = run.verdict.figures {
                        <p class="figures">{ format!("Typical answer time {} ms · variation {} ms · lost {}%", f.median_ms, f.jitter_ms, f.loss_percent) }</p>
                    }
                    <ul class="hosts-result">
                        { for lines.map(|line| html! { <li>{ line }</li> }) }
                    </ul>
                </details>
            }
        </section>
    }
}

/// Wi-Fi and mobile data side by side, or how to get there.
fn comparison(runs: &[Run]) -> Html {
    let Some((wifi, mobile)) = history::latest_pair(runs) else {
        return html! {
            if !runs.is_empty() {
                <p class="hint compare-hint">{ "To compare: switch from Wi-Fi to mobile data (or back), choose it above, and test again." }</p>
            }
        };
    };
    let column = |run: &Run| {
        let title = content()
            .verdict(run.verdict.kind.id())
            .map(|v| v.title.clone())
            .unwrap_or_default();
        html! {
            <div class="compare-column">
                <h3>{ run.network.label() }</h3>
                <p>{ title }</p>
                if let Some(f) = run.verdict.figures { <p class="figures">{ format!("{} ms", f.median_ms) }</p> }
            </div>
        }
    };
    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{ "Wi-Fi and mobile data compared" }</h2>
            <div class="compare-columns">{ column(wifi) }{ column(mobile) }</div>
            <p>{ history::comparison_summary(wifi, mobile) }</p>
        </section>
    }
}

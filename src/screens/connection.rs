//! The connection test: live status, which hosts it contacts, a user-started test with
//! a progress bar, the verdict in plain words with next steps (focus and the view move to
//! it; the figures wait under "Details"), and Wi-Fi vs mobile data side by side.

use crate::connection::history::{self, Network, Run};
use crate::connection::progress::Progress;
use crate::connection::verdict::{
    figures, judge, HostResult, Measurements, Reach, Sample, VerdictKind,
};
use crate::connection::TEST_BOUND_SECONDS;
use crate::content::{content, fill, ui, Group};
use crate::platform::probe::{self, NetworkHints};
use crate::platform::{focus, now};
use crate::routes::Route;
use crate::state::Action;
use crate::state::AppContext;
use crate::widgets::entry_list::list_items;
use crate::widgets::entry_list::text;
use crate::widgets::markup::{
    attribute, element, filled, fixed, link, main_heading, nodes, owned, section_heading, tag,
    text_in,
};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// One host's line under "Details", with the figures defined as for the verdict.
fn host_summary(m: &Measurements, host: &HostResult) -> String {
    let Some(f) = figures(&[host]) else {
        let why = if host.samples.contains(&Sample::TimedOut) {
            ui().connection_host_timed_out
        } else {
            ui().connection_host_no_answer
        };
        // An unconfirmed host that failed alone: shown, but it changed nothing.
        return if m.counts(host) {
            why.to_owned()
        } else {
            format!("{why} · {}", ui().connection_host_unconfirmed)
        };
    };
    let answered = host
        .samples
        .iter()
        .filter(|s| s.answer_ms().is_some())
        .count();
    fill(
        ui().connection_host_answered,
        &[
            ("answered", &answered.to_string()),
            ("asked", &host.samples.len().to_string()),
            ("ms", &f.median_ms.to_string()),
        ],
    )
}

/// The connection the run is labelled with, whether the user picked it (until they do,
/// it follows the browser's hint, read again at each start: people switch networks
/// between runs, as the screen suggests), and the browser's hints as read on arrival.
struct Choice {
    network: Network,
    picked: bool,
    hints: Option<NetworkHints>,
}

/// The network the browser hints at.
fn hinted(hints: &Option<NetworkHints>) -> Network {
    hints
        .as_ref()
        .and_then(|h| h.kind.as_deref())
        .map_or(Network::Unknown, Network::from_connection_type)
}

/// One visit to the screen: what it keeps while it shows.
#[derive(Default)]
struct Visit {
    /// Counts arrivals and departures: a test reports its progress only to the visit
    /// that started it (it keeps running, and its result is recorded, in any case).
    number: u32,
    /// None off the screen.
    choice: Option<Choice>,
    /// Reported by the probes as samples settle.
    progress: Progress,
}

/// What the connection screen keeps, in the root component as every screen's is (a
/// component per screen costs wasm bytes). One cell, changed in place, so that the
/// render that arrives already shows the fresh visit.
#[derive(Clone)]
pub struct ConnectionScreen {
    visit: Rc<RefCell<Visit>>,
    redraw: UseForceUpdateHandle,
}

/// Starts a fresh visit at each arrival on the screen (`here`), hints read anew, and
/// forgets it when the person leaves, as a component of its own would.
#[hook]
pub fn use_connection_screen(here: bool) -> ConnectionScreen {
    let visit = use_mut_ref(Visit::default);
    let redraw = use_force_update();
    let arrived_or_left = here != visit.borrow().choice.is_some();
    if arrived_or_left {
        let mut visit = visit.borrow_mut();
        *visit = Visit {
            number: visit.number + 1,
            choice: here.then(|| {
                let hints = probe::network_hints();
                Choice {
                    network: hinted(&hints),
                    picked: false,
                    hints,
                }
            }),
            progress: Progress::default(),
        };
    }
    ConnectionScreen { visit, redraw }
}

/// The connection screen (what it keeps: [`use_connection_screen`]).
pub fn connection_screen(kept: &ConnectionScreen, app: &AppContext) -> Html {
    let visit = kept.visit.borrow();
    let Some(choice) = &visit.choice else {
        return Html::default(); // off the screen: not shown
    };
    let in_check = app.check.as_ref().is_some_and(|c| c.in_progress());
    let progress = visit.progress;
    let known = progress.total > 0;
    let start = {
        let (app, kept) = (app.clone(), kept.clone());
        Callback::from(move |_: MouseEvent| {
            let (number, network) = {
                let mut visit = kept.visit.borrow_mut();
                let number = visit.number;
                let Some(choice) = visit.choice.as_mut() else {
                    return;
                };
                if !choice.picked {
                    choice.network = hinted(&probe::network_hints());
                }
                (number, choice.network)
            };
            let app = app.clone();
            let started = (app.data_epoch, app.check_epoch);
            // Redraws the screen, the choice with it.
            app.dispatch(Action::TestStarted);
            let on_progress = {
                let kept = kept.clone();
                move |p| {
                    let mut visit = kept.visit.borrow_mut();
                    if visit.number == number {
                        visit.progress = p;
                        drop(visit);
                        kept.redraw.force_update();
                    }
                }
            };
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
            probe::run(&content().probes, Box::new(on_progress), Box::new(on_done));
        })
    };
    let choices = Network::ALL.into_iter().map(|network| {
        let onchange = {
            let kept = kept.clone();
            Callback::from(move |_: Event| {
                if let Some(choice) = kept.visit.borrow_mut().choice.as_mut() {
                    choice.network = network;
                    choice.picked = true;
                }
                kept.redraw.force_update();
            })
        };
        html! {
            { fixed("label", &[("class", Static("choice"))], html! { <>
                <input type="radio" name="network" value={network.key()} checked={choice.network == network} {onchange} />
                { text_in("span", "", network.label()) }
            </> }) }
        }
    });

    // Keyed, so that arriving builds the screen afresh rather than patching the last
    // screen's elements (an open fold, a focused field), as its own component did.
    nodes(
        Some("connection".into()),
        vec![
            main_heading(ui().connection_heading),
            filled(
                "p",
                "lead",
                ui().connection_lead,
                &[("seconds", &TEST_BOUND_SECONDS.to_string())],
            ),
            if app.online {
                text_in("p", "live online", ui().connection_online)
            } else {
                text_in("p", "live offline", ui().connection_offline)
            },
            element(
                "fieldset",
                "device-picker",
                nodes(
                    None,
                    vec![
                        text_in("legend", "", ui().connection_network_question),
                        choices.collect(),
                    ],
                ),
            ),
            element("details", "hosts", hosts()),
            element(
                "div",
                "actions",
                html! {
                    <button type="button" class="button primary" onclick={start} disabled={app.testing}>
                        { text(if app.testing { ui().connection_testing } else if app.runs.is_empty() { ui().connection_start } else { ui().connection_test_again }) }
                    </button>
                },
            ),
            if app.testing {
                html! {
                    { fixed("label", &[("class", Static("test-progress"))], html! { <>
                        { text(ui().connection_progress) }
                        // No value (a moving bar) until the probes report.
                        <progress max="100" value={known.then(|| progress.percent().to_string())}></progress>
                    </> }) }
                }
            } else if let Some(run) = app.runs.first() {
                run_result(run, in_check)
            } else {
                Html::default()
            },
            comparison(&app.runs),
            // Offline, the browser's last speed figures are stale and contradict the badge.
            match choice.hints.as_ref().filter(|_| app.online) {
                Some(hints) => hints_section(hints),
                None => Html::default(),
            },
        ],
    )
}

/// Which hosts the test contacts, by part, folded away.
fn hosts() -> Html {
    nodes(
        None,
        vec![
            text_in("summary", "", ui().connection_hosts_summary),
            element(
                "ul",
                "",
                Group::ALL
                    .into_iter()
                    .map(|group| {
                        let hosts: Vec<&str> = content()
                            .probes
                            .iter()
                            .filter(|p| p.group == group && group != Group::OwnSite)
                            .map(|p| p.host())
                            .collect();
                        let hosts = if hosts.is_empty() {
                            ui().connection_this_site.to_owned()
                        } else {
                            hosts.join(", ")
                        };
                        filled(
                            "li",
                            "",
                            ui().connection_hosts_line,
                            &[("group", content().group_name(group)), ("hosts", &hosts)],
                        )
                    })
                    .collect(),
            ),
            text_in("p", "hint", ui().connection_hosts_privacy),
        ],
    )
}

/// What the browser says about the connection, as it said it on arrival.
fn hints_section(hints: &NetworkHints) -> Html {
    html! {
        { fixed("section", &[("aria-labelledby", Static("hints-heading"))], html! { <>
            { section_heading("hints-heading", ui().connection_hints_heading) }
            { text_in("p", "hint", ui().connection_hints_note) }
            { fixed("ul", &[], html! { <>
                { if let Some(kind) = &hints.kind { filled("li", "", ui().connection_hint_type, &[("kind", kind)]) } else { Html::default() } }
                { if let Some(kind) = &hints.effective_type { filled("li", "", ui().connection_hint_speed, &[("kind", kind)]) } else { Html::default() } }
                { if let Some(rtt) = hints.rtt_ms { filled("li", "", ui().connection_hint_round_trip, &[("ms", &(rtt as u32).to_string())]) } else { Html::default() } }
                // Whole numbers and tenths without float formatting code.
                { if let Some(down) = hints.downlink_mbps { filled("li", "", ui().connection_hint_download, &[("whole", &(down as u32).to_string()), ("tenths", &(((down * 10.0) as u32) % 10).to_string())]) } else { Html::default() } }
                { if hints.save_data == Some(true) { text_in("li", "", ui().connection_hint_save_data) } else { Html::default() } }
            </> }) }
        </> }) }
    }
}

// Plain view functions, not components: no state of their own, and no per-component
// cost in the wasm.

/// The verdict of one run with its next steps and matching fixes, then the figures
/// folded under "Details"; `in_check` when a check is in progress (the result was added
/// to it).
fn run_result(run: &Run, in_check: bool) -> Html {
    let Some(verdict) = content().verdict(run.verdict.kind.id()) else {
        return html! {};
    };
    let m = &run.measurements;
    let lines = m.hosts.iter().map(|h| {
        fill(
            ui().connection_host_line,
            &[
                ("group", content().group_name(h.group)),
                ("host", &h.host),
                ("result", &host_summary(m, h)),
            ],
        )
    });
    // "A and B and C": each name joined to the list so far.
    let names = |groups: Vec<Group>| {
        groups
            .into_iter()
            .map(|g| content().group_name(g).to_owned())
            .reduce(|list, name| {
                fill(
                    ui().connection_parts_and,
                    &[("first", &list), ("second", &name)],
                )
            })
            .unwrap_or_default()
    };
    let unsure = names(m.unsure_to_say(run.verdict.kind));
    // Runs stored before the test knew the parts of TikTok (schema 1).
    let older = m.online && !m.hosts.iter().any(|h| h.group == Group::TikTokMessages);
    // Which parts of TikTok answered, when only some did.
    let parts = (run.verdict.kind == VerdictKind::TiktokPartly).then(|| {
        Group::TIKTOK.into_iter().filter_map(|group| {
            let state = match m.reach(group)? {
                Reach::Reached => ui().connection_part_answered,
                Reach::Partly => ui().connection_part_partly,
                Reach::NotReached => ui().connection_part_no_answer,
            };
            let part = content().group_name(group);
            Some(element(
                "li",
                "",
                owned(fill(
                    ui().connection_part_line,
                    &[("part", part), ("state", state)],
                )),
            ))
        })
    });
    tag(
        "section",
        &["aria-labelledby", "class"],
        vec![
            attribute("verdict-heading"),
            attribute(["verdict ", run.verdict.kind.id()].concat()),
        ],
        None,
        html! { <>
            { filled("p", "eyebrow", ui().connection_result_eyebrow, &[("network", run.network.label())]) }
            { fixed("h2", &[("id", Static("verdict-heading")), ("tabindex", Static("-1"))], text(&verdict.title)) }
            { element("p", "", owned(fill(&verdict.explanation, &[("failing", &names(m.failing_parts()))]))) }
            { if let Some(parts) = parts { html! {
                { fixed("ul", &[("class", Static("parts"))], html! { <>{ for parts }</> }) }
            } } else { Html::default() } }
            { if !unsure.is_empty() { filled("p", "unsure", ui().connection_unsure, &[("parts", &unsure)]) } else { Html::default() } }
            { if older { text_in("p", "hint", ui().connection_older_run) } else { Html::default() } }
            { text_in("h3", "", ui().connection_what_to_do) }
            { element("ul", "", list_items(&verdict.next_steps)) }
            { text_in("h3", "", ui().connection_fixes_heading) }
            { fixed("ul", &[("class", Static("links"))], html! { <>
                { for verdict.fixes.iter().filter_map(|id| content().fix(id)).map(|f| html! {
                    { element("li", "", link((Route::Fix { id: f.id.clone() }).href(), "", &f.title)) }
                }) }
            </> }) }
            { if in_check { html! {
                { element("p", "more", html! { <>
                    { text(if run.evidence().is_some() { ui().connection_added_to_check } else { ui().connection_not_added_to_check }) }
                    { text(" ") }
                    { link(Route::Check.href(), "button", ui().connection_back_to_check) }
                </> }) }
            } } else { Html::default() } }
            { if m.online { html! {
                { element("details", "run-details", html! { <>
                    { text_in("summary", "", ui().connection_details) }
                    { if let Some(f) = run.verdict.figures { filled("p", "figures", ui().connection_figures, &[("median", &f.median_ms.to_string()), ("jitter", &f.jitter_ms.to_string()), ("loss", &f.loss_percent.to_string())]) } else { Html::default() } }
                    { fixed("ul", &[("class", Static("hosts-result"))], html! { <>
                        { for lines.map(|line| element("li", "", owned(line))) }
                    </> }) }
                </> }) }
            } } else { Html::default() } }
        </> },
    )
}

/// Wi-Fi and mobile data side by side, or how to get there.
fn comparison(runs: &[Run]) -> Html {
    let Some((wifi, mobile)) = history::latest_pair(runs) else {
        return if runs.is_empty() {
            Html::default()
        } else {
            text_in("p", "hint compare-hint", ui().connection_compare_hint)
        };
    };
    let column = |run: &Run| {
        let title = content()
            .verdict(run.verdict.kind.id())
            .map(|v| v.title.clone())
            .unwrap_or_default();
        element(
            "div",
            "compare-column",
            html! { <>
                { text_in("h3", "", run.network.label()) }
                { element("p", "", owned(title)) }
                { if let Some(f) = run.verdict.figures { filled("p", "figures", ui().connection_compare_ms, &[("ms", &f.median_ms.to_string())]) } else { Html::default() } }
            </> },
        )
    };
    html! {
        { fixed("section", &[("aria-labelledby", Static("compare-heading")), ("class", Static("compare"))], html! { <>
            { section_heading("compare-heading", ui().connection_compare_heading) }
            { fixed("div", &[("class", Static("compare-columns"))], html! { <>{ column(wifi) }{ column(mobile) }</> }) }
            { text_in("p", "", history::comparison_summary(wifi, mobile)) }
        </> }) }
    }
}

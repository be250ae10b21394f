//! The likely causes, each with "why we think so" from the user's own answers.

use super::{use_back, CheckNav};
use crate::content::content;
use crate::diagnosis::check::Check;
use crate::diagnosis::engine::{Ranked, MOST_LIKELY, RELATIVE_CUTOFF};
use crate::platform::now;
use crate::routes::Route;
use crate::state::use_app;
use crate::state::Action;
use yew::prelude::*;

/// Causes shown: at most this many, and only those at least a tenth as likely as the top.
const SHOWN: usize = 4;

fn likelihood_label(ranked: &Ranked) -> &'static str {
    match ranked.likelihood {
        l if l >= MOST_LIKELY => "Most likely",
        l if l >= 0.2 => "Likely",
        _ => "Possible",
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub check: Check,
}

#[component]
pub fn ResultsView(props: &ResultsProps) -> Html {
    let app = use_app();
    let back = use_back();
    let ranking = props.check.ranking(content());
    let top = ranking.first().map_or(0.0, |r| r.likelihood);
    let shown: Vec<&Ranked> = ranking
        .iter()
        .take(SHOWN)
        .filter(|r| r.likelihood >= top * RELATIVE_CUTOFF)
        .collect();
    let start = Callback::from(move |_: MouseEvent| app.dispatch(Action::StartPlan { now: now() }));
    let items = shown.iter().map(|ranked| html! {
        <li class="cause-result" key={ranked.cause.id.clone()}>
            <p class="likelihood">{ likelihood_label(ranked) }</p>
            <h2>{ &ranked.cause.title }</h2>
            <p>{ &ranked.cause.summary }</p>
            if let Some(note) = ranked.cause.hedge() {
                <p class="hint">{ note }</p>
            }
            if ranked.reasons.is_empty() {
                <p class="hint">{ "Why we think so: it's a common cause of this problem." }</p>
            } else {
                <p class="why-label">{ "Why we think so:" }</p>
                <ul class="reasons">{ for ranked.reasons.iter().map(|r| html! { <li>{ *r }</li> }) }</ul>
            }
            <a href={(Route::Cause { id: ranked.cause.id.clone() }).href()}>{ "More about this" }</a>
        </li>
    });
    html! {
        <>
            <p class="eyebrow">{ "Your results" }</p>
            <h1 tabindex="-1">{ "What's most likely going on" }</h1>
            <p class="lead" role="status">{
                shown.first().map(|r| format!("Most likely: {}. We'll go through fixes one at a time, easiest first.", r.cause.title)).unwrap_or_default()
            }</p>
            <ol class="results">{ for items }</ol>
            <div class="actions">
                <button type="button" class="button primary" onclick={start}>{ "Show me the fixes" }</button>
                <a href={Route::Report.href()} class="button">{ "Get a report for TikTok" }</a>
            </div>
            if props.check.connection.is_none() {
                <p class="hint">
                    { "Not sure if it's your network? " }
                    <a href={Route::Connection.href()}>{ "Test your connection" }</a>
                    { " and we'll take the result into account." }
                </p>
            }
            <CheckNav on_back={Some(back)} />
        </>
    }
}

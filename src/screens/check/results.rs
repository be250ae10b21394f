//! The likely causes, each with "why we think so" from the user's own answers.

use super::Nav;
use crate::content::content;
use crate::diagnosis::check::Check;
use crate::diagnosis::engine::{headline, likelihood_label, shown, Headline};
use crate::routes::Route;
use crate::state::{Action, AppContext};
use crate::widgets::notes::cause_notes;
use yew::prelude::*;

/// The wording follows the numbers (the engine decides): "Most likely" only when the
/// top cause is clearly ahead; each cause with the person's own answers that raised it.
/// A plain view function of [`super::check_screen`] (its hooks: [`super::use_check_screen`]).
pub fn results_view(check: &Check, app: &AppContext, nav: &Nav) -> Html {
    let ranking = check.ranking(content());
    let headline = headline(&ranking);
    let shown = shown(&ranking);
    let start = super::act(app, |now| Action::StartPlan { now });
    let items = shown.iter().enumerate().map(|(index, ranked)| html! {
        <li class="cause-result" key={ranked.cause.id.clone()}>
            <p class="likelihood">{ likelihood_label(&ranking, index) }</p>
            <h2>{ &ranked.cause.title }</h2>
            <p>{ &ranked.cause.summary }</p>
            { cause_notes(ranked.cause) }
            if !ranked.reasons.is_empty() {
                <p class="why-label">{ "Why we think so:" }</p>
                <ul class="reasons">{ for ranked.reasons.iter().map(|r| html! { <li>{ *r }</li> }) }</ul>
            }
            <a href={(Route::Cause { id: ranked.cause.id.clone() }).href()}>{ "More about this" }</a>
        </li>
    });
    let (title, lead) = match (headline, shown.first()) {
        (Headline::MostLikely, Some(top)) => (
            "What's most likely going on",
            format!("Most likely: {}. We'll go through fixes one at a time, easiest first.", top.cause.title),
        ),
        _ => (
            "A few things could cause this",
            "We can't tell yet which one it is. We'll try the fixes for them one at a time, easiest first.".to_owned(),
        ),
    };
    html! {
        <>
            <p class="eyebrow">{ "Your results" }</p>
            <h1 tabindex="-1">{ title }</h1>
            <p class="lead" role="status">{ lead }</p>
            // The next step right under the summary: in view without scrolling on a phone.
            <div class="actions">
                <button type="button" class="button primary" onclick={start}>{ "Show me the fixes" }</button>
                <a href={Route::Report.href()} class="button">{ "Get a report for TikTok" }</a>
            </div>
            <ol class="results">{ for items }</ol>
            if check.connection.is_none() {
                <p class="hint">
                    { "Not sure if it's your network? " }
                    <a href={Route::Connection.href()}>{ "Test your connection" }</a>
                    { " and we'll take the result into account." }
                </p>
            }
            { nav.view() }
        </>
    }
}

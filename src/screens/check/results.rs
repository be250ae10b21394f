//! The likely causes, each with "why we think so" from the user's own answers.

use super::{Nav, Tap};
use crate::content::{content, fill, ui};
use crate::diagnosis::check::Check;
use crate::diagnosis::engine::{headline, likelihood_label, shown, Headline};
use crate::routes::Route;
use crate::state::Action;
use crate::widgets::entry_list::text;
use crate::widgets::markup::{button, element, fixed, item, link, main_heading, owned, text_in};
use crate::widgets::notes::cause_notes;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// The wording follows the numbers (the engine decides): "Most likely" only when the
/// top cause is clearly ahead; each cause with the person's own answers that raised it.
/// A plain view function of [`super::check_screen`] (its hooks: [`super::use_check_screen`]).
pub fn results_view(check: &Check, nav: &Nav) -> Html {
    let ranking = check.ranking(content());
    let headline = headline(&ranking);
    let shown = shown(&ranking);
    let start = nav.tap(Tap::Act(|now| Action::StartPlan { now }));
    let ui = ui();
    let items = shown.iter().enumerate().map(|(index, ranked)| html! {
        { item(ranked.cause.id.as_str().into(), &[("class", Static("cause-result"))], html! { <>
            { text_in("p", "likelihood", likelihood_label(ui, &ranking, index)) }
            { text_in("h2", "", &ranked.cause.title) }
            { text_in("p", "", &ranked.cause.summary) }
            { cause_notes(ranked.cause) }
            { if !ranked.reasons.is_empty() { html! { <>
                { text_in("p", "why-label", ui.check_results_why) }
                { fixed("ul", &[("class", Static("reasons"))], html! { <>{ for ranked.reasons.iter().map(|r| text_in("li", "", r)) }</> }) }
            </> } } else { Html::default() } }
            { link((Route::Cause { id: ranked.cause.id.clone() }).href(), "", ui.check_results_more) }
        </> }) }
    });
    let lead = match (headline, shown.first()) {
        (Headline::MostLikely, Some(top)) => fill(
            ui.check_results_most_likely_lead,
            &[("cause", &top.cause.title)],
        ),
        _ => ui.check_results_few_things_lead.to_owned(),
    };
    // The connection test's link, wherever the language puts it in the sentence.
    let (before_link, after_link) = ui
        .check_results_network
        .split_once("{link}")
        .unwrap_or_default();
    html! {
        <>
            { text_in("p", "eyebrow", ui.check_results_eyebrow) }
            { main_heading(headline.text()) }
            { fixed("p", &[("role", Static("status")), ("class", Static("lead"))], owned(lead)) }
            // The next step right under the summary: in view without scrolling on a phone.
            { element("div", "actions", html! {
                <>
                    { button("button primary", start, text(ui.check_show_fixes)) }
                    { link(Route::Report.href(), "button", ui.check_results_get_report) }
                </>
            }) }
            { fixed("ol", &[("class", Static("results"))], html! { <>{ for items }</> }) }
            { if check.connection.is_none() { html! {
                { fixed("p", &[("class", Static("hint"))], html! { <>
                    { text(before_link) }
                    { link(Route::Connection.href(), "", ui.check_results_test_connection) }
                    { text(after_link) }
                </> }) }
            } } else { Html::default() } }
            { nav.view() }
        </>
    }
}

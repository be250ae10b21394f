//! The report for TikTok, reachable at any point of a check.

use crate::content::content;
use crate::routes::Route;
use crate::state::{AppContext, PhoneChoice};
use crate::widgets::{notes::support_notes, report_box::report_box};
use yew::prelude::*;

/// A plain view function of the one screen component, which keeps `status`: what Copy
/// or Share last said.
pub fn report(
    app: &AppContext,
    phone: &PhoneChoice,
    status: &UseStateHandle<&'static str>,
) -> Html {
    let Some(check) = app.check.as_ref() else {
        return html! {
            <>
                <h1 tabindex="-1">{ "Nothing to report yet" }</h1>
                <p class="lead">{ "Start a check first; the report is made from your answers and the steps you try." }</p>
                <a href={Route::Home.href()} class="button primary">{ "Choose a problem" }</a>
            </>
        };
    };
    let steps = content().fix(crate::diagnosis::engine::REPORT_FIX);
    html! {
        <>
            <p class="eyebrow">{ "Report" }</p>
            <h1 tabindex="-1">{ "Report the problem to TikTok" }</h1>
            { support_notes(check) }
            { report_box(check, phone.known(), status) }
            if let Some(fix) = steps {
                <h2>{ "How to send it" }</h2>
                <ol class="steps">{ for fix.steps.iter().map(|s| html! { <li>{ &s.text }</li> }) }</ol>
            }
            <p class="more">
                <a href={Route::Check.href()} class="button">{ "Back to my check" }</a>
            </p>
        </>
    }
}

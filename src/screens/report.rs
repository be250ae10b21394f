//! The report for TikTok, reachable at any point of a check.

use crate::content::{content, ui};
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
    let ui = ui();
    let Some(check) = app.check.as_ref() else {
        return html! {
            <>
                <h1 tabindex="-1">{ ui.report_none_title }</h1>
                <p class="lead">{ ui.report_none_lead }</p>
                <a href={Route::Home.href()} class="button primary">{ ui.check_choose_problem }</a>
            </>
        };
    };
    let steps = content().fix(crate::diagnosis::engine::REPORT_FIX);
    html! {
        <>
            <p class="eyebrow">{ ui.report_eyebrow }</p>
            <h1 tabindex="-1">{ ui.report_title }</h1>
            { support_notes(check) }
            { report_box(check, phone.known(), status) }
            if let Some(fix) = steps {
                <h2>{ ui.report_how_to_send }</h2>
                <ol class="steps">{ for fix.steps.iter().map(|s| html! { <li>{ &s.text }</li> }) }</ol>
            }
            <p class="more">
                <a href={Route::Check.href()} class="button">{ ui.report_back_to_check }</a>
            </p>
        </>
    }
}

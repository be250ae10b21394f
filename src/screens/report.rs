//! The report for TikTok, reachable at any point of a check.

use crate::content::{content, ui};
use crate::hooks::Kept;
use crate::routes::Route;
use crate::state::{AppContext, PhoneChoice};
use crate::widgets::markup::{element, fixed, link, main_heading, text_in};
use crate::widgets::{notes::support_notes, report_box::report_box};
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// A plain view function of the one screen component, which keeps `status`: what Copy
/// or Share last said.
pub fn report(app: &AppContext, phone: &PhoneChoice, status: &Kept<&'static str>) -> Html {
    let ui = ui();
    let Some(check) = app.check.as_ref() else {
        return html! {
            <>
                { main_heading(ui.report_none_title) }
                { text_in("p", "lead", ui.report_none_lead) }
                { link(Route::Home.href(), "button primary", ui.check_choose_problem) }
            </>
        };
    };
    let steps = content().fix(crate::diagnosis::engine::REPORT_FIX);
    html! {
        <>
            { text_in("p", "eyebrow", ui.report_eyebrow) }
            { main_heading(ui.report_title) }
            { support_notes(check) }
            { report_box(check, phone.known(), status) }
            { if let Some(fix) = steps { html! { <>
                { text_in("h2", "", ui.report_how_to_send) }
                { fixed("ol", &[("class", Static("steps"))], html! { <>{ for fix.steps.iter().map(|s| text_in("li", "", &s.text)) }</> }) }
            </> } } else { Html::default() } }
            { element("p", "more", link(Route::Check.href(), "button", ui.report_back_to_check)) }
        </>
    }
}

//! One module per screen, and the layout around them (header, notices, update offer):
//! these read the app context; the widgets they use take props.

pub mod about;
pub mod cause;
pub mod check;
pub mod connection;
pub mod fix;
pub mod guide;
pub mod home;
pub mod layout;
pub mod not_found;
pub mod report;

use crate::routes::Route;
use yew::prelude::*;

/// Maps a route to its screen.
pub fn render(route: Route) -> Html {
    match route {
        Route::Home => html! { <home::Home /> },
        Route::Guide => html! { <guide::Guide /> },
        Route::Cause { id } => html! { <cause::CauseScreen {id} /> },
        Route::Fix { id } => html! { <fix::FixScreen {id} /> },
        Route::Check | Route::CheckAt { .. } => html! { <check::CheckScreen /> },
        Route::StartCheck { symptom } => html! { <check::start::StartCheck {symptom} /> },
        Route::Report => html! { <report::Report /> },
        Route::Connection => html! { <connection::ConnectionScreen /> },
        Route::About => html! { <about::About /> },
        Route::NotFound => not_found::not_found(),
    }
}

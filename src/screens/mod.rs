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

use crate::content::fill;
use crate::hooks::Kept;
use crate::routes::{Location, Route};
use crate::state::{AppContext, PhoneChoice};
use crate::widgets::router::Navigator;
use yew::prelude::*;

/// What the screens that are plain view functions read, gathered by the one component
/// that renders every screen (a component per screen costs wasm bytes).
pub struct Reads<'a> {
    pub app: &'a AppContext,
    pub phone: &'a PhoneChoice,
    pub navigator: &'a Navigator,
    /// What About's Delete my data did, and what the report's Copy or Share last said:
    /// kept while the screen shows, forgotten on another (see `app::App`).
    pub deleted: &'a Kept<Option<String>>,
    pub report_status: &'a Kept<&'static str>,
    /// What the check's screens keep ([`check::use_check_screen`]).
    pub check: &'a check::CheckScreen,
    /// What the connection test's screen keeps ([`connection::use_connection_screen`]).
    pub connection: &'a connection::ConnectionScreen,
}

/// `one` or `other` (texts with a `{count}` place) as `count` asks, filled in: "1 fix",
/// "3 fixes". Never an "s" added in code: each language says its plurals its own way.
pub fn counted(count: usize, one: &str, other: &str) -> String {
    let template = if count == 1 { one } else { other };
    fill(template, &[("count", &count.to_string())])
}

/// Maps a location to its screen: view functions given what they read (and keep) by the
/// root component, which also runs their hooks.
pub fn render(location: &Location, reads: &Reads) -> Html {
    match &location.route {
        Route::Home => home::home(reads.app),
        Route::Guide => guide::guide(location, reads.navigator),
        Route::Cause { id } => cause::cause_screen(id),
        Route::Fix { id } => fix::fix_screen(id, reads.phone),
        Route::Check | Route::CheckAt { .. } => {
            check::check_screen(reads.check, reads.app, reads.navigator, reads.phone)
        }
        Route::StartCheck { symptom } => {
            check::start::start_check(symptom, reads.app, reads.navigator)
        }
        Route::Report => report::report(reads.app, reads.phone, reads.report_status),
        Route::Connection => connection::connection_screen(reads.connection, reads.app),
        Route::About => about::about(reads.app, reads.deleted),
        Route::NotFound => not_found::not_found(),
    }
}

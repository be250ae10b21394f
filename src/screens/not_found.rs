//! A friendly dead end that is not one: a way home and to the guide.

use crate::content::ui;
use crate::routes::Route;
use crate::widgets::markup::{element, link, main_heading, text_in};
use yew::prelude::*;

/// A plain view function: no state of its own, and no per-component cost in the wasm.
pub fn not_found() -> Html {
    html! {
        <>
            { main_heading(ui().not_found_heading) }
            { text_in("p", "lead", ui().not_found_lead) }
            { element("p", "more", link(Route::Home.href(), "button primary", ui().not_found_home)) }
            { element("p", "more", link(Route::Guide.href(), "button", ui().not_found_guide)) }
        </>
    }
}

//! A friendly dead end that is not one: a way home and to the guide.

use crate::routes::Route;
use yew::prelude::*;

/// A plain view function: no state of its own, and no per-component cost in the wasm.
pub fn not_found() -> Html {
    html! {
        <>
            <h1 tabindex="-1">{ "We can't find that page" }</h1>
            <p class="lead">{ "The link may be old or mistyped. Nothing you saved is lost." }</p>
            <p class="more">
                <a href={Route::Home.href()} class="button primary">{ "Go to the home screen" }</a>
            </p>
            <p class="more">
                <a href={Route::Guide.href()} class="button">{ "Open the guide" }</a>
            </p>
        </>
    }
}

//! A friendly dead end that is not one: a way home and to the guide.

use crate::routes::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn NotFound() -> Html {
    html! {
        <>
            <h1 tabindex="-1">{ "We can't find that page" }</h1>
            <p class="lead">{ "The link may be old or mistyped. Nothing you saved is lost." }</p>
            <p class="more">
                <Link<Route> to={Route::Home} classes="button primary">{ "Go to the home screen" }</Link<Route>>
            </p>
            <p class="more">
                <Link<Route> to={Route::Guide} classes="button">{ "Open the guide" }</Link<Route>>
            </p>
        </>
    }
}

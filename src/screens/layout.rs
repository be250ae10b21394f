//! The frame around every screen: header and navigation, update and notice banners,
//! and focus moved to the new screen's heading on navigation. Plain view functions and a
//! hook of the one component that renders screens (`app::App`): a component of its
//! own would cost wasm bytes.

use crate::platform::{focus_main_heading, pwa};
use crate::routes::Route;
use crate::state::{Action, AppContext};
use crate::widgets::router::{Arrival, Current, Navigator};
use yew::prelude::*;

/// Moves focus to the new screen's heading after a navigation (not on load), so screen
/// readers read the new screen out.
#[hook]
pub fn use_focus_on_arrival(current: &Current, navigator: &Navigator) {
    let arrival = current.arrival;
    let navigator = navigator.clone();
    use_effect_with(current.location.route.clone(), move |route| {
        // Not for a screen that already forwarded elsewhere: its heading is on its way out.
        if arrival == Arrival::Navigation && navigator.is_at(route) {
            focus_main_heading();
        }
    });
}

/// The frame around `screen`, the screen for `route`.
pub fn layout(app: &AppContext, route: &Route, screen: Html) -> Html {
    html! {
        <>
            <a class="skip" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            <header class="top">
                <a href={Route::Home.href()} class="brand">
                    <img src="icons/icon.svg" alt="" width="28" height="28" />
                    { "DM Doctor" }
                </a>
                { online_badge(app.online) }
                <nav aria-label="Main">
                    { nav_link(Route::Home, route, "Home") }
                    { nav_link(Route::Guide, route, "Guide") }
                    { nav_link(Route::About, route, "About") }
                </nav>
            </header>
            { banners(app) }
            <main id="main">{ screen }</main>
            <footer class="bottom">
                <p>{ "Not affiliated with TikTok. Never asks for your password." }</p>
                <p>{ concat!("DM Doctor ", env!("CARGO_PKG_VERSION")) }</p>
            </footer>
        </>
    }
}

/// The skip link must not change the hash route, so it focuses the heading itself.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|event: MouseEvent| {
        event.prevent_default();
        focus_main_heading();
    })
}

// The pieces of the frame are plain view functions, not components: they have no state
// of their own, and each component costs its own copy of Yew's lifecycle code.

/// Live `navigator.onLine`: "Offline" is certain, "Connected" only means some network.
fn online_badge(online: bool) -> Html {
    html! {
        <span class={classes!("net", if online { "online" } else { "offline" })} role="status">
            { if online { "Connected" } else { "Offline" } }
        </span>
    }
}

/// A navigation link that tells screen readers which screen is current.
fn nav_link(to: Route, current: &Route, label: &'static str) -> Html {
    let is_current = match (&to, current) {
        (Route::Guide, Route::Guide | Route::Cause { .. } | Route::Fix { .. }) => true,
        (to, current) => to == current,
    };
    html! {
        <a href={to.href()} aria-current={is_current.then_some("page")}>{ label }</a>
    }
}

/// Live regions that exist from the start, so screen readers announce what appears in them.
fn banners(app: &AppContext) -> Html {
    let reload = Callback::from(|_: MouseEvent| pwa::apply_update());
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="banners">
            <div role="status" aria-live="polite">
                if app.update_ready {
                    <div class="banner update">
                        <p>{ "A new version of DM Doctor is ready." }</p>
                        <button type="button" class="button primary" onclick={reload}>{ "Update available — reload" }</button>
                    </div>
                }
            </div>
            <div role="status" aria-live="polite">
                if let Some(unsaved) = app.unsaved {
                    <div class="banner notice"><p>{ unsaved }</p></div>
                }
            </div>
            <div role="status" aria-live="polite">
                if let Some(notice) = &app.notice {
                    <div class="banner notice">
                        <p>{ notice }</p>
                        <button type="button" class="button" onclick={dismiss}>{ "OK" }</button>
                    </div>
                }
            </div>
        </div>
    }
}

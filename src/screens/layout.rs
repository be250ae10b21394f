//! The frame around every screen: header and navigation, the language picker, update
//! and notice banners. Plain view functions of the one component that renders screens
//! (`app::App`): a component of its own would cost wasm bytes. (Focus moves to a new
//! screen's heading in the check screens' address effect, `screens::check`, which runs
//! on every screen: one effect less in the wasm.)

use crate::content::ui;
use crate::language::{self, Language};
use crate::platform::focus_main_heading;
use crate::routes::Route;
use crate::screens::{on_tap, Tap};
use crate::state::{choose_language, AppContext};
use crate::widgets::entry_list::text;
use crate::widgets::markup::{
    attribute, button, class, element, filled, fixed, owned, tag, text_in,
};
use crate::widgets::router::Navigator;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// The frame around `screen`, the screen for `route`.
pub fn layout(app: &AppContext, navigator: &Navigator, route: &Route, screen: Html) -> Html {
    let ui = ui();
    html! {
        <>
            <a class="skip" href="#main" onclick={skip_to_main()}>{ text(ui.skip_to_content) }</a>
            { fixed("header", &[("class", Static("top"))], html! { <>
                <a href={Route::Home.href()} class="brand">
                    <img src="icons/icon.svg" alt="" width="28" height="28" />
                    { text("DM Doctor") }
                </a>
                { online_badge(app.online) }
                <nav aria-label={ui.nav_label}>
                    { nav_link(Route::Home, route, ui.nav_home) }
                    { nav_link(Route::Guide, route, ui.nav_guide) }
                    { nav_link(Route::About, route, ui.nav_about) }
                </nav>
            </> }) }
            { banners(app, navigator) }
            { fixed("main", &[("id", Static("main"))], screen) }
            { fixed("footer", &[("class", Static("bottom"))], html! { <>
                { language_picker(app) }
                { text_in("p", "", ui.footer_disclaimer) }
                { filled("p", "", ui.footer_version, &[("version", env!("CARGO_PKG_VERSION"))]) }
            </> }) }
        </>
    }
}

/// The language picker: on every screen, each language named in itself. Switching
/// keeps the screen and the check where they are.
fn language_picker(app: &AppContext) -> Html {
    let on_change = {
        let app = app.clone();
        Callback::from(move |event: Event| {
            let code = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(language) = language::by_code(&code) {
                choose_language(&app, language);
            }
        })
    };
    let shown = app.language;
    // A pseudo-locale chosen for testing is listed while it is shown.
    let options = language::offered()
        .chain((shown.pseudo).then_some(shown))
        .map(|l: &'static Language| {
            html! {
                <option value={l.code} lang={l.code} selected={l == shown}>{ text(l.name) }</option>
            }
        });
    html! {
        { fixed("div", &[("class", Static("language"))], html! { <>
            { fixed("label", &[("for", Static("language"))], text(ui().language_label)) }
            // Made anew whenever the language shown or a failure changes, so it always
            // shows the language on screen (a select keeps the option last tapped).
            <select id="language" key={[shown.code, app.language_failed.map_or("", |l| l.code)].concat()} onchange={on_change}>{ for options }</select>
            { if app.other_variety { text_in("p", "language-note", ui().language_other_variety) } else { Html::default() } }
        </> }) }
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
    tag(
        "span",
        &["role", "class"],
        vec![
            attribute("status"),
            class(if online { "net online" } else { "net offline" }),
        ],
        None,
        text(if online {
            ui().net_connected
        } else {
            ui().net_offline
        }),
    )
}

/// A navigation link that tells screen readers which screen is current.
fn nav_link(to: Route, current: &Route, label: &'static str) -> Html {
    let is_current = match (&to, current) {
        (Route::Guide, Route::Guide | Route::Cause { .. } | Route::Fix { .. }) => true,
        (to, current) => to == current,
    };
    html! {
        <a href={to.href()} aria-current={is_current.then_some("page")}>{ text(label) }</a>
    }
}

/// Live regions that exist from the start, so screen readers announce what appears in them.
fn banners(app: &AppContext, navigator: &Navigator) -> Html {
    let ui = ui();
    let reload = on_tap(app, navigator, Tap::Reload);
    let dismiss = on_tap(app, navigator, Tap::DismissNotice);
    let retry = app
        .language_failed
        .map(|failed| on_tap(app, navigator, Tap::RetryLanguage(failed)));
    html! {
        { fixed("div", &[("class", Static("banners"))], html! { <>
            { live("banner update", app.update_ready.then(|| html! {
                <>
                    { text_in("p", "", ui.update_ready) }
                    { button("button primary", reload, text(ui.update_reload)) }
                </>
            })) }
            { live("banner notice", app.unsaved.map(|unsaved| text_in("p", "", unsaved))) }
            { live("banner notice", app.notice.as_ref().map(|notice| html! {
                <>
                    { element("p", "", owned(notice.clone())) }
                    { button("button", dismiss, text(ui.notice_ok)) }
                </>
            })) }
            { live("banner notice language-failed", app.language_failed.zip(retry).map(|(failed, retry)| html! {
                <>
                    { filled("p", "", ui.language_failed, &[("language", failed.name)]) }
                    { button("button", retry, text(ui.language_retry)) }
                </>
            })) }
        </> }) }
    }
}

/// A live region that exists from the start, so screen readers announce the banner
/// (`<div class="class">` around `banner`) when one appears in it.
#[inline(never)]
fn live(class: &'static str, banner: Option<Html>) -> Html {
    let banner = if let Some(banner) = banner {
        element("div", class, banner)
    } else {
        Html::default()
    };
    fixed(
        "div",
        &[("role", Static("status")), ("aria-live", Static("polite"))],
        banner,
    )
}

//! The Install button: the browser's own prompt where it has one, manual
//! "Add to Home screen" steps otherwise, nothing when already installed; in an app's
//! built-in browser (opened from a link in TikTok), how to get to the phone's browser.

use crate::browser::InAppBrowser;
use crate::content::content;
use crate::state::{InstallOffer, OfflineUse};
use crate::widgets::entry_list::list_items;
use yew::prelude::*;

/// "TikTok's built-in browser", or "an app's built-in browser" for an app we don't know.
pub fn built_in_browser(browser: InAppBrowser) -> String {
    match browser.app_name() {
        Some(app) => format!("{app}'s built-in browser"),
        None => "an app's built-in browser".to_owned(),
    }
}

/// The card for `offer`; `on_install` shows the browser's install prompt (only offered
/// with `InstallOffer::Prompt`). A plain view function (no per-component cost); one
/// card whose text and button depend on the offer, and on `offline`: "Ready to use
/// offline" only once the service worker has installed, and a plain warning where it
/// can't. In an in-app browser nothing can be installed, so the card says that instead
/// of pretending, and how to get to the phone's browser.
pub fn install_card(
    offer: InstallOffer,
    offline: OfflineUse,
    in_app: Option<InAppBrowser>,
    on_install: &Callback<MouseEvent>,
) -> Html {
    if let Some(browser) = in_app {
        let inside = built_in_browser(browser);
        let app = browser.app_name().unwrap_or("that app");
        let can = match offline {
            OfflineUse::Unavailable => {
                "It can't install DM Doctor or keep it for offline use.".to_owned()
            }
            OfflineUse::Ready => {
                format!("It can't install DM Doctor, and it closes when {app} does.")
            }
            OfflineUse::Checking => {
                "It can't install DM Doctor, and offline use may not work here.".to_owned()
            }
        };
        return html! {
            <section class="install in-app" aria-labelledby="install-heading">
                <h2 id="install-heading">{ "Keep DM Doctor on your phone" }</h2>
                <p>{ format!("You're in {inside}. {can} Everything else works.") }</p>
                <p>{ "To install it and use it offline, open this page in your phone's browser. A check you started here stays in this browser." }</p>
                <ol>{ list_items(&content().open_in_browser) }</ol>
            </section>
        };
    }
    if offer == InstallOffer::Installed {
        return html! {};
    }
    let prompt = offer == InstallOffer::Prompt;
    let ready = match offline {
        OfflineUse::Ready => {
            html! { <p class="offline-ready">{ "Ready to use offline in this browser." }</p> }
        }
        OfflineUse::Unavailable => {
            html! { <p class="offline-not-ready">{ "Offline use isn't ready in this browser, so keep a connection while you use DM Doctor." }</p> }
        }
        OfflineUse::Checking => {
            html! { <p class="offline-not-ready">{ "Not ready for offline use yet: keep this page open for a moment." }</p> }
        }
    };
    html! {
        <section class="install" aria-labelledby="install-heading">
            <h2 id="install-heading">{ "Keep DM Doctor on your phone" }</h2>
            if prompt {
                <p>{ "Install it to open it from your home screen, even with no internet." }</p>
                <button type="button" class="button primary" onclick={on_install.clone()}>{ "Install" }</button>
            } else {
                <p>{ "Add it to your home screen to open it even with no internet." }</p>
                <details class="install-steps">
                    <summary class="button">{ "Install" }</summary>
                    { for content().install_guides.iter().map(|guide| html! {
                        <div class="install-browser">
                            <h3>{ format!("In {}", guide.browser) }</h3>
                            <ol>{ list_items(&guide.steps) }</ol>
                        </div>
                    }) }
                </details>
            }
            { ready }
        </section>
    }
}

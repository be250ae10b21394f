//! The Install button: the browser's own prompt where it has one, manual
//! "Add to Home screen" steps otherwise, nothing when already installed; in an app's
//! built-in browser (opened from a link in TikTok), how to get to the phone's browser.

use super::markup::{button, element, filled, fixed, labelled, owned, text_in};
use crate::browser::InAppBrowser;
use crate::content::{content, fill, ui};
use crate::state::{InstallOffer, OfflineUse};
use crate::widgets::entry_list::{list_items, text};
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// "TikTok's built-in browser", or "an app's built-in browser" for an app we don't know.
pub fn built_in_browser(browser: InAppBrowser) -> String {
    match browser.app_name() {
        Some(app) => fill(ui().install_app_browser, &[("app", app)]),
        None => ui().install_unknown_app_browser.to_owned(),
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
    let ui = ui();
    if let Some(browser) = in_app {
        let template = match offline {
            OfflineUse::Unavailable => ui.install_in_app_unavailable,
            OfflineUse::Ready => ui.install_in_app_ready,
            OfflineUse::Checking => ui.install_in_app_checking,
        };
        let app = browser.app_name().unwrap_or(ui.install_that_app);
        let situation = fill(
            template,
            &[("browser", &built_in_browser(browser)), ("app", app)],
        );
        return labelled(
            "install in-app",
            "install-heading",
            ui.install_heading,
            html! {
                <>
                    { element("p", "", owned(situation)) }
                    { text_in("p", "", ui.install_in_app_how) }
                    { element("ol", "", list_items(&content().open_in_browser)) }
                </>
            },
        );
    }
    if offer == InstallOffer::Installed {
        return html! {};
    }
    let prompt = offer == InstallOffer::Prompt;
    let ready = match offline {
        OfflineUse::Ready => text_in("p", "offline-ready", ui.install_offline_ready),
        OfflineUse::Unavailable => {
            text_in("p", "offline-not-ready", ui.install_offline_unavailable)
        }
        OfflineUse::Checking => text_in("p", "offline-not-ready", ui.install_offline_checking),
    };
    labelled(
        "install",
        "install-heading",
        ui.install_heading,
        html! {
            <>
                { if prompt { html! { <>
                    { text_in("p", "", ui.install_prompt_text) }
                    { button("button primary", on_install.clone(), text(ui.install_button)) }
                </> } } else { html! { <>
                    { text_in("p", "", ui.install_manual_text) }
                    { fixed("details", &[("class", Static("install-steps"))], html! { <>
                        { text_in("summary", "button", ui.install_button) }
                        { for content().install_guides.iter().map(|guide| html! {
                            { fixed("div", &[("class", Static("install-browser"))], html! { <>
                                { filled("h3", "", ui.install_in_browser, &[("browser", &guide.browser)]) }
                                { element("ol", "", list_items(&guide.steps)) }
                            </> }) }
                        }) }
                    </> }) }
                </> } } }
                { ready }
            </>
        },
    )
}

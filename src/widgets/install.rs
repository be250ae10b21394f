//! The Install button: the browser's own prompt where it has one, manual
//! "Add to Home screen" steps otherwise, nothing when already installed; in an app's
//! built-in browser (opened from a link in TikTok), how to get to the phone's browser.

use crate::browser::InAppBrowser;
use crate::content::content;
use crate::state::InstallOffer;
use crate::widgets::entry_list::list_items;
use yew::prelude::*;

/// The card for `offer`; `on_install` shows the browser's install prompt (only offered
/// with `InstallOffer::Prompt`). A plain view function (no per-component cost); one
/// card whose text and button depend on the offer. In an in-app browser nothing can be
/// installed and offline use may not work, so the card says that instead of pretending.
pub fn install_card(
    offer: InstallOffer,
    in_app: Option<InAppBrowser>,
    on_install: &Callback<MouseEvent>,
) -> Html {
    if let Some(browser) = in_app {
        let inside = browser
            .app_name()
            .map_or("an app's built-in browser".to_owned(), |app| {
                format!("{app}'s built-in browser")
            });
        return html! {
            <section class="install in-app" aria-labelledby="install-heading">
                <h2 id="install-heading">{ "Keep DM Doctor on your phone" }</h2>
                <p>{ format!("You're in {inside}. It can't install DM Doctor, and offline use may not work here. Everything else works.") }</p>
                <p>{ "To install it and use it offline, open this page in your phone's browser:" }</p>
                <ol>{ list_items(&content().open_in_browser) }</ol>
            </section>
        };
    }
    if offer == InstallOffer::Installed {
        return html! {};
    }
    let prompt = offer == InstallOffer::Prompt;
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
        </section>
    }
}

//! The Install button: the browser's own prompt where it has one, manual
//! "Add to Home screen" steps otherwise, nothing when already installed.

use crate::content::content;
use crate::state::InstallOffer;
use crate::widgets::entry_list::list_items;
use yew::prelude::*;

/// The card for `offer`; `on_install` shows the browser's install prompt (only offered
/// with `InstallOffer::Prompt`). A plain view function (no per-component cost); one
/// card whose text and button depend on the offer.
pub fn install_card(offer: InstallOffer, on_install: &Callback<MouseEvent>) -> Html {
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

//! The Install button: the browser's own prompt where it has one, manual
//! "Add to Home screen" steps otherwise, nothing when already installed.

use crate::content::content;
use crate::state::InstallOffer;
use yew::prelude::*;

/// The card for `offer`; `on_install` shows the browser's install prompt (only offered
/// with `InstallOffer::Prompt`). A plain view function (no per-component cost).
pub fn install_card(offer: InstallOffer, on_install: &Callback<()>) -> Html {
    match offer {
        InstallOffer::Installed => html! {},
        InstallOffer::Prompt => {
            let onclick = on_install.reform(|_: MouseEvent| ());
            html! {
                <section class="install" aria-labelledby="install-heading">
                    <h2 id="install-heading">{ "Keep DM Doctor on your phone" }</h2>
                    <p>{ "Install it to open it from your home screen, even with no internet." }</p>
                    <button type="button" class="button primary" {onclick}>{ "Install" }</button>
                </section>
            }
        }
        InstallOffer::Manual => html! {
            <section class="install" aria-labelledby="install-heading">
                <h2 id="install-heading">{ "Keep DM Doctor on your phone" }</h2>
                <p>{ "Add it to your home screen to open it even with no internet." }</p>
                <details class="install-steps">
                    <summary class="button">{ "Install" }</summary>
                    { for content().install_guides.iter().map(|guide| html! {
                        <div class="install-browser">
                            <h3>{ format!("In {}", guide.browser) }</h3>
                            <ol>{ for guide.steps.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
                        </div>
                    }) }
                </details>
            </section>
        },
    }
}

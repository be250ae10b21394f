//! The Install button: the browser's own prompt where it has one, manual
//! "Add to Home screen" steps otherwise, nothing when already installed.

use crate::app::use_app;
use crate::content::content;
use crate::platform::pwa;
use crate::state::{Action, InstallOffer};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[component]
pub fn InstallCard() -> Html {
    let app = use_app();
    match app.install {
        InstallOffer::Installed => html! {},
        InstallOffer::Prompt => {
            let onclick = Callback::from(move |_: MouseEvent| {
                let app = app.clone();
                spawn_local(async move {
                    let accepted = pwa::prompt_install().await;
                    app.dispatch(if accepted {
                        Action::Installed
                    } else {
                        Action::InstallPromptUsed
                    });
                });
            });
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

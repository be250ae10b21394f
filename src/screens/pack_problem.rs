//! What shows when no language pack can be loaded (a first visit whose download failed,
//! a damaged cache): the app core's own few words, in every language, and Retry. Never
//! a blank page.

use crate::language;
use yew::prelude::*;

#[component]
pub fn PackProblem() -> Html {
    // A new start reruns the head script, which downloads the pack again.
    let retry = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let (picked, _) = crate::platform::language::picked();
    // The language the head script picked comes first.
    let languages = std::iter::once(picked).chain(language::offered().filter(|l| *l != picked));
    html! {
        <main id="main" class="pack-problem">
            <h1 tabindex="-1">{ "DM Doctor" }</h1>
            { for languages.map(|l| html! {
                <p lang={l.code} dir={if l.rtl { "rtl" } else { "ltr" }}>{ l.pack_failed }</p>
            }) }
            <button type="button" class="button primary" onclick={retry} lang={picked.code}>
                { picked.retry }
            </button>
        </main>
    }
}

//! The report for TikTok with Copy and Share buttons; the text stays selectable when
//! neither works.

use crate::content::{content, DeviceFamily};
use crate::diagnosis::check::Check;
use crate::diagnosis::report::{self, Environment};
use crate::platform::{share, user_agent};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// A plain view function (no per-component cost in the wasm): `device` is the phone
/// family if the user chose it or the browser revealed it; `status`, what Copy or Share
/// last said, is the screen's state (empty when the report is first shown).
pub fn report_box(
    check: &Check,
    device: Option<DeviceFamily>,
    status: &UseStateHandle<&'static str>,
) -> Html {
    let env = Environment {
        device,
        user_agent: &user_agent(),
        app_version: crate::VERSION,
        date: &share::today(),
    };
    let text = report::build(content(), check, &env);
    // Copy and Share, one handler (`true`: share).
    let act = |sharing: bool| {
        let (text, status) = (text.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, status) = (text.clone(), status.clone());
            spawn_local(async move {
                status.set(if sharing {
                    if share::share("TikTok messages problem", &text).await {
                        return;
                    }
                    "Sharing didn't finish. You can copy the text instead."
                } else if share::copy(&text).await {
                    "Copied. Paste it into TikTok's Report a problem."
                } else {
                    "Couldn't copy here. Press and hold the text to select and copy it."
                });
            });
        })
    };
    let (copy, share_it) = (act(false), share::can_share().then(|| act(true)));

    html! {
        <section class="report" aria-labelledby="report-heading">
            <h2 id="report-heading">{ "Your report for TikTok" }</h2>
            <p class="hint">{ "Only what you told us and what this app saw. Read it before you send it." }</p>
            <label for="report-text" class="visually-hidden">{ "Report text" }</label>
            <textarea id="report-text" class="report-text" readonly=true rows="14" value={text} />
            <div class="actions">
                <button type="button" class="button primary" onclick={copy}>{ "Copy report" }</button>
                if let Some(onclick) = share_it {
                    <button type="button" class="button" {onclick}>{ "Share…" }</button>
                }
            </div>
            <p role="status" class="hint">{ **status }</p>
        </section>
    }
}

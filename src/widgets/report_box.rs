//! The report for TikTok with Copy and Share buttons; the text stays selectable when
//! neither works.

use crate::content::{ui, words, DeviceFamily};
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
    let text = report::build(words(), check, &env);
    let ui = ui();
    // Copy and Share, one handler (`true`: share).
    let act = |sharing: bool| {
        let (text, status) = (text.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, status) = (text.clone(), status.clone());
            spawn_local(async move {
                status.set(if sharing {
                    if share::share(ui.report_box_share_title, &text).await {
                        return;
                    }
                    ui.report_box_share_failed
                } else if share::copy(&text).await {
                    ui.report_box_copied
                } else {
                    ui.report_box_copy_failed
                });
            });
        })
    };
    let (copy, share_it) = (act(false), share::can_share().then(|| act(true)));

    html! {
        <section class="report" aria-labelledby="report-heading">
            <h2 id="report-heading">{ ui.report_box_heading }</h2>
            <p class="hint">{ ui.report_box_hint }</p>
            <label for="report-text" class="visually-hidden">{ ui.report_box_text_label }</label>
            <textarea id="report-text" class="report-text" readonly=true rows="14" value={text} />
            <div class="actions">
                <button type="button" class="button primary" onclick={copy}>{ ui.report_box_copy }</button>
                if let Some(onclick) = share_it {
                    <button type="button" class="button" {onclick}>{ ui.report_box_share }</button>
                }
            </div>
            <p role="status" class="hint">{ **status }</p>
        </section>
    }
}

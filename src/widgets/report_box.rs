//! The report for TikTok with Copy and Share buttons; the text stays selectable when
//! neither works.

use crate::content::{ui, words, DeviceFamily};
use crate::diagnosis::check::Check;
use crate::diagnosis::report::{self, Environment};
use crate::hooks::Kept;
use crate::language;
use crate::platform::{share, user_agent};
use crate::widgets::entry_list::text as words_of;
use crate::widgets::markup::{button, element, fixed, labelled};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// What a button of the report does.
#[derive(Clone, Copy, PartialEq)]
enum How {
    Copy,
    CopyInEnglish,
    Share,
}

/// What the report was built from, for Copy in English to build it again.
struct Shown {
    check: Check,
    user_agent: String,
    date: String,
}

impl Shown {
    fn environment(&self, device: Option<DeviceFamily>) -> Environment<'_> {
        Environment {
            device,
            user_agent: &self.user_agent,
            app_version: crate::VERSION,
            date: &self.date,
        }
    }
}

/// A plain view function (no per-component cost in the wasm): `device` is the phone
/// family if the user chose it or the browser revealed it; `status`, what Copy or Share
/// last said, is the screen's state (empty when the report is first shown).
pub fn report_box(
    check: &Check,
    device: Option<DeviceFamily>,
    status: &Kept<&'static str>,
) -> Html {
    let shown = Rc::new(Shown {
        check: check.clone(),
        user_agent: user_agent(),
        date: share::today(),
    });
    let text = report::build(words(), check, &shown.environment(device));
    let ui = ui();
    // Copy, Share, and (when another language is shown) Copy in English: TikTok's
    // support reads English, and its words come from the English pack (cached offline).
    // One handler for the three, as each closure costs wasm bytes; what they share is
    // held once.
    let act = |how: How| {
        let (text, shown, status) = (text.clone(), shown.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let (mut text, shown, status) = (text.clone(), shown.clone(), status.clone());
            spawn_local(async move {
                if how == How::CopyInEnglish {
                    let english = crate::platform::language::load(language::english(), false);
                    let Some(words) = english.await else {
                        status.set(ui.report_box_english_failed);
                        return;
                    };
                    text = report::build(words, &shown.check, &shown.environment(device));
                }
                status.set(match how {
                    How::Share if share::share(ui.report_box_share_title, &text).await => return,
                    How::Share => ui.report_box_share_failed,
                    _ if !share::copy(&text).await => ui.report_box_copy_failed,
                    How::CopyInEnglish => ui.report_box_copied_english,
                    How::Copy => ui.report_box_copied,
                });
            });
        })
    };
    let copy = act(How::Copy);
    let english = (words().language != language::english().code).then(|| act(How::CopyInEnglish));
    let share_it = share::can_share().then(|| act(How::Share));

    labelled(
        "report",
        "report-heading",
        ui.report_box_heading,
        html! {
            <>
                { element("p", "hint", words_of(ui.report_box_hint)) }
                { fixed("label", &[("for", Static("report-text")), ("class", Static("visually-hidden"))], words_of(ui.report_box_text_label)) }
                <textarea id="report-text" class="report-text" readonly=true rows="14" value={text} />
                { fixed("div", &[("class", Static("actions"))], html! { <>
                    { button("button primary", copy, words_of(ui.report_box_copy)) }
                    { if let Some(onclick) = english { button("button", onclick, words_of(ui.report_box_copy_english)) } else { Html::default() } }
                    { if let Some(onclick) = share_it { button("button", onclick, words_of(ui.report_box_share)) } else { Html::default() } }
                </> }) }
                { fixed("p", &[("role", Static("status")), ("class", Static("hint"))], words_of(*status.get())) }
            </>
        },
    )
}

//! The gentle notes that go with a cause: a hedge where no official source confirms it,
//! and what TikTok support can't change where the cause is a rule for everyone. Plain
//! view functions (no state of their own, no per-component cost in the wasm).

use super::markup::text_in;
use crate::content::Cause;
use crate::diagnosis::check::Check;
use crate::diagnosis::engine::support_cant_change;
use yew::prelude::*;

/// The hedge and the rule note of one cause (on its page and on its results card).
pub fn cause_notes(cause: &'static Cause) -> Html {
    html! {
        <>
            { if let Some(note) = cause.hedge() { text_in("p", "hint", note) } else { Html::default() } }
            { if let Some(rule) = &cause.support_cant_change { text_in("p", "hint", rule) } else { Html::default() } }
        </>
    }
}

/// Above a report: what support can't change, for the rules among the check's causes.
pub fn support_notes(check: &Check) -> Html {
    let ranking = check.ranking(crate::content::content());
    html! {
        { for support_cant_change(&ranking).into_iter().map(|rule| text_in("p", "hint", rule)) }
    }
}

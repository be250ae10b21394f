//! The gentle notes that go with a cause: a hedge where no official source confirms it,
//! and what TikTok support can't change where the cause is a rule for everyone. Plain
//! view functions (no state of their own, no per-component cost in the wasm).

use super::markup::text_in;
use crate::content::{ui, Cause, Hedge};
use crate::diagnosis::check::Check;
use crate::diagnosis::engine::support_cant_change;
use yew::prelude::*;

/// The hedge and the rule note of one cause (on its page and on its results card).
pub fn cause_notes(cause: &'static Cause) -> Html {
    html! {
        <>
            { hedge_note(cause.hedge()) }
            { if let Some(rule) = &cause.support_cant_change { text_in("p", "hint", rule) } else { Html::default() } }
        </>
    }
}

/// The gentle "may differ" note of a cause or fix, in the language shown.
pub fn hedge_note(hedge: Option<Hedge>) -> Html {
    match hedge {
        Some(Hedge::Unverified) => text_in("p", "hint", ui().hedge_unverified),
        Some(Hedge::TikTokMenus) => text_in("p", "hint", ui().hedge_tiktok_menus),
        None => Html::default(),
    }
}

/// Above a report: what support can't change, for the rules among the check's causes.
pub fn support_notes(check: &Check) -> Html {
    let ranking = check.ranking(crate::content::content());
    html! {
        { for support_cant_change(&ranking).into_iter().map(|rule| text_in("p", "hint", rule)) }
    }
}

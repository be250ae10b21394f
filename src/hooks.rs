//! Small Yew hooks shared by screens and widgets. Kept out of `platform`, which wraps
//! browser APIs and knows nothing of Yew.

use crate::platform;
use yew::prelude::*;

/// Moves focus to the main heading whenever `deps` change (a new question, step or
/// check stage), but not on the component's first render: on page load focus stays
/// where the browser put it, and no layout is forced before the first paint. (New
/// screens are the router's business: see `screens::layout`.)
#[hook]
pub fn use_focus_heading_on_change<D: PartialEq + 'static>(deps: D) {
    let first_render = use_is_first_render();
    use_effect_with(deps, move |_| {
        if !first_render {
            platform::focus_main_heading();
        }
    });
}

/// True on a component's first render only; for effects that must react to changes but
/// not to the initial state (focus on navigation, saving what was just loaded).
#[hook]
pub fn use_is_first_render() -> bool {
    let first = use_mut_ref(|| true);
    let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
    was_first
}

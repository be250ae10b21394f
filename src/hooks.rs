//! Small Yew hooks shared by screens and widgets. Kept out of `platform`, which wraps
//! browser APIs and knows nothing of Yew.

use yew::prelude::*;

/// True on a component's first render only; for effects that must react to changes but
/// not to the initial state (focus on navigation, saving what was just loaded).
#[hook]
pub fn use_is_first_render() -> bool {
    let first = use_mut_ref(|| true);
    let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
    was_first
}

/// The first value of a state that holds a short text of the screen's words, "" while
/// there is none. One named function rather than a `|| ""` at each `use_state`: each
/// closure type makes its own copy of Yew's state hook in the wasm.
pub fn nothing_said() -> &'static str {
    ""
}

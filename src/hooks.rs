//! Small Yew hooks shared by screens and widgets. Kept out of `platform`, which wraps
//! browser APIs and knows nothing of Yew.

use std::cell::{Ref, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// True on a component's first render only; for effects that must react to changes but
/// not to the initial state (focus on navigation, saving what was just loaded).
#[hook]
pub fn use_is_first_render() -> bool {
    let first = use_mut_ref(|| true);
    let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
    was_first
}

/// What a screen keeps between renders and shows: as `use_state`, setting it renders
/// the component again, but it is a cell of the component and a redraw, with no state
/// hook of its own (each type in Yew's state hook is its own copy of it in the wasm).
/// What is set shows from the next render on (and is already read by the rest of a
/// render that sets it).
pub struct Kept<T> {
    value: Rc<RefCell<T>>,
    redraw: UseForceUpdateHandle,
}

impl<T> Clone for Kept<T> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            redraw: self.redraw.clone(),
        }
    }
}

impl<T> Kept<T> {
    /// The value kept now.
    pub fn get(&self) -> Ref<'_, T> {
        self.value.borrow()
    }

    /// Keeps `value` and renders the component again to show it.
    pub fn set(&self, value: T) {
        *self.value.borrow_mut() = value;
        self.redraw.force_update();
    }
}

/// A [`Kept`] value, starting as `first()`.
#[hook]
pub fn use_kept<T: 'static>(first: fn() -> T) -> Kept<T> {
    Kept {
        value: use_mut_ref(first),
        redraw: use_force_update(),
    }
}

/// The first value of a state that holds a short text of the screen's words, "" while
/// there is none. One named function rather than a `|| ""` at each `use_kept`: each
/// closure type makes its own copy of Yew's hook in the wasm.
pub fn nothing_said() -> &'static str {
    ""
}

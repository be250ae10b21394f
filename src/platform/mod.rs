//! Platform: thin wrappers over browser APIs. Each returns plain Rust values so the
//! screens never touch web-sys directly.

pub mod address;
pub mod probe;
pub mod pwa;
pub mod share;
pub mod storage;

/// The browser's user agent, or "" where it cannot be read.
pub fn user_agent() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default()
}

/// Moves keyboard and screen-reader focus to the page's main heading, so a new screen
/// is announced and the next Tab starts from it.
pub fn focus_main_heading() {
    let heading = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten());
    if let Some(heading) = heading {
        use wasm_bindgen::JsCast;
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    }
}

/// Moves focus to the main heading whenever `deps` change (a new question, step or
/// check stage), but not on the component's first render: on page load focus stays
/// where the browser put it, and no layout is forced before the first paint. (New
/// screens are the router's business: see `widgets::layout`.)
#[yew::hook]
pub fn use_focus_heading_on_change<D: PartialEq + 'static>(deps: D) {
    let first_render = use_is_first_render();
    yew::use_effect_with(deps, move |_| {
        if !first_render {
            focus_main_heading();
        }
    });
}

/// True on a component's first render only; for effects that must react to changes but
/// not to the initial state (focus on navigation, saving what was just loaded).
#[yew::hook]
pub fn use_is_first_render() -> bool {
    let first = yew::use_mut_ref(|| true);
    let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
    was_first
}

//! The guided check: shows whichever screen the saved check is at, so a reload or a
//! relaunch resumes exactly there. Each screen has its own address
//! ([`Route::CheckAt`]): moving the check pushes the new address (one history entry per
//! screen), and an address moved by Back, Forward or an old link moves the check as far
//! as it honestly can ([`place::toward`]), the address then showing where it is.

mod fixed;
mod question;
mod results;
pub mod start;
mod step;

use crate::content::{content, ui};
use crate::diagnosis::check::Stage;
use crate::diagnosis::place::{self, place_of, Place};
use crate::hooks::{nothing_said, use_kept, Kept};
use crate::routes::Route;
use crate::screens::{on_tap, Tap};
use crate::state::{Action, AppContext, PhoneChoice};
use crate::widgets::entry_list::text;
use crate::widgets::markup::{button, element, fixed, link, main_heading, text_in};
use crate::widgets::router::{Arrival, Current, Navigator};
use std::any::Any;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// What the check's screens keep between renders, while the person is on them.
pub struct CheckScreen {
    /// The kind of screen where "Start over?" is being asked ("": not asked).
    asked: Kept<&'static str>,
    /// What the report's Copy or Share last said.
    status: Kept<&'static str>,
}

/// The check screens' state and effects, as hooks of the root component (a component
/// of their own would cost wasm bytes). Called on every screen, they act on the check's
/// screens only, and forget it all when the person leaves them, as a component would.
/// `at`: the place the address asks for, `Some(None)` at plain `#/check`, None on
/// another screen. `start_now`: a start address where the check starts at once
/// ([`start::to_start_at_once`]). `listen`: what the app listens to, started on the first
/// render by the same effect (see [`use_address_in_step`]).
#[hook]
pub fn use_check_screen(
    start_now: Option<Route>,
    at: Option<Option<Place>>,
    current: &Current,
    app: &AppContext,
    navigator: &Navigator,
    listen: fn(&AppContext, &Navigator) -> Box<dyn Any>,
) -> CheckScreen {
    let key = if at.is_some() { kind(app) } else { "" };
    use_address_in_step(start_now, at, current, app, navigator, listen);
    // "Start over?" stays asked on screens of one kind and is forgotten on another.
    let asked = use_kept(nothing_said);
    if !asked.get().is_empty() && *asked.get() != key {
        asked.set("");
    }
    // What Copy or Share said is forgotten off the report's screen.
    let status = use_kept(nothing_said);
    if key != "end" && !status.get().is_empty() {
        status.set("");
    }
    CheckScreen { asked, status }
}

/// The kind of the check's screen: each kind is keyed, so moving to another kind builds
/// it afresh rather than patching the last one's elements.
fn kind(app: &AppContext) -> &'static str {
    match app.check.as_ref().map(|check| &check.stage) {
        None => "none",
        Some(Stage::Questions) => "question",
        Some(Stage::Results) => "results",
        Some(Stage::Plan { .. } | Stage::Checkpoint { .. }) => "step",
        Some(Stage::Fixed { .. } | Stage::Explained { .. }) => "fixed",
        Some(Stage::Report) => "end",
    }
}

/// The check's screen for whichever stage the check is at (its state and effects:
/// [`use_check_screen`]).
pub fn check_screen(
    kept: &CheckScreen,
    app: &AppContext,
    navigator: &Navigator,
    phone: &PhoneChoice,
) -> Html {
    let key = kind(app);
    let nav = Nav {
        back: on_tap(app, navigator, Tap::Back),
        confirming: *kept.asked.get() == key,
        ask: on_tap(app, navigator, Tap::Ask(kept.asked.clone(), key)),
        keep: on_tap(app, navigator, Tap::Ask(kept.asked.clone(), "")),
        end: on_tap(app, navigator, Tap::End),
        app: app.clone(),
        navigator: navigator.clone(),
    };
    let view = match app.check.as_ref().map(|check| (check, &check.stage)) {
        None => html! {
            <>
                { main_heading(ui().check_none_title) }
                { text_in("p", "lead", ui().check_none_lead) }
                { element("p", "more", link(Route::Home.href(), "button primary", ui().check_choose_problem)) }
            </>
        },
        Some((check, Stage::Questions)) => question::question_view(check, &nav),
        Some((check, Stage::Results)) => results::results_view(check, &nav),
        // The checkpoint before a part of the plan shows on the step screen too.
        Some((check, Stage::Plan { step } | Stage::Checkpoint { next: step })) => {
            step::step_view(check, *step, phone, &nav)
        }
        // A fix's ending, and an explain step's.
        Some((_, Stage::Fixed { fix } | Stage::Explained { fix })) => fixed::fixed_view(fix, &nav),
        Some((check, Stage::Report)) => fixed::end_view(check, phone.known(), &kept.status, &nav),
    };
    html! { <><key={key}>{ view }</></> }
}

/// Keeps the check and its address in step. Whichever of the two moved since the last
/// render leads: the check moved (an answer, a step's result) → push its new address;
/// the address moved (Back, Forward, an old or a `#/check` link) → move the check
/// toward it, and where it can't get there, show the check's place in the address's
/// stead (no new entry). Each run ends with the two agreeing, so nothing loops.
///
/// First, focus follows each new screen of the check (also where the pressed button
/// disappears), so screen readers read it out: it moves to the main heading when the
/// check moves from one of its screens to another. Before both, a start address that
/// starts the check at once does ([`start::start_at_once`]): on such an address, `at`
/// and `here` are None, so only the start acts. Last, on any screen, arriving by
/// navigation (not on load) moves focus to the new screen's heading. And before all, on
/// the first render, the app starts listening (`listen`: the root component's mount),
/// kept until the app goes. One effect for all five, as each effect is its own copy of
/// Yew's effect hook in the wasm.
#[hook]
fn use_address_in_step(
    start_now: Option<Route>,
    at: Option<Option<Place>>,
    current: &Current,
    app: &AppContext,
    navigator: &Navigator,
    listen: fn(&AppContext, &Navigator) -> Box<dyn Any>,
) {
    // Where the check is, on the check's screens.
    let here = at
        .as_ref()
        .and(app.check.as_ref())
        .map(|check| place_of(check, content()));
    let (app, navigator) = (app.clone(), navigator.clone());
    let listening = use_mut_ref(Option::<Box<dyn Any>>::default);
    let seen = use_mut_ref(Option::<Place>::default);
    let last = use_mut_ref(Option::<Place>::default);
    let arrived = use_mut_ref(Option::<Route>::default);
    let arrival = current.arrival;
    let route = current.location.route.clone();
    use_effect_with(
        (start_now, at, here, route),
        move |(start_now, at, here, route)| {
            if listening.borrow().is_none() {
                *listening.borrow_mut() = Some(listen(&app, &navigator));
            }
            follow_address(start_now, at, here, (&seen, &last), &app, &navigator);
            // Then, on arrival by navigation (not on load), the new screen's heading gets the
            // focus, so screen readers read it out; not for a screen that already forwarded
            // elsewhere: its heading is on its way out.
            let new_screen = arrived.replace(Some(route.clone())).as_ref() != Some(route);
            if new_screen && arrival == Arrival::Navigation && navigator.is_at(route) {
                crate::platform::focus_main_heading();
            }
        },
    );
}

/// A place kept between renders (`use_mut_ref`).
type KeptPlace = std::rc::Rc<std::cell::RefCell<Option<Place>>>;

/// The check's part of [`use_address_in_step`]'s effect.
fn follow_address(
    start_now: &Option<Route>,
    at: &Option<Option<Place>>,
    here: &Option<Place>,
    (seen, last): (&KeptPlace, &KeptPlace),
    app: &AppContext,
    navigator: &Navigator,
) {
    {
        start::start_at_once(start_now, app, navigator);
        // `here` None: off the check's screens. Unchanged: only the address moved.
        let was = last.replace(here.clone());
        if was.is_some() && here.is_some() && was != *here {
            crate::platform::focus_main_heading();
        }
        let Some(asked) = at else {
            seen.replace(None); // off the check's screens: arriving again starts afresh
            return;
        };
        let Some(here) = here else {
            return; // no check: the screen says so
        };
        let before = seen.replace(Some(here.clone()));
        if asked.as_ref() == Some(here) {
            return;
        }
        let check_moved = before.as_ref().is_some_and(|was| was != here);
        let show = |place: Place| Route::CheckAt { place };
        match asked {
            Some(_) if check_moved => navigator.push(&show(here.clone())),
            Some(target) => {
                let now = crate::platform::now();
                let Some(check) = &app.check else { return };
                let reached = place_of(&place::toward(check, content(), target, now), content());
                if reached != *here {
                    app.dispatch(Action::GoTo {
                        place: target.clone(),
                        now,
                    });
                }
                if reached != *target {
                    navigator.settle_on(&show(reached));
                }
            }
            None => navigator.redirect(&show(here.clone())),
        }
    }
}

/// "Back" and "Start over", shown on every screen of the check, with what they do
/// (their state lives in [`CheckScreen`]).
pub struct Nav {
    /// The check's Back ([`Tap::Back`]).
    pub back: Callback<MouseEvent>,
    /// "Start over?" is being asked on this screen.
    confirming: bool,
    ask: Callback<MouseEvent>,
    keep: Callback<MouseEvent>,
    /// Deletes the check and goes home: "Yes, start over", and the ending's "Done".
    pub end: Callback<MouseEvent>,
    /// For the screens' own buttons ([`Nav::tap`]).
    app: AppContext,
    navigator: Navigator,
}

impl Nav {
    /// A button of the check's screen that does `tap`.
    pub fn tap(&self, tap: Tap) -> Callback<MouseEvent> {
        on_tap(&self.app, &self.navigator, tap)
    }

    /// Back (to the check's previous screen), and "Start over" set apart from it.
    pub fn view(&self) -> Html {
        self.view_with(self.back.clone())
    }

    /// Back doing `on_back`, and "Start over" set apart from it. Starting over deletes
    /// the check, so it asks first: nothing is lost until the person confirms.
    #[inline(never)]
    pub fn view_with(&self, on_back: Callback<MouseEvent>) -> Html {
        let ui = ui();
        html! {
            { fixed("div", &[("class", Static("check-nav"))], html! { <>
                { button("button quiet", on_back, text(ui.check_back)) }
                { fixed("div", &[("role", Static("status")), ("aria-live", Static("polite")), ("class", Static("start-over"))], html! { <>
                    // "Keep my check" comes last: Yew reuses the tapped "Start over"
                    // button's element for it (and the other way round), so focus stays
                    // on the button the person pressed (an e2e test checks this).
                    if self.confirming {
                        { text_in("p", "", ui.check_start_over_question) }
                        { button("button quiet", self.end.clone(), text(ui.check_start_over_yes)) }
                        { button("button quiet", self.keep.clone(), text(ui.check_start_over_keep)) }
                    } else {
                        { button("button quiet", self.ask.clone(), text(ui.check_start_over)) }
                    }
                </> }) }
            </> }) }
        }
    }
}

/// How far along the questions or the plan is: `counter` ("Question 2 of 5") labels
/// the bar. One copy for both kinds of screen.
#[inline(never)]
fn progress(counter: String, number: usize, total: usize) -> Html {
    html! {
        <>
            { fixed("p", &[("id", Static("progress-label")), ("class", Static("eyebrow"))], crate::widgets::markup::owned(counter)) }
            <progress max={total.to_string()} value={number.to_string()} aria-labelledby="progress-label" />
        </>
    }
}

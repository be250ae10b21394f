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

use crate::content::content;
use crate::diagnosis::check::Stage;
use crate::diagnosis::place::{self, place_of, Place};
use crate::routes::Route;
use crate::state::{use_app, use_phone_choice, Action, AppContext};
use crate::widgets::router::Navigator;
use yew::prelude::*;

/// What the root component hands the check: the router, as props (cheaper in the wasm
/// than context).
#[derive(Properties, PartialEq)]
pub struct CheckProps {
    /// The place the address asks for (`#/check/...`); None at plain `#/check`.
    pub asked: Option<Place>,
    pub navigator: Navigator,
}

#[component]
pub fn CheckScreen(props: &CheckProps) -> Html {
    let app = use_app();
    let navigator = &props.navigator;
    let here = app.check.as_ref().map(|check| place_of(check, content()));
    // Focus follows each new screen of the check (also where the pressed button
    // disappears), so screen readers read it out.
    crate::hooks::use_focus_heading_on_change(here.clone());
    use_address_in_step(props.asked.clone(), here, &app, navigator);
    // The hooks of the stage views, which are plain view functions.
    let back = back(&app, navigator);
    let phone = use_phone_choice(&app);
    // Each kind of screen is keyed, so moving to another kind builds it afresh (as
    // separate components did) rather than patching the last one's elements.
    let key = match app.check.as_ref().map(|check| &check.stage) {
        None => "none",
        Some(Stage::Questions) => "question",
        Some(Stage::Results) => "results",
        Some(Stage::Plan { .. } | Stage::Checkpoint { .. }) => "step",
        Some(Stage::Fixed { .. } | Stage::Explained { .. }) => "fixed",
        Some(Stage::Report) => "end",
    };
    // The kind of screen where "Start over?" is being asked: it stays asked on screens
    // of that kind, and is forgotten on a screen of another kind ("": not asked).
    let asked = use_state(|| "");
    if !asked.is_empty() && *asked != key {
        asked.set("");
    }
    // What the report's Copy or Share last said: forgotten off the report's screen.
    let status = use_state(|| "");
    if key != "end" && !status.is_empty() {
        status.set("");
    }
    let nav = {
        let ask = |kind| {
            let asked = asked.clone();
            Callback::from(move |_: MouseEvent| asked.set(kind))
        };
        let (app, navigator) = (app.clone(), navigator.clone());
        Nav {
            back,
            confirming: *asked == key,
            ask: ask(key),
            keep: ask(""),
            end: Callback::from(move |_: MouseEvent| {
                app.dispatch(Action::EndCheck);
                navigator.push(&Route::Home);
            }),
        }
    };
    let view = match app.check.as_ref().map(|check| (check, &check.stage)) {
        None => html! {
            <>
                <h1 tabindex="-1">{ "No check in progress" }</h1>
                <p class="lead">{ "Pick what's going wrong and we'll start one." }</p>
                <p class="more">
                    <a href={Route::Home.href()} class="button primary">{ "Choose a problem" }</a>
                </p>
            </>
        },
        Some((check, Stage::Questions)) => question::question_view(check, &app, navigator, &nav),
        Some((check, Stage::Results)) => results::results_view(check, &app, &nav),
        // The checkpoint before a part of the plan shows on the step screen too.
        Some((check, Stage::Plan { step } | Stage::Checkpoint { next: step })) => {
            step::step_view(check, *step, &app, &phone, &nav)
        }
        // A fix's ending, and an explain step's.
        Some((_, Stage::Fixed { fix } | Stage::Explained { fix })) => fixed::fixed_view(fix, &nav),
        Some((check, Stage::Report)) => fixed::end_view(check, phone.known(), &status, &nav),
    };
    html! { <><key={key}>{ view }</></> }
}

/// Keeps the check and its address in step. Whichever of the two moved since the last
/// render leads: the check moved (an answer, a step's result) → push its new address;
/// the address moved (Back, Forward, an old or a `#/check` link) → move the check
/// toward it, and where it can't get there, show the check's place in the address's
/// stead (no new entry). Each run ends with the two agreeing, so nothing loops.
#[hook]
fn use_address_in_step(
    asked: Option<Place>,
    here: Option<Place>,
    app: &AppContext,
    navigator: &Navigator,
) {
    let (app, navigator) = (app.clone(), navigator.clone());
    let seen = use_mut_ref(|| None::<Place>);
    use_effect_with((asked, here), move |(asked, here)| {
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
    });
}

/// "Back" and "Start over", shown on every screen of the check, with what they do
/// (their state lives in [`CheckScreen`]).
pub struct Nav {
    /// The check's Back (see [`back`]).
    pub back: Callback<MouseEvent>,
    /// "Start over?" is being asked on this screen.
    confirming: bool,
    ask: Callback<MouseEvent>,
    keep: Callback<MouseEvent>,
    /// Deletes the check and goes home: "Yes, start over", and the ending's "Done".
    pub end: Callback<MouseEvent>,
}

impl Nav {
    /// Back (to the check's previous screen), and "Start over" set apart from it.
    pub fn view(&self) -> Html {
        self.view_with(self.back.clone())
    }

    /// Back doing `on_back`, and "Start over" set apart from it. Starting over deletes
    /// the check, so it asks first: nothing is lost until the person confirms.
    pub fn view_with(&self, on_back: Callback<MouseEvent>) -> Html {
        html! {
            <div class="check-nav">
                <button type="button" class="button quiet" onclick={on_back}>{ "← Back" }</button>
                <div class="start-over" role="status" aria-live="polite">
                    // "Keep my check" comes last: Yew reuses the tapped "Start over"
                    // button's element for it (and the other way round), so focus stays
                    // on the button the person pressed (an e2e test checks this).
                    if self.confirming {
                        <p>{ "Start over? Your answers and the fixes you tried will be deleted." }</p>
                        <button type="button" class="button quiet" onclick={self.end.clone()}>{ "Yes, start over" }</button>
                        <button type="button" class="button quiet" onclick={self.keep.clone()}>{ "Keep my check" }</button>
                    } else {
                        <button type="button" class="button quiet" onclick={self.ask.clone()}>{ "Start over" }</button>
                    }
                </div>
            </div>
        }
    }
}

/// A button's click that dispatches `action` at the time of the click.
fn act(app: &AppContext, action: fn(u64) -> Action) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_: MouseEvent| app.dispatch(action(crate::platform::now())))
}

/// The check's Back: back to the previous screen's address, which moves the check
/// there (see [`use_address_in_step`]).
fn back(app: &AppContext, navigator: &Navigator) -> Callback<MouseEvent> {
    let (app, navigator) = (app.clone(), navigator.clone());
    Callback::from(move |_: MouseEvent| {
        if let Some(place) = app
            .check
            .as_ref()
            .and_then(|c| place::previous(c, content()))
        {
            navigator.back_to(&Route::CheckAt { place });
        }
    })
}

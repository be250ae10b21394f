//! Starting a check for a symptom; offers to continue when one is already in progress.

use crate::content::content;
use crate::platform::now;
use crate::routes::Route;
use crate::screens::not_found::not_found;
use crate::state::use_app;
use crate::state::Action;
use crate::widgets::router::use_navigator;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub symptom: String,
}

#[component]
pub fn StartCheck(props: &StartProps) -> Html {
    let app = use_app();
    let navigator = use_navigator();
    let in_progress = app.check.as_ref().filter(|c| c.in_progress());
    let known = content().symptom(&props.symptom).is_some();

    let start = {
        let (app, navigator, symptom) = (app.clone(), navigator.clone(), props.symptom.clone());
        // `asked`: the user pressed "Start a new check"; otherwise this screen only forwards.
        Callback::from(move |asked: bool| {
            app.dispatch(Action::StartCheck {
                symptom: symptom.clone(),
                now: now(),
            });
            if asked {
                navigator.replace(&Route::Check);
            } else {
                navigator.redirect(&Route::Check);
            }
        })
    };
    {
        // Nothing to lose: start straight away (unless the user already went elsewhere).
        let (start, navigator) = (start.clone(), navigator.clone());
        let here = Route::StartCheck {
            symptom: props.symptom.clone(),
        };
        let immediate = known && in_progress.is_none();
        use_effect_with((here, immediate), move |(here, immediate)| {
            if *immediate && navigator.is_at(here) {
                start.emit(false);
            }
        });
    }

    if !known {
        return not_found();
    }
    let Some(current) = in_progress else {
        return html! { <h1 tabindex="-1">{ "Starting your check…" }</h1> };
    };
    let current_title = content()
        .symptom(&current.symptom)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let continue_it = Callback::from(move |_: MouseEvent| navigator.replace(&Route::Check));
    html! {
        <>
            <h1 tabindex="-1">{ "You have a check in progress" }</h1>
            <p class="lead">{ format!("You were checking: {current_title}") }</p>
            <div class="actions">
                <button type="button" class="button primary" onclick={continue_it}>{ "Continue where I left off" }</button>
                <button type="button" class="button" onclick={start.reform(|_: MouseEvent| true)}>{ "Start a new check" }</button>
            </div>
            <p class="hint">{ "Starting a new check replaces the old one." }</p>
        </>
    }
}

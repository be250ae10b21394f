//! Home: "What's going wrong?" with the symptoms, the guide and the Install button.

use crate::content::content;
use crate::routes::Route;
use crate::widgets::install::InstallCard;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn Home() -> Html {
    let symptoms = content().symptoms.iter().map(|symptom| html! {
        <li key={symptom.id.clone()}>
            <Link<Route> to={Route::GuideForSymptom { symptom: symptom.id.clone() }} classes="card symptom">
                <span class="card-title">{ &symptom.title }</span>
                <span class="card-summary">{ &symptom.detail }</span>
            </Link<Route>>
        </li>
    });
    html! {
        <>
            <h1 tabindex="-1">{ "What's going wrong?" }</h1>
            <p class="lead">{ "Pick what you see in TikTok. We'll show the likely causes first and the fixes for your phone." }</p>
            <ul class="cards">{ for symptoms }</ul>
            <p class="more">
                <Link<Route> to={Route::Guide} classes="button">{ "Browse or search the whole guide" }</Link<Route>>
            </p>
            <InstallCard />
        </>
    }
}

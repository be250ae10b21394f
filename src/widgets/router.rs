//! Hash routing in a few lines: the current [`Location`] as context, kept in step with
//! the address by `hashchange`. Links are plain `<a href="#/…">` ([`Route::href`]), so
//! the browser does the navigating; code moves with [`address::push`]/[`address::replace`].

use crate::platform::address;
use crate::routes::{Location, Route};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    pub children: Html,
}

#[component]
pub fn HashRouter(props: &RouterProps) -> Html {
    let location = use_state_eq(|| Location::from_hash(&address::hash()));
    {
        let location = location.setter();
        use_effect_with((), move |_| {
            let listener = address::watch(move || location.set(Location::from_hash(&address::hash())));
            move || drop(listener)
        });
    }
    html! {
        <ContextProvider<Location> context={(*location).clone()}>{ props.children.clone() }</ContextProvider<Location>>
    }
}

/// Where the app is now. Outside a [`HashRouter`] (component tests), home.
#[hook]
pub fn use_location() -> Location {
    use_context::<Location>().unwrap_or(Location { route: Route::Home, query: String::new() })
}

/// Goes to `route`, adding a history entry.
pub fn push(route: &Route) {
    address::push(&route.href());
}

/// Goes to `route` in place of the current history entry.
pub fn replace(route: &Route) {
    address::replace(&route.href());
}

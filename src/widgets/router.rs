//! Hash routing in a few lines. The current [`Location`] is state of the root component,
//! which renders the screens; links are plain `<a href="#/…">` ([`Route::href`]), so the
//! browser does that navigating, and `hashchange` brings the state in step. Code moves
//! with the [`Navigator`], which updates the state in the same turn as the address, so a
//! screen never renders new app state under the old route.

use crate::platform::address;
use crate::routes::{Location, Route};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How the app came to its current location. Focus moves to a new screen's heading
/// after a navigation, but not when the page loads (nor for a redirect while loading).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arrival {
    Load,
    Navigation,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    pub location: Location,
    pub arrival: Arrival,
}

/// Moves the app: address and the router's state together.
#[derive(Clone)]
pub struct Navigator {
    current: Rc<RefCell<Current>>,
    /// Renders the root component again, which reads `current` afresh.
    redraw: UseForceUpdateHandle,
}

impl PartialEq for Navigator {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.current, &other.current)
    }
}

impl Navigator {
    /// Goes to `route`, adding a history entry (Back returns here).
    pub fn push(&self, route: &Route) {
        address::push(&route.href());
        self.arrive(Arrival::Navigation);
    }

    /// Goes to `route` in place of the current history entry, after a user action.
    pub fn replace(&self, route: &Route) {
        self.replace_with_query(route, "");
    }

    /// Like [`Navigator::replace`], with a query ("q=vpn") after the route.
    pub fn replace_with_query(&self, route: &Route, query: &str) {
        let href = if query.is_empty() {
            route.href()
        } else {
            format!("{}?{query}", route.href())
        };
        address::replace(&href);
        self.arrive(Arrival::Navigation);
    }

    /// Goes to `route` in place of the current entry without the user asking (a screen
    /// that only forwards): it counts as part of however the app got here.
    pub fn redirect(&self, route: &Route) {
        address::replace(&route.href());
        let arrival = self.current.borrow().arrival;
        self.arrive(arrival);
    }

    /// Goes back to `route`: with the browser's Back when the entry behind is the app's
    /// own entry for it (so Back and Forward stay in step), otherwise in place of the
    /// current entry, never out of the app (one opened from a shortcut has nothing
    /// behind).
    pub fn back_to(&self, route: &Route) {
        if !Self::back_if_behind(route) {
            self.replace(route);
            address::to_top();
        }
    }

    /// Shows `route` where the address asked for a screen the app can't go to (a
    /// Forward into a step whose result isn't remembered, an old link): back to it when
    /// the entry behind is `route` (no duplicate entry for Back to stumble on),
    /// otherwise in place of the current entry.
    pub fn settle_on(&self, route: &Route) {
        if !Self::back_if_behind(route) {
            self.redirect(route);
        }
    }

    /// The browser's Back, when the entry behind is the app's own entry for `route`;
    /// false (and nothing done) otherwise. `hashchange` then brings the state in step.
    fn back_if_behind(route: &Route) -> bool {
        let behind = address::behind() == Some(route.href());
        if behind {
            address::back();
        }
        behind
    }

    /// Whether the address shows `route` right now. Effects run after a render, and the
    /// user may have moved on in between (Back pressed while a screen was forwarding).
    pub fn is_at(&self, route: &Route) -> bool {
        Location::from_hash(&address::hash()).route == *route
    }

    fn arrive(&self, arrival: Arrival) {
        let next = Current {
            location: Location::from_hash(&address::hash()),
            arrival,
        };
        *self.current.borrow_mut() = next;
        self.redraw.force_update();
    }

    /// Follows the address as it changes under us, for as long as the returned listener
    /// lives: the root component keeps it from its mount effect (one effect for all the
    /// app's listeners: each effect is its own copy of Yew's effect hook in the wasm).
    pub fn follow_changes(&self) -> Option<gloo::events::EventListener> {
        let navigator = self.clone();
        address::watch(move || navigator.follow_address())
    }

    /// The address changed under us (a link, Back, Forward, typing in the address bar).
    fn follow_address(&self) {
        let location = Location::from_hash(&address::hash());
        // Our own moves fire `hashchange` too, after the state already has them.
        if self.current.borrow().location != location {
            self.arrive(Arrival::Navigation);
        }
    }
}

/// The router: the [`Navigator`] and the [`Current`] location, kept by the root component,
/// which hands them to the screens (a router component and context would cost wasm bytes).
/// The root component also keeps [`Navigator::follow_changes`] from its mount.
#[hook]
pub fn use_hash_router() -> (Navigator, Current) {
    // The same on every render: the one `current` cell and the redraw handle (a forced
    // render rather than a state of its own: each state type is its own copy of Yew's
    // state hook in the wasm).
    let navigator = Navigator {
        current: use_mut_ref(|| Current {
            location: Location::from_hash(&address::hash()),
            arrival: Arrival::Load,
        }),
        redraw: use_force_update(),
    };
    let current = navigator.current.borrow().clone();
    (navigator, current)
}

//! Every screen's address. Hash routes (`#/guide/fix/update-app`) so deep links work
//! on any static host on the very first visit, before a service worker exists.

use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/guide")]
    Guide,
    #[at("/guide/for/:symptom")]
    GuideForSymptom { symptom: String },
    #[at("/guide/cause/:id")]
    Cause { id: String },
    #[at("/guide/fix/:id")]
    Fix { id: String },
    /// The guided check in progress, at whatever stage it is.
    #[at("/check")]
    Check,
    /// Starting a check for a symptom (asks first if another check is in progress).
    #[at("/check/start/:symptom")]
    StartCheck { symptom: String },
    /// The report for TikTok.
    #[at("/check/report")]
    Report,
    #[at("/about")]
    About,
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

/// The guide's search text, kept in the address so Back returns to the same results.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct GuideQuery {
    #[serde(default)]
    pub q: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip() {
        let routes = [
            Route::Home,
            Route::Guide,
            Route::GuideForSymptom { symptom: "messages-late".into() },
            Route::Cause { id: "outage".into() },
            Route::Fix { id: "update-app".into() },
            Route::About,
            Route::Check,
            Route::StartCheck { symptom: "messages-late".into() },
            Route::Report,
        ];
        for route in routes {
            assert_eq!(Route::recognize(&route.to_path()), Some(route.clone()), "{}", route.to_path());
        }
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(Route::recognize("/nope/at/all"), Some(Route::NotFound));
    }
}

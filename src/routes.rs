//! Every screen's address. Hash routes (`#/guide/fix/update-app`) so deep links work
//! on any static host on the very first visit, before a service worker exists.

use crate::diagnosis::place::Place;

/// Every screen. Ids in paths are content ids (lowercase letters, digits, dashes), so
/// paths need no percent-decoding.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    Home,
    Guide,
    Cause {
        id: String,
    },
    Fix {
        id: String,
    },
    /// The guided check in progress, wherever it is (shown at its own address).
    Check,
    /// One screen of the check, so Back and Forward walk the check screen by screen.
    CheckAt {
        place: Place,
    },
    /// Starting a check for a symptom (asks first if another check is in progress).
    StartCheck {
        symptom: String,
    },
    /// The report for TikTok.
    Report,
    /// The connection test.
    Connection,
    About,
    /// Any path no screen claims; the address is left as typed.
    NotFound,
}

impl Route {
    /// The route at `path` ("/guide/fix/update-app"). A trailing slash is ignored;
    /// unknown paths are [`Route::NotFound`].
    pub fn recognize(path: &str) -> Route {
        Self::known(path).unwrap_or(Route::NotFound)
    }

    /// The route at `path`, if a screen claims it.
    fn known(path: &str) -> Option<Route> {
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        // Pushed in a loop: collecting a `split` is another copy of std's collecting code.
        let mut segments = Vec::new();
        for segment in path.split('/') {
            segments.push(segment);
        }
        let id = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        // A number in the address counts from 1.
        let index = |s: &str| s.parse::<usize>().ok()?.checked_sub(1);
        let route = match segments.as_slice() {
            [""] => Route::Home,
            ["guide"] => Route::Guide,
            ["guide", "cause", s] => Route::Cause { id: id(s)? },
            ["guide", "fix", s] => Route::Fix { id: id(s)? },
            ["check"] => Route::Check,
            ["check", "question", s] => Route::CheckAt {
                place: Place::Question(id(s)?),
            },
            ["check", "results"] => Route::CheckAt {
                place: Place::Results,
            },
            // Steps count from 1 in the address: the step's number in the whole plan.
            ["check", "step", n] => Route::CheckAt {
                place: Place::Step(index(n)?),
            },
            ["check", "checkpoint", n] => Route::CheckAt {
                place: Place::Checkpoint(index(n)?),
            },
            ["check", "done"] => Route::CheckAt { place: Place::Done },
            ["check", "start", s] => Route::StartCheck { symptom: id(s)? },
            ["check", "report"] => Route::Report,
            ["connection"] => Route::Connection,
            ["about"] => Route::About,
            _ => return None,
        };
        Some(route)
    }

    /// The path [`Route::recognize`] maps back to this route.
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Guide => "/guide".into(),
            Route::Cause { id } => format!("/guide/cause/{id}"),
            Route::Fix { id } => format!("/guide/fix/{id}"),
            Route::Check => "/check".into(),
            Route::CheckAt { place } => match place {
                Place::Question(id) => format!("/check/question/{id}"),
                Place::Results => "/check/results".into(),
                Place::Step(step) => format!("/check/step/{}", step + 1),
                // Named by the step it leads on to.
                Place::Checkpoint(next) => format!("/check/checkpoint/{}", next + 1),
                Place::Done => "/check/done".into(),
            },
            Route::StartCheck { symptom } => format!("/check/start/{symptom}"),
            Route::Report => "/check/report".into(),
            Route::Connection => "/connection".into(),
            Route::About => "/about".into(),
            Route::NotFound => "/not-found".into(),
        }
    }

    /// The link to this route, for an `<a href>`: the browser itself moves to it.
    pub fn href(&self) -> String {
        format!("#{}", self.to_path())
    }
}

/// Where the app is: the route and the query ("?q=vpn") of the address's hash.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub route: Route,
    pub query: String,
}

impl Location {
    /// Reads a location hash ("#/guide?q=vpn"); an empty hash is home.
    pub fn from_hash(hash: &str) -> Location {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_at(hash.find('?').unwrap_or(hash.len()));
        Location {
            route: Route::recognize(path),
            query: query.to_owned(),
        }
    }
}

/// The guide's search text from the address's query ("?q=clear+cache"), so Back
/// returns to the same results. Hand-written instead of serde_urlencoded: one field
/// doesn't justify the bytes.
pub fn search_text(query: &str) -> String {
    let query = query.strip_prefix('?').unwrap_or(query);
    let Some(value) = query.split('&').find_map(|pair| pair.strip_prefix("q=")) else {
        return String::new();
    };
    let mut bytes = Vec::with_capacity(value.len());
    let mut rest = value.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        match b {
            b'+' => bytes.push(b' '),
            b'%' if rest.len() >= 2 => {
                match u8::from_str_radix(std::str::from_utf8(&rest[..2]).unwrap_or("zz"), 16) {
                    Ok(decoded) => {
                        bytes.push(decoded);
                        rest = &rest[2..];
                    }
                    Err(_) => bytes.push(b'%'),
                }
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The query ("q=…") holding the guide's search text.
pub fn search_query(text: &str) -> String {
    let mut out = String::from("q=");
    for b in text.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            other => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[usize::from(other >> 4)] as char);
                out.push(HEX[usize::from(other & 15)] as char);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip() {
        let routes = [
            Route::Home,
            Route::Guide,
            Route::Cause {
                id: "outage".into(),
            },
            Route::Fix {
                id: "update-app".into(),
            },
            Route::About,
            Route::Check,
            Route::CheckAt {
                place: Place::Question("network-switch".into()),
            },
            Route::CheckAt {
                place: Place::Results,
            },
            Route::CheckAt {
                place: Place::Step(0),
            },
            Route::CheckAt {
                place: Place::Step(11),
            },
            Route::CheckAt {
                place: Place::Checkpoint(5),
            },
            Route::CheckAt { place: Place::Done },
            Route::StartCheck {
                symptom: "messages-late".into(),
            },
            Route::Report,
            Route::Connection,
        ];
        for route in routes {
            assert_eq!(
                Route::recognize(&route.to_path()),
                route.clone(),
                "{}",
                route.to_path()
            );
            assert_eq!(Location::from_hash(&route.href()).route, route);
        }
    }

    #[test]
    fn check_steps_count_from_one_in_the_address() {
        assert_eq!(
            Route::recognize("/check/step/1"),
            Route::CheckAt {
                place: Place::Step(0)
            }
        );
        assert_eq!(
            Route::CheckAt {
                place: Place::Step(2)
            }
            .href(),
            "#/check/step/3"
        );
    }

    #[test]
    fn search_text_round_trips_through_the_query() {
        for text in ["", "clear cache", "VPN & DNS", "café ?#=+%", "ünïcödé 😀"] {
            assert_eq!(
                search_text(&format!("?{}", search_query(text))),
                text,
                "{text}"
            );
        }
        assert_eq!(search_text("?q=clear+cache&x=1"), "clear cache");
        assert_eq!(search_text("x=1"), "");
        assert_eq!(search_text("?q=100%"), "100%");
        assert_eq!(search_text("?q=%zz"), "%zz");
    }

    #[test]
    fn unknown_paths_are_not_found() {
        for path in [
            "/nope/at/all",
            "/guide/fix",
            "/guide/fix/",
            "/guide/fix/a/b",
            "/check/start",
            "/check/question",
            "/check/question/",
            "/check/step/0",
            "/check/step/two",
            "/check/step/-1",
            "/check/results/1",
            "/About",
        ] {
            assert_eq!(Route::recognize(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn hashes_split_into_route_and_query() {
        assert_eq!(
            Location::from_hash(""),
            Location {
                route: Route::Home,
                query: String::new()
            }
        );
        assert_eq!(
            Location::from_hash("#"),
            Location {
                route: Route::Home,
                query: String::new()
            }
        );
        assert_eq!(
            Location::from_hash("#/guide/"),
            Location {
                route: Route::Guide,
                query: String::new()
            }
        );
        let searched = Location::from_hash("#/guide?q=clear+cache");
        assert_eq!(
            (searched.route, search_text(&searched.query).as_str()),
            (Route::Guide, "clear cache")
        );
        let fix = Location::from_hash("#/guide/fix/update-app?x=1");
        assert_eq!(
            fix.route,
            Route::Fix {
                id: "update-app".into()
            }
        );
    }
}

//! Every screen's address. Hash routes (`#/guide/fix/update-app`) so deep links work
//! on any static host on the very first visit, before a service worker exists.

use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/guide")]
    Guide,
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
    /// The connection test.
    #[at("/connection")]
    Connection,
    #[at("/about")]
    About,
    #[not_found]
    #[at("/not-found")]
    NotFound,
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
            b'%' if rest.len() >= 2 => match u8::from_str_radix(std::str::from_utf8(&rest[..2]).unwrap_or("zz"), 16) {
                Ok(decoded) => {
                    bytes.push(decoded);
                    rest = &rest[2..];
                }
                Err(_) => bytes.push(b'%'),
            },
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
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
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
            Route::Cause { id: "outage".into() },
            Route::Fix { id: "update-app".into() },
            Route::About,
            Route::Check,
            Route::StartCheck { symptom: "messages-late".into() },
            Route::Report,
            Route::Connection,
        ];
        for route in routes {
            assert_eq!(Route::recognize(&route.to_path()), Some(route.clone()), "{}", route.to_path());
        }
    }

    #[test]
    fn search_text_round_trips_through_the_query() {
        for text in ["", "clear cache", "VPN & DNS", "café ?#=+%", "ünïcödé 😀"] {
            assert_eq!(search_text(&format!("?{}", search_query(text))), text, "{text}");
        }
        assert_eq!(search_text("?q=clear+cache&x=1"), "clear cache");
        assert_eq!(search_text("x=1"), "");
        assert_eq!(search_text("?q=100%"), "100%");
        assert_eq!(search_text("?q=%zz"), "%zz");
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(Route::recognize("/nope/at/all"), Some(Route::NotFound));
    }
}

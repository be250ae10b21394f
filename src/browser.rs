//! Which browser the page runs in, from the user agent: people often open DM Doctor
//! from a link inside TikTok, which shows it in TikTok's own in-app browser (a WebView).
//! There the app can't be installed and offline use may not work, so the app says so
//! and tells them how to open it in their phone's browser.

/// An app's built-in browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InAppBrowser {
    TikTok,
    Instagram,
    Facebook,
    /// Another app's WebView (Android marks them with "; wv)").
    Other,
}

impl InAppBrowser {
    /// The app's name as people know it; None for an unknown app.
    pub fn app_name(self) -> Option<&'static str> {
        match self {
            Self::TikTok => Some("TikTok"),
            Self::Instagram => Some("Instagram"),
            Self::Facebook => Some("Facebook"),
            Self::Other => None,
        }
    }
}

/// Where `needle` first starts in `text`, in bytes. A plain scan rather than `str::find`
/// or `contains` with a `&str`: the standard library's two-way searcher costs about 2 KB
/// of wasm, and the app only looks for short markers in a user agent.
pub fn find(text: &str, needle: &str) -> Option<usize> {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    (0..=text.len().saturating_sub(needle.len())).find(|&start| {
        text.get(start..)
            .is_some_and(|rest| rest.starts_with(needle))
    })
}

/// The in-app browser the user agent belongs to; None for a real browser (Chrome,
/// Samsung Internet, Firefox...). Markers from public detection code (see the facts
/// file, "In-app browsers"): TikTok's WebView says `BytedanceWebview` and/or
/// `musical_ly_` (older: `trill_`, `AppName/trill`).
pub fn in_app_browser(user_agent: &str) -> Option<InAppBrowser> {
    let has = |marker: &str| find(user_agent, marker).is_some();
    if ["BytedanceWebview", "musical_ly", "trill_", "AppName/trill"]
        .into_iter()
        .any(has)
    {
        Some(InAppBrowser::TikTok)
    } else if has("Instagram") {
        Some(InAppBrowser::Instagram)
    } else if ["FBAN/", "FBAV/", "FB_IAB"].into_iter().any(has) {
        Some(InAppBrowser::Facebook)
    } else if has("; wv)") && !has("DuckDuckGo/") {
        // A WebView inside some app (DuckDuckGo's browser is one too, but a browser).
        Some(InAppBrowser::Other)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use InAppBrowser::*;

    #[test]
    fn finds_what_str_find_finds() {
        for text in ["", "a", "ab", "abc", "Android 10; K", "é Android ✓"] {
            for needle in [
                "", "a", "b", "ab", "abc", "abcd", "Android", "; K", "✓", "é",
            ] {
                assert_eq!(find(text, needle), text.find(needle), "{needle} in {text}");
            }
        }
    }

    /// User agents shaped as each app and browser writes them (markers from public
    /// detection code; Chrome's reduced user agent says "Android 10; K").
    #[test]
    fn tells_in_app_browsers_from_real_ones() {
        let cases: &[(&str, Option<InAppBrowser>)] = &[
            // TikTok, newer: BytedanceWebview and musical_ly.
            ("Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.193 Mobile Safari/537.36 trill_320404 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/32.4.4 ByteLocale/en ByteFullLocale/en Region/US AppId/1180 Spark/1.4.6.3-bugfix AppVersion/32.4.4 BytedanceWebview/d8a21c6", Some(TikTok)),
            ("Mozilla/5.0 (Linux; Android 12; Pixel 6 Build/SQ3A.220705.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/108.0.5359.128 Mobile Safari/537.36 musical_ly_2022803040 JsSdk/1.0 NetType/MOBILE Channel/googleplay AppName/musical_ly app_version/28.3.4 ByteLocale/en-GB Region/GB BytedanceWebview/d8a21c6", Some(TikTok)),
            // TikTok, older: only trill_ / AppName/trill.
            ("Mozilla/5.0 (Linux; Android 10; Redmi Note 8 Build/QKQ1.200114.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/96.0.4664.104 Mobile Safari/537.36 trill_2022109050 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/21.9.5", Some(TikTok)),
            ("Mozilla/5.0 (Linux; Android 11; SM-G991B Build/RP1A.200720.012; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36 Instagram 312.1.0.34.111 Android (30/11; 420dpi; 1080x2176; samsung; SM-G991B; o1s; exynos2100; en_GB; 548323749)", Some(Instagram)),
            ("Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.5845.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/430.0.0.23.113;]", Some(Facebook)),
            ("Mozilla/5.0 (Linux; Android 12; moto g(60) Build/S2RIS32.32-20-7; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0.5993.111 Mobile Safari/537.36", Some(Other)),
            // Real browsers.
            ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", None),
            ("Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", None),
            ("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0", None),
            ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", None),
        ];
        for (user_agent, expected) in cases {
            assert_eq!(in_app_browser(user_agent), *expected, "{user_agent}");
        }
        // Each marker alone is enough (public detection code sees each on its own).
        let chrome_webview = "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/127.0.6533.103 Mobile Safari/537.36";
        let ios = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
        for (marker, expected) in [
            (" BytedanceWebview/d8a21c6", TikTok),
            (" musical_ly_2024305040", TikTok),
            (" trill_320404", TikTok),
            (" AppName/trill", TikTok),
            (" Instagram 312.1.0.34.111 Android", Instagram),
            (" [FB_IAB/FB4A]", Facebook),
            (" [FBAN/EMA;FBLC/en_US]", Facebook),
            (" [FBAV/430.0.0.23.113;]", Facebook),
        ] {
            assert_eq!(
                in_app_browser(&format!("{chrome_webview}{marker}")),
                Some(expected),
                "{marker}"
            );
            // iPhone apps' browsers have no "; wv)": the marker alone tells them.
            assert_eq!(
                in_app_browser(&format!("{ios}{marker}")),
                Some(expected),
                "iOS {marker}"
            );
        }
        assert_eq!(in_app_browser(chrome_webview), Some(Other));
        assert_eq!(in_app_browser(ios), None, "Safari-like, no marker");
        let duckduckgo = format!("{chrome_webview} DuckDuckGo/5");
        assert_eq!(
            in_app_browser(&duckduckgo),
            None,
            "a browser built on WebView"
        );
        assert_eq!(TikTok.app_name(), Some("TikTok"));
        assert_eq!(Other.app_name(), None);
    }
}

//! The app's rules that the head script (`static/lang.js`) copies, held to the same cases
//! as the copy (`tests/e2e/head-script.test.mjs` reads the same files). The language rule
//! is tested this way in `src/language.rs`.
#![cfg(not(target_arch = "wasm32"))]

use dm_doctor::browser::{in_app_browser, InAppBrowser};

#[test]
fn in_app_browsers_are_told_as_the_head_script_tells_them() {
    let cases = include_str!("in-app-browsers.txt");
    let mut count = 0;
    for line in cases
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (user_agent, expected) = line.rsplit_once('|').expect("user agent | browser");
        let expected = match expected.trim() {
            "TikTok" => Some(InAppBrowser::TikTok),
            "Instagram" => Some(InAppBrowser::Instagram),
            "Facebook" => Some(InAppBrowser::Facebook),
            "Other" => Some(InAppBrowser::Other),
            "none" => None,
            other => panic!("unknown browser {other} in {line}"),
        };
        assert_eq!(in_app_browser(user_agent.trim()), expected, "{line}");
        count += 1;
    }
    assert!(count >= 15, "{count} cases");
}

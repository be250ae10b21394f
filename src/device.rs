//! Guesses the phone family from the browser's user agent so fix steps show the right
//! taps first. Only a guess: the user can always pick another family.

use crate::content::DeviceFamily;

/// Model markers seen in Android user agents. Chrome's reduced user agent hides the
/// model ("Android 10; K"), so None is a common, honest answer.
pub fn guess_family(user_agent: &str) -> Option<DeviceFamily> {
    let ua = user_agent.to_ascii_lowercase();
    if !ua.contains("android") {
        return None;
    }
    if ua.contains("samsungbrowser") || ua.contains("samsung") || ua.contains("; sm-") {
        return Some(DeviceFamily::Samsung);
    }
    let xiaomi_markers = ["xiaomi", "redmi", "poco", "miuibrowser", "; mi ", "hyperos"];
    if xiaomi_markers.iter().any(|m| ua.contains(m)) {
        return Some(DeviceFamily::Xiaomi);
    }
    if ua.contains("pixel") || ua.contains("nexus") {
        return Some(DeviceFamily::Stock);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_families_from_real_user_agents() {
        let cases = [
            ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36", Some(DeviceFamily::Samsung)),
            ("Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0 Mobile Safari/537.36", Some(DeviceFamily::Samsung)),
            ("Mozilla/5.0 (Linux; Android 13; 2201117TG Build/TKQ1.221114.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/112.0 Mobile Safari/537.36 XiaoMi/MiuiBrowser/17.8", Some(DeviceFamily::Xiaomi)),
            ("Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/110.0 Mobile Safari/537.36", Some(DeviceFamily::Xiaomi)),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36", Some(DeviceFamily::Stock)),
            ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Mobile Safari/537.36", None),
            ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36", None),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", None),
        ];
        for (ua, expected) in cases {
            assert_eq!(guess_family(ua), expected, "{ua}");
        }
    }
}

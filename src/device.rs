//! Guesses the phone family from the browser's user agent so fix steps show the right
//! taps first. Only a guess: the user can always pick another family.

use crate::content::DeviceFamily;

/// Model markers seen in Android user agents. Chrome's reduced user agent hides the
/// model ("Android 10; K"), so None is a common, honest answer.
pub fn guess_family(user_agent: &str) -> Option<DeviceFamily> {
    let ua = user_agent.to_ascii_lowercase();
    // `browser::find`, not `str::contains`: see there.
    let has = |marker: &str| crate::browser::find(&ua, marker).is_some();
    if !has("android") {
        return None;
    }
    if has("samsungbrowser") || has("samsung") || has("; sm-") {
        return Some(DeviceFamily::Samsung);
    }
    let xiaomi_markers = ["xiaomi", "redmi", "poco", "miuibrowser", "; mi ", "hyperos"];
    if xiaomi_markers.into_iter().any(has) {
        return Some(DeviceFamily::Xiaomi);
    }
    if has("pixel") || has("nexus") {
        return Some(DeviceFamily::Stock);
    }
    None
}

/// Guesses the family from the model name Chrome gives on request
/// (`navigator.userAgentData.getHighEntropyValues(["model"])`), where the reduced user
/// agent only says "K": "SM-S918B" is a Samsung, "Pixel 8" a Pixel, "Redmi Note 12",
/// "POCO F5" or a Xiaomi model number such as "2201116SG" or "M2101K6G" a Xiaomi.
/// Anything else stays unknown, and the app asks.
pub fn guess_from_model(model: &str) -> Option<DeviceFamily> {
    let model = model.trim();
    let lower = model.to_ascii_lowercase();
    if lower.starts_with("sm-") || lower.starts_with("galaxy") || lower.starts_with("samsung") {
        return Some(DeviceFamily::Samsung);
    }
    if lower.starts_with("pixel") || lower.starts_with("nexus") {
        return Some(DeviceFamily::Stock);
    }
    let named = ["xiaomi", "redmi", "poco", "mi "]
        .iter()
        .any(|p| lower.starts_with(p));
    if named || is_xiaomi_model_number(model) {
        return Some(DeviceFamily::Xiaomi);
    }
    None
}

/// Xiaomi's model numbers: four or more digits then capitals and digits ("2201116SG",
/// "23049PCD8G"), or "M" and four digits then capitals and digits ("M2101K6G").
fn is_xiaomi_model_number(model: &str) -> bool {
    let body = model.strip_prefix('M').unwrap_or(model);
    // Trimmed rather than sliced by index: no panic path.
    let rest = body.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = body.len() - rest.len();
    digits >= 4
        && (5..=12).contains(&model.len())
        && !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && rest.chars().any(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_families_from_model_names() {
        let cases = [
            ("SM-S918B", Some(DeviceFamily::Samsung)),
            ("SM-A536B", Some(DeviceFamily::Samsung)),
            ("Pixel 8 Pro", Some(DeviceFamily::Stock)),
            ("Redmi Note 12", Some(DeviceFamily::Xiaomi)),
            ("POCO F5", Some(DeviceFamily::Xiaomi)),
            ("2201116SG", Some(DeviceFamily::Xiaomi)),
            ("23049PCD8G", Some(DeviceFamily::Xiaomi)),
            ("M2101K6G", Some(DeviceFamily::Xiaomi)),
            ("CPH2451", None), // OPPO
            ("moto g54 5G", None),
            ("Nokia G21", None),
            ("K", None),
            ("", None),
            ("12345", None), // digits alone say nothing
        ];
        for (model, expected) in cases {
            assert_eq!(guess_from_model(model), expected, "{model:?}");
        }
    }

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

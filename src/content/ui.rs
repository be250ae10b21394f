//! The screens' words (`content/ui/*.toml`): a struct with one field per text, generated
//! by `build.rs` and filled from the language pack, so a missing or misspelt key is a
//! compile error rather than a blank on screen.

use super::model::{DeviceFamily, Effort};

include!(concat!(env!("OUT_DIR"), "/ui.rs"));

// The layout `Ui::from_texts` relies on: exactly its texts, one after another.
const _: () = assert!(std::mem::size_of::<Ui>() == std::mem::size_of::<[&str; UI_TEXTS]>());
const _: () = assert!(std::mem::align_of::<Ui>() == std::mem::align_of::<[&str; UI_TEXTS]>());

impl Ui {
    /// The words from `texts`, in key order; None unless there are exactly [`UI_TEXTS`].
    pub fn from_texts(texts: Vec<&'static str>) -> Option<Ui> {
        let texts: [&'static str; UI_TEXTS] = texts.try_into().ok()?;
        // Safety: `Ui` is `repr(C)` with `UI_TEXTS` fields, all `&'static str` (the
        // generated code), so it has the array's size, alignment and field order (checked
        // above), and every value of the array is a valid value of the struct.
        Some(unsafe { std::mem::transmute::<[&'static str; UI_TEXTS], Ui>(texts) })
    }

    /// Every text, in key order (what [`Ui::from_texts`] reads).
    pub fn texts(self) -> [&'static str; UI_TEXTS] {
        // Safety: as in `from_texts`, the other way round.
        unsafe { std::mem::transmute::<Ui, [&'static str; UI_TEXTS]>(self) }
    }
}

impl Default for Ui {
    /// No words: what the app core has before a pack is read.
    fn default() -> Self {
        Ui::from_texts(vec![""; UI_TEXTS]).expect("UI_TEXTS texts")
    }
}

/// The screens' words in the language on screen.
pub fn ui() -> &'static Ui {
    &super::words().ui
}

/// `template` with each `{name}` replaced by its value: `fill("Question {n}", &[("n", "2")])`.
/// Word order differs between languages, so texts carry named places, never pieces to
/// glue together.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // split_once, not slicing by index: no panic path (and its formatting code) in the
    // wasm.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let filled = after.split_once('}').and_then(|(name, tail)| {
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((value, tail))
        });
        match filled {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl DeviceFamily {
    /// Its name on screen, in the language shown.
    pub fn label(self) -> &'static str {
        let ui = ui();
        match self {
            Self::Stock => ui.device_stock,
            Self::Samsung => ui.device_samsung,
            Self::Xiaomi => ui.device_xiaomi,
        }
    }
}

impl Effort {
    /// Its name on screen, in the language shown.
    pub fn label(self) -> &'static str {
        let ui = ui();
        match self {
            Self::Check => ui.effort_check,
            Self::Quick => ui.effort_quick,
            Self::Moderate => ui.effort_moderate,
            Self::Drastic => ui.effort_drastic,
        }
    }
}

/// The text before and after the place `{name}` in `template` (its first one), for a
/// place the screen fills with markup (a link, bold text). Found with char patterns, as
/// [`fill`] does: `split_once("{name}")` would bring the standard library's two-way
/// searcher, about 2 KB of wasm.
pub fn around<'a>(template: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        if let Some(tail) = after.strip_prefix(name).and_then(|t| t.strip_prefix('}')) {
            let start = template.len() - rest.len();
            return Some((template.get(..start + before.len())?, tail));
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn around_splits_as_split_once_does() {
        for template in [
            "",
            "{link}",
            "Try {link}.",
            "{ {li {link}} and {link}",
            "{phone}: {link",
            "é {link} ✓",
            "no place",
        ] {
            for name in ["link", "phone"] {
                let place = format!("{{{name}}}");
                assert_eq!(
                    around(template, name),
                    template.split_once(&place),
                    "{template}"
                );
            }
        }
    }

    #[test]
    fn fill_puts_each_value_in_its_place_whatever_the_order() {
        assert_eq!(
            fill(
                "Pregunta {n} de unas {total}",
                &[("total", "7"), ("n", "2")]
            ),
            "Pregunta 2 de unas 7"
        );
        assert_eq!(fill("No places", &[("n", "1")]), "No places");
        assert_eq!(fill("{n}{n} {other} {", &[("n", "1")]), "11 {other} {");
    }
}

//! The screens' words (`content/ui/*.toml`): a struct with one field per text, generated
//! by `build.rs` and filled from the language pack, so a missing or misspelt key is a
//! compile error rather than a blank on screen.

use super::model::{DeviceFamily, Effort};

include!(concat!(env!("OUT_DIR"), "/ui.rs"));

/// The screens' words in the language on screen.
pub fn ui() -> &'static Ui {
    &super::words().ui
}

/// `template` with each `{name}` replaced by its value: `fill("Question {n}", &[("n", "2")])`.
/// Word order differs between languages, so texts carry named places, never pieces to
/// glue together.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let value = rest.find('}').and_then(|close| {
            let name = &rest[1..close];
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            rest = &rest[close + 1..];
            Some(*value)
        });
        match value {
            Some(value) => out.push_str(value),
            None => {
                out.push('{');
                rest = &rest[1..];
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

#[cfg(test)]
mod tests {
    use super::*;

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

//! The plain-text report for TikTok's "Report a problem": only what the user entered
//! and what the app measured, nothing else.

use super::check::{Check, StepResult};
use super::engine;
use crate::browser::find;
use crate::content::{fill, DeviceFamily, StepKind, Ui, Words, NOT_SURE};
use std::fmt::Write;

/// Facts about the phone and app that the report includes.
#[derive(Debug, Clone, PartialEq)]
pub struct Environment<'a> {
    /// The phone family, only if the user picked it or the browser revealed it.
    pub device: Option<DeviceFamily>,
    pub user_agent: &'a str,
    pub app_version: &'a str,
    /// Today's date, e.g. "2026-11-29".
    pub date: &'a str,
}

/// The phone family as the phone choice and the report name it, in the words of `ui`
/// (the report can be written in English while another language is shown).
pub fn phone_name(ui: &Ui, family: DeviceFamily) -> &'static str {
    match family {
        DeviceFamily::Stock => ui.device_stock,
        DeviceFamily::Samsung => ui.device_samsung,
        DeviceFamily::Xiaomi => ui.device_xiaomi,
    }
}

/// Android version and browser from a user agent, e.g. "Android 14, Chrome 120", in the
/// words of `ui`. Chrome's reduced user agent says "Android 10; K" on every phone, so
/// that version is left out rather than reported as a fact.
pub fn browser_summary(ui: &Ui, user_agent: &str) -> String {
    // `browser::find` and char patterns, not `str::find` with a `&str`, and no slicing by
    // index: the standard library's two-way searcher and slice panics cost wasm.
    let reduced = find(user_agent, "Android 10; K").is_some();
    let android = find(user_agent, "Android")
        .filter(|_| !reduced)
        .and_then(|start| user_agent.get(start..))
        .and_then(|rest| rest.split([';', ')']).next())
        .map(|android| android.trim().to_owned());
    let browser = [
        "SamsungBrowser/",
        "MiuiBrowser/",
        "Firefox/",
        "EdgA/",
        "OPR/",
        "Chrome/",
    ]
    .iter()
    .find_map(|marker| {
        let start = find(user_agent, marker)? + marker.len();
        let rest = user_agent.get(start..)?;
        let version = rest.split(|c: char| !c.is_ascii_digit()).next()?;
        let name = match *marker {
            "SamsungBrowser/" => "Samsung Internet",
            "MiuiBrowser/" => "Mi Browser",
            "EdgA/" => "Edge",
            "OPR/" => "Opera",
            other => other.trim_end_matches('/'),
        };
        Some(format!("{name} {version}"))
    });
    // Inside an app, "Chrome 119" is its WebView: support should know it's TikTok's.
    let browser = match crate::browser::in_app_browser(user_agent) {
        Some(app) => {
            let app = app.app_name().unwrap_or(ui.report_some_app);
            Some(match browser {
                Some(engine) => fill(
                    ui.report_in_app_browser_engine,
                    &[("app", app), ("browser", &engine)],
                ),
                None => fill(ui.report_in_app_browser, &[("app", app)]),
            })
        }
        None => browser,
    };
    match (android, browser) {
        (Some(a), Some(b)) => format!("{a}, {b}"),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => ui.report_browser_unknown.to_owned(),
    }
}

/// The report text, written with `words`: the language on screen, or English for
/// TikTok's support.
pub fn build(words: &Words, check: &Check, env: &Environment) -> String {
    let (content, ui) = (&words.content, &words.ui);
    let mut out = String::new();
    let symptom = content
        .symptom(&check.symptom)
        .map_or(check.symptom.as_str(), |s| s.title.as_str());
    let title = fill(ui.report_text_title, &[("date", env.date)]);
    let what_happens = fill(ui.report_text_symptom, &[("symptom", symptom)]);
    let _ = writeln!(out, "{title}\n{what_happens}");

    if !check.answers.is_empty() {
        let _ = writeln!(out, "\n{}", ui.report_text_answers);
        for given in &check.answers {
            let Some(question) = content.question(&given.question) else {
                continue;
            };
            let answer = if given.answer == NOT_SURE {
                ui.check_answer_not_sure
            } else {
                match question.answers.iter().find(|a| a.id == given.answer) {
                    Some(a) => a.label.as_str(),
                    None => continue,
                }
            };
            let _ = writeln!(out, "- {} → {}", question.text, answer);
        }
    }

    let ranking = check.ranking(content);
    if !ranking.is_empty() {
        // The causes the results showed, with their labels: a guess is never written
        // as a fact (the weights are judgement, not measurements).
        let _ = writeln!(out, "\n{}", ui.report_text_causes);
        for (n, ranked) in engine::shown(&ranking).iter().enumerate() {
            let label = engine::likelihood_label(ui, &ranking, n);
            let _ = writeln!(out, "{}. {label}: {}", n + 1, ranked.cause.title);
        }
    }

    if let Some(verdict) = check.connection.and_then(|kind| content.verdict(kind.id())) {
        let _ = writeln!(
            out,
            "\n{}",
            fill(ui.report_text_connection, &[("verdict", &verdict.title)])
        );
    }

    if !check.outcomes.is_empty() {
        let _ = writeln!(out, "\n{}", ui.report_text_tried);
        for outcome in &check.outcomes {
            let fix = content.fix(&outcome.fix);
            let title = fix.map_or(outcome.fix.as_str(), |f| f.title.as_str());
            // A check's answer reads as its label: "Yes, others have it too"; so does
            // "This doesn't fit me" on an explain step (it fixes nothing either way).
            let how = match outcome.result {
                StepResult::Answered(i) => fix
                    .and_then(|f| f.answers.get(usize::from(i)))
                    .map_or(outcome.result.label(ui), |a| a.label.as_str()),
                StepResult::NotFixed if fix.is_some_and(|f| f.kind == StepKind::Explain) => {
                    ui.check_explain_no
                }
                other => other.label(ui),
            };
            let _ = writeln!(out, "- {title}: {how}");
        }
    }

    let phone = env
        .device
        .map_or(ui.report_phone_unknown, |family| phone_name(ui, family));
    let browser = browser_summary(ui, env.user_agent);
    let phone = fill(
        ui.report_text_phone,
        &[("phone", phone), ("browser", &browser)],
    );
    let prepared = fill(ui.report_text_prepared, &[("version", env.app_version)]);
    let _ = writeln!(out, "\n{phone}\n{prepared}");
    out
}

// Native only: the English words come from the pack a native build embeds.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::connection::verdict::VerdictKind;
    use crate::content::pseudo::accented;
    use crate::content::texts::Texts;
    use crate::content::{content, english, Ui};
    use crate::diagnosis::check::StepResult;
    use crate::diagnosis::engine::Given;

    const PIXEL_UA: &str = "Mozilla/5 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.43 Mobile Safari/537.36";

    fn env() -> Environment<'static> {
        Environment {
            device: Some(DeviceFamily::Stock),
            user_agent: PIXEL_UA,
            app_version: "9.9.9",
            date: "2026-11-29",
        }
    }

    #[test]
    fn summarises_common_browsers() {
        let english = english();
        let summary = |user_agent| browser_summary(&english.ui, user_agent);
        assert_eq!(summary(PIXEL_UA), "Android 14, Chrome 120");
        assert_eq!(
            summary("Mozilla/5 (Linux; Android 13; SAMSUNG SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23 Chrome/115 Mobile Safari/537.36"),
            "Android 13, Samsung Internet 23"
        );
        assert_eq!(
            summary("Mozilla/5 (Android 14; Mobile; rv:120) Gecko/120 Firefox/120"),
            "Android 14, Firefox 120"
        );
        assert_eq!(summary(""), "unknown browser");
        assert_eq!(
            summary("Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.193 Mobile Safari/537.36 trill_320404 BytedanceWebview/d8a21c6"),
            "Android 13, TikTok's in-app browser (Chrome 119 WebView)"
        );
        // Chrome's reduced user agent: the "Android 10" is not a fact about the phone.
        assert_eq!(
            summary("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36"),
            "Chrome 125"
        );
    }

    #[test]
    fn report_holds_the_answers_outcomes_and_phone() {
        // Answers given directly, so the report is tested whatever the engine asks.
        let questions = &content().questions;
        let (chosen, unsure) = (&questions[0], &questions[1]);
        let mut check = Check::start(content(), "send-fails-everyone", 1);
        check.answers = vec![
            Given::new(&chosen.id, &chosen.answers[0].id),
            Given::new(&unsure.id, NOT_SURE),
            // Left by an older version: neither may show up, nor stop the report.
            Given::new("a-removed-question", "yes"),
            Given::new(&questions[2].id, "a-removed-answer"),
        ];
        check.stage = crate::diagnosis::check::Stage::Results;
        check.start_plan(content(), 3);
        check.record(content(), StepResult::NotFixed, 4);
        let text = build(&english(), &check, &env());

        let symptom = content().symptom("send-fails-everyone").unwrap();
        assert!(
            text.contains(&format!("What happens: {}\n", symptom.title)),
            "{text}"
        );
        assert!(text.contains("2026-11-29"));
        let answers = format!(
            "\nMy answers:\n- {} → {}\n- {} → Not sure\n\n",
            chosen.text, chosen.answers[0].label, unsure.text
        );
        assert!(text.contains(&answers), "expected\n{answers}\nin\n{text}");
        let first = content().fix(&check.plan[0]).unwrap();
        assert!(
            text.contains(&format!(
                "\nWhat I already tried:\n- {}: did not fix it\n",
                first.title
            )),
            "{text}"
        );
        assert!(text.contains("Pixel / stock Android (Android 14, Chrome 120)"));
        assert!(text.contains("9.9.9"));
    }

    #[test]
    fn an_unknown_phone_family_is_not_made_up() {
        let check = Check::start(content(), "messages-late", 1);
        let env = Environment {
            device: None,
            ..env()
        };
        let text = build(&english(), &check, &env);
        assert!(
            text.contains("Phone: Android phone (Android 14, Chrome 120)"),
            "{text}"
        );
        assert!(!text.contains("Pixel"));
        assert!(!text.contains('%'), "no made-up percentages");
    }

    #[test]
    fn report_has_no_answers_section_when_nothing_was_answered() {
        let check = Check::start(content(), "messages-late", 1);
        let text = build(&english(), &check, &env());
        assert!(!text.contains("My answers"));
        assert!(!text.contains("What I already tried"));
    }

    /// The causes section lists what the results showed, labelled as they were: a
    /// clear cause alone as "Most likely", never two more causes written as facts.
    #[test]
    fn report_lists_the_causes_the_results_showed_with_their_labels() {
        let mut check = Check::start(content(), "messaging-missing", 1);
        check.answers = vec![
            Given::new("age", "under-16"),
            Given::new("who-fails", "everyone"),
        ];
        let text = build(&english(), &check, &env());
        let causes: Vec<&str> = text
            .split("(a guess from my answers):\n")
            .nth(1)
            .expect("a causes section")
            .lines()
            .take_while(|l| !l.is_empty())
            .collect();
        let under_16 = &content().cause("under-16").unwrap().title;
        assert_eq!(causes, [format!("1. Most likely: {under_16}")], "{text}");

        // Nothing clear: each shown cause with its own label, in order.
        let check = Check::start(content(), "send-fails-everyone", 1);
        let ranking = check.ranking(content());
        let text = build(&english(), &check, &env());
        for (n, ranked) in engine::shown(&ranking).iter().enumerate() {
            let line = format!(
                "\n{}. {}: {}\n",
                n + 1,
                engine::likelihood_label(crate::content::ui(), &ranking, n),
                ranked.cause.title
            );
            assert!(text.contains(&line), "{line} in {text}");
        }
    }

    /// "This doesn't fit me" on an explain step (the block ending, the under-16 rule)
    /// is said in those words, never "did not fix it": nothing there was a fix.
    #[test]
    fn an_explain_step_that_doesnt_fit_is_said_so_in_the_report() {
        let mut check = Check::start(content(), "send-fails-one-person", 1);
        check.stage = crate::diagnosis::check::Stage::Results;
        check.start_plan(content(), 2);
        check.plan.insert(0, "respect-block".into());
        check.record(content(), StepResult::NotFixed, 3);
        let text = build(&english(), &check, &env());
        let title = &content().fix("respect-block").unwrap().title;
        assert!(
            text.contains(&format!("\n- {title}: This doesn't fit me\n")),
            "{text}"
        );
    }

    /// The report is written in the words it is given, so it can be copied in English
    /// whatever the language on screen: with every text of the pack made unlike English
    /// (accented), no English text of the pack is left in it.
    #[test]
    fn report_is_written_in_the_words_it_is_given() {
        let english = english();
        let mut other = english.clone();
        let mut english_texts = Vec::new();
        let mut translate = |text: &mut String| {
            english_texts.push(text.clone());
            *text = accented(text);
        };
        other.content.each_text(&mut translate);
        let ui_texts = other.ui.texts().into_iter().map(|text| {
            let mut text = text.to_owned();
            translate(&mut text);
            &*Box::leak(text.into_boxed_str())
        });
        other.ui = Ui::from_texts(ui_texts.collect()).unwrap();

        let questions = &english.content.questions;
        let mut check = Check::start(&english.content, "send-fails-everyone", 1);
        check.answers = vec![
            Given::new(&questions[0].id, &questions[0].answers[0].id),
            Given::new(&questions[1].id, NOT_SURE),
        ];
        check.connection = Some(VerdictKind::Fine);
        check.stage = crate::diagnosis::check::Stage::Results;
        check.start_plan(&english.content, 2);
        check.record(&english.content, StepResult::NotFixed, 3);
        check.record(&english.content, StepResult::Skipped, 4);
        // The phone and browser each way the report can name them.
        let in_app = "Mozilla/5.0 (Linux; Android 12; moto g(60) Build/S2RIS32.32-20-7; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0.5993.111 Mobile Safari/537.36";
        let reports: Vec<String> = [
            (Some(DeviceFamily::Stock), PIXEL_UA),
            (Some(DeviceFamily::Xiaomi), PIXEL_UA),
            (Some(DeviceFamily::Samsung), ""),
            (None, ""),
            (None, in_app),
            (None, "Mozilla/5.0 (Linux; Android 12; moto; wv)"),
        ]
        .into_iter()
        .map(|(device, user_agent)| {
            let env = Environment {
                device,
                user_agent,
                ..env()
            };
            build(&other, &check, &env)
        })
        .collect();
        let text = reports.join("\n");

        for english_text in &english_texts {
            // The words around placeholders ("{name}"), where there are any to speak of.
            let pieces = english_text
                .split('{')
                .map(|part| part.split_once('}').map_or(part, |(_, after)| after));
            for piece in pieces.filter(|p| p.len() > 4) {
                assert!(!text.contains(piece), "{piece:?} is English in\n{text}");
            }
        }
    }
}

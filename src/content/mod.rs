//! Knowledge: the content model, the embedded content, its validator, search and the
//! guide's grouping by problem.
//! Pure Rust, no web-sys, so all of it is tested natively.

mod decode;
pub mod guide;
pub mod model;
pub mod pack;
pub mod pseudo;
pub mod readability;
pub mod search;
pub mod texts;
pub mod translation;
pub mod ui;
pub mod validate;

pub use model::*;
pub use ui::{fill, ui, Ui};

use std::sync::atomic::{AtomicPtr, Ordering};

/// The content's structure as built from `content/*.toml` by `build.rs`, every text
/// emptied (written and read by [`decode`]): the texts come from a language pack.
const STRUCTURE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/structure.bin"));

/// Everything readable, in one language: the content and the screens' words.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    /// The language's code (`content/languages.toml`).
    pub language: &'static str,
    pub content: Content,
    pub ui: Ui,
}

impl Words {
    /// The words of a pack file (see [`pack`]) for this core. They are kept for the
    /// rest of the session (see [`show`]).
    pub fn from_pack(language: &'static str, file: &[u8]) -> Result<Words, pack::PackError> {
        let mut texts = pack::decode(ui::FINGERPRINT, file)?;
        // The content's texts fill the structure's empty strings; the screens' follow.
        // Both are checked before the content is read, so a pack that doesn't fit never
        // builds a content to throw away (its drop code is a KB of the wasm).
        let content_texts = decode::texts_wanted(STRUCTURE);
        if texts.len() < content_texts {
            return Err(pack::PackError::OtherBuild);
        }
        let mut rest = Vec::new();
        for text in texts.split_off(content_texts) {
            rest.push(&*Box::leak(text.into_boxed_str()));
        }
        let ui = Ui::from_texts(rest).ok_or(pack::PackError::OtherBuild)?;
        let (content, _) = decode::decode(STRUCTURE, &mut texts.into_iter());
        Ok(Words {
            language,
            content,
            ui,
        })
    }
}

/// The words on screen: set by [`show`]; until then (and in native tests) English in
/// native builds, and the bare structure in the app, which shows nothing before a pack.
static CURRENT: AtomicPtr<Words> = AtomicPtr::new(std::ptr::null_mut());

/// Makes `words` the ones every screen reads from now on. Each is kept for the rest of
/// the session (a handful of languages at most, and switching back needs no re-read).
pub fn show(words: &'static Words) {
    CURRENT.store(words as *const Words as *mut Words, Ordering::Release);
}

/// The words on screen now.
#[inline(never)]
pub fn words() -> &'static Words {
    let current = CURRENT.load(Ordering::Acquire);
    if current.is_null() {
        return first_words();
    }
    // Safety: only ever set from a `&'static Words` by `show`.
    unsafe { &*current }
}

/// Before any [`show`]: English in native builds (tests), the bare structure in the app.
#[cold]
#[inline(never)]
fn first_words() -> &'static Words {
    let fallback: &'static Words = Box::leak(Box::new(default_words()));
    match CURRENT.compare_exchange(
        std::ptr::null_mut(),
        fallback as *const Words as *mut Words,
        Ordering::AcqRel,
        Ordering::Acquire,
    ) {
        Ok(_) => fallback,
        // Safety: as in `words`.
        Err(set) => unsafe { &*set },
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn default_words() -> Words {
    english()
}

#[cfg(target_arch = "wasm32")]
fn default_words() -> Words {
    Words {
        language: "",
        content: decode::decode(STRUCTURE, &mut std::iter::empty()).0,
        ui: Ui::default(),
    }
}

/// English, from the pack the build wrote (native builds: tests and tools).
#[cfg(not(target_arch = "wasm32"))]
pub fn english() -> Words {
    Words::from_pack("en", include_bytes!(concat!(env!("OUT_DIR"), "/en.pack")))
        .expect("the English pack fits its core")
}

/// The content in the language on screen.
pub fn content() -> &'static Content {
    &words().content
}

#[cfg(test)]
mod tests {
    use super::validate::{validate, SEED_TOPICS};
    use super::*;

    /// A pack of this build with a text too few or too many is refused, whole.
    #[test]
    fn a_pack_with_too_few_or_too_many_texts_is_refused() {
        let english = include_bytes!(concat!(env!("OUT_DIR"), "/en.pack"));
        let texts = pack::decode(ui::FINGERPRINT, english).unwrap();
        let content_texts = decode::texts_wanted(STRUCTURE);
        assert_eq!(texts.len(), content_texts + ui::UI_TEXTS);
        let with = |texts: &[String]| Words::from_pack("en", &pack::encode(ui::FINGERPRINT, texts));
        assert!(with(&texts).is_ok());
        for len in [0, content_texts - 1, content_texts, texts.len() - 1] {
            assert_eq!(
                with(&texts[..len]),
                Err(pack::PackError::OtherBuild),
                "{len} texts"
            );
        }
        let mut more = texts.clone();
        more.push("more".into());
        assert_eq!(with(&more), Err(pack::PackError::OtherBuild));
    }

    /// Every pack the build wrote fits this core: the same structure as English (ids,
    /// steps, variants, conditions), and a text wherever English has one.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_shipped_pack_fits_the_core_and_matches_english() {
        let english = english();
        let mut english_structure = english.content.clone();
        let english_texts = texts::take_texts(&mut english_structure);
        for language in crate::language::LANGUAGES {
            let path = format!(
                "{}/target/packs/{}.bin",
                env!("CARGO_MANIFEST_DIR"),
                language.code
            );
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let words =
                Words::from_pack(language.code, &bytes).unwrap_or_else(|e| panic!("{path}: {e:?}"));
            let mut structure = words.content.clone();
            let texts = texts::take_texts(&mut structure);
            assert_eq!(structure, english_structure, "{}", language.code);
            for (en, text) in english_texts.iter().zip(&texts) {
                assert_eq!(en.is_empty(), text.is_empty(), "{}: {en:?}", language.code);
            }
            for (en, text) in english.ui.texts().iter().zip(words.ui.texts()) {
                assert!(!text.trim().is_empty(), "{}: {en:?}", language.code);
            }
            if language.code != "en" {
                assert_ne!(words.ui, english.ui, "{}", language.code);
            }
        }
    }

    #[test]
    fn shipped_content_is_sound() {
        let problems = validate(content());
        assert!(
            problems.is_empty(),
            "content problems:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn shipped_content_has_the_five_symptoms_in_order() {
        let ids: Vec<_> = content().symptoms.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "send-fails-everyone",
                "send-fails-one-person",
                "inbox-wont-load",
                "messaging-missing",
                "messages-late"
            ]
        );
    }

    #[test]
    fn every_cause_ends_with_reporting_so_there_is_no_dead_end() {
        let mut built_in = 0;
        for cause in &content().causes {
            if cause.support_cant_change.is_some() {
                // A built-in rule support can't change: no report, and the last fix says
                // what to do instead.
                built_in += 1;
                assert!(
                    !cause.fixes.iter().any(|f| f == "report-problem"),
                    "{}",
                    cause.id
                );
                assert!(cause.fixes.len() >= 2, "{}", cause.id);
                continue;
            }
            assert_eq!(
                cause.fixes.last().map(String::as_str),
                Some("report-problem"),
                "cause {} should end with report-problem",
                cause.id
            );
        }
        assert!(built_in >= 1, "under 16 is a built-in rule");
    }

    #[test]
    fn settings_steps_have_device_variants() {
        let fix = content()
            .fix("clear-cache-android")
            .expect("clear-cache-android exists");
        assert!(fix.steps.iter().any(Step::differs_by_device));
        let step = fix.steps.iter().find(|s| s.differs_by_device()).unwrap();
        let stock = step.for_device(DeviceFamily::Stock);
        assert!(
            [DeviceFamily::Samsung, DeviceFamily::Xiaomi]
                .iter()
                .any(|f| step.for_device(*f) != stock),
            "a step marked as differing must read differently on some phone"
        );
    }

    #[test]
    fn shipped_content_has_the_connection_test() {
        assert!(
            content()
                .probes
                .iter()
                .filter(|p| p.group.is_tiktok())
                .count()
                >= 3
        );
        assert!(
            content()
                .probes
                .iter()
                .filter(|p| p.group == Group::Internet)
                .count()
                >= 2
        );
        assert_eq!(content().verdicts.len(), validate::VERDICT_IDS.len());
    }

    #[test]
    fn reinstall_warns_about_drafts() {
        let fix = content()
            .fix("reinstall-app")
            .expect("reinstall-app exists");
        assert!(fix
            .warnings
            .iter()
            .any(|w| w.to_lowercase().contains("draft")));
    }

    /// The button names a text says not to tap: what follows "Don't tap " up to the end
    /// of its clause, split on " or " ("Don't tap Clear storage or Clear data: ...").
    fn not_to_tap(text: &str) -> Vec<String> {
        text.split("Don't tap ")
            .skip(1)
            .flat_map(|rest| {
                let clause = rest.split(['.', ':', ',']).next().unwrap_or_default();
                clause.split(" or ").map(|b| b.trim().to_owned())
            })
            .filter(|b| !b.is_empty())
            .collect()
    }

    /// The button names a text says to tap: what follows "Tap " or " tap " (not "Don't
    /// tap ") up to a comma, a full stop or a place ("at the bottom", "then OK").
    fn to_tap(text: &str) -> Vec<String> {
        let mut buttons = Vec::new();
        for (at, _) in text.match_indices("ap ") {
            let Some(start) = at.checked_sub(1) else {
                continue;
            };
            let Some(word) = text.get(start..at + 3) else {
                continue;
            };
            let before = &text[..start];
            if !(word == "Tap " || word == "tap ") || before.ends_with("Don't ") {
                continue;
            }
            if !(before.is_empty() || before.ends_with(' ')) {
                continue;
            }
            let rest = &text[at + 3..];
            let end = [",", ".", " at ", " then ", " in ", " and "]
                .iter()
                .filter_map(|s| rest.find(s))
                .min()
                .unwrap_or(rest.len());
            buttons.push(rest[..end].trim().to_owned());
        }
        buttons
    }

    /// On each phone, no step says to tap a button that a warning, or a step on that
    /// phone, says not to tap (the Xiaomi cache steps once said "Tap Clear data" under a
    /// warning "Don't tap Clear data"). Read in English, the language the others follow.
    #[test]
    fn no_step_says_to_tap_what_a_warning_or_step_forbids() {
        assert_eq!(to_tap("Tap Clear data at the bottom."), ["Clear data"]);
        assert_eq!(
            to_tap("In it, tap Clear cache, then OK. Don't tap X."),
            ["Clear cache"]
        );
        assert_eq!(
            not_to_tap("Don't tap Clear storage or Clear data: it"),
            ["Clear storage", "Clear data"]
        );
        let mut forbidding = 0;
        for fix in &content().fixes {
            for phone in DeviceFamily::ALL {
                let steps: Vec<&str> = fix.steps.iter().map(|s| s.for_device(phone)).collect();
                let forbidden: Vec<String> = fix
                    .warnings
                    .iter()
                    .map(String::as_str)
                    .chain(steps.iter().copied())
                    .flat_map(not_to_tap)
                    .collect();
                forbidding += usize::from(!forbidden.is_empty());
                for (n, step) in steps.iter().enumerate() {
                    for button in to_tap(step) {
                        assert!(
                            !forbidden.contains(&button),
                            "{} step {} on {}: says to tap {button:?}, but also not to: {step:?}",
                            fix.id,
                            n + 1,
                            phone.key()
                        );
                    }
                }
            }
        }
        assert!(forbidding >= 3, "premise: some steps say what not to tap");
    }

    #[test]
    fn every_seed_topic_is_covered_by_shipped_content() {
        let tagged: Vec<&String> = content()
            .causes
            .iter()
            .flat_map(|c| &c.topics)
            .chain(content().fixes.iter().flat_map(|f| &f.topics))
            .collect();
        for (topic, _) in SEED_TOPICS {
            assert!(tagged.iter().any(|t| t == topic), "{topic} not covered");
        }
    }

    fn tiny() -> Content {
        let mut cause = examples::cause("c", &["f", "report-problem"]);
        cause.topics = SEED_TOPICS.iter().map(|(t, _)| t.to_string()).collect();
        Content {
            symptoms: vec![Symptom {
                id: "s".into(),
                title: "S".into(),
                summary: "s".into(),
                detail: "d".into(),
                causes: vec!["c".into()],
            }],
            causes: vec![cause],
            fixes: vec![
                examples::fix("f", Effort::Quick),
                examples::fix("report-problem", Effort::Moderate),
            ],
            install_guides: vec![],
            open_in_browser: vec![],
            probes: vec![],
            groups: vec![],
            verdicts: vec![],
            questions: vec![Question {
                id: "q".into(),
                text: "Q?".into(),
                why: "w".into(),
                symptoms: vec![],
                only_if: vec![],
                skip_if: vec![],
                answers: vec![
                    Answer {
                        id: "yes".into(),
                        label: "Yes".into(),
                        said: "Yes.".into(),
                        evidence: [("c".to_string(), 2)].into(),
                    },
                    Answer {
                        id: "no".into(),
                        label: "No".into(),
                        said: "No.".into(),
                        evidence: [("c".to_string(), -2)].into(),
                    },
                ],
            }],
            pages: vec![Page {
                id: "about".into(),
                title: "About".into(),
                sections: vec![Section {
                    heading: "H".into(),
                    paragraphs: vec!["p".into()],
                }],
            }],
        }
    }

    /// An explain step: a rule, and what to do instead.
    fn explain(id: &str) -> crate::content::Fix {
        let mut fix = examples::fix(id, Effort::Check);
        fix.kind = StepKind::Explain;
        fix.instead = Some("Do this instead.".into());
        fix
    }

    /// `tiny()` with a check step "f" asking a question, its answers leading to `then`s.
    fn with_check(c: &mut Content, thens: &[&str]) {
        c.fixes[0].kind = StepKind::Check;
        c.fixes[0].question = Some("Is it so?".into());
        c.fixes[0].answers = thens
            .iter()
            .map(|then| CheckAnswer {
                label: format!("Go to {then}"),
                then: then.to_string(),
            })
            .collect();
    }

    #[test]
    fn validator_checks_each_step_kind() {
        // A check with two answers, one going on and one leading to a wait step.
        let sound = |c: &mut Content| {
            with_check(c, &["next", "w"]);
            let mut wait = examples::fix("w", Effort::Drastic);
            wait.kind = StepKind::Wait;
            c.fixes.push(wait);
            c.causes[0].fixes.insert(1, "w".into());
        };
        assert_eq!(problems_after(sound), "");
        let check_needs = "is a check: it needs a question and at least two answers";
        assert!(problems_after(|c| with_check(c, &["next"])).contains(check_needs));
        assert!(problems_after(|c| {
            with_check(c, &["next", "next"]);
            c.fixes[0].question = None;
        })
        .contains(check_needs));
        assert!(problems_after(|c| {
            with_check(c, &["next", "next"]);
            c.fixes[0].kind = StepKind::Fix;
        })
        .contains("only a check step asks"));
        for bad in ["nowhere", "f", "report-problem"] {
            assert!(
                problems_after(|c| with_check(c, &["next", bad]))
                    .contains(&format!("leads to {bad:?}")),
                "{bad}"
            );
        }
        // Explain steps only end plans, and say what to do instead.
        assert!(problems_after(|c| {
            c.fixes[0] = explain("f");
        })
        .contains("it may only end a plan"));
        assert!(problems_after(|c| {
            c.fixes[0].instead = Some("Do this instead.".into());
        })
        .contains("only an explain step, says what to do `instead`"));
        // Where a check leads, an explain step may end the plan.
        assert_eq!(
            problems_after(|c| {
                with_check(c, &["next", "x"]);
                c.fixes.push(explain("x"));
                c.causes[0].fixes.insert(1, "x".into());
            }),
            ""
        );
    }

    #[test]
    fn validator_accepts_a_minimal_sound_content() {
        assert_eq!(validate(&tiny()), Vec::<String>::new());
    }

    fn problems_after(change: impl FnOnce(&mut Content)) -> String {
        let mut content = tiny();
        change(&mut content);
        validate(&content).join("\n")
    }

    #[test]
    fn validator_reports_each_kind_of_problem() {
        assert!(
            problems_after(|c| c.fixes.push(c.fixes[0].clone())).contains("\"f\" is used twice")
        );
        assert!(problems_after(|c| c.causes[0].fixes.push("nope".into()))
            .contains("unknown fix \"nope\""));
        assert!(problems_after(|c| c.symptoms[0].causes.push("gone".into()))
            .contains("unknown cause \"gone\""));
        assert!(problems_after(|c| c.causes[0].fixes.clear()).contains("cause \"c\" has no fix"));
        assert!(problems_after(|c| c.fixes[0].steps.clear()).contains("fix \"f\" has no steps"));
        assert!(
            problems_after(|c| c.fixes[0].steps[0].samsung = Some(" ".into()))
                .contains("step 1 is empty")
        );
        assert!(problems_after(|c| c.symptoms[0].causes.clear()).contains("not reachable"));
        assert!(problems_after(|c| c.causes[0].id = "Bad Id".into()).contains("must be lowercase"));
        assert!(
            problems_after(|c| c.causes[0].topics.retain(|t| t != "vpn"))
                .contains("seed topic \"vpn\"")
        );
        assert!(
            problems_after(|c| c.causes[0].topics.push("made-up".into()))
                .contains("unknown topic \"made-up\"")
        );
        assert!(problems_after(|c| c.causes[0].fixes = vec![]).contains("fix \"f\" is not used"));
        // No dead end: reporting ends a cause's fixes, unless it is a built-in rule.
        assert!(problems_after(|c| {
            c.causes[0].fixes.pop();
        })
        .contains("must end its fixes with \"report-problem\""));
        assert!(problems_after(|c| {
            c.causes[0].support_cant_change = Some("Support can't change it.".into())
        })
        .contains("is a built-in rule"));
        assert_eq!(
            problems_after(|c| {
                c.causes[0].support_cant_change = Some("Support can't change it.".into());
                c.causes[0].fixes = vec!["f".into(), "g".into()];
                c.fixes[1] = examples::fix("g", Effort::Check);
            }),
            "cause \"c\" is a built-in rule: say what support can't change, leave out \"report-problem\" and end with an explain step (what to do instead)",
            "a built-in rule ends with an explain step"
        );
        assert_eq!(
            problems_after(|c| {
                c.causes[0].support_cant_change = Some("Support can't change it.".into());
                c.causes[0].fixes = vec!["f".into(), "g".into()];
                c.fixes[1] = explain("g");
            }),
            ""
        );
        // Conditions name questions and answers that exist.
        for (bad, problem) in [
            ("q", "must read"),
            ("nope=yes", "unknown question \"nope\""),
            ("q=maybe", "unknown answer \"maybe\""),
            ("symptom=zzz", "unknown answer \"zzz\""),
        ] {
            assert!(
                problems_after(|c| c.fixes[0].skip_if = vec![bad.into()]).contains(problem),
                "{bad}"
            );
            assert!(
                problems_after(|c| c.fixes[0].only_if = vec![bad.into()]).contains(problem),
                "{bad}"
            );
        }
        assert!(
            problems_after(|c| c.questions[0].only_if = vec!["q=yes".into()])
                .contains("depends on the question itself")
        );
        for fine in ["q=yes|no", "q=not-sure", "symptom=s"] {
            assert_eq!(
                problems_after(|c| c.fixes[0].skip_if = vec![fine.into()]),
                "",
                "{fine}"
            );
        }
        assert!(problems_after(|c| c.pages.clear()).contains("\"about\" page is missing"));
        assert!(problems_after(|c| c.questions[0].answers[0]
            .evidence
            .insert("nope".into(), 1)
            .map(|_| ())
            .unwrap_or(()))
        .contains("unknown cause \"nope\""));
        assert!(problems_after(|c| {
            c.questions[0].answers[0].evidence.insert("c".into(), 9);
        })
        .contains("weight 9"));
        assert!(
            problems_after(|c| c.questions[0].answers[0].id = NOT_SURE.into())
                .contains("added by the app")
        );
        assert!(problems_after(|c| {
            c.questions[0].answers.pop();
        })
        .contains("at least two answers"));
        assert!(
            problems_after(|c| c.questions[0].symptoms = vec!["zzz".into()])
                .contains("unknown symptom \"zzz\"")
        );
        assert!(problems_after(|c| {
            c.questions[0].answers[0].evidence.clear();
        })
        .contains("not raised by any answer"));
        assert!(problems_after(|c| {
            let q = c.questions[0].clone();
            c.questions.push(q);
        })
        .contains("question \"q\" is used twice"));
        assert!(
            problems_after(|c| c.pages[0].sections[0].paragraphs.clear())
                .contains("non-empty sections")
        );
        assert!(
            problems_after(|c| c.causes[0].sources.clear()).contains("cause \"c\" has no source")
        );
        assert!(problems_after(|c| c.fixes[0].sources.clear()).contains("fix \"f\" has no source"));
        assert!(
            problems_after(|c| c.fixes[0].sources[0].url = Some("http://x.example/".into()))
                .contains("https URL")
        );
    }

    #[test]
    fn validator_measures_every_passage() {
        let hard = "Private DNS is an Android configuration that transmits the address resolution requests of your device to a designated provider.";
        assert!(
            problems_after(|c| c.causes[0].explanation = vec![hard.into()])
                .contains("cause \"c\" explanation 1 reads at grade")
        );
        assert!(problems_after(|c| c.fixes[0].warnings = vec![hard.into()])
            .contains("fix \"f\" warning 1 reads at grade"));
        assert!(problems_after(|c| c.questions[0].why = hard.into())
            .contains("question \"q\" why reads at grade"));
        for summary in ["", " ", "two\nlines", &"go ".repeat(14)] {
            assert!(
                problems_after(|c| c.symptoms[0].summary = summary.into())
                    .contains("summary of one line"),
                "{summary:?}"
            );
        }
        let long = format!("{}end.", "go ".repeat(30));
        assert!(problems_after(|c| c.symptoms[0].detail = long.clone())
            .contains("sentence of 31 words"));
        let two_paths = "Open Settings > Apps > TikTok, then Settings > Battery.";
        assert!(
            problems_after(|c| c.fixes[0].steps[0].samsung = Some(two_paths.into()))
                .contains("step 1 (Samsung) has 2 menu paths")
        );
        let no_search = "Open Settings > Apps > TikTok.";
        assert!(
            problems_after(|c| c.fixes[0].steps[0].text = no_search.into())
                .contains("needs a \"search Settings for")
        );
        let with_search = "Open Settings > Apps > TikTok. Or search Settings for \"TikTok\".";
        assert_eq!(
            problems_after(|c| c.fixes[0].steps[0].text = with_search.into()),
            ""
        );
        // Labels are not measured.
        assert_eq!(problems_after(|c| c.causes[0].title = hard.into()), "");
    }

    #[test]
    fn validator_allows_only_tiktok_links() {
        let link = |url: &str| Link {
            label: "Open".into(),
            url: url.into(),
        };
        let lite = "https://play.google.com/store/apps/details?id=com.zhiliaoapp.musically.go";
        assert_eq!(problems_after(|c| c.fixes[0].links = vec![link(lite)]), "");
        assert!(
            problems_after(|c| c.fixes[0].links = vec![link("https://example.com/")])
                .contains("fix \"f\" link")
        );
        assert!(
            problems_after(|c| c.fixes[0].links = vec![link("intent://x#Intent;end")])
                .contains("fix \"f\" link")
        );
        let unlabelled = Link {
            label: " ".into(),
            url: "https://www.tiktok.com/messages".into(),
        };
        assert!(problems_after(|c| c.fixes[0].links = vec![unlabelled]).contains("needs a label"));
    }

    #[test]
    fn validator_caps_the_weight_of_causes_with_only_unverified_sources() {
        let unverified =
            |c: &mut Content| c.causes[0].sources = vec![examples::source(Confidence::Unverified)];
        assert_eq!(problems_after(unverified), "", "tiny's weight of 2 is fine");
        let heavy = problems_after(|c| {
            unverified(c);
            c.questions[0].answers[0]
                .evidence
                .insert("c".into(), validate::MAX_UNVERIFIED_WEIGHT + 1);
        });
        assert!(heavy.contains("above 3"), "{heavy}");
        // With a better source the same weight is fine.
        assert_eq!(
            problems_after(|c| {
                c.questions[0].answers[0].evidence.insert("c".into(), 4);
            }),
            ""
        );
    }

    #[test]
    fn shipped_links_are_buttons_for_tiktok_only() {
        for fix in &content().fixes {
            for link in &fix.links {
                assert!(is_allowed_link(&link.url), "{}: {}", fix.id, link.url);
                assert!(!link.label.trim().is_empty(), "{}", fix.id);
            }
        }
    }

    #[test]
    fn validator_checks_the_connection_content() {
        let with_connection = |change: fn(&mut Content)| {
            let mut c = tiny();
            c.probes = content().probes.clone();
            c.groups = content().groups.clone();
            c.verdicts = content().verdicts.clone();
            // The shipped verdicts point at shipped fixes and causes; re-point them at tiny's.
            for v in &mut c.verdicts {
                v.fixes = vec!["f".into()];
                v.evidence = [("c".to_string(), 1)].into();
            }
            change(&mut c);
            validate(&c).join("\n")
        };
        assert_eq!(with_connection(|_| {}), "");
        assert!(
            with_connection(|c| c.probes.retain(|p| p.group != Group::TikTokMessages))
                .contains("at least 1 TikTokMessages probe(s)")
        );
        assert!(
            with_connection(|c| c.probes.iter_mut().for_each(|p| p.confirmed = false))
                .contains("the TikTok probes need a confirmed host")
        );
        assert!(
            with_connection(|c| c.groups.retain(|g| g.id != Group::TikTokVideo))
                .contains("the TikTokVideo probes need a group name")
        );
        assert!(with_connection(|c| {
            let partly = c.verdicts.iter_mut().find(|v| v.id == "tiktok-partly");
            partly.unwrap().explanation = "Part of TikTok didn't answer.".into();
        })
        .contains("must name the parts that failed"));
        assert!(
            with_connection(|c| c.probes[1].url = "http://example.com/".into())
                .contains("https URL")
        );
        assert!(with_connection(|c| {
            c.verdicts.pop();
        })
        .contains("has no text"));
        assert!(
            with_connection(|c| c.verdicts[0].fixes = vec!["nope".into()])
                .contains("unknown fix \"nope\"")
        );
        assert!(
            with_connection(|c| c.verdicts[0].evidence = [("c".to_string(), 0)].into())
                .contains("bad evidence")
        );
    }

    #[test]
    fn step_falls_back_to_stock_text() {
        let step = Step {
            text: "stock".into(),
            samsung: Some("galaxy".into()),
            xiaomi: None,
        };
        assert_eq!(step.for_device(DeviceFamily::Stock), "stock");
        assert_eq!(step.for_device(DeviceFamily::Samsung), "galaxy");
        assert_eq!(step.for_device(DeviceFamily::Xiaomi), "stock");
    }

    #[test]
    fn device_family_keys_round_trip() {
        for family in DeviceFamily::ALL {
            assert_eq!(DeviceFamily::from_key(family.key()), Some(family));
        }
        assert_eq!(DeviceFamily::from_key("nokia"), None);
    }
}

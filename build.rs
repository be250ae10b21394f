//! Reads the human-editable content in `content/*.toml` and the screens' words in
//! `content/ui/*.toml`, checks them with the same validator the tests use (any problem
//! fails the build), and writes:
//! - the content's structure, every text emptied, in the compact binary form of
//!   `src/content/decode.rs` for `src/content/mod.rs` to embed in the app core;
//! - the screens' text fields (`ui.rs`) and the language table (`languages.rs`);
//! - one language pack per language of `content/languages.toml` (English, the
//!   translations in `content/i18n/<code>/`, and the pseudo-locales made from English)
//!   into `target/packs/`, with `languages.json` for `tools/post-build.mjs`, which names
//!   them by content hash, copies them into dist/ and hands the table to the head script.

#[path = "src/content/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/content/readability.rs"]
#[allow(dead_code)]
mod readability;
#[path = "src/content/validate.rs"]
#[allow(dead_code)]
mod validate;

#[path = "src/content/decode.rs"]
#[allow(dead_code)]
mod decode;
#[path = "src/content/pack.rs"]
#[allow(dead_code)]
mod pack;
#[path = "src/content/pseudo.rs"]
#[allow(dead_code)]
mod pseudo;
#[path = "src/content/texts.rs"]
#[allow(dead_code)]
mod texts;
#[path = "src/content/translation.rs"]
#[allow(dead_code)]
mod translation;

#[path = "build/first_screen.rs"]
mod first_screen;

use std::{env, fs, path::Path};

/// Reads and merges every `*.toml` of `dir` (not its subfolders) into one content.
fn read_content(dir: &Path) -> model::Content {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .filter(|path| !path.ends_with("languages.toml"))
        .collect();
    files.sort();
    let mut content = model::Content::default();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let part: model::Content =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        content.extend(part);
    }
    content
}

/// The screens' words of `dir` (`content/ui` or a translation's `ui`): every
/// `key = "text"` of its `*.toml` files, files in name order, keys sorted in each.
fn read_ui(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut words = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (key, value) in table {
            let toml::Value::String(value) = value else {
                panic!("{}: {key} must be a string", path.display());
            };
            words.push((key, value));
        }
    }
    words
}

#[derive(serde::Deserialize)]
struct Languages {
    language: Vec<Language>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Language {
    code: String,
    name: String,
    dir: String,
    matches: Vec<String>,
    #[serde(default)]
    regions: Vec<String>,
    #[serde(default)]
    pseudo: bool,
    start_failed: String,
    starting: String,
    retry: String,
}

fn main() {
    let dir = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    let content = read_content(dir);

    // Any content problem fails the build, with the whole list to fix.
    fail_on("content/*.toml", &validate::validate(&content));

    // The guide's sections as index lists (see `Content::guide_section`), for
    // `src/content/guide.rs` to include: data instead of grouping code in the wasm.
    let mut sections = String::from("&[");
    for symptom in &content.symptoms {
        let (causes, fixes) = content.guide_section(symptom);
        let list = |indices: Vec<usize>| {
            indices
                .iter()
                .map(|&n| {
                    u8::try_from(n)
                        .expect("at most 256 causes and fixes")
                        .to_string()
                })
                .collect::<Vec<_>>()
                .join(",")
        };
        sections += &format!("(&[{}],&[{}]),", list(causes), list(fixes));
    }
    sections += "]";
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("guide_sections.rs"), sections).unwrap();

    let ui = read_ui(&dir.join("ui"));
    let mut ui_problems = Vec::new();
    for (i, (key, text)) in ui.iter().enumerate() {
        let valid = key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            ui_problems.push(format!("{key}: keys are snake_case"));
        }
        if ui[..i].iter().any(|(k, _)| k == key) {
            ui_problems.push(format!("{key} is in two files"));
        }
        if text.trim().is_empty() {
            ui_problems.push(format!("{key} is empty"));
        }
    }
    fail_on("content/ui/*.toml", &ui_problems);

    // The structure every pack fits: the content with its texts taken out, and the
    // screens' keys. Its fingerprint is in each pack, so a pack from another build is
    // refused rather than misread.
    let mut structure = content.clone();
    let mut english = texts::take_texts(&mut structure);
    english.extend(ui.iter().map(|(_, text)| text.clone()));
    let mut shape = postcard::to_allocvec(&structure).unwrap();
    for (key, _) in &ui {
        shape.extend_from_slice(key.as_bytes());
        shape.push(0);
    }
    let fingerprint = pack::checksum(&shape);

    let languages: Languages = toml::from_str(
        &fs::read_to_string(dir.join("languages.toml")).expect("content/languages.toml"),
    )
    .expect("content/languages.toml");
    println!("cargo:rerun-if-changed=content/languages.toml");
    assert_eq!(languages.language[0].code, "en", "English comes first");

    let packs = Path::new("target/packs");
    fs::create_dir_all(packs).unwrap();
    let mut table = String::from("[");
    let mut rust_table = String::from("&[");
    let mut first = String::new();
    for (i, language) in languages.language.iter().enumerate() {
        let code = language.code.as_str();
        let texts: Vec<String> = match code {
            "en" => english.clone(),
            "en-XA" => english.iter().map(|t| pseudo::accented(t)).collect(),
            "ar-XB" => english.iter().map(|t| pseudo::mirrored(t)).collect(),
            _ => {
                let (texts, content, ui) = translated(code, &content, &ui);
                first += &first_screen::markup(code, &language.dir, &content, &ui);
                texts
            }
        };
        if code == "en" {
            first += &first_screen::markup(code, &language.dir, &content, &ui);
        }
        let bytes = pack::encode(fingerprint, &texts);
        if code == "en" {
            let out_dir = env::var("OUT_DIR").unwrap();
            fs::write(Path::new(&out_dir).join("en.pack"), &bytes).unwrap();
        }
        // Written whole, then renamed: a native and a wasm build may run at once.
        let tmp = packs.join(format!("{code}.bin.{}", std::process::id()));
        fs::write(&tmp, &bytes).unwrap();
        fs::rename(&tmp, packs.join(format!("{code}.bin"))).unwrap();
        let list = |items: &[String]| {
            items
                .iter()
                .map(|m| format!("{m:?}"))
                .collect::<Vec<_>>()
                .join(",")
        };
        // The head script also shows the few words for "couldn't start".
        table += &format!(
            "{}{{\"code\":{code:?},\"dir\":{:?},\"matches\":[{}],\"regions\":[{}],\"pseudo\":{},\"startFailed\":{:?},\"starting\":{:?},\"retry\":{:?}}}",
            if i == 0 { "" } else { "," },
            language.dir,
            list(&language.matches),
            list(&language.regions),
            language.pseudo,
            language.start_failed,
            language.starting,
            language.retry,
        );
        rust_table += &format!(
            "Language {{ code: {code:?}, name: {:?}, rtl: {}, matches: &[{}], regions: &[{}], pseudo: {} }},",
            language.name,
            language.dir == "rtl",
            list(&language.matches),
            list(&language.regions),
            language.pseudo,
        );
    }
    table += "]\n";
    rust_table += "]";
    let tmp = packs.join(format!("languages.json.{}", std::process::id()));
    fs::write(&tmp, table).unwrap();
    fs::rename(&tmp, packs.join("languages.json")).unwrap();
    // Home as plain HTML in every real language, for post-build to put in index.html.
    let tmp = packs.join(format!("first-screen.html.{}", std::process::id()));
    fs::write(&tmp, first).unwrap();
    fs::rename(&tmp, packs.join("first-screen.html")).unwrap();

    let out_dir = env::var("OUT_DIR").unwrap();
    let out_dir = Path::new(&out_dir);
    fs::write(out_dir.join("languages.rs"), rust_table).unwrap();
    // The whole English content, texts in place, for the tests of the structure's reader.
    fs::write(
        out_dir.join("content.postcard"),
        postcard::to_allocvec(&content).unwrap(),
    )
    .unwrap();
    fs::write(out_dir.join("ui.rs"), ui_struct(&ui, fingerprint)).unwrap();

    // The app never shows topic tags (the validator above checks them): the wasm build
    // leaves them out to stay inside the size budget. Native builds (tests) keep them.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        for cause in &mut structure.causes {
            cause.topics.clear();
        }
        for fix in &mut structure.fixes {
            fix.topics.clear();
        }
    }
    fs::write(out_dir.join("structure.bin"), decode::encode(&structure)).unwrap();
}

/// Panics with the whole list of `problems` in `what`, if any.
fn fail_on(what: &str, problems: &[String]) {
    if !problems.is_empty() {
        panic!(
            "\n\n{} problem(s) in {what}:\n\n  - {}\n\nSee content/README.md for the rules.\n",
            problems.len(),
            problems.join("\n  - ")
        );
    }
}

/// The texts of the translation in `content/i18n/<code>/`, checked against English:
/// the same structure and screen keys, every text translated (see `translation.rs`).
fn translated(
    code: &str,
    english: &model::Content,
    english_ui: &[(String, String)],
) -> (Vec<String>, model::Content, Vec<(String, String)>) {
    let dir = Path::new("content/i18n").join(code);
    let content = read_content(&dir);
    let mut problems = translation::check_content(code, english, &content);
    let ui = read_ui(&dir.join("ui"));
    let keys =
        |words: &[(String, String)]| words.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    if keys(&ui) != keys(english_ui) {
        let (en, tr) = (keys(english_ui), keys(&ui));
        let missing: Vec<_> = en.iter().filter(|k| !tr.contains(k)).collect();
        let extra: Vec<_> = tr.iter().filter(|k| !en.contains(k)).collect();
        problems.push(format!(
            "{code}: the screen words (ui/*.toml) must have the keys of English, in the same files: missing {missing:?}, not in English {extra:?}"
        ));
    }
    if problems.is_empty() {
        let texts =
            |words: &[(String, String)]| words.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>();
        problems = translation::check_texts(code, &texts(english_ui), &texts(&ui), &[]);
    }
    fail_on(&format!("content/i18n/{code}"), &problems);
    let mut structure = content.clone();
    let mut texts = texts::take_texts(&mut structure);
    texts.extend(ui.iter().map(|(_, text)| text.clone()));
    (texts, content, ui)
}

/// The `Ui` struct: one field per screen text, filled from the current pack. The texts
/// live for the whole session (each pack is read once), so the fields are `&'static
/// str`: screens use them as they used string literals, without copies. `repr(C)` with
/// fields of one type: the struct is laid out as an array of its texts, so it is read
/// from one in a single move rather than field by field (a few KB of wasm).
fn ui_struct(ui: &[(String, String)], fingerprint: u32) -> String {
    let mut out = format!(
        "/// The fingerprint of the structure this core's packs are built for.\npub const FINGERPRINT: u32 = {fingerprint};\n\n/// How many screen texts there are.\npub const UI_TEXTS: usize = {};\n\n/// The screens' words in the current language (`content/ui/*.toml`).\n#[derive(Debug, Clone, Copy, PartialEq)]\n#[repr(C)]\npub struct Ui {{\n",
        ui.len()
    );
    for (key, text) in ui {
        let first_line = text.lines().next().unwrap_or_default();
        out += &format!("    /// {first_line}\n    pub {key}: &'static str,\n");
    }
    out += "}\n";
    out
}

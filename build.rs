//! Reads the human-editable content in `content/*.toml`, checks it with the same
//! validator the tests use (any problem fails the build), and writes it in postcard's
//! compact binary form for `src/content/mod.rs` to embed.

#[path = "src/content/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/content/readability.rs"]
#[allow(dead_code)]
mod readability;
#[path = "src/content/validate.rs"]
#[allow(dead_code)]
mod validate;

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("content/ folder is missing")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
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

    // Any content problem fails the build, with the whole list to fix.
    let problems = validate::validate(&content);
    if !problems.is_empty() {
        panic!(
            "\n\n{} content problem(s) in content/*.toml:\n\n  - {}\n\nSee content/README.md for the rules.\n",
            problems.len(),
            problems.join("\n  - ")
        );
    }

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

    // The app never shows topic tags (the validator above checks them): the wasm build
    // leaves them out to stay inside the size budget. Native builds (tests) keep them.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        for cause in &mut content.causes {
            cause.topics.clear();
        }
        for fix in &mut content.fixes {
            fix.topics.clear();
        }
    }

    let out = Path::new(&out_dir).join("content.postcard");
    fs::write(out, postcard::to_allocvec(&content).unwrap()).unwrap();
}

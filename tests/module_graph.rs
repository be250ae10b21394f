//! The module graph stays layered and free of cycles: knowledge and reasoning never reach
//! for the browser or the UI, and no two top-level modules import each other (even
//! through others). Reads the source, so a new `use` that breaks a rule fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Modules that must stay pure Rust, testable natively without a browser.
const PURE: &[&str] = &[
    "browser",
    "content",
    "connection",
    "diagnosis",
    "envelope",
    "device",
    "routes",
    "sort",
];
/// What pure modules may not use.
const BROWSER_OR_UI: &[&str] = &[
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "yew",
    "crate::platform",
    "crate::hooks",
    "crate::screens",
    "crate::widgets",
    "crate::app",
    "crate::state",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Top-level module of a file under src/ ("diagnosis" for src/diagnosis/check.rs).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// Every top-level module a file names with `crate::name` (in `use` or in paths).
fn crate_references(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let preceded = text[..at].chars().last();
        if preceded.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // dm_doctor_crate:: or similar
        }
        let rest = &text[at + 7..];
        // `use crate::{platform, state::Action};` names several modules at once.
        let names: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => group[..group.find('}').unwrap_or(group.len())]
                .split(',')
                .map(str::trim)
                .collect(),
            None => vec![rest],
        };
        for name in names {
            let name: String = name
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.chars().next().is_some_and(|c| c.is_lowercase()) {
                found.insert(name);
            }
        }
    }
    found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let module = module_of(&src, &file);
        if module == "lib" || module == "main" {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        let uses: Vec<String> = crate_references(&text)
            .into_iter()
            .filter(|m| *m != module)
            .collect();
        graph.entry(module).or_default().extend(uses);
    }
    graph
}

/// A cycle through `start`, if any, as a path of module names.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_owned(), vec![start.to_owned()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_owned());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn top_level_modules_have_no_cycles() {
    let graph = graph();
    assert!(graph.len() >= 10, "the graph was read: {graph:?}");
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|m| cycle_from(&graph, m))
        .map(|c| c.join(" -> "))
        .collect();
    assert!(
        cycles.is_empty(),
        "import cycles between modules:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn pure_modules_never_touch_the_browser_or_the_ui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    for file in files
        .iter()
        .filter(|f| PURE.contains(&module_of(&src, f).as_str()))
    {
        let text = fs::read_to_string(file).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for banned in BROWSER_OR_UI {
                let hit = line.match_indices(banned).any(|(at, _)| {
                    let before = line[..at].chars().last();
                    let after = line[at + banned.len()..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                if hit {
                    problems.push(format!("{}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "pure modules using the browser or the UI:\n{}",
        problems.join("\n")
    );
}

#[test]
fn widgets_take_props_and_never_read_the_app_context() {
    // Screens read the state; leaf widgets get what they show as props and report back
    // through callbacks (as Yew's todomvc does), so they can be reused and tested alone.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("widgets"), &mut files);
    assert!(files.len() >= 5, "the widgets were read");
    let readers: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = fs::read_to_string(f).unwrap();
            text.contains("use_app") || text.contains("AppContext")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        readers.is_empty(),
        "widgets reading the app context: {readers:?}"
    );
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("app".to_owned(), ["screens".to_owned()].into()),
        ("screens".to_owned(), ["state".to_owned()].into()),
        ("state".to_owned(), ["app".to_owned()].into()),
    ]
    .into();
    assert_eq!(
        cycle_from(&graph, "app").unwrap(),
        ["app", "screens", "state", "app"]
    );
    assert_eq!(
        crate_references("use crate::{hooks, routes::Route};"),
        ["hooks".to_owned(), "routes".to_owned()].into()
    );
    assert_eq!(
        crate_references("use crate::state::{use_app};\nlet x = crate::platform::now();"),
        ["platform".to_owned(), "state".to_owned()].into()
    );
}

//! The static first screen: home as plain HTML, one copy per language, written at build
//! time from the same content and screen words the app shows, so a first visit on a slow
//! network reads and taps something before the wasm has arrived. `tools/post-build.mjs`
//! puts it in `index.html`; the head script (`static/lang.js`) shows the copy in the
//! language it picked, and only at home; the boot script hands over to the app.
//!
//! The markup is the app's own (the frame of `src/screens/layout.rs` and home of
//! `src/screens/home.rs`), so the same stylesheet lays it out the same way and the app
//! takes over without a jump. A component test (`tests/components.rs`) renders the app's
//! home in every language and compares it with this file. The line said in an app's
//! built-in browser is a `<dm-in-app>` with its templates, which the head script fills in
//! (`tests/e2e/first-screen.test.mjs` compares it with the app's). Left out: what only
//! the app can know or do (the online badge's answer: its place is kept, unseen; the
//! language picker, a check to continue, the install card), the skip link (its `#main`
//! would be read as an address), and the footer (below the first screen of a phone, and
//! each language's copy costs bytes of the core).

use crate::model::Content;

/// One language's copy of home: `<dm-first lang dir>` around the header and main.
pub fn markup(code: &str, dir: &str, content: &Content, ui: &[(String, String)]) -> String {
    let word = |key: &str| -> String {
        let text = ui
            .iter()
            .find(|(k, _)| k == key)
            .unwrap_or_else(|| panic!("first screen: no screen text {key}"));
        escape(&text.1)
    };
    let mut html = format!("<dm-first lang=\"{code}\" dir=\"{dir}\">");
    html += "<header class=\"top\"><a href=\"#/\" class=\"brand\"><img src=\"icons/icon.svg\" alt=\"\" width=\"28\" height=\"28\">DM Doctor</a>";
    html += &format!(
        "<span class=\"net\" aria-hidden=\"true\">{}</span>",
        word("net_connected")
    );
    html += &format!(
        "<nav aria-label=\"{}\"><a href=\"#/\" aria-current=\"page\">{}</a><a href=\"#/guide\">{}</a><a href=\"#/about\">{}</a></nav></header>",
        word("nav_label"),
        word("nav_home"),
        word("nav_guide"),
        word("nav_about"),
    );
    html += &format!(
        "<main><h1 tabindex=\"-1\">{}</h1><p class=\"lead\">{}</p>",
        word("home_heading"),
        word("home_lead"),
    );
    // In an app's built-in browser the head script fills this in as the app's home does.
    html += &format!(
        "<dm-in-app class=\"in-app-line\" data-line=\"{}\" data-app=\"{}\" data-other=\"{}\"></dm-in-app><ul class=\"cards symptoms\">",
        word("home_in_app"),
        word("install_app_browser"),
        word("install_unknown_app_browser"),
    );
    for symptom in &content.symptoms {
        html += &format!(
            "<li><a href=\"#/check/start/{}\" class=\"card symptom\"><span class=\"card-title\">{}</span><span class=\"card-summary\">{}</span></a></li>",
            symptom.id,
            escape(&symptom.title),
            escape(&symptom.summary),
        );
    }
    html += &format!(
        "</ul><div class=\"actions\"><a href=\"#/connection\" class=\"button\">{}</a><a href=\"#/guide\" class=\"button\">{}</a></div></main>",
        word("home_test_connection"),
        word("home_browse_guide"),
    );
    html + "</dm-first>"
}

/// Text as HTML text or a quoted attribute value.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

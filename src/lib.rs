//! DM Doctor: helps Android users fix TikTok direct messages, offline.
//!
//! Three layers, kept apart so the logic is tested natively:
//! - [`content`], [`diagnosis`], [`connection`], [`envelope`], [`device`], [`state`],
//!   [`routes`]: knowledge, reasoning and stored data, pure Rust;
//! - [`platform`]: thin wrappers over browser APIs (no Yew);
//! - [`hooks`], [`screens`] and [`widgets`]: Yew hooks and function components.

pub mod app;
pub mod browser;
pub mod connection;
pub mod content;
pub mod device;
pub mod diagnosis;
pub mod envelope;
pub mod hooks;
pub mod language;
pub mod platform;
pub mod routes;
pub mod screens;
pub mod sort;
pub mod state;
pub mod widgets;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_strategies;

/// Version shown on the About screen and in reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Loads the words of the language the head script picked (its download is already
/// under way), then mounts the app into `<body>`; if no language's words can be loaded,
/// the head script says so in every language, with Retry, instead of a blank page.
pub fn start() {
    use platform::language::{self, Start};
    wasm_bindgen_futures::spawn_local(async {
        let (wanted, other_variety) = language::picked();
        match language::start(wanted).await {
            Start::Words {
                shown,
                words,
                failed,
            } => {
                content::show(words);
                language::show(shown, words.ui.app_title);
                let props = app::StartProps {
                    language: shown,
                    other_variety: other_variety && failed.is_none(),
                    failed,
                };
                yew::Renderer::<app::App>::with_props(props).render();
            }
            Start::Nothing => language::show_pack_problem(),
        }
    });
}

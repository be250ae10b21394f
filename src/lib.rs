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

/// Mounts the app into `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}

//! About: privacy, what is stored, not affiliated with TikTok, version, delete my data.

use crate::content::content;
use crate::platform::storage;
use crate::state::{Action, AppContext};
use yew::prelude::*;

/// A plain view function of the one screen component, which keeps `result`: what Delete
/// my data did, said next to the button, where the person is, not in a banner at the top.
pub fn about(app: &AppContext, result: &UseStateHandle<Option<String>>) -> Html {
    let page = content()
        .page("about")
        .expect("validator requires the about page");
    let delete = {
        let (app, result) = (app.clone(), result.clone());
        Callback::from(move |_: MouseEvent| {
            let deleted = storage::delete_all();
            let message = match &deleted {
                Ok(0) => "There was nothing saved to delete.".to_owned(),
                Ok(n) => format!(
                    "Deleted {n} saved item{} from this phone.",
                    if *n == 1 { "" } else { "s" }
                ),
                Err(problem) => problem.message().to_owned(),
            };
            app.dispatch(Action::DataDeleted {
                stored_cleared: deleted.is_ok(),
            });
            result.set(Some(message));
        })
    };
    html! {
        <>
            <h1 tabindex="-1">{ &page.title }</h1>
            { for page.sections.iter().map(|section| html! {
                <section>
                    <h2>{ &section.heading }</h2>
                    { for section.paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
                </section>
            }) }
            <section aria-labelledby="data-heading">
                <h2 id="data-heading">{ "Your data on this phone" }</h2>
                <p>{ "Saved on this phone only: your phone type (if you picked one), your check (the problem, your answers and the steps you tried) and your last few connection tests. Delete it any time:" }</p>
                <button type="button" class="button" onclick={delete}>{ "Delete my data" }</button>
                <p role="status" class="hint">{ (**result).clone().unwrap_or_default() }</p>
            </section>
            <p class="version">{ concat!("Version ", env!("CARGO_PKG_VERSION")) }</p>
        </>
    }
}

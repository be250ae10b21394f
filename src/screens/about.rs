//! About: privacy, what is stored, not affiliated with TikTok, version, delete my data.

use super::counted;
use crate::content::{content, ui};
use crate::hooks::Kept;
use crate::platform::storage;
use crate::state::{Action, AppContext};
use crate::widgets::entry_list::text;
use crate::widgets::markup::{
    button, each_text, filled, fixed, main_heading, owned, section_heading, text_in,
};
use crate::widgets::router::Navigator;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// Delete my data's tap ([`super::Tap::DeleteData`]): what it did goes to `result`.
pub(super) fn delete_data(app: &AppContext, result: &Kept<Option<String>>) {
    let deleted = storage::delete_all();
    let message = match &deleted {
        Ok(0) => ui().about_deleted_nothing.to_owned(),
        Ok(n) => counted(*n, ui().about_deleted_one, ui().about_deleted_other),
        Err(problem) => problem.message().to_owned(),
    };
    app.dispatch(Action::DataDeleted {
        stored_cleared: deleted.is_ok(),
    });
    result.set(Some(message));
}

/// A plain view function of the one screen component, which keeps `result`: what Delete
/// my data did, said next to the button, where the person is, not in a banner at the top.
pub fn about(app: &AppContext, navigator: &Navigator, result: &Kept<Option<String>>) -> Html {
    let page = content()
        .page("about")
        .expect("validator requires the about page");
    let delete = super::on_tap(app, navigator, super::Tap::DeleteData(result.clone()));
    html! {
        <>
            { main_heading(&page.title) }
            { for page.sections.iter().map(|section| html! {
                { fixed("section", &[], html! { <>
                    { text_in("h2", "", &section.heading) }
                    { each_text("p", "", &section.paragraphs) }
                </> }) }
            }) }
            { fixed("section", &[("aria-labelledby", Static("data-heading"))], html! { <>
                { section_heading("data-heading", ui().about_data_heading) }
                { text_in("p", "", ui().about_data_text) }
                { button("button", delete, text(ui().about_delete)) }
                { fixed("p", &[("role", Static("status")), ("class", Static("hint"))], owned(result.get().clone().unwrap_or_default())) }
            </> }) }
            { filled("p", "version", ui().about_version, &[("version", env!("CARGO_PKG_VERSION"))]) }
        </>
    }
}

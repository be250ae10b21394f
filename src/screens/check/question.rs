//! One question per screen: big answers, "Not sure" always there, "Why we ask", Back.

use super::{Nav, Tap};
use crate::content::{content, fill, ui, NOT_SURE};
use crate::diagnosis::check::Check;
use crate::state::Action;
use crate::widgets::entry_list::text;
use crate::widgets::markup::{attribute, button, class, fixed, item, main_heading, tag, text_in};
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

/// A plain view function of [`super::check_screen`] (its hooks:
/// [`super::use_check_screen`]): no per-component cost in the wasm.
pub fn question_view(check: &Check, nav: &Nav) -> Html {
    let question = check.next_question(content());
    let ui = ui();

    let Some(question) = question else {
        // Nothing left to ask (e.g. the content changed in an update): go to results.
        let onclick = nav.tap(Tap::Act(|now| Action::StartPlan { now }));
        return html! {
            <>
                { main_heading(ui.check_questions_done) }
                { button("button primary", onclick, text(ui.check_show_fixes)) }
                { nav.view() }
            </>
        };
    };

    let number = check.answers.len() + 1;
    let total = number + check.questions_left(content()).saturating_sub(1);
    let earlier = check
        .undone
        .as_ref()
        .filter(|g| g.question == question.id)
        .map(|g| g.answer.clone());
    // The content lives for the whole run: its texts go to the page without copies.
    let choices = question
        .answers
        .iter()
        .map(|a| (a.id.as_str(), a.label.as_str()))
        .chain([(NOT_SURE, ui.check_answer_not_sure)]);
    let buttons = choices.map(|(id, label)| {
        let chosen = earlier.as_deref() == Some(id);
        let onclick = nav.tap(Tap::Answer {
            question: question.id.clone(),
            answer: id.to_owned(),
        });
        item(
            id.into(),
            &[],
            tag(
                    "button",
                    &["type", "data-answer", "class"],
                    vec![
                        attribute("button"),
                        attribute(id),
                        class(if chosen { "answer chosen" } else { "answer" }),
                    ],
                    Some(onclick),
                    html! { <>
                        { label }
                        { if chosen { text_in("span", "earlier", ui.check_earlier_answer) } else { Html::default() } }
                    </> },
                ),
        )
    });
    // On the first question, Back leaves the check (it stays saved) for the home screen.
    let on_back = if check.answers.is_empty() {
        nav.tap(Tap::Home)
    } else {
        nav.back.clone()
    };

    let counter = fill(
        ui.check_question_counter,
        &[
            ("number", &number.to_string()),
            ("total", &total.to_string()),
        ],
    );
    html! {
        <div class="question" data-question={question.id.as_str()}>
            { super::progress(counter, number, total) }
            // Home shows each problem in one line; the first question says it in full,
            // so the person can tell they picked the right one.
            { if let Some(symptom) = content().symptom(&check.symptom).filter(|_| number == 1) { html! {
                { fixed("p", &[("class", Static("symptom-detail"))], html! { <>{ text_in("strong", "", &symptom.title) }{ text(": ") }{ text(&symptom.detail) }</> }) }
            } } else { Html::default() } }
            { main_heading(&question.text) }
            { fixed("details", &[("class", Static("why"))], html! { <>
                { text_in("summary", "", ui.check_why_we_ask) }
                { text_in("p", "", &question.why) }
            </> }) }
            <ul class="answers" aria-label={ui.check_answers_label}>{ for buttons }</ul>
            { nav.view_with(on_back) }
        </div>
    }
}

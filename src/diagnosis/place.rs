//! Where a check is, as a screen with its own address, and how the check moves when the
//! address asks for another screen (the browser's Back and Forward, an old link). The
//! saved check is the truth; an address is only a request, followed as far as Back and
//! Forward can honestly go and otherwise left for the check's own place.

use super::check::{Check, Millis, Stage};
use crate::content::Content;

/// One screen of the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Asking this question (a content id).
    Question(String),
    Results,
    /// A step of the plan (0-based index into `Check::plan`).
    Step(usize),
    /// The end of a part of the plan, before step `next` (0-based): the report, or more
    /// things to try.
    Checkpoint(usize),
    /// How the check ended: fixed, or every step tried.
    Done,
}

/// The screen the check is at. Every stage is named (no catch-all), so a new stage
/// can't compile until it has a place.
pub fn place_of(check: &Check, content: &Content) -> Place {
    match &check.stage {
        // Nothing left to ask (the content changed): the screen offers the fixes.
        Stage::Questions => check
            .next_question(content)
            .map_or(Place::Results, |q| Place::Question(q.id.clone())),
        Stage::Results => Place::Results,
        Stage::Plan { step } => Place::Step(*step),
        Stage::Checkpoint { next } => Place::Checkpoint(*next),
        Stage::Fixed { .. } | Stage::Report | Stage::Explained { .. } => Place::Done,
    }
}

/// The order of the plan's screens: a checkpoint comes right before its next step.
fn plan_order(place: &Place) -> Option<usize> {
    match place {
        Place::Checkpoint(next) => Some(2 * next),
        Place::Step(step) => Some(2 * step + 1),
        _ => None,
    }
}

/// True when `target` is a screen the check has passed: an answered question, the
/// results once the plan started, a step or checkpoint already behind.
fn passed(check: &Check, here: &Place, target: &Place) -> bool {
    let (target_order, here_order) = (plan_order(target), plan_order(here));
    match (target, here) {
        (Place::Question(id), _) => check.answers.iter().any(|given| &given.question == id),
        (Place::Results, Place::Step(_) | Place::Checkpoint(_) | Place::Done) => true,
        (Place::Step(step) | Place::Checkpoint(step), Place::Done) => *step < check.outcomes.len(),
        _ => target_order.zip(here_order).is_some_and(|(t, h)| t < h),
    }
}

/// One screen on, without deciding anything for the person: the answer taken back with
/// Back (if that question is asked again), or the plan from the results.
fn forward(check: &mut Check, content: &Content, now: Millis) {
    match place_of(check, content) {
        Place::Question(_) => check.redo(content, now),
        Place::Results => check.start_plan(content, now),
        Place::Checkpoint(_) => check.more(now),
        Place::Step(_) | Place::Done => {}
    }
}

/// The check moved toward `target` one screen at a time: back through the screens it
/// passed (undoing later answers and steps, as Back does), or forward when the
/// next screen is `target`. All or nothing: when the walk doesn't land on `target` (a
/// replaced check's screen, a question never asked or no longer asked, a checkpoint or
/// step the plan skipped), the check stays as it is, so an odd address never undoes
/// the person's answers.
pub fn toward(check: &Check, content: &Content, target: &Place, now: Millis) -> Check {
    let back = passed(check, &place_of(check, content), target);
    let mut moved = check.clone();
    // Each move changes the place or ends the walk; the bound only guards against a
    // place that comes round again.
    for _ in 0..=check.answers.len() + check.plan.len() + 2 {
        let here = place_of(&moved, content);
        if here == *target {
            return moved;
        }
        let mut next = moved.clone();
        if back {
            next.back(content, now);
        } else {
            forward(&mut next, content, now);
        }
        if place_of(&next, content) == here {
            break;
        }
        moved = next;
    }
    check.clone()
}

/// The screen one Back leads to, if any (the first question has none in the check).
pub fn previous(check: &Check, content: &Content) -> Option<Place> {
    let mut moved = check.clone();
    moved.back(content, 0);
    let place = place_of(&moved, content);
    (place != place_of(check, content)).then_some(place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{content, NOT_SURE};
    use crate::diagnosis::check::{StepResult, PART};

    /// A check for `symptom` with the first `count` questions answered with their first
    /// answer; and the ids of those questions plus the one asked next.
    fn answered(symptom: &str, count: usize) -> (Check, Vec<String>) {
        let mut check = Check::start(content(), symptom, 1);
        let mut asked = Vec::new();
        for i in 0..=count {
            let Some(question) = check.next_question(content()) else {
                break;
            };
            asked.push(question.id.clone());
            if i < count {
                let (id, answer) = (question.id.clone(), question.answers[0].id.clone());
                check.answer(content(), &id, &answer, 2 + i as Millis);
            }
        }
        assert_eq!(
            check.answers.len(),
            count,
            "premise: {count} questions asked"
        );
        (check, asked)
    }

    fn question(id: &str) -> Place {
        Place::Question(id.into())
    }

    /// The check answered "Not sure" throughout, on its results.
    fn at_results(symptom: &str) -> Check {
        let mut check = Check::start(content(), symptom, 1);
        while let Some(q) = check.next_question(content()) {
            let id = q.id.clone();
            check.answer(content(), &id, NOT_SURE, 2);
        }
        assert_eq!(check.stage, Stage::Results);
        check
    }

    #[test]
    fn the_place_follows_the_stage() {
        let (check, asked) = answered("send-fails-everyone", 2);
        assert_eq!(place_of(&check, content()), question(&asked[2]));
        let mut check = at_results("send-fails-everyone");
        assert_eq!(place_of(&check, content()), Place::Results);
        check.start_plan(content(), 3);
        assert_eq!(place_of(&check, content()), Place::Step(0));
        check.record(content(), StepResult::Skipped, 4);
        assert_eq!(place_of(&check, content()), Place::Step(1));
        check.record(content(), StepResult::Fixed, 5);
        assert_eq!(place_of(&check, content()), Place::Done);
    }

    #[test]
    fn back_to_an_earlier_question_undoes_the_later_answers_and_marks_the_earlier_one() {
        let (check, asked) = answered("send-fails-everyone", 3);
        let moved = toward(&check, content(), &question(&asked[1]), 9);
        assert_eq!(place_of(&moved, content()), question(&asked[1]));
        assert_eq!(moved.answers, check.answers[..1], "later answers undone");
        assert_eq!(moved.undone.as_ref(), Some(&check.answers[1]), "marked");
        assert_eq!(moved.updated_at, 9);
    }

    #[test]
    fn forward_reapplies_the_answer_taken_back() {
        let (check, asked) = answered("send-fails-everyone", 3);
        let back = toward(&check, content(), &question(&asked[2]), 9);
        assert_eq!(back.answers.len(), 2);
        let again = toward(&back, content(), &question(&asked[3]), 10);
        let pairs = |c: &Check| -> Vec<(String, String)> {
            c.answers
                .iter()
                .map(|g| (g.question.clone(), g.answer.clone()))
                .collect()
        };
        assert_eq!(pairs(&again), pairs(&check), "the same answer again");
        assert_eq!(again.undone, None);
        assert_eq!(place_of(&again, content()), question(&asked[3]));
    }

    #[test]
    fn forward_changes_nothing_when_the_question_would_not_be_asked_again() {
        let (check, asked) = answered("send-fails-everyone", 3);
        // Back, then the person answered differently: nothing is left to re-apply.
        let mut back = toward(&check, content(), &question(&asked[2]), 9);
        let q = content().question(&asked[2]).unwrap();
        let other = q.answers.last().unwrap().id.clone();
        back.answer(content(), &asked[2], &other, 10);
        let stays = toward(&back, content(), &question(&asked[3]), 11);
        assert_eq!(stays, back, "no answer to re-apply: the check stays");
        // The answer taken back belongs to another question than the one asked now.
        let mut elsewhere = toward(&check, content(), &question(&asked[2]), 9);
        elsewhere.undone.as_mut().unwrap().question = asked[0].clone();
        let stays = toward(&elsewhere, content(), &question(&asked[3]), 11);
        assert_eq!(stays, elsewhere);
    }

    #[test]
    fn unreachable_places_change_nothing() {
        let (check, asked) = answered("send-fails-everyone", 2);
        for target in [
            question("never-asked"),
            question(&asked[2]), // asked now: already there
            Place::Results,
            Place::Step(0),
            Place::Done,
        ] {
            assert_eq!(toward(&check, content(), &target, 9), check, "{target:?}");
        }
        // A plan's later step can't be reached by address: its result is the person's.
        let mut plan = at_results("inbox-wont-load");
        plan.start_plan(content(), 3);
        assert_eq!(toward(&plan, content(), &Place::Step(1), 4), plan);
        assert_eq!(toward(&plan, content(), &Place::Done, 4), plan);
        // Checkpoints the plan never showed (one sits only before steps 5, 10, ...): an
        // old or typed address must not walk the check back to its first question.
        plan.record(content(), StepResult::NotFixed, 5);
        plan.record(content(), StepResult::NotFixed, 6);
        assert_eq!(place_of(&plan, content()), Place::Step(2));
        for never in [0, 1, 2] {
            let target = Place::Checkpoint(never);
            assert_eq!(toward(&plan, content(), &target, 7), plan, "{target:?}");
        }
    }

    #[test]
    fn back_walks_through_steps_to_the_results_and_forward_starts_the_plan_again() {
        let mut check = at_results("inbox-wont-load");
        check.start_plan(content(), 3);
        check.record(content(), StepResult::NotFixed, 4);
        check.record(content(), StepResult::Skipped, 5);
        check.record(content(), StepResult::Fixed, 6);
        assert_eq!(place_of(&check, content()), Place::Done);
        let step = toward(&check, content(), &Place::Step(1), 7);
        assert_eq!(step.stage, Stage::Plan { step: 1 });
        assert_eq!(step.outcomes, check.outcomes[..1]);
        let results = toward(&step, content(), &Place::Results, 8);
        assert_eq!(results.stage, Stage::Results);
        assert!(results.outcomes.is_empty());
        let first = toward(&results, content(), &Place::Step(0), 9);
        assert_eq!(first.stage, Stage::Plan { step: 0 });
        assert_eq!(first.plan, check.plan);
        // From the results the last question is one Back away.
        let last = check.answers.last().unwrap();
        let asked = toward(&results, content(), &question(&last.question), 10);
        assert_eq!(asked.undone.as_ref(), Some(last));
    }

    /// On the results of a check whose plan is `steps` plain fixes (no check, wait or
    /// explain steps), so parts and checkpoints don't depend on today's plans.
    fn plain_plan(steps: usize) -> Check {
        use crate::content::StepKind;
        let mut check = at_results("inbox-wont-load");
        check.start_plan(content(), 3);
        check.plan = content()
            .fixes
            .iter()
            .filter(|f| f.kind == StepKind::Fix)
            .take(steps)
            .map(|f| f.id.clone())
            .collect();
        assert_eq!(check.plan.len(), steps, "premise: enough plain fixes");
        check
    }

    #[test]
    fn a_checkpoint_sits_between_the_parts_for_back_and_forward() {
        let mut check = plain_plan(8);
        for now in 4..4 + PART as Millis {
            check.record(content(), StepResult::NotFixed, now);
        }
        assert_eq!(place_of(&check, content()), Place::Checkpoint(PART));
        check.more(20);
        check.record(content(), StepResult::NotFixed, 21);
        assert_eq!(place_of(&check, content()), Place::Step(PART + 1));
        // Back: the first step of the part, then its checkpoint, then the last step before.
        assert_eq!(previous(&check, content()), Some(Place::Step(PART)));
        let checkpoint = toward(&check, content(), &Place::Checkpoint(PART), 22);
        assert_eq!(checkpoint.stage, Stage::Checkpoint { next: PART });
        assert_eq!(
            checkpoint.outcomes.len(),
            PART,
            "the later step's result undone"
        );
        assert_eq!(
            previous(&checkpoint, content()),
            Some(Place::Step(PART - 1))
        );
        // Forward from the checkpoint goes on with the next part, as "More things to try".
        let on = toward(&checkpoint, content(), &Place::Step(PART), 23);
        assert_eq!(on.stage, Stage::Plan { step: PART });
        // A checkpoint not yet reached can't be asked for.
        let early = plain_plan(8);
        assert_eq!(
            toward(&early, content(), &Place::Checkpoint(PART), 24),
            early
        );
    }

    #[test]
    fn previous_is_one_back() {
        let (check, asked) = answered("send-fails-everyone", 2);
        assert_eq!(previous(&check, content()), Some(question(&asked[1])));
        let (first, _) = answered("send-fails-everyone", 0);
        assert_eq!(previous(&first, content()), None);
        let mut plan = at_results("inbox-wont-load");
        assert_eq!(
            previous(&plan, content()),
            Some(question(&plan.answers.last().unwrap().question))
        );
        plan.start_plan(content(), 3);
        assert_eq!(previous(&plan, content()), Some(Place::Results));
    }
}

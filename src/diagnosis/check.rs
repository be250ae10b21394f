//! One guided check as the user walks through it: symptom, answers, the fix plan and
//! how each step went. Every change is a pure method taking the current time, so the
//! whole walk is tested natively and saved after each change.

use super::engine::{self, Given};
use crate::connection::verdict::VerdictKind;
use crate::content::{Content, NOT_SURE};
use serde::{Deserialize, Serialize};

/// Milliseconds since 1970 (whole numbers keep float code out of the app).
pub type Millis = u64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub symptom: String,
    pub answers: Vec<Given>,
    pub stage: Stage,
    /// Fix ids, fixed when the plan starts so later steps don't move under the user.
    pub plan: Vec<String>,
    pub outcomes: Vec<Outcome>,
    /// The answer taken back with Back, so the question can show what was chosen.
    pub undone: Option<Given>,
    pub started_at: Millis,
    pub updated_at: Millis,
    /// The latest connection test verdict, used as evidence. Added in schema 2; it must
    /// stay the last field (the schema 1 → 2 migration appends it).
    /// No `#[serde(default)]` on any field: postcard ignores it, migrations do that job.
    pub connection: Option<VerdictKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Asking questions.
    Questions,
    /// Showing the likely causes before the plan.
    Results,
    /// Walking through the plan; `step` indexes `plan`.
    Plan { step: usize },
    /// The user said a step fixed it.
    Fixed { fix: String },
    /// Every step was tried: the report is what is left.
    Report,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub fix: String,
    pub result: StepResult,
    pub at: Millis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepResult {
    Fixed,
    NotFixed,
    Skipped,
}

impl StepResult {
    pub fn label(self) -> &'static str {
        match self {
            Self::Fixed => "fixed it",
            Self::NotFixed => "did not fix it",
            Self::Skipped => "skipped",
        }
    }
}

impl Check {
    pub fn start(content: &Content, symptom: &str, now: Millis) -> Self {
        let nothing_to_ask = engine::next_question_with(content, symptom, &[], None).is_none();
        Self {
            symptom: symptom.into(),
            answers: Vec::new(),
            stage: if nothing_to_ask {
                Stage::Results
            } else {
                Stage::Questions
            },
            plan: Vec::new(),
            outcomes: Vec::new(),
            undone: None,
            connection: None,
            started_at: now,
            updated_at: now,
        }
    }

    /// True until the user has fixed it or reached the end.
    pub fn in_progress(&self) -> bool {
        !matches!(self.stage, Stage::Fixed { .. } | Stage::Report)
    }

    /// Records an answer; moves to the results when there is nothing more to ask.
    pub fn answer(&mut self, content: &Content, question: &str, answer: &str, now: Millis) {
        if self.stage != Stage::Questions {
            return;
        }
        self.answers.retain(|g| g.question != question);
        self.answers.push(Given {
            question: question.into(),
            answer: answer.into(),
            at: now,
        });
        self.undone = None;
        self.updated_at = now;
        if self.next_question(content).is_none() {
            self.stage = Stage::Results;
        }
    }

    fn connection_id(&self) -> Option<&'static str> {
        self.connection.map(VerdictKind::id)
    }

    /// The question to ask now, counting the connection test too.
    pub fn next_question<'a>(&self, content: &'a Content) -> Option<&'a crate::content::Question> {
        engine::next_question_with(content, &self.symptom, &self.answers, self.connection_id())
    }

    /// The causes, most likely first, from the answers and the connection test.
    pub fn ranking<'a>(&self, content: &'a Content) -> Vec<engine::Ranked<'a>> {
        engine::rank_with(content, &self.symptom, &self.answers, self.connection_id())
    }

    /// About how many questions are left, for the progress bar.
    pub fn questions_left(&self, content: &Content) -> usize {
        engine::estimate_remaining(content, &self.symptom, &self.answers, self.connection_id())
    }

    /// Takes a connection test result into account. While questions are being asked it
    /// may make the rest unnecessary; a plan already under way is left as it is.
    pub fn set_connection(&mut self, content: &Content, verdict: VerdictKind, now: Millis) {
        self.connection = Some(verdict);
        self.updated_at = now;
        if self.stage == Stage::Questions && self.next_question(content).is_none() {
            self.stage = Stage::Results;
        }
    }

    /// Goes one screen back: to the previous question (taking its answer back so it can
    /// be changed), from the plan's first step to the results, or to the previous step.
    pub fn back(&mut self, content: &Content, now: Millis) {
        match self.stage {
            Stage::Questions | Stage::Results => {
                let Some(last) = self.answers.pop() else {
                    self.stage = Stage::Questions;
                    self.updated_at = now;
                    return;
                };
                // Only go back if that question would really be asked again (the
                // connection test may have made it unnecessary); never drop an answer.
                if self
                    .next_question(content)
                    .is_some_and(|q| q.id == last.question)
                {
                    self.undone = Some(last);
                    self.stage = Stage::Questions;
                } else {
                    self.answers.push(last);
                }
            }
            Stage::Plan { step: 0 } => self.stage = Stage::Results,
            Stage::Plan { step } => {
                self.outcomes.pop();
                self.stage = Stage::Plan { step: step - 1 };
            }
            Stage::Fixed { .. } | Stage::Report => {
                self.outcomes.pop();
                self.stage = Stage::Plan {
                    step: self.plan.len().saturating_sub(1).min(self.outcomes.len()),
                };
            }
        }
        self.updated_at = now;
    }

    /// Forward after Back: gives the answer taken back again, but only while that same
    /// question is the one being asked (otherwise the person has moved on).
    pub fn redo(&mut self, content: &Content, now: Millis) {
        let Some(given) = self.undone.clone() else {
            return;
        };
        if self.stage == Stage::Questions
            && self
                .next_question(content)
                .is_some_and(|q| q.id == given.question)
        {
            self.answer(content, &given.question, &given.answer, now);
        }
    }

    /// Fixes the plan from the current answers and shows its first step.
    pub fn start_plan(&mut self, content: &Content, now: Millis) {
        let ranking = self.ranking(content);
        self.plan = engine::plan(content, &self.symptom, &self.answers, &ranking)
            .into_iter()
            .map(|f| f.id.clone())
            .collect();
        self.outcomes.clear();
        self.stage = Stage::Plan { step: 0 };
        self.updated_at = now;
    }

    /// The fix the user is on, if walking the plan.
    pub fn current_fix(&self) -> Option<&str> {
        match self.stage {
            Stage::Plan { step } => self.plan.get(step).map(String::as_str),
            _ => None,
        }
    }

    /// Records how the current step went and moves on: "fixed" ends the check, the
    /// last step leads to the report.
    pub fn record(&mut self, result: StepResult, now: Millis) {
        let Stage::Plan { step } = self.stage else {
            return;
        };
        let Some(fix) = self.plan.get(step).cloned() else {
            return;
        };
        self.outcomes.push(Outcome {
            fix: fix.clone(),
            result,
            at: now,
        });
        self.stage = if result == StepResult::Fixed {
            Stage::Fixed { fix }
        } else if step + 1 < self.plan.len() {
            Stage::Plan { step: step + 1 }
        } else {
            Stage::Report
        };
        self.updated_at = now;
    }

    /// True when everything the check refers to still exists in the content (an app
    /// update may have removed a question or fix) and the stage is in range.
    pub fn fits(&self, content: &Content) -> bool {
        content.symptom(&self.symptom).is_some()
            && self
                .answers
                .iter()
                .chain(&self.undone)
                .all(|given| answer_known(content, given))
            && self.plan.iter().all(|id| content.fix(id).is_some())
            && match &self.stage {
                Stage::Plan { step } => *step < self.plan.len(),
                Stage::Fixed { fix } => content.fix(fix).is_some(),
                _ => true,
            }
    }

    /// After an app update that removed fixes from the content, drops them from the plan
    /// and the outcomes and puts the user on the first step not yet answered, so the
    /// check goes on instead of starting over. Returns false if it can't be saved (the
    /// symptom itself is gone).
    pub fn repair(&mut self, content: &Content) -> bool {
        if content.symptom(&self.symptom).is_none() {
            return false;
        }
        // Answers to questions (or with answers) that are gone would weigh nothing true.
        self.answers.retain(|given| answer_known(content, given));
        if self
            .undone
            .as_ref()
            .is_some_and(|given| !answer_known(content, given))
        {
            self.undone = None;
        }
        let known = |id: &String| content.fix(id).is_some();
        self.plan.retain(known);
        self.outcomes.retain(|o| known(&o.fix));
        // Reporting is the last step, except in a plan that ends with a built-in rule's
        // own last fix (what to do instead; support can't change the rule).
        let ends_built_in = self.plan.last().is_some_and(|last| {
            !self.plan.iter().any(|id| id == engine::REPORT_FIX)
                && content
                    .causes
                    .iter()
                    .any(|c| c.support_cant_change.is_some() && c.fixes.last() == Some(last))
        });
        if !ends_built_in
            && self.plan.last().map(String::as_str) != Some(engine::REPORT_FIX)
            && content.fix(engine::REPORT_FIX).is_some()
        {
            self.plan.retain(|id| id != engine::REPORT_FIX);
            self.plan.push(engine::REPORT_FIX.into());
        }
        let next_open = self
            .plan
            .iter()
            .position(|id| !self.outcomes.iter().any(|o| &o.fix == id));
        self.stage = match (&self.stage, next_open) {
            (Stage::Fixed { fix }, _) if content.fix(fix).is_some() => self.stage.clone(),
            (Stage::Plan { .. } | Stage::Fixed { .. }, Some(step)) => Stage::Plan { step },
            (Stage::Plan { .. } | Stage::Fixed { .. }, None) => Stage::Report,
            (other, _) => other.clone(),
        };
        self.fits(content)
    }
}

/// True when the content still has this answer's question and answer ("Not sure" is
/// every question's).
fn answer_known(content: &Content, given: &Given) -> bool {
    content.question(&given.question).is_some_and(|question| {
        given.answer == NOT_SURE
            || question
                .answers
                .iter()
                .any(|answer| answer.id == given.answer)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{content, NOT_SURE};

    /// Answers "Not sure" until the check stops asking.
    fn answered_check(symptom: &str) -> Check {
        let mut check = Check::start(content(), symptom, 1);
        let mut now: Millis = 2;
        while let Some(q) = engine::next_question(content(), symptom, &check.answers) {
            check.answer(content(), &q.id, NOT_SURE, now);
            now += 1;
        }
        check
    }

    #[test]
    fn answering_until_nothing_is_left_shows_results() {
        let check = answered_check("send-fails-everyone");
        assert_eq!(check.stage, Stage::Results);
        assert!(!check.answers.is_empty());
        assert!(check.updated_at > check.started_at);
    }

    #[test]
    fn back_takes_the_last_answer_back_so_it_can_be_changed() {
        let mut check = answered_check("send-fails-everyone");
        let last = check.answers.last().cloned().unwrap();
        check.back(content(), 50);
        assert_eq!(check.stage, Stage::Questions);
        assert_eq!(check.undone.as_ref(), Some(&last));
        let asked = engine::next_question(content(), &check.symptom, &check.answers).unwrap();
        assert_eq!(asked.id, last.question, "the same question is asked again");
        check.answer(content(), &asked.id, &asked.answers[0].id, 51);
        assert_eq!(check.undone, None);
        assert_eq!(check.answers.last().unwrap().answer, asked.answers[0].id);
    }

    #[test]
    fn redo_gives_the_answer_back_only_while_its_question_is_asked() {
        let mut check = answered_check("send-fails-everyone");
        let answers = check.answers.clone();
        check.back(content(), 50);
        let mut elsewhere = check.clone();
        check.redo(content(), 51);
        assert_eq!(
            check.answers.len(),
            answers.len(),
            "the same question: given back"
        );
        assert_eq!(
            check.answers.last().unwrap().answer,
            answers.last().unwrap().answer
        );
        assert_eq!(
            (check.undone.as_ref(), &check.stage),
            (None, &Stage::Results)
        );
        // Another question is being asked than the one the answer belongs to.
        elsewhere.undone.as_mut().unwrap().question = answers[0].question.clone();
        let before = elsewhere.clone();
        elsewhere.redo(content(), 52);
        assert_eq!(elsewhere, before, "another question: nothing changes");
    }

    #[test]
    fn walking_the_plan_ends_in_the_report_when_nothing_helps() {
        let mut check = answered_check("inbox-wont-load");
        check.start_plan(content(), 10);
        assert!(check.plan.len() >= 2);
        assert_eq!(
            check.plan.last().map(String::as_str),
            Some(engine::REPORT_FIX)
        );
        for i in 0..check.plan.len() {
            assert_eq!(check.current_fix(), Some(check.plan[i].as_str()));
            check.record(
                if i % 2 == 0 {
                    StepResult::NotFixed
                } else {
                    StepResult::Skipped
                },
                11 + i as u64,
            );
        }
        assert_eq!(check.stage, Stage::Report);
        assert_eq!(check.outcomes.len(), check.plan.len());
        assert!(!check.in_progress());
    }

    #[test]
    fn yes_ends_the_check_on_that_fix() {
        let mut check = answered_check("messages-late");
        check.start_plan(content(), 10);
        check.record(StepResult::NotFixed, 11);
        let second = check.plan[1].clone();
        check.record(StepResult::Fixed, 12);
        assert_eq!(check.stage, Stage::Fixed { fix: second });
        // Back from the success screen returns to that step.
        check.back(content(), 13);
        assert_eq!(check.stage, Stage::Plan { step: 1 });
        assert_eq!(check.outcomes.len(), 1);
    }

    #[test]
    fn back_through_the_plan_reaches_the_results() {
        let mut check = answered_check("send-fails-one-person");
        check.start_plan(content(), 10);
        check.record(StepResult::Skipped, 11);
        check.back(content(), 12);
        assert_eq!(check.stage, Stage::Plan { step: 0 });
        assert!(check.outcomes.is_empty());
        check.back(content(), 13);
        assert_eq!(check.stage, Stage::Results);
    }

    #[test]
    fn answers_are_ignored_outside_the_questions() {
        let mut check = answered_check("send-fails-everyone");
        let count = check.answers.len();
        check.answer(content(), "who-knows", "x", 5);
        assert_eq!(check.answers.len(), count);
    }

    #[test]
    fn a_connection_result_counts_and_can_end_the_questions() {
        // On its own, a verdict is not enough to stop asking.
        let mut fresh = Check::start(content(), "send-fails-everyone", 1);
        fresh.set_connection(content(), VerdictKind::TiktokUnreachable, 2);
        assert_eq!(fresh.connection, Some(VerdictKind::TiktokUnreachable));
        assert_eq!(fresh.updated_at, 2);
        assert_eq!(
            fresh.stage,
            Stage::Questions,
            "one verdict does not end the questions"
        );
        let after = fresh.ranking(content());
        assert!(
            after[0].reasons.iter().any(|r| r.contains("TikTok")),
            "{:?}",
            after[0].reasons
        );

        // Messages fail on mobile data, videos load slowly, and the test finds the phone
        // offline: enough (unstable network, and its key signs were asked).
        let mut check = Check::start(content(), "send-fails-everyone", 1);
        check.answer(content(), "network-switch", "data-bad", 2);
        check.answer(content(), "rest-of-tiktok", "slow", 2);
        assert_eq!(
            check.stage,
            Stage::Questions,
            "premise: these answers alone leave questions to ask"
        );
        check.set_connection(content(), VerdictKind::Offline, 3);
        assert_eq!(
            check.stage,
            Stage::Results,
            "the verdict ends the questions"
        );
        assert_eq!(check.next_question(content()), None);

        // A plan under way is left where it is.
        check.start_plan(content(), 4);
        check.set_connection(content(), VerdictKind::Fine, 5);
        assert_eq!(check.stage, Stage::Plan { step: 0 });
        assert_eq!(check.connection, Some(VerdictKind::Fine));
    }

    /// The check answered "Not sure" throughout, with a verdict that arrived afterwards,
    /// on the results; and the question Back would have to offer again.
    fn answered_then_tested(symptom: &str, verdict: VerdictKind) -> (Check, Given, Option<String>) {
        let mut check = answered_check(symptom);
        assert_eq!(check.stage, Stage::Results);
        check.connection = Some(verdict);
        let last = check.answers.last().cloned().unwrap();
        let before = &check.answers[..check.answers.len() - 1];
        let asked = engine::next_question_with(content(), symptom, before, Some(verdict.id()))
            .map(|q| q.id.clone());
        (check, last, asked)
    }

    /// The first symptom and verdict (in content order) for which the verdict does, or
    /// does not, still leave the last question to ask: found, not hard-coded, so the
    /// tests keep their premise when the content changes.
    fn case_where_the_last_question_is_still_asked(
        still_asked: bool,
    ) -> (Check, Given, Option<String>) {
        content()
            .symptoms
            .iter()
            .flat_map(|s| VerdictKind::ALL.iter().map(move |v| (s.id.as_str(), *v)))
            .map(|(symptom, verdict)| answered_then_tested(symptom, verdict))
            .find(|(_, last, asked)| (asked.as_ref() == Some(&last.question)) == still_asked)
            .expect("the content has such a case")
    }

    #[test]
    fn back_offers_the_last_question_again_when_it_would_still_be_asked() {
        let (mut check, last, asked) = case_where_the_last_question_is_still_asked(true);
        assert_eq!(
            asked.as_ref(),
            Some(&last.question),
            "premise: the verdict does not settle the last question"
        );
        let answers = check.answers.len();
        check.back(content(), 60);
        assert_eq!(check.stage, Stage::Questions);
        assert_eq!(check.undone.as_ref(), Some(&last));
        assert_eq!(check.answers.len(), answers - 1);
        assert_eq!(
            check.next_question(content()).map(|q| &q.id),
            Some(&last.question)
        );
        assert_eq!(check.updated_at, 60);
    }

    #[test]
    fn back_never_drops_an_answer_the_check_would_not_ask_again() {
        let (mut check, last, asked) = case_where_the_last_question_is_still_asked(false);
        assert_ne!(
            asked.as_ref(),
            Some(&last.question),
            "premise: the verdict makes the last question unnecessary"
        );
        let answers = check.answers.clone();
        check.back(content(), 60);
        assert_eq!(check.answers, answers, "the answer is kept");
        assert_eq!(check.undone, None);
        assert_eq!(check.stage, Stage::Results);
    }

    #[test]
    fn repair_drops_answers_whose_question_or_answer_was_removed_by_an_update() {
        let mut check = answered_check("inbox-wont-load");
        let kept = check.answers.clone();
        assert!(check.fits(content()), "premise: today's answers fit");
        check
            .answers
            .insert(0, Given::new("removed-question", "yes"));
        let real = kept[0].question.clone();
        check.answers.push(Given::new(&real, "removed-answer"));
        check.undone = Some(Given::new(&real, "removed-answer"));
        assert!(
            !check.fits(content()),
            "answers the content no longer has don't fit"
        );
        assert!(check.repair(content()));
        assert_eq!(check.answers, kept, "only the unknown answers are dropped");
        assert_eq!(check.undone, None);
        assert!(check.fits(content()));
    }

    #[test]
    fn repair_keeps_a_check_whose_fixes_were_removed_by_an_update() {
        let mut check = answered_check("inbox-wont-load");
        check.start_plan(content(), 10);
        check.record(StepResult::NotFixed, 11);
        check.record(StepResult::Skipped, 12);
        let saved_plan = check.plan.clone();
        assert!(
            saved_plan.len() >= 4,
            "premise: a plan with steps after the current one: {saved_plan:?}"
        );
        // Saved by an older version: its second fix (already skipped) is gone from the content.
        check.plan[1] = "removed-fix".into();
        check.outcomes[1].fix = "removed-fix".into();
        let first_outcome = check.outcomes[0].clone();
        assert!(!check.fits(content()));
        assert!(check.repair(content()));
        let mut expected = saved_plan.clone();
        expected.remove(1);
        assert_eq!(
            check.plan, expected,
            "only the removed fix goes; the other steps keep their order"
        );
        assert_eq!(
            check.outcomes,
            vec![first_outcome],
            "only the removed fix's outcome goes"
        );
        // The user is on the first step without an answer: the old third step.
        assert_eq!(check.stage, Stage::Plan { step: 1 });
        assert_eq!(check.current_fix(), Some(saved_plan[2].as_str()));
        assert!(check.fits(content()));
        let mut gone = check.clone();
        gone.symptom = "removed-symptom".into();
        assert!(!gone.repair(content()));
    }

    #[test]
    fn repair_keeps_a_built_in_rules_plan_without_the_report() {
        let mut check = Check::start(content(), "messaging-missing", 1);
        check.answer(content(), "age", "under-16", 2);
        while let Some(q) = check.next_question(content()) {
            let id = q.id.clone();
            check.answer(content(), &id, NOT_SURE, 3);
        }
        check.start_plan(content(), 4);
        assert_eq!(
            check.plan.last().map(String::as_str),
            Some("messages-at-16")
        );
        assert!(!check.plan.iter().any(|f| f == engine::REPORT_FIX));
        let saved = check.plan.clone();
        check.plan.insert(1, "removed-fix".into());
        assert!(check.repair(content()));
        assert_eq!(
            check.plan, saved,
            "no report added after what to do instead"
        );
    }

    #[test]
    fn repair_puts_the_report_last_exactly_once() {
        let mut check = answered_check("inbox-wont-load");
        check.start_plan(content(), 10);
        let saved_plan = check.plan.clone();
        // An older plan with the report in the middle.
        let report = check.plan.pop().unwrap();
        assert_eq!(report, engine::REPORT_FIX);
        check.plan.insert(1, report);
        assert!(check.repair(content()));
        assert_eq!(check.plan, saved_plan);
        // And one without it gets it back.
        check.plan.pop();
        assert!(check.repair(content()));
        assert_eq!(check.plan, saved_plan);
        assert_eq!(check.stage, Stage::Plan { step: 0 });
    }

    #[test]
    fn repair_moves_a_fixed_check_whose_fix_was_removed_back_into_the_plan() {
        let mut check = answered_check("inbox-wont-load");
        check.start_plan(content(), 10);
        check.record(StepResult::NotFixed, 11);
        let saved_plan = check.plan.clone();
        check.record(StepResult::Fixed, 12);
        assert_eq!(
            check.stage,
            Stage::Fixed {
                fix: saved_plan[1].clone()
            }
        );
        let kept = check.clone();
        let mut still_there = kept.clone();
        assert!(still_there.repair(content()));
        assert_eq!(
            still_there, kept,
            "a check whose fix still exists is left as it is"
        );
        check.plan[1] = "removed-fix".into();
        check.outcomes[1].fix = "removed-fix".into();
        check.stage = Stage::Fixed {
            fix: "removed-fix".into(),
        };
        assert!(check.repair(content()));
        assert_eq!(
            check.stage,
            Stage::Plan { step: 1 },
            "back on the step after the last answered one"
        );
        assert_eq!(check.current_fix(), Some(saved_plan[2].as_str()));
    }

    #[test]
    fn fits_detects_content_that_moved() {
        let mut check = answered_check("send-fails-everyone");
        check.start_plan(content(), 10);
        assert!(check.fits(content()));
        let mut gone = check.clone();
        gone.plan.push("no-such-fix".into());
        assert!(!gone.fits(content()));
        let mut out_of_range = check.clone();
        out_of_range.stage = Stage::Plan { step: 999 };
        assert!(!out_of_range.fits(content()));
        let mut unknown = check;
        unknown.symptom = "no-such-symptom".into();
        assert!(!unknown.fits(content()));
    }
}

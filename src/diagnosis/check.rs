//! One guided check as the user walks through it: symptom, answers, the fix plan and
//! how each step went. Every change is a pure method taking the current time, so the
//! whole walk is tested natively and saved after each change.
//!
//! The plan is walked in parts of [`PART`] steps: after each full part a checkpoint
//! offers the report for TikTok or more things to try, and the end screen is the report
//! (it is never a step). A check step branches on its answer; an explain step ends the
//! check with what the rule is, never with "working again".

use super::engine::{self, Given};
use crate::connection::verdict::VerdictKind;
use crate::content::{Content, StepKind, Ui, NOT_SURE};
use crate::envelope::{stored_struct, Reader, Stored};
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
    /// A part of the plan is done: the report (its own screen), or more things to try
    /// from step `next`.
    Checkpoint { next: usize },
    /// The person read an explain step (a rule that can't be changed): the check ends
    /// on what the rule is and what to do instead.
    Explained { fix: String },
}

/// Steps in one part of the plan: short enough to follow, then a checkpoint.
pub const PART: usize = 5;

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
    /// An explain step was read ("I understand").
    Understood,
    /// A check step's answer, by its place in the fix's `answers`.
    Answered(u8),
}

// Stored in the saved check (see `envelope::Stored`): variants by index, fields in
// declaration order.
stored_struct!(Check {
    symptom,
    answers,
    stage,
    plan,
    outcomes,
    undone,
    started_at,
    updated_at,
    connection
});
stored_struct!(Outcome { fix, result, at });

impl Stored for Stage {
    fn write(&self, out: &mut Vec<u8>) {
        let (variant, step, fix) = match self {
            Self::Questions => (0, None, None),
            Self::Results => (1, None, None),
            Self::Plan { step } => (2, Some(step), None),
            Self::Fixed { fix } => (3, None, Some(fix)),
            Self::Report => (4, None, None),
            Self::Checkpoint { next } => (5, Some(next), None),
            Self::Explained { fix } => (6, None, Some(fix)),
        };
        out.push(variant);
        if let Some(step) = step {
            step.write(out);
        }
        if let Some(fix) = fix {
            fix.write(out);
        }
    }
    fn read(reader: &mut Reader) -> Self {
        match reader.variant() {
            0 => Self::Questions,
            1 => Self::Results,
            2 => Self::Plan {
                step: Stored::read(reader),
            },
            3 => Self::Fixed {
                fix: Stored::read(reader),
            },
            4 => Self::Report,
            5 => Self::Checkpoint {
                next: Stored::read(reader),
            },
            6 => Self::Explained {
                fix: Stored::read(reader),
            },
            _ => {
                reader.fail();
                Self::Questions
            }
        }
    }
}

impl Stored for StepResult {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Self::Fixed => out.push(0),
            Self::NotFixed => out.push(1),
            Self::Skipped => out.push(2),
            Self::Understood => out.push(3),
            Self::Answered(answer) => out.extend([4, *answer]),
        }
    }
    fn read(reader: &mut Reader) -> Self {
        match reader.variant() {
            0 => Self::Fixed,
            1 => Self::NotFixed,
            2 => Self::Skipped,
            3 => Self::Understood,
            4 => Self::Answered(reader.byte()),
            _ => {
                reader.fail();
                Self::Fixed
            }
        }
    }
}

impl StepResult {
    /// How the step went, for the report, in the words of `ui` (the report is written in
    /// a chosen language; a check's answer is its label, from content).
    pub fn label(self, ui: &Ui) -> &str {
        match self {
            Self::Fixed => ui.report_result_fixed,
            Self::NotFixed => ui.report_result_not_fixed,
            Self::Skipped => ui.report_result_skipped,
            Self::Understood => ui.report_result_understood,
            Self::Answered(_) => ui.report_result_checked,
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
        !matches!(
            self.stage,
            Stage::Fixed { .. } | Stage::Report | Stage::Explained { .. }
        )
    }

    /// "Step n of m" for a plan step: its place within its part of the plan.
    pub fn step_counter(&self, step: usize) -> (usize, usize) {
        let start = step - step % PART;
        (step - start + 1, self.plan.len().min(start + PART) - start)
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

    /// Forgets the connection evidence: a newer test said nothing either way.
    pub fn clear_connection(&mut self, now: Millis) {
        self.connection = None;
        self.updated_at = now;
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
            // The first step of a later part: back to the checkpoint before it, unless
            // a check's answer led straight here.
            Stage::Plan { step } if step % PART == 0 && !self.led_here(content) => {
                self.stage = Stage::Checkpoint { next: step }
            }
            Stage::Plan { step } | Stage::Checkpoint { next: step } => {
                self.outcomes.pop();
                self.stage = Stage::Plan { step: step - 1 };
            }
            Stage::Fixed { .. } | Stage::Report | Stage::Explained { .. } => {
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
        self.plan.clear();
        for fix in engine::plan(content, &self.symptom, &self.answers, &ranking) {
            self.plan.push(fix.id.clone());
        }
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

    /// Records how the current step went and moves on: "fixed" ends the check, "I
    /// understand" on an explain step ends it on the rule, a check's answer goes where it
    /// leads; otherwise the next step, a checkpoint after a full part, or the report
    /// after the last step.
    pub fn record(&mut self, content: &Content, result: StepResult, now: Millis) {
        if let StepResult::Answered(answer) = result {
            return self.choose(content, answer.into(), now);
        }
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
        self.stage = match result {
            StepResult::Fixed => Stage::Fixed { fix },
            StepResult::Understood => Stage::Explained { fix },
            _ => self.after(step),
        };
        self.updated_at = now;
    }

    /// Where the plan goes on after `step`: the next step, a checkpoint after a full
    /// part, or the report after the last step.
    fn after(&self, step: usize) -> Stage {
        let next = step + 1;
        if next >= self.plan.len() {
            Stage::Report
        } else if next % PART == 0 {
            Stage::Checkpoint { next }
        } else {
            Stage::Plan { step: next }
        }
    }

    /// Answers the current check step (`answer` indexes its answers) and goes where the
    /// answer leads: straight to the step it names (moved to come next), or on with the
    /// plan, leaving out the steps the other answers lead to.
    fn choose(&mut self, content: &Content, answer: usize, now: Millis) {
        let Stage::Plan { step } = self.stage else {
            return;
        };
        let Some(fix) = self.plan.get(step).and_then(|id| content.fix(id)) else {
            return;
        };
        let (Some(chosen), Ok(index)) = (fix.answers.get(answer), u8::try_from(answer)) else {
            return;
        };
        self.outcomes.push(Outcome {
            fix: fix.id.clone(),
            result: StepResult::Answered(index),
            at: now,
        });
        let mut rest = self.plan.split_off(step + 1);
        rest.retain(|id| !fix.leads_to().any(|t| t == id));
        self.plan.extend(chosen.leads_to().map(str::to_owned));
        self.plan.extend(rest);
        self.stage = match chosen.leads_to() {
            Some(_) => Stage::Plan { step: step + 1 },
            None => self.after(step),
        };
        self.updated_at = now;
    }

    /// True when the step before the current one was a check whose answer led here.
    fn led_here(&self, content: &Content) -> bool {
        let Stage::Plan { step } = self.stage else {
            return false;
        };
        let led = |o: &Outcome| match o.result {
            StepResult::Answered(i) => content
                .fix(&o.fix)
                .and_then(|f| f.answers.get(usize::from(i)))
                .and_then(|a| a.leads_to())
                .is_some_and(|t| self.plan.get(step).is_some_and(|id| id == t)),
            _ => false,
        };
        self.outcomes.last().is_some_and(led)
    }

    /// From a checkpoint, on with the next part of the plan.
    pub fn more(&mut self, now: Millis) {
        if let Stage::Checkpoint { next } = self.stage {
            self.stage = Stage::Plan { step: next };
            self.updated_at = now;
        }
    }

    /// What the current step asks, from its kind in the content.
    pub fn step_kind(&self, content: &Content) -> Option<StepKind> {
        self.current_fix()
            .and_then(|id| content.fix(id))
            .map(|f| f.kind)
    }

    /// True when everything the check refers to still exists in the content (an app
    /// update may have removed a question or fix), the stage is in range and the plan is
    /// of this version (no report step, no explain step ended as "fixed").
    pub fn fits(&self, content: &Content) -> bool {
        let kind = |id: &str| content.fix(id).map(|f| f.kind);
        content.symptom(&self.symptom).is_some()
            && self
                .answers
                .iter()
                .chain(&self.undone)
                .all(|given| answer_known(content, given))
            && self
                .plan
                .iter()
                .all(|id| content.fix(id).is_some() && id != engine::REPORT_FIX)
            && match &self.stage {
                Stage::Plan { step } => *step < self.plan.len(),
                Stage::Checkpoint { next } => (1..self.plan.len()).contains(next),
                Stage::Fixed { fix } => kind(fix).is_some_and(|k| k != StepKind::Explain),
                Stage::Explained { fix } => kind(fix).is_some(),
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
        // Older plans ended with the report as a step: now the end screen is the report.
        let known = |id: &String| content.fix(id).is_some() && id != engine::REPORT_FIX;
        self.plan.retain(known);
        self.outcomes.retain(|o| known(&o.fix));
        let next_open = self
            .plan
            .iter()
            .position(|id| !self.outcomes.iter().any(|o| &o.fix == id));
        let kind = |id: &str| content.fix(id).map(|f| f.kind);
        self.stage = match (&self.stage, next_open) {
            // An explain step an older version ended as "fixed" ends on the rule.
            (Stage::Fixed { fix }, _) if kind(fix) == Some(StepKind::Explain) => {
                if let Some(last) = self.outcomes.last_mut().filter(|o| &o.fix == fix) {
                    last.result = StepResult::Understood;
                }
                Stage::Explained { fix: fix.clone() }
            }
            (Stage::Fixed { fix } | Stage::Explained { fix }, _) if kind(fix).is_some() => {
                self.stage.clone()
            }
            (Stage::Plan { .. } | Stage::Checkpoint { .. }, Some(0)) => Stage::Plan { step: 0 },
            (Stage::Plan { .. } | Stage::Checkpoint { .. }, Some(step)) if step % PART == 0 => {
                Stage::Checkpoint { next: step }
            }
            (
                Stage::Plan { .. }
                | Stage::Checkpoint { .. }
                | Stage::Fixed { .. }
                | Stage::Explained { .. },
                Some(step),
            ) => Stage::Plan { step },
            (
                Stage::Plan { .. }
                | Stage::Checkpoint { .. }
                | Stage::Fixed { .. }
                | Stage::Explained { .. },
                None,
            ) => Stage::Report,
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

    /// A check on the plan with `steps` made-up fix steps (no check, wait or explain
    /// steps among them), to walk the parts without depending on today's plans.
    fn plan_of(steps: usize) -> Check {
        let mut check = answered_check("inbox-wont-load");
        check.start_plan(content(), 10);
        let plain: Vec<String> = content()
            .fixes
            .iter()
            .filter(|f| f.kind == StepKind::Fix && f.id != engine::REPORT_FIX)
            .map(|f| f.id.clone())
            .collect();
        assert!(plain.len() >= steps, "premise: enough plain fixes");
        check.plan = plain[..steps].to_vec();
        check
    }

    #[test]
    fn walking_the_plan_in_parts_ends_in_the_report_once() {
        let mut check = answered_check("inbox-wont-load");
        check.start_plan(content(), 10);
        assert!(
            !check.plan.iter().any(|f| f == engine::REPORT_FIX),
            "the report is no step: {:?}",
            check.plan
        );
        let mut check = plan_of(12);
        let mut seen = Vec::new();
        let mut checkpoints = Vec::new();
        for now in 11.. {
            match check.stage.clone() {
                Stage::Plan { step } => {
                    seen.push(step);
                    let (number, of) = check.step_counter(step);
                    assert!(number <= of && of <= PART, "step {number} of {of}");
                    check.record(content(), StepResult::NotFixed, now);
                }
                Stage::Checkpoint { next } => {
                    checkpoints.push(next);
                    check.more(now);
                }
                _ => break,
            }
        }
        assert_eq!(
            seen,
            (0..12).collect::<Vec<_>>(),
            "every step once, in order"
        );
        assert_eq!(checkpoints, [5, 10], "a checkpoint after each full part");
        assert_eq!(check.stage, Stage::Report, "the report, once, at the end");
        assert_eq!(check.outcomes.len(), 12);
        assert!(!check.in_progress());
        // The counter is within the part: "Step 2 of 5", and the last part's own length.
        assert_eq!(check.step_counter(1), (2, 5));
        assert_eq!(check.step_counter(5), (1, 5));
        assert_eq!(check.step_counter(11), (2, 2));
        // A plan of one part has no checkpoint.
        let mut short = plan_of(PART);
        for now in 0..PART as u64 {
            assert!(matches!(short.stage, Stage::Plan { .. }));
            short.record(content(), StepResult::Skipped, now);
        }
        assert_eq!(short.stage, Stage::Report);
    }

    #[test]
    fn a_checkpoint_goes_on_with_the_next_part_and_back_returns_to_it() {
        let mut check = plan_of(7);
        for now in 0..PART as u64 {
            check.record(content(), StepResult::NotFixed, now);
        }
        assert_eq!(check.stage, Stage::Checkpoint { next: PART });
        assert!(check.in_progress());
        check.more(22);
        assert_eq!(check.stage, Stage::Plan { step: PART });
        // Back from the next part's first step shows the checkpoint again, then the
        // last step of the first part, with its answer taken back.
        check.back(content(), 23);
        assert_eq!(check.stage, Stage::Checkpoint { next: PART });
        assert_eq!(check.outcomes.len(), PART);
        check.back(content(), 24);
        assert_eq!(check.stage, Stage::Plan { step: PART - 1 });
        assert_eq!(check.outcomes.len(), PART - 1);
        // More does nothing outside a checkpoint.
        let before = check.clone();
        check.more(25);
        assert_eq!(check, before);
    }

    /// A check on the step "check-outage", as the plan of someone whose TikTok fails
    /// for everyone: the check step first, the wait nowhere until the check leads there.
    fn at_the_outage_check() -> Check {
        let mut check = answered_check("send-fails-everyone");
        check.start_plan(content(), 10);
        let at = check
            .plan
            .iter()
            .position(|f| f == "check-outage")
            .expect("premise: the outage check is in the plan");
        assert!(
            !check.plan.iter().any(|f| f == "wait-for-official-fix"),
            "the wait comes only through the check: {:?}",
            check.plan
        );
        for now in 0..at as u64 {
            check.record(content(), StepResult::Skipped, now);
            check.more(now);
        }
        assert_eq!(check.current_fix(), Some("check-outage"));
        assert_eq!(check.step_kind(content()), Some(StepKind::Check));
        check
    }

    fn answer_index(fix: &str, then: &str) -> usize {
        content()
            .fix(fix)
            .unwrap()
            .answers
            .iter()
            .position(|a| a.then == then)
            .unwrap()
    }

    #[test]
    fn a_check_step_branches_on_its_answer() {
        // "Yes, others too": the outage path, a wait step, comes next.
        let mut check = at_the_outage_check();
        let step = check.outcomes.len();
        let rest = check.plan[step + 1..].to_vec();
        let yes = answer_index("check-outage", "wait-for-official-fix");
        check.record(content(), StepResult::Answered(yes as u8), 50);
        assert_eq!(check.stage, Stage::Plan { step: step + 1 });
        assert_eq!(check.current_fix(), Some("wait-for-official-fix"));
        assert_eq!(check.step_kind(content()), Some(StepKind::Wait));
        assert_eq!(
            check.plan[step + 2..],
            rest[..],
            "the rest of the plan follows"
        );
        assert_eq!(
            check.outcomes.last().map(|o| o.result),
            Some(StepResult::Answered(yes as u8))
        );
        // "Still broken after waiting": on with the plan.
        check.record(content(), StepResult::NotFixed, 51);
        assert_eq!(
            check.current_fix().map(str::to_owned),
            rest.first().cloned()
        );

        // Back to the check and "No, only me" instead: the wait is left out again.
        let mut check = at_the_outage_check();
        check.record(content(), StepResult::Answered(yes as u8), 50);
        check.back(content(), 51);
        assert_eq!(
            check.current_fix(),
            Some("check-outage"),
            "Back shows the check again"
        );
        assert_eq!(check.outcomes.len(), step);
        let no = answer_index("check-outage", "next");
        check.record(content(), StepResult::Answered(no as u8), 52);
        assert_eq!(check.plan[step + 1..], rest[..], "no wait on the plan");
        assert_eq!(
            check.current_fix().map(str::to_owned),
            rest.first().cloned()
        );

        // An answer the step doesn't have changes nothing.
        let mut check = at_the_outage_check();
        let before = check.clone();
        check.record(content(), StepResult::Answered(99), 53);
        assert_eq!(check, before);
    }

    #[test]
    fn a_check_answer_that_leads_to_a_rule_ends_on_the_rule() {
        // Every such answer in the content (e.g. teen quiet hours: "Yes, at night").
        let mut seen = 0;
        for check_step in content().fixes.iter().filter(|f| f.kind == StepKind::Check) {
            for (i, answer) in check_step.answers.iter().enumerate() {
                let Some(rule) = answer
                    .leads_to()
                    .and_then(|id| content().fix(id))
                    .filter(|f| f.kind == StepKind::Explain)
                else {
                    continue;
                };
                seen += 1;
                let mut check = plan_of(3);
                check.plan.insert(0, check_step.id.clone());
                check.record(content(), StepResult::Answered(i as u8), 20);
                assert_eq!(
                    check.current_fix(),
                    Some(rule.id.as_str()),
                    "{}",
                    answer.label
                );
                check.record(content(), StepResult::Understood, 21);
                assert_eq!(
                    check.stage,
                    Stage::Explained {
                        fix: rule.id.clone()
                    }
                );
            }
        }
        assert!(seen >= 1, "premise: the content has such an answer");
    }

    /// "Yes, I think they blocked me" ends the check on what a block means and what to
    /// do instead: never on to steps that reach out to the person who blocked them.
    #[test]
    fn a_likely_block_ends_on_respecting_it() {
        let block_check = content().fix("check-if-blocked").unwrap();
        let (yes, answer) = (0, &block_check.answers[0]);
        let rule = answer.leads_to().and_then(|id| content().fix(id));
        assert_eq!(
            rule.map(|f| f.kind),
            Some(StepKind::Explain),
            "{}",
            answer.label
        );
        let mut check = plan_of(3);
        check.plan.insert(0, block_check.id.clone());
        check.record(content(), StepResult::Answered(yes), 20);
        check.record(content(), StepResult::Understood, 21);
        assert!(!check.in_progress(), "{:?}", check.stage);
    }

    /// Steps of effort "check" (looking) where the look itself leads the person to change
    /// what makes messages work: follow back, change a setting, accept a request, or
    /// ask the one person who can change it. Only these may end on "Did this fix it?".
    const LOOK_AND_CHANGE: &[&str] = &[
        "ask-recipient-settings",
        "follow-each-other",
        "check-message-requests",
        "check-own-dm-settings",
        "family-pairing-talk",
    ];

    #[test]
    fn a_step_that_only_looks_asks_its_own_question_not_if_it_fixed_it() {
        use crate::content::Effort;
        for id in LOOK_AND_CHANGE {
            let fix = content()
                .fix(id)
                .unwrap_or_else(|| panic!("{id}: no such fix (update the list)"));
            assert_eq!(
                (fix.effort, fix.kind),
                (Effort::Check, StepKind::Fix),
                "{id}: the list holds look-and-change steps only"
            );
        }
        // Finding something out ("it works on the web", "there's a limit") fixes nothing
        // in the app: such a step asks what the person found, never "Did this fix it?".
        let wrong: Vec<&str> = content()
            .fixes
            .iter()
            .filter(|f| f.effort == Effort::Check && f.kind == StepKind::Fix)
            .map(|f| f.id.as_str())
            .filter(|id| !LOOK_AND_CHANGE.contains(id))
            .collect();
        assert!(
            wrong.is_empty(),
            "look-only steps that would end on \"working again\": {wrong:?}"
        );
        // The steps of the user review, one by one: each asks its own question.
        for id in [
            "try-web-messages",
            "check-account-status",
            "check-if-blocked",
            "check-age-rules",
        ] {
            let fix = content().fix(id).unwrap();
            assert_eq!(fix.kind, StepKind::Check, "{id}");
            assert!((2..=3).contains(&fix.answers.len()), "{id}");
        }
    }

    #[test]
    fn a_limit_found_on_account_status_leads_to_the_appeal_or_the_wait() {
        // Account status looks; what comes next depends on what the person found.
        let fix = content().fix("check-account-status").unwrap();
        let thens: Vec<&str> = fix.answers.iter().map(|a| a.then.as_str()).collect();
        for then in ["appeal-restriction", "wait-out-restriction", "next"] {
            assert!(thens.contains(&then), "{then}: {thens:?}");
        }
        // An appeal's answer takes time: both ask the waiting questions ("Save my
        // place", "Still broken after waiting"), not "Did this fix it?" at once.
        for led in ["appeal-restriction", "wait-out-restriction"] {
            assert_eq!(content().fix(led).unwrap().kind, StepKind::Wait, "{led}");
        }
        // Both only through the check: a plan holding the check holds neither.
        let mut check = Check::start(content(), "send-fails-everyone", 1);
        check.answer(content(), "warnings", "warned", 2);
        while let Some(q) = engine::next_question(content(), &check.symptom, &check.answers) {
            let id = q.id.clone();
            check.answer(content(), &id, NOT_SURE, 3);
        }
        check.start_plan(content(), 4);
        assert!(check.plan.iter().any(|f| f == "check-account-status"));
        for led in ["appeal-restriction", "wait-out-restriction"] {
            assert!(
                !check.plan.iter().any(|f| f == led),
                "{led}: {:?}",
                check.plan
            );
        }
    }

    /// The web question's answers, and three ways to answer the rest: "Not sure", the
    /// first answer, the last answer.
    fn plans_with_web(web: &str) -> Vec<(String, Vec<String>)> {
        let mut plans = Vec::new();
        for symptom in content().symptoms.iter().map(|s| s.id.as_str()) {
            for pick in 0..3 {
                let mut check = Check::start(content(), symptom, 1);
                check.answer(content(), "web-works", web, 2);
                let mut now = 3;
                while let Some(q) = engine::next_question(content(), symptom, &check.answers) {
                    let answer = match pick {
                        0 => NOT_SURE,
                        1 => q.answers[0].id.as_str(),
                        _ => q.answers[q.answers.len() - 1].id.as_str(),
                    };
                    let id = q.id.clone();
                    check.answer(content(), &id, answer, now);
                    now += 1;
                }
                check.start_plan(content(), now);
                plans.push((format!("{symptom}, way {pick}"), check.plan));
            }
        }
        plans
    }

    #[test]
    fn the_web_step_is_never_planned_once_the_web_question_was_answered() {
        let has_web = |plan: &[String]| {
            plan.iter().any(|f| {
                f == "try-web-messages"
                    || content()
                        .fix(f)
                        .is_some_and(|f| f.leads_to().any(|t| t == "try-web-messages"))
            })
        };
        // Premise: unanswered ("Not sure"), the step is in some plans.
        assert!(
            plans_with_web(NOT_SURE).iter().any(|(_, p)| has_web(p)),
            "premise: try-web-messages is planned when the web question is open"
        );
        for web in ["works", "fails"] {
            for (who, plan) in plans_with_web(web) {
                assert!(!has_web(&plan), "web-works={web} [{who}]: {plan:?}");
            }
        }
    }

    /// "Messaging is missing", under 16, "Not sure" to the rest: on the plan's first step.
    fn under_16_plan() -> Check {
        let mut check = Check::start(content(), "messaging-missing", 1);
        check.answer(content(), "age", "under-16", 2);
        while let Some(q) = check.next_question(content()) {
            let id = q.id.clone();
            check.answer(content(), &id, NOT_SURE, 3);
        }
        check.start_plan(content(), 4);
        check
    }

    #[test]
    fn an_under_16_walk_ends_on_the_rule_never_on_fixed() {
        let mut check = under_16_plan();
        assert_eq!(
            check.plan.last().map(String::as_str),
            Some("messages-at-16")
        );
        while check.current_fix() != Some("messages-at-16") {
            assert!(matches!(
                check.stage,
                Stage::Plan { .. } | Stage::Checkpoint { .. }
            ));
            check.record(content(), StepResult::NotFixed, 5);
            check.more(5);
        }
        assert_eq!(check.step_kind(content()), Some(StepKind::Explain));
        check.record(content(), StepResult::Understood, 6);
        assert_eq!(
            check.stage,
            Stage::Explained {
                fix: "messages-at-16".into()
            }
        );
        assert!(!check.in_progress());
        // An older version ended it as "fixed": it loads as the rule's ending.
        let mut old = check.clone();
        old.stage = Stage::Fixed {
            fix: "messages-at-16".into(),
        };
        old.outcomes.last_mut().unwrap().result = StepResult::Fixed;
        assert!(!old.fits(content()));
        assert!(old.repair(content()));
        assert_eq!(old, check);
        // "This doesn't fit me" on the rule: the report, never a dead end.
        check.back(content(), 7);
        assert_eq!(check.current_fix(), Some("messages-at-16"));
        check.record(content(), StepResult::NotFixed, 8);
        assert_eq!(check.stage, Stage::Report);
    }

    #[test]
    fn yes_ends_the_check_on_that_fix() {
        let mut check = answered_check("messages-late");
        check.start_plan(content(), 10);
        check.record(content(), StepResult::NotFixed, 11);
        let second = check.plan[1].clone();
        check.record(content(), StepResult::Fixed, 12);
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
        check.record(content(), StepResult::Skipped, 11);
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
        check.record(content(), StepResult::NotFixed, 11);
        check.record(content(), StepResult::Skipped, 12);
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
        let mut check = under_16_plan();
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
    fn repair_takes_an_old_report_step_out_of_the_plan() {
        let mut check = answered_check("inbox-wont-load");
        check.start_plan(content(), 10);
        let saved_plan = check.plan.clone();
        // An older plan with the report as a step (last, or in the middle).
        for at in [saved_plan.len(), 1] {
            let mut old = check.clone();
            old.plan.insert(at, engine::REPORT_FIX.into());
            assert!(!old.fits(content()));
            assert!(old.repair(content()));
            assert_eq!(old.plan, saved_plan);
            assert_eq!(old.stage, Stage::Plan { step: 0 });
        }
        // Someone on the old report step (all else tried) gets the report screen.
        let mut old = check.clone();
        old.plan.push(engine::REPORT_FIX.into());
        for (i, id) in saved_plan.iter().enumerate() {
            old.outcomes.push(Outcome {
                fix: id.clone(),
                result: StepResult::NotFixed,
                at: 20 + i as u64,
            });
        }
        old.stage = Stage::Plan {
            step: saved_plan.len(),
        };
        assert!(old.repair(content()));
        assert_eq!(old.stage, Stage::Report);
        assert_eq!(old.plan, saved_plan);
    }

    #[test]
    fn repair_moves_a_fixed_check_whose_fix_was_removed_back_into_the_plan() {
        let mut check = answered_check("inbox-wont-load");
        check.start_plan(content(), 10);
        check.record(content(), StepResult::NotFixed, 11);
        let saved_plan = check.plan.clone();
        check.record(content(), StepResult::Fixed, 12);
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

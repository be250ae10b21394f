//! The reasoning: answers (and later the connection test) move points between causes;
//! points become likelihoods; the most useful unanswered question is asked next; the
//! likely causes become a fix plan, cheap and likely first, reporting last.
//! Deterministic and pure: the same answers always give the same result.

use crate::content::validate::applies;
use crate::content::{Content, Effort, Fix, Question, NOT_SURE};

/// A question and the answer the user chose, and when (ms since 1970; 0 if unknown).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Given {
    pub question: String,
    pub answer: String,
    pub at: u64,
}

impl Given {
    pub fn new(question: &str, answer: &str) -> Self {
        Self {
            question: question.into(),
            answer: answer.into(),
            at: 0,
        }
    }
}

/// A cause with how likely it now looks and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked<'a> {
    pub cause: &'a crate::content::Cause,
    pub points: f64,
    /// Share of the total likelihood, 0..1.
    pub likelihood: f64,
    /// The user's own answers that point to this cause, strongest first.
    pub reasons: Vec<&'a str>,
}

/// Points a cause starts with, from its place in the symptom's list: the most typical
/// cause starts 2 points (4x the odds) above the least typical.
const PRIOR_SPREAD: f64 = 2.0;
/// Stop asking when the best question is worth less than this.
const MIN_QUESTION_VALUE: f64 = 0.75;
/// Stop asking when one cause is this likely.
const CONFIDENT: f64 = 0.8;
/// The likelihood from which the results call a cause "Most likely" (the top label).
pub const MOST_LIKELY: f64 = 0.5;
/// Never ask more than this many questions.
pub const MAX_QUESTIONS: usize = 9;
/// Causes at least this likely (relative to the top one) are shown on the results and
/// get their fixes in the plan.
pub const RELATIVE_CUTOFF: f64 = 0.1;
/// At most this many causes contribute fixes to the plan.
const PLAN_MAX_CAUSES: usize = 5;
/// Only this many of the "why we think so" lines are kept per cause.
const MAX_REASONS: usize = 3;
/// Each later place in a cause's own fix list (which content orders by what helps
/// most) weighs this much less.
const POSITION_DECAY: f64 = 0.75;
/// The fix every plan ends with, so there is never a dead end.
pub const REPORT_FIX: &str = "report-problem";

fn weight(content: &Content, given: &Given, cause: &str) -> i32 {
    if given.answer == NOT_SURE {
        return 0;
    }
    content
        .question(&given.question)
        .and_then(|q| q.answers.iter().find(|a| a.id == given.answer))
        .and_then(|a| a.evidence.get(cause).copied())
        .unwrap_or(0)
}

/// The causes of the symptom, most likely first, from the answers alone.
pub fn rank<'a>(content: &'a Content, symptom: &str, answers: &[Given]) -> Vec<Ranked<'a>> {
    rank_with(content, symptom, answers, None)
}

/// The causes of the symptom, most likely first, from the answers and the latest
/// connection verdict (a `VerdictKind` id). Unknown symptoms rank nothing; answers to
/// unknown questions (e.g. from an older app version) are ignored.
pub fn rank_with<'a>(
    content: &'a Content,
    symptom: &str,
    answers: &[Given],
    connection: Option<&str>,
) -> Vec<Ranked<'a>> {
    let verdict = connection.and_then(|id| content.verdict(id));
    let Some(symptom) = content.symptom(symptom) else {
        return Vec::new();
    };
    let count = symptom.causes.len().max(1) as f64;
    let mut ranked: Vec<Ranked> = symptom
        .causes
        .iter()
        .enumerate()
        .filter_map(|(position, id)| {
            let cause = content.cause(id)?;
            let prior = PRIOR_SPREAD * (1.0 - position as f64 / count);
            let mut reasons: Vec<(i32, &str)> = answers
                .iter()
                .filter_map(|given| {
                    let w = weight(content, given, id);
                    let said = content
                        .question(&given.question)?
                        .answers
                        .iter()
                        .find(|a| a.id == given.answer)?
                        .said
                        .as_str();
                    (w > 0).then_some((w, said))
                })
                .collect();
            let tested = verdict.and_then(|v| v.evidence.get(id).map(|w| (*w, v.title.as_str())));
            if let Some((w, title)) = tested.filter(|(w, _)| *w > 0) {
                reasons.push((w, title));
            }
            let evidence: i32 = answers.iter().map(|g| weight(content, g, id)).sum::<i32>()
                + tested.map_or(0, |(w, _)| w);
            // Strongest first; equal weights keep the order the questions were answered in.
            crate::sort::sort_by(&mut reasons, |a, b| b.0.cmp(&a.0));
            reasons.truncate(MAX_REASONS);
            Some(Ranked {
                cause,
                points: prior + evidence as f64,
                likelihood: 0.0,
                reasons: reasons.into_iter().map(|(_, said)| said).collect(),
            })
        })
        .collect();
    let top = ranked.iter().map(|r| r.points).fold(f64::MIN, f64::max);
    let total: f64 = ranked.iter().map(|r| (r.points - top).exp2()).sum();
    for r in &mut ranked {
        r.likelihood = (r.points - top).exp2() / total;
    }
    // Ties keep the symptom's order (the sort is stable).
    crate::sort::sort_by(&mut ranked, |a, b| b.points.total_cmp(&a.points));
    ranked
}

/// How much an answer to `question` could still change the picture: the spread of its
/// answers' weights (with "Not sure" as 0) for each cause, weighted by how likely that
/// cause is now.
fn value(question: &Question, ranking: &[Ranked]) -> f64 {
    ranking
        .iter()
        .map(|r| {
            let weights = question
                .answers
                .iter()
                .map(|a| a.evidence.get(&r.cause.id).copied().unwrap_or(0))
                .chain([0]);
            let (low, high) = weights.fold((0, 0), |(lo, hi), w| (lo.min(w), hi.max(w)));
            r.likelihood * f64::from(high - low)
        })
        .sum()
}

/// The next question worth asking, or None when the check has learned enough.
pub fn next_question<'a>(
    content: &'a Content,
    symptom: &str,
    answers: &[Given],
) -> Option<&'a Question> {
    next_question_with(content, symptom, answers, None)
}

/// Like [`next_question`], also counting the connection verdict as evidence.
pub fn next_question_with<'a>(
    content: &'a Content,
    symptom: &str,
    answers: &[Given],
    connection: Option<&str>,
) -> Option<&'a Question> {
    if answers.len() >= MAX_QUESTIONS {
        return None;
    }
    let ranking = rank_with(content, symptom, answers, connection);
    if ranking
        .first()
        .is_none_or(|top| top.likelihood >= CONFIDENT)
    {
        return None;
    }
    content
        .questions
        .iter()
        .filter(|q| applies(q, symptom) && !answers.iter().any(|g| g.question == q.id))
        .map(|q| (value(q, &ranking), q))
        .filter(|(v, _)| *v >= MIN_QUESTION_VALUE)
        // max_by keeps the last of equals; reverse so the first in content order wins ties.
        .rev()
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, q)| q)
}

/// About how many more questions the check will ask (counting as if the user answered
/// "Not sure" from here on), for the progress bar.
pub fn estimate_remaining(
    content: &Content,
    symptom: &str,
    answers: &[Given],
    connection: Option<&str>,
) -> usize {
    let mut simulated = answers.to_vec();
    while let Some(question) = next_question_with(content, symptom, &simulated, connection) {
        simulated.push(Given::new(&question.id, NOT_SURE));
    }
    simulated.len() - answers.len()
}

/// Cheaper fixes come first among fixes of similar likelihood.
fn effort_factor(effort: Effort) -> f64 {
    match effort {
        Effort::Check => 1.0,
        Effort::Quick => 0.95,
        Effort::Moderate => 0.8,
        Effort::Drastic => 0.45,
    }
}

/// The fix plan: fixes of the likely causes, each scored by the likelihood of the causes
/// it treats, its place in their lists and its effort; the report fix always last.
pub fn plan<'a>(content: &'a Content, ranking: &[Ranked]) -> Vec<&'a Fix> {
    let top = ranking.first().map_or(0.0, |r| r.likelihood);
    let mut scored: Vec<(f64, usize, &Fix)> = Vec::new();
    for ranked in ranking
        .iter()
        .take(PLAN_MAX_CAUSES)
        .filter(|r| r.likelihood >= top * RELATIVE_CUTOFF)
    {
        for (position, id) in ranked.cause.fixes.iter().enumerate() {
            let Some(fix) = content.fix(id).filter(|f| f.id != REPORT_FIX) else {
                continue;
            };
            let score = ranked.likelihood
                * POSITION_DECAY.powi(position as i32)
                * effort_factor(fix.effort);
            match scored.iter_mut().find(|(_, _, f)| f.id == fix.id) {
                Some(entry) => entry.0 += score,
                None => {
                    let order = content
                        .fixes
                        .iter()
                        .position(|f| f.id == fix.id)
                        .unwrap_or(usize::MAX);
                    scored.push((score, order, fix));
                }
            }
        }
    }
    crate::sort::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut fixes: Vec<&Fix> = scored.into_iter().map(|(_, _, f)| f).collect();
    fixes.extend(content.fix(REPORT_FIX));
    fixes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::examples::{cause, fix};
    use crate::content::{Answer, Symptom};

    fn answer(id: &str, evidence: &[(&str, i32)]) -> Answer {
        Answer {
            id: id.into(),
            label: id.into(),
            said: format!("said {id}"),
            evidence: evidence.iter().map(|(c, w)| (c.to_string(), *w)).collect(),
        }
    }

    /// Two causes: "network" (fixed by switching, then reinstalling) and "privacy".
    fn model() -> Content {
        Content {
            symptoms: vec![Symptom {
                id: "fails".into(),
                title: "t".into(),
                detail: "d".into(),
                causes: vec!["network".into(), "privacy".into()],
            }],
            causes: vec![
                cause("network", &["reinstall", "switch", REPORT_FIX]),
                cause("privacy", &["ask", REPORT_FIX]),
            ],
            fixes: vec![
                fix("switch", Effort::Quick),
                fix("reinstall", Effort::Drastic),
                fix("ask", Effort::Check),
                fix(REPORT_FIX, Effort::Moderate),
            ],
            questions: vec![
                Question {
                    id: "who".into(),
                    text: "Who?".into(),
                    why: "w".into(),
                    symptoms: vec![],
                    answers: vec![
                        answer("everyone", &[("network", 3), ("privacy", -3)]),
                        answer("one", &[("network", -3), ("privacy", 3)]),
                    ],
                },
                Question {
                    id: "wifi".into(),
                    text: "Wi-Fi?".into(),
                    why: "w".into(),
                    symptoms: vec![],
                    answers: vec![answer("yes", &[("network", 2)]), answer("no", &[])],
                },
                Question {
                    id: "elsewhere".into(),
                    text: "Other symptom only".into(),
                    why: "w".into(),
                    symptoms: vec!["other".into()],
                    answers: vec![
                        answer("a", &[("network", 5)]),
                        answer("b", &[("network", -5)]),
                    ],
                },
            ],
            ..Content::default()
        }
    }

    #[test]
    fn without_answers_the_symptom_order_decides() {
        let content = model();
        let ranking = rank(&content, "fails", &[]);
        assert_eq!(ranking[0].cause.id, "network");
        assert!(ranking[0].likelihood > ranking[1].likelihood);
        let total: f64 = ranking.iter().map(|r| r.likelihood).sum();
        assert!((total - 1.0).abs() < 1e-9);
    }

    #[test]
    fn answers_move_the_ranking_and_explain_it() {
        let content = model();
        let ranking = rank(&content, "fails", &[Given::new("who", "one")]);
        assert_eq!(ranking[0].cause.id, "privacy");
        assert_eq!(ranking[0].reasons, ["said one"]);
        assert!(
            ranking[1].reasons.is_empty(),
            "answers against a cause are not reasons for it"
        );
    }

    #[test]
    fn not_sure_and_unknown_answers_count_for_nothing() {
        let content = model();
        let base = rank(&content, "fails", &[]);
        for answers in [
            vec![Given::new("who", NOT_SURE)],
            vec![Given::new("gone-question", "x")],
            vec![Given::new("who", "gone-answer")],
        ] {
            let ranking = rank(&content, "fails", &answers);
            assert_eq!(
                ranking.iter().map(|r| r.points).collect::<Vec<_>>(),
                base.iter().map(|r| r.points).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn unknown_symptom_ranks_nothing_and_asks_nothing() {
        let content = model();
        assert!(rank(&content, "nope", &[]).is_empty());
        assert!(next_question(&content, "nope", &[]).is_none());
    }

    #[test]
    fn asks_the_most_telling_question_first_and_never_twice() {
        let content = model();
        assert_eq!(
            next_question(&content, "fails", &[]).map(|q| q.id.as_str()),
            Some("who")
        );
        let after = [Given::new("who", NOT_SURE)];
        assert_eq!(
            next_question(&content, "fails", &after).map(|q| q.id.as_str()),
            Some("wifi")
        );
    }

    #[test]
    fn skips_questions_for_other_symptoms() {
        let content = model();
        let answers = [Given::new("who", NOT_SURE), Given::new("wifi", NOT_SURE)];
        assert_eq!(next_question(&content, "fails", &answers), None);
    }

    #[test]
    fn stops_when_one_cause_is_clear() {
        let content = model();
        assert_eq!(
            next_question(&content, "fails", &[Given::new("who", "everyone")]),
            None
        );
    }

    #[test]
    fn stops_after_the_maximum_number_of_questions() {
        let content = model();
        let answers: Vec<Given> = (0..MAX_QUESTIONS)
            .map(|i| Given::new(&format!("x{i}"), "y"))
            .collect();
        assert_eq!(next_question(&content, "fails", &answers), None);
    }

    #[test]
    fn plan_puts_cheap_fixes_before_drastic_ones_and_reporting_last() {
        let content = model();
        let ranking = rank(&content, "fails", &[Given::new("who", "everyone")]);
        let ids: Vec<&str> = plan(&content, &ranking)
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(ids.first(), Some(&"switch"), "{ids:?}");
        assert_eq!(ids.last(), Some(&REPORT_FIX));
        assert!(
            ids.iter().position(|i| *i == "switch") < ids.iter().position(|i| *i == "reinstall")
        );
        assert_eq!(ids.iter().filter(|i| **i == REPORT_FIX).count(), 1);
    }

    #[test]
    fn plan_follows_the_top_cause() {
        let content = model();
        let ranking = rank(&content, "fails", &[Given::new("who", "one")]);
        let ids: Vec<&str> = plan(&content, &ranking)
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(ids[0], "ask");
    }

    #[test]
    fn estimates_the_questions_left() {
        let content = model();
        assert_eq!(estimate_remaining(&content, "fails", &[], None), 2);
        assert_eq!(
            estimate_remaining(&content, "fails", &[Given::new("who", "everyone")], None),
            0
        );
    }

    #[test]
    fn a_connection_verdict_is_evidence_with_a_reason() {
        let mut content = model();
        content.verdicts.push(crate::content::VerdictText {
            id: "fine".into(),
            title: "Your connection is fine".into(),
            explanation: "e".into(),
            next_steps: vec![],
            fixes: vec![],
            evidence: [("network".to_string(), -4), ("privacy".to_string(), 2)].into(),
        });
        let without = rank(&content, "fails", &[]);
        assert_eq!(without[0].cause.id, "network");
        let with = rank_with(&content, "fails", &[], Some("fine"));
        assert_eq!(with[0].cause.id, "privacy");
        assert_eq!(with[0].reasons, ["Your connection is fine"]);
        // An unknown verdict id (e.g. from a newer version) counts for nothing.
        assert_eq!(
            rank_with(&content, "fails", &[], Some("??"))[0].cause.id,
            "network"
        );
        // With the network ruled out, there is less to ask.
        assert!(
            next_question_with(&content, "fails", &[], Some("fine")).is_none_or(|q| q.id != "wifi")
        );
    }

    #[test]
    fn same_answers_same_result() {
        let content = model();
        let answers = [Given::new("who", "everyone"), Given::new("wifi", "yes")];
        let a: Vec<_> = plan(&content, &rank(&content, "fails", &answers))
            .iter()
            .map(|f| f.id.clone())
            .collect();
        let b: Vec<_> = plan(&content, &rank(&content, "fails", &answers))
            .iter()
            .map(|f| f.id.clone())
            .collect();
        assert_eq!(a, b);
    }
}

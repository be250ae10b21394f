//! Properties of the check over many answer paths through the shipped content (issue 10):
//! the "about N questions" estimate never grows by more than one between two questions;
//! no question is asked whose conditions fail; no plan holds a fix whose conditions fail,
//! and every plan ends with the report or a built-in rule's "what to do instead"; the
//! headline and the labels agree; no "why" line is on two cards.
#![cfg(not(target_arch = "wasm32"))]

use dm_doctor::content::{content, StepKind, NOT_SURE};
use dm_doctor::diagnosis::engine::{
    estimate_remaining, fits, fix_fits, headline, likelihood_label, next_question_with, plan,
    rank_with, shown, Given, Headline, MAX_QUESTIONS, REPORT_FIX,
};
use proptest::prelude::*;

const VERDICTS: [Option<&str>; 4] = [None, Some("fine"), Some("tiktok-unreachable"), Some("slow")];

/// Walks one check: `choices[i]` picks the answer to the i-th question asked (the last
/// pick is "Not sure"). Returns the answers and each step's estimated total.
fn walk(symptom: &str, verdict: Option<&str>, choices: &[u8]) -> (Vec<Given>, Vec<usize>) {
    walk_tested_at(symptom, verdict, 0, choices)
}

/// Like [`walk`], with the connection test's verdict coming in after `tested_at` answers.
fn walk_tested_at(
    symptom: &str,
    tested: Option<&str>,
    tested_at: usize,
    choices: &[u8],
) -> (Vec<Given>, Vec<usize>) {
    let content = content();
    let mut given: Vec<Given> = Vec::new();
    let mut totals = Vec::new();
    for choice in choices.iter().cycle().take(MAX_QUESTIONS + 1) {
        let verdict = tested.filter(|_| given.len() >= tested_at);
        totals.push(given.len() + estimate_remaining(content, symptom, &given, verdict));
        let Some(question) = next_question_with(content, symptom, &given, verdict) else {
            break;
        };
        assert!(
            fits(question, symptom, &given),
            "{} asked against its conditions",
            question.id
        );
        assert!(
            !given.iter().any(|g| g.question == question.id),
            "{} asked twice",
            question.id
        );
        let pick = usize::from(*choice) % (question.answers.len() + 1);
        let answer = question
            .answers
            .get(pick)
            .map_or(NOT_SURE, |a| a.id.as_str());
        given.push(Given::new(&question.id, answer));
    }
    assert!(given.len() <= MAX_QUESTIONS);
    (given, totals)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_estimate_never_grows_by_more_than_one(
        symptom in 0usize..5,
        verdict in 0usize..4,
        choices in proptest::collection::vec(any::<u8>(), 1..12),
    ) {
        let symptom = &content().symptoms[symptom].id;
        let (given, totals) = walk(symptom, VERDICTS[verdict], &choices);
        for (k, pair) in totals.windows(2).enumerate() {
            prop_assert!(
                pair[1] <= pair[0] + 1,
                "[{symptom}] total {} -> {} after question {}: {given:?}",
                pair[0], pair[1], k + 1
            );
        }
        // While questions are left, "Question n of about N" has N >= n.
        for (k, total) in totals.iter().enumerate().take(given.len()) {
            prop_assert!(*total > k, "question {} of about {total}", k + 1);
        }
        prop_assert_eq!(totals.last().copied(), Some(given.len()), "ends at the count asked");
    }

    #[test]
    fn the_estimate_never_grows_by_more_than_one_when_the_test_comes_in_between(
        symptom in 0usize..5,
        verdict in 1usize..4,
        tested_at in 1usize..6,
        choices in proptest::collection::vec(any::<u8>(), 1..12),
    ) {
        let symptom = &content().symptoms[symptom].id;
        let (given, totals) = walk_tested_at(symptom, VERDICTS[verdict], tested_at, &choices);
        for pair in totals.windows(2) {
            prop_assert!(pair[1] <= pair[0] + 1, "[{symptom}] {totals:?}: {given:?}");
        }
    }

    #[test]
    fn plans_fit_the_answers_and_results_agree_with_their_headline(
        symptom in 0usize..5,
        verdict in 0usize..4,
        choices in proptest::collection::vec(any::<u8>(), 1..12),
    ) {
        let content = content();
        let symptom = &content.symptoms[symptom].id;
        let verdict = VERDICTS[verdict];
        let (given, _) = walk(symptom, verdict, &choices);
        let ranking = rank_with(content, symptom, &given, verdict);
        let fixes = plan(content, symptom, &given, &ranking);
        for fix in &fixes {
            prop_assert!(fix_fits(fix, symptom, &given), "{} in the plan against its conditions: {given:?}", fix.id);
        }
        // The report is the end screen, never a step; an explain step only ends the plan
        // of a built-in rule; a step a check leads to comes only through the check.
        prop_assert!(!fixes.is_empty());
        prop_assert!(!fixes.iter().any(|f| f.id == REPORT_FIX));
        let built_in_end = ranking[0].cause.support_cant_change.as_ref().and(ranking[0].cause.fixes.last());
        for (i, fix) in fixes.iter().enumerate() {
            if fix.kind == StepKind::Explain {
                prop_assert!(i + 1 == fixes.len() && Some(&fix.id) == built_in_end, "{} mid-plan", fix.id);
            }
            prop_assert!(!fixes.iter().flat_map(|f| f.leads_to()).any(|t| t == fix.id), "{} without its check", fix.id);
        }
        // Headline and labels agree; "Most likely" on the first card only.
        let cards = shown(&ranking);
        prop_assert!(!cards.is_empty() && cards.len() <= 3);
        let most = (0..cards.len()).filter(|i| likelihood_label(dm_doctor::content::ui(), &ranking, *i) == "Most likely").count();
        prop_assert_eq!(most == 1, headline(&ranking) == Headline::MostLikely);
        prop_assert!(most == 0 || likelihood_label(dm_doctor::content::ui(), &ranking, 0) == "Most likely");
        // No "why" line on two cards.
        let mut lines: Vec<&str> = cards.iter().flat_map(|r| r.reasons.iter().copied()).collect();
        let n = lines.len();
        lines.sort_unstable();
        lines.dedup();
        prop_assert_eq!(lines.len(), n, "a reason on two cards: {:?}", cards.iter().map(|r| &r.reasons).collect::<Vec<_>>());
    }
}

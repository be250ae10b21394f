//! The reasoning: answers and the connection test move points between causes; points
//! become likelihoods; the open question whose answers would change the ranking most
//! (expected gain: how much it would cut the chance of a wrong guess) is asked next,
//! until the top cause is far ahead with its key signs asked, or nothing left is worth
//! asking; the likely causes become a fix plan
//! of fixes whose conditions fit the answers, cheap and likely first (and, for a
//! built-in rule, ending with its explain step: what to do instead). The report for
//! TikTok is no step of the plan: the check offers it after each part of the plan and
//! at its end (`Check`). Deterministic and pure: the same answers always give the same
//! result. All weights and conditions are content data.
//!
//! For the screens (all pure):
//! - questions: [`next_question_with`] (or `Check::next_question`), and
//!   [`estimate_remaining`] for "Question n of about N" (never grows by more than one);
//! - results: [`rank_with`] → [`headline`] ("Most likely" / "A few things could cause
//!   this"), [`shown`] (up to [`SHOWN`] cards), [`likelihood_label`] per card, and each
//!   [`Ranked::reasons`] (the person's own answers; no line when empty);
//! - plan: [`plan`]; [`support_cant_change`] for the report of a built-in rule.

use crate::content::validate::applies;
use crate::content::{
    conditions_allow, ui, Answer, Content, Effort, Evidence, Fix, Question, StepKind, Ui, NOT_SURE,
};

/// A question and the answer the user chose, and when (ms since 1970; 0 if unknown).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Given {
    pub question: String,
    pub answer: String,
    pub at: u64,
}

crate::envelope::stored_struct!(Given {
    question,
    answer,
    at
});

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
    /// The person's own answers (each answer's `said` text, or the connection verdict's
    /// title) that raised THIS cause by [`REASON_POINTS`] or more, strongest first.
    /// Among the causes shown ([`SHOWN`]), one answer is the reason of one cause only
    /// (the one it raised most), and an answer that nudged many causes by a point is
    /// nobody's reason. Empty if none: then show no "why" line, not a generic one.
    pub reasons: Vec<&'a str>,
}

/// Points a cause starts with, from its place in the symptom's list: the most typical
/// cause starts 2 points (4x the odds) above the least typical.
const PRIOR_SPREAD: f64 = 2.0;
/// Stop asking when the best question would cut the chance of a wrong guess by less
/// than this (see [`gain`]).
pub const MIN_GAIN: f64 = 0.01;
/// A top cause is "clearly ahead" with at least this share of the likelihood ...
pub const CLEAR_SHARE: f64 = 0.5;
/// ... and at least this many points (2 = 4x as likely) above the runner-up.
pub const CLEAR_LEAD: f64 = 2.0;
/// The check stops asking only when the top cause has at least this share ...
pub const STOP_SHARE: f64 = 0.75;
/// ... and this lead in points (3 = 8x as likely as the runner-up), and its key signs
/// were asked about. A stricter bar than [`CLEAR_SHARE`]: the headline may say "Most
/// likely" a little earlier than the questions stop.
pub const STOP_LEAD: f64 = 3.0;
/// The likelihood from which the results call a cause "Most likely" (the top label);
/// the label also needs the lead ([`clearly_ahead`]).
pub const MOST_LIKELY: f64 = CLEAR_SHARE;
/// From this likelihood a cause that isn't clearly ahead is "Likely", below "Possible".
pub const LIKELY: f64 = 0.25;
/// An answer giving a cause (or taking from it) at least this many points is one of the
/// cause's key signs: the check doesn't stop on a cause before they were asked about.
pub const KEY_SIGN: i32 = 3;
/// An answer is a "why we think so" reason for a cause from this many points.
pub const REASON_POINTS: i32 = 2;
/// Never ask more than this many questions.
pub const MAX_QUESTIONS: usize = 12;
/// ... and stop after this many "Not sure" answers: someone who doesn't know isn't
/// kept answering.
pub const MAX_NOT_SURE: usize = 7;
/// Causes at least this likely (relative to the top one) get their fixes in the plan.
pub const RELATIVE_CUTOFF: f64 = 0.1;
/// The results show at most this many causes ...
pub const SHOWN: usize = 3;
/// ... each at least this likely (so a cause the answers ruled out isn't shown).
pub const SHOWN_MIN: f64 = 0.03;
/// A plan has at least this many steps before the report when the causes offer them.
pub const PLAN_MIN_STEPS: usize = 3;
/// At most this many causes contribute fixes to the plan.
const PLAN_MAX_CAUSES: usize = 5;
/// Only this many of the "why we think so" lines are kept per cause.
const MAX_REASONS: usize = 3;
/// Each later place in a cause's own fix list (which content orders by what helps
/// most) weighs this much less.
const POSITION_DECAY: f64 = 0.75;
/// How to report the problem in TikTok: the end of every cause's list in the guide, but
/// never a plan step (the check's end screen is the report; see [`plan`]).
pub const REPORT_FIX: &str = "report-problem";

/// The answer the person gave to a question, if asked.
fn answer_of<'g>(answers: &'g [Given]) -> impl Fn(&str) -> Option<&'g str> + Copy {
    move |question| {
        answers
            .iter()
            .rev()
            .find(|g| g.question == question)
            .map(|g| g.answer.as_str())
    }
}

/// The causes of the symptom, most likely first, from the answers alone.
pub fn rank<'a>(content: &'a Content, symptom: &str, answers: &[Given]) -> Vec<Ranked<'a>> {
    rank_with(content, symptom, answers, None)
}

/// One candidate reason: its weight for the cause, the text, and where it came from
/// (an index into the answers, or `usize::MAX` for the connection test).
type Reason<'a> = (i32, &'a str, usize);

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
    // Each answer given, if the content still has it ("Not sure" counts for nothing).
    let given: Vec<Option<&Answer>> = answers
        .iter()
        .map(|g| {
            let question = content.question(&g.question)?;
            question.answers.iter().find(|a| a.id == g.answer)
        })
        .collect();
    let count = symptom.causes.len().max(1) as f64;
    let mut ranked: Vec<(Ranked, Vec<Reason>)> = Vec::new();
    for (position, id) in symptom.causes.iter().enumerate() {
        let Some(cause) = content.cause(id) else {
            continue;
        };
        let mut points = PRIOR_SPREAD * (1.0 - position as f64 / count);
        let mut reasons: Vec<Reason> = Vec::new();
        for (at, answer) in given.iter().enumerate() {
            let Some(answer) = answer else {
                continue;
            };
            let w = weight(&answer.evidence, id);
            points += f64::from(w);
            if w >= REASON_POINTS {
                reasons.push((w, answer.said.as_str(), at));
            }
        }
        if let Some(v) = verdict {
            let w = weight(&v.evidence, id);
            points += f64::from(w);
            if w >= REASON_POINTS {
                reasons.push((w, v.title.as_str(), usize::MAX));
            }
        }
        // Strongest first; equal weights keep the order the questions were answered in.
        crate::sort::sort_by(&mut reasons, |a, b| b.0.cmp(&a.0));
        let ranked_cause = Ranked {
            cause,
            points,
            likelihood: 0.0,
            reasons: Vec::new(),
        };
        ranked.push((ranked_cause, reasons));
    }
    let top = ranked.iter().map(|r| r.0.points).fold(f64::MIN, f64::max);
    let total: f64 = ranked.iter().map(|r| (r.0.points - top).exp2()).sum();
    for r in &mut ranked {
        r.0.likelihood = (r.0.points - top).exp2() / total;
    }
    // Ties keep the symptom's order (the sort is stable).
    crate::sort::sort_by(&mut ranked, |a, b| b.0.points.total_cmp(&a.0.points));
    // Among the causes shown, each answer explains only the cause it raised most (the
    // higher-ranked one on a tie), so no line is repeated on every card.
    // owner[source] = (points, index) of the shown cause that source raised most.
    let shown = ranked.len().min(SHOWN);
    let verdict_source = answers.len();
    let mut owner = vec![(0, usize::MAX); answers.len() + 1];
    for (index, (_, reasons)) in ranked.iter().enumerate().take(shown) {
        for &(w, _, source) in reasons {
            let slot = &mut owner[source.min(verdict_source)];
            if w > slot.0 {
                *slot = (w, index);
            }
        }
    }
    let mut out = Vec::with_capacity(ranked.len());
    for (index, (mut r, reasons)) in ranked.into_iter().enumerate() {
        for (_, text, source) in reasons {
            let owned = index >= shown || owner[source.min(verdict_source)].1 == index;
            if owned && r.reasons.len() < MAX_REASONS {
                r.reasons.push(text);
            }
        }
        out.push(r);
    }
    out
}

/// True when the top cause is clearly ahead: at least [`CLEAR_SHARE`] of the
/// likelihood and [`CLEAR_LEAD`] points above the runner-up.
pub fn clearly_ahead(ranking: &[Ranked]) -> bool {
    ahead(ranking, CLEAR_SHARE, CLEAR_LEAD)
}

fn ahead(ranking: &[Ranked], share: f64, lead: f64) -> bool {
    match ranking {
        [] => false,
        [top] => top.likelihood >= share,
        [top, next, ..] => top.likelihood >= share && top.points - next.points >= lead,
    }
}

/// The results' headline, decided by the numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headline {
    /// The top cause is clearly ahead: "Most likely: …".
    MostLikely,
    /// No cause is clearly ahead: "A few things could cause this".
    FewThings,
}

impl Headline {
    /// The results' title.
    pub fn text(self) -> &'static str {
        match self {
            Self::MostLikely => ui().check_results_most_likely_title,
            Self::FewThings => ui().check_results_few_things_title,
        }
    }
}

/// "Most likely" only when the top cause is [clearly ahead](clearly_ahead).
pub fn headline(ranking: &[Ranked]) -> Headline {
    if clearly_ahead(ranking) {
        Headline::MostLikely
    } else {
        Headline::FewThings
    }
}

/// The causes the results show: the first [`SHOWN`], each at least [`SHOWN_MIN`] likely
/// (the top cause always).
pub fn shown<'r, 'a>(ranking: &'r [Ranked<'a>]) -> &'r [Ranked<'a>] {
    let n = ranking
        .iter()
        .take(SHOWN)
        .enumerate()
        .take_while(|(i, r)| *i == 0 || r.likelihood >= SHOWN_MIN)
        .count();
    &ranking[..n]
}

/// The label on a result card: "Most likely" only for the first cause of a ranking
/// whose top is [clearly ahead](clearly_ahead); otherwise "Likely" from [`LIKELY`], else
/// "Possible". So the headline and the labels never disagree. In the words of `ui`: the
/// report may be in another language than the screen.
pub fn likelihood_label<'u>(ui: &'u Ui, ranking: &[Ranked], index: usize) -> &'u str {
    match ranking.get(index) {
        Some(_) if index == 0 && clearly_ahead(ranking) => ui.check_likelihood_most_likely,
        Some(r) if r.likelihood >= LIKELY && !(index > 0 && clearly_ahead(ranking)) => {
            ui.check_likelihood_likely
        }
        _ => ui.check_likelihood_possible,
    }
}

/// True when the question may be asked now: it fits the symptom and its conditions
/// (earlier answers, the symptom) allow it.
pub fn fits(question: &Question, symptom: &str, answers: &[Given]) -> bool {
    applies(question, symptom)
        && conditions_allow(
            &question.only_if,
            &question.skip_if,
            symptom,
            &answer_of(answers),
        )
}

/// True when the fix's conditions allow it for these answers.
pub fn fix_fits(fix: &Fix, symptom: &str, answers: &[Given]) -> bool {
    conditions_allow(&fix.only_if, &fix.skip_if, symptom, &answer_of(answers))
}

/// The uncertainty of weights taken as shares of their total: the chance that a guess
/// drawn from those shares is wrong (Gini impurity, 1 - the sum of the squared shares).
fn uncertainty(weights: &[f64]) -> f64 {
    let total: f64 = weights.iter().sum();
    let mut same = 0.0;
    for w in weights {
        same += (w / total) * (w / total);
    }
    1.0 - same
}

/// The points `evidence` gives `cause`, 0 if none: one copy of the lookup for all uses.
#[inline(never)]
fn weight(evidence: &Evidence, cause: &str) -> i32 {
    evidence.get(cause).copied().unwrap_or(0)
}

/// 2^(the answer's weight for the cause).
fn factor(answer: &Answer, cause: &str) -> f64 {
    f64::from(weight(&answer.evidence, cause)).exp2()
}

/// How common each answer is among people whose causes are ranked so (see [`gain`]).
fn answer_chances(question: &Question, ranking: &[Ranked]) -> Vec<f64> {
    let mut chances = vec![0.0; question.answers.len()];
    let mut shares = Vec::with_capacity(question.answers.len());
    for r in ranking {
        shares.clear();
        let mut total = 0.0;
        for answer in &question.answers {
            let strongest = answer.evidence.values().fold(0, |m, w| m.max(*w));
            let share = f64::from(-strongest).exp2() * factor(answer, &r.cause.id);
            total += share;
            shares.push(share);
        }
        for (chance, share) in chances.iter_mut().zip(&shares) {
            *chance += r.likelihood * share / total;
        }
    }
    chances
}

/// Expected gain of a question: how much its answer is expected to cut the uncertainty
/// about the cause, measured as the chance that a guess drawn from the ranking is wrong
/// (Gini impurity; like information gain, but with no logarithm in the wasm).
///
/// The chance of each answer comes from the weights: an answer that raises a cause by w
/// points is read as 2^w times as common among people with that cause as among people
/// without it, so an answer whose strongest weight is w is 2^-w as common as a plain
/// one among everyone else. (Without that, a telling answer such as "I use a VPN" would
/// look as common as "neither" to everyone, and such questions would always win.) After
/// an answer the ranking moves the way [`rank_with`] moves it. "Not sure" removes
/// nothing and only scales every question alike, so it is left out.
pub fn gain(question: &Question, ranking: &[Ranked]) -> f64 {
    let mut weights: Vec<f64> = ranking.iter().map(|r| r.likelihood).collect();
    let before = uncertainty(&weights);
    let mut after = 0.0;
    for (answer, chance) in question
        .answers
        .iter()
        .zip(answer_chances(question, ranking))
    {
        for (w, r) in weights.iter_mut().zip(ranking) {
            *w = r.likelihood * factor(answer, &r.cause.id);
        }
        after += chance * uncertainty(&weights);
    }
    (before - after).max(0.0)
}

/// A chance below which an answer is not expected (see [`could_overturn`]).
pub const FLIP_CHANCE: f64 = 0.05;

/// True when some answer to the question, with at least [`FLIP_CHANCE`] of being given
/// (by the same reading of the weights as [`gain`]), would put another cause on top.
pub fn could_overturn(question: &Question, ranking: &[Ranked]) -> bool {
    let Some((top, rest)) = ranking.split_first() else {
        return false;
    };
    let chances = answer_chances(question, ranking);
    for (answer, chance) in question.answers.iter().zip(chances) {
        let moved = |r: &Ranked| r.points + f64::from(weight(&answer.evidence, &r.cause.id));
        if chance >= FLIP_CHANCE && rest.iter().any(|r| moved(r) > moved(top)) {
            return true;
        }
    }
    false
}

/// The questions that bear on a cause: those with an answer giving it (or taking from
/// it) at least [`KEY_SIGN`] points, and those its fixes' conditions ask about.
pub fn key_questions<'a>(content: &'a Content, cause: &crate::content::Cause) -> Vec<&'a str> {
    let mut named: Vec<&str> = Vec::new();
    for fix in cause.fixes.iter().filter_map(|id| content.fix(id)) {
        for condition in fix.only_if.iter().chain(&fix.skip_if) {
            if let Some((question, _)) = condition.split_once('=') {
                named.push(question.trim());
            }
        }
    }
    let mut keys = Vec::new();
    for question in &content.questions {
        let telling = question.answers.iter().any(|a| {
            a.evidence
                .get(&cause.id)
                .is_some_and(|w| w.abs() >= KEY_SIGN)
        });
        if telling || named.contains(&question.id.as_str()) {
            keys.push(question.id.as_str());
        }
    }
    keys
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
///
/// Picks the open question (one that fits the symptom and the earlier answers) with the
/// largest expected [`gain`]. Stops when the top cause is far ahead ([`STOP_SHARE`],
/// [`STOP_LEAD`]), each of its [key questions](key_questions) that fits has been asked
/// and no open question [could overturn](could_overturn) it (until then those are
/// asked, most telling first); or when no question would gain [`MIN_GAIN`]; or after
/// [`MAX_QUESTIONS`].
pub fn next_question_with<'a>(
    content: &'a Content,
    symptom: &str,
    answers: &[Given],
    connection: Option<&str>,
) -> Option<&'a Question> {
    let unsure = answers.iter().filter(|g| g.answer == NOT_SURE).count();
    if answers.len() >= MAX_QUESTIONS || unsure >= MAX_NOT_SURE {
        return None;
    }
    let ranking = rank_with(content, symptom, answers, connection);
    let top = ranking.first()?;
    // Far ahead: only its key signs, then questions that could overturn it, are left.
    let settled = ahead(&ranking, STOP_SHARE, STOP_LEAD);
    let keys = if settled {
        key_questions(content, top.cause)
    } else {
        Vec::new()
    };
    // Unless far ahead, every open question; far ahead, its open key signs, and once
    // those are asked, the questions that could overturn it.
    let mut open: Vec<&Question> = Vec::new();
    let mut keys_open = false;
    for q in &content.questions {
        if !answers.iter().any(|g| g.question == q.id) && fits(q, symptom, answers) {
            let key = keys.contains(&q.id.as_str());
            if key && !keys_open {
                keys_open = true;
                open.clear();
            }
            if !settled || key || (!keys_open && could_overturn(q, &ranking)) {
                open.push(q);
            }
        }
    }
    let floor = if settled { 0.0 } else { MIN_GAIN };
    // The most telling; on a tie the first in content order.
    let mut best: Option<(f64, &Question)> = None;
    for q in open {
        let g = gain(q, &ranking);
        if g >= floor && best.is_none_or(|(b, _)| g > b) {
            best = Some((g, q));
        }
    }
    best.map(|(_, q)| q)
}

/// About how many more questions the check will ask, for "Question n of about N". It
/// counts as if the person answered "Not sure" from here on, but the total (asked +
/// left) never grows by more than one from one question to the next, even when the
/// connection test comes in between: each earlier point of the same answers is
/// estimated the same way and the growth is capped.
pub fn estimate_remaining(
    content: &Content,
    symptom: &str,
    answers: &[Given],
    connection: Option<&str>,
) -> usize {
    let run = |asked: &[Given], verdict: Option<&str>| {
        let mut simulated = asked.to_vec();
        while let Some(question) = next_question_with(content, symptom, &simulated, verdict) {
            simulated.push(Given::new(&question.id, NOT_SURE));
        }
        simulated.len()
    };
    // The connection test may come in between two questions: counting the smaller of
    // the estimates with and without it, the result can't make the total jump either.
    let raw = |asked: &[Given]| match connection {
        Some(_) => run(asked, connection).min(run(asked, None)),
        None => run(asked, None),
    };
    let mut total = raw(&[]);
    for k in 1..=answers.len() {
        let prefix = &answers[..k];
        let more = usize::from(next_question_with(content, symptom, prefix, connection).is_some());
        total = (k + more).max(raw(prefix).min(total + 1));
    }
    total.saturating_sub(answers.len())
}

/// What TikTok's support can't change for the causes shown (built-in rules such as
/// no messages under 16), for the report: reporting won't change these.
pub fn support_cant_change<'a>(ranking: &[Ranked<'a>]) -> Vec<&'a str> {
    // A plain loop: a filtered collect is another copy of std's collecting code.
    let mut rules = Vec::new();
    for ranked in shown(ranking) {
        rules.extend(ranked.cause.support_cant_change.as_deref());
    }
    rules
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

/// The fix plan: fixes of the likely causes whose conditions fit the answers, each
/// scored by the likelihood of the causes it treats, its place in their lists and its
/// effort. The top cause's own first step leads when it is cheap; a plan shorter than
/// [`PLAN_MIN_STEPS`] is topped up from the next causes. A fix that may lose something
/// (effort "drastic") comes after all the others. Reporting to TikTok is left
/// out: the check offers the report after the plan (never a dead end). When the top
/// cause is a built-in rule support can't change (`support_cant_change`) and clearly
/// ahead, the plan ends with that cause's own last fix, an explain step (what the rule
/// is and what to do instead). Other explain steps, and the steps a check step leads to
/// (the outage check's wait), are never in a plan on their own.
pub fn plan<'a>(
    content: &'a Content,
    symptom: &str,
    answers: &[Given],
    ranking: &[Ranked],
) -> Vec<&'a Fix> {
    let top = ranking.first().map_or(0.0, |r| r.likelihood);
    let built_in = ranking
        .first()
        .filter(|r| r.cause.support_cant_change.is_some() && clearly_ahead(ranking))
        .and_then(|r| r.cause.fixes.last())
        .and_then(|id| content.fix(id))
        .filter(|f| f.id != REPORT_FIX);
    // Steps a plan may hold on their own: no report and no explain step (only the
    // built-in rule's ending, added last). Steps a check leads to are dropped below.
    let own_step = |f: &Fix| f.id != REPORT_FIX && f.kind != StepKind::Explain;
    let mut scored: Vec<(f64, usize, &Fix)> = Vec::new();
    for ranked in ranking
        .iter()
        .take(PLAN_MAX_CAUSES)
        .filter(|r| r.likelihood >= top * RELATIVE_CUTOFF)
    {
        for (position, id) in ranked.cause.fixes.iter().enumerate() {
            let Some(fix) = content
                .fix(id)
                .filter(|f| own_step(f) && fix_fits(f, symptom, answers))
            else {
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
    // A step a check in the plan leads to comes only through that check's answer.
    let led_to = |fixes: &[&Fix], id: &str| fixes.iter().any(|f| f.leads_to().any(|t| t == id));
    let reached: Vec<bool> = fixes.iter().map(|f| led_to(&fixes, &f.id)).collect();
    let mut reached = reached.into_iter();
    fixes.retain(|_| !reached.next().unwrap_or(false));
    // The most likely cause's own first step leads when it is cheap (a check or a quick
    // fix): most likely and cheapest first. A costlier one stays where its score puts it.
    let lead = ranking.first().and_then(|r| {
        r.cause
            .fixes
            .iter()
            .filter_map(|id| fixes.iter().position(|f| &f.id == id))
            .next()
    });
    if let Some(at) = lead.filter(|at| matches!(fixes[*at].effort, Effort::Check | Effort::Quick)) {
        let first = fixes.remove(at);
        fixes.insert(0, first);
    }
    // A short plan for a clear cause still offers a few more things to try before the
    // report: the fitting fixes of the next causes, in their order.
    if built_in.is_none() {
        for id in ranking.iter().flat_map(|r| &r.cause.fixes) {
            if fixes.len() >= PLAN_MIN_STEPS {
                break;
            }
            if let Some(fix) = content.fix(id).filter(|f| {
                own_step(f)
                    && !fixes.iter().any(|g| g.id == f.id)
                    && !led_to(&fixes, &f.id)
                    && fix_fits(f, symptom, answers)
            }) {
                fixes.push(fix);
            }
        }
    }
    // Easiest first: a fix that may lose something (today: reinstalling) comes after
    // every one that can't, whatever its score; such steps say to try the easier fixes
    // first. (Waiting is drastic too, but it is no fix to put off.)
    let losing = |f: &&Fix| f.effort == Effort::Drastic && f.kind == StepKind::Fix;
    crate::sort::sort_by(&mut fixes, |a, b| losing(a).cmp(&losing(b)));
    fixes.extend(built_in);
    fixes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::examples::{cause, fix};
    use crate::content::Symptom;

    fn answer(id: &str, evidence: &[(&str, i32)]) -> Answer {
        Answer {
            id: id.into(),
            label: id.into(),
            said: format!("said {id}"),
            evidence: evidence.iter().map(|(c, w)| (c.to_string(), *w)).collect(),
        }
    }

    /// Two causes: "network" (fixed by switching, then reinstalling) and "privacy".
    /// The plan's fix ids for `answers` to the model's "fails" symptom.
    fn plan_ids(content: &Content, answers: &[Given]) -> Vec<String> {
        plan(content, "fails", answers, &rank(content, "fails", answers))
            .iter()
            .map(|f| f.id.clone())
            .collect()
    }

    fn model() -> Content {
        Content {
            symptoms: vec![Symptom {
                id: "fails".into(),
                title: "t".into(),
                summary: "s".into(),
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
                    only_if: vec![],
                    skip_if: vec![],
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
                    only_if: vec![],
                    skip_if: vec![],
                    answers: vec![answer("yes", &[("network", 2)]), answer("no", &[])],
                },
                Question {
                    id: "elsewhere".into(),
                    text: "Other symptom only".into(),
                    why: "w".into(),
                    symptoms: vec!["other".into()],
                    only_if: vec![],
                    skip_if: vec![],
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
    fn plan_puts_cheap_fixes_before_drastic_ones_and_leaves_the_report_out() {
        let content = model();
        let ranking = rank(&content, "fails", &[Given::new("who", "everyone")]);
        let ids: Vec<&str> = plan(&content, "fails", &[], &ranking)
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(ids.first(), Some(&"switch"), "{ids:?}");
        assert!(
            ids.iter().position(|i| *i == "switch") < ids.iter().position(|i| *i == "reinstall")
        );
        assert!(
            !ids.contains(&REPORT_FIX),
            "the report is the end screen, not a step: {ids:?}"
        );
    }

    #[test]
    fn plan_follows_the_top_cause() {
        let content = model();
        let ranking = rank(&content, "fails", &[Given::new("who", "one")]);
        let ids: Vec<&str> = plan(&content, "fails", &[], &ranking)
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
        let first = plan_ids(&content, &answers);
        assert!(!first.is_empty());
        assert_eq!(first, plan_ids(&content, &answers));
    }

    fn question(id: &str, answers: Vec<Answer>) -> Question {
        Question {
            id: id.into(),
            text: format!("{id}?"),
            why: "w".into(),
            symptoms: vec![],
            only_if: vec![],
            skip_if: vec![],
            answers,
        }
    }

    fn ids(questions: Option<&Question>) -> Option<&str> {
        questions.map(|q| q.id.as_str())
    }

    #[test]
    fn a_question_is_asked_only_when_its_conditions_allow_it() {
        let mut content = model();
        let mut vpn = question(
            "vpn-needed",
            vec![answer("needs", &[("network", 1)]), answer("no", &[])],
        );
        vpn.only_if = vec!["wifi=yes".into()];
        content.questions.push(vpn);
        content.questions[0].skip_if = vec!["symptom=fails".into()];
        let q = |answers: &[Given]| {
            let q = content.question("vpn-needed").unwrap();
            fits(q, "fails", answers)
        };
        assert!(!q(&[]), "only_if: not before wifi is answered");
        assert!(!q(&[Given::new("wifi", NOT_SURE)]), "not on Not sure");
        assert!(!q(&[Given::new("wifi", "no")]));
        assert!(q(&[Given::new("wifi", "yes")]));
        // skip_if on the symptom: "who" is never asked for "fails".
        assert!(!fits(content.question("who").unwrap(), "fails", &[]));
        let mut answers = Vec::new();
        while let Some(next) = next_question(&content, "fails", &answers) {
            assert_ne!(next.id, "who");
            answers.push(Given::new(&next.id, "yes"));
        }
    }

    #[test]
    fn the_most_telling_question_has_the_largest_gain() {
        let content = model();
        let ranking = rank(&content, "fails", &[]);
        let who = gain(content.question("who").unwrap(), &ranking);
        let wifi = gain(content.question("wifi").unwrap(), &ranking);
        assert!(who > wifi && wifi > 0.0, "who {who}, wifi {wifi}");
        let blank = question("blank", vec![answer("a", &[]), answer("b", &[])]);
        assert_eq!(
            gain(&blank, &ranking),
            0.0,
            "answers that move nothing gain nothing"
        );
        // Once a cause is certain, nothing is left to learn.
        let sure = rank(
            &content,
            "fails",
            &[Given::new("who", "everyone"), Given::new("x", "y")],
        );
        assert!(gain(content.question("wifi").unwrap(), &sure) < who);
    }

    /// Three causes; "sign" is the key sign of "a"; "other" could overturn "a".
    fn stop_model() -> Content {
        let mut content = model();
        content.symptoms[0].causes = vec!["a".into(), "b".into(), "c".into()];
        content.causes = vec![
            cause("a", &["fa", REPORT_FIX]),
            cause("b", &["fb", REPORT_FIX]),
            cause("c", &["fb", REPORT_FIX]),
        ];
        content.fixes = vec![
            fix("fa", Effort::Quick),
            fix("fb", Effort::Quick),
            fix(REPORT_FIX, Effort::Moderate),
        ];
        content.questions = vec![
            question(
                "strong",
                vec![answer("yes", &[("a", 3)]), answer("no", &[("a", -2)])],
            ),
            question(
                "sign",
                vec![answer("yes", &[("a", 3)]), answer("no", &[("a", -3)])],
            ),
            question(
                "other",
                vec![
                    answer("yes", &[("b", 4), ("a", -2)]),
                    answer("no", &[("b", -1)]),
                ],
            ),
        ];
        content
    }

    #[test]
    fn the_check_stops_only_when_the_top_is_far_ahead_and_its_key_signs_were_asked() {
        let content = stop_model();
        let strong = [Given::new("strong", "yes")];
        let ranking = rank(&content, "fails", &strong);
        assert!(ahead(&ranking, STOP_SHARE, STOP_LEAD), "premise: far ahead");
        assert_eq!(
            key_questions(&content, ranking[0].cause),
            ["strong", "sign"]
        );
        // Far ahead, but its key sign wasn't asked: ask it, even before a more telling one.
        assert_eq!(ids(next_question(&content, "fails", &strong)), Some("sign"));
        // Key sign asked (not sure); "other" = yes could still put "b" on top: asked.
        let signed = [Given::new("strong", "yes"), Given::new("sign", NOT_SURE)];
        assert!(could_overturn(
            content.question("other").unwrap(),
            &rank(&content, "fails", &signed)
        ));
        assert_eq!(
            ids(next_question(&content, "fails", &signed)),
            Some("other")
        );
        let all = [
            signed[0].clone(),
            signed[1].clone(),
            Given::new("other", "no"),
        ];
        assert_eq!(next_question(&content, "fails", &all), None);
        // Without a clear leader, "Not sure" to everything ends when nothing is left.
        let unsure: Vec<Given> = ["strong", "sign", "other"]
            .iter()
            .map(|q| Given::new(q, NOT_SURE))
            .collect();
        assert_eq!(next_question(&content, "fails", &unsure), None);
    }

    #[test]
    fn an_answer_that_could_overturn_the_top_keeps_the_check_going() {
        let content = stop_model();
        let other = content.question("other").unwrap();
        let unsure = [Given::new("strong", "yes"), Given::new("sign", NOT_SURE)];
        assert!(could_overturn(other, &rank(&content, "fails", &unsure)));
        // With the key sign confirmed, "a" leads by too much for "other" to overturn it.
        let sure = [Given::new("strong", "yes"), Given::new("sign", "yes")];
        let ranking = rank(&content, "fails", &sure);
        assert!(!could_overturn(other, &ranking));
        assert_eq!(next_question(&content, "fails", &sure), None);
        // A rare answer (under FLIP_CHANCE) doesn't count, however strong.
        let rare = question("rare", vec![answer("yes", &[("b", 20)]), answer("no", &[])]);
        assert!(answer_chances(&rare, &ranking)[0] < FLIP_CHANCE);
        assert!(!could_overturn(&rare, &ranking));
    }

    fn ranked_with<'a>(causes: &'a [crate::content::Cause], points: &[f64]) -> Vec<Ranked<'a>> {
        let top = points.iter().copied().fold(f64::MIN, f64::max);
        let total: f64 = points.iter().map(|p| (p - top).exp2()).sum();
        causes
            .iter()
            .zip(points)
            .map(|(cause, p)| Ranked {
                cause,
                points: *p,
                likelihood: (p - top).exp2() / total,
                reasons: vec![],
            })
            .collect()
    }

    #[test]
    fn the_headline_and_labels_follow_the_numbers() {
        let causes: Vec<_> = ["a", "b", "c", "d"].iter().map(|c| cause(c, &[])).collect();
        // Exactly the thresholds: a lead of CLEAR_LEAD and a share of at least CLEAR_SHARE.
        let clear = ranked_with(&causes, &[CLEAR_LEAD, 0.0, -3.0, -3.0]);
        assert!(clear[0].likelihood >= CLEAR_SHARE);
        assert_eq!(headline(&clear), Headline::MostLikely);
        assert_eq!(likelihood_label(ui(), &clear, 0), "Most likely");
        assert_ne!(likelihood_label(ui(), &clear, 1), "Most likely");
        // Just under the lead: "A few things", and no card says "Most likely".
        let close = ranked_with(&causes, &[CLEAR_LEAD - 0.01, 0.0, -3.0, -3.0]);
        assert!(
            close[0].likelihood >= CLEAR_SHARE,
            "premise: the share alone is enough"
        );
        assert_eq!(headline(&close), Headline::FewThings);
        assert_eq!(likelihood_label(ui(), &close, 0), "Likely");
        // A lead of 2 points but under half the likelihood: not clear either.
        let many: Vec<_> = (0..8).map(|i| cause(&format!("c{i}"), &[])).collect();
        let spread = ranked_with(&many, &[2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        assert!(spread[0].likelihood < CLEAR_SHARE);
        assert_eq!(headline(&spread), Headline::FewThings);
        assert_eq!(Headline::FewThings.text(), "A few things could cause this");
        // Labels never disagree with the headline, wherever the points are.
        for a in -8..=8 {
            for b in -8..=8 {
                let r = ranked_with(
                    &causes,
                    &[f64::from(a) / 2.0, 0.0, f64::from(b) / 2.0, -1.0],
                );
                let mut sorted = r.clone();
                sorted.sort_by(|x, y| y.points.total_cmp(&x.points));
                let most = (0..4)
                    .filter(|i| likelihood_label(ui(), &sorted, *i) == "Most likely")
                    .count();
                assert_eq!(
                    most == 1,
                    headline(&sorted) == Headline::MostLikely,
                    "{a} {b}"
                );
                assert!(most <= 1);
                if most == 1 {
                    assert_eq!(likelihood_label(ui(), &sorted, 0), "Most likely");
                }
            }
        }
    }

    #[test]
    fn the_results_show_up_to_three_causes_that_are_not_ruled_out() {
        let causes: Vec<_> = ["a", "b", "c", "d"].iter().map(|c| cause(c, &[])).collect();
        let four = ranked_with(&causes, &[3.0, 2.0, 1.0, 0.0]);
        assert_eq!(shown(&four).len(), SHOWN);
        let ruled_out = ranked_with(&causes, &[6.0, 0.0, -5.0, -5.0]);
        assert!(ruled_out[1].likelihood < SHOWN_MIN);
        assert_eq!(shown(&ruled_out).len(), 1, "the top cause is always shown");
        assert!(shown(&[]).is_empty());
    }

    #[test]
    fn each_shown_cause_gets_its_own_reasons() {
        let mut content = model();
        content.symptoms[0].causes = vec!["network".into(), "privacy".into(), "app".into()];
        content.causes.push(cause("app", &["switch", REPORT_FIX]));
        content.questions.push(question(
            "rest",
            vec![
                // Nudges every cause a little: nobody's reason.
                answer("works", &[("network", 1), ("privacy", 1), ("app", 1)]),
                answer("x", &[]),
            ],
        ));
        content.questions.push(question(
            "both",
            vec![
                // Raises two causes: the reason of the one it raises most.
                answer("yes", &[("network", 2), ("app", 3)]),
                answer("no", &[]),
            ],
        ));
        let answers = [Given::new("rest", "works"), Given::new("both", "yes")];
        let ranking = rank(&content, "fails", &answers);
        let reasons_of = |id: &str| {
            ranking
                .iter()
                .find(|r| r.cause.id == id)
                .unwrap()
                .reasons
                .clone()
        };
        assert_eq!(reasons_of("app"), ["said yes"]);
        assert!(
            reasons_of("network").is_empty(),
            "{:?}",
            reasons_of("network")
        );
        assert!(
            reasons_of("privacy").is_empty(),
            "a one-point nudge for all is no reason"
        );
        let mut all: Vec<&str> = shown(&ranking)
            .iter()
            .flat_map(|r| r.reasons.clone())
            .collect();
        let n = all.len();
        all.dedup();
        assert_eq!(all.len(), n, "no line on two cards");
    }

    #[test]
    fn a_fix_whose_conditions_fail_is_never_in_the_plan() {
        let mut content = model();
        content.fixes[0].skip_if = vec!["wifi=no".into()];
        content.fixes[1].only_if = vec!["wifi=yes".into()];
        let plan_ids = |answers: &[Given]| plan_ids(&content, answers);
        let no = [Given::new("who", "everyone"), Given::new("wifi", "no")];
        assert!(!plan_ids(&no).contains(&"switch".to_string()));
        assert!(!plan_ids(&no).contains(&"reinstall".to_string()));
        let yes = [Given::new("who", "everyone"), Given::new("wifi", "yes")];
        assert!(plan_ids(&yes).contains(&"switch".to_string()));
        assert!(plan_ids(&yes).contains(&"reinstall".to_string()));
        assert!(!plan_ids(&no).is_empty(), "the other causes' fixes remain");
    }

    #[test]
    fn a_built_in_rule_ends_with_what_to_do_instead_not_a_report() {
        let mut content = model();
        content.causes[1].support_cant_change = Some("Support can't change it.".into());
        content.causes[1].fixes = vec!["ask".into(), "instead".into()];
        let mut instead = fix("instead", Effort::Check);
        instead.kind = StepKind::Explain;
        content.fixes.push(instead);
        let ids = |answers: &[Given]| plan_ids(&content, answers);
        let clear = [Given::new("who", "one")];
        assert!(clearly_ahead(&rank(&content, "fails", &clear)));
        let built_in = ids(&clear);
        assert_eq!(built_in.first().map(String::as_str), Some("ask"));
        assert_eq!(built_in.last().map(String::as_str), Some("instead"));
        assert!(!built_in.iter().any(|f| f == REPORT_FIX));
        assert_eq!(
            support_cant_change(&rank(&content, "fails", &clear)),
            ["Support can't change it."]
        );
        // Not clearly the cause: no explain step, as it would end the plan early.
        let unsure = ids(&[]);
        assert!(unsure.contains(&"ask".to_string()), "{unsure:?}");
        assert!(!unsure.iter().any(|f| f == "instead" || f == REPORT_FIX));
    }

    #[test]
    fn a_short_plan_offers_the_next_causes_fixes() {
        let mut content = model();
        content.causes[0].fixes = vec!["switch".into(), REPORT_FIX.into()];
        let answers = [Given::new("who", "everyone"), Given::new("wifi", "yes")];
        let ranking = rank(&content, "fails", &answers);
        assert!(ranking[1].likelihood < ranking[0].likelihood * RELATIVE_CUTOFF);
        let ids: Vec<&str> = plan(&content, "fails", &answers, &ranking)
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(ids, ["switch", "ask"]);
    }

    #[test]
    fn a_step_a_check_leads_to_is_reached_only_through_the_check() {
        let mut content = model();
        // "switch" becomes a check whose "yes" leads to waiting; "wait" is also one of
        // the network cause's own fixes.
        content.causes[0].fixes = vec![
            "switch".into(),
            "wait".into(),
            "reinstall".into(),
            REPORT_FIX.into(),
        ];
        let mut wait = fix("wait", Effort::Drastic);
        wait.kind = StepKind::Wait;
        content.fixes.push(wait);
        let ids = |content: &Content| -> Vec<String> {
            let ranking = rank(content, "fails", &[]);
            plan(content, "fails", &[], &ranking)
                .iter()
                .map(|f| f.id.clone())
                .collect()
        };
        assert!(
            ids(&content).contains(&"wait".to_string()),
            "premise: a plain step"
        );
        content.fixes[0].kind = StepKind::Check;
        content.fixes[0].answers = vec![
            crate::content::CheckAnswer {
                label: "Yes".into(),
                then: "wait".into(),
            },
            crate::content::CheckAnswer {
                label: "No".into(),
                then: "next".into(),
            },
        ];
        let with_check = ids(&content);
        assert_eq!(with_check.first().map(String::as_str), Some("switch"));
        assert!(!with_check.contains(&"wait".to_string()), "{with_check:?}");
    }

    #[test]
    fn the_top_causes_own_cheap_first_step_leads_the_plan() {
        let mut content = model();
        content.symptoms[0].causes = vec!["network".into(), "privacy".into(), "app".into()];
        content.causes = vec![
            cause("network", &["switch", REPORT_FIX]),
            cause("privacy", &["ask", REPORT_FIX]),
            cause("app", &["ask", REPORT_FIX]),
        ];
        let ids = |content: &Content| -> Vec<String> {
            plan(content, "fails", &[], &rank(content, "fails", &[]))
                .iter()
                .map(|f| f.id.clone())
                .collect()
        };
        // "ask" treats two causes and scores higher, but the most likely cause's own
        // quick first step comes first.
        assert_eq!(ids(&content)[..2], ["switch", "ask"]);
        // A costlier first step stays where its score puts it (cheaper first).
        content.causes[0].fixes = vec!["reinstall".into(), REPORT_FIX.into()];
        assert_eq!(ids(&content)[..2], ["ask", "reinstall"]);
    }
}

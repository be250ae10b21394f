//! Prints the story suite's hit rates: top-1 (the expected cause ranks first), top-3
//! (it is among the first three) and first-fix agreement, then each miss.
//! `cargo run --example story-rates` (`-- -v` for every story's questions and plan).

#[path = "../tests/common/stories.rs"]
mod stories;

use dm_doctor::content::content;
use stories::{plan_problems, play, rates, STORIES};

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let content = content();
    for story in STORIES {
        let outcome = play(content, story);
        let (t1, t3, ff) = (
            outcome.top1(story),
            outcome.top3(story),
            outcome.first_fix(story),
        );
        let problems = plan_problems(story, &outcome);
        if verbose || !t1 || !t3 || !ff || !problems.is_empty() {
            println!(
                "{} {} {} {} [{}]\n  asked: {}\n  ranking: {}\n  plan: {}\n  expected: {} / {}{}\n",
                if t1 { "top1" } else { "----" },
                if t3 { "top3" } else { "----" },
                if ff { "fix" } else { "---" },
                story.name,
                story.symptom,
                outcome.transcript(),
                outcome
                    .ranking
                    .iter()
                    .take(4)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", "),
                outcome.plan.join(", "),
                story.top,
                story.first_fix,
                if problems.is_empty() {
                    String::new()
                } else {
                    format!("\n  plan problems: {}", problems.join("; "))
                }
            );
        }
    }
    let asked: usize = STORIES.iter().map(|s| play(content, s).asked.len()).sum();
    println!(
        "questions asked: {:.1} on average",
        asked as f64 / STORIES.len() as f64
    );
    let (t1, t3, ff) = rates(content);
    println!(
        "{} stories: top-1 {t1:.0}%, top-3 {t3:.0}%, first fix {ff:.0}%",
        STORIES.len()
    );
}

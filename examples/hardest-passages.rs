//! Prints the hardest user-facing passages of the shipped content, hardest first, with
//! their Flesch–Kincaid grade: `cargo run --example hardest-passages [count]` (10 by
//! default), or every readability problem with `-- --problems`. Only passages long enough to be graded are listed (see
//! `content::readability`); the build fails on any above the maximum grade.

use dm_doctor::content::readability::{measure, MAX_GRADE};
use dm_doctor::content::{content, validate};

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--problems") {
        let mut problems = Vec::new();
        validate::check_readability(content(), &mut problems);
        println!("{}", problems.join("\n"));
        return;
    }
    let count = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let mut graded: Vec<(f64, String, &str)> = validate::passages(content())
        .into_iter()
        .filter_map(|p| measure(p.text).grade.map(|g| (g, p.at, p.text)))
        .collect();
    graded.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total = graded.len();
    let over = graded.iter().filter(|(g, _, _)| *g > MAX_GRADE).count();
    println!("{total} graded passages, {over} above grade {MAX_GRADE}. Hardest {count}:\n");
    for (grade, at, text) in graded.into_iter().take(count) {
        println!("{grade:5.1}  {at}\n       {text}\n");
    }
}

//! What the results would show for each story: the headline, and up to three cards with
//! their label, likelihood and "why we think so" lines (the person's own answers).
//! `cargo run --example story-cards`.

#[path = "../tests/common/stories.rs"]
mod stories;
use dm_doctor::content::content;
use dm_doctor::diagnosis::engine::{headline, likelihood_label, rank_with, shown};
fn main() {
    let c = content();
    for s in stories::STORIES {
        let o = stories::play(c, s);
        let r = rank_with(c, s.symptom, &o.asked, s.connection);
        println!("{} — {}", s.name, headline(&r).text());
        for (i, x) in shown(&r).iter().enumerate() {
            println!(
                "   [{}] {} {:.0}%: {:?}",
                likelihood_label(dm_doctor::content::ui(), &r, i),
                x.cause.id,
                x.likelihood * 100.0,
                x.reasons
            );
        }
    }
}

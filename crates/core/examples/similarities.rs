//! Tuning aid: for each sentence of the first file, its best partners in the second, scored as
//! `align` scores them with every given file in the session.
//!
//! `cargo run --release -p parallax-core --example similarities -- A B [MORE...]`

use parallax_core::align::{sentence_similarities, AlignInput, AlignOptions};
use parallax_core::ingest::ingest;
use parallax_core::sentences::sentences;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    assert!(paths.len() >= 2, "usage: similarities A B [MORE...]");
    let docs: Vec<_> = paths
        .iter()
        .map(|p| ingest(p, &std::fs::read(p).expect("readable file")).expect("an article"))
        .collect();
    let inputs: Vec<AlignInput<'_>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| AlignInput::of(parallax_core::ArticleId(i as i64), d))
        .collect();
    let scores = sentence_similarities(&inputs, 0, 1, &AlignOptions::default());
    let sa = sentences(&docs[0].body, "en", &docs[0].boilerplate);
    let sb = sentences(&docs[1].body, "en", &docs[1].boilerplate);
    let short = |t: &str| t.chars().take(110).collect::<String>();
    for (i, row) in scores.iter().enumerate() {
        let mut best: Vec<(usize, f32)> = row.iter().copied().enumerate().collect();
        best.sort_by(|x, y| y.1.total_cmp(&x.1));
        println!("A{i}: {}", short(&docs[0].body[sa[i].range()]));
        for &(j, s) in best.iter().take(2) {
            println!("   {s:.3} B{j}: {}", short(&docs[1].body[sb[j].range()]));
        }
    }
}

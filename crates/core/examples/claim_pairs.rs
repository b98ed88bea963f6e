//! Tuning aid for same-claim alignment: writes, for the shared corpus, every article's
//! sentences (as `align` cuts them), the aligner's score of every cross-article sentence pair,
//! the pairs it puts together (rows and links), and the judged gold pairs, as four TSV files in OUT, for experiments outside the crate.
//!
//! `cargo run --release -p parallax-core --example claim_pairs -- OUT [CLAIM_THRESHOLD]`

use parallax_core::align::{align, sentence_similarities, AlignInput, AlignOptions};
use parallax_core::ingest::ingest;
use std::io::Write;

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: claim_pairs OUT"));
    std::fs::create_dir_all(&out).expect("an output folder");
    let files = parallax_testdata::corpus::read();
    let docs: Vec<_> = files
        .iter()
        .map(|(n, b)| ingest(n, b).expect("an article"))
        .collect();
    let inputs: Vec<AlignInput<'_>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| AlignInput::of(parallax_core::ArticleId(i as i64 + 1), d))
        .collect();
    // An optional claim threshold to try instead of the default.
    let options = match std::env::args().nth(2) {
        Some(t) => AlignOptions::default().claim_threshold(t.parse().expect("a threshold")),
        None => AlignOptions::default(),
    };
    let sentences = align(&inputs, 0, &options).sentences;
    let mut w = std::fs::File::create(out.join("sentences.tsv")).unwrap();
    for (a, list) in sentences.iter().enumerate() {
        for (i, s) in list.iter().enumerate() {
            let text = docs[a].body[s.range()].replace(['\t', '\n'], " ");
            writeln!(
                w,
                "{a}\t{i}\t{}\t{}\t{:?}\t{text}",
                s.range().start,
                s.range().end,
                s.kind
            )
            .unwrap();
        }
    }
    let mut w = std::fs::File::create(out.join("scores.tsv")).unwrap();
    for a in 0..docs.len() {
        for b in a + 1..docs.len() {
            for (i, row) in sentence_similarities(&inputs, a, b, &options)
                .iter()
                .enumerate()
            {
                for (j, s) in row.iter().enumerate() {
                    writeln!(w, "{a}\t{i}\t{b}\t{j}\t{s}").unwrap();
                }
            }
        }
    }
    // What the aligner puts together: rows and links, each article the pivot in turn.
    let found: std::collections::BTreeSet<_> = (0..inputs.len())
        .flat_map(|pivot| align(&inputs, pivot, &options).sentence_pairs())
        .collect();
    let mut w = std::fs::File::create(out.join("found.tsv")).unwrap();
    for (a, i, b, j) in found {
        writeln!(w, "{a}\t{i}\t{b}\t{j}").unwrap();
    }
    // Gold ranges moved from file bytes to body bytes, as the same-claim test places them.
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let mut w = std::fs::File::create(out.join("gold.tsv")).unwrap();
    for row in parallax_testdata::realtext::gold_rows("corpus_same_claim.tsv") {
        let n = |i: usize| row[i].parse::<usize>().unwrap();
        let (a, b) = (
            names.iter().position(|x| *x == row[0]).unwrap(),
            names.iter().position(|x| *x == row[3]).unwrap(),
        );
        let place = |k: usize, s: usize, e: usize| {
            let text = std::str::from_utf8(&files[k].1[s..e]).ok()?.trim();
            let probe: String = text.chars().take(60).collect();
            let start = docs[k].body.find(&probe)?;
            Some((start, start + text.len().min(docs[k].body.len() - start)))
        };
        if let (Some(ra), Some(rb)) = (place(a, n(1), n(2)), place(b, n(4), n(5))) {
            writeln!(
                w,
                "{a}\t{}\t{}\t{b}\t{}\t{}\t{}",
                ra.0, ra.1, rb.0, rb.1, row[6]
            )
            .unwrap();
        }
    }
    println!("wrote {}", out.display());
}

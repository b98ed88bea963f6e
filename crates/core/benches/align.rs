//! Alignment of a five-article session of ~1,500 words each, from a deterministic generator:
//! the articles share most claims, reworded and partly reordered, as real coverage does.

use criterion::{criterion_group, criterion_main, Criterion};
use parallax_core::align::{align, AlignInput, AlignOptions};
use parallax_core::side_by_side::side_by_side;
use std::hint::black_box;

/// A small linear congruential generator: reproducible everywhere, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % bound as u64) as usize
    }
}

const COMMON: &[&str] = &[
    "the",
    "government",
    "officials",
    "said",
    "talks",
    "relations",
    "country",
    "capital",
    "on",
    "and",
    "with",
    "in",
    "a",
    "of",
    "minister",
    "agreement",
    "sanctions",
    "week",
    "plan",
    "council",
    "report",
    "after",
    "region",
    "economy",
    "security",
    "policy",
];

/// One claim: a few rare words (names, numbers) and topical filler.
fn claim(rng: &mut Lcg, id: usize) -> Vec<String> {
    let mut words: Vec<String> = (0..4).map(|k| format!("Name{id}x{k}")).collect();
    words.push(format!("{}", 1000 + id * 7));
    for _ in 0..15 {
        words.push(COMMON[rng.next(COMMON.len())].to_string());
    }
    words
}

fn article(rng: &mut Lcg, claims: &[Vec<String>], own: usize) -> String {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    // A few swaps: reordered text.
    for _ in 0..4 {
        let (a, b) = (rng.next(order.len()), rng.next(order.len()));
        order.swap(a, b);
    }
    let mut out = String::from("Session Headline Number One\n\n");
    for (k, &c) in order.iter().enumerate() {
        if rng.next(10) == 0 {
            continue; // a claim this outlet leaves out
        }
        let mut words = claims[c].clone();
        // Reword: drop and replace some words, shuffle a little.
        for _ in 0..3 {
            let at = rng.next(words.len());
            words[at] = COMMON[rng.next(COMMON.len())].to_string();
        }
        let at = rng.next(words.len());
        let last = words.len() - 1;
        words.swap(at, last);
        out.push_str("The ");
        out.push_str(&words.join(" "));
        out.push_str(&format!(" in outlet{own}. "));
        if k % 5 == 4 {
            out.push_str("\n\n");
        }
    }
    out
}

fn session() -> Vec<String> {
    let mut rng = Lcg(42);
    let claims: Vec<Vec<String>> = (0..72).map(|id| claim(&mut rng, id)).collect();
    (0..5).map(|own| article(&mut rng, &claims, own)).collect()
}

fn bench(c: &mut Criterion) {
    let bodies = session();
    let words: usize = bodies.iter().map(|b| b.split_whitespace().count()).sum();
    assert!(words > 6_000, "session has {words} words");
    let inputs: Vec<AlignInput> = bodies
        .iter()
        .enumerate()
        .map(|(k, body)| AlignInput {
            id: parallax_core::ArticleId(k as i64),
            body,
            boilerplate: &[],
            language: "en",
        })
        .collect();
    let options = AlignOptions::default();
    c.bench_function("align 5 articles x 1,500 words", |b| {
        b.iter(|| align(black_box(&inputs), 0, &options))
    });
    // What opening a session computes: the alignment, then the word diffs inside every row and
    // the runs the app draws.
    let texts: Vec<&str> = bodies.iter().map(String::as_str).collect();
    c.bench_function(
        "align and lay out 5 articles x 1,500 words side by side",
        |b| {
            b.iter(|| {
                let alignment = align(black_box(&inputs), 0, &options);
                side_by_side(&alignment, &texts, &[])
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The core's benchmarks: the analysis of a session (a five-article session of ~1,500 words
//! each from a deterministic generator, whose articles share most claims, reworded and partly
//! reordered, as real coverage does; and the five real articles of the shared corpus), and
//! reading the fixture cases the tests read.

use criterion::{criterion_group, criterion_main, Criterion};
use parallax_core::align::{align, AlignInput, AlignOptions};
use parallax_core::ingest::ingest;
use parallax_core::sentences::sentences;
use parallax_core::session::{self, analyse, SessionArticle, SessionOptions};
use parallax_core::ArticleId;
use parallax_testdata::Rng;
use std::hint::black_box;

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
fn claim(rng: &mut Rng, id: usize) -> Vec<String> {
    let mut words: Vec<String> = (0..4).map(|k| format!("Name{id}x{k}")).collect();
    words.push(format!("{}", 1000 + id * 7));
    for _ in 0..15 {
        words.push(COMMON[rng.below(COMMON.len())].to_string());
    }
    words
}

fn article(rng: &mut Rng, claims: &[Vec<String>], own: usize) -> String {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    // A few swaps: reordered text.
    for _ in 0..4 {
        let (a, b) = (rng.below(order.len()), rng.below(order.len()));
        order.swap(a, b);
    }
    let mut out = String::from("Session Headline Number One\n\n");
    for (k, &c) in order.iter().enumerate() {
        if rng.below(10) == 0 {
            continue; // a claim this outlet leaves out
        }
        let mut words = claims[c].clone();
        // Reword: drop and replace some words, shuffle a little.
        for _ in 0..3 {
            let at = rng.below(words.len());
            words[at] = COMMON[rng.below(COMMON.len())].to_string();
        }
        let at = rng.below(words.len());
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
    let mut rng = Rng::new(42);
    let claims: Vec<Vec<String>> = (0..72).map(|id| claim(&mut rng, id)).collect();
    (0..5).map(|own| article(&mut rng, &claims, own)).collect()
}

/// A session's articles as the analysis reads them.
fn session_articles(bodies: &[String]) -> Vec<SessionArticle<'_>> {
    bodies
        .iter()
        .enumerate()
        .map(|(k, body)| SessionArticle {
            text: AlignInput {
                id: ArticleId(k as i64),
                body,
                boilerplate: &[],
                language: "en",
            },
            published: None,
            title: None,
            outlet: None,
        })
        .collect()
}

fn session_benches(c: &mut Criterion) {
    let bodies = session();
    let words: usize = bodies.iter().map(|b| b.split_whitespace().count()).sum();
    assert!(words > 6_000, "session has {words} words");
    let articles = session_articles(&bodies);
    let inputs: Vec<AlignInput> = articles.iter().map(|a| a.text).collect();
    let options = AlignOptions::default();
    c.bench_function("align 5 articles x 1,500 words", |b| {
        b.iter(|| align(black_box(&inputs), 0, &options))
    });
    // What opening a session computes: quotations, the alignment laid out with the word diffs
    // inside every row, shared passages, counts.
    let session_options = SessionOptions::default();
    c.bench_function("analyse a session of 5 articles x 1,500 words", |b| {
        b.iter(|| analyse(black_box(&articles), 0, &session_options))
    });
    // The same on real coverage: the five articles of the shared corpus.
    let corpus: Vec<_> = parallax_testdata::corpus::read()
        .into_iter()
        .map(|(name, bytes)| ingest(&name, &bytes).expect("a corpus article"))
        .collect();
    let real: Vec<SessionArticle<'_>> = corpus
        .iter()
        .enumerate()
        .map(|(k, d)| SessionArticle::of(ArticleId(k as i64), d))
        .collect();
    c.bench_function("analyse the shared corpus (5 real articles)", |b| {
        b.iter(|| analyse(black_box(&real), 0, &session_options))
    });
    // The framing part of those analyses alone (alignment and quotations given).
    for (name, articles) in [
        (
            "framing of a session of 5 articles x 1,500 words",
            &articles,
        ),
        ("framing of the shared corpus (5 real articles)", &real),
    ] {
        let alignment = session::align(articles, 0, &session_options.align);
        let quotations = session::quotations(articles);
        c.bench_function(name, |b| {
            b.iter(|| {
                session::framing(
                    black_box(articles),
                    Some(&alignment),
                    &quotations,
                    &session_options,
                )
            })
        });
    }
}

/// A session at the comparison limit: articles of `MAX_COMPARED_WORDS` words, made of the
/// shared corpus's paragraphs (real text, each article starting from another outlet's), and the
/// same from the synthetic generator above (more distinct words: names and numbers).
fn limit_benches(c: &mut Criterion) {
    let limit = session::MAX_COMPARED_WORDS;
    let corpus: Vec<String> = parallax_testdata::corpus::read()
        .into_iter()
        .map(|(_, bytes)| String::from_utf8(bytes).expect("UTF-8"))
        .collect();
    let real: Vec<String> = (0..session::MAX_ARTICLES)
        .map(|k| {
            let paragraphs = (k..).flat_map(|i| corpus[i % corpus.len()].split("\n\n").skip(1));
            up_to_words(paragraphs, limit)
        })
        .collect();
    let mut rng = Rng::new(7);
    let claims: Vec<Vec<String>> = (0..limit / 20).map(|id| claim(&mut rng, id)).collect();
    let synthetic: Vec<String> = (0..session::MAX_ARTICLES)
        .map(|own| up_to_words(article(&mut rng, &claims, own).split("\n\n"), limit))
        .collect();
    let options = SessionOptions::default();
    let mut group = c.benchmark_group("at the comparison limit");
    group.sample_size(10);
    for (kind, bodies) in [("real", &real), ("synthetic", &synthetic)] {
        for n in [2, session::MAX_ARTICLES] {
            let articles = session_articles(&bodies[..n]);
            group.bench_function(
                format!("analyse {n} {kind} articles x {limit} words"),
                |b| b.iter(|| analyse(black_box(&articles), 0, &options)),
            );
        }
    }
    // One of those real articles with no line break at all (a text saved without them, a PDF
    // read as one paragraph): the sentence splitter takes a long line a window at a time.
    let one_line = real[0].replace('\n', " ");
    group.bench_function(
        format!("sentences of a real article of {limit} words on one line"),
        |b| b.iter(|| sentences(black_box(&one_line), "en", &[])),
    );
    group.finish();
}

/// Paragraphs joined until the next would pass `limit` words.
fn up_to_words<'a>(paragraphs: impl Iterator<Item = &'a str>, limit: usize) -> String {
    let mut words = 0;
    let kept: Vec<&str> = paragraphs
        .take_while(|p| {
            words += p.split_whitespace().count();
            words <= limit
        })
        .collect();
    assert!(words > limit, "not enough text for {limit} words");
    kept.join("\n\n")
}

/// Reading the fixture cases the tests check: what one file costs to import.
fn ingest_benches(c: &mut Criterion) {
    for (kind, exts) in [
        ("html", &["html"][..]),
        ("plain", &["txt", "md"][..]),
        ("pdf", &["pdf"][..]),
    ] {
        let cases = parallax_testdata::fixtures::read(kind, exts);
        assert!(!cases.is_empty(), "no {kind} fixture cases");
        c.bench_function(
            &format!("ingest the {} {kind} fixture cases", cases.len()),
            |b| {
                b.iter(|| {
                    for (name, bytes) in &cases {
                        black_box(ingest(name, black_box(bytes)).ok());
                    }
                })
            },
        );
    }
}

criterion_group!(benches, session_benches, limit_benches, ingest_benches);
criterion_main!(benches);

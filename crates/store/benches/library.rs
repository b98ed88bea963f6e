//! Library benchmarks: importing 10,000 generated ~600-word articles into a fresh library (FTS
//! index included, files read from disk), full-text search over them, opening a comparison
//! session among them (library word frequencies, alignment, layout, notes), and shared passages
//! across a library of 10,000 with passages planted in pairs.
//! Run: `cargo bench -p parallax-store --bench library`. Figures go to docs/benchmarks.md.

use parallax_testdata as corpus;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use parallax_store::{AnalysisCache, Library};
use std::time::Duration;

const ARTICLES: usize = 10_000;
const WORDS: usize = 600;

fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus");
    corpus::write_corpus(&input, ARTICLES, WORDS).unwrap();
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(60))
        .throughput(Throughput::Elements(ARTICLES as u64));
    group.bench_function(BenchmarkId::new("plain_text_articles", ARTICLES), |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |db_dir| {
                let mut library = Library::open(&db_dir.path().join("library.sqlite3")).unwrap();
                let report = library.import_paths(std::slice::from_ref(&input), |_| {});
                assert_eq!(
                    report.imported.len(),
                    ARTICLES,
                    "{:?}",
                    report.failed.first()
                );
                db_dir
            },
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus");
    corpus::write_corpus(&input, ARTICLES, WORDS).unwrap();
    let mut library = Library::open(&dir.path().join("library.sqlite3")).unwrap();
    library.import_paths(&[input], |_| {});
    let vocabulary = corpus::vocabulary();
    let mut group = c.benchmark_group("search_10k");
    let queries = [
        ("frequent_word", vocabulary[3].clone()),
        ("rare_word", vocabulary[4000].clone()),
        (
            "two_words",
            format!("{} {}", vocabulary[10], vocabulary[50]),
        ),
        ("prefix", vocabulary[20][..3].to_string()),
    ];
    for (name, query) in queries {
        group.bench_function(name, |b| b.iter(|| library.search(&query, 200).unwrap()));
    }
    group.finish();

    // What the app's open_session does: read the session, its articles and notes and the
    // library's frequencies of their words, then align and lay out.
    let ids: Vec<_> = library
        .list()
        .unwrap()
        .iter()
        .take(5)
        .map(|a| a.id)
        .collect();
    let session = library.create_session("bench", &ids).unwrap();
    let mut group = c.benchmark_group("session_10k");
    group.bench_function("open_5_articles", |b| {
        b.iter(|| library.session_view(session.id, None).unwrap())
    });
    // What the app does when a note comes or goes: the same, with the analysis from its cache.
    let cache = AnalysisCache::default();
    group.bench_function("reopen_5_articles_analysis_cached", |b| {
        b.iter(|| {
            let mut view = library.load_session_view(session.id, None).unwrap();
            view.lay_out(&cache);
            view
        })
    });
    group.bench_function("library_frequencies_5_articles", |b| {
        let articles: Vec<_> = ids.iter().map(|&id| library.get(id).unwrap()).collect();
        b.iter(|| library.background(&articles).unwrap())
    });
    group.finish();
}

/// Shared passages across a 10,000-article library with 1,000 passages planted in pairs.
fn reuse(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus");
    std::fs::create_dir_all(&input).unwrap();
    let planted = corpus::planted_corpus(3, ARTICLES, WORDS, ARTICLES / 10, 25..80, 0.10);
    for (i, body) in planted.bodies.iter().enumerate() {
        std::fs::write(input.join(format!("article-{i:06}.txt")), body).unwrap();
    }
    let mut library = Library::open(&dir.path().join("library.sqlite3")).unwrap();
    library.import_paths(&[input], |_| {});
    let mut group = c.benchmark_group("reuse_10k");
    group.sample_size(10);
    group.bench_function("whole_library", |b| {
        b.iter(|| library.reuse(None, 20).unwrap())
    });
    group.finish();
}

criterion_group!(benches, import, search, reuse);
criterion_main!(benches);

//! Shared passages across the library, on a real SQLite file: the sample's wire passage, the
//! fingerprints kept at import and backfilled, deleted articles left out, and passages planted
//! in a synthetic corpus found through the whole import-and-index path.

use crate::open;
use parallax_store::{ArticleId, Library, FINGERPRINT_VERSION};
use parallax_testdata::planted_corpus;
use std::collections::{BTreeSet, HashMap};

fn sample_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(dir.path());
    let report = library.import_sample();
    assert_eq!(report.imported.len(), 4, "{:?}", report.failed);
    (dir, library)
}

/// The sample article whose outlet is `outlet`.
fn by_outlet(library: &Library, outlet: &str) -> ArticleId {
    library
        .list()
        .unwrap()
        .into_iter()
        .find(|a| a.outlet.as_deref() == Some(outlet))
        .unwrap_or_else(|| panic!("no {outlet} in the sample"))
        .id
}

#[test]
fn the_samples_wire_passage_is_shared_by_the_outlets_that_carry_it() {
    let (_dir, mut library) = sample_library();
    let wire = by_outlet(&library, "Meridian Wire");
    let ledger = by_outlet(&library, "The Harbour Ledger");
    let watchfire = by_outlet(&library, "The Watchfire");
    let report = library.reuse(None, 20).unwrap();
    let pairs: BTreeSet<(ArticleId, ArticleId)> = report
        .passages
        .iter()
        .map(|p| (p.a.article, p.b.article))
        .collect();
    let pair = |x: ArticleId, y: ArticleId| (x.min(y), x.max(y));
    assert!(pairs.contains(&pair(wire, ledger)), "{pairs:?}");
    assert!(pairs.contains(&pair(wire, watchfire)), "{pairs:?}");
    for passage in &report.passages {
        assert!(passage.a.article < passage.b.article);
        assert!(passage.words >= 20 && passage.similarity >= 0.8);
        let a = library.get(passage.a.article).unwrap();
        let b = library.get(passage.b.article).unwrap();
        let (text_a, text_b) = (
            &a.body[passage.a.start..passage.a.end],
            &b.body[passage.b.start..passage.b.end],
        );
        assert!(
            text_a.contains("completed in 1971")
                || text_b.contains("completed in 1971")
                || passage.words >= 20
        );
        // Dates decide who had it first: the wire (4 March) before the Watchfire (5 March).
        if (passage.a.article, passage.b.article) == pair(wire, watchfire) {
            assert_eq!(passage.first, Some(wire));
        }
        // The wire and the Ledger share a date: nobody is first.
        if (passage.a.article, passage.b.article) == pair(wire, ledger) {
            assert_eq!(passage.first, None);
        }
    }
    let wire_share = report.articles.iter().find(|r| r.article == wire).unwrap();
    assert!(wire_share.reused_words > 20 && wire_share.reused_words < wire_share.words);
    assert!(wire_share.partners.contains(&ledger));
    // Only some articles: the others' passages are left out.
    let only = library.reuse(Some(&[wire, ledger]), 20).unwrap();
    assert!(only
        .passages
        .iter()
        .all(|p| pair(p.a.article, p.b.article) == pair(wire, ledger)));
    assert!(!only.passages.is_empty());
}

#[test]
fn fingerprints_are_stored_at_import_and_backfilled_when_missing_or_stale() {
    let (dir, mut library) = sample_library();
    let conn = rusqlite::Connection::open(dir.path().join("library.sqlite3")).unwrap();
    let stored: i64 = conn
        .query_row(
            "SELECT count(*) FROM article_fingerprints WHERE version = ?1",
            [FINGERPRINT_VERSION],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 4, "every imported article has its fingerprints");
    assert_eq!(library.update_fingerprints().unwrap(), 0);
    let before = library.reuse(None, 20).unwrap();
    // An article imported before fingerprints existed, and one of an older method.
    conn.execute(
        "DELETE FROM article_fingerprints WHERE article_id = (SELECT min(id) FROM articles)",
        [],
    )
    .unwrap();
    conn.execute("UPDATE article_fingerprints SET version = 0 WHERE article_id = (SELECT max(id) FROM articles)", [])
        .unwrap();
    let after = library.reuse(None, 20).unwrap();
    assert_eq!(after, before);
    assert_eq!(library.update_fingerprints().unwrap(), 0);
}

#[test]
fn deleted_articles_share_nothing() {
    let (_dir, mut library) = sample_library();
    let wire = by_outlet(&library, "Meridian Wire");
    library.delete(&[wire]).unwrap();
    let report = library.reuse(None, 20).unwrap();
    assert!(report
        .passages
        .iter()
        .all(|p| p.a.article != wire && p.b.article != wire));
    assert!(
        library.reuse(Some(&[wire]), 20).is_err(),
        "asking for a deleted article is an error"
    );
}

#[test]
fn planted_passages_are_found_through_import_and_the_index() {
    let corpus = planted_corpus(5, 60, 300, 30, 30..60, 0.05);
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = corpus
        .bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            let path = dir.path().join(format!("article-{i:03}.txt"));
            std::fs::write(&path, body).unwrap();
            path
        })
        .collect();
    let mut library = open(dir.path());
    let mut ids = HashMap::new();
    let report = library.import_paths(&files, |_| {});
    assert_eq!(report.imported.len(), files.len(), "{:?}", report.failed);
    for imported in &report.imported {
        let index: usize = imported.path.file_stem().unwrap().to_string_lossy()[8..]
            .parse()
            .unwrap();
        ids.insert(index, imported.id);
    }
    let found = library.reuse(None, 20).unwrap();
    let pairs: BTreeSet<(ArticleId, ArticleId)> = found
        .passages
        .iter()
        .map(|p| (p.a.article, p.b.article))
        .collect();
    let missed: Vec<_> = corpus
        .planted
        .iter()
        .filter(|p| {
            let (x, y) = (ids[&p.a], ids[&p.b]);
            !pairs.contains(&(x.min(y), x.max(y)))
        })
        .collect();
    assert!(
        missed.is_empty(),
        "{} of {} planted passages missed",
        missed.len(),
        corpus.planted.len()
    );
    assert!(
        found.passages.len() <= corpus.planted.len() + 2,
        "{} found",
        found.passages.len()
    );
}

/// Precision and recall of the passages found, by article pair, against the planted pairs.
fn pair_scores(
    report: &parallax_store::ReuseReport,
    planted: &BTreeSet<(ArticleId, ArticleId)>,
) -> (f64, f64) {
    let found: BTreeSet<(ArticleId, ArticleId)> = report
        .passages
        .iter()
        .map(|p| (p.a.article.min(p.b.article), p.a.article.max(p.b.article)))
        .collect();
    let right = found.intersection(planted).count();
    (
        right as f64 / found.len().max(1) as f64,
        right as f64 / planted.len() as f64,
    )
}

#[test]
fn outlet_footers_and_stock_phrases_are_learned_as_boilerplate_not_reported_as_reuse() {
    let corpus = parallax_testdata::outlet_library(11, 1200, 24, 80, 20);
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("corpus");
    std::fs::create_dir_all(&folder).unwrap();
    let mut paths = Vec::new();
    for (i, text) in corpus.files.iter().enumerate() {
        let path = folder.join(format!("article-{i:05}.txt"));
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    let mut library = open(dir.path());
    let report = library.import_paths(&paths, |_| {});
    assert_eq!(
        report.imported.len(),
        corpus.files.len(),
        "{:?}",
        report.failed
    );
    let ids: HashMap<usize, ArticleId> = report
        .imported
        .iter()
        .map(|f| {
            let stem = f.path.file_stem().unwrap().to_string_lossy().into_owned();
            (stem[8..].parse().unwrap(), f.id)
        })
        .collect();
    assert_eq!(
        library.summary(ids[&0]).unwrap().outlet.as_deref(),
        Some(corpus.outlets[0].as_str())
    );
    let planted: BTreeSet<(ArticleId, ArticleId)> = corpus
        .planted
        .iter()
        .map(|p| (ids[&p.a].min(ids[&p.b]), ids[&p.a].max(ids[&p.b])))
        .collect();

    // Before learning, every two articles of one outlet share its footer.
    let before = library.reuse(None, 20).unwrap();
    let (precision_before, recall_before) = pair_scores(&before, &planted);
    assert!(
        precision_before < 0.5,
        "footers should swamp reuse: {precision_before:.3}"
    );

    let learned = library.learn_boilerplate(None, &mut |_| {}).unwrap();
    assert_eq!(learned.outlets, 24);
    assert!(learned.articles >= 1150, "{learned:?}");
    let after = library.reuse(None, 20).unwrap();
    let (precision, recall) = pair_scores(&after, &planted);
    println!(
        "outlet library of 1,200: before learning P {precision_before:.3} R {recall_before:.3}; \
         after P {precision:.3} R {recall:.3}"
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
    // The footer is boilerplate of the article now: out of its word count and its analyses.
    let first = library.get(ids[&0]).unwrap();
    let footer = first.body.rsplit("\n\n").next().unwrap();
    let footer_start = first.body.len() - footer.len();
    assert!(first
        .boilerplate
        .iter()
        .any(|r| r.start <= footer_start && r.end == first.body.len()));

    // An article of the outlet imported later is marked from what was learned.
    let later = folder.join("later.txt");
    let outlet = &corpus.outlets[0];
    let footer_text = footer.to_string();
    std::fs::write(
        &later,
        format!("A later headline for the test\n\nBy Ana Lind | {outlet}\n\nA paragraph of new text that nobody else has written, long enough to be a paragraph.\n\n{footer_text}\n"),
    )
    .unwrap();
    let report = library.import_paths(std::slice::from_ref(&later), |_| {});
    let id = report.imported[0].id;
    library.learn_boilerplate(None, &mut |_| {}).unwrap();
    let article = library.get(id).unwrap();
    assert!(
        article
            .boilerplate
            .iter()
            .any(|r| article.body[r.clone()] == footer_text),
        "{:?}",
        article.boilerplate
    );
}

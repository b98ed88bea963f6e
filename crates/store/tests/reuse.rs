//! Shared passages across the library, on a real SQLite file: the sample's wire passage, the
//! fingerprints kept at import and backfilled, deleted articles left out, and passages planted
//! in a synthetic corpus found through the whole import-and-index path.

use parallax_store::{ArticleId, Library, FINGERPRINT_VERSION};
use parallax_testdata::planted_corpus;
use std::collections::{BTreeSet, HashMap};

fn sample_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("library.sqlite3")).unwrap();
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
    let mut library = Library::open(&dir.path().join("library.sqlite3")).unwrap();
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

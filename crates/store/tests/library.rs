//! The library on a real SQLite file in a temporary folder.

use crate::{open, write};
use parallax_core::ingest::IngestError;
use parallax_store::{
    ArticleId, ImportError, ImportEvent, Library, MetadataEdit, StoreError, MIGRATIONS,
};
use std::path::PathBuf;

const ARTICLE_A: &str = "Tide barrier closes early at Lowmarsh\n\nBy Odile Fenn\n\n\
LOWMARSH (The Estuary Post) March 2, 2026 — The tide barrier at Lowmarsh closed two hours early on \
Monday after river gauges rose faster than forecast, the harbour office said.\n\n\
“We would rather close early than close late,” said Bram Oyelaran, the harbour master.\n";

const ARTICLE_B: &str = "Lowmarsh barrier shut ahead of surge\n\nBy Kit Marrow\n\n\
LOWMARSH (Coastline Daily) March 2, 2026 — The tide barrier at Lowmarsh shut three hours early on \
Monday as gauges climbed faster than expected, officials said.\n\n\
“We would rather close early than close late,” the harbour master said.\n";

#[test]
fn migrations_are_valid() {
    MIGRATIONS.validate().unwrap();
}

#[test]
fn a_new_file_is_created_and_reopened_with_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.txt", ARTICLE_A.as_bytes());
    {
        let mut library = open(dir.path());
        assert!(library.was_created());
        let report = library.import_paths(&[file], |_| {});
        assert_eq!(report.imported.len(), 1, "{report:?}");
    }
    let library = open(dir.path());
    assert!(!library.was_created());
    let list = library.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, "Tide barrier closes early at Lowmarsh");
    assert_eq!(list[0].outlet.as_deref(), Some("The Estuary Post"));
    assert_eq!(list[0].author.as_deref(), Some("Odile Fenn"));
    assert_eq!(list[0].published.as_deref(), Some("2026-03-02"));
    let article = library.get(list[0].id).unwrap();
    assert!(article.body.contains("harbour master"));
    assert!(
        !article.body.starts_with("Tide barrier"),
        "the title is not part of the body"
    );
    library.integrity_check().unwrap();
}

#[test]
fn search_finds_words_with_highlighted_snippets_and_ignores_query_syntax() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(dir.path());
    let files = [
        write(dir.path(), "a.txt", ARTICLE_A.as_bytes()),
        write(dir.path(), "b.txt", ARTICLE_B.as_bytes()),
    ];
    library.import_paths(&files, |_| {});

    let hits = library.search("gauges forecast", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].article.title,
        "Tide barrier closes early at Lowmarsh"
    );
    let highlighted: Vec<_> = hits[0]
        .snippet
        .iter()
        .filter(|p| p.highlight)
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        highlighted.contains(&"gauges") && highlighted.contains(&"forecast"),
        "{highlighted:?}"
    );

    // Prefix of the last word, both articles.
    assert_eq!(library.search("barri", 10).unwrap().len(), 2);
    // Quote marks, operators and "U.S." are words, not FTS syntax errors.
    assert!(library.search("\"close AND (late OR", 10).is_ok());
    assert!(library.search("U.S.", 10).unwrap().is_empty());
    assert!(library.search("  ", 10).unwrap().is_empty());
}

#[test]
fn the_same_text_again_is_a_duplicate_even_with_other_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(dir.path());
    let first = write(dir.path(), "a.txt", ARTICLE_A.as_bytes());
    let crlf = write(
        dir.path(),
        "copy/a-windows.txt",
        ARTICLE_A.replace('\n', "\r\n").as_bytes(),
    );
    let report = library.import_paths(&[first, crlf.clone()], |_| {});
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.duplicates.len(), 1);
    assert_eq!(report.duplicates[0].path, crlf);
    assert_eq!(report.duplicates[0].existing_id, report.imported[0].id);
    assert_eq!(library.count().unwrap(), 1);
}

#[cfg(unix)]
#[test]
fn bad_files_fail_one_by_one_and_the_rest_of_the_batch_imports() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch");
    write(&batch, "01-good.txt", ARTICLE_A.as_bytes());
    write(&batch, "02-empty.txt", b"");
    write(
        &batch,
        "03-binary.txt",
        &[
            0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0, 1, 2, 3, 0, 0, 0,
        ],
    );
    write(&batch, "04-notes.odt", b"not supported");
    write(&batch, "deeper/05-good.txt", ARTICLE_B.as_bytes());
    std::os::unix::fs::symlink(batch.join("missing.txt"), batch.join("06-dangling.txt")).unwrap();
    let fifo = batch.join("07-pipe.txt");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    // Sparse: over the limit on paper, refused before a byte is read.
    let huge = std::fs::File::create(batch.join("08-huge.txt")).unwrap();
    huge.set_len(parallax_core::ingest::MAX_FILE_BYTES as u64 + 1)
        .unwrap();

    let mut library = open(dir.path());
    let mut events = Vec::new();
    let report = library.import_paths(std::slice::from_ref(&batch), |e| events.push(e));

    assert_eq!(report.imported.len(), 2, "{report:#?}");
    let reason = |name: &str| {
        report
            .failed
            .iter()
            .find(|f| f.path.file_name().unwrap() == name)
            .unwrap_or_else(|| panic!("{name} not reported: {report:#?}"))
            .error
            .clone()
    };
    assert_eq!(
        reason("02-empty.txt"),
        ImportError::Ingest(IngestError::Empty)
    );
    assert_eq!(
        reason("03-binary.txt"),
        ImportError::Ingest(IngestError::Binary)
    );
    assert!(matches!(
        reason("04-notes.odt"),
        ImportError::Ingest(IngestError::UnsupportedType { .. })
    ));
    assert!(matches!(
        reason("06-dangling.txt"),
        ImportError::Unreadable(_)
    ));
    assert!(matches!(reason("07-pipe.txt"), ImportError::NotAFile(_)));
    assert!(matches!(
        reason("08-huge.txt"),
        ImportError::Ingest(IngestError::TooLarge { .. })
    ));
    assert_eq!(report.failed.len(), 6);
    assert!(reason("06-dangling.txt")
        .to_string()
        .contains("no such file"));

    assert_eq!(events.first(), Some(&ImportEvent::Started { total: 8 }));
    assert_eq!(events.len(), 9);
    library.integrity_check().unwrap();
    assert_eq!(library.count().unwrap(), 2);
}

#[test]
fn a_failed_write_leaves_nothing_of_the_article_behind() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let mut library = Library::open(&db).unwrap();
    // A trigger that fails the article insert, after its outlet row was written in the same
    // transaction: neither may remain.
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN new.title LIKE 'Tide%' \
             BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
        )
        .unwrap();
    let files = [
        write(dir.path(), "a.txt", ARTICLE_A.as_bytes()),
        write(dir.path(), "b.txt", ARTICLE_B.as_bytes()),
    ];
    let report = library.import_paths(&files, |_| {});
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.failed.len(), 1);
    assert!(
        matches!(&report.failed[0].error, ImportError::Database(m) if m.contains("disk on fire"))
    );
    let outlets: Vec<String> = other
        .prepare("SELECT name FROM outlets ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(outlets, vec!["Coastline Daily".to_string()]);
    library.integrity_check().unwrap();
}

#[test]
fn metadata_edits_are_validated_and_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(dir.path());
    let report = library.import_paths(&[write(dir.path(), "a.txt", ARTICLE_A.as_bytes())], |_| {});
    let id = report.imported[0].id;

    let bad_date = MetadataEdit {
        title: "T".into(),
        published: Some("March 2".into()),
        ..Default::default()
    };
    assert!(matches!(
        library.update_metadata(id, &bad_date),
        Err(StoreError::InvalidInput(_))
    ));
    let blank = MetadataEdit {
        title: "  ".into(),
        ..Default::default()
    };
    assert!(matches!(
        library.update_metadata(id, &blank),
        Err(StoreError::InvalidInput(_))
    ));

    let edit = MetadataEdit {
        title: "Barrier closed at dawn".into(),
        outlet: Some("Estuary Evening".into()),
        agency: Some(" Reuters ".into()),
        author: Some("  ".into()),
        published: Some("2026-03-03".into()),
        url: Some("https://estuary.example/barrier".into()),
    };
    let summary = library.update_metadata(id, &edit).unwrap();
    assert_eq!(summary.title, "Barrier closed at dawn");
    assert_eq!(summary.outlet.as_deref(), Some("Estuary Evening"));
    assert_eq!(summary.agency.as_deref(), Some("Reuters"));
    assert_eq!(summary.author, None, "blank clears");
    assert_eq!(summary.published.as_deref(), Some("2026-03-03"));
    assert_eq!(
        library.search("dawn", 5).unwrap().len(),
        1,
        "the FTS index follows title edits"
    );
    assert!(matches!(
        library.update_metadata(ArticleId(999), &edit),
        Err(StoreError::ArticleNotFound(999))
    ));
}

#[test]
fn agency_copy_keeps_agency_and_outlet_apart_and_outlets_are_set_several_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(dir.path());
    let files = [
        (
            "ap.txt",
            "Ferry strike halts traffic\n\nBY JANE ROE - Associated Press\n\nBERGEN, Norway (AP) — Ferry crews walked off the job on Monday, stranding commuters.",
        ),
        (
            "lede.txt",
            "Venezuela has launched an exploratory process to restore formal diplomatic relations with the United States, a step that marks an easing of tensions.",
        ),
        (
            "efe.txt",
            "Noruega refuerza la vigilancia en su frontera\n\nBergen, 11 ene (EFE).- Las autoridades noruegas reforzaron este domingo la vigilancia en la frontera con Suecia después de que el Gobierno anunciara nuevas medidas de control para los viajeros.",
        ),
    ];
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(name, text)| write(dir.path(), name, text.as_bytes()))
        .collect();
    let report = library.import_paths(&paths, |_| {});
    assert_eq!(report.imported.len(), 3, "{report:?}");
    // After the import, each article gets the language its text is written in.
    let ids: Vec<ArticleId> = report.imported.iter().map(|f| f.id).collect();
    let mut steps = Vec::new();
    let after = library
        .after_import(&ids, |p| steps.push((p.done, p.total)))
        .unwrap();
    assert_eq!(after.languages, 3);
    // One step an article, one an outlet, counted up to the end.
    let total = steps.last().expect("progress").1;
    assert!(total >= 3, "{steps:?}");
    assert_eq!(steps.last(), Some(&(total, total)));
    assert!(steps.windows(2).all(|w| w[0].0 <= w[1].0), "{steps:?}");
    let language = |i: usize| library.get(ids[i]).unwrap().language;
    assert_eq!(
        (language(0).as_deref(), language(2).as_deref()),
        (Some("en"), Some("es"))
    );
    let by_title = |needle: &str| {
        library
            .list()
            .unwrap()
            .into_iter()
            .find(|a| a.title.contains(needle))
            .unwrap_or_else(|| panic!("no article titled with {needle:?}"))
    };
    let ap = by_title("Ferry strike");
    assert_eq!(ap.agency.as_deref(), Some("Associated Press"));
    assert_eq!(
        ap.outlet.as_deref(),
        Some("Associated Press"),
        "an agency copy with no publisher known"
    );
    assert_eq!(ap.author.as_deref(), Some("Jane Roe"));
    assert!(!ap.title_derived);
    let lede = by_title("Venezuela has launched");
    assert!(
        lede.title_derived,
        "no headline: the title comes from the opening"
    );

    // Both copies were saved from one site: set their outlet at once; the agency stays.
    let ids = [ap.id, lede.id];
    let updated = library.set_outlet(&ids, Some(" Coastline News ")).unwrap();
    assert_eq!(updated.len(), 2);
    assert!(updated
        .iter()
        .all(|a| a.outlet.as_deref() == Some("Coastline News")));
    assert_eq!(
        library.summary(ap.id).unwrap().agency.as_deref(),
        Some("Associated Press")
    );
    // The title the person writes is theirs, no longer derived.
    let edit = MetadataEdit {
        title: "Caracas opens a path to talks".into(),
        outlet: Some("Coastline News".into()),
        ..Default::default()
    };
    assert!(
        !library
            .update_metadata(lede.id, &edit)
            .unwrap()
            .title_derived
    );
}

#[test]
fn the_work_after_an_import_left_undone_is_done_on_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let english = "The ferry crews walked off the job on Monday, stranding thousands of commuters on both sides of the fjord, and the union said the strike would go on.";
    let spanish = "Noruega refuerza la vigilancia en su frontera\n\nBergen, 11 ene (EFE).- Las autoridades noruegas reforzaron este domingo la vigilancia en la frontera con Suecia después de que el Gobierno anunciara nuevas medidas de control para los viajeros.";
    let paths = [
        write(dir.path(), "en.txt", english.as_bytes()),
        write(dir.path(), "es.txt", spanish.as_bytes()),
    ];
    // An import whose app closed before the work after it ran.
    let ids: Vec<ArticleId> = {
        let mut library = open(dir.path());
        let report = library.import_paths(&paths, |_| {});
        assert_eq!(report.imported.len(), 2, "{report:?}");
        report.imported.iter().map(|f| f.id).collect()
    };
    let mut library = open(dir.path());
    assert_eq!(library.get(ids[0]).unwrap().language, None);
    // The next run does it without being told which articles.
    let after = library.after_import(&[], |_| {}).unwrap();
    let language = |library: &Library, i: usize| library.get(ids[i]).unwrap().language;
    assert_eq!(after.languages, 2);
    assert_eq!(
        (
            language(&library, 0).as_deref(),
            language(&library, 1).as_deref()
        ),
        (Some("en"), Some("es"))
    );
    // Done once: nothing is left for the run after.
    let mut steps = Vec::new();
    let again = library.after_import(&[], |p| steps.push(p.total)).unwrap();
    assert_eq!(again.languages, 0);
    assert_eq!(steps.last(), Some(&0));
}

#[test]
fn delete_hides_restore_undoes_and_purge_removes_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(dir.path());
    let file = write(dir.path(), "a.txt", ARTICLE_A.as_bytes());
    let id = library
        .import_paths(std::slice::from_ref(&file), |_| {})
        .imported[0]
        .id;

    assert_eq!(library.delete(&[id]).unwrap(), 1);
    assert_eq!(library.count().unwrap(), 0);
    assert!(matches!(
        library.get(id),
        Err(StoreError::ArticleNotFound(_))
    ));
    assert!(library.search("gauges", 5).unwrap().is_empty());

    assert_eq!(library.restore(&[id]).unwrap(), 1);
    assert_eq!(library.get(id).unwrap().summary.id, id);
    assert_eq!(library.search("gauges", 5).unwrap().len(), 1);

    library.delete(&[id]).unwrap();
    // Importing the same text again while it is deleted brings the article back, same id.
    let report = library.import_paths(std::slice::from_ref(&file), |_| {});
    assert_eq!(report.imported.len(), 1, "{report:?}");
    assert_eq!(report.imported[0].id, id);
    assert_eq!(library.count().unwrap(), 1);

    library.delete(&[id]).unwrap();
    assert_eq!(library.purge_deleted(0).unwrap(), 1);
    assert_eq!(library.restore(&[id]).unwrap(), 0);
    // Ids are never reused.
    let report = library.import_paths(std::slice::from_ref(&file), |_| {});
    assert!(report.imported[0].id > id);
    library.integrity_check().unwrap();
}

#[test]
fn purge_keeps_deleted_articles_that_notes_point_at() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let mut library = Library::open(&db).unwrap();
    let files = [
        write(dir.path(), "a.txt", ARTICLE_A.as_bytes()),
        write(dir.path(), "b.txt", ARTICLE_B.as_bytes()),
    ];
    let report = library.import_paths(&files, |_| {});
    let (noted, plain) = (report.imported[0].id, report.imported[1].id);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT INTO notes (article_id, body, created_at, updated_at) VALUES (?1, 'check this', 'now', 'now')",
            [noted.0],
        )
        .unwrap();
    library.delete(&[noted, plain]).unwrap();
    assert_eq!(library.purge_deleted(0).unwrap(), 1);
    assert_eq!(
        library.restore(&[noted, plain]).unwrap(),
        1,
        "the noted article is still restorable"
    );
}

#[test]
fn the_sample_library_has_four_outlets_about_one_event() {
    let mut library = Library::open_in_memory().unwrap();
    let report = library.import_sample();
    assert_eq!(report.imported.len(), 4, "{report:#?}");
    assert!(report.failed.is_empty());
    let mut outlets: Vec<_> = library
        .list()
        .unwrap()
        .into_iter()
        .filter_map(|a| a.outlet)
        .collect();
    outlets.sort();
    outlets.dedup();
    assert_eq!(outlets.len(), 4, "{outlets:?}");
    assert!(library
        .list()
        .unwrap()
        .iter()
        .all(|a| a.words > 400 && a.published.is_some()));
    // A second load finds them all already there.
    assert_eq!(library.import_sample().duplicates.len(), 4);
}

#[test]
fn the_diff_of_two_articles_marks_changed_words_and_covers_both_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(dir.path());
    let files = [
        write(dir.path(), "a.txt", ARTICLE_A.as_bytes()),
        write(dir.path(), "b.txt", ARTICLE_B.as_bytes()),
    ];
    let report = library.import_paths(&files, |_| {});
    let (a, b) = (report.imported[0].id, report.imported[1].id);
    let diff = library.diff(a, b).unwrap();
    assert!(diff.diff.counts.changes > 2);
    assert!(diff.diff.counts.equal_words > 10);
    let deleted: Vec<&str> = diff
        .diff
        .left
        .iter()
        .filter(|r| r.kind == parallax_core::diff::RunKind::Deleted)
        .map(|r| &diff.left.body[r.start..r.end])
        .collect();
    assert!(deleted.iter().any(|t| t.contains("two")), "{deleted:?}");
    assert_eq!(diff.diff.left.last().unwrap().end, diff.left.body.len());
    assert_eq!(diff.diff.right.last().unwrap().end, diff.right.body.len());
}

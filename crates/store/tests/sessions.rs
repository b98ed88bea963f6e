//! Sessions and notes on a real SQLite file in a temporary folder.

use crate::open;
use parallax_store::{
    AnalysisCache, ArticleId, Library, NewNote, SessionId, SessionView, StoreError, TagCount,
};
use serde_json::json;
use std::path::{Path, PathBuf};

const ARTICLES: [(&str, &str); 3] = [
    (
        "a.txt",
        "Tide barrier closes early at Lowmarsh\n\nBy Odile Fenn\n\n\
         The tide barrier at Lowmarsh closed two hours early on Monday after river gauges rose \
         faster than forecast, the harbour office said.\n\n\
         “We would rather close early than close late,” said Bram Oyelaran, the harbour master.\n",
    ),
    (
        "b.txt",
        "Lowmarsh barrier shut ahead of surge\n\nBy Kit Marrow\n\n\
         The tide barrier at Lowmarsh shut three hours early on Monday as gauges climbed faster \
         than expected, officials said.\n\n\
         “We would rather close early than close late,” the harbour master said.\n",
    ),
    (
        "c.txt",
        "Surge spares Lowmarsh\n\nBy Ana Quist\n\n\
         Nobody was hurt when the surge reached Lowmarsh on Monday night. The harbour master \
         said the barrier held.\n",
    ),
];

/// The temporary folder, the library in it, its articles' ids and its file. Bind the folder to
/// a name (`_dir`), not `_`: it must outlive the test.
struct Fixture(tempfile::TempDir, Library, Vec<ArticleId>, PathBuf);

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = ARTICLES
        .iter()
        .map(|(name, text)| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let path = dir.path().join("library.sqlite3");
    let mut library = Library::open(&path).unwrap();
    let mut ids = Vec::new();
    // One file at a time so ids follow the ARTICLES order.
    for file in files {
        let report = library.import_paths(&[file], |_| {});
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        ids.push(report.imported[0].id);
    }
    Fixture(dir, library, ids, path)
}

/// A second connection, as another process (or a re-import) would change the file.
/// A note on `quote` in `article`, in `session`.
fn on_passage(session: SessionId, article: ArticleId, quote: &str, body: &str) -> NewNote {
    NewNote {
        session: Some(session),
        article: Some(article),
        quote: Some(quote.into()),
        body: body.into(),
        ..NewNote::default()
    }
}

/// The note on the second article's barrier timing.
fn timing_note(session: SessionId, article: ArticleId) -> NewNote {
    on_passage(
        session,
        article,
        "three hours early",
        "Two hours in the other report.",
    )
}

fn raw(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    conn
}

fn invalid(result: Result<impl std::fmt::Debug, StoreError>) -> String {
    match result {
        Err(StoreError::InvalidInput(message)) => message,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[test]
fn sessions_round_trip() {
    let Fixture(_dir, mut library, ids, _) = fixture();
    let first = library
        .create_session("  Barrier coverage ", &ids[..2])
        .unwrap();
    assert_eq!(first.name, "Barrier coverage");
    assert_eq!(first.articles, ids[..2]);
    let second = library
        .create_session("All three", &[ids[2], ids[0], ids[1]])
        .unwrap();
    assert_eq!(second.articles, [ids[2], ids[0], ids[1]]);

    let listed: Vec<SessionId> = library
        .list_sessions()
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(listed, [second.id, first.id]);

    // Timestamps have millisecond resolution: let one pass so the rename is strictly newer.
    std::thread::sleep(std::time::Duration::from_millis(5));
    let renamed = library.rename_session(first.id, "Renamed").unwrap();
    assert_eq!(renamed.name, "Renamed");
    assert!(renamed.updated_at >= first.updated_at);
    // The renamed one is the most recently changed.
    assert_eq!(library.list_sessions().unwrap()[0].id, first.id);

    let view = json!({ "pivot": 1, "scroll": 420, "panel": "notes" });
    library.save_view_state(first.id, view.clone()).unwrap();
    let session = library.session(first.id).unwrap();
    assert_eq!(session.view_state, view);
    assert_eq!(library.session(second.id).unwrap().view_state, json!({}));

    let set = library
        .set_session_articles(first.id, &[ids[1], ids[2], ids[0]])
        .unwrap();
    assert_eq!(set.articles, [ids[1], ids[2], ids[0]]);

    library
        .add_note(NewNote {
            session: Some(first.id),
            body: "Compare the timings.".into(),
            tags: vec!["timing".into()],
            ..NewNote::default()
        })
        .unwrap();
    let copy = library.duplicate_session(first.id).unwrap();
    assert_eq!(copy.name, "Renamed (copy)");
    assert_eq!(copy.articles, set.articles);
    assert_eq!(library.session(copy.id).unwrap().view_state, view);
    let copied = library.notes(copy.id).unwrap();
    assert_eq!(copied.len(), 1);
    assert_eq!(copied[0].body, "Compare the timings.");
    assert_eq!(copied[0].tags, ["timing"]);
    assert_eq!(copied[0].session, Some(copy.id));

    library.delete_session(first.id).unwrap();
    assert!(library
        .list_sessions()
        .unwrap()
        .iter()
        .all(|s| s.id != first.id));
    assert!(matches!(
        library.session(first.id),
        Err(StoreError::SessionNotFound(_))
    ));
    library.restore_session(first.id).unwrap();
    assert_eq!(library.session(first.id).unwrap().summary.name, "Renamed");
    assert_eq!(library.notes(first.id).unwrap().len(), 1);
    library.integrity_check().unwrap();
}

#[test]
fn invalid_sessions_are_refused_with_a_reason() {
    let Fixture(_dir, mut library, ids, _) = fixture();
    assert!(invalid(library.create_session("One", &ids[..1])).contains("2 to 8"));
    assert!(invalid(library.create_session("  ", &ids[..2])).contains("name"));
    assert!(invalid(library.create_session("Twice", &[ids[0], ids[0]])).contains("twice"));
    assert!(matches!(
        library.create_session("Missing", &[ids[0], ArticleId(999)]),
        Err(StoreError::ArticleNotFound(999))
    ));
    library.delete(&[ids[2]]).unwrap();
    assert!(matches!(
        library.create_session("Deleted", &[ids[0], ids[2]]),
        Err(StoreError::ArticleNotFound(_))
    ));
    assert!(matches!(
        library.rename_session(SessionId(42), "x"),
        Err(StoreError::SessionNotFound(42))
    ));
    let session = library.create_session("Ok", &ids[..2]).unwrap();
    assert!(invalid(library.set_session_articles(session.id, &ids[..1])).contains("2 to 8"));
    assert_eq!(
        library.session(session.id).unwrap().summary.articles,
        ids[..2]
    );
    assert!(library.list_sessions().unwrap().len() == 1);
}

#[test]
fn notes_round_trip_with_tags_reused_across_sessions() {
    let Fixture(_dir, mut library, ids, _) = fixture();
    let one = library.create_session("One", &ids[..2]).unwrap();
    let two = library.create_session("Two", &ids[1..]).unwrap();

    // The quote is in both A and B; in B it is picked, with line breaks as a page shows them.
    let quoted = library
        .add_note(NewNote {
            tags: vec!["Timing".into(), "discrepancy".into(), "timing ".into()],
            ..on_passage(
                one.id,
                ids[1],
                "shut three\nhours   early",
                "Three, not two.",
            )
        })
        .unwrap();
    let anchor = quoted.quote.clone().unwrap();
    assert_eq!(anchor.exact, "shut three hours early");
    assert!(anchor.prefix.ends_with("at Lowmarsh "));
    let body = library.get(ids[1]).unwrap().body;
    let (start, end) = quoted.located().unwrap();
    assert_eq!(&body[start..end], "shut three hours early");
    assert!(!quoted.orphaned);
    assert_eq!(quoted.tags, ["discrepancy", "Timing"]);

    // An earlier passage of the first column, added later, lists first.
    let earlier = library
        .add_note(on_passage(one.id, ids[0], "two hours early", "Two."))
        .unwrap();
    let session_note = library
        .add_note(NewNote {
            session: Some(one.id),
            body: "Overall the accounts agree.".into(),
            ..NewNote::default()
        })
        .unwrap();
    let order: Vec<_> = library
        .notes(one.id)
        .unwrap()
        .iter()
        .map(|n| n.id)
        .collect();
    assert_eq!(order, [earlier.id, quoted.id, session_note.id]);

    // The other session reuses the tag whatever its case.
    let other = library
        .add_note(NewNote {
            tags: vec!["TIMING".into()],
            ..on_passage(two.id, ids[2], "the barrier held", "Held.")
        })
        .unwrap();
    assert_eq!(other.tags, ["Timing"]);
    assert_eq!(
        library.tags().unwrap(),
        [
            TagCount {
                name: "Timing".to_string(),
                notes: 2
            },
            TagCount {
                name: "discrepancy".to_string(),
                notes: 1
            }
        ]
    );

    let updated = library
        .update_note(quoted.id, "Three hours, says B.", &["sources".into()])
        .unwrap();
    assert_eq!(updated.body, "Three hours, says B.");
    assert_eq!(updated.tags, ["sources"]);
    assert!(updated.quote.is_some());

    let found = library.search_notes("says").unwrap();
    assert_eq!(found.iter().map(|n| n.id).collect::<Vec<_>>(), [quoted.id]);
    assert!(library.search_notes("three").unwrap().len() == 1);
    assert!(library.search_notes("  ").unwrap().is_empty());

    library.delete_note(quoted.id).unwrap();
    assert_eq!(library.notes(one.id).unwrap().len(), 2);
    assert!(library.search_notes("says").unwrap().is_empty());
    library.restore_note(quoted.id).unwrap();
    assert_eq!(library.notes(one.id).unwrap().len(), 3);
    assert!(matches!(
        library.delete_note(parallax_store::NoteId(999)),
        Err(StoreError::NoteNotFound(999))
    ));
    library.integrity_check().unwrap();
}

#[test]
fn invalid_notes_are_refused_with_a_reason() {
    let Fixture(_dir, mut library, ids, _) = fixture();
    let session = library.create_session("One", &ids[..2]).unwrap();
    let message = invalid(library.add_note(on_passage(
        session.id,
        ids[0],
        "the barrier was breached",
        "x",
    )));
    assert_eq!(
        message,
        format!("the quoted text is not in article {}", ids[0])
    );
    assert!(invalid(library.add_note(NewNote {
        session: Some(session.id),
        quote: Some("closed".into()),
        body: "x".into(),
        ..NewNote::default()
    }))
    .contains("needs the article"));
    assert!(invalid(library.add_note(NewNote {
        session: Some(session.id),
        article: Some(ids[2]),
        body: "x".into(),
        ..NewNote::default()
    }))
    .contains("not in session"));
    assert!(invalid(library.add_note(NewNote {
        session: Some(session.id),
        body: "   ".into(),
        ..NewNote::default()
    }))
    .contains("needs a body"));
    assert!(matches!(
        library.add_note(NewNote {
            session: Some(SessionId(77)),
            body: "x".into(),
            ..NewNote::default()
        }),
        Err(StoreError::SessionNotFound(77))
    ));
    assert!(library.notes(session.id).unwrap().is_empty());
}

#[test]
fn notes_survive_edits_and_purges_as_orphans() {
    let Fixture(_dir, mut library, ids, path) = fixture();
    let session = library.create_session("One", &ids).unwrap();
    let add = |library: &mut Library, article: ArticleId, quote: &str| {
        library
            .add_note(on_passage(
                session.id,
                article,
                quote,
                &format!("on “{quote}”"),
            ))
            .unwrap()
    };
    let moved = add(&mut library, ids[0], "river gauges rose");
    let edited = add(&mut library, ids[0], "faster than forecast");
    let purged = add(&mut library, ids[2], "Nobody was hurt");

    // The article is edited behind the library's back: a new paragraph moves one passage and the
    // other's text is gone.
    let body = library.get(ids[0]).unwrap().body;
    let new_body = format!("Update: the barrier reopened.\n\n{body}")
        .replace("faster than forecast", "quicker than predicted");
    let conn = raw(&path);
    conn.execute(
        "UPDATE articles SET body = ?2 WHERE id = ?1",
        rusqlite::params![ids[0].0, new_body],
    )
    .unwrap();

    let notes = library.notes(session.id).unwrap();
    let get = |id| notes.iter().find(|n| n.id == id).unwrap();
    let (start, end) = get(moved.id).located().unwrap();
    assert_eq!(&new_body[start..end], "river gauges rose");
    assert!(start > moved.located().unwrap().0);
    assert!(get(edited.id).orphaned && get(edited.id).located().is_none());
    assert_eq!(
        get(edited.id).quote.as_ref().unwrap().exact,
        "faster than forecast"
    );

    // Purging the article (as a later purge or another tool would) keeps the note, orphaned.
    conn.execute(
        "DELETE FROM session_articles WHERE article_id = ?1",
        [ids[2].0],
    )
    .unwrap();
    conn.execute("DELETE FROM articles WHERE id = ?1", [ids[2].0])
        .unwrap();
    let notes = library.notes(session.id).unwrap();
    assert_eq!(notes.len(), 3);
    let kept = notes.iter().find(|n| n.id == purged.id).unwrap();
    assert_eq!(kept.article, None);
    assert!(kept.orphaned);
    assert_eq!(kept.quote.as_ref().unwrap().exact, "Nobody was hurt");
    // Orphans sort after located notes.
    assert_eq!(notes[0].id, moved.id);
    library.integrity_check().unwrap();
}

#[test]
fn a_session_view_aligns_its_articles_and_marks_the_notes() {
    let Fixture(_dir, mut library, ids, _) = fixture();
    let session = library
        .create_session("Barrier", &[ids[0], ids[1], ids[2]])
        .unwrap();
    let note = library.add_note(timing_note(session.id, ids[1])).unwrap();

    // No pivot asked for and none saved: the first column.
    let view = library.session_view(session.id, None).unwrap();
    assert_eq!(view.pivot, Some(ids[0]));
    assert!(view.missing.is_empty());
    let layout = view.layout().expect("three articles align");
    assert_eq!(layout.pivot, 0);
    assert_eq!(layout.articles.len(), 3);
    // The barrier sentences of the first two articles share a row.
    let row = layout
        .rows
        .iter()
        .find(|r| {
            r.cells[0].as_ref().is_some_and(|c| {
                c.iter()
                    .any(|s| view.articles[0].body[s.start..s.end].contains("two hours early"))
            })
        })
        .expect("the barrier row");
    let partner = row.cells[1]
        .as_ref()
        .expect("the second article's barrier sentence");
    let marked: String = partner
        .iter()
        .flat_map(|s| &s.runs)
        .filter(|r| r.notes == vec![note.id])
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(marked, "three hours early");

    // The pivot saved in the view state is used when none is asked for; an asked one wins.
    library
        .save_view_state(session.id, json!({ "pivot": ids[1].0 }))
        .unwrap();
    let view = library.session_view(session.id, None).unwrap();
    assert_eq!(view.pivot, Some(ids[1]));
    assert_eq!(view.layout().unwrap().pivot, 1);
    let view = library.session_view(session.id, Some(ids[2])).unwrap();
    assert_eq!(view.pivot, Some(ids[2]));
    // A pivot that is not in the session falls back to the first column.
    let view = library
        .session_view(session.id, Some(ArticleId(9_999)))
        .unwrap();
    assert_eq!(view.pivot, Some(ids[0]));
}

#[test]
fn a_note_added_is_marked_without_analysing_the_session_again() {
    let Fixture(_dir, mut library, ids, _) = fixture();
    let session = library
        .create_session("Barrier", &[ids[0], ids[1]])
        .unwrap();
    let analyses = AnalysisCache::default();
    let open = |library: &Library, pivot| {
        let mut view = library.load_session_view(session.id, pivot).unwrap();
        view.lay_out(&analyses);
        view
    };
    let before = open(&library, None);
    assert_eq!(analyses.computed(), 1);
    let note = library.add_note(timing_note(session.id, ids[1])).unwrap();
    let after = open(&library, None);
    assert_eq!(analyses.computed(), 1, "the analysis was reused");
    let marked: String = after
        .layout()
        .unwrap()
        .rows
        .iter()
        .flat_map(|r| r.cells[1].iter().flatten())
        .flat_map(|s| &s.runs)
        .filter(|r| r.notes == vec![note.id])
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(marked, "three hours early");
    // The text is the same with and without the note: only the runs are cut anew.
    let text = |view: &SessionView| -> String {
        view.layout()
            .unwrap()
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten().flatten())
            .flat_map(|s| &s.runs)
            .map(|r| r.text.as_str())
            .collect()
    };
    assert_eq!(text(&before), text(&after));
    // Another pivot is another analysis.
    open(&library, Some(ids[1]));
    assert_eq!(analyses.computed(), 2);
}

#[test]
fn a_session_with_deleted_articles_opens_with_what_is_left() {
    let Fixture(_dir, mut library, ids, _) = fixture();
    let session = library.create_session("Two", &[ids[0], ids[1]]).unwrap();
    library.delete(&[ids[1]]).unwrap();
    let view = library.session_view(session.id, Some(ids[1])).unwrap();
    assert_eq!(view.missing, vec![ids[1]]);
    assert_eq!(view.articles.len(), 1);
    assert_eq!(view.pivot, Some(ids[0]));
    assert!(
        view.layout().is_none(),
        "one article has nothing to align with"
    );
    // The session still lists both: restoring the article brings the comparison back.
    assert_eq!(view.session.summary.articles, vec![ids[0], ids[1]]);
    library.restore(&[ids[1]]).unwrap();
    assert!(library
        .session_view(session.id, None)
        .unwrap()
        .layout()
        .is_some());
}

#[test]
fn notes_are_found_by_their_quote_and_their_tags() {
    let Fixture(_dir, mut library, ids, _) = fixture();
    let session = library.create_session("Search", &[ids[0], ids[1]]).unwrap();
    let quoted = library
        .add_note(NewNote {
            tags: vec!["hydrology".into()],
            ..on_passage(
                session.id,
                ids[0],
                "river gauges rose",
                "Check the gauge data.",
            )
        })
        .unwrap();
    let found = |library: &Library, query: &str| -> Vec<i64> {
        library
            .search_notes(query)
            .unwrap()
            .iter()
            .map(|n| n.id.0)
            .collect()
    };
    assert_eq!(found(&library, "rose"), vec![quoted.id.0], "by the quote");
    assert_eq!(
        found(&library, "hydrolo"),
        vec![quoted.id.0],
        "by a tag prefix"
    );
    // Tags changed later are searchable at once; removed ones no longer match.
    library
        .update_note(quoted.id, "Check the gauge data.", &["levels".into()])
        .unwrap();
    assert!(found(&library, "hydrology").is_empty());
    assert_eq!(found(&library, "levels"), vec![quoted.id.0]);
    library.delete_note(quoted.id).unwrap();
    assert!(found(&library, "levels").is_empty());
}

#[test]
fn word_frequencies_of_the_library_come_from_its_index() {
    let Fixture(dir, mut library, ids, _) = fixture();
    let articles: Vec<_> = ids.iter().map(|&id| library.get(id).unwrap()).collect();
    let background = library.background(&articles[..1]).unwrap();
    assert_eq!(background.documents, 3);
    // "Lowmarsh" is in all three articles, "gauges" in the first two, "forecast" in one.
    assert_eq!(background.frequencies.get("lowmarsh"), Some(&3));
    assert_eq!(background.frequencies.get("gauges"), Some(&2));
    assert_eq!(background.frequencies.get("forecast"), Some(&1));
    // Function words are no terms, so they are not looked up.
    assert_eq!(background.frequencies.get("the"), None);

    // Counts read once are reused, but not once an article came or went.
    let more = dir.path().join("d.txt");
    std::fs::write(
        &more,
        "Forecast misses the surge\n\nThe forecast for Lowmarsh missed the surge by a day.\n",
    )
    .unwrap();
    assert_eq!(library.import_paths(&[more], |_| {}).imported.len(), 1);
    let background = library.background(&articles[..1]).unwrap();
    assert_eq!(background.documents, 4);
    assert_eq!(background.frequencies.get("forecast"), Some(&2));
    library.delete(&[ids[1]]).unwrap();
    let background = library.background(&articles[..1]).unwrap();
    assert_eq!(background.documents, 3);
}

#[test]
fn distinctive_words_stay_finite_when_the_index_still_counts_deleted_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = parallax_store::Library::open(&dir.path().join("lib.sqlite3")).unwrap();
    // Many articles made of two words, deleted (the full-text index keeps counting them until
    // they are purged), then a session of two live articles using those words.
    let mut files = Vec::new();
    for i in 0..40 {
        let path = dir.path().join(format!("noise-{i}.txt"));
        std::fs::write(
            &path,
            format!("Grain harbour {i}\n\n{}", "grain harbour ".repeat(200)),
        )
        .unwrap();
        files.push(path);
    }
    let noise: Vec<ArticleId> = library
        .import_paths(&files, |_| {})
        .imported
        .iter()
        .map(|f| f.id)
        .collect();
    library.delete(&noise).unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Harbour reopens\n\nThe grain harbour reopened. Grain ships sailed from the harbour at dawn.").unwrap();
    std::fs::write(
        &b,
        "Valley floods\n\nThe river flooded the valley. The river rose again at dusk.",
    )
    .unwrap();
    let ids: Vec<ArticleId> = library
        .import_paths(&[a, b], |_| {})
        .imported
        .iter()
        .map(|f| f.id)
        .collect();
    let session = library.create_session("Two", &ids).unwrap();
    let view = library.session_view(session.id, None).unwrap();
    let framing = &view.analysis.as_ref().unwrap().framing;
    let terms: Vec<_> = framing
        .distinctive
        .iter()
        .flat_map(|d| d.terms.iter())
        .collect();
    assert!(!terms.is_empty());
    assert!(terms.iter().all(|t| t.z.is_finite()), "{terms:?}");
    assert!(framing.parameters.prior_words > 0);
}

#[test]
fn notes_and_sessions_made_while_another_connection_writes_wait_instead_of_failing() {
    let Fixture(dir, mut library, ids, _) = fixture();
    let path = library.path().expect("a file").to_path_buf();
    let session = library.create_session("Busy", &ids[..2]).unwrap();
    // Another connection writes again and again, each time holding the write lock a moment,
    // as an import's batches do.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let stop = std::sync::Arc::clone(&stop);
        let path = path.clone();
        std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.busy_timeout(std::time::Duration::from_secs(5))
                .unwrap();
            let mut commits = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                conn.execute_batch(
                    "BEGIN IMMEDIATE; UPDATE sessions SET updated_at = updated_at; COMMIT;",
                )
                .unwrap();
                commits += 1;
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            commits
        })
    };
    for i in 0..40 {
        library
            .add_note(on_passage(
                session.id,
                ids[0],
                "Lowmarsh",
                &format!("note {i}"),
            ))
            .unwrap_or_else(|e| panic!("note {i}: {e}"));
        library
            .create_session(&format!("Session {i}"), &ids[..2])
            .unwrap_or_else(|e| panic!("session {i}: {e}"));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(writer.join().unwrap() > 0);
    assert_eq!(library.notes(session.id).unwrap().len(), 40);
    drop(dir);
}

#[test]
fn an_article_too_long_to_compare_is_refused_with_the_limit_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(dir.path());
    // A text one word over the limit, in paragraphs of a hundred words.
    let words = parallax_store::MAX_COMPARED_WORDS + 1;
    let paragraph = "harbour ".repeat(100);
    let mut book = String::from("A very long report\n\n");
    for _ in 0..words / 100 {
        book.push_str(&paragraph);
        book.push_str("\n\n");
    }
    book.push_str("end\n");
    let long = dir.path().join("book.txt");
    std::fs::write(&long, book).unwrap();
    let short = dir.path().join("short.txt");
    std::fs::write(&short, ARTICLES[0].1).unwrap();
    let report = library.import_paths(&[long, short], |_| {});
    let ids: Vec<ArticleId> = report.imported.iter().map(|f| f.id).collect();
    assert_eq!(ids.len(), 2, "{report:?}");
    assert!(library.get(ids[0]).unwrap().summary.words > parallax_store::MAX_COMPARED_WORDS);

    let said = |error: StoreError| {
        let message = error.to_string();
        assert!(
            message.contains(&format!("article {}", ids[0]))
                && message.contains(&format!("{} words", parallax_store::MAX_COMPARED_WORDS)),
            "{message}"
        );
    };
    said(library.create_session("Too long", &ids).unwrap_err());
    said(library.compare(&ids, 1).unwrap_err());
    said(library.framing(&ids).unwrap_err());
    said(library.diff(ids[1], ids[0]).unwrap_err());
    // Reading and searching it still work.
    assert_eq!(library.search("report", 5).unwrap().len(), 1);
}

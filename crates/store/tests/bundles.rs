//! Session bundles between two real library files: a session of the shared corpus with its
//! notes and view state, saved from one library and opened in a fresh one, and in the same one.

use parallax_store::{Bundle, Library, NewNote, BUNDLE_VERSION};
use serde_json::json;

/// A library of the corpus with a session (pivot: its third article) and two notes.
fn source_library(path: &std::path::Path) -> (Library, parallax_store::SessionId) {
    let mut library = Library::open(path).unwrap();
    let report = library.import_paths(&parallax_testdata::corpus::files(), |_| {});
    assert_eq!(report.imported.len(), 5);
    let ids: Vec<_> = report.imported.iter().map(|f| f.id).collect();
    let session = library.create_session("Five outlets", &ids).unwrap();
    library
        .save_view_state(
            session.id,
            json!({"tab": "framing", "pivot": ids[2].0, "visibleColumns": 2}),
        )
        .unwrap();
    let counting = *ids
        .iter()
        .find(|&&id| {
            library
                .get(id)
                .unwrap()
                .body
                .contains("87 political prisoners")
        })
        .unwrap();
    library
        .add_note(NewNote {
            session: Some(session.id),
            article: Some(counting),
            quote: Some("87 political prisoners".into()),
            body: "Only this outlet counts them.".into(),
            tags: vec!["numbers".into()],
            ..Default::default()
        })
        .unwrap();
    library
        .add_note(NewNote {
            session: Some(session.id),
            body: "Ask the desk about the capture story.".into(),
            ..Default::default()
        })
        .unwrap();
    (library, session.id)
}

#[test]
fn a_bundle_opened_in_a_fresh_library_recreates_the_session_its_view_and_its_anchored_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (source, session) = source_library(&dir.path().join("mine.sqlite3"));
    let bundle = source.bundle(session).unwrap();
    assert_eq!(bundle.articles.len(), 5);
    // Through a file, as a colleague receives it.
    let file = dir.path().join("five.parallax.json");
    std::fs::write(&file, serde_json::to_vec(&bundle).unwrap()).unwrap();
    let read: Bundle = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();

    let mut theirs = Library::open(&dir.path().join("theirs.sqlite3")).unwrap();
    let opened = theirs.open_bundle(&read).unwrap();
    assert_eq!(opened.imported.len(), 5);
    assert!(opened.existing.is_empty());
    assert_eq!((opened.notes, opened.orphaned), (2, 0));
    let made = theirs.session(opened.session.id).unwrap();
    assert_eq!(made.summary.name, "Five outlets");
    // Same texts, same column order.
    let original = source.session(session).unwrap();
    for (mine, their) in original.summary.articles.iter().zip(&made.summary.articles) {
        let (a, b) = (source.get(*mine).unwrap(), theirs.get(*their).unwrap());
        assert_eq!(a.body, b.body);
        assert_eq!(a.summary.title, b.summary.title);
        assert_eq!(a.summary.outlet, b.summary.outlet);
        assert_eq!(a.boilerplate, b.boilerplate);
    }
    // The pivot names the same article in the new library.
    let pivot = made.view_state["pivot"].as_i64().unwrap();
    assert_eq!(pivot, made.summary.articles[2].0);
    assert_eq!(made.view_state["tab"], "framing");
    // The note is anchored to the same words.
    let notes = theirs.notes(opened.session.id).unwrap();
    let anchored = notes.iter().find(|n| n.quote.is_some()).unwrap();
    let (start, end) = anchored.located().unwrap();
    let body = theirs.get(anchored.article.unwrap()).unwrap().body;
    assert_eq!(&body[start..end], "87 political prisoners");
    assert_eq!(anchored.tags, ["numbers"]);
    // And the session opens, analysed.
    let view = theirs.session_view(opened.session.id, None).unwrap();
    assert!(view.layout().is_some());
}

#[test]
fn a_bundle_opened_where_its_texts_are_uses_them_and_a_damaged_one_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, session) = source_library(&dir.path().join("mine.sqlite3"));
    let bundle = library.bundle(session).unwrap();
    let articles_before = library.count().unwrap();
    let opened = library.open_bundle(&bundle).unwrap();
    assert!(opened.imported.is_empty());
    assert_eq!(opened.existing.len(), 5);
    assert_eq!(
        library.count().unwrap(),
        articles_before,
        "no article imported twice"
    );
    assert_ne!(opened.session.id, session);

    let sessions_before = library.list_sessions().unwrap().len();
    let mut damaged = bundle.clone();
    damaged.articles[1]
        .document
        .body
        .push_str(" An added sentence.");
    let error = library.open_bundle(&damaged).unwrap_err().to_string();
    assert!(error.contains("does not match its SHA-256"), "{error}");
    let mut newer = bundle.clone();
    newer.version = BUNDLE_VERSION + 1;
    assert!(library
        .open_bundle(&newer)
        .unwrap_err()
        .to_string()
        .contains("version"));
    let mut other = bundle;
    other.format = "something-else".into();
    assert!(library
        .open_bundle(&other)
        .unwrap_err()
        .to_string()
        .contains("not a Parallax session bundle"));
    assert_eq!(library.list_sessions().unwrap().len(), sessions_before);
    assert_eq!(library.count().unwrap(), articles_before);
}

#[test]
fn a_bundle_the_library_could_not_take_whole_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (source, session) = source_library(&dir.path().join("mine.sqlite3"));
    let bundle = source.bundle(session).unwrap();
    let mut theirs = Library::open(&dir.path().join("theirs.sqlite3")).unwrap();
    let mut cases: Vec<(Bundle, &str)> = Vec::new();
    let mut nameless = bundle.clone();
    nameless.name = "  ".into();
    cases.push((nameless, "no name"));
    let mut alone = bundle.clone();
    alone.articles.truncate(1);
    alone.notes.clear();
    cases.push((alone, "holds 1 articles"));
    let mut twice = bundle.clone();
    twice.articles[1] = twice.articles[0].clone();
    twice.articles[1].id = parallax_store::ArticleId(999);
    cases.push((twice, "twice"));
    let mut empty_note = bundle.clone();
    empty_note.notes[1].body = " ".into();
    cases.push((empty_note, "neither words nor a quoted passage"));
    let mut stray_note = bundle.clone();
    stray_note.notes[0].article = Some(parallax_store::ArticleId(12345));
    cases.push((stray_note, "does not hold"));
    let mut bad_boilerplate = bundle.clone();
    let len = bad_boilerplate.articles[0].document.body.len();
    bad_boilerplate.articles[0].document.boilerplate = vec![len..len + 10];
    cases.push((bad_boilerplate, "not as Parallax stores texts"));
    for (case, why) in cases {
        let error = theirs.open_bundle(&case).unwrap_err().to_string();
        assert!(error.contains(why), "{why}: {error}");
        assert_eq!(theirs.count().unwrap(), 0, "{why}: articles were written");
        assert!(
            theirs.list_sessions().unwrap().is_empty(),
            "{why}: a session was written"
        );
    }
}

//! Deletion that deletes, and backups: on a real SQLite file, read back byte by byte.

use crate::{open, write};
use parallax_store::{ArticleId, Library, NewNote, Trash};
use std::path::Path;

/// A word no other text holds, to look for in the file's bytes.
const SECRET: &str = "Quillfeatherstone";

fn source_article() -> String {
    format!(
        "Whistleblower describes harbour contracts\n\nBy Ada Morrow\n\nThe official, who spoke on \
         condition of anonymity, said the contracts were signed by {SECRET} before the vote. \
         She said the documents had been kept in a locked cabinet at the port authority.\n\n\
         The port authority did not answer questions sent on Monday.\n"
    )
}

const OTHER: &str = "Council approves harbour budget\n\nBy Kit Marrow\n\nThe council approved \
the harbour budget on Tuesday after a long debate about the sea wall and its repairs.\n";

/// Whether `needle` occurs in the library file or its write-ahead log and shared memory.
fn file_holds(db: &Path, needle: &str) -> Vec<String> {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| {
            let path = format!("{}{suffix}", db.display());
            let bytes = std::fs::read(&path).ok()?;
            bytes
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
                .then_some(path)
        })
        .collect()
}

fn import(library: &mut Library, dir: &Path, files: &[(&str, &str)]) -> Vec<ArticleId> {
    let paths: Vec<_> = files
        .iter()
        .map(|(name, text)| write(dir, name, text.as_bytes()))
        .collect();
    let report = library.import_paths(&paths, |_| {});
    assert!(report.failed.is_empty(), "{report:?}");
    report.imported.iter().map(|f| f.id).collect()
}

/// A library file holding the source's article and another, with their ids in that order.
fn source_and_other() -> (tempfile::TempDir, Library, Vec<ArticleId>) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = open(dir.path());
    let article = source_article();
    let ids = import(
        &mut library,
        dir.path(),
        &[("source.txt", &article), ("other.txt", OTHER)],
    );
    (dir, library, ids)
}

#[test]
fn an_emptied_trash_leaves_no_word_of_a_deleted_article_in_the_file() {
    let (dir, mut library, ids) = source_and_other();
    let db = dir.path().join("library.sqlite3");
    let (secret, other) = (ids[0], ids[1]);
    let session = library
        .create_session("Harbour", &[secret, other])
        .unwrap()
        .id;
    let quoted = format!("signed by {SECRET} before the vote");
    library
        .add_note(NewNote {
            session: Some(session),
            article: Some(secret),
            quote: Some(quoted),
            body: "Check the date".into(),
            ..Default::default()
        })
        .unwrap();
    let kept_note = library
        .add_note(NewNote {
            session: Some(session),
            article: Some(other),
            body: "Budget figures".into(),
            ..Default::default()
        })
        .unwrap();

    // Deleted is only hidden: the words are still in the file (so this test can fail).
    assert_eq!(library.article_uses(&[secret]).unwrap().len(), 1);
    library.delete(&[secret]).unwrap();
    assert!(!file_holds(&db, SECRET).is_empty());
    assert_eq!(
        library.trash().unwrap(),
        Trash {
            articles: 1,
            notes: 1,
            sessions: 0
        }
    );

    let removed = library.empty_trash().unwrap();
    assert_eq!(removed.articles, 1);
    assert_eq!(
        removed.notes, 1,
        "the note quoting the article goes with it"
    );
    assert!(library.trash().unwrap().is_empty());
    drop(library);
    assert_eq!(file_holds(&db, SECRET), Vec::<String>::new());

    let mut library = Library::open(&db).unwrap();
    library.integrity_check().unwrap();
    assert!(library.search(SECRET, 5).unwrap().is_empty());
    assert_eq!(library.search("budget", 5).unwrap().len(), 1);
    let notes = library.notes(session).unwrap();
    assert_eq!(
        notes.iter().map(|n| n.id).collect::<Vec<_>>(),
        [kept_note.id]
    );
    assert!(library.restore(&[secret]).is_ok_and(|n| n == 0));
}

#[test]
fn deleted_sessions_and_notes_go_with_the_trash_and_articles_come_out_of_sessions_and_back() {
    let (_dir, mut library, ids) = source_and_other();
    let kept = library.create_session("Kept", &ids).unwrap().id;
    let dropped = library.create_session("Dropped", &ids).unwrap().id;
    let note = library
        .add_note(NewNote {
            session: Some(kept),
            article: Some(ids[0]),
            body: "A note to delete".into(),
            ..Default::default()
        })
        .unwrap();
    library.delete_note(note.id).unwrap();
    library.delete_session(dropped).unwrap();

    // Taking an article out of its sessions, and putting it back (the delete's undo).
    let uses = library.article_uses(&[ids[0]]).unwrap();
    assert_eq!(
        uses.iter()
            .map(|u| u.session_name.as_str())
            .collect::<Vec<_>>(),
        ["Kept"]
    );
    let places = library.remove_from_sessions(&[ids[0]]).unwrap();
    assert_eq!(places.len(), 1);
    assert_eq!(library.session(kept).unwrap().summary.articles, [ids[1]]);
    library.put_back_in_sessions(&places).unwrap();
    assert_eq!(library.session(kept).unwrap().summary.articles, ids);

    assert_eq!(
        library.empty_trash().unwrap(),
        Trash {
            articles: 0,
            notes: 1,
            sessions: 1
        }
    );
    assert!(library.session(dropped).is_err());
    assert!(library.restore_session(dropped).is_err());
    assert_eq!(library.session(kept).unwrap().summary.articles, ids);
    library.integrity_check().unwrap();
}

#[test]
fn a_backup_taken_while_another_process_imports_opens_as_a_consistent_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let mut library = Library::open(&db).unwrap();
    import(&mut library, dir.path(), &[("other.txt", OTHER)]);
    let folder = dir.path().join("many");
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..300 {
        let text = format!(
            "Harbour report {i}\n\nThe council met for the {i}th time and voted on item {i}, \
             which residents of district {i} had asked about at length.\n"
        );
        std::fs::write(folder.join(format!("{i:03}.txt")), text).unwrap();
    }
    let writer = {
        let (db, folder) = (db.clone(), folder.clone());
        std::thread::spawn(move || {
            let mut other = Library::open(&db).unwrap();
            other.import_paths(&[folder], |_| {}).imported.len()
        })
    };
    let mut counts = Vec::new();
    for round in 0..5 {
        let backup = dir.path().join(format!("backup-{round}.sqlite3"));
        library.backup(&backup).unwrap();
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let copy = Library::open(&backup).unwrap();
        copy.integrity_check().unwrap();
        // Consistent: every article is in the full-text index, and no more.
        let articles = copy.count().unwrap();
        let found = copy.search("council", 1000).unwrap().len();
        assert_eq!(found, articles, "round {round}");
        counts.push(articles);
    }
    assert_eq!(writer.join().unwrap(), 300);
    library.backup(&dir.path().join("final.sqlite3")).unwrap();
    let last = Library::open(&dir.path().join("final.sqlite3")).unwrap();
    assert_eq!(last.count().unwrap(), 301, "{counts:?}");
    assert!(
        library.backup(&db).is_err(),
        "a backup never replaces its own library"
    );
}

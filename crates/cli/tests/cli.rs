//! The `parallax` binary on real files: the shared corpus and bad inputs.

use parallax_testdata::stdout_json;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn corpus_dir() -> PathBuf {
    parallax_testdata::corpus::dir()
}

fn parallax(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PARALLAX_DB")
        .output()
        .expect("the parallax binary runs")
}

/// `value` is an object with every one of `keys` (the documented ones; it may have more).
fn assert_has_keys(value: &Value, keys: &[&str]) {
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"));
    for key in keys {
        assert!(object.contains_key(*key), "no key {key:?} in {value}");
    }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn importing_the_corpus_reports_every_article_with_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let corpus = corpus_dir();
    let out = parallax(&db, &["import", "--json", corpus.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = stdout_json(&out);
    let keys: Vec<&String> = report.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["duplicates", "failed", "imported"]);
    let imported = report["imported"].as_array().unwrap();
    assert_eq!(imported.len(), 5);
    for item in imported {
        let keys: Vec<&String> = item.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "agency",
                "author",
                "id",
                "outlet",
                "path",
                "published",
                "title",
                "title_derived"
            ]
        );
        assert!(item["id"].is_u64());
        assert!(item["title"].as_str().is_some_and(|t| !t.is_empty()));
    }
    let first = imported
        .iter()
        .find(|i| i["path"].as_str().unwrap().contains("000_"))
        .unwrap();
    assert_eq!(
        first["title"],
        "Venezuela Cooperation US Reshapes Washington Strategy in 2026"
    );
    // The byline is the bare name on the line under the headline, read from the file itself.
    let raw = std::fs::read_to_string(first["path"].as_str().unwrap()).unwrap();
    let byline = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .nth(1)
        .unwrap();
    assert_eq!(first["author"], byline);
    assert_eq!(first["outlet"], "Brussels Morning Newspaper");
    assert_eq!(first["published"], "2026-01-09");
    let third = imported
        .iter()
        .find(|i| i["path"].as_str().unwrap().contains("003_"))
        .unwrap();
    assert_eq!(third["author"], "Chief Editor");
    assert_eq!(third["published"], Value::Null);
    // Two articles have no headline: their titles come from their openings, never a file name.
    for item in imported {
        let path = item["path"].as_str().unwrap();
        let derived = path.contains("001_") || path.contains("004_");
        assert_eq!(item["title_derived"], derived, "{path}");
        let stem = Path::new(path).file_stem().unwrap().to_str().unwrap();
        assert!(
            !item["title"].as_str().unwrap().contains(&stem[4..]),
            "{path}"
        );
        assert_eq!(item["agency"], Value::Null, "{path}: no agency credited");
    }

    // The same folder again: all duplicates of the first import, nothing new.
    let again = stdout_json(&parallax(
        &db,
        &["import", "--json", corpus.to_str().unwrap()],
    ));
    assert_eq!(again["imported"].as_array().unwrap().len(), 0);
    let duplicates = again["duplicates"].as_array().unwrap();
    assert_eq!(duplicates.len(), 5);
    assert!(duplicates.iter().all(|d| d["existing_id"].is_u64()));

    // list, show, search and diff over what was imported.
    let list = stdout_json(&parallax(&db, &["list", "--json"]));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 5);
    assert_has_keys(
        &list[0],
        &["author", "id", "outlet", "published", "title", "words"],
    );
    assert!(list.iter().all(|a| a["words"].as_u64().unwrap() > 500));

    let id = first["id"].to_string();
    let shown = stdout_json(&parallax(&db, &["show", &id, "--json"]));
    assert_eq!(shown["title"], first["title"]);
    let body = shown["body"].as_str().unwrap();
    assert!(body.contains("calibrated engagement"));
    assert!(
        !body.starts_with("Venezuela Cooperation US Reshapes"),
        "the title is not in the body"
    );

    let hits = stdout_json(&parallax(
        &db,
        &["search", "largest proven oil reserves", "--json"],
    ));
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["snippet"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("reserves")));

    let other = list.iter().find(|a| a["id"] != first["id"]).unwrap()["id"].to_string();
    let diff = stdout_json(&parallax(&db, &["diff", &id, &other, "--json"]));
    for side in ["left", "right"] {
        let runs = diff[side]["runs"].as_array().unwrap();
        assert!(runs.iter().any(|r| r["kind"]
            == if side == "left" {
                "deleted"
            } else {
                "inserted"
            }));
        let mut end = 0;
        for run in runs {
            assert_eq!(run["start"].as_u64().unwrap(), end, "runs are contiguous");
            end = run["end"].as_u64().unwrap();
        }
    }
    assert_eq!(diff["left"]["article"].to_string(), id);
    assert!(diff["counts"]["changes"].as_u64().unwrap() > 0);
}

#[cfg(unix)]
#[test]
fn bad_inputs_are_reported_per_file_and_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let input = dir.path().join("input");
    write(&input.join("empty.txt"), b"");
    write(
        &input.join("binary.txt"),
        &[
            0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x80, 0x00, 0x00, 0x03,
        ],
    );
    write(&input.join("notes.rtf"), b"{\\rtf1 hello}");
    // Windows-1252 / Latin-1 bytes: invalid as UTF-8, decoded by detection.
    write(
        &input.join("latin1.txt"),
        b"Caf\xe9 owners protest new harbour fees\n\nBy Ren\xe9 Faure\n\nOwners of the caf\xe9s along the quay said the fees were \x93unfair\x94 and would close shops.\n",
    );
    write(
        &input.join("nested/deeper/page.html"),
        b"<!doctype html><html lang=\"en\"><head><title>Quay repairs begin | The Quay Courier</title>\
<meta property=\"og:site_name\" content=\"The Quay Courier\"><script>alert('owned');document.title='x'</script>\
<style>body{color:red}</style></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
<article><h1>Quay repairs begin</h1><p>Work crews began repairing the damaged quay wall on Tuesday morning, \
the harbour office said, and expect to finish within six weeks.</p><p>The repairs will close two berths, \
moving ferry traffic to the north pier while the concrete sets.</p><script>steal()</script>\
<p onclick=\"evil()\">Ferry passengers were asked to allow extra time for boarding at the north pier.</p></article>\
<footer>Copyright The Quay Courier</footer></body></html>",
    );
    write(&input.join("nested/good.md"), b"# Ferry timetable changes\n\nBy Ada Quill\n\nThe ferry company changed its timetable on Monday after the quay closure.\n");
    std::os::unix::fs::symlink(input.join("gone.txt"), input.join("dangling.txt")).unwrap();
    assert!(Command::new("mkfifo")
        .arg(input.join("pipe.txt"))
        .status()
        .unwrap()
        .success());

    let out = parallax(&db, &["import", "--json", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some files failed: exit 1");
    let report = stdout_json(&out);
    let failed: Vec<(String, String)> = report["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            (
                Path::new(path)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                f["error"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let reason = |name: &str| {
        failed
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, e)| e.clone())
            .unwrap_or_default()
    };
    assert_eq!(reason("empty.txt"), "the file is empty");
    assert_eq!(reason("binary.txt"), "the file is binary, not text");
    assert!(
        reason("notes.rtf").starts_with("unsupported file type .rtf"),
        "{failed:?}"
    );
    assert!(
        reason("dangling.txt").starts_with("cannot read the file"),
        "{failed:?}"
    );
    assert!(
        reason("pipe.txt").starts_with("not a regular file"),
        "{failed:?}"
    );
    assert_eq!(failed.len(), 5, "{failed:?}");

    let imported = report["imported"].as_array().unwrap();
    assert_eq!(imported.len(), 3, "{report:#}");
    let by_title = |t: &str| {
        imported
            .iter()
            .find(|i| i["title"] == t)
            .unwrap_or_else(|| panic!("{t} in {report:#}"))
    };
    assert_eq!(
        by_title("Café owners protest new harbour fees")["author"],
        "René Faure"
    );
    let page = by_title("Quay repairs begin");
    assert_eq!(page["outlet"], "The Quay Courier");
    assert_eq!(by_title("Ferry timetable changes")["author"], "Ada Quill");

    let shown = stdout_json(&parallax(&db, &["show", &page["id"].to_string(), "--json"]));
    let body = shown["body"].as_str().unwrap();
    assert!(body.contains("Work crews began repairing"));
    for forbidden in ["alert", "steal", "evil", "color:red", "Home"] {
        assert!(
            !body.contains(forbidden),
            "{forbidden} leaked into the body: {body}"
        );
    }
    let latin = by_title("Café owners protest new harbour fees");
    let shown = stdout_json(&parallax(
        &db,
        &["show", &latin["id"].to_string(), "--json"],
    ));
    assert!(shown["body"].as_str().unwrap().contains("“unfair”"));
}

#[test]
fn usage_errors_exit_2_and_runtime_errors_exit_1_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    assert_eq!(parallax(&db, &[]).status.code(), Some(2));
    assert_eq!(parallax(&db, &["import"]).status.code(), Some(2));
    assert_eq!(
        parallax(&db, &["show", "not-a-number"]).status.code(),
        Some(2)
    );
    let article = dir.path().join("a.md");
    write(&article, b"# Quay works\n\nThe quay works started today.\n");
    assert!(parallax(&db, &["import", article.to_str().unwrap()])
        .status
        .success());
    let missing = parallax(&db, &["show", "42", "--json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article with id 42"));
    assert!(missing.stdout.is_empty());
    // A library path that cannot be a file.
    let bad_db = parallax(dir.path(), &["list"]);
    assert_eq!(bad_db.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad_db.stderr).contains("cannot open the library"));
}

#[test]
fn the_db_can_come_from_the_environment_and_reading_never_creates_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.sqlite3");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .env("PARALLAX_DB", &db)
            .output()
            .unwrap()
    };

    let missing = run(&["list", "--json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("there is no library at"));
    assert!(!db.exists(), "a read command must not create a library");

    let article = dir.path().join("note.md");
    write(
        &article,
        b"# Harbour reopens\n\nThe harbour reopened on Monday morning after the storm.\n",
    );
    assert_eq!(
        run(&["import", article.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let list = stdout_json(&run(&["list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["title"], "Harbour reopens");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let (_dir, db) = corpus_library();
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["--db", db.to_str().unwrap(), "show", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once, like `| head -0`
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn the_text_diff_marks_words_only_one_side_has() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    write(
        &a,
        b"Ferry resumes\n\nThe ferry resumed service on Monday at dawn.\n",
    );
    write(
        &b,
        b"Ferry is back\n\nThe ferry resumed service on Tuesday at dawn, officials said.\n",
    );
    assert!(
        parallax(&db, &["import", a.to_str().unwrap(), b.to_str().unwrap()])
            .status
            .success()
    );
    let out = parallax(&db, &["diff", "1", "2"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("The ferry resumed service on [-Monday-]{+Tuesday+} at dawn"),
        "{text}"
    );
    assert!(text.contains("{+, officials said+}"), "{text}");
}

#[test]
fn compare_prints_aligned_rows_with_byte_offsets_and_only_here_sentences() {
    let (_dir, db) = corpus_library();
    let out = parallax(&db, &["compare", "5", "2", "3", "--pivot", "5", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result = stdout_json(&out);
    assert_eq!(result["articles"], serde_json::json!([5, 2, 3]));
    let bodies: std::collections::HashMap<u64, String> = [5u64, 2, 3]
        .iter()
        .map(|id| {
            let shown = stdout_json(&parallax(&db, &["show", &id.to_string(), "--json"]));
            (*id, shown["body"].as_str().unwrap().to_string())
        })
        .collect();
    let rows = result["rows"].as_array().unwrap();
    assert!(rows.len() > 20);
    let mut shared_rows = 0;
    for row in rows {
        let cells = row["cells"].as_array().unwrap();
        assert_eq!(cells.len(), 3);
        assert!(row["similarity"].is_number());
        let present = cells.iter().filter(|c| !c.is_null()).count();
        assert!(present >= 1);
        if present >= 2 {
            shared_rows += 1;
        }
        for cell in cells.iter().filter(|c| !c.is_null()) {
            let body = &bodies[&cell["article"].as_u64().unwrap()];
            for s in cell["sentences"].as_array().unwrap() {
                let (start, end) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    &body[start..end],
                    s["text"].as_str().unwrap(),
                    "offsets point into the body"
                );
            }
        }
    }
    assert!(
        shared_rows >= 3,
        "{shared_rows} rows hold sentences from two or more articles"
    );
    let only_here = result["only_here"].as_array().unwrap();
    assert!(!only_here.is_empty());
    assert!(only_here
        .iter()
        .all(|o| bodies[&o["article"].as_u64().unwrap()].len()
            >= o["end"].as_u64().unwrap() as usize));

    // Usage: one article is not a comparison; the pivot must be one of them.
    assert_eq!(parallax(&db, &["compare", "5"]).status.code(), Some(2));
    let bad_pivot = parallax(&db, &["compare", "5", "2", "--pivot", "4"]);
    assert_eq!(bad_pivot.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad_pivot.stderr).contains("pivot 4 is not one of"));
    let twice = parallax(&db, &["compare", "5", "5"]);
    assert_eq!(twice.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("given twice"));
}

fn ok(out: &Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout_json(out)
}

#[test]
fn sessions_and_notes_quote_a_passage_chosen_from_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");

    // Neither command may create a library: both need articles.
    let refused = parallax(&db, &["session", "create", "--name", "x", "1", "2"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("there is no library at"));
    let refused = parallax(&db, &["note", "list", "--session", "1", "--json"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        !db.exists(),
        "session and note commands must not create a library"
    );

    let corpus = corpus_dir();
    ok(&parallax(
        &db,
        &["import", "--json", corpus.to_str().unwrap()],
    ));
    let list = ok(&parallax(&db, &["list", "--json"]));
    let ids: Vec<String> = list.as_array().unwrap()[..3]
        .iter()
        .map(|a| a["id"].to_string())
        .collect();

    let created = ok(&parallax(
        &db,
        &[
            "session",
            "create",
            "--name",
            "Three outlets",
            &ids[0],
            &ids[1],
            &ids[2],
            "--json",
        ],
    ));
    let keys: Vec<&String> = created.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["articles", "created_at", "id", "name", "updated_at"]);
    assert_eq!(created["name"], "Three outlets");
    let articles: Vec<String> = created["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(Value::to_string)
        .collect();
    assert_eq!(articles, ids);
    let session = created["id"].to_string();

    // The first six words of a long line of the second article's body, picked at run time.
    let shown = ok(&parallax(&db, &["show", &ids[1], "--json"]));
    let body = shown["body"].as_str().unwrap();
    let line = body
        .lines()
        .find(|l| l.split_whitespace().count() >= 10 && !l.starts_with(['-', '*', '•']))
        .expect("a prose line of at least ten words");
    let phrase = line
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");

    let note = ok(&note_add(
        &db,
        &session,
        &[
            "--article",
            &ids[1],
            "--quote",
            &phrase,
            "--body",
            "Worth checking.",
            "--tag",
            "claims",
            "--tag",
            "Claims",
            "--json",
        ],
    ));
    assert_has_keys(
        &note,
        &[
            "article", "body", "id", "orphaned", "quote", "session", "tags",
        ],
    );
    assert_eq!(note["tags"], serde_json::json!(["claims"]));
    assert_eq!(note["orphaned"], false);
    assert_eq!(note["article"].to_string(), ids[1]);
    let quote = &note["quote"];
    let (start, end) = (
        quote["start"].as_u64().unwrap() as usize,
        quote["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(quote["exact"].as_str().unwrap(), &body[start..end]);
    assert_eq!(
        body[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        phrase
    );

    let session_note = ok(&note_add(&db, &session, &["--body", "Overall.", "--json"]));
    assert!(session_note["quote"].is_null());
    assert!(session_note["article"].is_null());

    let notes = ok(&parallax(
        &db,
        &["note", "list", "--session", &session, "--json"],
    ));
    let notes = notes.as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0], note);
    assert_eq!(notes[1]["body"], "Overall.");

    let listed = ok(&parallax(&db, &["session", "list", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0], created);

    let show = ok(&parallax(&db, &["session", "show", &session, "--json"]));
    assert_eq!(show["name"], "Three outlets");
    assert_eq!(show["view_state"], serde_json::json!({}));
    assert_eq!(show["notes"].as_array().unwrap().len(), 2);
    let text = parallax(&db, &["session", "show", &session]);
    assert!(text.status.success());
    assert!(String::from_utf8_lossy(&text.stdout).contains("Worth checking."));

    // Errors: a quote not in the article, too few articles, a quote without its article.
    let missing = note_add(
        &db,
        &session,
        &[
            "--article",
            &ids[0],
            "--quote",
            "zebra crossings of the moon",
            "--body",
            "x",
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr)
        .contains(&format!("the quoted text is not in article {}", ids[0])));
    let one = parallax(&db, &["session", "create", "--name", "Solo", &ids[0]]);
    assert_eq!(one.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&one.stderr).contains("2 to 8 articles"));
    let usage = note_add(&db, &session, &["--quote", "x", "--body", "x"]);
    assert_eq!(usage.status.code(), Some(2));
    let gone = parallax(&db, &["session", "show", "999"]);
    assert_eq!(gone.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&gone.stderr).contains("no session with id 999"));
}

/// A library of the shared corpus in a temporary folder: the folder (keep it) and the file.
fn corpus_library() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let corpus = corpus_dir();
    assert!(parallax(&db, &["import", corpus.to_str().unwrap()])
        .status
        .success());
    (dir, db)
}

/// A session of the corpus articles `ids` (one of them #4, the one counting prisoners) with a
/// note on "87 political prisoners"; its id.
fn session_with_prisoners_note(db: &Path, name: &str, ids: &[&str], body: &str) -> String {
    let mut args = vec!["session", "create", "--json", "--name", name];
    args.extend_from_slice(ids);
    let session = ok(&parallax(db, &args))["id"].to_string();
    let quote = [
        "--article",
        "4",
        "--quote",
        "87 political prisoners",
        "--body",
        body,
    ];
    assert!(note_add(db, &session, &quote).status.success());
    session
}

/// `parallax note add --session SESSION ARGS…`.
fn note_add(db: &Path, session: &str, args: &[&str]) -> Output {
    let mut all = vec!["note", "add", "--session", session];
    all.extend_from_slice(args);
    parallax(db, &all)
}

/// A library of the four sample articles (invented, written for the app).
fn sample_library(db: &Path) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/sample");
    let mut files: Vec<String> = std::fs::read_dir(&sample)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut args = vec!["import", "--json"];
    args.extend(files.iter().map(String::as_str));
    ok(&parallax(db, &args));
}

#[test]
fn quotes_prints_quotations_with_speakers_kinds_parts_and_matches() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    sample_library(&db);
    let listed = ok(&parallax(&db, &["list", "--json"]));
    let id_of = |outlet: &str| -> String {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["outlet"] == outlet)
            .unwrap_or_else(|| panic!("no {outlet}"))["id"]
            .to_string()
    };
    let (wire, ledger) = (id_of("Meridian Wire"), id_of("The Harbour Ledger"));
    let out = ok(&parallax(&db, &["quotes", "--json", &wire, &ledger]));
    assert_has_keys(&out, &["matches", "quotes"]);
    let quotes = out["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 8);
    for q in quotes {
        assert_has_keys(
            q,
            &[
                "article", "end", "kind", "parts", "role", "speaker", "start", "text",
            ],
        );
        assert!(["full", "partial", "scare"].contains(&q["kind"].as_str().unwrap()));
        let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        for part in q["parts"].as_array().unwrap() {
            let (a, b) = (part[0].as_u64().unwrap(), part[1].as_u64().unwrap());
            assert!(start <= a && a < b && b <= end, "{q}");
        }
    }
    // The wire's engineer, with his role kept apart from his name.
    let venn = quotes
        .iter()
        .find(|q| q["speaker"] == "Aurel Venn")
        .expect("the chief engineer's quotation");
    assert_eq!(venn["kind"], "full");
    assert!(venn["role"].as_str().unwrap().contains("chief engineer"));
    assert!(venn["text"]
        .as_str()
        .unwrap()
        .starts_with("The gate did not fail"));
    // The Ledger gives the same words to the minister: the same quotation, misattributed.
    let matches = out["matches"].as_array().unwrap();
    let relations: Vec<&str> = matches
        .iter()
        .map(|m| m["relation"].as_str().unwrap())
        .collect();
    assert!(
        relations.contains(&"same") && relations.contains(&"misattributed"),
        "{relations:?}"
    );
    for m in matches {
        for pair in m["quotes"].as_array().unwrap() {
            let article = pair[0].to_string();
            assert!(article == wire || article == ledger);
        }
    }
}

#[test]
fn reuse_prints_the_passages_articles_share_with_byte_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    sample_library(&db);
    let out = parallax(&db, &["reuse", "--json"]);
    let passages = ok(&out);
    let passages = passages.as_array().expect("an array of passages");
    assert!(!passages.is_empty());
    let shows: Vec<Value> = ok(&parallax(&db, &["list", "--json"]))
        .as_array()
        .unwrap()
        .clone();
    let body = |id: &Value| -> String {
        let shown = ok(&parallax(&db, &["show", "--json", &id.to_string()]));
        shown["body"].as_str().unwrap().to_string()
    };
    assert_eq!(shows.len(), 4);
    for p in passages {
        let keys: Vec<&String> = p.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["a", "b", "first", "similarity", "words"]);
        assert!(p["words"].as_u64().unwrap() >= 20);
        let similarity = p["similarity"].as_f64().unwrap();
        assert!((0.8..=1.0).contains(&similarity));
        // Both byte ranges cut the same words out of the two bodies (a wire passage).
        let cut = |side: &Value| -> String {
            let text = body(&side["article"]);
            let (start, end) = (
                side["start"].as_u64().unwrap() as usize,
                side["end"].as_u64().unwrap() as usize,
            );
            // Words only: similarity counts words, not punctuation.
            text[start..end]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (a, b) = (cut(&p["a"]), cut(&p["b"]));
        assert!(!a.is_empty() && !b.is_empty());
        if similarity == 1.0 {
            assert_eq!(a.to_lowercase(), b.to_lowercase());
        }
    }
    // Some articles only; a bad minimum is a usage error.
    let one = passages[0]["a"]["article"].to_string();
    let two = passages[0]["b"]["article"].to_string();
    let only = ok(&parallax(&db, &["reuse", "--json", &one, &two]));
    assert!(only.as_array().unwrap().iter().all(|p| {
        let pair = [p["a"]["article"].to_string(), p["b"]["article"].to_string()];
        pair.contains(&one) && pair.contains(&two)
    }));
    let long = ok(&parallax(&db, &["reuse", "--json", "--min-words", "90"]));
    assert!(long.as_array().unwrap().len() < passages.len());
    let text = parallax(&db, &["reuse"]);
    assert_eq!(text.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&text.stdout).contains("passages of 20+ words"));
}

#[test]
fn framing_prints_terms_actors_sources_facts_and_frames_with_offsets_that_check_out() {
    let (_dir, db) = corpus_library();
    let framing = ok(&parallax(
        &db,
        &["framing", "--json", "1", "2", "3", "4", "5"],
    ));
    assert_has_keys(
        &framing,
        &[
            "articles",
            "distinctive",
            "actors",
            "sources",
            "facts",
            "frames",
        ],
    );
    let body = |id: &Value| -> String {
        let shown = ok(&parallax(&db, &["show", "--json", &id.to_string()]));
        shown["body"].as_str().expect("a body").to_string()
    };
    let bodies: Vec<String> = framing["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(body)
        .collect();
    let body_of = |id: &Value| &bodies[id.as_i64().unwrap() as usize - 1];
    let slice = |text: &str, span: &Value| -> String {
        let (start, end) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        text[start..end].to_string()
    };
    for article in framing["distinctive"].as_array().unwrap() {
        assert_has_keys(article, &["article", "terms"]);
        for term in article["terms"].as_array().unwrap() {
            assert_has_keys(term, &["term", "z", "count", "spans"]);
            let spans = term["spans"].as_array().unwrap();
            assert_eq!(spans.len() as u64, term["count"].as_u64().unwrap());
            let written = slice(body_of(&article["article"]), &spans[0]);
            assert_eq!(
                written.replace('-', " ").to_lowercase(),
                term["term"]
                    .as_str()
                    .unwrap()
                    .replace('-', " ")
                    .to_lowercase()
            );
        }
    }
    for actor in framing["actors"].as_array().unwrap() {
        assert_has_keys(actor, &["name", "kind", "aliases", "mentions"]);
        for mention in actor["mentions"].as_array().unwrap() {
            assert_has_keys(
                mention,
                &["article", "count", "first", "in_headline", "in_lede"],
            );
        }
    }
    let administration = framing["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["slot"] == "administration")
        .expect("the administrations");
    assert_eq!(administration["relation"], "conflict");
    for value in administration["values"].as_array().unwrap() {
        let text = &body_of(&value["article"])
            [value["start"].as_u64().unwrap() as usize..value["end"].as_u64().unwrap() as usize];
        assert_eq!(text, value["text"].as_str().unwrap());
    }
    for source in framing["sources"].as_array().unwrap() {
        assert_has_keys(
            source,
            &["article", "speaker", "role", "kind", "quotes", "words"],
        );
    }
    let frames = framing["frames"].as_array().unwrap();
    assert_eq!(frames.len(), 5);
    assert!(frames[0]["scores"]["quality_of_life"].is_number());

    let text = parallax(&db, &["framing", "1", "2"]);
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Distinctive words") && text.contains("Frames"),
        "{text}"
    );
    let one = parallax(&db, &["framing", "1"]);
    assert_eq!(
        one.status.code(),
        Some(1),
        "a session compares 2–8 articles"
    );
}

#[test]
fn export_writes_reports_whose_hashes_and_offsets_check_out_against_show() {
    use sha2::{Digest, Sha256};
    let (dir, db) = corpus_library();
    let session = session_with_prisoners_note(
        &db,
        "Five outlets",
        &["1", "2", "3", "4", "5"],
        "Only here.",
    );
    let json_path = dir.path().join("report.json");
    let out = parallax(
        &db,
        &[
            "export",
            &session,
            "--format",
            "json",
            "-o",
            json_path.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    assert_eq!(report["session"]["name"], "Five outlets");
    let mut bodies = std::collections::HashMap::new();
    for article in report["articles"].as_array().unwrap() {
        let id = article["id"].as_i64().unwrap();
        let shown = ok(&parallax(&db, &["show", "--json", &id.to_string()]));
        let body = shown["body"].as_str().unwrap().to_string();
        let hash: String = Sha256::digest(body.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(article["sha256"], hash, "article {id}");
        bodies.insert(id, body);
    }
    // Every cited span, wherever it sits in the report, is the body's text at its offsets.
    let spans = parallax_testdata::exports::cited_spans(&report);
    for (a, s, e, t) in &spans {
        assert_eq!(bodies[a].get(*s..*e), Some(t.as_str()), "#{a} {s}..{e}");
    }
    let seen = spans.len();
    assert!(seen > 500, "{seen} spans");
    assert!(report["notes"][0]["anchored"]["text"] == "87 political prisoners");

    for format in ["html", "md"] {
        let path = dir.path().join(format!("report.{format}"));
        let out = parallax(
            &db,
            &[
                "export",
                &session,
                "--format",
                format,
                "-o",
                path.to_str().unwrap(),
            ],
        );
        assert!(out.status.success());
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .contains("Five outlets"));
    }
    let tables = dir.path().join("tables");
    let out = parallax(
        &db,
        &[
            "export",
            &session,
            "--format",
            "csv",
            "-o",
            tables.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 6);
    let bad_format = parallax(&db, &["export", &session, "--format", "pdf", "-o", "x.pdf"]);
    assert_eq!(bad_format.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_format.stderr).contains("html, md, json, csv"));
    let blocked = parallax(
        &db,
        &[
            "export",
            &session,
            "--format",
            "html",
            "-o",
            json_path.join("x.html").to_str().unwrap(),
        ],
    );
    assert_eq!(blocked.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&blocked.stderr).contains("could not write"));
}

#[test]
fn a_bundle_saved_from_one_library_opens_in_another_with_its_notes() {
    let (dir, db) = corpus_library();
    let session = session_with_prisoners_note(
        &db,
        "Shared with a colleague",
        &["2", "4"],
        "Check this count.",
    );
    let file = dir.path().join("shared.parallax.json");
    let saved = parallax(
        &db,
        &["bundle", "save", &session, "-o", file.to_str().unwrap()],
    );
    assert!(
        saved.status.success(),
        "{}",
        String::from_utf8_lossy(&saved.stderr)
    );
    assert!(String::from_utf8_lossy(&saved.stdout).contains("2 articles, 1 notes"));

    let other = dir.path().join("colleague.sqlite3");
    let opened = ok(&parallax(
        &other,
        &["bundle", "open", "--json", file.to_str().unwrap()],
    ));
    assert_eq!(opened["imported"].as_array().unwrap().len(), 2);
    assert_eq!(opened["notes"], 1);
    let id = opened["session"]["id"].to_string();
    let shown = ok(&parallax(&other, &["session", "show", "--json", &id]));
    assert_eq!(shown["name"], "Shared with a colleague");
    let notes = shown["notes"].as_array().unwrap();
    assert_eq!(notes[0]["quote"]["exact"], "87 political prisoners");
    assert_eq!(notes[0]["orphaned"], false);
    // Opened again: the texts are there already, nothing is imported twice.
    let again = ok(&parallax(
        &other,
        &["bundle", "open", "--json", file.to_str().unwrap()],
    ));
    assert!(again["imported"].as_array().unwrap().is_empty());
    assert_eq!(again["existing"].as_array().unwrap().len(), 2);
    // Not a bundle: a clear error, exit 1.
    let not_bundle = parallax(
        &other,
        &[
            "bundle",
            "open",
            corpus_dir()
                .join("000_33d33350592e1ed9.txt")
                .to_str()
                .unwrap(),
        ],
    );
    assert_eq!(not_bundle.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&not_bundle.stderr).contains("not a Parallax session bundle"));
}

#[test]
fn control_characters_in_a_title_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    // ESC ] 52 (write the clipboard), BEL and a screen clear, as character references in an
    // HTML headline (a text file with raw escapes is refused as binary).
    let file = dir.path().join("hostile.html");
    let paragraph = "<p>The harbour reopened on Monday after the storm, officials said, and ships were unloading grain by noon.</p>";
    write(
        &file,
        format!(
            "<html><head><title>Harbour &#27;]52;c;ZXZpbA==&#7;reopens &#27;[2J&#27;[H today</title></head><body><article><h1>Harbour &#27;]52;c;ZXZpbA==&#7;reopens &#27;[2J today</h1>{}</article></body></html>",
            paragraph.repeat(4)
        )
        .as_bytes(),
    );
    let out = parallax(&db, &["import", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for args in [
        &["list"][..],
        &["show", "1"][..],
        &["import", file.to_str().unwrap()][..],
    ] {
        let out = parallax(&db, args);
        let printed = out.stdout;
        assert!(
            !printed.contains(&0x1b) && !printed.contains(&0x07),
            "{args:?}: {:?}",
            String::from_utf8_lossy(&printed)
        );
    }
    let listed = ok(&parallax(&db, &["list", "--json"]));
    let title = listed[0]["title"].as_str().unwrap();
    assert!(!title.chars().any(char::is_control), "{title:?}");
    assert!(
        title.contains("Harbour") && title.contains("reopens"),
        "{title:?}"
    );
}

#[test]
fn delete_and_restore_from_the_command_line_with_each_missing_id_named() {
    let (_dir, db) = corpus_library();
    let deleted = parallax(&db, &["delete", "2", "3"]);
    assert!(
        deleted.status.success(),
        "{}",
        String::from_utf8_lossy(&deleted.stderr)
    );
    let text = String::from_utf8_lossy(&deleted.stdout);
    assert!(
        text.contains("deleted 2") && text.contains("parallax restore 2 3"),
        "{text}"
    );
    let listed = ok(&parallax(&db, &["list", "--json"]));
    let ids: Vec<i64> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert!(!ids.contains(&2) && !ids.contains(&3) && ids.contains(&1));
    // A deleted or unknown id is named, the others still deleted; exit 1.
    let again = parallax(&db, &["delete", "3", "4", "99"]);
    assert_eq!(again.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&again.stderr);
    assert!(
        errors.contains("#3") && errors.contains("#99") && !errors.contains("#4"),
        "{errors}"
    );
    let restored = parallax(&db, &["restore", "2", "3", "4"]);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    assert!(String::from_utf8_lossy(&restored.stdout).contains("restored 3 of 3"));
    let listed = ok(&parallax(&db, &["list", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 5);
    let not_deleted = parallax(&db, &["restore", "1"]);
    assert_eq!(not_deleted.status.code(), Some(1));
}

//! The `parallax` binary against hostile files and hostile use: compression bombs and damaged
//! files in a batch of good ones, under a 3 GiB address-space limit; the file reader's time and
//! memory budgets; two imports of one folder at once.

use parallax_testdata::stdout_json;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn parallax(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
    command.arg("--db").arg(db).env_remove("PARALLAX_DB");
    command
}

fn file_name(entry: &Value) -> String {
    Path::new(entry["path"].as_str().unwrap())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// The hostile files of `scripts/hostile-files.py`, written into `dir`.
fn hostile_files(dir: &Path, huge: bool) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/hostile-files.py");
    let mut command = Command::new("python3");
    command.arg(&script).arg(dir);
    if huge {
        command.arg("--huge");
    }
    let out = command.output().expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(parallax_testdata::corpus::dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn bombs_and_damaged_files_in_a_batch_under_3_gib_each_get_their_reason_and_every_good_file_imports(
) {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch");
    hostile_files(&batch, false);
    for file in corpus_files() {
        std::fs::copy(&file, batch.join(file.file_name().unwrap())).unwrap();
    }
    let db = dir.path().join("lib.sqlite3");
    // The whole import, workers included, lives within 3 GiB of address space: before the caps
    // one 346 KB PDF took 15.5 GB and the batch was lost.
    let out = Command::new("prlimit")
        .arg("--as=3221225472")
        .arg(env!("CARGO_BIN_EXE_parallax"))
        .arg("--db")
        .arg(&db)
        .args(["import", "--json"])
        .arg(&batch)
        .env_remove("PARALLAX_DB")
        .output()
        .expect("prlimit (util-linux) runs");
    let report = stdout_json(&out);

    let failed: BTreeMap<String, String> = report["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (file_name(f), f["error"].as_str().unwrap().to_string()))
        .collect();
    let expands = "expands to more than 50 MB when unpacked";
    let expected = [
        ("bomb-content-stream.pdf", expands),
        ("bomb-deep-divs.html", "nested more than 5000 deep"),
        ("bomb-document-xml.docx", expands),
        ("bomb-flate.pdf", expands),
        ("bomb-object-stream.pdf", expands),
        ("looping-page-parent.pdf", "no page could be found"),
        ("looping-page-tree.pdf", "no page could be found"),
        ("password.pdf", "protected by a password"),
        ("truncated.pdf", "ends early"),
    ];
    assert_eq!(
        failed.keys().collect::<Vec<_>>(),
        expected.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        "{failed:#?}"
    );
    for (name, reason) in expected {
        assert!(
            failed[name].contains(reason),
            "{name}: {:?} does not say {reason:?}",
            failed[name]
        );
    }

    // Every good file is in the library: imported, or the same text as one that was.
    let imported: Vec<String> = report["imported"]
        .as_array()
        .unwrap()
        .iter()
        .map(file_name)
        .collect();
    let duplicates: Vec<String> = report["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .map(file_name)
        .collect();
    for file in corpus_files() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(imported.contains(&name), "{name} not imported: {report:#}");
    }
    for name in [
        "bomb-hidden-b.html",
        "bomb-identical-b.html",
        "bomb-unclosed-b.html",
        "nul-every-12th-byte.txt",
        "one-line-unclosed-quotes.txt",
    ] {
        assert!(imported.contains(&name.to_string()), "{name}: {report:#}");
    }
    // The PDFs that other readers open all hold the same six sentences: one is imported, the
    // others are its duplicates (the `'` and `"` operators, CRLF, no %%EOF, shifted offsets, a
    // stray object numbered 9999999).
    let same_prose = [
        "operator-double-quote.pdf",
        "operator-quote.pdf",
        "xref-crlf.pdf",
        "xref-no-eof.pdf",
        "xref-offsets-off.pdf",
        "xref-stray-high-object.pdf",
    ];
    for name in same_prose {
        assert!(
            imported.contains(&name.to_string()) || duplicates.contains(&name.to_string()),
            "{name}: {report:#}"
        );
    }
    let chinese = ["utf16be-chinese-no-bom.txt", "utf16le-chinese-no-bom.txt"];
    assert!(
        chinese
            .iter()
            .all(|name| imported.contains(&name.to_string())
                || duplicates.contains(&name.to_string()))
    );

    // The texts are whole: the PDF shown with `'` has every sentence, and the NULs strewn
    // through the text are gone.
    let article = |name: &str| -> u64 {
        let entry = report["imported"]
            .as_array()
            .unwrap()
            .iter()
            .chain(report["duplicates"].as_array().unwrap())
            .find(|e| file_name(e) == name)
            .unwrap_or_else(|| panic!("{name} not in the report"));
        let id = entry.get("id").or(entry.get("existing_id")).unwrap();
        id.as_u64().unwrap()
    };
    // One text, whichever operator shows it and however the table is damaged.
    for name in same_prose {
        assert_eq!(article(name), article("xref-crlf.pdf"), "{name}");
    }
    let show = |name: &str| -> String {
        let out = parallax(&db)
            .args(["show", "--json", &article(name).to_string()])
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["body"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let quoted = show("operator-quote.pdf");
    assert!(
        quoted
            .contains("The council voted to release emergency funds before the end of the month."),
        "{quoted}"
    );
    assert!(show("nul-every-12th-byte.txt").starts_with("The council met on Tuesday"));
    assert!(show("utf16le-chinese-no-bom.txt").contains("委员会周二开会讨论港区的新预算"));
}

#[test]
fn the_file_reader_stops_at_its_time_and_memory_budgets_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch");
    std::fs::create_dir_all(&batch).unwrap();
    // 30 MB of valid text: seconds to read, and more than 64 MB of memory.
    let line = "The council met again on Tuesday and the harbour budget was discussed at length.\n";
    std::fs::write(batch.join("long.txt"), line.repeat(30_000_000 / line.len())).unwrap();
    let good = &corpus_files()[0];
    std::fs::copy(good, batch.join("good.txt")).unwrap();

    for (variable, value, reason) in [
        (
            "PARALLAX_READ_SECONDS",
            "1",
            "reading the file took longer than 1 s, the limit for one file",
        ),
        (
            "PARALLAX_READ_MEMORY_MB",
            "64",
            "reading the file needed more than 64 MB of memory, the limit for one file",
        ),
    ] {
        let db = dir.path().join(format!("{variable}.sqlite3"));
        let out = parallax(&db)
            .args(["import", "--json"])
            .arg(&batch)
            .env(variable, value)
            .output()
            .unwrap();
        let report = stdout_json(&out);
        let failed = report["failed"].as_array().unwrap();
        assert_eq!(failed.len(), 1, "{report:#}");
        assert_eq!(file_name(&failed[0]), "long.txt");
        assert_eq!(failed[0]["error"], reason);
        let imported = report["imported"].as_array().unwrap();
        assert_eq!(imported.len(), 1, "{report:#}");
        assert_eq!(file_name(&imported[0]), "good.txt");
    }
}

#[test]
fn two_imports_of_one_folder_at_once_report_only_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir_all(&folder).unwrap();
    for file in corpus_files() {
        std::fs::copy(&file, folder.join(file.file_name().unwrap())).unwrap();
    }
    // Many small articles, so that the two imports interleave.
    for i in 0..60 {
        let text = format!(
            "Harbour report number {i}\n\nThe council met for the {i}th time and voted on item {i} of the budget, \
             which the residents of district {i} had asked about.\n"
        );
        std::fs::write(folder.join(format!("report-{i:02}.txt")), text).unwrap();
    }
    let total = 65;
    let db = dir.path().join("lib.sqlite3");
    let children: Vec<_> = (0..2)
        .map(|_| {
            parallax(&db)
                .args(["import", "--json"])
                .arg(&folder)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let reports: Vec<Value> = children
        .into_iter()
        .map(|child| stdout_json(&child.wait_with_output().unwrap()))
        .collect();
    let count = |key: &str| -> usize {
        reports
            .iter()
            .map(|r| r[key].as_array().unwrap().len())
            .sum()
    };
    assert_eq!(count("failed"), 0, "{reports:#?}");
    assert_eq!(count("imported"), total, "{reports:#?}");
    assert_eq!(count("duplicates"), total, "{reports:#?}");
    let list = parallax(&db).args(["list", "--json"]).output().unwrap();
    let listed: Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), total);
}

/// A word of `file` that no other corpus article holds (long, so it is no common word).
fn word_only_in(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let others: Vec<String> = corpus_files()
        .iter()
        .filter(|f| f.as_path() != file)
        .map(|f| std::fs::read_to_string(f).unwrap().to_lowercase())
        .collect();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 9 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .find(|w| others.iter().all(|o| !o.contains(&w.to_lowercase())))
        .expect("a word of its own")
        .to_string()
}

fn run(db: &Path, args: &[&str]) -> String {
    let out = parallax(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn delete_names_the_sessions_purge_erases_the_words_and_a_backup_opens_as_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let corpus = corpus_files();
    let imported = stdout_json(
        &parallax(&db)
            .args(["import", "--json"])
            .args(&corpus)
            .output()
            .unwrap(),
    );
    let id_of = |file: &Path| -> String {
        imported["imported"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| Path::new(e["path"].as_str().unwrap()).file_name() == file.file_name())
            .unwrap()["id"]
            .to_string()
    };
    let (doomed, kept) = (id_of(&corpus[3]), id_of(&corpus[0]));
    let secret = word_only_in(&corpus[3]);
    run(
        &db,
        &["session", "create", "--name", "Pair", &doomed, &kept],
    );

    // A backup holds the article whatever happens to the library afterwards.
    let backup = dir.path().join("backup.sqlite3");
    let said = run(&db, &["backup", backup.to_str().unwrap()]);
    assert!(said.contains("backed up 5 articles"), "{said}");

    let said = run(&db, &["delete", &doomed]);
    assert!(said.contains("is compared in session 1 “Pair”"), "{said}");
    let holds = |path: &Path| {
        ["", "-wal"].iter().any(|suffix| {
            std::fs::read(format!("{}{suffix}", path.display()))
                .is_ok_and(|bytes| bytes.windows(secret.len()).any(|w| w == secret.as_bytes()))
        })
    };
    assert!(holds(&db), "a deleted article is only hidden");
    let said = run(&db, &["purge"]);
    assert!(said.contains("removed for good: 1 articles"), "{said}");
    assert!(!holds(&db), "{secret} is still in the library file");
    let found: Value = serde_json::from_str(&run(&db, &["search", "--json", &secret])).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 0, "{found}");
    assert_eq!(run(&db, &["purge"]).trim(), "the trash is empty");

    let listed: Value = serde_json::from_str(&run(&backup, &["list", "--json"])).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 5);
    assert!(holds(&backup));
}

/// Runs `query` on the library file and returns its one text or number as text.
fn sql(db: &Path, query: &str) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(query, [], |row| {
        Ok(match row.get_ref(0)? {
            rusqlite::types::ValueRef::Integer(n) => n.to_string(),
            rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
            other => format!("{other:?}"),
        })
    })
    .unwrap()
}

#[test]
fn an_import_killed_at_random_moments_leaves_a_sound_library_and_resumes_to_the_exact_count() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir_all(&folder).unwrap();
    let total = 400;
    let mut rng = parallax_testdata::Rng::new(11);
    for i in 0..total {
        // Sizes from a paragraph to a long feature, so kills land in every stage of a file.
        let paragraphs = 1 + rng.below(60);
        let mut text = format!("Harbour report number {i}\n\n");
        for p in 0..paragraphs {
            text.push_str(&format!(
                "Paragraph {p} of report {i}: the council of district {} voted on item {} of the \
                 budget after residents asked about the sea wall.\n\n",
                rng.below(1000),
                rng.below(1000)
            ));
        }
        std::fs::write(folder.join(format!("{i:03}.txt")), text).unwrap();
    }
    let db = dir.path().join("lib.sqlite3");
    let sound = |when: &str| {
        assert_eq!(sql(&db, "PRAGMA integrity_check"), "ok", "{when}");
        // The full-text index matches the articles it indexes, row for row.
        rusqlite::Connection::open(&db)
            .unwrap()
            .execute(
                "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')",
                [],
            )
            .unwrap_or_else(|e| panic!("{when}: the full-text index is off: {e}"));
        // No half article: every article has its body, its hash and its index entry.
        assert_eq!(
            sql(
                &db,
                "SELECT count(*) FROM articles WHERE length(body) = 0 OR content_sha256 = '' \
                 OR id NOT IN (SELECT rowid FROM articles_fts)"
            ),
            "0",
            "{when}"
        );
    };
    // How long a whole import takes here, so that kills land all along one.
    let started = std::time::Instant::now();
    let scratch = dir.path().join("scratch.sqlite3");
    assert!(parallax(&scratch)
        .args(["import"])
        .arg(&folder)
        .output()
        .unwrap()
        .status
        .success());
    let whole = started.elapsed().as_millis() as usize;
    let mut kills = 0;
    let mut counts: Vec<String> = Vec::new();
    let stages = |counts: &[String]| {
        counts
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    // At least 24 kills mid-way, and at three stages of the library at least; a run that
    // finished before its moment does not count. Moments span a whole import: a resumed import
    // reads its duplicates first, so a kill early in it leaves the library as it was.
    for round in 0..150 {
        let mut child = parallax(&db)
            .args(["import"])
            .arg(&folder)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let moment = whole / 40 + rng.below(whole);
        std::thread::sleep(std::time::Duration::from_millis(moment as u64));
        if child.try_wait().unwrap().is_some() {
            // It finished first: a full library leaves later kills nothing to stop mid-way, so
            // the library starts over.
            assert!(child.wait().unwrap().success(), "round {round}");
            sound(&format!("after the whole import of round {round}"));
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
            continue;
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        kills += 1;
        if db.exists() {
            sound(&format!("after kill {round}"));
            counts.push(sql(&db, "SELECT count(*) FROM articles"));
        }
        if kills >= 24 && stages(&counts) >= 3 {
            break; // right after a kill, so that the import below resumes one
        }
    }
    assert!(kills >= 24, "only {kills} imports were killed mid-way");
    // The kills landed at different stages: the library grew between some of them.
    assert!(stages(&counts) >= 3, "counts after each kill: {counts:?}");
    let out = parallax(&db)
        .args(["import", "--json"])
        .arg(&folder)
        .output()
        .unwrap();
    let report = stdout_json(&out);
    let (imported, duplicates) = (
        report["imported"].as_array().unwrap().len(),
        report["duplicates"].as_array().unwrap().len(),
    );
    assert_eq!(report["failed"].as_array().unwrap().len(), 0, "{report:#}");
    assert_eq!(imported + duplicates, total);
    sound("after the resumed import");
    assert_eq!(
        sql(&db, "SELECT count(*) FROM articles"),
        total.to_string(),
        "counts after each kill: {counts:?}"
    );
}

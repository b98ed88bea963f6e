//! Reports of a session of the five real articles of the shared corpus, written in every format
//! to real files and read back: every cited span holds the text it names, every table reads
//! back, the HTML has no script and escapes what it is given, and writing is atomic.

use parallax_report::{write, Format, Report};
use parallax_store::{Library, NewNote};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A library of the corpus with a session of its five articles and two notes (one with
/// characters Markdown, CSV and HTML must escape).
fn corpus_session(dir: &Path) -> (Library, Report) {
    let mut library = Library::open(&dir.join("library.sqlite3")).expect("a library");
    let files: Vec<PathBuf> = parallax_testdata::corpus::files();
    let imported = library.import_paths(&files, |_| {});
    assert_eq!(imported.imported.len(), 5, "{:?}", imported.failed);
    let ids: Vec<_> = imported.imported.iter().map(|f| f.id).collect();
    let session = library
        .create_session("Venezuela <b>five</b> | outlets", &ids)
        .expect("a session");
    let with_prisoners = ids
        .iter()
        .copied()
        .find(|&id| {
            library
                .get(id)
                .unwrap()
                .body
                .contains("87 political prisoners")
        })
        .expect("the article counting prisoners");
    library
        .add_note(NewNote {
            session: Some(session.id),
            article: Some(with_prisoners),
            quote: Some("87 political prisoners".into()),
            body: "Only one outlet | gives a *number*, \"87\"\nand <script>alert(1)</script>."
                .into(),
            tags: vec!["numbers".into()],
            ..Default::default()
        })
        .expect("a note");
    library
        .add_note(NewNote {
            session: Some(session.id),
            body: "Who captured whom?".into(),
            ..Default::default()
        })
        .expect("a session note");
    let view = library.session_view(session.id, None).expect("the session");
    let report = Report::new(&view, "test", "2026-12-05T12:00:00Z");
    (library, report)
}

#[test]
fn the_json_report_cites_every_span_with_the_stored_text_and_hashes_the_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let (library, report) = corpus_session(dir.path());
    let path = dir.path().join("report.json");
    write(&report, Format::Json, &path).unwrap();
    let json: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    for key in [
        "parallax_version",
        "exported_at",
        "parameters",
        "session",
        "articles",
        "alignment",
        "quotes",
        "passages",
        "framing",
        "notes",
    ] {
        assert!(json.get(key).is_some(), "no {key}");
    }
    assert_eq!(json["session"]["name"], "Venezuela <b>five</b> | outlets");
    assert!(json["parameters"]["alignment"]["threshold"].is_number());
    assert!(
        json["parameters"]["framing"]["minCount"].is_number()
            || json["parameters"]["framing"]["min_count"].is_number()
    );
    for article in json["articles"].as_array().unwrap() {
        let body = library
            .get(parallax_store::ArticleId(article["id"].as_i64().unwrap()))
            .unwrap()
            .body;
        assert_eq!(article["sha256"], parallax_core::text::content_hash(&body));
        for key in ["title", "outlet", "author", "published", "url", "words"] {
            assert!(article.get(key).is_some(), "no {key}");
        }
    }
    let spans = parallax_testdata::exports::cited_spans(&json);
    assert!(spans.len() > 500, "{} spans", spans.len());
    for (article, start, end, text) in &spans {
        let body = library
            .get(parallax_store::ArticleId(*article))
            .unwrap()
            .body;
        assert_eq!(
            body.get(*start..*end),
            Some(text.as_str()),
            "#{article} {start}..{end}"
        );
    }
    // The note is anchored to its words; the administrations are a conflict.
    let notes = json["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert!(notes
        .iter()
        .any(|n| n["anchored"]["text"] == "87 political prisoners"));
    let facts = json["framing"]["facts"].as_array().unwrap();
    assert!(facts
        .iter()
        .any(|f| f["slot"] == "administration" && f["relation"] == "conflict"));
    assert!(!json["alignment"]["only_here"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn the_html_report_is_self_contained_escaped_and_has_every_section() {
    let dir = tempfile::tempdir().unwrap();
    let (_library, report) = corpus_session(dir.path());
    let path = dir.path().join("report.html");
    write(&report, Format::Html, &path).unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    for section in [
        "articles",
        "openings",
        "alignment",
        "quotes",
        "passages",
        "framing",
        "notes",
        "parameters",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{section}\">")),
            "no {section}"
        );
    }
    assert!(
        !html.to_lowercase().contains("<script"),
        "a script in the report"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Venezuela &lt;b&gt;five&lt;/b&gt; | outlets"));
    assert!(
        !html.contains("http://") && !html.contains("https://") || !html.contains("src="),
        "nothing loaded"
    );
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains("<svg"), "charts as inline SVG");
    assert!(html.contains("the Trump administration") && html.contains("the Biden administration"));
}

#[test]
fn the_markdown_report_parses_back_to_the_same_tables_and_words() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let dir = tempfile::tempdir().unwrap();
    let (_library, report) = corpus_session(dir.path());
    let path = dir.path().join("report.md");
    write(&report, Format::Md, &path).unwrap();
    let markdown = std::fs::read_to_string(&path).unwrap();
    // The articles table: one row per article, its titles read back as written.
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let (mut in_cell, mut cell, mut row) = (false, String::new(), Vec::new());
    let mut text = String::new();
    for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                cell.clear();
            }
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                row.push(cell.clone());
            }
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                tables.last_mut().unwrap().push(std::mem::take(&mut row));
            }
            Event::Text(t) | Event::Code(t) => {
                if in_cell {
                    cell.push_str(&t);
                }
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    let articles = &tables[0];
    assert_eq!(articles.len(), 6, "a header and five rows");
    for (row, article) in articles[1..].iter().zip(&report.articles) {
        assert_eq!(row[2], article.title);
        assert_eq!(row[6], article.sha256);
    }
    assert!(
        text.contains("Venezuela <b>five</b> | outlets"),
        "{}",
        &text[..200]
    );
    // The note's characters come back as written, not as Markdown or HTML (its line break is
    // a soft break).
    let note = text
        .find("Only one outlet")
        .map(|i| text[i..].chars().take(80).collect::<String>());
    assert!(
        text.contains("Only one outlet | gives a *number*, \"87\" and <script>alert(1)</script>."),
        "{note:?}"
    );
    assert!(text.contains("the Trump administration"));
}

#[test]
fn the_csv_tables_read_back_with_a_row_per_item() {
    let dir = tempfile::tempdir().unwrap();
    let (_library, report) = corpus_session(dir.path());
    let folder = dir.path().join("tables");
    let written = write(&report, Format::Csv, &folder).unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "articles.csv",
            "quotes.csv",
            "passages.csv",
            "conflicts.csv",
            "distinctive.csv",
            "notes.csv"
        ]
    );
    let read = |name: &str| -> Vec<csv::StringRecord> {
        csv::Reader::from_path(folder.join(name))
            .unwrap()
            .records()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(read("articles.csv").len(), 5);
    let notes = read("notes.csv");
    assert_eq!(notes.len(), 2);
    assert!(notes
        .iter()
        .any(|n| &n[5]
            == "Only one outlet | gives a *number*, \"87\"\nand <script>alert(1)</script>."));
    let quotes = read("quotes.csv");
    assert_eq!(
        quotes.len(),
        report
            .quotes
            .iter()
            .map(|g| g.quotations.len())
            .sum::<usize>()
    );
    assert!(read("conflicts.csv")
        .iter()
        .any(|r| &r[1] == "administration" && &r[2] == "conflict"));
    assert!(read("distinctive.csv").len() >= 25);
}

#[test]
fn a_report_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let (_library, report) = corpus_session(dir.path());
    // Over an older file: replaced whole.
    let path = dir.path().join("out.md");
    std::fs::write(&path, "an older, much longer export ".repeat(100_000)).unwrap();
    write(&report, Format::Md, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# Venezuela") && !text.contains("older"));
    // Into a folder that is a file: a clear error, and nothing left behind.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "a file").unwrap();
    let error = write(&report, Format::Html, &blocked.join("report.html")).unwrap_err();
    assert!(error.to_string().contains("could not write"), "{error}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".parallax-export"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

//! Plain-text and Markdown import over the fixture files in `tests/fixtures/plain/`, through
//! the public entry point. Each fixture has a JSON snapshot of what a reader would check: the
//! metadata, the first paragraph, and every paragraph marked as boilerplate.

/// What a snapshot records for one file.
fn summary(file_name: &str, bytes: &[u8]) -> serde_json::Value {
    let doc = match parallax_core::ingest::ingest(file_name, bytes) {
        Ok(doc) => doc,
        Err(error) => return serde_json::json!({ "error": error }),
    };
    let paragraphs: Vec<&str> = doc.body.split("\n\n").collect();
    let boilerplate: Vec<&str> = doc
        .boilerplate
        .iter()
        .map(|r| &doc.body[r.clone()])
        .collect();
    serde_json::json!({
        "title": doc.metadata.title,
        "author": doc.metadata.author,
        "published": doc.metadata.published,
        "outlet": doc.metadata.outlet,
        "url": doc.metadata.url,
        "first_paragraph": paragraphs[0],
        "paragraphs": paragraphs.len(),
        "words_outside_boilerplate": doc.word_count(),
        "boilerplate": boilerplate,
    })
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    parallax_testdata::fixtures::read("plain", &["txt", "md"])
}

#[test]
fn fixtures_match_their_snapshots() {
    let files = fixtures();
    assert!(
        files.len() >= 10,
        "expected the fixture files, found {}",
        files.len()
    );
    for (name, bytes) in files {
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem);
        insta::assert_json_snapshot!(stem, summary(&name, &bytes));
    }
}

#[test]
fn boilerplate_ranges_are_sorted_whole_paragraphs() {
    for (name, bytes) in fixtures() {
        let Ok(doc) = parallax_core::ingest::ingest(&name, &bytes) else {
            continue;
        };
        let mut previous_end = 0;
        for range in &doc.boilerplate {
            assert!(
                range.start >= previous_end && range.start < range.end,
                "{name}: {range:?}"
            );
            assert!(
                range.start == 0 || doc.body[..range.start].ends_with("\n\n"),
                "{name}: {range:?}"
            );
            assert!(
                range.end == doc.body.len() || doc.body[range.end..].starts_with("\n\n"),
                "{name}: {range:?}"
            );
            previous_end = range.end;
        }
        assert_eq!(
            doc.body,
            parallax_core::text::normalize(&doc.body),
            "{name}: body is normalised"
        );
    }
}

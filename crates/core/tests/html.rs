//! HTML import through the public entry point, on the fixture pages in `fixtures/html`.
//!
//! Each `caseNN-*.html` with a `caseNN-*.expected.txt` sibling holds what a careful reader calls
//! the article; the body must reach a token F1 of at least 0.9 against it, and the metadata must
//! match `caseNN-*.meta.json` exactly. These tests go through `ingest`, so they also need the
//! text decoder (`decode_text`).

use parallax_core::ingest::{ingest, Format, IngestError, Metadata};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn fixture_dir() -> PathBuf {
    parallax_testdata::fixtures::dir("html")
}

/// Pages with an expected text, sorted by name.
fn cases() -> Vec<PathBuf> {
    parallax_testdata::fixtures::cases("html", &["html"])
        .into_iter()
        .filter(|p| p.with_extension("expected.txt").exists())
        .collect()
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned()
}

fn bag(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for word in parallax_core::text::words(text) {
        *bag.entry(word.text.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// Token F1 over bags of lowercased words: (precision, recall, F1).
fn token_f1(got: &str, expected: &str) -> (f64, f64, f64) {
    let (got, expected) = (bag(got), bag(expected));
    let overlap: usize = got
        .iter()
        .map(|(w, n)| (*n).min(expected.get(w).copied().unwrap_or(0)))
        .sum();
    if overlap == 0 {
        return (0.0, 0.0, 0.0);
    }
    let precision = overlap as f64 / got.values().sum::<usize>() as f64;
    let recall = overlap as f64 / expected.values().sum::<usize>() as f64;
    (
        precision,
        recall,
        2.0 * precision * recall / (precision + recall),
    )
}

#[test]
fn html_fixtures_reach_token_f1() {
    let mut failures = Vec::new();
    for page in cases() {
        let name = name_of(&page);
        let bytes = std::fs::read(&page).expect("read page");
        let expected =
            std::fs::read_to_string(page.with_extension("expected.txt")).expect("read expected");
        let doc = ingest(&name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.format, Format::Html);
        let (precision, recall, f1) = token_f1(&doc.body, &expected);
        println!("{name:42} precision {precision:.3}  recall {recall:.3}  F1 {f1:.3}");
        if f1 < 0.9 {
            failures.push(format!("{name}: F1 {f1:.3}"));
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn html_fixtures_have_exact_metadata() {
    for page in cases() {
        let name = name_of(&page);
        let bytes = std::fs::read(&page).expect("read page");
        let meta_text =
            std::fs::read_to_string(page.with_extension("meta.json")).expect("read meta.json");
        let meta: serde_json::Value = serde_json::from_str(&meta_text).expect("meta.json is JSON");
        let field = |key: &str| meta.get(key).and_then(|v| v.as_str()).map(str::to_string);
        let want = Metadata {
            title: field("title"),
            title_derived: false,
            outlet: field("outlet"),
            agency: field("agency"),
            author: field("author"),
            published: field("published"),
            url: field("url"),
            language: field("language"),
        };
        let doc = ingest(&name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.metadata, want, "{name}");
    }
}

#[test]
fn html_bodies_hold_no_script_or_style_text() {
    for page in cases() {
        let name = name_of(&page);
        let doc = ingest(&name, &std::fs::read(&page).expect("read page"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for needle in [
            "function(",
            "window.",
            "googletag",
            "dataLayer",
            "javascript:",
            "{{",
            "font-family",
            "onclick",
        ] {
            assert!(
                !doc.body.contains(needle),
                "{name}: body contains {needle:?}"
            );
        }
        assert!(
            !doc.body.contains("\n\n\n"),
            "{name}: paragraphs are separated by one blank line"
        );
        assert_eq!(
            doc.body,
            doc.body.trim(),
            "{name}: no surrounding whitespace"
        );
    }
}

#[test]
fn navigation_only_page_is_no_text() {
    let page = fixture_dir().join("case11-navigation-only.html");
    let result = ingest(
        "case11-navigation-only.html",
        &std::fs::read(page).expect("read page"),
    );
    assert_eq!(
        result,
        Err(IngestError::NoText {
            detail: "no article text found in the page".to_string()
        })
    );
}

#[test]
fn truncated_and_random_html_does_not_panic() {
    let page = std::fs::read(fixture_dir().join("case01-news-cms.html")).expect("read page");
    for cut in (0..page.len()).step_by(997) {
        let _ = ingest("cut.html", &page[..cut]);
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..50 {
        let bytes: Vec<u8> = (0..2000)
            .map(|_| {
                // xorshift: deterministic noise biased towards markup characters.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                b"<>/=\"' abcdiv&;#p\n"[(state % 18) as usize]
            })
            .collect();
        let _ = ingest("noise.html", &bytes);
    }
}

#[test]
fn absurdly_deep_nesting_is_refused_before_parsing() {
    let depth = 200_000;
    let page = format!(
        "<html><body>{}<p>Deep text.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    match ingest("deep.html", page.as_bytes()) {
        Err(IngestError::Corrupt { format, detail }) => {
            assert_eq!(format, "HTML");
            assert!(detail.contains("nested"), "{detail}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // Ordinary pages, with sloppy unclosed <p> and <li>, scripts full of "<div>" and comments,
    // are far from the limit.
    let sloppy = format!(
        "<html><body><script>var s = '{}';</script><!-- {} --><article><h1>Quay works</h1>{}</article></body></html>",
        "<div>".repeat(10_000),
        "<div>".repeat(10_000),
        "<p>The quay works went on through the night, the harbour office said.".repeat(6_000)
    );
    let doc = ingest("sloppy.html", sloppy.as_bytes()).expect("a real page imports");
    assert!(doc.body.contains("quay works went on"));
}

//! The five real articles in `shared/corpus/venezuela-2026/` (outside the repository: their text
//! must not be committed), read through the public entry point, checked against what a careful
//! reader sees in each file. Only short anchors (a title, a name, the first words of a
//! paragraph) appear here.
//!
//! The corpus is part of the project's shared data; a missing folder is a broken checkout, so
//! the test fails instead of skipping.

use crate::common::boilerplate;
use parallax_core::ingest::{ingest, Document};

/// The corpus file whose name starts with `prefix` ("000"), imported.
fn article(prefix: &str) -> (String, Document) {
    let path = parallax_testdata::corpus::file(prefix);
    let name = path
        .file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned();
    let bytes = std::fs::read(&path).expect("readable corpus file");
    let doc = ingest(&name, &bytes).unwrap_or_else(|e| panic!("{name} does not import: {e}"));
    (name, doc)
}

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.body.split("\n\n").collect()
}

/// Whether the paragraph starting with `prefix` is marked as boilerplate; panics when no
/// paragraph starts so (the anchor is part of the assertion).
fn is_boilerplate(doc: &Document, prefix: &str) -> bool {
    let mut offset = 0;
    for paragraph in paragraphs(doc) {
        if paragraph.starts_with(prefix) {
            return doc
                .boilerplate
                .iter()
                .any(|r| r.start <= offset && offset + paragraph.len() <= r.end);
        }
        offset += paragraph.len() + 2;
    }
    panic!("no paragraph starts with {prefix:?}");
}

/// "001_59d693c4b0a6a774.txt" -> "001 59d693c4b0a6a774", the title `ingest` falls back to.
#[test]
fn corpus_folder_holds_the_five_articles() {
    let dir = parallax_testdata::corpus::dir();
    let count = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "corpus folder {} is missing or unreadable: {e}",
                dir.display()
            )
        })
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    assert!(
        count >= 5,
        "expected five .txt articles in {}, found {count}",
        dir.display()
    );
}

#[test]
fn every_article_imports_with_a_normalised_body_and_modest_boilerplate() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let (name, doc) = article(prefix);
        assert_eq!(
            doc.body,
            parallax_core::text::normalize(&doc.body),
            "{name}: body is normalised"
        );
        let all_words = parallax_core::text::words(&doc.body).count();
        // Clutter is a small part of an article; far more would mean content was marked.
        assert!(
            doc.word_count() * 10 >= all_words * 8,
            "{name}: {} of {all_words} words kept",
            doc.word_count()
        );
        assert!(
            doc.boilerplate.len() <= 6,
            "{name}: {:?}",
            boilerplate(&doc)
        );
    }
}

/// Exactly the `clutter` paragraphs are boilerplate, and the `content` ones are not.
fn assert_boilerplate(doc: &Document, clutter: &[&str], content: &[&str]) {
    for paragraph in clutter {
        assert!(
            is_boilerplate(doc, paragraph),
            "{paragraph:?} should be boilerplate"
        );
    }
    assert_eq!(
        doc.boilerplate.len(),
        clutter.len(),
        "{:?}",
        boilerplate(doc)
    );
    for paragraph in content {
        assert!(!is_boilerplate(doc, paragraph), "{paragraph:?} is content");
    }
}

/// The second non-empty line of a corpus file, as written.
fn byline_line(prefix: &str) -> String {
    let text = std::fs::read_to_string(parallax_testdata::corpus::file(prefix)).unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .nth(1)
        .unwrap()
        .to_string()
}

#[test]
fn article_000_headline_name_byline_glued_dateline_and_tail_clutter() {
    let (_, doc) = article("000");
    let meta = &doc.metadata;
    assert_eq!(
        meta.title.as_deref(),
        Some("Venezuela Cooperation US Reshapes Washington Strategy in 2026")
    );
    // The byline is the line under the headline: a bare name, read from the file itself.
    let byline = byline_line("000");
    assert_eq!(meta.author.as_deref(), Some(byline.as_str()));
    assert_eq!(
        byline.split_whitespace().count(),
        2,
        "a two-word name: {byline}"
    );
    assert_eq!(meta.outlet.as_deref(), Some("Brussels Morning Newspaper"));
    assert_eq!(meta.published.as_deref(), Some("2026-01-09"));
    assert_eq!(meta.url, None);

    // Title and byline left the body; the dateline stayed, with the glued date separated.
    assert!(!doc.body.starts_with("Venezuela Cooperation US Reshapes"));
    assert!(!paragraphs(&doc).contains(&byline.as_str()));
    assert!(doc.body.starts_with(
        "Washington (Brussels Morning Newspaper) January 9, 2026 Venezuela cooperation US emerged"
    ));

    // The tail: "About Us" and the paper's description, share button, author bio, logo, prompt.
    let bio = format!("{byline} is a former diplomat");
    assert_boilerplate(
        &doc,
        &[
            "About Us",
            "Brussels Morning is a daily online newspaper",
            "Share This Article",
            bio.as_str(),
            "The Brussels Morning Newspaper Logo",
            "Subscribe for Latest Updates",
        ],
        // Article headings, the pull quote and the last paragraph are content.
        &[
            "Background Why US Venezuela Relations Are Being Reassessed",
            "What Triggered the Shift Toward Cooperation",
            "One senior official involved in the process said,",
            "“Durable diplomacy is built",
            "Why This Moment Matters for Long Term Relations",
            "Whether this approach delivers durable stability",
        ],
    );
}

#[test]
fn article_001_starts_with_a_lede_so_the_title_comes_from_its_opening() {
    let (_, doc) = article("001");
    // plain.rs finds no title line (the first line is a 100-word lede): the title is made from
    // the opening sentence, and says so.
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Venezuela has launched an “exploratory process” to restore formal diplomatic relations…")
    );
    assert!(doc.metadata.title_derived);
    assert_eq!(doc.metadata.author, None);
    assert!(doc
        .body
        .starts_with("Venezuela has launched an “exploratory process”"));

    // Lists stay content, one item per line in one paragraph; tables flatten to cells.
    let paras = paragraphs(&doc);
    let dash_list = paras
        .iter()
        .find(|p| p.starts_with("– Electoral conditions"))
        .expect("the – list");
    assert_eq!(dash_list.lines().count(), 4);
    assert!(!is_boilerplate(&doc, "– Electoral conditions"));
    assert!(paras
        .iter()
        .any(|p| p.starts_with("Key Actor | Main Objective | Core Risk\n")));
    assert!(!doc.body.contains("|---|"));
    assert!(!is_boilerplate(&doc, "To Conclude"));
    assert!(doc.boilerplate.is_empty(), "{:?}", boilerplate(&doc));
}

#[test]
fn article_002_title_then_subheading() {
    let (_, doc) = article("002");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Diplomatic Tensions Rise as US-Venezuela Relations Remain at Crossroads")
    );
    assert_eq!(doc.metadata.author, None);
    assert!(doc
        .body
        .starts_with("Potential Dialogue Amid Mounting Pressure\n\nIn what appears"));
    assert!(doc.boilerplate.is_empty(), "{:?}", boilerplate(&doc));
}

#[test]
fn article_003_byline_faq_and_trailing_prompts() {
    let (_, doc) = article("003");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Maduro Offers US Dialogue: Venezuela Talks on Drugs, Oil & Migration 2026")
    );
    assert_eq!(doc.metadata.author.as_deref(), Some("Chief Editor"));
    assert!(doc
        .body
        .starts_with("Venezuela and the US: A Thaw in Relations"));

    assert_boilerplate(
        &doc,
        &["Want to learn more", "You may also like", "Leave a Comment"],
        &[
            "FAQ",
            "Q: What is the main reason",
            "A: While less likely",
            "Pro Tip:",
            "Did you know?",
        ],
    );
}

#[test]
fn article_004_starts_with_a_section_label_not_a_headline() {
    let (_, doc) = article("004");
    // "Key Facts" labels a section of the article; it is not the headline, and the file has no
    // other headline line, so plain.rs leaves the title empty and the title is made from the
    // first prose paragraph. The label and everything after it stay in the body as content.
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("A major geopolitical realignment is underway as the United States and Venezuela…")
    );
    assert!(doc.metadata.title_derived);
    assert!(doc
        .body
        .starts_with("Key Facts\n\n- ✓ The United States and Venezuela"));
    for content in [
        "Key Facts",
        "Quick Summary",
        "A Diplomatic Thaw",
        "Looking Ahead",
    ] {
        assert!(!is_boilerplate(&doc, content), "{content:?} is content");
    }
    assert!(doc.boilerplate.is_empty(), "{:?}", boilerplate(&doc));
}

#[test]
fn corpus_sentences_are_ordered_clean_and_never_cut_after_an_abbreviation() {
    use parallax_core::sentences::{sentences, SentenceKind};
    for prefix in ["000", "001", "002", "003", "004"] {
        let (name, doc) = article(prefix);
        let found = sentences(&doc.body, "en", &doc.boilerplate);
        assert!(found.len() > 15, "{name}: {} sentences", found.len());
        assert!(
            found.windows(2).all(|w| w[0].end <= w[1].start),
            "{name}: ordered, disjoint"
        );
        for s in &found {
            let text = &doc.body[s.range()];
            assert_eq!(text, text.trim(), "{name}: trimmed");
            assert!(
                !text.contains('\n') || s.kind != SentenceKind::Prose,
                "{name}: one line: {text:?}"
            );
            for abbreviation in [" U.S.", " Dr.", " Mr.", " Jan."] {
                assert!(
                    !text.ends_with(abbreviation),
                    "{name}: cut after {abbreviation}: {text:?}"
                );
            }
            assert!(
                !doc.boilerplate
                    .iter()
                    .any(|b| b.start <= s.start && s.start < b.end),
                "{name}: a sentence inside boilerplate: {text:?}"
            );
        }
        let headings = found
            .iter()
            .filter(|s| s.kind == SentenceKind::Heading)
            .count();
        assert!(
            headings < found.len() / 2,
            "{name}: {headings} headings of {}",
            found.len()
        );
    }
}

//! DOCX import through the public entry point, on Word files built in memory with the `zip`
//! writer (no binary fixtures).

use crate::common::{boilerplate, damaged};
use parallax_core::ingest::{ingest, Format, IngestError};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A zip holding the given parts.
fn zip_parts(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        writer
            .start_file(*name, SimpleFileOptions::default())
            .expect("start file");
        writer.write_all(content.as_bytes()).expect("write part");
    }
    writer.finish().expect("finish zip").into_inner()
}

fn document_xml(body: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\"><w:body>{body}<w:sectPr/></w:body></w:document>")
}

fn paragraph(style: Option<&str>, text: &str) -> String {
    let props = style
        .map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"))
        .unwrap_or_default();
    format!("<w:p>{props}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn cell(text: &str) -> String {
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"2000\"/></w:tcPr>{}</w:tc>",
        paragraph(None, text)
    )
}

const CORE_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>Draft: quay story</dc:title><dc:creator>Mara Quinlan</dc:creator><dc:language>en-GB</dc:language>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">2019-03-02T09:00:00Z</dcterms:created></cp:coreProperties>";

/// An article: title, standfirst, a section heading, a table and a closing paragraph.
fn article_body() -> String {
    [
        paragraph(Some("Title"), "Northern quay to close for a year"),
        paragraph(
            None,
            "The harbour authority said on Friday that the northern quay will close.",
        ),
        paragraph(None, ""),
        paragraph(Some("Heading1"), "What the survey found"),
        paragraph(
            None,
            "Divers found corrosion in the steel piles &amp; the fenders.",
        ),
        format!(
            "<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell("Berth"),
            cell("Depth"),
            cell("North"),
            cell("14 m")
        ),
        paragraph(None, "The full survey will be published next week."),
    ]
    .concat()
}

#[test]
fn paragraphs_table_title_and_core_metadata() {
    let docx = zip_parts(&[
        (
            "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        ),
        ("word/document.xml", &document_xml(&article_body())),
        ("docProps/core.xml", CORE_XML),
    ]);
    let doc = ingest("quay.docx", &docx).expect("a readable DOCX");
    assert_eq!(doc.format, Format::Docx);
    assert_eq!(
        doc.body,
        "The harbour authority said on Friday that the northern quay will close.\n\n\
         What the survey found\n\n\
         Divers found corrosion in the steel piles & the fenders.\n\n\
         Berth | Depth\nNorth | 14 m\n\n\
         The full survey will be published next week."
    );
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Northern quay to close for a year")
    );
    assert_eq!(doc.metadata.author.as_deref(), Some("Mara Quinlan"));
    assert_eq!(doc.metadata.language.as_deref(), Some("en-GB"));
    // dcterms:created is the file's creation, not the article's publication.
    assert_eq!(doc.metadata.published, None);
}

#[test]
fn leading_heading_is_the_title_and_dateline_gives_the_date() {
    let body = [
        paragraph(Some("Heading1"), "Council approves bus lanes"),
        paragraph(None, "By Dale Huckaby"),
        paragraph(None, "21 November 2025"),
        paragraph(
            None,
            "The council approved the new bus lanes after a three-hour debate.",
        ),
        paragraph(Some("Heading1"), "Reaction"),
        paragraph(None, "Shop owners were unhappy."),
    ]
    .concat();
    let docx = zip_parts(&[("word/document.xml", &document_xml(&body))]);
    let doc = ingest("bus.docx", &docx).expect("a readable DOCX");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Council approves bus lanes")
    );
    assert_eq!(doc.metadata.author.as_deref(), Some("Dale Huckaby"));
    assert_eq!(doc.metadata.published.as_deref(), Some("2025-11-21"));
    assert!(
        doc.body
            .starts_with("By Dale Huckaby\n\n21 November 2025\n\nThe council approved"),
        "{}",
        doc.body
    );
    assert!(doc.body.contains("\n\nReaction\n\n"), "{}", doc.body);
}

#[test]
fn no_title_style_falls_back_to_core_title_then_the_opening() {
    let body = [
        paragraph(None, "Just a paragraph of text."),
        paragraph(Some("Heading1"), "A later section"),
    ]
    .concat();
    let docx = zip_parts(&[
        ("word/document.xml", &document_xml(&body)),
        ("docProps/core.xml", CORE_XML),
    ]);
    assert_eq!(
        ingest("a.docx", &docx).unwrap().metadata.title.as_deref(),
        Some("Draft: quay story")
    );

    let docx = zip_parts(&[("word/document.xml", &document_xml(&body))]);
    let doc = ingest("bus_lanes-vote.docx", &docx).unwrap();
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Just a paragraph of text")
    );
    assert!(doc.metadata.title_derived);
    assert_eq!(doc.body, "Just a paragraph of text.\n\nA later section");
}

#[test]
fn broken_core_xml_does_not_stop_the_body() {
    let docx = zip_parts(&[
        ("word/document.xml", &document_xml(&article_body())),
        (
            "docProps/core.xml",
            "<cp:coreProperties><dc:creator>Half</dc:creat",
        ),
    ]);
    let doc = ingest("quay.docx", &docx).expect("body still readable");
    assert!(doc.body.starts_with("The harbour authority said"));
}

#[test]
fn not_a_zip_is_corrupt() {
    let result = ingest(
        "letter.docx",
        b"PK\x03\x04 this is not really a zip file at all",
    );
    assert!(
        matches!(result, Err(IngestError::Corrupt { ref format, .. }) if format == "DOCX"),
        "{result:?}"
    );
    let result = ingest(
        "letter.docx",
        b"Dear Sir, this is plain text renamed to docx.",
    );
    assert!(
        matches!(result, Err(IngestError::Corrupt { ref format, .. }) if format == "DOCX"),
        "{result:?}"
    );
}

#[test]
fn zip_without_document_xml_is_corrupt() {
    let docx = zip_parts(&[
        ("docProps/core.xml", CORE_XML),
        ("word/styles.xml", "<w:styles/>"),
    ]);
    match ingest("empty.docx", &docx) {
        Err(IngestError::Corrupt { format, detail }) => {
            assert_eq!(format, "DOCX");
            assert!(detail.contains("word/document.xml"), "{detail}");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[test]
fn malformed_document_xml_is_corrupt() {
    let docx = zip_parts(&[(
        "word/document.xml",
        "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>cut off",
    )]);
    assert!(matches!(
        ingest("cut.docx", &docx),
        Err(IngestError::Corrupt { .. })
    ));
    let docx = zip_parts(&[(
        "word/document.xml",
        "<w:document><w:body><w:p></w:body></w:document>",
    )]);
    assert!(matches!(
        ingest("bad.docx", &docx),
        Err(IngestError::Corrupt { .. })
    ));
}

#[test]
fn truncated_zip_is_corrupt() {
    let docx = zip_parts(&[
        ("word/document.xml", &document_xml(&article_body())),
        ("docProps/core.xml", CORE_XML),
    ]);
    for keep in [docx.len() / 2, docx.len() - 30, 100] {
        let result = ingest("cut.docx", &docx[..keep]);
        assert!(
            matches!(result, Err(IngestError::Corrupt { ref format, .. }) if format == "DOCX"),
            "{keep}: {result:?}"
        );
    }
}

#[test]
fn oversized_document_xml_is_refused() {
    // 51 MB of spaces deflates to a few hundred KB: the shape of a zip bomb. The file limit
    // applies to what the file expands to.
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    writer
        .start_file("word/document.xml", SimpleFileOptions::default())
        .unwrap();
    writer
        .write_all(format!("<w:document xmlns:w=\"{W}\"><w:body>").as_bytes())
        .unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..51 {
        writer.write_all(&chunk).unwrap();
    }
    writer.write_all(b"</w:body></w:document>").unwrap();
    let docx = writer.finish().unwrap().into_inner();
    assert!(docx.len() < 2 * 1024 * 1024, "{}", docx.len());
    let refused = ingest("bomb.docx", &docx).unwrap_err();
    assert_eq!(
        refused,
        IngestError::Expands {
            limit: 50 * 1024 * 1024
        }
    );
    assert!(refused.to_string().contains("more than 50 MB"), "{refused}");
}

#[test]
fn truncations_and_damage_do_not_panic() {
    let docx = zip_parts(&[
        ("word/document.xml", &document_xml(&article_body())),
        ("docProps/core.xml", CORE_XML),
    ]);
    for cut in (1..docx.len()).step_by(7) {
        let _ = ingest("cut.docx", &docx[..cut]);
    }
    let mut rng = parallax_testdata::Rng::new(7);
    for _ in 0..300 {
        let _ = ingest("damaged.docx", &damaged(&docx, &mut rng, 4, &[]));
    }
    // Stored (uncompressed) parts can be damaged inside the XML itself.
    let stored = {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        writer.start_file("word/document.xml", options).unwrap();
        writer
            .write_all(document_xml(&article_body()).as_bytes())
            .unwrap();
        writer.finish().unwrap().into_inner()
    };
    for _ in 0..300 {
        let _ = ingest("damaged.docx", &damaged(&stored, &mut rng, 1, b"<>&/\"x\0"));
    }
}

#[test]
fn a_sentence_mentioning_a_date_is_not_a_dateline() {
    let body = [
        paragraph(
            None,
            "The council will vote on 12 March 2026 in the town hall.",
        ),
        paragraph(None, "Residents can speak for three minutes each."),
    ]
    .concat();
    let docx = zip_parts(&[("word/document.xml", &document_xml(&body))]);
    assert_eq!(ingest("vote.docx", &docx).unwrap().metadata.published, None);
}

/// The passes every format shares mark a DOCX's site clutter and its date line, keeping them in
/// the text; the byline in the text wins over the file's creator account.
#[test]
fn a_docx_byline_wins_over_the_creator_and_clutter_is_marked() {
    let body = [
        paragraph(Some("Title"), "Northern quay to close for a year"),
        paragraph(None, "By Ines Talbot | The Harbour Ledger"),
        paragraph(
            None,
            "The harbour authority said on Friday that the northern quay will close.",
        ),
        paragraph(None, "Share This Article"),
        paragraph(None, "Subscribe to our newsletter"),
    ]
    .concat();
    let docx = zip_parts(&[
        ("word/document.xml", &document_xml(&body)),
        ("docProps/core.xml", CORE_XML),
    ]);
    let doc = ingest("quay.docx", &docx).expect("a readable DOCX");
    assert_eq!(doc.metadata.author.as_deref(), Some("Ines Talbot"));
    assert_eq!(doc.metadata.outlet.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(
        boilerplate(&doc),
        [
            "By Ines Talbot | The Harbour Ledger",
            "Share This Article",
            "Subscribe to our newsletter"
        ]
    );
    assert!(doc.body.contains("the northern quay will close"));
}

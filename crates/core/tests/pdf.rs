//! PDF import through the public entry point, on small PDFs written by hand in the test (no
//! binary fixtures): one Helvetica font, text placed line by line.

use crate::common::{boilerplate, damaged, head};
use parallax_core::ingest::{ingest, Format, IngestError};

/// One line of text: font size, x, y (PDF user space, y grows upwards), text (ASCII).
type Placed<'a> = (f64, f64, f64, &'a str);

/// A minimal, valid PDF: catalog, page tree, one shared Helvetica font, one content stream per
/// page, an optional Info dictionary title and catalog language, and a correct xref table.
fn make_pdf(pages: &[Vec<Placed>], title: Option<&str>, lang: Option<&str>) -> Vec<u8> {
    let contents = pages
        .iter()
        .map(|lines| {
            let mut content = String::new();
            for (size, x, y, text) in lines {
                content.push_str(&format!(
                    "BT /F1 {size} Tf {x} {y} Td ({}) Tj ET\n",
                    escape(text)
                ));
            }
            if lines.is_empty() {
                // A page with a drawing and no text, like a scan without OCR.
                content.push_str("0.5 g 72 72 468 648 re f\n");
            }
            content
        })
        .collect();
    build_pdf(contents, title, lang)
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

/// The file around the given page content streams.
fn build_pdf(pages: Vec<String>, title: Option<&str>, lang: Option<&str>) -> Vec<u8> {
    let mut objects: Vec<String> = Vec::new();
    let first_page_obj = 4;
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", first_page_obj + 2 * i))
        .collect();
    let lang_entry = lang.map(|l| format!(" /Lang ({l})")).unwrap_or_default();
    objects.push(format!("<< /Type /Catalog /Pages 2 0 R{lang_entry} >>"));
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    ));
    objects.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
    );
    for (i, content) in pages.iter().enumerate() {
        let contents_obj = first_page_obj + 2 * i + 1;
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {contents_obj} 0 R >>"
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let info_obj = title.map(|t| {
        objects.push(format!(
            "<< /Title ({}) /Author (pdfuser) /CreationDate (D:20240101120000Z) >>",
            escape(t)
        ));
        objects.len()
    });

    let mut pdf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref_at = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let info_entry = info_obj
        .map(|n| format!(" /Info {n} 0 R"))
        .unwrap_or_default();
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R{info_entry} >>\nstartxref\n{xref_at}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// A two-page article: headline, paragraphs separated by gaps, a hyphenated line break, a
/// sentence running over the page break, and page numbers.
fn article_pages() -> Vec<Vec<Placed<'static>>> {
    vec![
        vec![
            (
                20.0,
                72.0,
                720.0,
                "Harbour board delays vote on quay repairs",
            ),
            (
                11.0,
                72.0,
                680.0,
                "The harbour board postponed its vote on the repair of the",
            ),
            (
                11.0,
                72.0,
                666.0,
                "northern quay on Tuesday, saying it needed more time.",
            ),
            (
                11.0,
                72.0,
                640.0,
                "Members asked for an independent review of the engineering",
            ),
            (
                11.0,
                72.0,
                626.0,
                "survey and of the cost estimates, which several called opti-",
            ),
            (
                11.0,
                72.0,
                612.0,
                "mistic. The chair said the review would take six weeks and",
            ),
            (11.0, 72.0, 598.0, "that the board would meet again in the"),
            (9.0, 300.0, 40.0, "1"),
        ],
        vec![
            (11.0, 72.0, 720.0, "spring to decide on the contract."),
            (11.0, 72.0, 694.0, "Dock workers welcomed the delay."),
            (9.0, 300.0, 40.0, "2"),
        ],
    ]
}

#[test]
fn text_pdf_becomes_paragraphs_with_title_from_the_headline() {
    let doc = ingest("quay.pdf", &make_pdf(&article_pages(), None, Some("en-GB")))
        .expect("a readable PDF");
    assert_eq!(doc.format, Format::Pdf);
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Harbour board delays vote on quay repairs")
    );
    assert_eq!(doc.metadata.language.as_deref(), Some("en-GB"));
    assert_eq!(doc.metadata.author, None);
    assert_eq!(doc.metadata.published, None);
    assert_eq!(
        doc.body,
        "The harbour board postponed its vote on the repair of the northern quay on Tuesday, saying it needed more time.\n\n\
         Members asked for an independent review of the engineering survey and of the cost estimates, which several called \
         optimistic. The chair said the review would take six weeks and that the board would meet again in the spring to \
         decide on the contract.\n\n\
         Dock workers welcomed the delay."
    );
}

#[test]
fn info_dictionary_title_wins_and_leaves_the_body() {
    let pdf = make_pdf(
        &article_pages(),
        Some("Harbour board delays vote on quay repairs"),
        None,
    );
    let doc = ingest("quay.pdf", &pdf).expect("a readable PDF");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Harbour board delays vote on quay repairs")
    );
    assert!(
        doc.body.starts_with("The harbour board postponed"),
        "{}",
        doc.body
    );

    let pdf = make_pdf(&article_pages(), Some("Microsoft Word - draft3.docx"), None);
    let doc = ingest("quay.pdf", &pdf).expect("a readable PDF");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Harbour board delays vote on quay repairs")
    );
}

#[test]
fn pdf_without_text_is_no_text() {
    let pdf = make_pdf(&[vec![], vec![]], None, None);
    assert_eq!(
        ingest("scan.pdf", &pdf),
        Err(IngestError::NoText {
            detail: "the PDF has no text layer (a scan?)".to_string()
        })
    );
}

#[test]
fn truncated_pdf_is_corrupt() {
    let pdf = make_pdf(&article_pages(), None, None);
    let truncated = &pdf[..pdf.len() / 3];
    assert!(
        matches!(ingest("cut.pdf", truncated), Err(IngestError::Corrupt { ref format, .. }) if format == "PDF")
    );
}

#[test]
fn garbage_after_a_pdf_header_is_corrupt() {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    assert!(
        matches!(ingest("junk.pdf", &bytes), Err(IngestError::Corrupt { ref format, .. }) if format == "PDF")
    );
    assert!(matches!(
        ingest("photo.pdf", b"\x89PNG\r\n\x1a\n not a pdf"),
        Err(IngestError::Corrupt { .. })
    ));
}

#[test]
fn a_pdf_that_makes_the_extractor_panic_is_corrupt() {
    // Showing text before selecting a font makes pdf-extract unwrap a None.
    let pdf = build_pdf(
        vec!["BT 72 700 Td (No font selected) Tj ET\n".to_string()],
        None,
        None,
    );
    assert!(
        matches!(ingest("odd.pdf", &pdf), Err(IngestError::Corrupt { ref format, .. }) if format == "PDF")
    );
}

#[test]
fn every_truncation_and_random_bytes_do_not_panic() {
    let pdf = make_pdf(&article_pages(), Some("Title"), Some("en"));
    for cut in (1..pdf.len()).step_by(37) {
        let _ = ingest("cut.pdf", &pdf[..cut]);
    }
    // Flip bytes inside a valid file: damaged objects and streams, not only a missing tail.
    let mut rng = parallax_testdata::Rng::new(11);
    for _ in 0..200 {
        let _ = ingest("damaged.pdf", &damaged(&pdf, &mut rng, 8, &[]));
    }
}

/// A PDF made by a real generator (fpdf2, see `fixtures/pdf/make_fixtures.py`): embedded
/// TrueType subset, justified text, a running head and page numbers over several pages.
#[test]
fn generated_pdf_fixture_reads_as_the_article() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let pdf = std::fs::read(dir.join("pdf/case01-spanish-article.pdf")).expect("read fixture");
    let expected = std::fs::read_to_string(dir.join("html/case04-spanish-news.expected.txt"))
        .expect("read expected");
    let doc = ingest("case01-spanish-article.pdf", &pdf).expect("a readable PDF");
    println!("{}", doc.body);
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("El puerto de Santa Brígida suspende la descarga de granos por la bajante del río")
    );
    assert_eq!(doc.metadata.language.as_deref(), Some("es"));
    assert_eq!(doc.body, expected.trim());
}

/// The head pass every format shares reads a PDF's byline and date line; they stay in the text
/// as printed, marked, with the site clutter at its end.
#[test]
fn a_pdf_byline_date_line_and_clutter_are_read_like_any_article() {
    let mut page = vec![(
        20.0,
        72.0,
        720.0,
        "Harbour board delays vote on quay repairs",
    )];
    page.extend(column(&[
        &["By Mara Quinlan"],
        &["9 January 2026"],
        &[
            "The harbour board postponed its vote on the repair of the",
            "northern quay on Tuesday, saying it needed more time.",
        ],
        &[
            "Members asked for an independent review of the engineering",
            "survey and of the cost estimates, which several called high.",
        ],
        &["Share This Article"],
    ]));
    let doc = ingest("quay.pdf", &make_pdf(&[page], None, None)).expect("a readable PDF");
    let expected = (
        Some("Harbour board delays vote on quay repairs"),
        Some("Mara Quinlan"),
        Some("2026-01-09"),
    );
    assert_eq!(head(&doc.metadata), expected);
    assert!(
        doc.body
            .starts_with("By Mara Quinlan\n\n9 January 2026\n\n"),
        "{}",
        doc.body
    );
    assert_eq!(
        boilerplate(&doc),
        ["By Mara Quinlan", "9 January 2026", "Share This Article"]
    );
}

/// Body text set in 11 points from the top of a page down: the lines of a paragraph 14 points
/// apart, paragraphs 26, so the gap tells them apart.
fn column(paragraphs: &[&[&'static str]]) -> Vec<Placed<'static>> {
    let mut y = 690.0;
    let mut placed = Vec::new();
    for lines in paragraphs {
        for line in *lines {
            placed.push((11.0, 72.0, y, *line));
            y -= 14.0;
        }
        y -= 12.0;
    }
    placed
}

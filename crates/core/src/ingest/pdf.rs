//! PDF: the text layer.
//!
//! `pdf-extract` interprets the content streams and hands us every glyph with its position. We
//! collect the glyphs into lines (a new line when the baseline moves), then lines into
//! paragraphs using the geometry of the page: a vertical gap clearly larger than the usual line
//! pitch, a change of font size (a heading), or a short line ending a sentence. Page numbers and
//! running heads repeated on most pages are dropped, and a paragraph cut by a page break is
//! joined again.
//!
//! `pdf-extract` is known to panic on some malformed files; the whole extraction runs under
//! `catch_unwind` (this needs `panic = "unwind"`, the default, in the profile that ships).

use super::blocks::{Block, BlockKind};
use super::head::MetadataLines;
use super::{IngestError, Metadata, Read};
use pdf_extract::{MediaBox, Object, OutputDev, OutputError, Transform};

/// Fewer letters than this: a scan, or a PDF of pictures.
const MIN_LETTERS: usize = 20;

pub(super) fn read(bytes: &[u8]) -> Result<Read, IngestError> {
    let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(bytes)));
    let (pages, info) = match extracted {
        Ok(result) => result?,
        Err(_) => return Err(corrupt("the PDF's structure could not be read")),
    };

    let pages = strip_running_lines(pages);
    let layout = Layout::of(&pages);
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    for page in &pages {
        for paragraph in page_paragraphs(page, &layout) {
            match paragraphs.last_mut() {
                // A sentence cut by the page break continues in lowercase on the next page.
                Some(last) if continues_across_break(&last.text, &paragraph.text) => {
                    join_line(&mut last.text, &paragraph.text)
                }
                _ => paragraphs.push(paragraph),
            }
        }
    }

    let letters: usize = paragraphs
        .iter()
        .map(|p| p.text.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if letters < MIN_LETTERS {
        return Err(IngestError::NoText {
            detail: "the PDF has no text layer (a scan?)".to_string(),
        });
    }

    let title = pick_title(&mut paragraphs, info.title);
    let blocks = paragraphs
        .iter()
        .map(|p| crate::text::normalize(&p.text))
        .filter(|text| !text.is_empty())
        .map(|text| Block::new(text, BlockKind::Prose))
        .collect();
    // Author and dates in the Info dictionary describe the file (often the account that printed
    // it and when), not the article, so they are not used: the head pass reads the byline and
    // the date from the text.
    Ok(Read {
        blocks,
        declared: Metadata {
            title,
            language: info.language,
            ..Metadata::default()
        },
        fallback: Metadata::default(),
        // A document keeps its text as printed: the byline and date lines stay, marked.
        metadata_lines: MetadataLines::Mark,
    })
}

fn corrupt(detail: impl Into<String>) -> IngestError {
    IngestError::Corrupt {
        format: "PDF".to_string(),
        detail: detail.into(),
    }
}

/// What the document catalogue and Info dictionary declare.
#[derive(Default)]
struct Info {
    title: Option<String>,
    language: Option<String>,
}

/// Loads the PDF and collects its lines, page by page.
fn extract(bytes: &[u8]) -> Result<(Vec<Vec<Line>>, Info), IngestError> {
    check_expansion(bytes)?;
    let mut doc = load(bytes)?;
    if doc.get_pages().is_empty() || !page_parents_end(&doc) {
        return Err(corrupt(
            "no page could be found (its page tree is broken or loops)",
        ));
    }
    spell_out_quote_operators(&mut doc);
    let info = Info {
        title: info_title(&doc),
        language: catalog_language(&doc),
    };
    let mut collector = Collector::default();
    pdf_extract::output_doc(&doc, &mut collector).map_err(|e| corrupt(format!("{e:?}")))?;
    Ok((collector.pages, info))
}

/// Whether every page's chain of `/Parent`s ends: the extractor walks it for inherited
/// attributes and would loop forever on a page that is its own ancestor (found by fuzzing).
fn page_parents_end(doc: &pdf_extract::Document) -> bool {
    doc.get_pages().into_values().all(|page| {
        let mut seen = std::collections::HashSet::from([page]);
        let mut current = page;
        loop {
            let Ok(dict) = doc.get_dictionary(current) else {
                return true;
            };
            match dict.get(b"Parent") {
                Ok(Object::Reference(parent)) if seen.insert(*parent) => current = *parent,
                Ok(Object::Reference(_)) => return false,
                _ => return true,
            }
        }
    })
}

/// Streams other than images may inflate to this much in all: the file limit applies to what a
/// file expands to, not only to its size on disk.
const MAX_INFLATED: usize = super::MAX_FILE_BYTES;

/// Refuses a PDF whose compressed streams (content, fonts, object streams; images are never
/// inflated) would inflate past [`MAX_INFLATED`]: a few hundred KB can inflate to gigabytes.
/// Inflated in small pieces and thrown away, so the check itself needs no memory.
fn check_expansion(bytes: &[u8]) -> Result<(), IngestError> {
    use std::io::Read;
    let mut inflated = 0usize;
    let mut buffer = vec![0u8; 64 * 1024];
    let mut at = 0;
    // Where the object holding the next stream starts: looked for only in the bytes since the
    // last stream, so the scan stays linear however many "stream" words a file holds.
    let mut header_from = 0;
    while let Some(found) = find(&bytes[at..], b"stream") {
        let keyword = at + found;
        if let Some(obj) = bytes[at..keyword].windows(3).rposition(|w| w == b"obj") {
            header_from = at + obj;
        }
        at = keyword + b"stream".len();
        if keyword >= 3 && &bytes[keyword - 3..keyword] == b"end" {
            continue;
        }
        let data = match bytes.get(at..at + 2) {
            Some([b'\r', b'\n']) => at + 2,
            Some([b'\n' | b'\r', _]) => at + 1,
            _ => continue,
        };
        if is_image(&bytes[header_from..keyword]) {
            continue;
        }
        let mut decoder = flate2::bufread::ZlibDecoder::new(&bytes[data..]);
        loop {
            match decoder.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => inflated += n,
            }
            if inflated > MAX_INFLATED {
                return Err(IngestError::Expands {
                    limit: MAX_INFLATED as u64,
                });
            }
        }
        at = at.max(data + decoder.total_in() as usize);
    }
    Ok(())
}

/// Whether a stream's dictionary says `/Subtype /Image` (an image is never inflated here).
fn is_image(dictionary: &[u8]) -> bool {
    use regex::bytes::Regex;
    use std::sync::LazyLock;
    static IMAGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"/Subtype[ \t\r\n]*/Image\b").expect("valid regex"));
    IMAGE.is_match(dictionary)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Loads the document, rebuilding a damaged cross-reference table from the objects themselves
/// when the file's own one fails or leaves objects out (offsets a few bytes off, a missing
/// `%%EOF`, an edit that shifted the file), as other PDF readers do.
fn load(bytes: &[u8]) -> Result<pdf_extract::Document, IngestError> {
    let first = pdf_extract::Document::load_mem(bytes);
    if let Ok(doc) = &first {
        if doc.is_encrypted() {
            return decrypted(first);
        }
    }
    let whole = |doc: &pdf_extract::Document| {
        let listed = doc
            .reference_table
            .entries
            .values()
            .filter(|e| matches!(e, pdf_extract::xref::XrefEntry::Normal { .. }))
            .count();
        !doc.get_pages().is_empty() && doc.objects.len() >= listed
    };
    if first.as_ref().is_ok_and(whole) {
        return first.map_err(|e| corrupt(e.to_string()));
    }
    let rebuilt = rebuilt_cross_references(bytes)
        .and_then(|repaired| pdf_extract::Document::load_mem(&repaired).ok());
    match (first, rebuilt) {
        (Ok(doc), Some(repaired)) if repaired.objects.len() <= doc.objects.len() => Ok(doc),
        (_, Some(repaired)) => decrypted(Ok(repaired)),
        (Err(_), None) if find(bytes, b"startxref").is_none() => Err(corrupt(
            "it ends early, before its table of contents: was it downloaded completely?",
        )),
        (first, None) => decrypted(first),
    }
}

/// Opens a PDF "encrypted" with an empty user password (done only to set permissions); a real
/// password is its own refusal.
fn decrypted(
    loaded: Result<pdf_extract::Document, pdf_extract::Error>,
) -> Result<pdf_extract::Document, IngestError> {
    let mut doc = loaded.map_err(|e| corrupt(e.to_string()))?;
    if doc.is_encrypted() {
        doc.decrypt("").map_err(|_| IngestError::Encrypted {
            format: "PDF".to_string(),
        })?;
    }
    Ok(doc)
}

/// The file with a new cross-reference table appended, listing every `N G obj` found in it (the
/// last of each number, as later updates win) and a trailer naming the catalogue found in the
/// old trailer or cross-reference stream. `None` when no catalogue is named.
fn rebuilt_cross_references(bytes: &[u8]) -> Option<Vec<u8>> {
    use regex::bytes::Regex;
    use std::sync::LazyLock;
    static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\r\n])[ \t]*(\d{1,7})[ \t\r\n]+(\d{1,5})[ \t\r\n]+obj\b").unwrap()
    });
    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/(Root|Info|Encrypt)[ \t\r\n]*(\d{1,7})[ \t\r\n]+(\d{1,5})[ \t\r\n]+R")
            .unwrap()
    });
    static ID: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/ID[ \t\r\n]*\[[ \t\r\n]*<[0-9A-Fa-f]*>[ \t\r\n]*<[0-9A-Fa-f]*>[ \t\r\n]*\]")
            .unwrap()
    });
    let mut objects: std::collections::BTreeMap<u32, (usize, u16)> = Default::default();
    for found in OBJECT.captures_iter(bytes) {
        // Digits out of range (inside stream data, say) are no object header.
        let text = |i: usize| std::str::from_utf8(&found[i]).ok();
        let number: Option<u32> = text(1).and_then(|t| t.parse().ok());
        let generation: Option<u16> = text(2).and_then(|t| t.parse().ok());
        let (Some(number), Some(generation)) = (number, generation) else {
            continue;
        };
        objects.insert(number, (found.get(1)?.start(), generation));
    }
    let mut references: std::collections::HashMap<&[u8], &[u8]> = Default::default();
    for found in REFERENCE.captures_iter(bytes) {
        let name = found.get(1)?.as_bytes();
        let whole = found.get(0)?.as_bytes();
        references.insert(name, &whole[1 + name.len()..]);
    }
    let root = references.get(&b"Root"[..])?;
    let size = objects.keys().next_back()? + 1;
    let mut out = bytes.to_vec();
    out.extend_from_slice(b"\n");
    let table_at = out.len();
    out.extend_from_slice(b"xref\n");
    if !objects.contains_key(&0) {
        out.extend_from_slice(b"0 1\n0000000000 65535 f\r\n");
    }
    // One subsection per run of consecutive numbers: a table of every number up to the highest
    // grows with that number (a damaged "9999999 0 obj" made 200 MB and seconds of parsing).
    let numbers: Vec<u32> = objects.keys().copied().collect();
    for run in numbers.chunk_by(|a, b| *b == a + 1) {
        out.extend_from_slice(format!("{} {}\n", run[0], run.len()).as_bytes());
        for number in run {
            let (offset, generation) = objects[number];
            out.extend_from_slice(format!("{offset:010} {generation:05} n\r\n").as_bytes());
        }
    }
    out.extend_from_slice(format!("trailer\n<< /Size {size} /Root").as_bytes());
    out.extend_from_slice(root);
    for name in [&b"Info"[..], b"Encrypt"] {
        if let Some(reference) = references.get(name) {
            out.extend_from_slice(b" /");
            out.extend_from_slice(name);
            out.extend_from_slice(reference);
        }
    }
    if let Some(id) = ID.find_iter(bytes).last() {
        out.extend_from_slice(b" ");
        out.extend_from_slice(id.as_bytes());
    }
    out.extend_from_slice(format!(" >>\nstartxref\n{table_at}\n%%EOF\n").as_bytes());
    Some(out)
}

/// Rewrites the text operators `'` and `"` (move to the next line, then show a string; `"` sets
/// the word and character spacing first) as the `T*` and `Tj` they stand for, which the text
/// extractor reads. Ghostscript's PDFs (ps2pdf, "print to PDF" on Linux) show most of their
/// text with `'`; ignoring it lost nearly every word.
fn spell_out_quote_operators(doc: &mut pdf_extract::Document) {
    use pdf_extract::content::{Content, Operation};
    for page in doc.get_pages().into_values() {
        let Ok(content) = doc.get_page_content(page) else {
            continue;
        };
        if !content.iter().any(|&b| b == b'\'' || b == b'"') {
            continue;
        }
        let Ok(decoded) = Content::decode(&content) else {
            continue;
        };
        let mut changed = false;
        let mut operations = Vec::with_capacity(decoded.operations.len());
        for operation in decoded.operations {
            match (operation.operator.as_str(), operation.operands.as_slice()) {
                ("'", [text]) => {
                    operations.push(Operation::new("T*", vec![]));
                    operations.push(Operation::new("Tj", vec![text.clone()]));
                    changed = true;
                }
                ("\"", [word_spacing, char_spacing, text]) => {
                    operations.push(Operation::new("Tw", vec![word_spacing.clone()]));
                    operations.push(Operation::new("Tc", vec![char_spacing.clone()]));
                    operations.push(Operation::new("T*", vec![]));
                    operations.push(Operation::new("Tj", vec![text.clone()]));
                    changed = true;
                }
                _ => operations.push(operation),
            }
        }
        if changed {
            if let Ok(encoded) = (Content { operations }).encode() {
                let _ = doc.change_page_content(page, encoded);
            }
        }
    }
}

fn info_title(doc: &pdf_extract::Document) -> Option<String> {
    let info = match doc.trailer.get(b"Info").ok()? {
        Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        Object::Dictionary(dict) => dict,
        _ => return None,
    };
    let (_, title) = doc.dereference(info.get(b"Title").ok()?).ok()?;
    let title = pdf_extract::decode_text_string(title).ok()?;
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    // Word and other tools fill the title with the file name or a placeholder.
    let lower = title.to_lowercase();
    let junk = lower.is_empty()
        || lower == "untitled"
        || lower.starts_with("microsoft word - ")
        || [".doc", ".docx", ".pdf", ".odt", ".indd", ".txt", ".rtf"]
            .iter()
            .any(|ext| lower.ends_with(ext));
    (!junk).then_some(title)
}

fn catalog_language(doc: &pdf_extract::Document) -> Option<String> {
    let catalog = doc.catalog().ok()?;
    let (_, lang) = doc.dereference(catalog.get(b"Lang").ok()?).ok()?;
    let lang = pdf_extract::decode_text_string(lang)
        .ok()?
        .trim()
        .to_string();
    let valid = (2..=35).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    valid.then_some(lang)
}

// ---------------------------------------------------------------------------------------------
// Glyphs to lines
// ---------------------------------------------------------------------------------------------

/// One line of text on a page, in PDF user space (y grows upwards).
#[derive(Debug, Clone)]
struct Line {
    text: String,
    /// Left and right ends.
    x0: f64,
    x1: f64,
    /// Baseline.
    y: f64,
    /// Glyph height.
    size: f64,
}

/// Receives glyphs from `pdf-extract` and groups them into lines.
#[derive(Default)]
struct Collector {
    pages: Vec<Vec<Line>>,
    lines: Vec<Line>,
    current: Option<Line>,
}

impl Collector {
    fn end_current_line(&mut self) {
        if let Some(line) = self.current.take() {
            if !line.text.trim().is_empty() {
                self.lines.push(Line {
                    text: line.text.trim().to_string(),
                    ..line
                });
            }
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.lines.clear();
        self.current = None;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.end_current_line();
        self.pages.push(std::mem::take(&mut self.lines));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let (x, y) = (trm.m31, trm.m32);
        // Scale of the text matrix along each axis, times the font size.
        let size = (font_size * trm.m21.hypot(trm.m22)).abs();
        let advance = (width * font_size * trm.m11.hypot(trm.m12)).abs();
        if !x.is_finite() || !y.is_finite() || !size.is_finite() || !advance.is_finite() {
            return Ok(());
        }
        // Rotated text is a watermark, a margin note or an axis label, never body text, and
        // its glyphs would each start a line of their own.
        let rotated = trm.m12.abs() > 0.1 * trm.m11.abs() || trm.m21.abs() > 0.1 * trm.m22.abs();
        if rotated {
            return Ok(());
        }
        let size = if size > 0.0 {
            size
        } else {
            font_size.abs().max(1.0)
        };
        let new_line = match &self.current {
            Some(line) => (y - line.y).abs() > 0.5 * size.max(line.size) || x + size < line.x0,
            None => true,
        };
        if new_line {
            self.end_current_line();
            self.current = Some(Line {
                text: String::new(),
                x0: x,
                x1: x,
                y,
                size,
            });
        }
        let Some(line) = self.current.as_mut() else {
            return Ok(());
        };
        let is_space = char.chars().all(char::is_whitespace);
        // A gap wider than a sixth of the glyph height is a word space that the PDF draws by
        // moving the pen instead of with a space glyph.
        if !line.text.is_empty()
            && !line.text.ends_with(' ')
            && (is_space || x > line.x1 + size / 6.0)
        {
            line.text.push(' ');
        }
        if !is_space {
            // Typographic ligatures as letters, so that "ﬁnal" matches "final" elsewhere.
            match char {
                "\u{FB00}" => line.text.push_str("ff"),
                "\u{FB01}" => line.text.push_str("fi"),
                "\u{FB02}" => line.text.push_str("fl"),
                "\u{FB03}" => line.text.push_str("ffi"),
                "\u{FB04}" => line.text.push_str("ffl"),
                _ => line.text.push_str(char),
            }
        }
        line.x1 = line.x1.max(x + advance);
        line.size = line.size.max(size);
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Lines to paragraphs
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Paragraph {
    text: String,
    /// Largest glyph height in the paragraph: headlines are set larger than the body.
    size: f64,
}

/// A page number ("3", "- 3 -", "Page 3 of 9", "3/9").
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    let digits_only =
        |s: &str| !s.is_empty() && s.len() <= 5 && s.chars().all(|c| c.is_ascii_digit());
    digits_only(t)
        || t.split_once(" of ")
            .is_some_and(|(a, b)| digits_only(a.trim()) && digits_only(b.trim()))
        || t.split_once('/')
            .is_some_and(|(a, b)| digits_only(a.trim()) && digits_only(b.trim()))
}

/// Drops page numbers and running heads/feet: a line at the top or bottom of the page whose
/// text (digits ignored) comes back on most pages.
fn strip_running_lines(pages: Vec<Vec<Line>>) -> Vec<Vec<Line>> {
    let key = |line: &Line| {
        line.text
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>()
    };
    let edges = |page: &Vec<Line>| -> Vec<String> {
        let n = page.len();
        let mut keys: Vec<String> = page.iter().take(2).map(key).collect();
        keys.extend(page.iter().skip(n.saturating_sub(2)).map(key));
        keys.sort();
        keys.dedup();
        keys
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for page in &pages {
        for k in edges(page) {
            *counts.entry(k).or_default() += 1;
        }
    }
    let page_count = pages.len();
    let repeated = |line: &Line| {
        page_count >= 3
            && line.text.split_whitespace().count() <= 12
            && counts.get(&key(line)).is_some_and(|&n| n * 2 > page_count)
    };
    pages
        .into_iter()
        .map(|page| {
            let n = page.len();
            page.into_iter()
                .enumerate()
                .filter(|(i, line)| {
                    let at_edge = *i < 2 || *i + 2 >= n;
                    !(at_edge && (is_page_number(&line.text) || repeated(line)))
                })
                .map(|(_, line)| line)
                .collect()
        })
        .collect()
}

/// Measures of the text block over the whole document (a short last page says little on its
/// own).
struct Layout {
    /// The usual distance between consecutive baselines of body text.
    pitch: Option<f64>,
    left: f64,
    right: f64,
}

impl Layout {
    fn of(pages: &[Vec<Line>]) -> Layout {
        let mut gaps: Vec<f64> = Vec::new();
        for lines in pages {
            for pair in lines.windows(2) {
                let dy = pair[0].y - pair[1].y;
                if dy > 0.0 && dy < 3.0 * pair[0].size.max(pair[1].size) {
                    gaps.push(dy);
                }
            }
        }
        gaps.sort_by(f64::total_cmp);
        let all = pages.iter().flatten();
        Layout {
            // The lower quartile: paragraph gaps are the rarer, larger ones.
            pitch: gaps.get(gaps.len() / 4).copied(),
            left: all.clone().map(|l| l.x0).fold(f64::MAX, f64::min),
            right: all.map(|l| l.x1).fold(f64::MIN, f64::max),
        }
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', '»', '」', '』'])
        .ends_with(['.', '!', '?', ':', '。', '！', '？', '…'])
}

fn page_paragraphs(lines: &[Line], layout: &Layout) -> Vec<Paragraph> {
    let (pitch, left_edge, right_edge) = (layout.pitch, layout.left, layout.right);
    let width = (right_edge - left_edge).max(1.0);

    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut previous: Option<&Line> = None;
    for line in lines {
        let new_paragraph = match previous {
            None => true,
            Some(prev) => {
                let dy = prev.y - line.y;
                let size_change = (line.size - prev.size).abs() > 0.15 * prev.size.max(line.size);
                // The body's pitch, but never less than the lines' own size allows: a
                // headline in a large font has a larger pitch of its own.
                let gap = match pitch {
                    Some(pitch) => dy > 1.35 * pitch && dy > 1.5 * prev.size.max(line.size),
                    None => dy > 1.8 * prev.size,
                };
                // A line well short of the right margin that ends a sentence ends the paragraph.
                let short_last_line =
                    prev.x1 < right_edge - 0.15 * width && ends_sentence(&prev.text);
                // A first-line indent after a finished sentence starts one.
                let indented = line.x0 > left_edge + 1.0 * line.size && ends_sentence(&prev.text);
                // Moving up the page is a new column; the paragraph may continue in it.
                let new_column = dy < -0.5 * line.size && ends_sentence(&prev.text);
                gap || size_change || short_last_line || indented || new_column
            }
        };
        match paragraphs.last_mut() {
            Some(last) if !new_paragraph => {
                join_line(&mut last.text, &line.text);
                last.size = last.size.max(line.size);
            }
            _ => paragraphs.push(Paragraph {
                text: line.text.clone(),
                size: line.size,
            }),
        }
        previous = Some(line);
    }
    paragraphs
}

/// Appends a line to a paragraph: "diplo-" + "macy" -> "diplomacy", otherwise with a space.
/// Kept simple on purpose: "well-" + "known" also loses its hyphen.
fn join_line(paragraph: &mut String, line: &str) {
    let starts_lowercase = line.chars().next().is_some_and(char::is_lowercase);
    // A hyphen-minus, a Unicode hyphen or a soft hyphen after a letter.
    let mut tail = paragraph.chars().rev();
    let hyphenated = matches!(tail.next(), Some('-' | '\u{2010}' | '\u{00AD}'))
        && tail.next().is_some_and(char::is_alphabetic);
    if hyphenated && starts_lowercase {
        paragraph.pop();
    } else if !paragraph.is_empty() && !joins_without_space(paragraph, line) {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

/// Chinese and Japanese put no space between words, so a line break inside their text is not a
/// space either.
fn joins_without_space(before: &str, after: &str) -> bool {
    let is_cjk = |c: char| {
        matches!(c,
            '\u{3000}'..='\u{30FF}' // CJK punctuation, Hiragana, Katakana
            | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' // Han
            | '\u{FF00}'..='\u{FFEF}' // full-width forms
        )
    };
    before.chars().next_back().is_some_and(is_cjk) && after.chars().next().is_some_and(is_cjk)
}

fn continues_across_break(previous: &str, next: &str) -> bool {
    let next_continues =
        next.chars().next().is_some_and(char::is_lowercase) || joins_without_space(previous, next);
    !ends_sentence(previous) && next_continues
}

/// The title: the Info dictionary's when it has a real one, else the first paragraph when it
/// looks like a headline (short, no final full stop, set larger than the text after it). A first
/// paragraph recognised as the title leaves the body.
fn pick_title(paragraphs: &mut Vec<Paragraph>, info_title: Option<String>) -> Option<String> {
    let first = paragraphs.first()?;
    let same_as_first = |title: &str| squash(title) == squash(&first.text);
    if let Some(title) = info_title {
        if same_as_first(&title) && paragraphs.len() > 1 {
            paragraphs.remove(0);
        }
        return Some(title);
    }
    let body_size = paragraphs.get(1).map(|p| p.size)?;
    let words = first.text.split_whitespace().count();
    let headline_like = (1..=25).contains(&words)
        && !first.text.trim_end().ends_with('.')
        && first.size > 1.1 * body_size;
    if headline_like {
        return Some(paragraphs.remove(0).text);
    }
    None
}

fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f64, x1: f64, y: f64, size: f64) -> Line {
        Line {
            text: text.to_string(),
            x0,
            x1,
            y,
            size,
        }
    }

    #[test]
    fn lines_join_into_paragraphs_by_gap_size_and_short_lines() {
        let lines = vec![
            line("A headline here", 72.0, 300.0, 740.0, 20.0),
            line(
                "The first paragraph runs over the full width of",
                72.0,
                540.0,
                700.0,
                11.0,
            ),
            line("the column and ends here.", 72.0, 300.0, 686.0, 11.0),
            line(
                "The second starts after a gap and talks of diplo-",
                72.0,
                540.0,
                660.0,
                11.0,
            ),
            line("macy, which is hyphenated.", 72.0, 320.0, 646.0, 11.0),
            line(
                "A third one follows without a gap at all but the",
                72.0,
                540.0,
                632.0,
                11.0,
            ),
            line(
                "line before it was short and ended a sentence.",
                72.0,
                540.0,
                618.0,
                11.0,
            ),
        ];
        let layout = Layout::of(std::slice::from_ref(&lines));
        let texts: Vec<String> = page_paragraphs(&lines, &layout)
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(
            texts,
            [
                "A headline here",
                "The first paragraph runs over the full width of the column and ends here.",
                "The second starts after a gap and talks of diplomacy, which is hyphenated.",
                "A third one follows without a gap at all but the line before it was short and ended a sentence.",
            ]
        );
    }

    #[test]
    fn hyphens_join_only_before_lowercase() {
        let joined = |a: &str, b: &str| {
            let mut text = a.to_string();
            join_line(&mut text, b);
            text
        };
        assert_eq!(joined("diplo-", "macy"), "diplomacy");
        assert_eq!(joined("diplo\u{00AD}", "macy"), "diplomacy");
        assert_eq!(joined("North-", "West"), "North- West");
        assert_eq!(joined("from 1990-", "2000"), "from 1990- 2000");
        assert_eq!(joined("end.", "Next"), "end. Next");
        assert_eq!(
            joined("路面電車を港南地区まで", "延伸する計画を"),
            "路面電車を港南地区まで延伸する計画を"
        );
        assert!(continues_across_break("港南地区まで", "延伸する"));
        assert!(!continues_across_break("決定した。", "新たに"));
    }

    #[test]
    fn page_numbers_and_running_heads_go() {
        let bodies = [
            "Ships waited outside.",
            "The pilots were on strike again.",
            "Talks resume on Monday.",
        ];
        let page = |n: usize| {
            vec![
                line("THE COASTAL REVIEW", 72.0, 200.0, 760.0, 8.0),
                line(bodies[n - 1], 72.0, 540.0, 700.0, 11.0),
                line(&format!("Page {n} of 3"), 280.0, 320.0, 40.0, 8.0),
            ]
        };
        let pages = strip_running_lines(vec![page(1), page(2), page(3)]);
        for (i, page) in pages.iter().enumerate() {
            assert_eq!(page.len(), 1, "{page:?}");
            assert_eq!(page[0].text, bodies[i]);
        }
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("3/9"));
        assert!(!is_page_number("1,800 homes"));
    }

    #[test]
    fn a_rebuilt_table_lists_the_objects_found_not_every_number_below_the_highest() {
        // A damaged file naming an object 9999999 made a table of ten million entries (a fuzz
        // finding: 215 MB and 3 s for a 24 KB file).
        let file = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
                    2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
                    3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n\
                    9999999 0 obj\n(stray)\nendobj\ntrailer\n<< /Root 1 0 R >>\n";
        let rebuilt = rebuilt_cross_references(file.as_bytes()).unwrap();
        assert!(rebuilt.len() < file.len() + 300, "{} bytes", rebuilt.len());
        let doc = pdf_extract::Document::load_mem(&rebuilt).unwrap();
        assert_eq!(doc.get_pages().len(), 1);
        assert!(doc.get_object((9_999_999, 0)).is_ok());
        assert!(doc.get_object((3, 0)).is_ok());
    }

    #[test]
    fn junk_input_is_corrupt_not_a_panic() {
        assert!(matches!(
            read(b"not a pdf at all"),
            Err(IngestError::Corrupt { .. })
        ));
        assert!(matches!(
            read(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"),
            Err(IngestError::Corrupt { .. })
        ));
    }
}

//! DOCX: paragraphs and tables from `word/document.xml`, metadata from `docProps/core.xml`.
//!
//! Read by hand with `zip` and `quick-xml`: a DOCX is a zip of XML parts, and the main part is a
//! flat sequence of paragraphs (`w:p`, text in `w:t` runs) and tables (`w:tbl`). Headings are
//! recognised by paragraph style, resolved through `word/styles.xml` so that localised style
//! ids ("berschrift1" for the German "heading 1") still count.
//!
//! Publication date: `dcterms:created` is when the *file* was created (often from a template, years
//! before the article), so it is never used. Byline, date and dateline come from the text, by the
//! head pass every format shares; the creator account is the author only when the text names
//! none.

use super::blocks::{self, BlockKind};
use super::head::MetadataLines;
use super::{IngestError, Metadata};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Largest `word/document.xml` we decompress: the file limit applies to what a file expands
/// to. A long report is a few MB; the cap stops a zip bomb (a tiny file that inflates to
/// gigabytes) from exhausting memory.
const MAX_DOCUMENT_XML: u64 = super::MAX_FILE_BYTES as u64;

/// Largest side part (styles, core properties) we decompress.
const MAX_SIDE_PART: u64 = 16 * 1024 * 1024;

/// More entries than this is not a Word document anyone wrote (a real one has 10 to 50).
const MAX_ENTRIES: usize = 10_000;

pub(super) fn read(bytes: &[u8]) -> Result<super::Read, IngestError> {
    // Word saves a document with a password as an OLE2 compound file holding the encrypted
    // package, not as a zip.
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        let encrypted_package: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if bytes
            .windows(encrypted_package.len())
            .any(|w| w == encrypted_package)
        {
            return Err(IngestError::Encrypted {
                format: "DOCX".to_string(),
            });
        }
        return Err(corrupt(
            "it is an older Word document (.doc) renamed to .docx: save it as .docx from Word",
        ));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| corrupt(format!("not a valid zip archive ({e})")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(corrupt(format!(
            "the archive has {} entries",
            archive.len()
        )));
    }
    let main_part = main_part_name(&mut archive);
    let document_xml = match read_part(&mut archive, &main_part, MAX_DOCUMENT_XML) {
        Ok(Some(xml)) => xml,
        Err(PartError::TooLarge) => {
            return Err(IngestError::Expands {
                limit: MAX_DOCUMENT_XML,
            })
        }
        Ok(None) => return Err(corrupt("no word/document.xml: not a Word document")),
        Err(PartError::Unreadable(detail)) => return Err(corrupt(detail)),
    };
    // Side parts are optional: a damaged one costs its information, never the body.
    let styles = read_part(&mut archive, "word/styles.xml", MAX_SIDE_PART)
        .ok()
        .flatten()
        .map(|xml| parse_styles(&xml))
        .unwrap_or_default();
    let core = read_part(&mut archive, "docProps/core.xml", MAX_SIDE_PART)
        .ok()
        .flatten()
        .map(|xml| parse_core(&xml))
        .unwrap_or_default();

    let blocks = parse_document(&document_xml, &styles)
        .map_err(|e| corrupt(format!("{main_part} is malformed: {e}")))?;
    Ok(assemble(blocks, core))
}

fn corrupt(detail: impl Into<String>) -> IngestError {
    IngestError::Corrupt {
        format: "DOCX".to_string(),
        detail: detail.into(),
    }
}

/// The main part named by `_rels/.rels` (almost always `word/document.xml`).
fn main_part_name(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> String {
    let default = "word/document.xml".to_string();
    let Ok(Some(rels)) = read_part(archive, "_rels/.rels", MAX_SIDE_PART) else {
        return default;
    };
    let mut reader = Reader::from_str(&rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if local(&e) == "Relationship" => {
                let is_main = attr(&e, "Type").is_some_and(|t| t.ends_with("/officeDocument"));
                if let Some(target) = attr(&e, "Target").filter(|_| is_main) {
                    let target = target.trim_start_matches('/').to_string();
                    if archive.index_for_name(&target).is_some() {
                        return target;
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return default,
            _ => {}
        }
    }
}

/// Reads one part as text, at most `limit` bytes once inflated. `Ok(None)` when absent.
/// Why a part of the archive could not be read.
enum PartError {
    /// It inflates past its limit.
    TooLarge,
    /// Damaged, or not text.
    Unreadable(String),
}

fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, PartError> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(PartError::Unreadable(format!(
                "{name} cannot be read ({e})"
            )))
        }
    };
    // The declared size can lie, so the read itself is capped as well.
    if file.size() > limit {
        return Err(PartError::TooLarge);
    }
    let mut raw = Vec::new();
    (&mut file)
        .take(limit + 1)
        .read_to_end(&mut raw)
        .map_err(|e| PartError::Unreadable(format!("{name} cannot be inflated ({e})")))?;
    if raw.len() as u64 > limit {
        return Err(PartError::TooLarge);
    }
    Ok(Some(xml_text(&raw).ok_or_else(|| {
        PartError::Unreadable(format!("{name} is not UTF-8 or UTF-16 text"))
    })?))
}

/// XML parts are UTF-8, occasionally UTF-16 with a byte order mark.
fn xml_text(raw: &[u8]) -> Option<String> {
    if raw.starts_with(&[0xFF, 0xFE]) || raw.starts_with(&[0xFE, 0xFF]) {
        let (text, _, had_errors) = encoding_rs::Encoding::for_bom(raw)?.0.decode(raw);
        return (!had_errors).then(|| text.into_owned());
    }
    let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    String::from_utf8(raw.to_vec()).ok()
}

/// Local name of an element ("w:p" -> "p").
fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

/// Value of the attribute with this local name ("w:val" -> "val").
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            quick_xml::escape::unescape(&a.value)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string())
        })
}

/// Text of an entity or character reference (`&amp;`, `&#x2019;`).
fn resolve_reference(name: &str) -> String {
    if let Some(code) = name.strip_prefix('#') {
        let value = match code.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => code.parse().ok(),
        };
        return value
            .and_then(char::from_u32)
            .map(String::from)
            .unwrap_or_default();
    }
    quick_xml::escape::resolve_predefined_entity(name)
        .unwrap_or_default()
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------------

/// What a paragraph style means for us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StyleKind {
    Title,
    /// Heading with outline level 1 (top) to 9.
    Heading(u8),
    /// A table (tables have no paragraph style; the kind marks the block).
    Table,
}

/// Style id -> kind, for the styles that are titles or headings.
fn parse_styles(xml: &str) -> HashMap<String, StyleKind> {
    let mut kinds = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Option<StyleKind>)> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) if local(&e) == "style" => {
                current = attr(&e, "styleId").map(|id| (id.clone(), style_kind_from_name(&id)));
            }
            Event::Start(e) | Event::Empty(e) => {
                let Some((_, kind)) = current.as_mut() else {
                    continue;
                };
                match local(&e).as_str() {
                    "name" => {
                        if let Some(named) = attr(&e, "val").and_then(|n| style_kind_from_name(&n))
                        {
                            *kind = Some(named);
                        }
                    }
                    "outlineLvl" if kind.is_none() => {
                        *kind = attr(&e, "val")
                            .and_then(|v| v.parse::<u8>().ok())
                            .filter(|l| *l < 9)
                            .map(|l| StyleKind::Heading(l + 1));
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((id, Some(kind))) = current.take() {
                    kinds.insert(id, kind);
                }
            }
            _ => {}
        }
    }
    kinds
}

/// "Title", "heading 1", "Heading1" -> kind. Word stores built-in style names in English
/// whatever the interface language.
fn style_kind_from_name(name: &str) -> Option<StyleKind> {
    let lower = name.to_ascii_lowercase().replace(' ', "");
    if lower == "title" {
        return Some(StyleKind::Title);
    }
    let level = lower.strip_prefix("heading")?.parse::<u8>().ok()?;
    (1..=9)
        .contains(&level)
        .then_some(StyleKind::Heading(level))
}

// ---------------------------------------------------------------------------------------------
// The document body
// ---------------------------------------------------------------------------------------------

/// One paragraph or table of the body, in order.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    text: String,
    kind: Option<StyleKind>,
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    kind: Option<StyleKind>,
}

/// A table being read: finished rows, then the row and cell in progress.
#[derive(Default)]
struct Table {
    rows: Vec<String>,
    row: Vec<String>,
    cell: Vec<String>,
}

fn parse_document(xml: &str, styles: &HashMap<String, StyleKind>) -> Result<Vec<Block>, String> {
    let mut reader = Reader::from_str(xml);
    let mut blocks = Vec::new();
    // Paragraphs nest (a text box inside a run holds its own paragraphs), and so do tables.
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut depth = 0usize;
    // Inside a run's text (w:t), inside a run (w:r), and inside a skipped subtree.
    let mut in_text = false;
    let mut run_depth = 0usize;
    let mut skip_until: Option<usize> = None;

    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} at byte {}", reader.buffer_position()))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                depth += 1;
                if skip_until.is_some() {
                    continue;
                }
                match local(&e).as_str() {
                    // The fallback of alternate content repeats the choice (text boxes as VML);
                    // deleted text and field instructions are not document text.
                    "Fallback" | "delText" | "instrText" => skip_until = Some(depth),
                    "p" => paragraphs.push(Paragraph::default()),
                    "r" => run_depth += 1,
                    "t" if run_depth > 0 => in_text = true,
                    "tbl" => tables.push(Table::default()),
                    "tr" => {
                        if let Some(table) = tables.last_mut() {
                            table.row.clear();
                        }
                    }
                    "tc" => {
                        if let Some(table) = tables.last_mut() {
                            table.cell.clear();
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip_until.is_some() {
                    continue;
                }
                let name = local(&e);
                let Some(paragraph) = paragraphs.last_mut() else {
                    continue;
                };
                match name.as_str() {
                    "pStyle" => {
                        if let Some(kind) = attr(&e, "val").and_then(|id| {
                            styles
                                .get(&id)
                                .copied()
                                .or_else(|| style_kind_from_name(&id))
                        }) {
                            paragraph.kind = Some(kind);
                        }
                    }
                    "outlineLvl" if paragraph.kind.is_none() => {
                        paragraph.kind = attr(&e, "val")
                            .and_then(|v| v.parse::<u8>().ok())
                            .filter(|l| *l < 9)
                            .map(|l| StyleKind::Heading(l + 1));
                    }
                    // Tab stops are also called w:tab (in w:pPr); only a tab in a run is text.
                    "tab" if run_depth > 0 => paragraph.text.push('\t'),
                    "br" | "cr" if run_depth > 0 => paragraph.text.push('\n'),
                    "noBreakHyphen" if run_depth > 0 => paragraph.text.push('-'),
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip_until.is_none() => {
                if let Some(paragraph) = paragraphs.last_mut() {
                    paragraph.text.push_str(&t);
                }
            }
            Event::GeneralRef(r) if in_text && skip_until.is_none() => {
                if let Some(paragraph) = paragraphs.last_mut() {
                    paragraph.text.push_str(&resolve_reference(&r));
                }
            }
            Event::End(e) => {
                let was_skipped = skip_until.is_some();
                if skip_until == Some(depth) {
                    skip_until = None;
                }
                depth = depth.saturating_sub(1);
                if was_skipped {
                    continue;
                }
                match e.local_name().as_ref() {
                    "t" => in_text = false,
                    "r" => run_depth = run_depth.saturating_sub(1),
                    "p" => {
                        let Some(paragraph) = paragraphs.pop() else {
                            continue;
                        };
                        let text = paragraph.text.trim().to_string();
                        if text.is_empty() {
                            continue;
                        }
                        match tables.last_mut() {
                            Some(table) => table.cell.push(text),
                            None => blocks.push(Block {
                                text,
                                kind: paragraph.kind,
                            }),
                        }
                    }
                    "tc" => {
                        if let Some(table) = tables.last_mut() {
                            let cell = table.cell.join(" ").replace('\n', " ");
                            table.row.push(cell);
                            table.cell.clear();
                        }
                    }
                    "tr" => {
                        if let Some(table) = tables.last_mut() {
                            let cells: Vec<&str> = table
                                .row
                                .iter()
                                .map(|c| c.trim())
                                .filter(|c| !c.is_empty())
                                .collect();
                            if !cells.is_empty() {
                                let line = cells.join(" | ");
                                table.rows.push(line);
                            }
                            table.row.clear();
                        }
                    }
                    "tbl" => {
                        let Some(table) = tables.pop() else { continue };
                        let text = table.rows.join("\n");
                        if text.is_empty() {
                            continue;
                        }
                        match tables.last_mut() {
                            // A table nested in a cell reads as part of that cell.
                            Some(outer) => outer.cell.push(text),
                            None => blocks.push(Block {
                                text,
                                kind: Some(StyleKind::Table),
                            }),
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    if depth != 0 {
        return Err("the XML ends inside an element (truncated?)".to_string());
    }
    Ok(blocks)
}

// ---------------------------------------------------------------------------------------------
// Core properties
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default)]
struct CoreProperties {
    title: Option<String>,
    creator: Option<String>,
    language: Option<String>,
}

fn parse_core(xml: &str) -> CoreProperties {
    let mut core = CoreProperties::default();
    let mut reader = Reader::from_str(xml);
    let mut field: Option<String> = None;
    let mut value = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                field = Some(local(&e));
                value.clear();
            }
            Ok(Event::Text(t)) => value.push_str(&t),
            Ok(Event::GeneralRef(r)) => value.push_str(&resolve_reference(&r)),
            Ok(Event::End(_)) => {
                let text = value.split_whitespace().collect::<Vec<_>>().join(" ");
                match field.take().as_deref() {
                    Some("title") if !text.is_empty() => core.title = Some(text),
                    Some("creator") if !text.is_empty() => core.creator = Some(text),
                    Some("language") if !text.is_empty() => core.language = Some(text),
                    _ => {}
                }
                value.clear();
            }
            // A broken core.xml keeps what was read before the damage.
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    core
}

/// Account names that Word writes as the creator when nobody set one.
fn is_placeholder_creator(name: &str) -> bool {
    let lower = name.to_lowercase();
    [
        "user",
        "admin",
        "administrator",
        "owner",
        "author",
        "unknown",
        "microsoft office user",
        "windows user",
        "python-docx",
    ]
    .contains(&lower.as_str())
}

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

fn assemble(mut blocks: Vec<Block>, core: CoreProperties) -> super::Read {
    // The title: a paragraph in the Title style, else a top-level heading that opens the
    // document (a Heading 1 after some text is a section heading, not the headline). Either
    // leaves the body.
    let title_at = blocks
        .iter()
        .position(|b| b.kind == Some(StyleKind::Title))
        .or_else(|| {
            blocks
                .first()
                .is_some_and(|b| b.kind == Some(StyleKind::Heading(1)))
                .then_some(0)
        });
    let title = match title_at {
        Some(i) => Some(
            blocks
                .remove(i)
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        None => core.title,
    };
    let blocks = blocks
        .into_iter()
        .filter_map(|b| {
            let text = crate::text::normalize(&b.text);
            let kind = match b.kind {
                Some(StyleKind::Title) => BlockKind::Heading(1),
                Some(StyleKind::Heading(level)) => BlockKind::Heading(level),
                Some(StyleKind::Table) => BlockKind::Table,
                None => BlockKind::Prose,
            };
            (!text.is_empty()).then(|| blocks::Block::new(text, kind))
        })
        .collect();
    super::Read {
        blocks,
        declared: Metadata {
            title,
            language: core.language,
            ..Metadata::default()
        },
        // A byline in the text says more about the article than the file's creator account.
        fallback: Metadata {
            author: core.creator.filter(|c| !is_placeholder_creator(c)),
            ..Metadata::default()
        },
        // A document keeps its text as written: the byline and date lines stay, marked.
        metadata_lines: MetadataLines::Mark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(xml: &str) -> Vec<Block> {
        let xml = format!(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>{xml}</w:body></w:document>"
        );
        parse_document(&xml, &HashMap::new()).unwrap()
    }

    #[test]
    fn runs_tabs_breaks_and_entities() {
        let blocks = body(
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>\
             <w:r><w:t xml:space=\"preserve\">Fish &amp; chips </w:t></w:r><w:r><w:tab/><w:t>cost&#x2019;s</w:t></w:r>\
             <w:r><w:br/><w:t>more</w:t></w:r></w:p>",
        );
        assert_eq!(
            blocks,
            [Block {
                text: "Fish & chips \tcost\u{2019}s\nmore".to_string(),
                kind: None
            }]
        );
    }

    #[test]
    fn deleted_text_field_codes_and_fallbacks_are_skipped() {
        let blocks = body(
            "<w:p><w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:ins><w:r><w:t>new</w:t></w:r></w:ins>\
             <w:r><w:instrText> HYPERLINK \"https://x\" </w:instrText></w:r><w:r><w:t> link</w:t></w:r>\
             <mc:AlternateContent><mc:Choice><w:r><w:t> box</w:t></w:r></mc:Choice>\
             <mc:Fallback><w:r><w:t> box</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>",
        );
        assert_eq!(blocks[0].text, "new link box");
    }

    #[test]
    fn unclosed_document_is_an_error() {
        let xml = "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>cut";
        assert!(parse_document(xml, &HashMap::new()).is_err());
        assert!(parse_document("<a><b></a>", &HashMap::new()).is_err());
    }

    #[test]
    fn localised_heading_styles_resolve_through_styles_xml() {
        let styles = parse_styles(
            "<w:styles xmlns:w=\"x\"><w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Zwischen\"><w:name w:val=\"Zwischentitel\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Standard\"><w:name w:val=\"Normal\"/></w:style></w:styles>",
        );
        assert_eq!(styles.get("berschrift1"), Some(&StyleKind::Heading(1)));
        assert_eq!(styles.get("Titel"), Some(&StyleKind::Title));
        assert_eq!(styles.get("Zwischen"), Some(&StyleKind::Heading(2)));
        assert_eq!(styles.get("Standard"), None);
    }
}

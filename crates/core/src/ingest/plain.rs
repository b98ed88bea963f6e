//! Plain text and Markdown into blocks.
//!
//! Text files in a news comparison are mostly articles copied or saved from a web page: a
//! headline line, a byline, a dateline glued to the lede, share buttons, an "About Us" block.
//! This reader only finds the paragraphs; the head, the dateline and the clutter are the passes
//! every format shares (`head`, `clutter`).
//!
//! Every non-empty line is its own paragraph: pages saved from the web put one paragraph per
//! line, sometimes with blank lines between them, and a line is the only structure such a file
//! has. Structure a reader sees as one block is kept: consecutive list items ("- item", "–
//! item", "1. item") form one paragraph with one item per line, and so do the rows of a table
//! (`| a | b |`, cells joined by `" | "`, the `|---|` rule dropped). A file that is clearly
//! hard-wrapped (every line at most 100 characters and most lines ending near the same width)
//! gets its wrapped lines joined back together; the test is whether the next line's first word
//! would have fitted, so a short title or byline line is never glued to the paragraph under
//! it. Wire copy and typed manuscripts mark paragraphs by indenting their first line instead
//! of a blank line: there an indented line starts a paragraph and the lines under it join it.
//! Markdown follows the same rules after its markup is removed (headings, emphasis, links,
//! images, quotes, fences); YAML front matter gives metadata directly.

use super::blocks::{collapse_spaces, list_marker_len, Block, BlockKind};
use super::head::MetadataLines;
use super::{Format, IngestError, Metadata, Read};

/// Reads a text or Markdown file into blocks (see the module docs); Markdown front matter is
/// what the file declares about itself.
pub(super) fn read(text: &str, format: Format) -> Result<Read, IngestError> {
    let text = crate::text::normalize(text);
    if text.is_empty() {
        return Err(IngestError::Empty);
    }
    let mut declared = Metadata::default();
    let (lines, wrap) = match format {
        Format::Markdown => {
            let lines = super::markdown::lines(&text, &mut declared);
            let wrap = wrap_width(&lines);
            (lines, wrap)
        }
        _ if indents_paragraphs(&text) => (indented_lines(&text), Some(0)),
        _ => {
            let lines = text_lines(&text);
            let wrap = wrap_width(&lines);
            (lines, wrap)
        }
    };
    Ok(Read {
        blocks: group(&lines, wrap),
        declared,
        fallback: Metadata::default(),
        metadata_lines: MetadataLines::Remove,
    })
}

// ---------------------------------------------------------------------------------------------
// Lines and paragraphs
// ---------------------------------------------------------------------------------------------

/// One source line, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Line {
    /// A blank line (or a horizontal rule, a code fence): ends the current paragraph.
    Blank,
    Prose(String),
    Heading(u8, String),
    /// A list item, marker included.
    Item(String),
    /// An indented line under a list item: the item goes on.
    Continuation(String),
    /// A table row with its cells joined by `" | "`.
    Row(String),
    /// A line inside a Markdown code block, verbatim.
    Code(String),
}

/// Lines of a plain-text file. Only structure that is unambiguous in plain text is recognised:
/// list items, table rows and separator rules.
fn text_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut in_item = false;
    for raw in text.split('\n') {
        let line = raw.trim();
        if line.is_empty() || is_rule(line) {
            out.push(Line::Blank);
            in_item = false;
        } else if is_table_delimiter(line) {
            // The `|---|---|` under a table header is drawing, not text.
        } else if line.starts_with('|') && line.len() > 1 && line.ends_with('|') {
            out.push(Line::Row(table_cells(line)));
            in_item = false;
        } else if list_marker_len(line).is_some() {
            out.push(Line::Item(line.to_string()));
            in_item = true;
        } else if in_item && raw.starts_with([' ', '\t']) {
            out.push(Line::Continuation(line.to_string()));
        } else {
            out.push(Line::Prose(line.to_string()));
            in_item = false;
        }
    }
    out
}

/// Builds paragraphs from lines: each prose line on its own (unless the file is hard-wrapped,
/// see [`wrap_width`]), consecutive list items, table rows and code lines together.
fn group(lines: &[Line], wrap: Option<usize>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // The kind of the last paragraph while the next line may still extend it.
    let mut open: Option<BlockKind> = None;
    let mut previous_prose_line = "";
    for line in lines {
        let extend = |blocks: &mut Vec<Block>, sep: &str, text: &str| {
            let last = blocks.last_mut().expect("an open paragraph exists");
            last.text.push_str(sep);
            last.text.push_str(text);
        };
        match line {
            Line::Blank => open = None,
            Line::Heading(level, text) => {
                blocks.push(Block::new(text.clone(), BlockKind::Heading(*level)));
                open = None;
            }
            Line::Prose(text) => {
                let wrapped =
                    wrap.is_some_and(|width| was_wrapped(previous_prose_line, text, width));
                if open == Some(BlockKind::Prose) && wrapped {
                    extend(&mut blocks, " ", text);
                } else {
                    blocks.push(Block::new(text.clone(), BlockKind::Prose));
                    open = Some(BlockKind::Prose);
                }
                previous_prose_line = text;
            }
            Line::Item(text) => {
                if open == Some(BlockKind::List) {
                    extend(&mut blocks, "\n", text);
                } else {
                    blocks.push(Block::new(text.clone(), BlockKind::List));
                }
                open = Some(BlockKind::List);
            }
            Line::Continuation(text) => {
                if open == Some(BlockKind::List) {
                    extend(&mut blocks, " ", text);
                } else {
                    blocks.push(Block::new(text.clone(), BlockKind::Prose));
                    open = Some(BlockKind::Prose);
                    previous_prose_line = text;
                }
            }
            Line::Row(text) | Line::Code(text) => {
                let kind = if matches!(line, Line::Row(_)) {
                    BlockKind::Table
                } else {
                    BlockKind::Code
                };
                if open == Some(kind) {
                    extend(&mut blocks, "\n", text);
                } else {
                    blocks.push(Block::new(text.clone(), kind));
                }
                open = Some(kind);
            }
        }
    }
    for p in &mut blocks {
        p.text = if p.kind == BlockKind::Code {
            p.text.trim().to_string()
        } else {
            collapse_spaces(&p.text)
        };
    }
    blocks.retain(|p| !p.text.is_empty());
    blocks
}

/// Wire copy and typed manuscripts: hard-wrapped lines with each paragraph's first line
/// indented and no blank line between paragraphs. Most lines are at most 100 characters, at
/// least two prose lines are indented, and lines flush to the margin (the wrapped rest of a
/// paragraph) are at least half as many.
fn indents_paragraphs(text: &str) -> bool {
    let lines: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
    let prose = |l: &&&str| list_marker_len(l.trim()).is_none() && !l.trim().starts_with('|');
    let indented = lines
        .iter()
        .filter(prose)
        .filter(|l| l.starts_with([' ', '\t']))
        .count();
    let flush = lines
        .iter()
        .filter(prose)
        .filter(|l| !l.starts_with([' ', '\t']))
        .count();
    let short = lines.iter().filter(|l| l.chars().count() <= 100).count();
    indented >= 2 && flush * 2 >= indented && short * 10 >= lines.len() * 9
}

/// Lines of an indented-paragraph file ([`indents_paragraphs`]): an indented line starts a
/// paragraph, a blank line ends one, and every other line goes on with the paragraph above
/// (grouped with a wrap width of 0, which joins every prose line to the one before).
fn indented_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut first = true;
    for raw in text.split('\n') {
        let line = raw.trim();
        if raw.starts_with([' ', '\t']) && !line.is_empty() {
            out.push(Line::Blank);
        }
        // A headline or a byline written flush above the story, with no blank line under it,
        // is a line of its own, not the start of the first paragraph.
        let byline = line.len() < 80 && line.to_lowercase().starts_with("by ");
        let headline = first && line.len() < 100 && !line.ends_with(['.', '!', '?', ':', ',']);
        let own_line = !line.is_empty() && (byline || headline);
        if own_line {
            out.push(Line::Blank);
        }
        out.extend(text_lines(raw));
        if own_line {
            out.push(Line::Blank);
        }
        first &= line.is_empty();
    }
    out
}

/// The wrap width of a hard-wrapped file, or `None` when lines are whole paragraphs.
///
/// A file counts as hard-wrapped when it separates paragraphs with blank lines, no prose line is
/// longer than 100 characters, and the lines that are followed by another prose line mostly end
/// near the longest line (within a quarter of it) and mostly in the middle of a sentence. That is
/// what a fixed-width wrap produces; short one-line paragraphs end with a full stop.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    if !lines.contains(&Line::Blank) {
        return None;
    }
    let width = lines
        .iter()
        .filter_map(|l| match l {
            Line::Prose(t) => Some(t.chars().count()),
            _ => None,
        })
        .max()?;
    if !(40..=100).contains(&width) {
        return None;
    }
    let followed: Vec<&str> = lines
        .windows(2)
        .filter_map(|pair| match pair {
            [Line::Prose(a), Line::Prose(_)] => Some(a.as_str()),
            _ => None,
        })
        .collect();
    let near_width = followed
        .iter()
        .filter(|l| l.chars().count() * 4 >= width * 3)
        .count();
    let sentence_ends = followed
        .iter()
        .filter(|l| l.ends_with(['.', '!', '?', '"', '”']))
        .count();
    (followed.len() >= 2
        && near_width * 5 >= followed.len() * 3
        && sentence_ends * 2 < followed.len())
    .then_some(width)
}

/// A wrapper broke `previous` because the next word would not have fitted: so the two lines
/// are one paragraph. A short line (a title, a byline, a paragraph's last line) fails this.
fn was_wrapped(previous: &str, next: &str, width: usize) -> bool {
    let next_word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    !previous.is_empty() && previous.chars().count() + 1 + next_word > width
}

/// `---`, `***`, `* * *`, `___`, `===`: a separator drawn with characters.
fn is_rule(line: &str) -> bool {
    let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    chars.len() >= 3
        && matches!(chars[0], '-' | '*' | '_' | '=' | '~')
        && chars.iter().all(|&c| c == chars[0])
}

/// `|---|:--:|`, `---|---`: the rule under a table header.
fn is_table_delimiter(line: &str) -> bool {
    line.contains('|')
        && line.contains("--")
        && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// The cells of a table row joined by `" | "`, outer pipes dropped.
fn table_cells(line: &str) -> String {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner
        .split('|')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::clutter::is_marker;
    use crate::ingest::Document;

    fn text(input: &str) -> Document {
        super::super::read(Format::Text, input.as_bytes()).expect("reads")
    }

    fn markdown(input: &str) -> Document {
        super::super::read(Format::Markdown, input.as_bytes()).expect("reads")
    }

    fn paragraphs(doc: &Document) -> Vec<&str> {
        doc.body.split("\n\n").collect()
    }

    fn clutter(doc: &Document) -> Vec<&str> {
        doc.boilerplate
            .iter()
            .map(|r| &doc.body[r.clone()])
            .collect()
    }

    const LEDE: &str = "Officials from both governments met on Tuesday in the port city for a second round of talks, \
        which both sides described as constructive, although no agreement on the timetable was announced \
        and several questions about sanctions, shipping and the release of detained workers remained open \
        for a later meeting that has not yet been scheduled by either delegation.";

    // --- paragraphs ---

    #[test]
    fn each_line_is_a_paragraph_and_blank_lines_do_not_matter() {
        let doc = text("First paragraph here.\nSecond paragraph here.\n\n\nThird paragraph here.");
        assert_eq!(
            paragraphs(&doc),
            [
                "First paragraph here.",
                "Second paragraph here.",
                "Third paragraph here."
            ]
        );
    }

    #[test]
    fn list_items_stay_together_one_per_line() {
        let doc = text("The demands include:\n– Free elections\n– Prisoner releases\n- Open borders\nAfter the list.");
        assert_eq!(
            paragraphs(&doc),
            [
                "The demands include:",
                "– Free elections\n– Prisoner releases\n- Open borders",
                "After the list."
            ]
        );
    }

    #[test]
    fn tables_flatten_to_rows_of_cells() {
        let doc = text("Who wants what:\n| Actor | Goal |\n|---|---|\n| Port Board | Reopen |\n| Union | Pay |");
        assert_eq!(
            paragraphs(&doc)[1],
            "Actor | Goal\nPort Board | Reopen\nUnion | Pay"
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined_but_short_lines_are_not() {
        let input = "Harbour talks resume after storm\nBy Ines Talbot\n\n\
            The negotiators returned to the table on Monday after a week in which\n\
            the storm closed the harbour and cut the power to half of the city,\n\
            officials said.\n\n\
            A second paragraph follows here, and it is also wrapped by the editor\n\
            at a fixed width so that no line is longer than seventy-two columns.";
        let doc = text(input);
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("Harbour talks resume after storm")
        );
        assert_eq!(doc.metadata.author.as_deref(), Some("Ines Talbot"));
        let blocks = paragraphs(&doc);
        assert_eq!(blocks.len(), 2);
        assert!(
            blocks[0].starts_with("The negotiators returned")
                && blocks[0].ends_with("officials said.")
        );
        assert!(blocks[1].contains("editor at a fixed width"));
    }

    #[test]
    fn wire_copy_with_indented_paragraphs_is_joined_and_signed_off() {
        let doc = text(
            "HARBOUR BOARD SETS NEW FEES\n\n\
             PORT SALVE, March 2 - The harbour board said it would raise\n\
             berthing fees by four pct from April, the first rise in three\n\
             years.\n    The board said the money would pay for dredging the\n\
             northern channel.\n Reuter\n",
        );
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("HARBOUR BOARD SETS NEW FEES")
        );
        assert_eq!(doc.metadata.agency.as_deref(), Some("Reuters"));
        assert_eq!(doc.metadata.author, None, "a dateline is not a byline");
        assert_eq!(
            paragraphs(&doc),
            vec![
                "PORT SALVE, March 2 - The harbour board said it would raise berthing fees by four \
                 pct from April, the first rise in three years.",
                "The board said the money would pay for dredging the northern channel.",
                "Reuter",
            ]
        );
        assert_eq!(clutter(&doc), vec!["Reuter"]);
    }

    #[test]
    fn a_headline_flush_above_indented_copy_stays_the_headline() {
        let doc = text(
            "HARBOUR BOARD SETS NEW FEES\n\
             By AP Staff\n\
             PORT SALVE, March 2 - The harbour board said it would raise\n\
             berthing fees by four pct from April.\n    The board said the money\n\
             would pay for dredging.\n",
        );
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("HARBOUR BOARD SETS NEW FEES")
        );
        assert_eq!(doc.metadata.agency.as_deref(), Some("Associated Press"));
        assert_eq!(doc.metadata.author, None);
        assert!(paragraphs(&doc)[0].starts_with("PORT SALVE, March 2 - The harbour board"));
    }

    #[test]
    fn short_one_line_paragraphs_are_not_mistaken_for_wrapping() {
        let input = "The council met on Monday to discuss the repairs to the old harbour wall.\n\
            Members disagreed about the cost and about who should pay for the work.\n\
            A vote is expected next week after the engineers have reported back.";
        assert_eq!(paragraphs(&text(input)).len(), 3);
    }

    // --- title ---

    #[test]
    fn short_first_line_is_the_title_and_leaves_the_body() {
        let doc = text("Port Salve Reopens Grain Quay After Flood\nThe quay reopened on Monday.");
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("Port Salve Reopens Grain Quay After Flood")
        );
        assert_eq!(doc.body, "The quay reopened on Monday.");
    }

    #[test]
    fn long_lede_first_line_means_no_title() {
        let doc = text(&format!("{LEDE}\nSecond paragraph."));
        assert_eq!(doc.metadata.title, None);
        assert!(doc.body.starts_with("Officials from both governments"));
    }

    #[test]
    fn a_sentence_is_not_a_title() {
        assert_eq!(
            text("The talks ended early.\nMore text follows here.")
                .metadata
                .title,
            None
        );
        assert_eq!(
            text("Officials said. Then they left\nMore text.")
                .metadata
                .title,
            None
        );
        assert_eq!(
            text("Key demands include:\n- one\n- two").metadata.title,
            None
        );
    }

    #[test]
    fn abbreviation_at_the_end_does_not_make_a_sentence() {
        let doc = text("Envoy Says Talks Will Continue in Washington, D.C.\nBody text.");
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("Envoy Says Talks Will Continue in Washington, D.C.")
        );
    }

    #[test]
    fn section_label_is_not_a_title() {
        let doc = text("Key Facts\n- One fact\n- Another fact\nQuick Summary\nThe summary.");
        assert_eq!(doc.metadata.title, None);
        assert!(doc.body.starts_with("Key Facts\n\n- One fact"));
        assert!(doc.boilerplate.is_empty());
    }

    #[test]
    fn single_line_file_keeps_its_line_as_body() {
        let doc = text("Just One Line Here");
        assert_eq!(doc.metadata.title, None);
        assert_eq!(doc.body, "Just One Line Here");
    }

    #[test]
    fn repeated_title_is_removed_once() {
        let doc = text("Harbour Reopens\nHarbour Reopens\nThe harbour reopened.");
        assert_eq!(doc.body, "The harbour reopened.");
    }

    // --- byline ---

    #[test]
    fn by_lines_in_their_usual_forms() {
        let cases = [
            ("By Jane Doe", "Jane Doe"),
            ("by Chief Editor", "Chief Editor"),
            ("BY JANE DOE AND JOHN ROE", "Jane Doe and John Roe"),
            (
                "By Jane Doe, John Roe and Ana de la Vega",
                "Jane Doe, John Roe and Ana de la Vega",
            ),
            ("By Jane Doe, Senior Correspondent", "Jane Doe"),
            ("By: Jane O'Neil-Park", "Jane O'Neil-Park"),
        ];
        for (line, author) in cases {
            let doc = text(&format!("Harbour Talks Resume\n{line}\nThe talks resumed."));
            assert_eq!(doc.metadata.author.as_deref(), Some(author), "{line}");
            assert_eq!(doc.body, "The talks resumed.", "{line}");
        }
    }

    #[test]
    fn pipe_byline_gives_author_and_outlet() {
        let doc = text("Harbour Talks Resume\nJane Doe | Reuters\nThe talks resumed.");
        assert_eq!(doc.metadata.author.as_deref(), Some("Jane Doe"));
        assert_eq!(doc.metadata.outlet.as_deref(), Some("Reuters"));
        let doc =
            text("Harbour Talks Resume\nBy Jane Doe | Harbour Daily News | March 3, 2026\nText.");
        assert_eq!(doc.metadata.author.as_deref(), Some("Jane Doe"));
        assert_eq!(doc.metadata.outlet.as_deref(), Some("Harbour Daily News"));
        assert_eq!(doc.metadata.published.as_deref(), Some("2026-03-03"));
    }

    #[test]
    fn bare_name_under_title_is_the_author() {
        let doc = text("Harbour Talks Resume\n\nIlse Marten Varga\n\nThe talks resumed.");
        assert_eq!(doc.metadata.author.as_deref(), Some("Ilse Marten Varga"));
        assert_eq!(doc.body, "The talks resumed.");
    }

    #[test]
    fn subheadings_and_prose_starting_with_by_are_not_bylines() {
        let doc = text(
            "Harbour Talks Resume\nQuick Summary\nBy late 2025, officials had changed course.",
        );
        assert_eq!(doc.metadata.author, None);
        let doc = text("Harbour Talks Resume\nA Diplomatic Thaw\nText.");
        assert_eq!(doc.metadata.author, None);
        assert!(doc.body.starts_with("A Diplomatic Thaw"));
        let doc = text(&format!(
            "{LEDE}\nBy signalling that it is open to talks, the city gains time."
        ));
        assert_eq!(doc.metadata.author, None);
    }

    #[test]
    fn byline_after_a_subtitle() {
        let doc = text(
            "Harbour Talks Resume\nWhat the deal means for grain exports\nBy Ines Talbot\nText.",
        );
        assert_eq!(doc.metadata.author.as_deref(), Some("Ines Talbot"));
        assert_eq!(doc.body, "What the deal means for grain exports\n\nText.");
    }

    // --- datelines and dates ---

    #[test]
    fn dateline_with_outlet_and_glued_date() {
        let doc = text(
            "Harbour Talks Resume\n\nIlse Varga\n\n\
             Lisbon (Harbour Ledger Weekly) March 3, 2026Harbour talks resumed today.",
        );
        assert_eq!(
            doc.metadata.outlet.as_deref(),
            Some("Harbour Ledger Weekly")
        );
        assert_eq!(doc.metadata.published.as_deref(), Some("2026-03-03"));
        assert_eq!(
            doc.body,
            "Lisbon (Harbour Ledger Weekly) March 3, 2026 Harbour talks resumed today."
        );
    }

    #[test]
    fn wire_datelines() {
        let doc = text("Talks Resume\nCARACAS, Venezuela (AP) — Talks resumed today.");
        assert_eq!(doc.metadata.outlet.as_deref(), Some("Associated Press"));
        assert_eq!(doc.metadata.published, None);
        assert_eq!(doc.body, "CARACAS, Venezuela (AP) — Talks resumed today.");

        let doc = text("Talks Resume\nLONDON, Jan. 9 (Reuters) - Talks resumed today.");
        assert_eq!(doc.metadata.outlet.as_deref(), Some("Reuters"));
        assert_eq!(
            doc.metadata.published, None,
            "no year in the dateline: no guess"
        );

        let doc = text("Talks Resume\nBERLIN (dpa) - Talks resumed today.");
        assert_eq!(
            doc.metadata.outlet.as_deref(),
            Some("Deutsche Presse-Agentur")
        );

        let doc = text("Talks Resume\nPARIS, 9 January 2026 (AFP) - Talks resumed today.");
        assert_eq!(doc.metadata.outlet.as_deref(), Some("Agence France-Presse"));
        assert_eq!(doc.metadata.published.as_deref(), Some("2026-01-09"));
    }

    #[test]
    fn date_only_datelines() {
        let doc = text("Talks Resume\nJanuary 9, 2026 — Talks resumed today.");
        assert_eq!(doc.metadata.published.as_deref(), Some("2026-01-09"));
        assert_eq!(doc.metadata.outlet, None);
        let doc = text("Talks Resume\nWASHINGTON, Jan. 9, 2026 — Talks resumed today.");
        assert_eq!(doc.metadata.published.as_deref(), Some("2026-01-09"));
    }

    #[test]
    fn parentheses_in_ordinary_sentences_are_not_datelines() {
        for lede in [
            "Human Rights Watch (HRW) said on Tuesday that the talks must include detainees.",
            "Venezuela (officially the Bolivarian Republic) — a federal state — holds elections.",
            "January 9, 2026 was the coldest day of the year in the port city.",
        ] {
            let doc = text(&format!("Talks Resume\n{lede}"));
            assert_eq!(doc.metadata.outlet, None, "{lede}");
            assert_eq!(doc.metadata.published, None, "{lede}");
            assert!(doc.body.ends_with(lede));
        }
    }

    #[test]
    fn standalone_date_lines() {
        for (line, date) in [
            ("Published: 9 January 2026", "2026-01-09"),
            ("Jan. 9, 2026", "2026-01-09"),
            ("2026-01-09", "2026-01-09"),
            ("Updated 10:32 AM EST, Fri January 9, 2026", "2026-01-09"),
            ("Posted on March 3rd, 2026 at 9:15 pm", "2026-03-03"),
        ] {
            let doc = text(&format!("Talks Resume\n{line}\nThe talks resumed."));
            assert_eq!(doc.metadata.published.as_deref(), Some(date), "{line}");
            assert_eq!(doc.body, "The talks resumed.", "{line}");
        }
    }

    #[test]
    fn published_wins_over_updated() {
        let doc = text("Talks Resume\nUpdated January 10, 2026\nPublished January 9, 2026\nText.");
        assert_eq!(doc.metadata.published.as_deref(), Some("2026-01-09"));
    }

    #[test]
    fn trailing_clutter_block_with_about_and_bio() {
        let input = format!(
            "Harbour Talks Resume\n{LEDE}\nThe final paragraph of the article ends here.\n\n\
             About Us\n\nHarbour Ledger is a weekly newspaper based in Port Salve. It covers shipping and trade.\n\
             Share This Article\n\
             Ines Talbot is a former harbour pilot who has written about shipping for twenty years.\n\
             The Harbour Ledger Logo\n\nSubscribe for Latest Updates"
        );
        let doc = text(&input);
        assert_eq!(
            clutter(&doc),
            [
                "About Us",
                "Harbour Ledger is a weekly newspaper based in Port Salve. It covers shipping and trade.",
                "Share This Article",
                "Ines Talbot is a former harbour pilot who has written about shipping for twenty years.",
                "The Harbour Ledger Logo",
                "Subscribe for Latest Updates",
            ]
        );
        assert!(!clutter(&doc)
            .iter()
            .any(|c| c.starts_with("The final paragraph")));
    }

    #[test]
    fn clutter_lines_in_their_usual_forms() {
        for line in [
            "Share This Article",
            "Share this:",
            "Share on Facebook",
            "Facebook Twitter LinkedIn Email",
            "Subscribe for Latest Updates",
            "Sign up for our newsletter",
            "Get the morning briefing: sign up for our free newsletter today",
            "Leave a Comment",
            "3 Comments",
            "You may also like",
            "Related Articles",
            "Related: Port Salve council approves cycle lanes",
            "Read more: Why the gates failed",
            "Advertisement",
            "Follow us on Instagram",
            "© 2026 Harbour Ledger",
            "Copyright 2026 Harbour Ledger Media Group",
            "All rights reserved.",
            "The Harbour Ledger Logo",
            "About Us",
            "Tags: harbour, floods, Port Salve",
        ] {
            assert!(is_marker(line).is_some(), "{line:?} is clutter");
        }
        for line in [
            "Subscribers to the ferry service said the timetable was unclear.",
            "Related to the talks, officials said nothing.",
            "Follow-up talks are planned for March.",
            "The party unveiled a new logo",
            "About the data",
            "Readers of the report were surprised by its length and by the tone of its conclusions.",
            "Share prices fell sharply after the announcement.",
            "Pro Tip: Always read the annex.",
            "Did you know? The channel was last dredged in 1998.",
        ] {
            assert_eq!(is_marker(line), None, "{line:?} is content");
        }
    }

    #[test]
    fn boilerplate_ranges_are_sorted_whole_paragraphs() {
        let doc = text("Talks Resume\nText one.\nShare this:\nFacebook\nTwitter\n© 2026 Harbour Ledger. All rights reserved.");
        let mut previous_end = 0;
        for r in &doc.boilerplate {
            assert!(r.start >= previous_end);
            assert!(r.start == 0 || &doc.body[r.start - 2..r.start] == "\n\n");
            assert!(r.end == doc.body.len() || &doc.body[r.end..r.end + 2] == "\n\n");
            previous_end = r.end;
        }
        assert_eq!(
            clutter(&doc),
            [
                "Share this:",
                "Facebook",
                "Twitter",
                "© 2026 Harbour Ledger. All rights reserved."
            ]
        );
    }

    #[test]
    fn newsletter_prompts_and_comment_links() {
        let doc = text(
            "Talks Resume\nText one.\nWant to learn more about the region? Explore our other articles here. \
             Subscribe to our newsletter for the latest updates!\nYou may also like\nLeave a Comment",
        );
        assert_eq!(clutter(&doc).len(), 3);
        assert_eq!(paragraphs(&doc)[0], "Text one.");
    }

    #[test]
    fn content_that_looks_like_clutter_is_content() {
        let input = "Talks Resume\n\
            Background Why Harbour Relations Are Being Reassessed\n\
            The harbour board met.\n\
            Pro Tip: Always read the annex.\n\
            FAQ\n\
            Q: Will the harbour reopen?\n\
            A: The board expects so, in March.\n\
            “We will rebuild the quay,” the mayor said.\n\
            Subscribers to the ferry service said the timetable was unclear.\n\
            “We will rebuild the quay,” the mayor said.\n\
            Key elements include:\n- Funding\n- Timing\n\
            | Step | Owner |\n|---|---|\n| Repair | City |";
        let doc = text(input);
        assert!(doc.boilerplate.is_empty(), "{:?}", clutter(&doc));
    }

    #[test]
    fn inline_markers_do_not_swallow_the_rest_of_the_article() {
        let doc = text(&format!(
            "Talks Resume\nText one.\nAdvertisement\nKey Points\n- one\n- two\n{LEDE}"
        ));
        assert_eq!(clutter(&doc), ["Advertisement"]);
        let doc = text("Talks Resume\nText one.\nAdvertisement\nKey Points\n- one\n- two");
        assert_eq!(
            clutter(&doc),
            ["Advertisement"],
            "an inline marker never starts a tail"
        );
    }

    #[test]
    fn tail_needs_everything_after_it_to_be_clutter() {
        let doc = text(&format!(
            "Talks Resume\nText one.\nShare this article\n{LEDE}"
        ));
        assert_eq!(clutter(&doc), ["Share this article"]);
    }

    #[test]
    fn source_url_line_is_metadata_and_boilerplate() {
        let doc = text("Talks Resume\nText one.\nSource: https://news.example/harbour-talks.");
        assert_eq!(
            doc.metadata.url.as_deref(),
            Some("https://news.example/harbour-talks")
        );
        assert_eq!(
            clutter(&doc),
            ["Source: https://news.example/harbour-talks."]
        );
        let doc = text("Originally published at https://news.example/a\nTalks Resume\nText one.");
        assert_eq!(doc.metadata.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(doc.metadata.title.as_deref(), Some("Talks Resume"));
        // A labelled address wins over a bare link; a bare link inside the article is no address.
        let doc = text("https://news.example/b\nTalks Resume\nText one.\nhttps://other.example/x\nText two.\nURL: https://news.example/c");
        assert_eq!(doc.metadata.url.as_deref(), Some("https://news.example/c"));
        let doc = text("Talks Resume\nText one.\nhttps://other.example/x\nText two.");
        assert_eq!(doc.metadata.url, None);
        assert_eq!(clutter(&doc), ["https://other.example/x"]);
    }

    #[test]
    fn urls_inside_running_text_are_not_the_article_url() {
        let doc = text("Talks Resume\nThe agency (https://agency.example/) published its report.");
        assert_eq!(doc.metadata.url, None);
        assert!(doc.boilerplate.is_empty());
    }

    // --- markdown ---

    #[test]
    fn markdown_heading_title_and_inline_markup() {
        let doc = markdown(
            "# Harbour Talks Resume\n\n*By Ines Talbot*\n\n\
             The **board** met with [the union](https://union.example \"Union\") and _port_ staff.\n\
             It was a `long` day.\n\n\
             ![A crane](crane.jpg)\n\n\
             ## What Comes Next\n\n> A quoted line\n> that continues.\n\n\
             * first item\n* second *item*\n  continued here\n\n\
             ```\nlet x = 1;\n```\n\n\
             | A | B |\n|---|---|\n| **x** | y |\n\n\
             ---\n\nSnake_case_names stay.",
        );
        assert_eq!(doc.metadata.title.as_deref(), Some("Harbour Talks Resume"));
        assert_eq!(doc.metadata.author.as_deref(), Some("Ines Talbot"));
        assert_eq!(
            paragraphs(&doc),
            [
                "The board met with the union and port staff.",
                "It was a long day.",
                "What Comes Next",
                "A quoted line",
                "that continues.",
                "- first item\n- second item continued here",
                "let x = 1;",
                "A | B\nx | y",
                "Snake_case_names stay.",
            ]
        );
    }

    #[test]
    fn markdown_front_matter() {
        let doc = markdown(
            "---\ntitle: \"Harbour Talks Resume\"\nauthors:\n  - Ines Talbot\n  - Jon Roe\ndate: 2026-03-03\n\
             url: https://news.example/a\nlang: en\n---\n# Harbour Talks Resume\n\nText.",
        );
        assert_eq!(doc.metadata.title.as_deref(), Some("Harbour Talks Resume"));
        assert_eq!(doc.metadata.author.as_deref(), Some("Ines Talbot, Jon Roe"));
        assert_eq!(doc.metadata.published.as_deref(), Some("2026-03-03"));
        assert_eq!(doc.metadata.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(doc.metadata.language.as_deref(), Some("en"));
        assert_eq!(doc.body, "Text.");
    }

    #[test]
    fn markdown_setext_heading_and_escapes() {
        let doc = markdown(
            "Harbour Talks Resume\n====================\n\nPrices rose 5\\*2 \\_times\\_.",
        );
        assert_eq!(doc.metadata.title.as_deref(), Some("Harbour Talks Resume"));
        assert_eq!(doc.body, "Prices rose 5*2 _times_.");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for input in [
            "By ,",
            "By |",
            "By",
            "| |",
            "|",
            "#",
            "# ",
            "```",
            "> >",
            "---\ntitle: x\n---",
            "(AP) —",
            "Lisbon (",
            "January 9, 2026",
            "2026Venezuela",
            "\\",
            "*_*_",
            "[](",
            "![",
            "Share This Article",
            "About Us\nAbout Us",
            "🙂 (AP) — 日本語",
            "- \n- x",
        ] {
            for format in [Format::Text, Format::Markdown] {
                if let Ok(doc) = super::super::read(format, input.as_bytes()) {
                    for r in &doc.boilerplate {
                        assert!(doc.body.get(r.clone()).is_some(), "{input:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn empty_after_normalisation_is_empty() {
        assert_eq!(
            super::super::read(Format::Text, "\u{200B}\u{FEFF}".as_bytes()),
            Err(IngestError::Empty)
        );
    }
}

//! Plain text and Markdown: title, byline, dateline and site clutter.
//!
//! Text files in a news comparison are mostly articles copied or saved from a web page. They
//! carry the page around the article: a headline line, a byline, a dateline glued to the lede,
//! share buttons, newsletter prompts, an "About Us" block. This reader turns such a file into a
//! [`Document`] in four steps:
//!
//! 1. **Paragraphs.** Every non-empty line is its own paragraph: pages saved from the web put one
//!    paragraph per line, sometimes with blank lines between them, and a line is the only
//!    structure such a file has. Two exceptions keep structure a reader sees as one block:
//!    consecutive list items ("- item", "– item", "1. item") form one paragraph with one item per
//!    line, and so do the rows of a table (`| a | b |`, cells joined by `" | "`, the `|---|` rule
//!    dropped). Only a file that is clearly hard-wrapped (every line at most 100 characters and
//!    most lines ending near the same width) gets its wrapped lines joined back together; the
//!    test is whether the next line's first word would have fitted, so a short title or byline
//!    line is never glued to the paragraph under it. Markdown follows the same rules after its
//!    markup is removed (headings, emphasis, links, images, quotes, fences); YAML front matter
//!    gives metadata directly.
//! 2. **Head.** The first short, headline-like line is the title; a byline ("By …", "Jane Doe |
//!    Outlet", or a bare name right under the title) and a date line ("Published: 9 January
//!    2026") below it become metadata. These lines are metadata, not article text, so they leave
//!    the body. A long lede as the first line means there is no title line: `title` stays `None`
//!    and the caller falls back to the file name.
//! 3. **Dateline.** "Washington (Outlet) January 9, 2026…", "CARACAS, Venezuela (AP) — …" at the
//!    start of the first paragraphs give the outlet and the date. The dateline stays in the body
//!    (it is part of the article as published); when the date is glued to the next word, a space
//!    is inserted, nothing else changes.
//! 4. **Clutter.** Lines that are page furniture ("Share This Article", "Subscribe …", "©
//!    2026 …", "Source: https://…") are marked as boilerplate wherever they are. At the end of
//!    the article, once a clear tail marker is found, everything after it that is short, a bio
//!    ("Jane Doe is a former diplomat …") or inside an "About Us" block is boilerplate too.
//!    Boilerplate is marked, never deleted, and always covers whole paragraphs.
//!
//! Everything errs on the side of keeping text as content: a missed share button costs a few
//! words in a comparison, a real paragraph marked as clutter hides part of the article.
//!
//! Known limits: the patterns are English; a first line that is a section heading of an article
//! whose headline was not saved is taken as the title; a dateline without a year gives no date
//! (nothing to anchor the year on); a tail marker followed only by short lines (a closing list
//! of bullet points after "Follow us on X") marks those lines as clutter.

use super::dates::{find_human_date, parse_human_date};
use super::{Document, Format, IngestError, Metadata};
use crate::lexicon::{
    is_month, is_weekday, BYLINE_NOT_NAMES, DATE_LINE_WORDS, MONTH_PATTERN, NAME_PARTICLES,
    NEWSROOM_WORDS, OUTLET_CONNECTORS, ROLE_WORDS, SECTION_LABELS, WEEKDAY_ABBREVIATIONS,
};
use regex::Regex;
use std::sync::LazyLock;

pub(super) fn read(text: &str, format: Format) -> Result<Document, IngestError> {
    let text = crate::text::normalize(text);
    if text.is_empty() {
        return Err(IngestError::Empty);
    }
    let mut found = Found::default();
    let lines = match format {
        Format::Markdown => markdown_lines(&text, &mut found),
        _ => text_lines(&text),
    };
    let mut paras = group(&lines, wrap_width(&lines));
    let body_start = read_head(&mut paras, &mut found);
    read_dateline(&mut paras[body_start..], &mut found);
    mark_clutter(&mut paras, &mut found);
    Ok(assemble(paras, found.meta, format))
}

/// Metadata collected so far, with how sure we are of the date.
#[derive(Default)]
struct Found {
    meta: Metadata,
    /// The date came from an "Updated …" line: a dateline or "Published" line replaces it.
    published_is_update: bool,
}

impl Found {
    fn published(&mut self, date: String, is_update: bool) {
        if self.meta.published.is_none() || (self.published_is_update && !is_update) {
            self.meta.published = Some(date);
            self.published_is_update = is_update;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lines and paragraphs
// ---------------------------------------------------------------------------------------------

/// One source line, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
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

/// What a paragraph of the body is, as far as the heuristics care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Prose,
    Heading(u8),
    List,
    Table,
    Code,
}

#[derive(Debug, Clone)]
struct Para {
    text: String,
    kind: Kind,
    /// Taken out of the body as metadata (title, byline, date line).
    removed: bool,
    /// Site clutter: stays in the body, listed in `Document::boilerplate`.
    clutter: bool,
}

impl Para {
    fn new(text: String, kind: Kind) -> Para {
        Para {
            text,
            kind,
            removed: false,
            clutter: false,
        }
    }

    /// A single line of prose or a heading: the only paragraphs that can be a title, byline,
    /// date line or clutter marker. Lists, tables and code are always content.
    fn is_line(&self) -> bool {
        matches!(self.kind, Kind::Prose | Kind::Heading(_)) && !self.text.contains('\n')
    }
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
            out.push(Line::Row(table_cells(line, |c| c.to_string())));
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

/// Lines of a Markdown file, markup removed: headings lose their `#`, quotes their `>`, links
/// keep their text, images go, code blocks keep their content verbatim.
fn markdown_lines(text: &str, found: &mut Found) -> Vec<Line> {
    let text = front_matter(text, found);
    let raw: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut in_item = false;
    let mut in_table = false;
    let mut i = 0;
    while i < raw.len() {
        let line = raw[i];
        i += 1;
        if let Some((ch, len)) = fence {
            let t = line.trim();
            if t.len() >= len && t.chars().all(|c| c == ch) {
                fence = None;
                out.push(Line::Blank);
            } else if t.is_empty() {
                // A blank line inside code would read as a paragraph break in the body.
                out.push(Line::Blank);
            } else {
                out.push(Line::Code(line.trim_end().to_string()));
            }
            continue;
        }
        let trimmed = line.trim();
        if let Some(open) = fence_open(trimmed) {
            fence = Some(open);
            out.push(Line::Blank);
            continue;
        }
        let (t, quoted) = strip_quote_markers(trimmed);
        if t.is_empty() || is_rule(t) {
            out.push(Line::Blank);
            in_item = false;
            in_table = false;
            continue;
        }
        if (t.starts_with("<!--") && t.ends_with("-->")) || REFERENCE_DEFINITION.is_match(t) {
            continue;
        }
        let next = raw.get(i).map(|l| l.trim()).unwrap_or("");
        if !quoted
            && !in_item
            && !in_table
            && list_marker_len(t).is_none()
            && is_setext_underline(next)
        {
            let level = if next.starts_with('=') { 1 } else { 2 };
            out.push(Line::Heading(level, strip_inline(t)));
            i += 1;
            continue;
        }
        if let Some(c) = ATX_HEADING.captures(t) {
            let level = c[1].len() as u8;
            let text = strip_inline(c.get(2).map_or("", |m| m.as_str()));
            if !text.is_empty() {
                out.push(Line::Heading(level, text));
            }
            in_item = false;
            continue;
        }
        if is_table_delimiter(t) {
            in_table = true;
            continue;
        }
        if t.contains('|') && (in_table || t.starts_with('|') || is_table_delimiter(next)) {
            out.push(Line::Row(table_cells(t, strip_inline)));
            in_table = true;
            continue;
        }
        in_table = false;
        if let Some(len) = list_marker_len(t) {
            let (marker, rest) = t.split_at(len);
            let marker = match marker.trim() {
                "*" | "+" | "-" => "-",
                other => other,
            };
            out.push(Line::Item(format!(
                "{marker} {}",
                strip_inline(rest.trim())
            )));
            in_item = true;
            continue;
        }
        let text = strip_inline(t);
        if text.is_empty() {
            // An image on its own line: nothing left to read.
            continue;
        }
        if in_item && line.starts_with([' ', '\t']) {
            out.push(Line::Continuation(text));
        } else {
            out.push(Line::Prose(text));
            in_item = false;
        }
    }
    out
}

/// Builds paragraphs from lines: each prose line on its own (unless the file is hard-wrapped,
/// see [`wrap_width`]), consecutive list items, table rows and code lines together.
fn group(lines: &[Line], wrap: Option<usize>) -> Vec<Para> {
    let mut paras: Vec<Para> = Vec::new();
    // The kind of the last paragraph while the next line may still extend it.
    let mut open: Option<Kind> = None;
    let mut previous_prose_line = "";
    for line in lines {
        let extend = |paras: &mut Vec<Para>, sep: &str, text: &str| {
            let last = paras.last_mut().expect("an open paragraph exists");
            last.text.push_str(sep);
            last.text.push_str(text);
        };
        match line {
            Line::Blank => open = None,
            Line::Heading(level, text) => {
                paras.push(Para::new(text.clone(), Kind::Heading(*level)));
                open = None;
            }
            Line::Prose(text) => {
                let wrapped =
                    wrap.is_some_and(|width| was_wrapped(previous_prose_line, text, width));
                if open == Some(Kind::Prose) && wrapped {
                    extend(&mut paras, " ", text);
                } else {
                    paras.push(Para::new(text.clone(), Kind::Prose));
                    open = Some(Kind::Prose);
                }
                previous_prose_line = text;
            }
            Line::Item(text) => {
                if open == Some(Kind::List) {
                    extend(&mut paras, "\n", text);
                } else {
                    paras.push(Para::new(text.clone(), Kind::List));
                }
                open = Some(Kind::List);
            }
            Line::Continuation(text) => {
                if open == Some(Kind::List) {
                    extend(&mut paras, " ", text);
                } else {
                    paras.push(Para::new(text.clone(), Kind::Prose));
                    open = Some(Kind::Prose);
                    previous_prose_line = text;
                }
            }
            Line::Row(text) | Line::Code(text) => {
                let kind = if matches!(line, Line::Row(_)) {
                    Kind::Table
                } else {
                    Kind::Code
                };
                if open == Some(kind) {
                    extend(&mut paras, "\n", text);
                } else {
                    paras.push(Para::new(text.clone(), kind));
                }
                open = Some(kind);
            }
        }
    }
    for p in &mut paras {
        p.text = if p.kind == Kind::Code {
            p.text.trim().to_string()
        } else {
            collapse_spaces(&p.text)
        };
    }
    paras.retain(|p| !p.text.is_empty());
    paras
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

/// `-`, `*`, `•`, `–`, `—`, `+` bullets and `1.`/`1)` numbers followed by a space and text: the
/// length of the marker in bytes.
fn list_marker_len(line: &str) -> Option<usize> {
    static MARKER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([-*+•–—▪◦‣·]|\d{1,2}[.)])[ ]+\S").expect("valid regex"));
    MARKER.captures(line).map(|c| c[1].len())
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
fn table_cells(line: &str, clean: impl Fn(&str) -> String) -> String {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner
        .split('|')
        .map(|c| clean(c.trim()))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn collapse_spaces(text: &str) -> String {
    text.split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------------
// Markdown markup
// ---------------------------------------------------------------------------------------------

/// `## Heading ##`: the hashes, then the text; closing hashes are dropped.
static ATX_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$").expect("valid regex"));

static REFERENCE_DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[[^\]]+\]:\s*\S+").expect("valid regex"));

fn fence_open(line: &str) -> Option<(char, usize)> {
    let ch = line.chars().next()?;
    if ch != '`' && ch != '~' {
        return None;
    }
    let len = line.chars().take_while(|&c| c == ch).count();
    (len >= 3).then_some((ch, len))
}

fn is_setext_underline(line: &str) -> bool {
    !line.is_empty()
        && (line.chars().all(|c| c == '=') || (line.len() >= 2 && line.chars().all(|c| c == '-')))
}

/// Removes `>` quote markers; says whether there were any.
fn strip_quote_markers(mut line: &str) -> (&str, bool) {
    let mut quoted = false;
    while let Some(rest) = line.strip_prefix('>') {
        line = rest.trim_start();
        quoted = true;
    }
    (line, quoted)
}

/// Inline Markdown to plain text: links keep their text, images and HTML tags go, emphasis and
/// code markers go, backslash escapes resolve. Code spans are kept verbatim.
fn strip_inline(text: &str) -> String {
    static CODE_SPAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"`+([^`]+?)`+").expect("valid regex"));
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for c in CODE_SPAN.captures_iter(text) {
        let whole = c.get(0).expect("match");
        out.push_str(&strip_inline_outside_code(&text[last..whole.start()]));
        out.push_str(c[1].trim());
        last = whole.end();
    }
    out.push_str(&strip_inline_outside_code(&text[last..]));
    collapse_spaces(out.trim())
}

fn strip_inline_outside_code(text: &str) -> String {
    static RULES: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
        [
            (r"!\[[^\]]*\]\([^)]*\)", ""),  // ![alt](src)
            (r"!\[[^\]]*\]\[[^\]]*\]", ""), // ![alt][ref]
            (
                r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+[^)]*)?\)",
                "$1",
            ), // [text](url "title")
            (r"\[([^\]]+)\]\[[^\]]*\]", "$1"), // [text][ref]
            (r"<((?:https?|mailto):[^>\s]+)>", "$1"), // <https://…>
            (r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", ""), // inline HTML tags
            (r"\*\*(\S(?:.*?\S)?)\*\*", "$1"),
            (
                r"(^|[^\p{L}\p{N}_])__(\S(?:.*?\S)?)__($|[^\p{L}\p{N}_])",
                "$1$2$3",
            ),
            (r"\*(\S(?:.*?\S)?)\*", "$1"),
            (
                r"(^|[^\p{L}\p{N}_])_(\S(?:.*?\S)?)_($|[^\p{L}\p{N}_])",
                "$1$2$3",
            ),
            (r"~~(\S(?:.*?\S)?)~~", "$1"),
        ]
        .into_iter()
        .map(|(pattern, replacement)| (Regex::new(pattern).expect("valid regex"), replacement))
        .collect()
    });
    // Escaped punctuation ("\\*") is hidden in a private use plane first, so that no rule below
    // sees it, and restored at the end.
    const HIDDEN: u32 = 0xF_0000;
    static ESCAPE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\\([!-/:-@\[-`{-~])").expect("valid regex"));
    let mut text = ESCAPE
        .replace_all(text, |c: &regex::Captures<'_>| {
            let escaped = c[1].chars().next().expect("one character");
            char::from_u32(HIDDEN + escaped as u32)
                .expect("valid code point")
                .to_string()
        })
        .into_owned();
    for (rule, replacement) in RULES.iter() {
        text = rule.replace_all(&text, *replacement).into_owned();
    }
    text.chars()
        .map(|c| match c as u32 {
            code @ HIDDEN..=0xF_007F => char::from_u32(code - HIDDEN).expect("ASCII"),
            _ => c,
        })
        .collect()
}

/// YAML front matter (`---` … `---`) at the top of a Markdown file: title, author, date, URL,
/// outlet and language when present. Returns the text after it.
fn front_matter<'a>(text: &'a str, found: &mut Found) -> &'a str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    let Some((block, body)) = rest
        .split_once("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(|b| (b, "")))
    else {
        return text;
    };
    static KEY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$").expect("valid regex"));
    if !block.lines().next().is_some_and(|l| KEY.is_match(l)) {
        return text;
    }
    let unquote = |v: &str| {
        v.trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .trim()
            .to_string()
    };
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        if let Some(c) = KEY.captures(line) {
            entries.push((c[1].to_lowercase(), c[2].trim().to_string()));
        } else if let (Some(item), Some(last)) =
            (line.trim().strip_prefix("- "), entries.last_mut())
        {
            // A YAML list under the previous key ("authors:\n  - Jane Doe").
            let sep = if last.1.is_empty() { "" } else { ", " };
            last.1 = format!("{}{sep}{}", last.1, unquote(item));
        }
    }
    for (key, value) in entries {
        let value = unquote(value.trim_start_matches('[').trim_end_matches(']'));
        let value = value.split(',').map(unquote).collect::<Vec<_>>().join(", ");
        if value.is_empty() {
            continue;
        }
        let meta = &mut found.meta;
        match key.as_str() {
            "title" | "headline" => meta.title = Some(value),
            "author" | "authors" | "byline" => meta.author = Some(value),
            "date" | "published" | "pubdate" | "published_at" | "date_published"
            | "publishdate" => {
                if let Some(date) = parse_human_date(&value) {
                    found.published(date, false);
                }
            }
            "url" | "canonical" | "canonical_url" | "link" | "source_url" | "permalink"
                if value.starts_with("http") =>
            {
                meta.url = Some(value)
            }
            "lang" | "language" => meta.language = Some(value),
            "outlet" | "publisher" | "publication" | "site_name" | "source" => {
                meta.outlet = Some(value)
            }
            _ => {}
        }
    }
    body
}

// ---------------------------------------------------------------------------------------------
// Head: title, byline, date line
// ---------------------------------------------------------------------------------------------

/// Reads the title and the lines around it; returns the index of the first paragraph after the
/// title (where the article starts).
fn read_head(paras: &mut [Para], found: &mut Found) -> usize {
    let n = paras.len();
    let mut i = 0;
    // A saved page may start with its address, a date or a clutter line before the headline.
    while i < n.min(4) && paras[i].is_line() {
        let text = paras[i].text.clone();
        if url_line(&text).is_some() || is_marker(&text).is_some() {
            paras[i].clutter = true;
        } else if let Some((date, is_update)) = date_line(&text) {
            found.published(date, is_update);
            paras[i].removed = true;
        } else {
            break;
        }
        i += 1;
    }

    let mut title_at = None;
    if let Some(declared) = found.meta.title.clone() {
        // Markdown front matter declared the title: only a repeat of it leaves the body.
        if i + 1 < n
            && paras[i].is_line()
            && paras[i].text.to_lowercase() == declared.to_lowercase()
        {
            paras[i].removed = true;
            title_at = Some(i);
            i += 1;
        }
    } else if i + 1 < n && is_title(&paras[i]) {
        let title = paras[i].text.clone();
        paras[i].removed = true;
        title_at = Some(i);
        i += 1;
        // Some pages repeat the headline (once in the page header, once above the article).
        if i + 1 < n && paras[i].text.to_lowercase() == title.to_lowercase() {
            paras[i].removed = true;
            i += 1;
        }
        found.meta.title = Some(title);
    }

    // Byline, date and address lines under the title; a subtitle may sit between them.
    let mut j = i;
    while j < n.min(i + 5) && paras[j].is_line() {
        let text = paras[j].text.clone();
        if let Some(byline) = parse_byline(&text) {
            if found.meta.author.is_none() {
                found.meta.author = byline.author;
            }
            if found.meta.outlet.is_none() {
                found.meta.outlet = byline.outlet;
            }
            if let Some(date) = byline.published {
                found.published(date, false);
            }
            paras[j].removed = true;
        } else if title_at.is_some_and(|t| t + 1 == j)
            && found.meta.author.is_none()
            && is_names(&text)
        {
            // A bare name right under the headline is the byline without its "By".
            found.meta.author = Some(join_names(&split_names(&text)));
            paras[j].removed = true;
        } else if let Some((date, is_update)) = date_line(&text) {
            found.published(date, is_update);
            paras[j].removed = true;
        } else if url_line(&text).is_some() || is_marker(&text).is_some() {
            paras[j].clutter = true;
        } else if !is_subtitle(&text) {
            break;
        }
        j += 1;
    }
    i
}

/// The first line is the title when it reads like a headline: a Markdown heading, or a short
/// line (2–20 words, at most 200 characters) that does not end like a prose sentence and is
/// none of the other things a first line can be (a byline, a date, a section label such as
/// "Key Facts", a dateline paragraph).
fn is_title(p: &Para) -> bool {
    if !p.is_line() {
        return false;
    }
    let text = p.text.as_str();
    if is_section_label(text)
        || is_marker(text).is_some()
        || url_line(text).is_some()
        || date_line(text).is_some()
        || parse_byline(text).is_some()
        || parse_dateline(text).is_some()
        || list_marker_len(text).is_some()
    {
        return false;
    }
    if p.kind == Kind::Heading(1) {
        return text.chars().count() <= 300;
    }
    static SENTENCE_BREAK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{Ll}{2,}\.\s+\p{Lu}").expect("valid regex"));
    let words = text.split_whitespace().count();
    (2..=20).contains(&words)
        && text.chars().count() <= 200
        && !ends_like_prose(text)
        && !SENTENCE_BREAK.is_match(text)
}

/// A short line under the title that is not a byline: a standfirst or a subheading. It stays
/// in the body; the byline may still follow it.
fn is_subtitle(text: &str) -> bool {
    text.split_whitespace().count() <= 30 && !ends_like_prose(text)
}

/// Ends with a full stop (not an abbreviation such as "U.S."), a colon, a comma or a semicolon:
/// the end of a sentence or of a lead-in, not of a headline.
fn ends_like_prose(text: &str) -> bool {
    static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b\p{L}\.){2,}$|\b(?:Jr|Sr|St|Inc|Ltd|Co|Corp|Dr|Mr|Mrs|Ms)\.$|\.\.\.$")
            .expect("valid regex")
    });
    match text.chars().last() {
        Some('.') => !ABBREVIATION.is_match(text),
        Some(':' | ',' | ';') => true,
        _ => false,
    }
}

/// Section labels that start an article body on some sites ("Key Facts", "Quick Summary"): they
/// head a section of the article, they are not its headline.
fn is_section_label(text: &str) -> bool {
    let label = text
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_lowercase()
        .replace('’', "'");
    SECTION_LABELS.contains(&label.as_str())
}

/// What a byline line says.
#[derive(Debug, Default, PartialEq, Eq)]
struct Byline {
    author: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

/// "By Jane Doe", "by Chief Editor", "BY JANE DOE AND JOHN ROE", "By Jane Doe, Senior
/// Correspondent | January 9, 2026", "Jane Doe | Reuters". The part after "By" must start with
/// names (so "By late 2025, officials…" is prose); a line without "By" needs a `|` or `·`
/// separator after the name. Further parts are a date, an outlet or a role.
fn parse_byline(text: &str) -> Option<Byline> {
    let text = text.trim();
    if text.split_whitespace().count() > 20 || text.chars().count() > 160 {
        return None;
    }
    static BY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^by:?\s+(.+)$").expect("valid regex"));
    static SEPARATORS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:[|·•]|\s[-–—]\s)\s*").expect("valid regex"));
    let (rest, with_by) = match BY.captures(text) {
        Some(c) => (c.get(1).expect("group").as_str(), true),
        None => (text, false),
    };
    // "By Jane Doe." ends with a full stop like a sentence; the names check below tells them
    // apart ("By signalling that it is open…" does not start with names).
    let rest = rest.trim_end_matches('.');
    let mut parts: Vec<&str> = SEPARATORS
        .split(rest)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() || (!with_by && parts.len() < 2) {
        return None;
    }
    // "By Jane Doe, Senior Correspondent": a comma separates a role or an outlet, except
    // between names ("By Jane Doe, John Roe and Ann Poe").
    let first = parts.remove(0);
    let mut comma_parts: Vec<&str> = first
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut authors: Vec<String> = Vec::new();
    if comma_parts.is_empty() || !is_names(comma_parts[0]) {
        return None;
    }
    let lead = comma_parts.remove(0);
    authors.extend(split_names(lead));
    let mut byline = Byline::default();
    for part in comma_parts.into_iter().chain(parts) {
        let part = part.trim_end_matches('.');
        if let Some(date) = date_line(part)
            .map(|(d, _)| d)
            .or_else(|| parse_human_date(part))
        {
            byline.published.get_or_insert(date);
        } else if let Some(outlet) = outlet_from_byline_part(part) {
            byline.outlet.get_or_insert(outlet);
        } else if !is_role(part) && is_names(part) {
            // A place ("Caracas") or anything else unrecognised is dropped.
            authors.extend(split_names(part));
        }
    }
    byline.author = Some(join_names(&authors));
    Some(byline)
}

/// "Jane Doe" + "John Roe" + "Ann Poe" -> "Jane Doe, John Roe and Ann Poe".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// An outlet named in a byline part: a known wire service, or a name with a newsroom word in it
/// ("Brussels Morning Newspaper", "Harbour Daily", "The Watchfire").
fn outlet_from_byline_part(part: &str) -> Option<String> {
    if let Some(wire) = wire_service(part) {
        return Some(wire.to_string());
    }
    let words: Vec<String> = part.split_whitespace().map(|w| w.to_lowercase()).collect();
    let capitalised = part
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    // "The Watchfire": a capitalised name led by "The" is a publication, not a person.
    let titled = words.len() >= 2 && words[0] == "the";
    (words.len() <= 6
        && capitalised
        && (titled || words.iter().any(|w| NEWSROOM_WORDS.contains(&w.as_str()))))
    .then(|| part.to_string())
}

/// "Senior Correspondent", "Staff Writer", "Chief Editor": a job, not a name.
fn is_role(part: &str) -> bool {
    part.split_whitespace()
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic())))
}

/// One to four person names joined by commas, "and" or "&": "Jane Doe", "JANE DOE AND JOHN
/// ROE", "Ana María de la Vega".
fn is_names(text: &str) -> bool {
    let names = split_names(text);
    (1..=4).contains(&names.len()) && names.iter().all(|n| is_person_name(n))
}

/// "Jane Doe, John Roe and Ann Poe" -> the three names, tidied.
fn split_names(text: &str) -> Vec<String> {
    static JOINERS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\s*(?:,|&|\band\b)\s*").expect("valid regex"));
    JOINERS
        .split(text.trim())
        .filter(|n| !n.is_empty())
        .map(tidy_name)
        .collect()
}

/// A word of headings and labels rather than of a name ("Key", "Latest", "Monday").
fn is_byline_word(lower: &str) -> bool {
    BYLINE_NOT_NAMES.contains(&lower) || is_month(lower) || is_weekday(lower)
}

/// A person's name: 2–4 capitalised words (particles such as "de", "van", "bin" allowed inside,
/// initials allowed), no digits, no punctuation beyond `.`, `'` and `-`, none of the common
/// words that make up headings and labels ("Key Facts", "Latest News").
fn is_person_name(text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if !(2..=4).contains(&tokens.len()) {
        return false;
    }
    let is_word = |t: &str| {
        let mut chars = t.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let letters_only = t
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'));
        // Initials ("J.") and "Jr." end with a full stop; other words in a name do not.
        let dotted_ok = !t.ends_with('.') || t.chars().count() == 2 || matches!(t, "Jr." | "Sr.");
        first_upper
            && letters_only
            && dotted_ok
            && !is_byline_word(t.to_lowercase().trim_end_matches('.'))
    };
    let last = tokens.len() - 1;
    tokens.iter().enumerate().all(|(k, t)| {
        if k > 0 && k < last && NAME_PARTICLES.contains(t) {
            return true;
        }
        is_word(t)
    })
}

/// Names as a person writes them: an all-capitals byline in title case ("JANE DOE AND JOHN ROE"
/// -> "Jane Doe and John Roe").
fn tidy_name(text: &str) -> String {
    let text = collapse_spaces(text.trim());
    if text.chars().any(char::is_lowercase) {
        return text;
    }
    text.split(' ')
        .map(|word| {
            if word.eq_ignore_ascii_case("and") {
                return "and".to_string();
            }
            let mut out = String::new();
            let mut start = true;
            for c in word.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '-' | '\'' | '’' | '.');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// A line that is only a date, with at most a label, a weekday, a time and a time zone around
/// it: "Published: 9 January 2026", "Jan. 9, 2026", "2026-01-09", "Updated 10:32 AM EST, Fri
/// January 9, 2026". Returns the date and whether it is an update rather than the publication.
fn date_line(text: &str) -> Option<(String, bool)> {
    if text.chars().count() > 100 {
        return None;
    }
    let (range, date) = find_human_date(text)?;
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?|(?:utc|gmt)[+-]\d{1,2}(?::?\d{2})?)$",
        )
        .expect("valid regex")
    });
    let rest = format!("{} {}", &text[..range.start], &text[range.end..]);
    let allowed = rest
        .split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '|' | '·' | '•' | '(' | ')' | '[' | ']' | '—' | '–' | '-' | '/'
                )
        })
        .map(|t| t.trim_end_matches(':'))
        .filter(|t| !t.is_empty())
        .all(|t| {
            let lower = t.to_lowercase();
            let time_zone = (2..=5).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase());
            DATE_LINE_WORDS.contains(&lower.as_str())
                || is_weekday(&lower)
                || WEEKDAY_ABBREVIATIONS.contains(&lower.as_str())
                || TIME.is_match(&lower)
                || time_zone
        });
    if !allowed {
        return None;
    }
    let lower = text.to_lowercase();
    let is_update = ["updated", "modified", "edited"]
        .iter()
        .any(|w| lower.contains(w))
        && !["published", "posted"].iter().any(|w| lower.contains(w));
    Some((date, is_update))
}

// ---------------------------------------------------------------------------------------------
// Dateline
// ---------------------------------------------------------------------------------------------

/// What a dateline at the start of a paragraph says.
#[derive(Debug, PartialEq, Eq)]
struct Dateline {
    outlet: Option<String>,
    published: Option<String>,
    /// Byte offset where the date runs into the next word with no space ("2026Venezuela").
    glued_at: Option<usize>,
}

/// "Washington (Outlet) January 9, 2026…", "CARACAS, Venezuela (AP) — …", "LONDON, Jan. 9
/// (Reuters) -", "January 9, 2026 —", "WASHINGTON, January 9, 2026 —".
///
/// A parenthesis after a capitalised place is only an outlet when a date or a dash follows or
/// precedes it (so "Human Rights Watch (HRW) said" is not a dateline); a date alone at the start
/// needs a dash after it or no space at all ("January 9, 2026 was cold" is a sentence).
fn parse_dateline(text: &str) -> Option<Dateline> {
    const PLACE_WORD: &str = r"(?:\p{Lu}[\p{L}.'’-]*|d[aeo]s?|del|la|el|al)";
    static WITH_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
        let place = format!(
            r"\p{{Lu}}[\p{{L}}.'’-]*(?:\s+{PLACE_WORD}){{0,3}}(?:,\s+\p{{Lu}}[\p{{L}}.'’-]*(?:\s+{PLACE_WORD}){{0,2}})?"
        );
        let date = date_pattern();
        Regex::new(&format!(
            r"^(?P<place>{place})(?:,?\s+(?P<d1>{date}))?\s*\((?P<outlet>[^()]{{1,60}})\)(?:\s*(?P<d2>{date}))?(?:\s*(?P<sep>[—–-]{{1,2}}|:))?"
        ))
        .expect("valid regex")
    });
    static DATE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        let date = date_pattern();
        Regex::new(&format!(
            r"^(?:\p{{Lu}}[\p{{L}}.'’-]*(?:\s+{PLACE_WORD}){{0,3}},?\s+)?(?P<date>{date})(?:\s*(?P<sep>[—–-]{{1,2}}|:))?"
        ))
        .expect("valid regex")
    });

    let glued = |end: usize| {
        end > 0
            && !text[..end].ends_with(char::is_whitespace)
            && text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '“' || c == '"')
    };
    if let Some(c) = WITH_OUTLET.captures(text) {
        let outlet = c["outlet"].trim();
        let date = c.name("d1").or(c.name("d2"));
        let outlet_ok = wire_service(outlet).is_some() || looks_like_outlet(outlet);
        if outlet_ok && (date.is_some() || c.name("sep").is_some()) {
            let end = c.get(0).expect("match").end();
            return Some(Dateline {
                outlet: Some(wire_service(outlet).unwrap_or(outlet).to_string()),
                published: date.and_then(|d| parse_human_date(d.as_str())),
                glued_at: glued(end).then_some(end),
            });
        }
    }
    if let Some(c) = DATE_FIRST.captures(text) {
        let end = c.get(0).expect("match").end();
        let published = parse_human_date(&c["date"])?;
        if c.name("sep").is_some() || glued(end) {
            return Some(Dateline {
                outlet: None,
                published: Some(published),
                glued_at: glued(end).then_some(end),
            });
        }
    }
    None
}

/// A month-day date with an optional year, as written in datelines.
fn date_pattern() -> String {
    format!(
        r"(?i:{MONTH_PATTERN}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\.?(?:,?\s+\d{{4}})?)"
    )
}

/// An outlet in parentheses: 1–6 words, each capitalised or a small connecting word, no digits.
fn looks_like_outlet(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && !text.chars().any(|c| c.is_ascii_digit())
        && !is_month_name(words[0])
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            OUTLET_CONNECTORS.contains(w) || w.chars().next().is_some_and(|c| c.is_uppercase())
        })
}

fn is_month_name(word: &str) -> bool {
    static WHOLE_MONTH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)^{MONTH_PATTERN}\.?$")).expect("valid regex"));
    WHOLE_MONTH.is_match(word)
}

/// Wire services by the abbreviation used in datelines, with the name to store.
fn wire_service(text: &str) -> Option<&'static str> {
    let key = text
        .trim()
        .trim_start_matches("The ")
        .trim_start_matches("the ")
        .to_lowercase();
    Some(match key.as_str() {
        "ap" | "associated press" => "Associated Press",
        "afp" | "agence france-presse" | "agence france presse" => "Agence France-Presse",
        "reuters" | "thomson reuters" => "Reuters",
        "upi" | "united press international" => "United Press International",
        "dpa" | "deutsche presse-agentur" => "Deutsche Presse-Agentur",
        "efe" => "EFE",
        "ansa" => "ANSA",
        "xinhua" => "Xinhua",
        "bloomberg" => "Bloomberg",
        _ => return None,
    })
}

/// Looks for a dateline at the start of the first paragraphs of the article (a subtitle may come
/// before the lede) and fixes a date glued to the next word.
fn read_dateline(paras: &mut [Para], found: &mut Found) {
    let candidates = paras
        .iter_mut()
        .filter(|p| !p.removed && !p.clutter && p.kind == Kind::Prose)
        .take(3);
    for p in candidates {
        if let Some(dateline) = parse_dateline(&p.text) {
            if found.meta.outlet.is_none() {
                found.meta.outlet = dateline.outlet;
            }
            if let Some(date) = dateline.published {
                found.published(date, false);
            }
            if let Some(at) = dateline.glued_at {
                p.text.insert(at, ' ');
            }
            return;
        }
        if p.text.split_whitespace().count() > 30 {
            // The lede had no dateline; later paragraphs do not have one either.
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Clutter
// ---------------------------------------------------------------------------------------------

/// How a clutter line relates to the end of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// Page furniture that can sit anywhere ("Advertisement", "Read more: …").
    Inline,
    /// Furniture that comes after the article ("Share This Article", "About Us", "Leave a
    /// Comment"): from here on, short lines and bios are clutter too.
    Tail,
}

/// Whether a single line is page furniture. Each pattern has a word limit so that a sentence
/// that happens to start like a button ("Subscribers to the service said…") stays content.
fn is_marker(text: &str) -> Option<Marker> {
    use Marker::{Inline, Tail};
    static MARKERS: LazyLock<Vec<(Regex, usize, Marker)>> = LazyLock::new(|| {
        [
            (r"^share (this|the)( article| story| post| page)?\s*[:!.]?$", 6, Tail),
            (r"^share (on|via|to|with) ", 8, Tail),
            (
                r"^(share|tweet|e-?mail|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|copy link)([\s,|/·•]+(share|tweet|e-?mail|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|copy link))+$",
                12,
                Tail,
            ),
            (r"^subscribe\b", 15, Tail),
            (r"\b(subscribe|sign up|signup|register)\b.{0,40}\bnewsletters?\b", 45, Tail),
            (r"^sign up (for|to)\b", 15, Tail),
            (r"^(join|download|get) (our|the) .*\b(app|newsletter|channel|community)\b", 20, Tail),
            (r"^leave a (comment|reply)", 6, Tail),
            (r"^(\d+ )?comments?( \(\d+\))?$", 3, Tail),
            (
                r"^(you (may|might) (also )?like|recommended( for you| stories| articles)?|more (stories|articles|news)( from .*)?|related (articles|stories|posts|news|coverage|reading|content|topics)|trending( now| stories)?|most (read|popular|viewed)|don.t miss|also read|read next|up next|further reading)\s*[:.!]?$",
                8,
                Tail,
            ),
            (r"^(related|read more|read also|see also|also read|more|recommended|watch|listen)\s*:", 25, Inline),
            (r"^read more\b", 10, Inline),
            (r"^(advertisement|advertising|sponsored( content)?|promoted( content)?|ad|paid content|partner content)$", 2, Inline),
            (r"^(skip to (main )?content|back to top|scroll to top|jump to)\b", 6, Inline),
            (r"^follow (us|\S+ \S+ on)\b", 12, Tail),
            (
                r"^follow\b.*\bon (facebook|twitter|x|instagram|linkedin|telegram|whatsapp|youtube|tiktok|threads|bluesky|google news)\b",
                15,
                Tail,
            ),
            (r"^(©|\(c\)|copyright\b)", 25, Tail),
            (r"\ball rights reserved\b", 25, Tail),
            (r"^about (us|the authors?|the writer|the reporter|this author|me)$", 4, Tail),
            (r"^(tags?|topics?|filed under|categories|category)\s*:", 25, Tail),
            (r"^(click|tap) here\b", 15, Inline),
            (r"^(print|email) (this )?(article|story|page)$", 4, Tail),
            (r"^(photo|image|video)( credit)?s?\s*:", 15, Inline),
            (r"^we use cookies\b", 40, Inline),
        ]
        .into_iter()
        .map(|(pattern, words, kind)| (Regex::new(&format!("(?i){pattern}")).expect("valid regex"), words, kind))
        .collect()
    });
    // "The Harbour Ledger Logo": the alt text of the masthead image. Case matters here: a
    // name in capitals, unlike "the party unveiled a new logo".
    static LOGO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[Tt]he )?(?:\p{Lu}[\p{L}\p{N}&'’.-]*\s+){1,6}[Ll]ogo$")
            .expect("valid regex")
    });
    let text = text.trim();
    let words = text.split_whitespace().count();
    if LOGO.is_match(text) {
        return Some(Tail);
    }
    MARKERS
        .iter()
        .find(|(re, max_words, _)| words <= *max_words && re.is_match(text))
        .map(|(_, _, kind)| *kind)
}

fn is_about_heading(text: &str) -> bool {
    static ABOUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^about (us|the authors?|the writer|the reporter|this author|me)$")
            .expect("valid regex")
    });
    ABOUT.is_match(text.trim())
}

/// "Source: https://…", "URL: …", "Originally published at https://…", or a bare address: the
/// article's own address, as saved with the page. Says whether the line labels the address.
fn url_line(text: &str) -> Option<(String, bool)> {
    static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?P<label>(?:source|url|link|permalink|canonical(?: url)?|article url|original(?:ly)? (?:published|posted)(?: at| on| in)?|read (?:the )?original(?: article| story)?(?: at| on)?)\s*:?\s*)?<?(?P<url>https?://[^\s<>]+)>?$",
        )
        .expect("valid regex")
    });
    let c = URL_LINE.captures(text.trim())?;
    let url = c["url"].trim_end_matches(['.', ',', ';', ')']).to_string();
    Some((url, c.name("label").is_some()))
}

/// "Jane Doe is a former diplomat …", "She has covered …": an author or outlet bio.
fn is_bio(text: &str) -> bool {
    static BIO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(?:\p{Lu}[\p{L}'’.-]*\s+){0,4}\p{Lu}[\p{L}'’.-]*|She|He|They)\s+(?:is|was|has|had|covers|covered|writes|wrote|reports|joined|serves|holds|leads|lives|previously|specializes|specialises)\b",
        )
        .expect("valid regex")
    });
    text.split_whitespace().count() <= 150 && BIO.is_match(text)
}

/// Short lines with no full stop: buttons, links, related headlines.
fn is_short_non_sentence(p: &Para) -> bool {
    matches!(p.kind, Kind::Prose | Kind::Heading(_) | Kind::List)
        && p.text.split('\n').all(|line| {
            let line = line.trim();
            line.split_whitespace().count() <= 15
                && (!line.ends_with('.') || line.ends_with("...") || line.ends_with('…'))
        })
}

/// Marks clutter lines anywhere, then the trailing block: the earliest tail marker after which
/// every paragraph is clutter, short, a bio, or part of an "About Us" block.
fn mark_clutter(paras: &mut [Para], found: &mut Found) {
    let kept: Vec<usize> = (0..paras.len()).filter(|&i| !paras[i].removed).collect();
    let mut labelled_url = None;
    let mut bare_url = None;
    for (pos, &i) in kept.iter().enumerate() {
        let p = &mut paras[i];
        if !p.is_line() {
            continue;
        }
        if let Some((url, labelled)) = url_line(&p.text) {
            p.clutter = true;
            // The article's own address is saved at the top or the bottom of the page. A
            // labelled line ("Source: …") says so; a bare address only counts as the very first
            // or last line, since elsewhere it is more likely a link to another page.
            let near_edge = pos < 5 || pos + 5 >= kept.len();
            let at_edge = pos == 0 || pos + 1 == kept.len();
            if labelled && near_edge {
                labelled_url.get_or_insert(url);
            } else if !labelled && at_edge {
                bare_url.get_or_insert(url);
            }
        } else if is_marker(&p.text).is_some() {
            p.clutter = true;
        }
    }
    if found.meta.url.is_none() {
        found.meta.url = labelled_url.or(bare_url);
    }
    // Trailing clutter sits in the last few dozen paragraphs; looking only there keeps this
    // linear on a huge file full of share buttons.
    const TAIL_WINDOW: usize = 60;
    let window_start = kept.len().saturating_sub(TAIL_WINDOW);
    for (pos, &start) in kept.iter().enumerate().skip(window_start) {
        let p = &paras[start];
        let is_tail_start = p.is_line()
            && (is_marker(&p.text) == Some(Marker::Tail) || url_line(&p.text).is_some());
        if !is_tail_start {
            continue;
        }
        let mut in_about = is_about_heading(&p.text);
        let all_clutter = kept[pos + 1..].iter().all(|&j| {
            let p = &paras[j];
            let eligible = p.clutter
                || is_short_non_sentence(p)
                || (p.kind == Kind::Prose && is_bio(&p.text))
                || (in_about && p.kind == Kind::Prose && p.text.split_whitespace().count() <= 150);
            in_about |= p.is_line() && is_about_heading(&p.text);
            eligible
        });
        if all_clutter {
            for &j in &kept[pos..] {
                paras[j].clutter = true;
            }
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

fn assemble(mut paras: Vec<Para>, meta: Metadata, format: Format) -> Document {
    if paras.iter().all(|p| p.removed) {
        // Only a title and a byline: better a body that repeats them than no body at all.
        for p in &mut paras {
            p.removed = false;
        }
    }
    let mut body = String::new();
    let mut boilerplate = Vec::new();
    for p in paras.iter().filter(|p| !p.removed) {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(&p.text);
        if p.clutter {
            boilerplate.push(start..body.len());
        }
    }
    Document {
        body,
        boilerplate,
        metadata: meta,
        format,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(input: &str) -> Document {
        read(input, Format::Text).expect("reads")
    }

    fn markdown(input: &str) -> Document {
        read(input, Format::Markdown).expect("reads")
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
        let paras = paragraphs(&doc);
        assert_eq!(paras.len(), 2);
        assert!(
            paras[0].starts_with("The negotiators returned")
                && paras[0].ends_with("officials said.")
        );
        assert!(paras[1].contains("editor at a fixed width"));
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
    fn human_dates() {
        let cases = [
            ("January 9, 2026", Some("2026-01-09")),
            ("Jan 9 2026", Some("2026-01-09")),
            ("Sept. 30, 2025", Some("2025-09-30")),
            ("9th of March, 2026", Some("2026-03-09")),
            ("09 Dec 2025", Some("2025-12-09")),
            ("Friday, May 1, 2026, 10:00", Some("2026-05-01")),
            ("2026-01-09T10:32:00Z", Some("2026-01-09")),
            ("2026/1/9", Some("2026-01-09")),
            ("13/01/2026", Some("2026-01-13")),
            ("01/13/2026", Some("2026-01-13")),
            ("01/09/2026", None),
            ("February 30, 2026", None),
            ("January 2026", None),
            ("Jan. 9", None),
            ("Mayor 9, 2026", None),
            ("January 9, 20265", None),
            ("no date here", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_human_date(input).as_deref(), expected, "{input}");
        }
        // The first date in the text wins.
        assert_eq!(
            parse_human_date("from 3 March 2026 to April 1, 2026").as_deref(),
            Some("2026-03-03")
        );
    }

    // --- clutter ---

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
                if let Ok(doc) = read(input, format) {
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
            read("\u{200B}\u{FEFF}", Format::Text),
            Err(IngestError::Empty)
        );
    }
}

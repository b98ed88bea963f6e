//! Markdown into the lines the plain-text reader groups into blocks, read by a CommonMark parser
//! (`pulldown-cmark`): headings, paragraphs (one line per source line, as in plain text), list
//! items, table rows and code lines; emphasis, links and code spans keep their text, images and
//! HTML tags go. YAML front matter, which CommonMark does not know, is read first: it declares
//! the article's metadata.

use super::dates::parse_human_date;
use super::plain::Line;
use super::Metadata;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::sync::LazyLock;

/// What the line being read becomes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pending {
    Prose,
    Heading(u8),
    Item,
    Continuation,
}

/// The lines of a Markdown text, markup removed; front matter goes into `declared`.
pub(super) fn lines(text: &str, declared: &mut Metadata) -> Vec<Line> {
    let text = front_matter(text, declared);
    let mut reader = Reader::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(text, options) {
        reader.read(event);
    }
    reader.flush();
    reader.out
}

#[derive(Default)]
struct Reader {
    out: Vec<Line>,
    /// The text of the line being read, and what it becomes.
    line: String,
    pending: Option<Pending>,
    /// The marker of the list item being read ("-", "3.").
    marker: String,
    /// Per open list: the number of its next item (`None`: bullets).
    lists: Vec<Option<u64>>,
    /// Inside a code block, an image (its alt text is not read) or a table cell.
    in_code: bool,
    /// The HTML block being read: the parser hands it over a line at a time, and a comment or a
    /// tag may span lines.
    html: Option<String>,
    images: usize,
    cell: Option<String>,
    row: Vec<String>,
}

impl Reader {
    fn read(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush();
                self.pending = Some(Pending::Heading(level as u8));
            }
            Event::End(TagEnd::Heading(_)) => self.flush(),
            // A list item's text may come as a paragraph: it stays the item's.
            Event::Start(Tag::Paragraph) if self.pending.is_none() => {
                self.pending = Some(Pending::Prose)
            }
            Event::End(TagEnd::Paragraph) => {
                self.flush();
                self.out.push(Line::Blank);
            }
            Event::Start(Tag::List(start)) => {
                self.flush();
                self.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                self.flush();
                self.lists.pop();
                if self.lists.is_empty() {
                    self.out.push(Line::Blank);
                }
            }
            Event::Start(Tag::Item) => {
                self.flush();
                self.marker = match self.lists.last_mut() {
                    Some(Some(next)) => {
                        *next += 1;
                        format!("{}.", *next - 1)
                    }
                    _ => "-".to_string(),
                };
                self.pending = Some(Pending::Item);
            }
            Event::End(TagEnd::Item) => self.flush(),
            Event::Start(Tag::CodeBlock(_)) => {
                self.flush();
                self.out.push(Line::Blank);
                self.in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code = false;
                self.out.push(Line::Blank);
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => self.row.clear(),
            Event::Start(Tag::TableCell) => self.cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let cell = self.cell.take().unwrap_or_default();
                self.row.push(cell.trim().to_string());
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                self.out
                    .push(Line::Row(std::mem::take(&mut self.row).join(" | ")));
            }
            Event::End(TagEnd::Table) => self.out.push(Line::Blank),
            Event::Start(Tag::Image { .. }) => self.images += 1,
            Event::End(TagEnd::Image) => self.images = self.images.saturating_sub(1),
            Event::Text(text) if self.in_code => {
                for line in text.split('\n') {
                    let line = line.trim_end();
                    self.out.push(if line.trim().is_empty() {
                        // A blank line inside code would read as a paragraph break in the body.
                        Line::Blank
                    } else {
                        Line::Code(line.to_string())
                    });
                }
            }
            Event::Text(text) | Event::Code(text) => self.push_text(&text),
            Event::SoftBreak | Event::HardBreak => self.break_line(),
            Event::Start(Tag::HtmlBlock) => {
                self.flush();
                self.html = Some(String::new());
            }
            Event::Html(html) => match &mut self.html {
                Some(block) => block.push_str(&html),
                None => self.html_block(&html),
            },
            Event::End(TagEnd::HtmlBlock) => {
                let block = self.html.take().unwrap_or_default();
                self.html_block(&block);
            }
            Event::Rule => {
                self.flush();
                self.out.push(Line::Blank);
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.images > 0 {
            return;
        }
        match &mut self.cell {
            Some(cell) => cell.push_str(text),
            None => self.line.push_str(text),
        }
    }

    /// A line break inside a block: plain text's rule, every line its own paragraph (a heading
    /// stays one line; a list item goes on as a continuation).
    fn break_line(&mut self) {
        match self.pending {
            Some(Pending::Heading(_)) => self.line.push(' '),
            _ if self.cell.is_some() => self.push_text(" "),
            Some(Pending::Item | Pending::Continuation) => {
                self.flush();
                self.pending = Some(Pending::Continuation);
            }
            pending => {
                self.flush();
                self.pending = pending;
            }
        }
    }

    /// A block of raw HTML: comments, scripts and styles go with their content, other tags go
    /// and the text between them stays (a `<div>` around a paragraph is still the paragraph).
    fn html_block(&mut self, html: &str) {
        static HIDDEN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?is)<!--.*?(?:-->|\z)|<(script|style|template)\b.*?(?:</(?:script|style|template)\s*>|\z)",
            )
            .expect("valid regex")
        });
        static TAG: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>").expect("valid regex")
        });
        self.flush();
        let text = TAG
            .replace_all(&HIDDEN.replace_all(html, ""), "")
            .into_owned();
        for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            self.out.push(Line::Prose(line.to_string()));
        }
    }

    /// Ends the line being read.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.line);
        let text = text.trim();
        let pending = self.pending.take();
        if text.is_empty() {
            // An item whose text comes in a paragraph keeps waiting for it.
            if pending == Some(Pending::Item) {
                self.pending = pending;
            }
            return;
        }
        self.out.push(match pending {
            Some(Pending::Heading(level)) => Line::Heading(level, text.to_string()),
            Some(Pending::Item) => Line::Item(format!("{} {text}", self.marker)),
            Some(Pending::Continuation) => Line::Continuation(text.to_string()),
            Some(Pending::Prose) | None => Line::Prose(text.to_string()),
        });
    }
}

/// YAML front matter (`---` … `---`) at the top of a Markdown file: title, author, date, URL,
/// outlet and language when present. Returns the text after it.
fn front_matter<'a>(text: &'a str, meta: &mut Metadata) -> &'a str {
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
        match key.as_str() {
            "title" | "headline" => meta.title = Some(value),
            "author" | "authors" | "byline" => meta.author = Some(value),
            "date" | "published" | "pubdate" | "published_at" | "date_published"
            | "publishdate" => {
                if let Some(date) = parse_human_date(&value) {
                    meta.published = Some(date);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines read from `text`, blank ones left out.
    fn read(text: &str) -> Vec<Line> {
        let mut meta = Metadata::default();
        let mut read = lines(text, &mut meta);
        read.retain(|l| *l != Line::Blank);
        read
    }

    #[test]
    fn html_keeps_its_text_entities_resolve_and_nested_items_stay_in_the_list() {
        assert_eq!(
            read(
                "<div class=\"lede\">Port <b>reopens</b></div>\n\n<!-- hidden note -->\n\n\
                 AT&amp;T said so.\n\n3. third\n4. fourth\n   - nested"
            ),
            [
                Line::Prose("Port reopens".into()),
                Line::Prose("AT&T said so.".into()),
                Line::Item("3. third".into()),
                Line::Item("4. fourth".into()),
                Line::Item("- nested".into()),
            ]
        );
    }

    #[test]
    fn html_blocks_spanning_lines_lose_comments_scripts_and_tags_whole() {
        assert_eq!(
            read(
                "First paragraph.\n\n<!--\nhidden note\n-->\n\n<div\n  class=\"x\">Kept text</div>\n\n\
                 <script>\nvar tracking = 1;\n</script>\n\n<style>\np { color: red }\n</style>\n\n\
                 Last paragraph."
            ),
            [
                Line::Prose("First paragraph.".into()),
                Line::Prose("Kept text".into()),
                Line::Prose("Last paragraph.".into()),
            ]
        );
    }
}

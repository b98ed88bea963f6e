//! Text from the DOM: Readability's main content, or the visible body when it finds too little,
//! walked into paragraphs by [`Walker`], which knows which elements are blocks (lists and table
//! rows one per line).

use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability};

/// Elements deeper than this are read as flat text: the walker recurses, and a hostile page of
/// 100 000 nested `<div>`s must not overflow the stack.
const MAX_WALK_DEPTH: usize = 256;

/// Readability is quadratic in places; past this many elements the page is read by the plain
/// body walker alone, which is linear.
const MAX_READABILITY_ELEMENTS: usize = 60_000;

/// One paragraph-level piece of text, with how much of it is link text.
#[derive(Debug, Clone, Default)]
pub(super) struct Block {
    pub(super) text: String,
    pub(super) chars: usize,
    pub(super) link_chars: usize,
}

/// Readability's main content as blocks, plus the byline it found. Empty when it fails.
pub(super) fn readability_blocks(html: &str) -> (Vec<Block>, Option<String>) {
    let run = || {
        let config = Config {
            max_elements_to_parse: MAX_READABILITY_ELEMENTS,
            // Our own JSON-LD reading is more complete, and the scripts are gone by now anyway.
            disable_json_ld: true,
            ..Config::default()
        };
        let mut readability = Readability::new(html, None, Some(config)).ok()?;
        let article = readability.parse().ok()?;
        let content = Dom::from(article.content.as_ref());
        let mut walker = Walker::default();
        walker.walk(&content.root(), 0);
        Some((walker.finish(), article.byline))
    };
    // dom_smoothie has no known panics, but it is a large heuristic engine fed hostile input;
    // a panic there must cost us the article, not the import. On failure the body walker runs.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(Some(found)) => found,
        _ => (Vec::new(), None),
    }
}

/// The visible text of `<body>` (already cleaned), minus page headers, footers and asides.
pub(super) fn body_blocks(page: &Dom) -> Vec<Block> {
    let Some(body) = page.body() else {
        return Vec::new();
    };
    let mut walker = Walker {
        skip_page_chrome: true,
        ..Walker::default()
    };
    walker.walk(&body, 0);
    walker.finish()
}

/// Turns a DOM subtree into paragraphs: one block per `p`, heading, `blockquote`, `pre` and
/// `div`-level container; one line per list item and table row (cells joined by " | "), each
/// list and table one block.
#[derive(Default)]
pub(super) struct Walker {
    blocks: Vec<Block>,
    current: Block,
    pending_space: bool,
    in_link: usize,
    /// (chars, link chars) of each finished line of `current`, and of the line being built.
    lines: Vec<(usize, usize)>,
    line: (usize, usize),
    /// Also skip `header`, `footer` and `aside` (used for the whole-body fallback).
    skip_page_chrome: bool,
}

/// Elements whose content is never article text (the cleaning step removed most; Readability's
/// output is walked too, and a figure caption is not body prose).
pub(super) fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "canvas"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "nav"
            | "figcaption"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "dialog"
            | "audio"
            | "video"
            | "picture"
            | "img"
            | "map"
    )
}

pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "figure"
            | "dl"
            | "dt"
            | "dd"
            | "address"
            | "details"
            | "summary"
            | "center"
            | "fieldset"
            | "form"
            | "hgroup"
            | "body"
            | "html"
            | "caption"
            | "td"
            | "th"
            | "legend"
            | "hr"
    )
}

impl Walker {
    fn walk(&mut self, node: &NodeRef, depth: usize) {
        if node.is_text() {
            self.push_text(&node.text());
            return;
        }
        if !node.is_element() {
            if node.is_document() || node.is_fragment() {
                self.walk_children(node, depth);
            }
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if is_skipped(&name)
            || (self.skip_page_chrome && matches!(name.as_str(), "header" | "footer" | "aside"))
        {
            return;
        }
        if depth > MAX_WALK_DEPTH {
            self.push_text(&node.text());
            return;
        }
        match name.as_str() {
            "br" => self.line_break(),
            "a" => {
                if node.attr("href").is_some_and(|h| {
                    h.trim_start()
                        .to_ascii_lowercase()
                        .starts_with("javascript:")
                }) {
                    return;
                }
                self.in_link += 1;
                self.walk_children(node, depth);
                self.in_link -= 1;
            }
            "ul" | "ol" | "menu" => {
                self.flush();
                let mut list = Block::default();
                // Each item is one line; so is any other element put straight in the list
                // (invalid, but common).
                for child in node.element_children() {
                    add_line(&mut list, self.flattened(&child, depth));
                }
                self.push_block(list);
            }
            "li" | "tr" => {
                // Outside a list or table (broken markup): still one line.
                self.flush();
                let line = if name == "tr" {
                    self.row(node, depth)
                } else {
                    self.flattened(node, depth)
                };
                let mut block = Block::default();
                add_line(&mut block, line);
                self.push_block(block);
            }
            "table" => {
                self.flush();
                if is_layout_table(node) {
                    self.walk_children(node, depth);
                } else {
                    let mut table = Block::default();
                    for caption in node
                        .element_children()
                        .iter()
                        .filter(|c| c.has_name("caption"))
                    {
                        add_line(&mut table, self.flattened(caption, depth));
                    }
                    for row in table_rows(node) {
                        add_line(&mut table, self.row(&row, depth));
                    }
                    self.push_block(table);
                }
                self.flush();
            }
            "pre" => {
                self.flush();
                let raw = node.text();
                let text = raw.trim_matches('\n').trim_end();
                let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                self.push_block(Block {
                    text: text.to_string(),
                    chars,
                    link_chars: 0,
                });
            }
            _ if is_block(&name) => {
                self.flush();
                self.walk_children(node, depth);
                self.flush();
            }
            _ => self.walk_children(node, depth),
        }
    }

    fn walk_children(&mut self, node: &NodeRef, depth: usize) {
        for child in node.children_it(false) {
            self.walk(&child, depth + 1);
        }
    }

    /// The text of `node` as one line: its inner blocks joined by spaces.
    fn flattened(&self, node: &NodeRef, depth: usize) -> Block {
        let mut inner = Walker {
            skip_page_chrome: self.skip_page_chrome,
            ..Walker::default()
        };
        inner.walk_children(node, depth + 1);
        let blocks = inner.finish();
        let text = blocks
            .iter()
            .flat_map(|b| b.text.split('\n'))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Block {
            text,
            chars: blocks.iter().map(|b| b.chars).sum(),
            link_chars: blocks.iter().map(|b| b.link_chars).sum(),
        }
    }

    /// A table row as "cell | cell", empty cells left out.
    fn row(&self, row: &NodeRef, depth: usize) -> Block {
        let mut line = Block::default();
        let cells = row.element_children();
        for cell in cells
            .iter()
            .filter(|c| c.has_name("td") || c.has_name("th"))
        {
            let cell = self.flattened(cell, depth);
            if cell.text.is_empty() {
                continue;
            }
            if !line.text.is_empty() {
                line.text.push_str(" | ");
            }
            line.text.push_str(&cell.text);
            line.chars += cell.chars;
            line.link_chars += cell.link_chars;
        }
        line
    }

    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space
                && !self.current.text.is_empty()
                && !self.current.text.ends_with('\n')
            {
                self.current.text.push(' ');
            }
            self.pending_space = false;
            self.current.text.push(c);
            self.current.chars += 1;
            self.line.0 += 1;
            if self.in_link > 0 {
                self.current.link_chars += 1;
                self.line.1 += 1;
            }
        }
    }

    fn line_break(&mut self) {
        if !self.current.text.is_empty() {
            self.lines.push(std::mem::take(&mut self.line));
            self.current.text.push('\n');
        }
        self.pending_space = false;
    }

    fn flush(&mut self) {
        let mut block = std::mem::take(&mut self.current);
        let mut lines = std::mem::take(&mut self.lines);
        lines.push(std::mem::take(&mut self.line));
        self.pending_space = false;
        let link_only =
            |(chars, link_chars): &(usize, usize)| *chars > 0 && link_chars * 2 > *chars;
        if lines.len() > 1 && !lines.iter().all(link_only) {
            // A paragraph of <br>-separated lines (old CMSs, flattened layout tables): a line
            // that is all link is navigation ("Archive", "Other news"), not text.
            let kept: Vec<(&str, &(usize, usize))> = block
                .text
                .split('\n')
                .zip(&lines)
                .filter(|(_, stats)| !link_only(stats))
                .collect();
            block.chars = kept.iter().map(|(_, s)| s.0).sum();
            block.link_chars = kept.iter().map(|(_, s)| s.1).sum();
            block.text = kept
                .iter()
                .map(|(text, _)| *text)
                .collect::<Vec<_>>()
                .join("\n");
        }
        self.push_block(block);
    }

    fn push_block(&mut self, mut block: Block) {
        let lines: Vec<&str> = block.text.split('\n').map(str::trim).collect();
        block.text = lines.join("\n").trim().to_string();
        if !block.text.is_empty() {
            self.blocks.push(block);
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }
}

pub(super) fn add_line(block: &mut Block, line: Block) {
    if line.text.is_empty() {
        return;
    }
    if !block.text.is_empty() {
        block.text.push('\n');
    }
    block.text.push_str(&line.text);
    block.chars += line.chars;
    block.link_chars += line.link_chars;
}

/// Rows of this table, not of tables nested in it.
pub(super) fn table_rows<'a>(table: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    let mut rows = Vec::new();
    for child in table.element_children() {
        if child.has_name("tr") {
            rows.push(child);
        } else if matches!(
            child.node_name().as_deref(),
            Some("thead" | "tbody" | "tfoot" | "div")
        ) {
            rows.extend(
                child
                    .element_children()
                    .into_iter()
                    .filter(|r| r.has_name("tr")),
            );
        }
    }
    rows
}

/// A table used to lay out the page rather than to hold data: its cells hold paragraphs, lists,
/// headings or other tables. Its cells are read as ordinary blocks.
pub(super) fn is_layout_table(table: &NodeRef) -> bool {
    let has_blocks = dom_query::Selection::from(*table)
        .select("td table, th table, td p, th p, td ul, td ol, td h1, td h2, td h3, td div, th div")
        .exists();
    // A cell holding a long text is a page column, not a data cell.
    let has_long_cell = table_rows(table)
        .iter()
        .flat_map(NodeRef::element_children)
        .any(|cell| cell.text().split_whitespace().count() > 60);
    has_blocks || has_long_cell
}

/// Turns layout tables into `div`s, so that their columns stay separate blocks: Readability
/// flattens table cells into inline content, which would glue a sidebar column to the article.
pub(super) fn unwrap_layout_tables(page: &Dom) {
    for table in page.select("table").nodes() {
        if !is_layout_table(table) {
            continue;
        }
        for child in table.element_children() {
            if matches!(
                child.node_name().as_deref(),
                Some("thead" | "tbody" | "tfoot")
            ) {
                child.rename("div");
            }
        }
        for row in table_rows(table) {
            for cell in row.element_children() {
                cell.rename("div");
            }
            row.rename("div");
        }
        table.rename("div");
    }
}

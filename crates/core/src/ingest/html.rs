//! HTML: main-content extraction and metadata.
//!
//! The page is parsed once with `dom_query`. Metadata is read first, from the untouched page
//! (JSON-LD lives in `<script>` elements, which the cleaning step removes). Then obvious site
//! chrome is removed (scripts, navigation, cookie banners, share bars, newsletter boxes, related
//! links, comments), and Readability (`dom_smoothie`) picks the main content from what is left.
//! Its cleaned HTML is turned into paragraphs by [`Walker`], which knows which elements are
//! blocks. When Readability finds (almost) nothing, the visible text of `<body>` minus page chrome
//! is used instead, so that short or oddly built pages still import.

use super::dates::normalize_date;
use super::head::MetadataLines;
use super::{IngestError, Metadata, Read};
use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability};
use regex::Regex;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Fewer letters than this in the final body means the page has no article.
const MIN_ARTICLE_LETTERS: usize = 40;

/// When Readability's article has fewer letters than this, the plain body text is tried too.
const FALLBACK_BELOW_LETTERS: usize = 250;

/// Readability is quadratic in places; past this many elements the page is read by the plain
/// body walker alone, which is linear.
const MAX_READABILITY_ELEMENTS: usize = 60_000;

/// Readability's scoring walks ancestors for every node; on pages nested deeper than this (no
/// real page is) it would take minutes, so the body walker reads them instead.
const MAX_READABILITY_DEPTH: usize = 400;

/// Elements deeper than this are read as flat text: the walker recurses, and a hostile page of
/// 100 000 nested `<div>`s must not overflow the stack.
const MAX_WALK_DEPTH: usize = 256;

/// Pages nesting elements deeper than this are refused before parsing: the HTML parser's work
/// grows with the square of the depth (20,000 nested `<div>`s take seconds, a million would take
/// hours), and no real article comes near it.
const MAX_SOURCE_DEPTH: usize = 5_000;

pub(super) fn read(html: &str) -> Result<Read, IngestError> {
    if source_depth(html) > MAX_SOURCE_DEPTH {
        return Err(IngestError::Corrupt {
            format: "HTML".into(),
            detail: format!("elements are nested more than {MAX_SOURCE_DEPTH} deep"),
        });
    }
    let page = Dom::from(html);
    let mut metadata = page_metadata(&page);
    unwrap_layout_tables(&page);
    remove_clutter(&page);
    let standfirst = find_standfirst(&page, &metadata);
    let (article_blocks, byline) = if max_depth(&page) <= MAX_READABILITY_DEPTH {
        readability_blocks(&page.html())
    } else {
        (Vec::new(), None)
    };
    let mut blocks = filter_blocks(article_blocks);
    if letters(&blocks) < FALLBACK_BELOW_LETTERS {
        // Readability gave up or picked a tiny fragment: take the visible body text instead when
        // that holds clearly more.
        let fallback = filter_blocks(body_blocks(&page));
        if letters(&fallback) > 2 * letters(&blocks) {
            blocks = fallback;
        }
    }

    if metadata.author.is_none() {
        metadata.author = byline.as_deref().and_then(clean_author);
    }
    let mut blocks = drop_title_and_byline(blocks, &metadata);
    if let Some(standfirst) = standfirst {
        // Readability often leaves out the standfirst, which sits in the page's headline block
        // rather than in the body; readers count it as part of the article.
        let key = word_key(&standfirst.text);
        if !blocks.iter().any(|b| word_key(&b.text).contains(&key)) {
            blocks.insert(0, standfirst);
        }
    }
    if letters(&blocks) < MIN_ARTICLE_LETTERS {
        return Err(IngestError::NoText {
            detail: "no article text found in the page".to_string(),
        });
    }
    let blocks = blocks
        .iter()
        .map(|b| crate::text::normalize(&b.text))
        .filter(|text| !text.is_empty())
        .map(|text| super::blocks::Block::new(text, super::blocks::BlockKind::Prose))
        .collect();
    Ok(Read {
        blocks,
        declared: metadata,
        fallback: Metadata::default(),
        metadata_lines: MetadataLines::Remove,
    })
}

// ---------------------------------------------------------------------------------------------
// Cleaning
// ---------------------------------------------------------------------------------------------

/// Elements that never hold article text.
const CHROME_ELEMENTS: &str = "script, style, noscript, template, iframe, object, embed, svg, \
     canvas, button, select, input, textarea, nav, dialog, link, meta";

/// Hidden elements and page regions that are not the article. A page saved while a dialog was
/// open can carry `aria-hidden="true"` on the whole page, so these go through the same guard as
/// class-named clutter.
const HIDDEN_OR_CHROME_ROLES: &str = "[hidden], [aria-hidden=\"true\"], \
     [role=\"navigation\"], [role=\"search\"], [role=\"dialog\"], [role=\"alertdialog\"], \
     [role=\"menu\"], [role=\"menubar\"], [role=\"complementary\"], [role=\"banner\"], \
     [role=\"contentinfo\"]";

/// Class or id words that mark site clutter. Matched against whole `-`/`_`-separated words, so
/// "share-bar" and "cookie_notice" match but "shareholders" does not. Words that also turn up on
/// content wrappers ("widget" in page builders, "hidden" in utility CSS where `hidden md:block`
/// is visible on a desktop) are deliberately absent; "paywall" and "subscription" can wrap
/// premium body text, which the size guard in [`remove_clutter`] keeps.
static CLUTTER_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    #[rustfmt::skip]
    let words = [
        "ad", "ads", "adslot", "advert", "adverts", "advertisement", "advertising", "banner",
        "breadcrumb", "breadcrumbs", "modal", "newsletter", "newsletters", "outbrain", "overlay",
        "popular", "popup", "promo", "readmore", "recommended", "recommendations", "related",
        "share", "sharing", "sharedaddy", "sidebar", "signup", "social", "sponsor", "sponsored",
        "subscribe", "subscription", "paywall", "taboola", "tags", "toolbar", "trending",
        "sronly", "visuallyhidden", "mostread", "bio", "recirculation",
        // A few non-English ones that are common in class names.
        "pub", "publicidad", "publicite", "partage", "compartir", "werbung",
    ];
    words.into_iter().chain(STRONG_CLUTTER_WORDS).collect()
});

/// Clutter that is removed even when it outweighs the article: a long comment thread is
/// still a comment thread.
#[rustfmt::skip]
const STRONG_CLUTTER_WORDS: [&str; 9] =
    ["comment", "comments", "disqus", "discussion", "replies", "cookie", "cookies", "consent", "gdpr"];

/// Removes what is site chrome on any page, before Readability scores the rest.
fn remove_clutter(page: &Dom) {
    page.select(CHROME_ELEMENTS).remove();
    // Links that run scripts are widgets ("Print", "Share"), not text.
    page.select("a[href^=\"javascript:\" i]").remove();

    let body_len = page.body().map_or(0, |b| visible_len(&b));
    let removable = |node: &NodeRef, strong: bool| {
        // The article's own container is kept whatever its class says ("content has-sidebar",
        // "post comments-open"): it is the element holding the headline or the article.
        if matches!(
            node.node_name().as_deref(),
            Some("html" | "body" | "main" | "article")
        ) {
            return false;
        }
        let sel = dom_query::Selection::from(*node);
        if sel
            .select("h1, article, main, [itemprop=\"articleBody\"]")
            .exists()
        {
            return false;
        }
        // A container holding most of the page is the layout, unless it is surely clutter.
        strong || visible_len(node) * 2 < body_len
    };

    for node in page.select(HIDDEN_OR_CHROME_ROLES).nodes() {
        if removable(node, false) {
            node.remove_from_parent();
        }
    }
    // Display-none content is invisible to the reader.
    for node in page.select("[style]").nodes() {
        let style = node
            .attr("style")
            .unwrap_or_default()
            .to_ascii_lowercase()
            .replace(' ', "");
        let invisible = style.contains("display:none") || style.contains("visibility:hidden");
        if invisible && removable(node, false) {
            node.remove_from_parent();
        }
    }
    // Page header and footer, unless they belong to the article itself.
    for node in page.select("header, footer").nodes() {
        let in_article = node
            .ancestors_it(None)
            .any(|a| matches!(a.node_name().as_deref(), Some("article" | "main")));
        if !in_article && removable(node, false) {
            node.remove_from_parent();
        }
    }
    // Forms are newsletter sign-ups and comment boxes, except on the odd CMS that wraps the
    // whole page in one form; `removable` keeps that one.
    for node in page.select("form, aside").nodes() {
        let clutter = clutter_name(node);
        if removable(node, clutter == Some(true))
            && (node.has_name("form") || clutter.is_some() || link_density(node) > 0.5)
        {
            node.remove_from_parent();
        }
    }
    for node in page.select("[class], [id]").nodes() {
        if let Some(strong) = clutter_name(node) {
            if !removable(node, strong) {
                continue;
            }
            node.remove_from_parent();
        }
    }
    // A kicker ("Port of Castlemere", "Exclusive") sits just above the headline: a section
    // label, not text. Nothing else of the article comes before its headline.
    if let Some(h1) = headline_h1(page) {
        let mut previous = h1.prev_element_sibling();
        while let Some(node) = previous {
            previous = node.prev_element_sibling();
            if node.text().split_whitespace().count() <= 6 {
                node.remove_from_parent();
            }
        }
    }
}

/// The article's headline element: the first `h1` in an `article`, else in `main`, else the
/// first on the page (a logo `h1` in the page header has been removed by then).
fn headline_h1(page: &Dom) -> Option<NodeRef<'_>> {
    ["article h1", "main h1", "h1"]
        .iter()
        .find_map(|sel| page.select(sel).nodes().first().copied())
}

/// The `h1` whose text is the title, else [`headline_h1`].
fn headline_h1_titled<'a>(page: &'a Dom, title: Option<&str>) -> Option<NodeRef<'a>> {
    let title_key = title.map(word_key).filter(|k| !k.is_empty());
    let titled = title_key.and_then(|key| {
        page.select("h1")
            .nodes()
            .iter()
            .find(|h| word_key(&h.text()) == key)
            .copied()
    });
    titled.or_else(|| headline_h1(page))
}

/// Depth of the deepest element, by an explicit stack (recursion could overflow).
/// The deepest nesting of elements in the raw source, counted cheaply without parsing: open tags
/// minus close tags, leaving out void elements, self-closing tags, elements whose end tag may be
/// omitted (a new `<p>` closes the last one), and the insides of comments, scripts and styles.
fn source_depth(html: &str) -> usize {
    const NO_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
        "option", "optgroup", "colgroup", "rb", "rt", "rp", "html", "head", "body", "!doctype",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset;
        let rest = &html[start..];
        // Skip what the parser treats as text.
        let skip_to = |end: &str| rest.find(end).map_or(html.len(), |i| start + i + end.len());
        if rest.starts_with("<!--") {
            at = skip_to("-->");
            continue;
        }
        let lower_name = |from: usize| -> String {
            rest[from..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        let Some(tag_end) = rest.find('>') else { break };
        at = start + tag_end + 1;
        if let Some(name) = rest.strip_prefix("</").map(|_| lower_name(2)) {
            if !name.is_empty() && !NO_NESTING.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let name = lower_name(1);
        if name.is_empty() || NO_NESTING.contains(&name.as_str()) || rest[..tag_end].ends_with('/')
        {
            continue;
        }
        if name == "script" || name == "style" {
            at = at.max(skip_to(&format!("</{name}")));
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    deepest
}

fn max_depth(page: &Dom) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(page.root(), 0)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    deepest
}

/// The standfirst (dek, subheadline): the first sentence-sized paragraph right after the
/// headline, skipping bylines and datelines.
fn find_standfirst(page: &Dom, metadata: &Metadata) -> Option<Block> {
    let h1 = headline_h1_titled(page, metadata.title.as_deref())?;
    let author_key = metadata.author.as_deref().map(word_key).unwrap_or_default();
    let mut next = h1.next_element_sibling();
    for _ in 0..3 {
        let node = next?;
        next = node.next_element_sibling();
        let text = clean_value(&node.text());
        let words = text.split_whitespace().count();
        let byline_like = strip_by_prefix(&text).is_some()
            || DATELINE.is_match(&text)
            || (!author_key.is_empty() && word_key(&text).contains(&author_key))
            || words < 6;
        if byline_like {
            continue;
        }
        let leaf = !dom_query::Selection::from(node)
            .select("p, div, ul, ol, table, h2, h3")
            .exists();
        let kind_ok = matches!(node.node_name().as_deref(), Some("p" | "h2" | "h3" | "div"));
        if !(kind_ok && leaf && words <= 80 && link_density(&node) < 0.3) {
            return None;
        }
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        return Some(Block {
            text,
            chars,
            link_chars: 0,
        });
    }
    None
}

/// Whether the element's class or id names clutter: `Some(true)` for the words in
/// [`STRONG_CLUTTER_WORDS`], `Some(false)` for other clutter words.
fn clutter_name(node: &NodeRef) -> Option<bool> {
    let class = node.attr("class").unwrap_or_default();
    let id = node.attr("id").unwrap_or_default();
    let names = format!("{class} {id}").to_ascii_lowercase();
    let mut found = None;
    for name in names.split_whitespace() {
        // "sr-only" and "visually-hidden" are single concepts; match them whole as well.
        let whole = name.replace(['-', '_'], "");
        for word in name
            .split(['-', '_'])
            .chain(std::iter::once(whole.as_str()))
        {
            if STRONG_CLUTTER_WORDS.contains(&word) {
                return Some(true);
            }
            if CLUTTER_WORDS.contains(word) {
                found = Some(false);
            }
        }
    }
    found
}

/// Characters of text, not counting whitespace.
fn visible_len(node: &NodeRef) -> usize {
    node.text().chars().filter(|c| !c.is_whitespace()).count()
}

fn link_density(node: &NodeRef) -> f64 {
    let total = visible_len(node);
    if total == 0 {
        return 0.0;
    }
    let linked: usize = dom_query::Selection::from(*node)
        .select("a")
        .nodes()
        .iter()
        .map(visible_len)
        .sum();
    linked as f64 / total as f64
}

// ---------------------------------------------------------------------------------------------
// Text extraction
// ---------------------------------------------------------------------------------------------

/// One paragraph-level piece of text, with how much of it is link text.
#[derive(Debug, Clone, Default)]
struct Block {
    text: String,
    chars: usize,
    link_chars: usize,
}

/// Readability's main content as blocks, plus the byline it found. Empty when it fails.
fn readability_blocks(html: &str) -> (Vec<Block>, Option<String>) {
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
fn body_blocks(page: &Dom) -> Vec<Block> {
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
struct Walker {
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
fn is_skipped(name: &str) -> bool {
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

fn is_block(name: &str) -> bool {
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

fn add_line(block: &mut Block, line: Block) {
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
fn table_rows<'a>(table: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
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
fn is_layout_table(table: &NodeRef) -> bool {
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
fn unwrap_layout_tables(page: &Dom) {
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

// ---------------------------------------------------------------------------------------------
// Block filters
// ---------------------------------------------------------------------------------------------

/// Short lines that are widgets or labels, not article text, in the languages we meet most.
static CLUTTER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(
            advertisement | advertising | sponsored | anzeige | werbung | publicidad | publicité
            | pubblicità | реклама | 広告 | إعلان
            | share(\s+(this|on|via|the)\b.*)? | follow\s+us\b.* | sign\s+up\b.* | subscribe\b.*
            | read\s+(more|next|also)\b.* | related(\s+(articles?|stories|content|coverage))?\b.*
            | see\s+also\b.* | more\s+(on|from)\s+this\s+story.* | recommended(\s+for\s+you)?
            | most\s+(read|popular|viewed).* | click\s+here\b.* | print(\s+this\s+article)?
            | (leave\s+a\s+)?comments?(\s*\(\d+\))? | copyright\b.* | ©.* | all\s+rights\s+reserved.*
            | lee\s+también\b.* | te\s+puede\s+interesar.* | compartir\b.* | suscríbete\b.* | más\s+noticias.*
            | lire\s+aussi\b.* | à\s+lire\s+aussi\b.* | partager\b.*
            | lesen\s+sie\s+auch\b.* | mehr\s+zum\s+thema\b.* | teilen\b.*
            | 関連記事.* | あわせて読みたい.* | シェア.*
            | اقرأ\s+أيضا.* | شارك.* | مواضيع\s+ذات\s+صلة.*
        )$",
    )
    .expect("valid regex")
});

/// Drops link lists, widget labels and duplicated text (pull quotes repeat a sentence of the
/// body; the body copy is the one kept).
fn filter_blocks(blocks: Vec<Block>) -> Vec<Block> {
    let kept: Vec<Block> = blocks
        .into_iter()
        .filter(|b| {
            let words = b.text.split_whitespace().count();
            let link_heavy = b.chars > 0 && b.link_chars * 2 > b.chars;
            let label = words <= 12
                && CLUTTER_LINE.is_match(b.text.trim_end_matches([':', '.', '›', '»', '→']).trim());
            !link_heavy && !label
        })
        .collect();

    let keys: Vec<String> = kept.iter().map(|b| word_key(&b.text)).collect();
    let repeats = RepeatFinder::new(&keys);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, block) in kept.into_iter().enumerate() {
        if seen.insert(keys[i].clone()) && !repeats.repeats_another(i) {
            out.push(block);
        }
    }
    out
}

/// Finds short blocks whose wording mostly appears in one longer block: a pull quote or a
/// teaser repeating the body. Compared by word trigrams, because a pull quote drops the "she
/// said" that splits the sentence in the body. An index from trigram to blocks keeps this
/// linear in practice on liveblogs with thousands of entries.
struct RepeatFinder<'a> {
    keys: &'a [String],
    trigrams: Vec<Vec<String>>,
    blocks_with: std::collections::HashMap<String, Vec<usize>>,
}

impl<'a> RepeatFinder<'a> {
    fn new(keys: &'a [String]) -> RepeatFinder<'a> {
        let trigrams: Vec<Vec<String>> = keys.iter().map(|k| trigrams(k)).collect();
        let mut blocks_with: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (j, grams) in trigrams.iter().enumerate() {
            let unique: HashSet<&String> = grams.iter().collect();
            for gram in unique {
                blocks_with.entry(gram.clone()).or_default().push(j);
            }
        }
        RepeatFinder {
            keys,
            trigrams,
            blocks_with,
        }
    }

    fn repeats_another(&self, i: usize) -> bool {
        let own = &self.trigrams[i];
        if own.len() < 4 || own.len() > 60 {
            return false;
        }
        let mut shared: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for gram in own {
            for &j in self.blocks_with.get(gram).into_iter().flatten() {
                if j != i && self.keys[j].len() > self.keys[i].len() {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        shared.values().any(|&n| n * 10 >= own.len() * 7)
    }
}

fn trigrams(key: &str) -> Vec<String> {
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    words.windows(3).map(|w| w.join(" ")).collect()
}

/// Lowercase words joined by single spaces: a comparison key that ignores punctuation and quote
/// marks.
fn word_key(text: &str) -> String {
    crate::text::words(text)
        .map(|w| w.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(published|updated|posted|last\s+updated|first\s+published|publicado|actualizado|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour|公開|更新|نشر|تحديث)\b",
    )
    .expect("valid regex")
});

/// Removes the headline and the byline/date lines at the top of the article, which
/// Readability sometimes keeps: the headline lives in the metadata, and bylines are not body.
fn drop_title_and_byline(blocks: Vec<Block>, metadata: &Metadata) -> Vec<Block> {
    let title_key = metadata.title.as_deref().map(word_key).unwrap_or_default();
    let author_key = metadata.author.as_deref().map(word_key).unwrap_or_default();
    let is_heading_line = |line: &str| {
        let key = word_key(line);
        let words = key.split(' ').count();
        let is_title = !title_key.is_empty() && key == title_key;
        let is_byline = words <= 14
            && ((!author_key.is_empty() && key.contains(&author_key))
                || strip_by_prefix(line).is_some()
                || DATELINE.is_match(line)
                || is_dateline(line));
        is_title || is_byline
    };
    let mut out = Vec::with_capacity(blocks.len());
    for (i, mut block) in blocks.into_iter().enumerate() {
        if i < 4 && out.len() < 3 {
            // Pages built with <br> put headline, byline and first paragraph in one block, so
            // this works line by line from the top.
            let lines: Vec<&str> = block.text.split('\n').collect();
            let skip = lines.iter().take_while(|l| is_heading_line(l)).count();
            if skip == lines.len() {
                continue;
            }
            if skip > 0 {
                block.text = lines[skip..].join("\n");
            }
        }
        out.push(block);
    }
    out
}

fn letters(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| b.text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum()
}

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

/// `<meta>` values by lowercased `property`, `name` or `itemprop`, in page order.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(page: &Dom) -> MetaTags {
        let mut tags = Vec::new();
        for node in page.select("meta[content]").nodes() {
            let content = clean_value(&node.attr("content").unwrap_or_default());
            if content.is_empty() {
                continue;
            }
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(key) = node.attr(key_attr) {
                    tags.push((key.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        MetaTags(tags)
    }

    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.0
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        })
    }

    fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

fn page_metadata(page: &Dom) -> Metadata {
    let meta = MetaTags::read(page);
    let ld = JsonLd::read(page);

    let site_names: Vec<String> = [
        meta.first(&["og:site_name"]),
        ld.publisher.clone(),
        meta.first(&["application-name"]),
        ld.site_name.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let outlet = site_names.first().cloned();

    let h1 = page
        .select("h1")
        .nodes()
        .first()
        .map(|h| clean_value(&h.text()))
        .filter(|t| !t.is_empty());
    let title_element = page
        .select("head title")
        .nodes()
        .first()
        .map(|t| clean_value(&t.text()))
        .map(|t| {
            // "Headline – Some Blog" with an <h1> "Headline": whatever follows the headline is the
            // site's name even when no tag names the site.
            match &h1 {
                Some(h1)
                    if t != *h1
                        && t.starts_with(h1.as_str())
                        && t[h1.len()..].trim_start().starts_with(TITLE_SEPARATORS) =>
                {
                    h1.clone()
                }
                _ => t,
            }
        });
    let title = [
        meta.first(&["og:title"]),
        ld.headline.clone(),
        meta.first(&["twitter:title"]),
        title_element,
        h1,
    ]
    .into_iter()
    .flatten()
    .map(|t| strip_site_name(&t, &site_names))
    .find(|t| !t.is_empty());

    Metadata {
        title,
        outlet,
        author: page_author(page, &meta, &ld),
        published: page_published(page, &meta, &ld),
        url: page_url(page, &meta, &ld),
        language: page_language(page, &meta, &ld),
    }
}

fn page_author(page: &Dom, meta: &MetaTags, ld: &JsonLd) -> Option<String> {
    if !ld.authors.is_empty() {
        return Some(ld.authors.join(" and "));
    }
    let named = meta
        .first(&[
            "author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "dcterms.creator",
            "byl",
        ])
        .and_then(|a| clean_author(&a));
    if named.is_some() {
        return named;
    }
    // article:author is often a profile URL rather than a name.
    let article_authors: Vec<String> = meta
        .all("article:author")
        .iter()
        .filter_map(|a| clean_author(a))
        .collect();
    if !article_authors.is_empty() {
        return Some(join_unique(article_authors));
    }
    let rel_authors: Vec<String> = page
        .select("a[rel~=\"author\"]")
        .nodes()
        .iter()
        .filter_map(|a| clean_author(&a.text()))
        .collect();
    if !rel_authors.is_empty() {
        return Some(join_unique(rel_authors));
    }
    None
}

fn join_unique(names: Vec<String>) -> String {
    let mut unique: Vec<String> = Vec::new();
    for name in names {
        if !unique.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
            unique.push(name);
        }
    }
    unique.join(" and ")
}

/// "By Jane Doe | Staff writer" -> "Jane Doe". `None` for URLs and for text too long to be a
/// byline.
fn clean_author(raw: &str) -> Option<String> {
    let value = clean_value(raw);
    let value = value
        .split(['|', '•', '·', '\n'])
        .next()
        .unwrap_or_default()
        .trim();
    let value = strip_by_prefix(value)
        .unwrap_or(value)
        .trim()
        .trim_end_matches([',', ';', ':'])
        .trim();
    let looks_like_url = value.contains("://") || value.starts_with("www.") || value.contains('/');
    if value.is_empty()
        || looks_like_url
        || value.chars().count() > 100
        || value.split_whitespace().count() > 12
    {
        return None;
    }
    Some(value.to_string())
}

/// The name after a leading "By" (or its equivalent in a few languages), if the text has one.
fn strip_by_prefix(text: &str) -> Option<&str> {
    let text = text.trim();
    let (first, rest) = text.split_once(char::is_whitespace)?;
    let first = first.trim_end_matches(':');
    let is_by = ["by", "por", "von", "par", "door", "av"]
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p));
    (is_by && !rest.trim().is_empty()).then(|| rest.trim())
}

/// A line that is only a date, perhaps with "Published"/"Updated" and a time: "Fri 9 Jan 2026
/// 10.00 GMT", "Updated 9 January 2026". A longer sentence that mentions a date is not one.
fn is_dateline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    normalize_date(line).is_some() && (words <= 6 || (words <= 10 && DATELINE.is_match(line)))
}

/// The publication date. Structured declarations come first (Open Graph, JSON-LD, microdata,
/// named `<meta>` tags); a bare `<time>` element comes last because pages also use it for
/// comment times, related stories and "today" in the masthead.
fn page_published(page: &Dom, meta: &MetaTags, ld: &JsonLd) -> Option<String> {
    let mut candidates: Vec<String> = Vec::new();
    candidates.extend(meta.first(&["article:published_time"]));
    candidates.extend(ld.date_published.clone());
    candidates.extend(meta.first(&["datepublished"]));
    for node in page.select("[itemprop=\"datePublished\"]").nodes() {
        candidates.extend(
            node.attr("datetime")
                .or_else(|| node.attr("content"))
                .map(|v| v.to_string()),
        );
    }
    candidates.extend(meta.first(&[
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.date",
        "parsely-pub-date",
        "sailthru.date",
        "og:published_time",
        "article.published",
    ]));
    // A <time> in the article; the page header's "today" clock is not the publication date.
    let times = page.select(
        "article time[datetime], main time[datetime], time[pubdate][datetime], time[datetime]",
    );
    for node in times.nodes() {
        let in_chrome = node
            .ancestors_it(None)
            .any(|a| matches!(a.node_name().as_deref(), Some("nav" | "footer" | "aside")));
        if !in_chrome {
            candidates.extend(node.attr("datetime").map(|v| v.to_string()));
        }
    }
    candidates.iter().find_map(|c| normalize_date(c))
}

fn page_url(page: &Dom, meta: &MetaTags, ld: &JsonLd) -> Option<String> {
    let canonical = page
        .select("link[rel][href]")
        .nodes()
        .iter()
        .find(|l| {
            l.attr("rel")
                .unwrap_or_default()
                .split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
        })
        .and_then(|l| l.attr("href"))
        .map(|h| h.trim().to_string());
    [canonical, meta.first(&["og:url"]), ld.url.clone()]
        .into_iter()
        .flatten()
        .find(|u| {
            let lower = u.to_ascii_lowercase();
            (lower.starts_with("https://") || lower.starts_with("http://"))
                && !u.contains(char::is_whitespace)
        })
}

fn page_language(page: &Dom, meta: &MetaTags, ld: &JsonLd) -> Option<String> {
    let html_lang = page
        .select("html")
        .nodes()
        .first()
        .and_then(|h| h.attr("lang").or_else(|| h.attr("xml:lang")));
    [
        html_lang.map(|l| l.to_string()),
        meta.first(&["content-language"]),
        meta.first(&["og:locale"]),
        ld.language.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|l| l.trim().replace('_', "-"))
    .find(|l| {
        let valid = l.len() >= 2
            && l.len() <= 35
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        valid && l.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
    })
}

const TITLE_SEPARATORS: [char; 8] = ['|', '-', '–', '—', '·', '•', ':', '｜'];

/// Removes a " | Site Name" / " - Site Name" suffix (or prefix) when it names the site.
fn strip_site_name(title: &str, site_names: &[String]) -> String {
    let title = clean_value(title);
    let matches_site = |part: &str| {
        let part = squash(part);
        !part.is_empty()
            && site_names.iter().map(|s| squash(s)).any(|site| {
                !site.is_empty()
                    && (part == site
                        || (part.len() >= 4 && site.contains(&part))
                        || (site.len() >= 4 && part.contains(&site)))
            })
    };
    for sep in [
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ",
    ] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if matches_site(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if matches_site(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title
}

/// Lowercase letters and digits only: "The Daily-Herald.com" -> "thedailyheraldcom".
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Trims, collapses whitespace and decodes leftover HTML entities (JSON-LD often carries
/// `&amp;` inside its strings).
fn clean_value(raw: &str) -> String {
    let decoded = if raw.contains('&') {
        Dom::fragment(raw).text().to_string()
    } else {
        raw.to_string()
    };
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------------------------

/// What the page's schema.org JSON-LD says about its article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    site_name: Option<String>,
    date_published: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

fn is_article_type(node: &Value) -> bool {
    let is_article = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.ends_with("Article")
            || t.ends_with("BlogPosting")
            || t == "Report"
            || t == "LiveBlogPosting"
    };
    match node.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

fn has_type(node: &Value, wanted: &str) -> bool {
    match node.get("@type") {
        Some(Value::String(t)) => t == wanted,
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some(wanted)),
        _ => false,
    }
}

impl JsonLd {
    fn read(page: &Dom) -> JsonLd {
        let mut nodes: Vec<Value> = Vec::new();
        for script in page.select("script[type]").nodes() {
            let kind = script.attr("type").unwrap_or_default().to_ascii_lowercase();
            if !kind.trim().starts_with("application/ld+json") {
                continue;
            }
            if let Some(value) = parse_json_lenient(&script.text()) {
                flatten_nodes(value, &mut nodes, 0);
            }
        }
        let Some(article) = nodes.iter().find(|n| is_article_type(n)) else {
            // No article node: a WebSite node still names the site.
            let site_name = nodes
                .iter()
                .find(|n| has_type(n, "WebSite"))
                .and_then(|n| string_of(n.get("name")));
            return JsonLd {
                site_name,
                ..JsonLd::default()
            };
        };
        let resolve = |value: &Value| -> Value {
            // In an @graph, author and publisher are often {"@id": …} pointing at another node.
            if let Some(id) = value.get("@id").and_then(Value::as_str) {
                if value.get("name").is_none() {
                    if let Some(target) = nodes.iter().find(|n| {
                        n.get("@id").and_then(Value::as_str) == Some(id) && n.get("name").is_some()
                    }) {
                        return target.clone();
                    }
                }
            }
            value.clone()
        };

        let mut authors = Vec::new();
        match article.get("author") {
            Some(Value::Array(list)) => {
                authors.extend(list.iter().filter_map(|a| author_name(&resolve(a))))
            }
            Some(one) => authors.extend(author_name(&resolve(one))),
            None => {}
        }
        let mut unique: Vec<String> = Vec::new();
        for a in authors {
            if !unique.contains(&a) {
                unique.push(a);
            }
        }
        let publisher = match article.get("publisher") {
            Some(Value::Array(list)) => {
                list.first().and_then(|p| string_of(resolve(p).get("name")))
            }
            Some(Value::String(name)) => Some(clean_value(name)).filter(|n| !n.is_empty()),
            Some(p) => string_of(resolve(p).get("name")),
            None => None,
        };
        let main_entity = article.get("mainEntityOfPage").and_then(|m| match m {
            Value::String(s) => Some(s.clone()),
            other => other
                .get("@id")
                .or_else(|| other.get("url"))
                .and_then(Value::as_str)
                .map(str::to_string),
        });
        JsonLd {
            headline: string_of(article.get("headline")).or_else(|| string_of(article.get("name"))),
            authors: unique,
            publisher,
            site_name: nodes
                .iter()
                .find(|n| has_type(n, "WebSite"))
                .and_then(|n| string_of(n.get("name"))),
            date_published: string_of(article.get("datePublished")),
            url: string_of(article.get("url")).or(main_entity),
            language: string_of(article.get("inLanguage")),
        }
    }
}

fn string_of(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::String(s) => s.clone(),
        Value::Array(list) => list.first()?.as_str()?.to_string(),
        _ => return None,
    };
    Some(clean_value(&text)).filter(|t| !t.is_empty())
}

fn author_name(author: &Value) -> Option<String> {
    match author {
        Value::String(name) => clean_author(name),
        Value::Object(_) => string_of(author.get("name")).and_then(|n| clean_author(&n)),
        _ => None,
    }
}

/// Collects every object node: top-level arrays, `@graph` arrays (nested too) and the objects
/// themselves.
fn flatten_nodes(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                flatten_nodes(item, out, depth + 1);
            }
        }
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_nodes(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// Parses JSON-LD as found in the wild: wrapped in CDATA or HTML comments, with a trailing
/// semicolon, or with raw newlines inside strings (invalid JSON that browsers never check).
fn parse_json_lenient(raw: &str) -> Option<Value> {
    let mut text = raw.trim();
    for (open, close) in [
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
    ] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.trim_end().strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    let text = text.trim_end_matches(';').trim();
    serde_json::from_str(text)
        .ok()
        .or_else(|| serde_json::from_str(&text.replace(['\n', '\r', '\t'], " ")).ok())
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Document, Format};

    /// A page through the HTML reader and the passes every format shares.
    fn read(html: &str) -> Result<Document, IngestError> {
        super::super::read(Format::Html, html.as_bytes())
    }

    #[test]
    fn site_name_suffix_is_removed_only_when_it_names_the_site() {
        let sites = vec!["The Harbour Ledger".to_string()];
        assert_eq!(
            strip_site_name("Port strike ends | The Harbour Ledger", &sites),
            "Port strike ends"
        );
        assert_eq!(
            strip_site_name("Port strike ends - Harbour Ledger", &sites),
            "Port strike ends"
        );
        assert_eq!(
            strip_site_name("The Harbour Ledger – Port strike ends", &sites),
            "Port strike ends"
        );
        assert_eq!(
            strip_site_name("Left - right divide deepens", &sites),
            "Left - right divide deepens"
        );
    }

    #[test]
    fn authors_lose_by_and_urls_are_not_names() {
        assert_eq!(clean_author("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            clean_author("by  Jane Doe | Staff writer").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            clean_author("Por María López").as_deref(),
            Some("María López")
        );
        assert_eq!(clean_author("https://example.com/authors/jane"), None);
        assert_eq!(clean_author("Byron Keel").as_deref(), Some("Byron Keel"));
    }

    fn page(body: &str) -> String {
        format!("<!doctype html><html lang=\"en\"><head><title>Test page</title></head><body>{body}</body></html>")
    }

    const PARAGRAPHS: &str =
        "<p>The harbour authority confirmed on Tuesday that the northern quay will close for \
        repairs until the spring, diverting container traffic to the older southern berths.</p>\
        <p>Dock workers said the decision came without consultation, and their union asked for a \
        meeting with the authority's board before the end of the month.</p>\
        <p>The board said it would publish the engineering survey that led to the closure, which \
        found corrosion in the steel piles that hold up the quay.</p>";

    #[test]
    fn scripts_styles_and_widgets_never_reach_the_body() {
        let html = page(&format!(
            "<script>var tracker = 'SECRETSCRIPT';</script>\
             <style>.x {{ color: red }} /* SECRETSTYLE */</style>\
             <noscript>SECRETNOSCRIPT enable javascript</noscript>\
             <template><p>SECRETTEMPLATE content</p></template>\
             <iframe src=\"https://ads.example\">SECRETIFRAME</iframe>\
             <article><h1>Test page</h1>\
             <div onclick=\"alert('SECRETHANDLER')\">{PARAGRAPHS}</div>\
             <p><a href=\"javascript:window.print()\">SECRETJSLINK Print</a></p>\
             <script type=\"application/json\">{{\"SECRETJSON\": 1}}</script>\
             <p>Tail paragraph.<script>document.write('SECRETINLINE')</script></p>\
             </article>"
        ));
        let doc = read(&html).unwrap();
        assert!(!doc.body.contains("SECRET"), "{}", doc.body);
        assert!(!doc.body.contains("javascript"), "{}", doc.body);
        assert!(
            doc.body.starts_with("The harbour authority confirmed"),
            "{}",
            doc.body
        );
        assert_eq!(doc.body.split("\n\n").count(), 4, "{}", doc.body);
    }

    #[test]
    fn navigation_only_page_has_no_text() {
        let html = page(
            "<header><a href=\"/\">Home</a></header>\
             <nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>\
             <li><a href=\"/culture\">Culture and the arts this week</a></li></ul></nav>\
             <div class=\"menu\"><a href=\"/a\">World</a> <a href=\"/b\">Business</a> <a href=\"/c\">Opinion</a></div>\
             <footer>© 2026 Example Media. All rights reserved.</footer>",
        );
        assert_eq!(
            read(&html),
            Err(IngestError::NoText {
                detail: "no article text found in the page".into()
            })
        );
    }

    #[test]
    fn lists_and_tables_are_one_line_per_item() {
        let html = page(&format!(
            "<article>{PARAGRAPHS}<ul><li>First <b>point</b></li><li><p>Second</p><p>point</p></li></ul>\
             <table><tr><th>Berth</th><th>Depth</th></tr><tr><td>North</td><td>14 m</td></tr></table>\
             <h2>What happens next</h2><p>The survey will be published next week.</p></article>"
        ));
        let doc = read(&html).unwrap();
        assert!(
            doc.body.contains("First point\nSecond point"),
            "{}",
            doc.body
        );
        assert!(
            doc.body.contains("Berth | Depth\nNorth | 14 m"),
            "{}",
            doc.body
        );
        assert!(
            doc.body.contains("\n\nWhat happens next\n\n"),
            "{}",
            doc.body
        );
    }

    #[test]
    fn broken_and_deep_html_does_not_panic() {
        for html in [
            String::new(),
            "<".to_string(),
            "<html><body><p>unclosed <b>bold <i>italic".to_string(),
            "<table><tr><td><table><tr><td>x</table>".to_string(),
            // html5ever's parse is quadratic in nesting depth, so this stays at a few thousand.
            "<div>".repeat(3_000) + "deep text" + &"</div>".repeat(3_000),
            "<p>".repeat(5_000),
            "<script type=\"application/ld+json\">{\"@graph\": [[[[[[[[[[[[{}]]]]]]]]]]]]}</script>".to_string(),
            "\u{0}\u{1}<html>\u{feff}<body>\u{fffd}</body>".to_string(),
        ] {
            let _ = read(&html);
        }
    }

    #[test]
    fn content_wrappers_with_utility_or_builder_classes_survive() {
        let html = page(&format!(
            "<div class=\"elementor-widget elementor-widget-theme-post-content overflow-hidden\">\
             <div class=\"paywall-content\">{PARAGRAPHS}</div></div>\
             <div class=\"comments\"><p>First!</p></div>"
        ));
        let doc = read(&html).unwrap();
        assert!(
            doc.body.starts_with("The harbour authority confirmed"),
            "{}",
            doc.body
        );
        assert!(!doc.body.contains("First!"), "{}", doc.body);
    }

    #[test]
    fn page_saved_with_a_dialog_open_keeps_its_article() {
        // Dialog scripts set aria-hidden on the rest of the page; "Save page" keeps it.
        for wrapper in [
            "<div id=\"page\" aria-hidden=\"true\">",
            "<div hidden style=\"display: none\">",
        ] {
            let html = page(&format!(
                "{wrapper}<div class=\"story\">{PARAGRAPHS}</div></div>\
                 <div role=\"dialog\" class=\"cookie-consent\"><p>We value your privacy and use cookies.</p></div>"
            ));
            let doc = read(&html).unwrap();
            assert!(
                doc.body.starts_with("The harbour authority confirmed"),
                "{}",
                doc.body
            );
            assert!(!doc.body.contains("cookies"), "{}", doc.body);
        }
    }

    #[test]
    fn falls_back_to_body_text_when_readability_finds_little() {
        // Text in bare spans and a single line: nothing for Readability to score.
        let html = page(
            "<nav><a href=\"/\">Home</a></nav><span>Council approves the new bus lanes after a \
             three-hour debate in which residents spoke for and against the plan.</span>",
        );
        let doc = read(&html).unwrap();
        assert!(
            doc.body.starts_with("Council approves the new bus lanes"),
            "{}",
            doc.body
        );
        assert!(!doc.body.contains("Home"));
    }
}

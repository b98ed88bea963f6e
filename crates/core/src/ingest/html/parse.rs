//! The page parsed with bounded cost. HTML's tree builder can do far more work than a page has
//! tags: formatting elements left open (`<b>`, `<font>`…) are opened again in every block that
//! follows, each new one is compared with every one still open, and every tag walks the stack of
//! open elements. A hostile page of 100 KB so takes seconds and gigabytes, and a scan of the
//! source cannot tell in advance: whether a `<b>` is a tag or text depends on the parser's state
//! (inside a `<title>`, a script, an SVG…). So the parser itself is watched: dom_query's own
//! (html5ever, building a dom_query `Document`), fed the page in small pieces through a sink that
//! counts the elements it builds and how deep it nests them, and stopped once it passes what the
//! page's tags account for. A page stopped for building too much is parsed again with its
//! formatting tags taken out: they carry no text, so none is lost.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::Range;

use dom_query::{Document, NodeId};
use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, Attribute, ParseOpts, QualName};

use crate::ingest::IngestError;

/// Pages nesting elements deeper than this are refused: every tag walks the stack of open
/// elements, so the parser's work grows with the square of the depth (20,000 nested `<div>`s
/// take seconds), and no real article comes near it.
pub(super) const MAX_DEPTH: usize = 5_000;

/// The elements a page may build for each `<` in its source, beyond [`SPARE_ELEMENTS`]. A tag
/// builds one element; the parser adds a few of its own (`<tbody>`, a sloppy page's unclosed
/// `<b>` opened again in the next paragraphs). Thirty-nine unclosed formatting tags before
/// 40,000 paragraphs build 1.6 million.
const ELEMENTS_PER_TAG: usize = 4;
const SPARE_ELEMENTS: usize = 1_000;

/// More formatting start tags than real pages have (the longest of Mozilla Readability's 130
/// test pages has 886, all closed). Each new one is compared with every one still open, so
/// thousands left open cost millions of comparisons before any element is built twice: such a
/// page is parsed without them from the start.
const MAX_FORMATTING_TAGS: usize = 1_000;

/// What the parser is fed at a time: the sink is checked between pieces, and one piece of tags
/// can build at most a few hundred thousand elements.
const PIECE_BYTES: usize = 512;

/// Formatting elements: the ones the parser opens again in every block that follows while they
/// are left open (HTML's "reconstruct the active formatting elements"). `<a>` is left out: a new
/// `<a>` closes the last one, so they never pile up.
const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// The page as a dom_query document, its parsing bounded (see the module's comment).
pub(super) fn parse(html: &str) -> Result<Document, IngestError> {
    let too_many_formatting_tags = formatting_tags(html)
        .filter(|tag| !tag.closing)
        .nth(MAX_FORMATTING_TAGS)
        .is_some();
    let parsed = if too_many_formatting_tags {
        parse_watched(&without_formatting(html))
    } else {
        match parse_watched(html) {
            Err(Stopped::TooManyElements) => parse_watched(&without_formatting(html)),
            parsed => parsed,
        }
    };
    parsed.map_err(|stopped| IngestError::Corrupt {
        format: "HTML".into(),
        detail: match stopped {
            Stopped::TooDeep => format!("elements are nested more than {MAX_DEPTH} deep"),
            Stopped::TooManyElements => "it builds far more elements than it has tags".into(),
        },
    })
}

/// Why the parser was stopped.
#[derive(Debug)]
enum Stopped {
    TooManyElements,
    TooDeep,
}

fn parse_watched(html: &str) -> Result<Document, Stopped> {
    let tags = html.bytes().filter(|&b| b == b'<').count();
    let watch = Watch {
        document: Document::default(),
        elements: Cell::new(0),
        max_elements: ELEMENTS_PER_TAG * tags + SPARE_ELEMENTS,
        depths: RefCell::default(),
        deepest: Cell::new(0),
    };
    // dom_query's own options: scripts are not run, so `<noscript>` holds markup.
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut parser = parse_document(watch, opts);
    for piece in pieces(html, PIECE_BYTES) {
        parser.process(StrTendril::from_slice(piece));
        let watch = &parser.tokenizer.sink.sink;
        if watch.deepest.get() > MAX_DEPTH {
            return Err(Stopped::TooDeep);
        }
        if watch.elements.get() > watch.max_elements {
            return Err(Stopped::TooManyElements);
        }
    }
    Ok(parser.finish())
}

/// The text in pieces of about `size` bytes, cut between characters.
fn pieces(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = size.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// A formatting tag of the source.
struct FormattingTag {
    /// `<` to the first `>`.
    range: Range<usize>,
    closing: bool,
}

/// Every formatting tag of the source, `<b …>` and `</b>` in any case, found by its name alone
/// wherever it stands (in a script, a comment or a title too), so that none the parser sees as a
/// tag is missed. Linear: the `>` that ends one is found once for all that share it.
fn formatting_tags(html: &str) -> impl Iterator<Item = FormattingTag> + '_ {
    let bytes = html.as_bytes();
    let mut next_close: Option<usize> = None;
    html.match_indices('<').filter_map(move |(start, _)| {
        let closing = bytes.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let is_formatting = FORMATTING.iter().any(|name| {
            let after = name_start + name.len();
            bytes
                .get(name_start..after)
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
                // What ends a tag's name for the parser: white space, `/` or `>`.
                && matches!(bytes.get(after), Some(b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
        });
        if !is_formatting {
            return None;
        }
        if next_close.is_none_or(|close| close < start) {
            let close = bytes[start..].iter().position(|&b| b == b'>');
            next_close = Some(close.map_or(bytes.len(), |at| start + at));
        }
        // A `<` with no `>` after it is no tag: the parser drops it at the end of the page.
        let close = next_close.filter(|&close| close < bytes.len())?;
        Some(FormattingTag {
            range: start..close + 1,
            closing,
        })
    })
}

/// The source with its formatting tags taken out, each from its `<` to its first `>`. They carry
/// no text; where one stood inside a script or an attribute, only that text changes.
fn without_formatting(html: &str) -> String {
    let mut kept = String::with_capacity(html.len());
    let mut copied = 0;
    for tag in formatting_tags(html) {
        if tag.range.start < copied {
            continue; // inside the last one taken out
        }
        kept.push_str(&html[copied..tag.range.start]);
        copied = tag.range.end;
    }
    kept.push_str(&html[copied..]);
    kept
}

/// dom_query's document as the parser's sink, counting the elements built and the depth of each
/// node as it is placed. The depth is the parent's plus one when it is placed; children moved to
/// a new parent later keep theirs, which is near enough to bound the work.
struct Watch {
    document: Document,
    elements: Cell<usize>,
    max_elements: usize,
    depths: RefCell<HashMap<NodeId, usize>>,
    deepest: Cell<usize>,
}

impl Watch {
    fn depth(&self, node: &NodeId) -> usize {
        self.depths.borrow().get(node).copied().unwrap_or(0)
    }

    fn placed(&self, child: &NodeOrText<NodeId>, depth: usize) {
        if let NodeOrText::AppendNode(node) = child {
            self.depths.borrow_mut().insert(*node, depth);
            self.deepest.set(self.deepest.get().max(depth));
        }
    }
}

impl TreeSink for Watch {
    type Handle = NodeId;
    type Output = Document;
    type ElemName<'a> = <Document as TreeSink>::ElemName<'a>;

    fn finish(self) -> Document {
        self.document
    }

    fn parse_error(&self, msg: std::borrow::Cow<'static, str>) {
        self.document.parse_error(msg)
    }

    fn get_document(&self) -> NodeId {
        self.document.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.document.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.elements.set(self.elements.get() + 1);
        self.document.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.document.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.document.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.placed(&child, self.depth(parent) + 1);
        self.document.append(parent, child)
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        // Either beside `element` or inside `prev_element`: the deeper of the two.
        self.placed(
            &child,
            self.depth(element).max(self.depth(prev_element) + 1),
        );
        self.document
            .append_based_on_parent_node(element, prev_element, child)
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.document
            .append_doctype_to_document(name, public_id, system_id)
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.document.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.document.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.document.set_quirks_mode(mode)
    }

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        self.placed(&child, self.depth(sibling));
        self.document.append_before_sibling(sibling, child)
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.document.add_attrs_if_missing(target, attrs)
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.document.remove_from_parent(target)
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.document.reparent_children(node, new_parent)
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.document
            .is_mathml_annotation_xml_integration_point(handle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elements(page: &Document) -> usize {
        page.select("*").length()
    }

    fn paragraphs(count: usize) -> String {
        (0..count)
            .map(|i| format!("<p>Paragraph {i} of the story.</p>"))
            .collect()
    }

    #[test]
    fn a_sloppy_page_is_parsed_as_it_is() {
        let sloppy = "<p><b>bold<p><i>italic</i> and <font size=2>small</p>";
        let page = parse(sloppy).unwrap();
        assert_eq!(page.select("b").length(), 2, "{}", page.html());
        assert_eq!(page.select("font").length(), 1);
    }

    #[test]
    fn formatting_left_open_by_the_thousand_is_taken_out_and_the_text_kept() {
        let bomb: String = (0..4000).map(|i| format!("<b id=b{i}>")).collect();
        let page = parse(&format!("<p>{bomb}</p>{}", paragraphs(2000))).unwrap();
        assert_eq!(page.select("b").length(), 0);
        assert_eq!(page.select("p").length(), 2001);
        assert!(page.text().contains("Paragraph 1999 of the story."));
    }

    #[test]
    fn formatting_hidden_from_a_scan_of_the_source_is_still_bounded() {
        // An unclosed script inside a title: the title's text ends at `</title>`, and the
        // thousands of `<b>` tags after it are tags. A scan that took `<script>` for a tag hid
        // them (1.3 s for 107 KB).
        let bomb: String = (0..3000).map(|i| format!("<b id=b{i}>")).collect();
        let html = format!(
            "<html><head><title>A <script> in a title</title></head><body>{bomb}{}</body></html>",
            paragraphs(2000)
        );
        let page = parse(&html).unwrap();
        assert!(elements(&page) < 10_000, "{} elements", elements(&page));
        assert!(page.text().contains("Paragraph 1999 of the story."));
    }

    #[test]
    fn a_few_identical_formatting_tags_before_many_blocks_are_bounded() {
        // The parser keeps at most three identical open formatting elements of each name, but
        // reopens all 39 in each of 40,000 paragraphs: 1.6 million elements, 9 s.
        let open: String = FORMATTING
            .iter()
            .map(|name| format!("<{name}>").repeat(3))
            .collect();
        let html = format!("<p>{open}{}", "<p>x".repeat(40_000));
        let page = parse(&html).unwrap();
        assert!(elements(&page) < 50_000, "{} elements", elements(&page));
        assert_eq!(page.select("p").length(), 40_001);
    }

    #[test]
    fn nesting_past_the_limit_is_refused_whatever_hides_it() {
        let deep = format!("<body>{}deep</body>", "<div>".repeat(200_000));
        let hidden = format!("<title>a <!-- b</title>{}-->", "<div>".repeat(20_000));
        for html in [deep, hidden] {
            let Err(IngestError::Corrupt { detail, .. }) = parse(&html) else {
                panic!("a page nested past {MAX_DEPTH} was parsed");
            };
            assert_eq!(detail, "elements are nested more than 5000 deep");
        }
    }

    #[test]
    fn formatting_tags_are_found_by_name_in_any_case_and_nothing_else() {
        let html = "a<b>b</B > <STRONG\nclass=x>c</strong><br><bdi>d</bdi> e<bold f<b/>g<i";
        assert_eq!(without_formatting(html), "ab c<br><bdi>d</bdi> e<bold fg<i");
        // A `<` with no `>` after it ends nothing; a tag inside another is taken out with it.
        assert_eq!(without_formatting("<b <i>x"), "x");
        assert_eq!(formatting_tags("<b <b <b").count(), 0);
    }
}

//! The raw page, read before parsing: the HTML parser's cost can grow with the square of what a
//! hostile page nests or leaves open, so those are measured (and defused) on the source text
//! with a cheap scan of its tags.

use std::borrow::Cow;
use std::ops::Range;

/// One tag of the source.
struct Tag {
    /// Its bytes, `<` to `>`.
    range: Range<usize>,
    /// The element name, lowercase.
    name: String,
    /// `</name>`.
    closing: bool,
    /// `<name/>`.
    self_closing: bool,
}

/// The tags of the source in order, leaving out comments and the insides of scripts and styles
/// (which the parser treats as text).
fn tags(html: &str) -> impl Iterator<Item = Tag> + '_ {
    let bytes = html.as_bytes();
    let mut at = 0usize;
    std::iter::from_fn(move || loop {
        let start = at + bytes[at..].iter().position(|&b| b == b'<')?;
        let rest = &html[start..];
        // Case-insensitive: `</SCRIPT>` ends a script as `</script>` does.
        let skip_to = |end: &str| {
            rest.as_bytes()
                .windows(end.len())
                .position(|w| w.eq_ignore_ascii_case(end.as_bytes()))
                .map_or(html.len(), |i| start + i + end.len())
        };
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
        let tag_end = rest.find('>')?;
        at = start + tag_end + 1;
        let closing = rest.starts_with("</");
        let name = lower_name(if closing { 2 } else { 1 });
        if name.is_empty() {
            continue;
        }
        if !closing && (name == "script" || name == "style") {
            // Its end tag goes with its text: neither opens nor closes anything here.
            at = at.max(skip_to(&format!("</{name}")));
        }
        return Some(Tag {
            range: start..at,
            self_closing: !closing && rest[..tag_end].ends_with('/'),
            name,
            closing,
        });
    })
}

/// The deepest nesting of elements in the raw source, counted cheaply without parsing: open tags
/// minus close tags, leaving out void elements, self-closing tags, elements whose end tag may be
/// omitted (a new `<p>` closes the last one), and the insides of comments, scripts and styles.
pub(super) fn source_depth(html: &str) -> usize {
    const NO_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
        "option", "optgroup", "colgroup", "rb", "rt", "rp", "html", "head", "body", "!doctype",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in tags(html) {
        if NO_NESTING.contains(&tag.name.as_str()) || tag.self_closing {
            continue;
        }
        if tag.closing {
            depth = depth.saturating_sub(1);
        } else if tag.name != "script" && tag.name != "style" {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Formatting elements the parser re-opens in every block that follows while they are left open
/// (HTML's "reconstruct the active formatting elements"). `<a>` is not among them here: a new
/// `<a>` closes the last one, so they never pile up.
const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// More formatting elements left open at once than any real page has (a sloppy one leaves a
/// handful). Thousands, each with its own attributes, make the parser copy all of them into
/// every paragraph that follows: 4,000 before 2,000 paragraphs is 8 million elements.
const MAX_OPEN_FORMATTING: usize = 64;

/// The source with its bold, italic, font and like tags taken out when it leaves more than
/// [`MAX_OPEN_FORMATTING`] of them open; unchanged otherwise. They carry no text, so none is lost.
pub(super) fn defuse_formatting(html: &str) -> Cow<'_, str> {
    let is_formatting = |tag: &Tag| FORMATTING.contains(&tag.name.as_str());
    // Counted per name: a stray `</i>` closes no `<b>`.
    let mut open: std::collections::HashMap<String, usize> = Default::default();
    let mut total = 0usize;
    let piles_up = tags(html).filter(is_formatting).any(|tag| {
        let count = open.entry(tag.name).or_default();
        if tag.closing && *count > 0 {
            *count -= 1;
            total -= 1;
        } else if !tag.closing && !tag.self_closing {
            *count += 1;
            total += 1;
        }
        total > MAX_OPEN_FORMATTING
    });
    if !piles_up {
        return Cow::Borrowed(html);
    }
    let mut defused = String::with_capacity(html.len());
    let mut copied = 0;
    for tag in tags(html).filter(is_formatting) {
        defused.push_str(&html[copied..tag.range.start]);
        copied = tag.range.end;
    }
    defused.push_str(&html[copied..]);
    Cow::Owned(defused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_skips_comments_scripts_and_optional_end_tags() {
        let html = "<div><!-- <div><div> --><script>if (a<b) {}</script><p>a<p>b<div>c</div></div>";
        assert_eq!(source_depth(html), 2);
    }

    #[test]
    fn formatting_left_open_by_the_thousand_is_taken_out_and_the_text_kept() {
        let bomb: String = (0..1000).map(|i| format!("<b id=b{i}>")).collect();
        let html = format!("<p>{bomb}</p><p>first</p><p>second <i>kept</i></p>");
        assert_eq!(
            defuse_formatting(&html),
            "<p></p><p>first</p><p>second kept</p>"
        );
        let sloppy = "<p><b>bold<p><i>italic</i> and <font size=2>small</p>";
        assert!(matches!(defuse_formatting(sloppy), Cow::Borrowed(_)));
        // Stray end tags of another name close nothing; an upper-case script hides nothing.
        let strays: String = (0..1000).map(|i| format!("<b id=b{i}></i>")).collect();
        assert!(matches!(defuse_formatting(&strays), Cow::Owned(_)));
        let shouted = format!("<SCRIPT>x</SCRIPT>{bomb}");
        assert!(matches!(defuse_formatting(&shouted), Cow::Owned(_)));
    }
}

//! HTML: main-content extraction and metadata.
//!
//! The page is parsed once with `dom_query`. Metadata is read first, from the untouched page
//! (JSON-LD lives in `<script>` elements, which the cleaning step removes). Then obvious site
//! chrome is removed (scripts, navigation, cookie banners, share bars, newsletter boxes, related
//! links, comments; but a "read more" box holding paragraphs of prose stays), and Readability
//! (`dom_smoothie`) picks the main content from what is left; the prose just before or after
//! what it kept, in the same container, is put back (`split`: pages that cut their body in two).
//! Its cleaned HTML is turned into paragraphs by `walker::Walker`, which knows which elements are
//! blocks. When Readability finds (almost) nothing, the visible text of `<body>` minus page chrome
//! is used instead, so that short or oddly built pages still import. The blocks then go through
//! the passes every format shares (head, dateline, clutter).
//!
//! The steps, by module: `parse` (the page parsed with bounded cost), `metadata` (the page's own
//! declarations), `clean` (chrome out before Readability), `walker` (DOM to paragraphs), `split`
//! (the rest of a split body), `filters` (widgets, repeats, headline lines).

mod clean;
mod filters;
mod metadata;
mod parse;
mod split;
mod walker;

use super::head::MetadataLines;
use super::{IngestError, Metadata, Read};
use clean::{find_standfirst, max_depth, remove_clutter};
use filters::{drop_title_and_byline, filter_blocks, letters, word_key};
use metadata::{clean_author, page_metadata};
use walker::{body_blocks, readability_blocks, unwrap_layout_tables};

/// Fewer letters than this in the final body means the page has no article.
const MIN_ARTICLE_LETTERS: usize = 40;

/// When Readability's article has fewer letters than this, the plain body text is tried too.
const FALLBACK_BELOW_LETTERS: usize = 250;

/// Readability's scoring walks ancestors for every node; on pages nested deeper than this (no
/// real page is) it would take minutes, so the body walker reads them instead.
const MAX_READABILITY_DEPTH: usize = 400;

pub(super) fn read(html: &str) -> Result<Read, IngestError> {
    let page = parse::parse(html)?;
    let mut metadata = page_metadata(&page);
    unwrap_layout_tables(&page);
    remove_clutter(&page);
    let standfirst = find_standfirst(&page, &metadata);
    let (article_blocks, byline) = if max_depth(&page) <= MAX_READABILITY_DEPTH {
        readability_blocks(&page.html())
    } else {
        (Vec::new(), None)
    };
    let mut blocks = filter_blocks(split::recover_split_body(&page, article_blocks));
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

#[cfg(test)]
mod tests {

    use super::metadata::*;

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

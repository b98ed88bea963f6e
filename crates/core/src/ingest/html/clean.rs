//! Cleaning the page before Readability: site chrome removed (scripts, navigation, cookie
//! banners, share bars, newsletter boxes, related links, comments, hidden elements), with a guard
//! that keeps any container holding the headline or most of the text; layout tables unwrapped;
//! the standfirst found next to the headline.

use super::filters::{word_key, DATELINE};
use super::metadata::{clean_value, strip_by_prefix};
use super::walker::Block;
use crate::ingest::Metadata;
use dom_query::{Document as Dom, NodeRef};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Elements that never hold article text.
pub(super) const CHROME_ELEMENTS: &str =
    "script, style, noscript, template, iframe, object, embed, svg, \
     canvas, button, select, input, textarea, nav, dialog, link, meta";

/// Hidden elements and page regions that are not the article. A page saved while a dialog was
/// open can carry `aria-hidden="true"` on the whole page, so these go through the same guard as
/// class-named clutter.
pub(super) const HIDDEN_OR_CHROME_ROLES: &str = "[hidden], [aria-hidden=\"true\"], \
     [role=\"navigation\"], [role=\"search\"], [role=\"dialog\"], [role=\"alertdialog\"], \
     [role=\"menu\"], [role=\"menubar\"], [role=\"complementary\"], [role=\"banner\"], \
     [role=\"contentinfo\"]";

/// Class or id words that mark site clutter. Matched against whole `-`/`_`-separated words, so
/// "share-bar" and "cookie_notice" match but "shareholders" does not. Words that also turn up on
/// content wrappers ("widget" in page builders, "hidden" in utility CSS where `hidden md:block`
/// is visible on a desktop) are deliberately absent; "paywall" and "subscription" can wrap
/// premium body text, which the size guard in [`remove_clutter`] keeps.
pub(super) static CLUTTER_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
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

/// Parts of class or id names of containers that pages split the article's body into ("read-
/// more", "promo", a paywalled rest): spared when they hold prose.
const SPLIT_BODY_NAMES: [&str; 5] = ["more", "promo", "paywall", "subscription", "premium"];

/// Clutter that is removed even when it outweighs the article: a long comment thread is
/// still a comment thread.
#[rustfmt::skip]
pub(super) const STRONG_CLUTTER_WORDS: [&str; 9] =
    ["comment", "comments", "disqus", "discussion", "replies", "cookie", "cookies", "consent", "gdpr"];

/// Removes what is site chrome on any page, before Readability scores the rest.
pub(super) fn remove_clutter(page: &Dom) {
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
            // A "read-more" box or a "promo" wrapper holding paragraphs of prose is the rest of
            // the article, split off by the page (teasers are short and mostly links).
            let splits_body = {
                let names = format!(
                    "{} {}",
                    node.attr("class").unwrap_or_default(),
                    node.attr("id").unwrap_or_default()
                )
                .to_ascii_lowercase();
                SPLIT_BODY_NAMES.iter().any(|w| names.contains(w))
            };
            if !removable(node, strong) || (!strong && splits_body && holds_prose(node)) {
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
pub(super) fn headline_h1(page: &Dom) -> Option<NodeRef<'_>> {
    ["article h1", "main h1", "h1"]
        .iter()
        .find_map(|sel| page.select(sel).nodes().first().copied())
}

/// The `h1` whose text is the title, else [`headline_h1`].
pub(super) fn headline_h1_titled<'a>(page: &'a Dom, title: Option<&str>) -> Option<NodeRef<'a>> {
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
pub(super) fn max_depth(page: &Dom) -> usize {
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
pub(super) fn find_standfirst(page: &Dom, metadata: &Metadata) -> Option<Block> {
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
pub(super) fn clutter_name(node: &NodeRef) -> Option<bool> {
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

/// Whether an element holds article prose: two or more paragraphs of 20 words or more that end
/// like sentences and are not mostly link text.
fn holds_prose(node: &NodeRef) -> bool {
    let paragraphs = dom_query::Selection::from(*node).select("p");
    paragraphs
        .nodes()
        .iter()
        .filter(|p| {
            let text = p.text();
            let text = text.trim();
            let links: usize = dom_query::Selection::from(**p)
                .select("a")
                .nodes()
                .iter()
                .map(|a| a.text().chars().count())
                .sum();
            text.split_whitespace().count() >= 20
                && text.ends_with(['.', '!', '?', '"', '”', '’'])
                && links * 4 < text.chars().count()
        })
        .count()
        >= 2
}

/// Characters of text, not counting whitespace.
pub(super) fn visible_len(node: &NodeRef) -> usize {
    node.text().chars().filter(|c| !c.is_whitespace()).count()
}

pub(super) fn link_density(node: &NodeRef) -> f64 {
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

//! Site clutter, for every format: lines that are page furniture ("Share This Article",
//! "Subscribe …", "© 2026 …", "Source: https://…") are marked as boilerplate wherever they are.
//! At the end of the article, once a clear tail marker is found, everything after it that is
//! short, a bio ("Jane Doe is a former diplomat …") or inside an "About Us" block is boilerplate
//! too. Boilerplate is marked, never deleted, and always covers whole paragraphs.
//!
//! Everything errs on the side of keeping text as content: a missed share button costs a few
//! words in a comparison, a real paragraph marked as clutter hides part of the article. A tail
//! marker followed only by short lines (a closing list of bullet points after "Follow us on X")
//! marks those lines as clutter.

use super::blocks::{Block, BlockKind};
use super::Metadata;
use regex::Regex;
use std::sync::LazyLock;

/// How a clutter line relates to the end of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    /// Page furniture that can sit anywhere ("Advertisement", "Read more: …").
    Inline,
    /// Furniture that comes after the article ("Share This Article", "About Us", "Leave a
    /// Comment"): from here on, short lines and bios are clutter too.
    Tail,
}

/// Whether a single line is page furniture. Each pattern has a word limit so that a sentence
/// that happens to start like a button ("Subscribers to the service said…") stays content.
pub(super) fn is_marker(text: &str) -> Option<Marker> {
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
pub(super) fn url_line(text: &str) -> Option<(String, bool)> {
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
fn is_short_non_sentence(p: &Block) -> bool {
    matches!(
        p.kind,
        BlockKind::Prose | BlockKind::Heading(_) | BlockKind::List
    ) && p.text.split('\n').all(|line| {
        let line = line.trim();
        line.split_whitespace().count() <= 15
            && (!line.ends_with('.') || line.ends_with("...") || line.ends_with('…'))
    })
}

/// Marks clutter lines anywhere, then the trailing block: the earliest tail marker after which
/// every paragraph is clutter, short, a bio, or part of an "About Us" block.
pub(super) fn mark_clutter(blocks: &mut [Block], meta: &mut Metadata) {
    let kept: Vec<usize> = (0..blocks.len()).filter(|&i| !blocks[i].removed).collect();
    let mut labelled_url = None;
    let mut bare_url = None;
    for (pos, &i) in kept.iter().enumerate() {
        let p = &mut blocks[i];
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
    if meta.url.is_none() {
        meta.url = labelled_url.or(bare_url);
    }
    // Trailing clutter sits in the last few dozen paragraphs; looking only there keeps this
    // linear on a huge file full of share buttons.
    const TAIL_WINDOW: usize = 60;
    let window_start = kept.len().saturating_sub(TAIL_WINDOW);
    for (pos, &start) in kept.iter().enumerate().skip(window_start) {
        let p = &blocks[start];
        let is_tail_start = p.is_line()
            && (is_marker(&p.text) == Some(Marker::Tail) || url_line(&p.text).is_some());
        if !is_tail_start {
            continue;
        }
        let mut in_about = is_about_heading(&p.text);
        let all_clutter = kept[pos + 1..].iter().all(|&j| {
            let p = &blocks[j];
            let eligible = p.clutter
                || is_short_non_sentence(p)
                || (p.kind == BlockKind::Prose && is_bio(&p.text))
                || (in_about
                    && p.kind == BlockKind::Prose
                    && p.text.split_whitespace().count() <= 150);
            in_about |= p.is_line() && is_about_heading(&p.text);
            eligible
        });
        if all_clutter {
            for &j in &kept[pos..] {
                blocks[j].clutter = true;
            }
            return;
        }
    }
}

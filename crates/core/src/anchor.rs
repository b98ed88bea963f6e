//! Text anchors for notes, the W3C Web Annotation way: a quote with some context
//! (`TextQuoteSelector`) plus its byte position (`TextPositionSelector`).
//!
//! The position is fast and exact while the body is unchanged; the quote and its context let a
//! note find its passage again after the body was edited or re-imported. When neither works the
//! note is orphaned: [`resolve`] returns `None` and the caller shows it apart, never drops it.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How many characters of context [`describe`] keeps on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// `TextQuoteSelector`: the quoted text and the text right before and after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuote {
    /// The quoted text, as it was in the body.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters before it.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after it.
    pub suffix: String,
}

/// `TextPositionSelector`: byte offsets of the quote in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPosition {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Both selectors of one passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The quote with its context.
    pub quote: TextQuote,
    /// Where it was.
    pub position: TextPosition,
}

/// What the UI knows about a selection besides its text; every part is optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hint<'a> {
    /// Text right before the selection.
    pub prefix: Option<&'a str>,
    /// Text right after the selection.
    pub suffix: Option<&'a str>,
    /// A byte offset near the selection's start (breaks ties between equally good matches).
    pub near: Option<usize>,
}

/// Why a selection could not be located.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocateError {
    /// The selection has no visible text.
    #[error("the selected text is empty")]
    Empty,
    /// The text is not in the body, not even with different white space.
    #[error("the selected text is not in the body")]
    NotFound,
}

/// The anchor of `range` in `body`. The range is widened to character boundaries if needed.
pub fn describe(body: &str, range: Range<usize>) -> Anchor {
    let start = crate::text::floor_char_boundary(body, range.start);
    let end = ceil_boundary(body, range.end.clamp(start, body.len()));
    let before = &body[..start];
    let prefix_start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let after = &body[end..];
    let suffix_end = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    Anchor {
        quote: TextQuote {
            exact: body[start..end].to_string(),
            prefix: before[prefix_start..].to_string(),
            suffix: after[..suffix_end].to_string(),
        },
        position: TextPosition { start, end },
    }
}

/// Finds `selected` in `body`. Every exact occurrence is a candidate; when there is none, the
/// text is matched again with any run of white space standing for any other (a selection copied
/// from the rendered page has its line breaks and spaces changed). The candidate whose
/// surroundings best match the hint's prefix and suffix wins, then the one nearest the hint's
/// position, then the first.
pub fn locate(
    body: &str,
    selected: &str,
    hint: Option<Hint<'_>>,
) -> Result<Range<usize>, LocateError> {
    if selected.trim().is_empty() {
        return Err(LocateError::Empty);
    }
    let mut candidates: Vec<Range<usize>> = body
        .match_indices(selected)
        .map(|(i, m)| i..i + m.len())
        .collect();
    if candidates.is_empty() {
        candidates = whitespace_insensitive_matches(body, selected);
    }
    let hint = hint.unwrap_or_default();
    best(body, candidates, &hint).ok_or(LocateError::NotFound)
}

/// Where the anchored passage is in `body` now: its old position when that still holds the
/// quote, else the occurrence of the quote that best fits its context, else `None` (orphaned).
pub fn resolve(body: &str, anchor: &Anchor) -> Option<Range<usize>> {
    let TextPosition { start, end } = anchor.position;
    if body.get(start..end) == Some(anchor.quote.exact.as_str()) {
        return Some(start..end);
    }
    locate(
        body,
        &anchor.quote.exact,
        Some(Hint {
            prefix: Some(&anchor.quote.prefix),
            suffix: Some(&anchor.quote.suffix),
            near: Some(start),
        }),
    )
    .ok()
}

/// Matches of `selected` where white space in it matches any run of white space in the body.
fn whitespace_insensitive_matches(body: &str, selected: &str) -> Vec<Range<usize>> {
    let words: Vec<String> = selected.split_whitespace().map(regex::escape).collect();
    let Ok(pattern) = regex::Regex::new(&words.join(r"\s+")) else {
        return Vec::new();
    };
    pattern.find_iter(body).map(|m| m.range()).collect()
}

fn best(body: &str, candidates: Vec<Range<usize>>, hint: &Hint<'_>) -> Option<Range<usize>> {
    // max_by_key keeps the last of equal keys, so the key prefers earlier candidates explicitly.
    candidates
        .into_iter()
        .enumerate()
        .max_by_key(|(index, range)| {
            let context = hint
                .prefix
                .map_or(0, |p| common_suffix_chars(&body[..range.start], p))
                + hint
                    .suffix
                    .map_or(0, |s| common_prefix_chars(&body[range.end..], s));
            let distance = hint.near.map_or(0, |n| n.abs_diff(range.start));
            (
                context,
                std::cmp::Reverse(distance),
                std::cmp::Reverse(*index),
            )
        })
        .map(|(_, range)| range)
}

/// How many characters at the end of `text` equal the end of `context`, white space runs
/// counting as one space (the context may come from the rendered page).
fn common_suffix_chars(text: &str, context: &str) -> usize {
    let a = squeeze(text.chars().rev());
    let b = squeeze(context.chars().rev());
    a.zip(b).take_while(|(x, y)| x == y).count()
}

/// How many characters at the start of `text` equal the start of `context`.
fn common_prefix_chars(text: &str, context: &str) -> usize {
    let a = squeeze(text.chars());
    let b = squeeze(context.chars());
    a.zip(b).take_while(|(x, y)| x == y).count()
}

/// The characters with every run of white space turned into one space.
fn squeeze(chars: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    let mut previous_space = false;
    chars.filter_map(move |c| {
        if c.is_whitespace() {
            let keep = !previous_space;
            previous_space = true;
            keep.then_some(' ')
        } else {
            previous_space = false;
            Some(c)
        }
    })
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "The barrier closed early. Officials said the barrier closed early \
                        again on Tuesday. Nobody was hurt.";

    #[test]
    fn describe_keeps_context_on_both_sides() {
        let start = BODY.find("Officials").unwrap();
        let anchor = describe(BODY, start..start + "Officials said".len());
        assert_eq!(anchor.quote.exact, "Officials said");
        assert_eq!(anchor.quote.prefix, "The barrier closed early. ");
        assert_eq!(anchor.quote.suffix.chars().count(), CONTEXT_CHARS);
        assert!(BODY[anchor.position.end..].starts_with(&anchor.quote.suffix));
    }

    #[test]
    fn ambiguous_quotes_are_resolved_by_context_then_first() {
        let second = BODY.rfind("barrier closed early").unwrap();
        let first = BODY.find("barrier closed early").unwrap();
        let hint = Hint {
            prefix: Some("said the "),
            suffix: Some(" again"),
            near: None,
        };
        assert_eq!(
            locate(BODY, "barrier closed early", Some(hint))
                .unwrap()
                .start,
            second
        );
        assert_eq!(
            locate(BODY, "barrier closed early", None).unwrap().start,
            first
        );
        let near = Hint {
            near: Some(second - 3),
            ..Hint::default()
        };
        assert_eq!(
            locate(BODY, "barrier closed early", Some(near))
                .unwrap()
                .start,
            second
        );
    }

    #[test]
    fn white_space_differences_still_match() {
        let body = "The tide\nbarrier  closed.";
        let range = locate(body, "tide barrier closed", None).unwrap();
        assert_eq!(&body[range], "tide\nbarrier  closed");
        assert_eq!(locate(body, "   ", None), Err(LocateError::Empty));
        assert_eq!(locate(body, "flood", None), Err(LocateError::NotFound));
    }

    #[test]
    fn moved_text_re_anchors_and_changed_text_is_orphaned() {
        let start = BODY.rfind("barrier closed early").unwrap();
        let anchor = describe(BODY, start..start + "barrier closed early".len());
        assert_eq!(
            resolve(BODY, &anchor),
            Some(anchor.position.start..anchor.position.end)
        );

        // A paragraph inserted before it: the position no longer holds, the context finds the
        // second occurrence again, not the first.
        let moved = format!("Update: a new paragraph. {BODY}");
        let range = resolve(&moved, &anchor).unwrap();
        assert_eq!(range.start, start + "Update: a new paragraph. ".len());
        assert_eq!(&moved[range], "barrier closed early");

        let changed = BODY.replace("closed early", "stayed open");
        assert_eq!(resolve(&changed, &anchor), None);
    }

    #[test]
    fn multibyte_text_is_safe() {
        let body = "Nicolás Maduro habló — «Sí» — en Caracas. Nicolás Maduro calló.";
        let start = body.rfind("Nicolás").unwrap();
        // A range cutting a character in half is widened, never panics.
        let anchor = describe(body, start + 5..start + 9);
        assert!(anchor.quote.exact.contains('á'));
        assert!(body.is_char_boundary(anchor.position.start));
        let anchor = describe(body, start..start + "Nicolás Maduro calló".len());
        let prefix_len = anchor.quote.prefix.chars().count();
        assert_eq!(prefix_len, CONTEXT_CHARS);
        let edited = format!("¡Último! {body}");
        let range = resolve(&edited, &anchor).unwrap();
        assert_eq!(&edited[range], "Nicolás Maduro calló");
        let hint = Hint {
            prefix: Some("Caracas. "),
            ..Hint::default()
        };
        assert_eq!(locate(body, "Nicolás", Some(hint)).unwrap().start, start);
    }
}

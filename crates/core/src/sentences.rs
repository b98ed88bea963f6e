//! Sentences of an article body, with byte ranges, for alignment across articles.
//!
//! Splitting uses `sentencex` (abbreviation lists, quote-aware rules), fed one line at a time:
//! measured on the shared corpus, it misses paragraph breaks when given whole texts (single
//! newlines are ignored, and a list swallows the paragraph after it), while per line it made no
//! false splits. Each line is one paragraph, list item or table row of the normalised body.
//! Headings and list items are told apart from prose, because alignment treats them apart
//! (headings match each other; list items need their lead-in). Boilerplate yields no sentences.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a sentence is, by its place in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SentenceKind {
    /// A sentence of running text.
    Prose,
    /// A short line without closing punctuation standing alone: a headline or a subheading.
    Heading,
    /// A bulleted or numbered item, or a table row.
    ListItem,
}

/// One sentence: its byte range in the body (trimmed of surrounding spaces) and its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Prose, heading or list item.
    pub kind: SentenceKind,
}

impl Sentence {
    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The sentences of `body`, in order, skipping the `excluded` byte ranges (boilerplate).
/// `language` is a BCP 47 tag or its primary subtag ("en", "es-VE"); unknown languages fall
/// back to generic punctuation rules.
pub fn sentences(body: &str, language: &str, excluded: &[Range<usize>]) -> Vec<Sentence> {
    let language = splitting_language(language);
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in body.split('\n') {
        let start = line_start;
        line_start += line.len() + 1;
        if line.trim().is_empty() || excluded.iter().any(|r| r.start <= start && start < r.end) {
            continue;
        }
        let kind = line_kind(line);
        if kind != SentenceKind::Prose {
            // A heading or an item is one unit, whatever punctuation it holds inside.
            push_trimmed(&mut out, body, start..start + line.len(), kind);
            continue;
        }
        for range in line_sentences(&language, line, start) {
            push_trimmed(&mut out, body, range, SentenceKind::Prose);
        }
    }
    out
}

/// Where a sentence ends inside a line and another follows it on the line (after the
/// terminator and any closing marks), skipping the `excluded` byte ranges: the quotation finder
/// reads sentences around a quotation from these, whatever kind the line is.
pub(crate) fn sentence_ends_within_lines(
    body: &str,
    language: &str,
    excluded: &[Range<usize>],
) -> Vec<usize> {
    let language = splitting_language(language);
    let mut ends = Vec::new();
    let mut line_start = 0;
    for line in body.split('\n') {
        let start = line_start;
        line_start += line.len() + 1;
        if excluded.iter().any(|r| r.start <= start && start < r.end) {
            continue;
        }
        let ranges = line_sentences(&language, line, start);
        for range in ranges.iter().take(ranges.len().saturating_sub(1)) {
            let text = &body[range.clone()];
            ends.push(range.start + text.trim_end().len());
        }
    }
    ends
}

/// Lines longer than this go to sentencex a window at a time. Its work grows with the square of
/// a line holding unclosed quotation marks (`“`, `«`): 136 KB took 0.4 s, a 160 KB line of a
/// damaged file 5.3 s, so a one-line file of megabytes would take minutes (a fuzz finding).
/// Paragraphs of real articles are far shorter, and split exactly as a whole.
const WINDOW_BYTES: usize = 8_192;

/// The sentences sentencex finds in one line that starts at byte `start` of the body. A long
/// line is split a window at a time: each window's last sentence may run on past it, so it is
/// split again at the start of the next window; a window with no sentence end in it is cut at
/// its last space.
fn line_sentences(language: &str, line: &str, start: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while from < line.len() {
        let end = crate::text::floor_char_boundary(line, from + WINDOW_BYTES);
        let mut found: Vec<Range<usize>> =
            sentencex::get_sentence_boundaries(language, &line[from..end])
                .into_iter()
                .map(|b| from + b.start_byte..from + b.end_byte)
                .collect();
        if end == line.len() {
            out.extend(found);
            break;
        }
        match found.pop() {
            Some(last) if last.start > from => {
                out.extend(found);
                from = last.start;
            }
            _ => {
                let window = &line[from..end];
                let cut = from
                    + window
                        .rfind(char::is_whitespace)
                        .filter(|&at| at > 0)
                        .unwrap_or(window.len());
                out.push(from..cut);
                from = cut;
            }
        }
    }
    out.into_iter()
        .map(|range| start + range.start..start + range.end)
        .collect()
}

/// The primary subtag of a BCP 47 tag, lower case: "es-VE" -> "es"; empty when there is none.
pub(crate) fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The language sentencex splits by: the tag's primary subtag, English when there is none.
fn splitting_language(tag: &str) -> String {
    let language = primary_language(tag);
    if language.is_empty() {
        "en".to_string()
    } else {
        language
    }
}

/// Adds the range without its surrounding whitespace, if anything is left.
fn push_trimmed(out: &mut Vec<Sentence>, body: &str, range: Range<usize>, kind: SentenceKind) {
    let Some(text) = body.get(range.clone()) else {
        return;
    };
    let leading = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        let start = range.start + leading;
        out.push(Sentence {
            start,
            end: start + trimmed.len(),
            kind,
        });
    }
}

fn line_kind(line: &str) -> SentenceKind {
    let trimmed = line.trim();
    let bullet = trimmed.starts_with(['-', '–', '—', '•', '*', '✓', '·', '▪'])
        || trimmed.split_once(['.', ')']).is_some_and(|(n, rest)| {
            n.len() <= 3
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
                && rest.starts_with(' ')
        });
    if bullet || trimmed.contains(" | ") {
        return SentenceKind::ListItem;
    }
    let words = trimmed.split_whitespace().count();
    let closes = trimmed.ends_with(['.', '!', '?', '"', '”', '’', '…', ':', ';', ')', ']']);
    if words <= 16 && !closes {
        SentenceKind::Heading
    } else {
        SentenceKind::Prose
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(body: &'a str, found: &[Sentence]) -> Vec<(&'a str, SentenceKind)> {
        found.iter().map(|s| (&body[s.range()], s.kind)).collect()
    }

    #[test]
    fn abbreviations_and_dates_do_not_end_sentences() {
        let body = "Dr. Elena Varga met U.S. officials on Jan. 9 in Port Salve. Talks resumed at 10 a.m. on Monday. \
                    “We are ready,” she said.";
        let found = sentences(body, "en", &[]);
        assert_eq!(
            texts(body, &found).iter().map(|t| t.0).collect::<Vec<_>>(),
            vec![
                "Dr. Elena Varga met U.S. officials on Jan. 9 in Port Salve.",
                "Talks resumed at 10 a.m. on Monday.",
                "“We are ready,” she said.",
            ]
        );
    }

    #[test]
    fn headings_list_items_and_paragraphs_are_told_apart() {
        let body = "What Happened at the Barrage\n\nThe gate failed at dawn. Crews arrived later.\n\nKey points:\n- Gate 4 failed\n- 1,200 people left their homes.\n\nDate | Event\n2026 | Failure";
        let found = sentences(body, "en", &[]);
        let kinds: Vec<_> = texts(body, &found);
        assert_eq!(
            kinds[0],
            ("What Happened at the Barrage", SentenceKind::Heading)
        );
        assert_eq!(kinds[1], ("The gate failed at dawn.", SentenceKind::Prose));
        assert_eq!(kinds[2], ("Crews arrived later.", SentenceKind::Prose));
        assert_eq!(kinds[3], ("Key points:", SentenceKind::Prose));
        assert_eq!(kinds[4], ("- Gate 4 failed", SentenceKind::ListItem));
        assert_eq!(
            kinds[5],
            ("- 1,200 people left their homes.", SentenceKind::ListItem)
        );
        assert_eq!(kinds[6].1, SentenceKind::ListItem);
        assert_eq!(found.len(), 8);
    }

    /// Where each range's text ends, trailing spaces left out.
    fn ends(line: &str, ranges: impl IntoIterator<Item = Range<usize>>) -> Vec<usize> {
        ranges
            .into_iter()
            .map(|r| r.start + line[r].trim_end().len())
            .collect()
    }

    #[test]
    fn a_long_line_split_by_windows_ends_sentences_where_the_whole_line_does() {
        // Real news text (the Lee corpus's ABC articles) run together on one line of over 80 KB,
        // quotation marks, apostrophes and brackets taken out: run together, one left open in
        // an article holds the next articles' sentences, so the whole line splits by chance.
        let line = parallax_testdata::realtext::lee_background()[..80]
            .join(" ")
            .replace(['"', '\'', '(', ')'], "");
        assert!(line.len() > 10 * WINDOW_BYTES, "{}", line.len());
        let whole = ends(
            &line,
            sentencex::get_sentence_boundaries("en", &line)
                .into_iter()
                .map(|b| b.start_byte..b.end_byte),
        );
        let windowed = ends(&line, line_sentences("en", &line, 0));
        assert!(whole.len() > 600, "{}", whole.len());
        assert_eq!(windowed, whole);
    }

    #[test]
    fn a_long_line_of_unclosed_quotation_marks_is_split_in_windows() {
        // Each window is split on its own (an unclosed “ made the work grow with the square of
        // the line): every sentence still ends at a full stop, and together they cover the line.
        let line = "He said “yes. The council voted. ".repeat(2_000);
        let found = line_sentences("en", &line, 0);
        assert_eq!(found.first().unwrap().start, 0);
        assert_eq!(found.last().unwrap().end, line.len());
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
        assert!(found
            .iter()
            .all(|r| line[r.clone()].trim_end().ends_with('.')));
        assert!(found.len() >= 2_000, "{}", found.len());
    }

    #[test]
    fn boilerplate_gives_no_sentences_and_ranges_are_byte_exact() {
        let body = "Nicolás Maduro’s offer came first. Then a reply.\n\nShare This Article";
        let clutter = body.find("Share").unwrap()..body.len();
        let found = sentences(body, "es-VE", &[clutter]);
        assert_eq!(found.len(), 2);
        assert!(found
            .iter()
            .all(|s| body.is_char_boundary(s.start) && body.is_char_boundary(s.end)));
        assert_eq!(
            &body[found[0].range()],
            "Nicolás Maduro’s offer came first."
        );
    }
}

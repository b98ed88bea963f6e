//! Word diffs of two texts, as runs with byte offsets for each side.
//!
//! The diff runs over word-boundary tokens (UAX #29: words, spaces and punctuation each a token)
//! with `similar`'s Patience algorithm, which keeps long shared passages together instead of
//! matching stray common words. A budget of work, not a clock, bounds very long texts: past it
//! the texts are diffed line by line first and only the changed stretches that fit the budget
//! word by word, which is still a correct (if coarser) diff and the same on every machine.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What a run of text is in a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RunKind {
    /// Present on both sides.
    Equal,
    /// Only on the left side.
    Deleted,
    /// Only on the right side.
    Inserted,
    /// Site clutter, left out of the comparison (see [`crate::ingest::Document::boilerplate`]).
    Boilerplate,
}

/// A stretch of one side's text with one [`RunKind`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// What this stretch is.
    pub kind: RunKind,
    /// Byte offset into that side's text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// For `Deleted` and `Inserted` runs, the index of the change they belong to (0-based, in
    /// text order). Both sides of one change carry the same index, so a reader can step through
    /// changes and see each on both sides at once.
    pub change: Option<usize>,
}

/// Word counts of a diff.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffCounts {
    /// Words present on both sides (counted once).
    pub equal_words: usize,
    /// Words only on the left.
    pub deleted_words: usize,
    /// Words only on the right.
    pub inserted_words: usize,
    /// Number of changes: maximal stretches where the sides differ.
    pub changes: usize,
}

/// Where one change sits on each side: byte ranges, empty where that side has no text for it
/// (the point where the other side's text would go).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The left side's bytes of this change.
    pub left: Range<usize>,
    /// The right side's bytes of this change.
    pub right: Range<usize>,
}

/// The word diff of two texts: for each side, runs covering the whole text in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordDiff {
    /// Runs over the left text: only `Equal` and `Deleted`.
    pub left: Vec<Run>,
    /// Runs over the right text: only `Equal` and `Inserted`.
    pub right: Vec<Run>,
    /// Word counts.
    pub counts: DiffCounts,
    /// Each change in text order, on both sides; `Run::change` indexes into it.
    pub changes: Vec<Change>,
}

/// Options for [`word_diff`].
#[derive(Debug, Clone, Copy)]
pub struct DiffOptions {
    max_tokens: usize,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions { max_tokens: 60_000 }
    }
}

impl DiffOptions {
    /// The most tokens (words, spaces and punctuation of both sides together) diffed word by
    /// word. Longer texts are diffed line by line first, and only the changed stretches within
    /// this budget word by word; the others count as changed whole. Default: 60,000, two
    /// 10,000-word articles, which take a few milliseconds.
    pub fn max_tokens(mut self, tokens: usize) -> Self {
        self.max_tokens = tokens;
        self
    }
}

/// One side of a diff: its text and the byte ranges to leave out of the comparison (sorted,
/// on character boundaries), such as boilerplate.
#[derive(Debug, Clone, Copy)]
pub struct DiffSide<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Ranges compared as if they were blank, reported as [`RunKind::Boilerplate`].
    pub excluded: &'a [Range<usize>],
}

/// Diffs two texts word by word, leaving each side's excluded ranges out of the comparison.
/// The runs still cover every byte of both texts; excluded stretches come back as
/// [`RunKind::Boilerplate`].
pub fn word_diff_excluding(
    left: DiffSide<'_>,
    right: DiffSide<'_>,
    options: DiffOptions,
) -> WordDiff {
    // Blank the excluded bytes with spaces: offsets stay valid, and blank text never matches
    // a word, so clutter neither pairs up nor counts as a change.
    let left_masked = mask(left.text, left.excluded);
    let right_masked = mask(right.text, right.excluded);
    let mut diff = word_diff(&left_masked, &right_masked, options);
    diff.left = mark_excluded(diff.left, left.excluded);
    diff.right = mark_excluded(diff.right, right.excluded);
    diff
}

fn mask(text: &str, excluded: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for range in excluded {
        let end = range.end.min(bytes.len());
        bytes[range.start.min(end)..end].fill(b' ');
    }
    // Ranges lie on character boundaries, so replacing whole characters by ASCII keeps UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

fn mark_excluded(runs: Vec<Run>, excluded: &[Range<usize>]) -> Vec<Run> {
    if excluded.is_empty() {
        return runs;
    }
    let mut out: Vec<Run> = Vec::with_capacity(runs.len() + excluded.len() * 2);
    for run in runs {
        let mut cursor = run.start;
        for range in excluded
            .iter()
            .filter(|r| r.start < run.end && r.end > run.start)
        {
            let (from, to) = (range.start.max(run.start), range.end.min(run.end));
            if from > cursor {
                push_run(
                    &mut out,
                    Run {
                        start: cursor,
                        end: from,
                        ..run
                    },
                );
            }
            push_run(
                &mut out,
                Run {
                    kind: RunKind::Boilerplate,
                    start: from,
                    end: to,
                    change: None,
                },
            );
            cursor = to;
        }
        if cursor < run.end {
            push_run(
                &mut out,
                Run {
                    start: cursor,
                    end: run.end,
                    ..run
                },
            );
        }
    }
    out
}

/// Diffs `left` against `right` word by word.
pub fn word_diff(left: &str, right: &str, options: DiffOptions) -> WordDiff {
    let left_tokens = tokens(left);
    let right_tokens = tokens(right);
    let left_texts: Vec<&str> = left_tokens.iter().map(|&(s, e)| &left[s..e]).collect();
    let right_texts: Vec<&str> = right_tokens.iter().map(|&(s, e)| &right[s..e]).collect();
    // Each step as token ranges on both sides, and whether it changes any word: a difference in
    // punctuation or spacing only is not a change a reader would count.
    let steps: Vec<(Range<usize>, Range<usize>, bool)> =
        bounded_ops(&left_texts, &right_texts, options.max_tokens)
            .into_iter()
            .map(|(old, new, equal)| {
                let changed = !equal
                    && count_words(&left_texts[old.clone()])
                        + count_words(&right_texts[new.clone()])
                        > 0;
                (old, new, changed)
            })
            .collect();

    let mut out = WordDiff::default();
    let mut in_change = false;
    for (i, (old, new, changed)) in steps.iter().cloned().enumerate() {
        let left_span = byte_range(&left_tokens, &old, left.len());
        let right_span = byte_range(&right_tokens, &new, right.len());
        let next_is_change = steps.get(i + 1).is_some_and(|s| s.2);
        // Spaces or punctuation between two changes read better folded into them: a lone equal
        // space between two changed words is not "shared text".
        let joins_changes =
            in_change && next_is_change && count_words(&left_texts[old.clone()]) == 0;
        if !changed && !joins_changes {
            out.counts.equal_words += count_words(&left_texts[old]);
            push_run(
                &mut out.left,
                Run {
                    kind: RunKind::Equal,
                    start: left_span.start,
                    end: left_span.end,
                    change: None,
                },
            );
            push_run(
                &mut out.right,
                Run {
                    kind: RunKind::Equal,
                    start: right_span.start,
                    end: right_span.end,
                    change: None,
                },
            );
            in_change = false;
            continue;
        }
        if !in_change {
            out.changes.push(Change {
                left: left_span.start..left_span.start,
                right: right_span.start..right_span.start,
            });
            in_change = true;
        }
        let index = out.changes.len() - 1;
        let change = &mut out.changes[index];
        change.left.end = left_span.end;
        change.right.end = right_span.end;
        if changed {
            out.counts.deleted_words += count_words(&left_texts[old]);
            out.counts.inserted_words += count_words(&right_texts[new]);
        }
        push_run(
            &mut out.left,
            Run {
                kind: RunKind::Deleted,
                start: left_span.start,
                end: left_span.end,
                change: Some(index),
            },
        );
        push_run(
            &mut out.right,
            Run {
                kind: RunKind::Inserted,
                start: right_span.start,
                end: right_span.end,
                change: Some(index),
            },
        );
    }
    out.counts.changes = out.changes.len();
    out
}

/// A stretch of a diff: left tokens, right tokens, and whether they are equal.
type Step = (Range<usize>, Range<usize>, bool);

/// The diff of two token lists within a budget of `max_tokens`, as steps: word by word when both fit, else line by line with the changed lines that fit
/// diffed word by word (and those that do not replaced whole).
fn bounded_ops(left: &[&str], right: &[&str], max_tokens: usize) -> Vec<Step> {
    /// The steps of a Patience diff, shifted to start at `old_at` and `new_at`.
    fn steps<T: std::hash::Hash + Eq + Ord>(
        left: &[T],
        right: &[T],
        old_at: usize,
        new_at: usize,
    ) -> impl Iterator<Item = Step> {
        similar::capture_diff_slices(Algorithm::Patience, left, right)
            .into_iter()
            .map(move |op| {
                let (old, new) = (op.old_range(), op.new_range());
                let equal = matches!(op, DiffOp::Equal { .. });
                (
                    old_at + old.start..old_at + old.end,
                    new_at + new.start..new_at + new.end,
                    equal,
                )
            })
    }
    if left.len() + right.len() <= max_tokens {
        return steps(left, right, 0, 0).collect();
    }
    let (left_lines, right_lines) = (lines(left), lines(right));
    if left_lines.len() + right_lines.len() > max_tokens {
        return vec![(0..left.len(), 0..right.len(), false)];
    }
    let key = |tokens: &[&str], line: &Range<usize>| tokens[line.clone()].concat();
    let left_keys: Vec<String> = left_lines.iter().map(|l| key(left, l)).collect();
    let right_keys: Vec<String> = right_lines.iter().map(|l| key(right, l)).collect();
    // Line ranges as token ranges (an empty one sits where its line would start).
    let span = |lines: &[Range<usize>], range: Range<usize>, len: usize| {
        let at = |i: usize| lines.get(i).map_or(len, |l| l.start);
        let end = if range.is_empty() {
            at(range.start)
        } else {
            lines[range.end - 1].end
        };
        at(range.start)..end
    };
    let mut out = Vec::new();
    for (old, new, equal) in steps(&left_keys, &right_keys, 0, 0) {
        let old = span(&left_lines, old, left.len());
        let new = span(&right_lines, new, right.len());
        if !equal && old.len() + new.len() <= max_tokens {
            out.extend(steps(
                &left[old.clone()],
                &right[new.clone()],
                old.start,
                new.start,
            ));
        } else {
            out.push((old, new, equal));
        }
    }
    out
}

/// Token ranges of the lines of a token list, each line's newline included.
fn lines(tokens: &[&str]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        if token.contains('\n') {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// The bytes a token range covers; an empty range sits where its token would be.
fn byte_range(tokens: &[(usize, usize)], range: &Range<usize>, text_len: usize) -> Range<usize> {
    let at = |i: usize| tokens.get(i).map_or(text_len, |t| t.0);
    if range.is_empty() {
        at(range.start)..at(range.start)
    } else {
        tokens[range.start].0..tokens[range.end - 1].1
    }
}

fn tokens(text: &str) -> Vec<(usize, usize)> {
    text.split_word_bound_indices()
        .map(|(start, t)| (start, start + t.len()))
        .collect()
}

fn count_words(tokens: &[&str]) -> usize {
    tokens
        .iter()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .count()
}

fn push_run(runs: &mut Vec<Run>, run: Run) {
    if run.start == run.end {
        return;
    }
    if let Some(last) = runs.last_mut() {
        if last.kind == run.kind && last.change == run.change && last.end == run.start {
            last.end = run.end;
            return;
        }
    }
    runs.push(run);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, runs: &[Run]) -> Vec<(RunKind, &'a str)> {
        runs.iter()
            .map(|r| (r.kind, &text[r.start..r.end]))
            .collect()
    }

    #[test]
    fn changed_words_are_marked_on_each_side() {
        let left = "The talks began in Caracas on Monday.";
        let right = "The talks began in Washington on Tuesday.";
        let diff = word_diff(left, right, DiffOptions::default());
        assert_eq!(
            texts(left, &diff.left),
            vec![
                (RunKind::Equal, "The talks began in "),
                (RunKind::Deleted, "Caracas"),
                (RunKind::Equal, " on "),
                (RunKind::Deleted, "Monday"),
                (RunKind::Equal, "."),
            ]
        );
        assert_eq!(
            texts(right, &diff.right)[1],
            (RunKind::Inserted, "Washington")
        );
        assert_eq!(
            diff.counts,
            DiffCounts {
                equal_words: 5,
                deleted_words: 2,
                inserted_words: 2,
                changes: 2
            }
        );
    }

    #[test]
    fn runs_cover_each_side_exactly() {
        let left = "Nicolás Maduro said “serious” talks — not a truce — could start.\n\nMore text.";
        let right = "Maduro said that serious talks could start soon.";
        let diff = word_diff(left, right, DiffOptions::default());
        for (text, runs) in [(left, &diff.left), (right, &diff.right)] {
            assert_eq!(runs.first().unwrap().start, 0);
            assert_eq!(runs.last().unwrap().end, text.len());
            assert!(runs
                .windows(2)
                .all(|w| w[0].end == w[1].start && w[0].kind != w[1].kind));
        }
    }

    #[test]
    fn changes_are_numbered_on_both_sides() {
        let diff = word_diff("a b c d e", "a x c y e", DiffOptions::default());
        let changes = |runs: &[Run]| runs.iter().filter_map(|r| r.change).collect::<Vec<_>>();
        assert_eq!(changes(&diff.left), vec![0, 1]);
        assert_eq!(changes(&diff.right), vec![0, 1]);
    }

    #[test]
    fn excluded_ranges_are_neither_matched_nor_changes() {
        let left = "Talks resumed today.\n\nSubscribe now";
        let right = "Talks resumed on Monday.\n\nSubscribe now";
        let diff = word_diff_excluding(
            DiffSide {
                text: left,
                excluded: &[22..35],
            },
            DiffSide {
                text: right,
                excluded: &[26..39],
            },
            DiffOptions::default(),
        );
        assert_eq!(
            diff.left.last().unwrap(),
            &Run {
                kind: RunKind::Boilerplate,
                start: 22,
                end: 35,
                change: None
            }
        );
        assert_eq!(diff.right.last().unwrap().kind, RunKind::Boilerplate);
        assert_eq!(diff.counts.changes, 1);
        assert_eq!(diff.counts.equal_words, 2);
    }

    #[test]
    fn changes_carry_byte_ranges_on_both_sides_even_when_one_side_is_empty() {
        let left = "Talks began on Monday in Caracas.";
        let right = "Talks began on Monday in secret in Caracas.";
        let diff = word_diff(left, right, DiffOptions::default());
        assert_eq!(diff.changes.len(), 1);
        let change = &diff.changes[0];
        assert!(change.left.is_empty());
        // Putting the right side's text in at the left's insertion point gives the right text.
        let rebuilt = format!(
            "{}{}{}",
            &left[..change.left.start],
            &right[change.right.clone()],
            &left[change.left.end..]
        );
        assert_eq!(rebuilt, right);
        assert_eq!(diff.counts.inserted_words, 2);
    }

    #[test]
    fn punctuation_alone_neither_counts_nor_joins_two_changes() {
        let left = "alpha beta, gamma delta";
        let right = "alpha BETA; gamma DELTA";
        let diff = word_diff(left, right, DiffOptions::default());
        assert_eq!(diff.counts.changes, 2, "{:?}", diff.left);
        let equal: Vec<&str> = diff
            .left
            .iter()
            .filter(|r| r.kind == RunKind::Equal)
            .map(|r| &left[r.start..r.end])
            .collect();
        assert!(equal.iter().any(|t| t.contains("gamma")), "{equal:?}");
    }

    #[test]
    fn identical_texts_have_no_changes() {
        let diff = word_diff(
            "Same words here.",
            "Same words here.",
            DiffOptions::default(),
        );
        assert_eq!(diff.counts.changes, 0);
        assert_eq!(diff.left.len(), 1);
    }

    #[test]
    fn past_the_budget_lines_are_diffed_first_and_the_diff_still_covers_both_texts() {
        let left = "The gate held.\nNobody was hurt.\nTalks resume on Monday.\n";
        let right = "The gate held.\nTwo were hurt.\nTalks resume on Monday.\n";
        let whole = word_diff(left, right, DiffOptions::default());
        // Twenty tokens: the texts do not fit, the changed line does (14 tokens), so it is still
        // diffed word by word.
        let bounded = word_diff(left, right, DiffOptions::default().max_tokens(20));
        assert_eq!(bounded.counts, whole.counts);
        assert_eq!(
            texts(right, &bounded.right)
                .into_iter()
                .filter(|(kind, _)| *kind == RunKind::Inserted)
                .collect::<Vec<_>>(),
            vec![(RunKind::Inserted, "Two were")]
        );
        // Eight tokens: the six lines fit, the changed line does not and is replaced whole;
        // equal lines stay equal.
        let coarse = word_diff(left, right, DiffOptions::default().max_tokens(8));
        let deleted: String = texts(left, &coarse.left)
            .into_iter()
            .filter(|(kind, _)| *kind == RunKind::Deleted)
            .map(|(_, text)| text)
            .collect();
        assert_eq!(deleted, "Nobody was hurt.\n");
        // Two tokens: not even the lines fit; the texts are one change.
        let whole_change = word_diff(left, right, DiffOptions::default().max_tokens(2));
        assert_eq!(whole_change.counts.changes, 1);
        assert_eq!(whole_change.counts.equal_words, 0);
        for (diff, text) in [
            (&coarse.left, left),
            (&coarse.right, right),
            (&whole_change.left, left),
        ] {
            assert_eq!(diff.first().unwrap().start, 0);
            assert_eq!(diff.last().unwrap().end, text.len());
            assert!(diff.windows(2).all(|w| w[0].end == w[1].start));
        }
    }
}

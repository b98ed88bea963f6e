//! The side-by-side reading of an [`Alignment`]: every row's cells as sentences cut into text
//! runs (changed words, quotations, shared passages, notes), the links from a sentence to its
//! counterparts in other rows, and counts per article.
//!
//! The UI renders runs and never computes offsets (DESIGN.md §4), so everything it needs to
//! draw a sentence is here: its text in runs, whether it opens a paragraph, whether only its
//! article says it, and where its counterparts are.
//!
//! Changed words come from word diffs inside each row: every pair of cells is diffed, and a
//! cell marks the words that no other cell of its row shares (with two articles, exactly the
//! pair's word diff). Two outlets that repeat one wire sentence mark nothing between them, even
//! when the pivot words the claim differently.
//!
//! Notes are a layer over the laid-out text ([`mark_notes`]): a note added or deleted cuts the
//! runs anew without aligning or diffing again.

use crate::align::Alignment;
use crate::diff::{word_diff, DiffOptions, RunKind};
use crate::ids::{ArticleId, NoteId};
use crate::sentences::SentenceKind;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::ops::Range;

/// What to mark in one article's text besides changed words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMarks {
    /// Quoted words: the quotation's number in the session ([`TextRun::quote`]) and the bytes.
    pub quotes: Vec<(usize, Range<usize>)>,
    /// Passages another article shares ([`TextRun::shared`]).
    pub shared: Vec<Range<usize>>,
}

/// The passage of a note in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteMark {
    /// The note ([`TextRun::notes`]).
    pub note: NoteId,
    /// Byte range in the article body.
    pub range: Range<usize>,
}

/// The side-by-side reading of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SideBySide {
    /// The article ids in column order; "column" below indexes this.
    pub articles: Vec<ArticleId>,
    /// Column of the pivot article.
    pub pivot: usize,
    /// The rows in reading order (the pivot's order).
    pub rows: Vec<SideRow>,
    /// Per column.
    pub facts: Vec<ArticleFacts>,
    /// `coverage[a][b]`: the share of column `a`'s sentences with a counterpart in column `b`.
    pub coverage: Vec<Vec<f32>>,
}

/// One row: the sentences of each article that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SideRow {
    /// Per column: its sentences in this row, `None` when it has none here.
    pub cells: Vec<Option<Vec<SideSentence>>>,
    /// Mean similarity of the non-pivot cells to the pivot's cell (0 with one cell).
    pub similarity: f32,
    /// The articles disagree here: some article has no sentence in the row, or a cell has
    /// changed words.
    pub differs: bool,
    /// Some sentence in the row has no counterpart in any other article.
    pub only_here: bool,
}

/// One sentence as the reader sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SideSentence {
    /// Its index among the article's sentences.
    pub index: usize,
    /// Byte offset in the body (handed back as a hint when a note is made on it).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Prose, heading or list item.
    pub kind: SentenceKind,
    /// It is the first sentence of its paragraph (or list item).
    pub opens_paragraph: bool,
    /// No other article of the session has a counterpart.
    pub only_here: bool,
    /// Counterparts outside this row (reordered text, second partners).
    pub links: Vec<SentenceLink>,
    /// The text, cut into runs; concatenated they give the body's bytes `start..end`.
    pub runs: Vec<TextRun>,
}

/// Where a counterpart of a sentence sits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SentenceLink {
    /// The counterpart's column.
    pub column: usize,
    /// Its sentence index in that article.
    pub sentence: usize,
    /// The row it is shown in.
    pub row: usize,
    /// How similar the two are.
    pub similarity: f32,
}

/// A stretch of a sentence with one look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TextRun {
    /// The text.
    pub text: String,
    /// Byte offset of the text in the body.
    pub start: usize,
    /// Words no other cell of the row shares (see the module docs).
    pub changed: bool,
    /// The notes whose passage covers this run.
    pub notes: Vec<NoteId>,
    /// The number in the session of the quotation whose words these are, if any.
    pub quote: Option<usize>,
    /// Another article of the session shares this passage.
    pub shared: bool,
}

impl TextRun {
    /// Whether `other` looks the same, so the two can be one run.
    fn looks_like(&self, other: &TextRun) -> bool {
        self.changed == other.changed
            && self.notes == other.notes
            && self.quote == other.quote
            && self.shared == other.shared
    }
}

/// Counts for one article of the session.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ArticleFacts {
    /// Its sentences (boilerplate excluded).
    pub sentences: usize,
    /// Sentences with no counterpart in any other article.
    pub only_here: usize,
    /// The share of its words inside passages another article of the session shares (set by
    /// [`crate::session::analyse`]; 0 from [`side_by_side`] alone).
    pub shared: f32,
}

/// Lays out `alignment` for reading. `bodies` are the article bodies and `marks` what to mark
/// in each (both in the alignment's article order; `marks` may be shorter).
///
/// # Panics
/// When `bodies` does not have one body per aligned article.
pub fn side_by_side(alignment: &Alignment, bodies: &[&str], marks: &[ArticleMarks]) -> SideBySide {
    let count = alignment.articles.len();
    assert_eq!(bodies.len(), count, "one body per aligned article");
    let pivot = alignment.pivot;
    let only_here: HashSet<(usize, usize)> = alignment.only_here.iter().copied().collect();

    // Which row shows each sentence, for links.
    let mut row_of: Vec<Vec<usize>> = alignment
        .sentences
        .iter()
        .map(|s| vec![usize::MAX; s.len()])
        .collect();
    for (r, row) in alignment.rows.iter().enumerate() {
        for (a, cell) in row.cells.iter().enumerate() {
            for &s in cell.iter().flatten() {
                row_of[a][s] = r;
            }
        }
    }
    let mut links: Vec<Vec<Vec<SentenceLink>>> = alignment
        .sentences
        .iter()
        .map(|s| vec![Vec::new(); s.len()])
        .collect();
    for link in &alignment.moved {
        links[link.article][link.sentence].push(SentenceLink {
            column: pivot,
            sentence: link.pivot_sentence,
            row: row_of[pivot][link.pivot_sentence],
            similarity: link.similarity,
        });
        links[pivot][link.pivot_sentence].push(SentenceLink {
            column: link.article,
            sentence: link.sentence,
            row: row_of[link.article][link.sentence],
            similarity: link.similarity,
        });
    }

    let rows = alignment
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<Option<Cell>> = row
                .cells
                .iter()
                .enumerate()
                .map(|(a, cell)| cell.as_ref().map(|c| Cell::new(alignment, bodies[a], a, c)))
                .collect();
            let changed = changed_ranges(&cells);
            let cells: Vec<Option<Vec<SideSentence>>> = cells
                .iter()
                .enumerate()
                .map(|(a, cell)| {
                    let cell = cell.as_ref()?;
                    let no_marks = ArticleMarks::default();
                    let article_marks = marks.get(a).unwrap_or(&no_marks);
                    Some(
                        cell.parts
                            .iter()
                            .map(|part| {
                                let sentence = &alignment.sentences[a][part.index];
                                SideSentence {
                                    index: part.index,
                                    start: sentence.start,
                                    end: sentence.end,
                                    kind: sentence.kind,
                                    opens_paragraph: opens_paragraph(bodies[a], sentence.start),
                                    only_here: only_here.contains(&(a, part.index)),
                                    links: links[a][part.index].clone(),
                                    runs: runs(
                                        bodies[a],
                                        sentence.range(),
                                        &changed[a],
                                        article_marks,
                                    ),
                                }
                            })
                            .collect(),
                    )
                })
                .collect();
            let differs = cells.iter().any(Option::is_none)
                || cells
                    .iter()
                    .flatten()
                    .flatten()
                    .any(|s| s.runs.iter().any(|r| r.changed));
            let only_here = cells.iter().flatten().flatten().any(|s| s.only_here);
            SideRow {
                cells,
                similarity: row.similarity,
                differs,
                only_here,
            }
        })
        .collect();

    let mut facts: Vec<ArticleFacts> = alignment
        .sentences
        .iter()
        .map(|s| ArticleFacts {
            sentences: s.len(),
            only_here: 0,
            shared: 0.0,
        })
        .collect();
    for &(a, _) in &alignment.only_here {
        facts[a].only_here += 1;
    }
    SideBySide {
        articles: alignment.articles.clone(),
        pivot,
        rows,
        facts,
        coverage: alignment.coverage.clone(),
    }
}

/// A cell's sentences joined by a space (the text its word diff runs over).
struct Cell {
    text: String,
    parts: Vec<CellPart>,
}

/// One sentence of a cell.
struct CellPart {
    /// Its index among the article's sentences.
    index: usize,
    /// Where it starts in the cell's joined text.
    offset: usize,
    /// Where it is in the body.
    body: Range<usize>,
}

impl Cell {
    fn new(alignment: &Alignment, body: &str, article: usize, indices: &[usize]) -> Cell {
        let mut text = String::new();
        let mut parts = Vec::with_capacity(indices.len());
        for &index in indices {
            if !text.is_empty() {
                text.push(' ');
            }
            let range = alignment.sentences[article][index].range();
            parts.push(CellPart {
                index,
                offset: text.len(),
                body: range.clone(),
            });
            text.push_str(&body[range]);
        }
        Cell { text, parts }
    }

    /// The body byte ranges of `range` of the joined text (split where it spans sentences;
    /// the joining spaces belong to no sentence).
    fn to_body(&self, range: &Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
        let range = range.clone();
        self.parts.iter().filter_map(move |part| {
            let len = part.body.len();
            let (from, to) = (
                range.start.max(part.offset),
                range.end.min(part.offset + len),
            );
            (from < to)
                .then(|| part.body.start + from - part.offset..part.body.start + to - part.offset)
        })
    }
}

/// Per article: body byte ranges of the words no other cell of the row shares.
fn changed_ranges(cells: &[Option<Cell>]) -> Vec<Vec<Range<usize>>> {
    // Per cell, the ranges of its joined text that some other cell shares (Equal in a diff).
    let mut shared: Vec<Vec<Range<usize>>> = vec![Vec::new(); cells.len()];
    for a in 0..cells.len() {
        let Some(left) = &cells[a] else { continue };
        for b in a + 1..cells.len() {
            let Some(right) = &cells[b] else { continue };
            let diff = word_diff(&left.text, &right.text, DiffOptions::default());
            let equal = |runs: &[crate::diff::Run]| {
                runs.iter()
                    .filter(|r| r.kind == RunKind::Equal)
                    .map(|r| r.start..r.end)
                    .collect::<Vec<_>>()
            };
            shared[a].extend(equal(&diff.left));
            shared[b].extend(equal(&diff.right));
        }
    }
    let partners = cells.iter().filter(|c| c.is_some()).count();
    cells
        .iter()
        .zip(shared)
        .map(|(cell, shared)| match cell {
            // A cell alone in its row has nothing to differ from: it is "only here" or not
            // aligned, which the row already says.
            Some(cell) if partners > 1 => unshared(&cell.text, shared)
                .iter()
                .flat_map(|r| cell.to_body(r))
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// The stretches of `text` outside every `shared` range that hold a word, with the gaps
/// between two of them folded in when the gap holds no word (a lone shared space or comma
/// between two changed words is not shared text).
fn unshared(text: &str, mut shared: Vec<Range<usize>>) -> Vec<Range<usize>> {
    shared.sort_by_key(|r| (r.start, r.end));
    let mut gaps = Vec::new();
    let mut cursor = 0;
    for range in shared
        .iter()
        .chain(std::iter::once(&(text.len()..text.len())))
    {
        if range.start > cursor {
            gaps.push(cursor..range.start);
        }
        cursor = cursor.max(range.end);
    }
    let has_word = |r: &Range<usize>| text[r.clone()].chars().any(char::is_alphanumeric);
    let mut out: Vec<Range<usize>> = Vec::new();
    for gap in gaps.into_iter().filter(has_word) {
        match out.last_mut() {
            Some(last) if !has_word(&(last.end..gap.start)) => last.end = gap.end,
            _ => out.push(gap),
        }
    }
    out
}

/// A sentence starts a paragraph when only spaces stand between it and a line start.
fn opens_paragraph(body: &str, start: usize) -> bool {
    body[..start]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| c == '\n')
}

/// The runs of `sentence`: cut wherever a changed range or a mark starts or ends.
fn runs(
    body: &str,
    sentence: Range<usize>,
    changed: &[Range<usize>],
    marks: &ArticleMarks,
) -> Vec<TextRun> {
    let overlapping = |r: &Range<usize>| r.start < sentence.end && r.end > sentence.start;
    let mut cuts = vec![sentence.start, sentence.end];
    let quote_ranges = marks.quotes.iter().map(|(_, range)| range);
    for range in changed.iter().chain(quote_ranges).chain(&marks.shared) {
        if overlapping(range) {
            cuts.extend([range.start, range.end]);
        }
    }
    cuts.retain(|&c| c >= sentence.start && c <= sentence.end && body.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<TextRun> = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let inside = |r: &Range<usize>| r.start <= from && to <= r.end;
        push_run(
            &mut out,
            TextRun {
                text: body[from..to].to_string(),
                start: from,
                changed: changed.iter().any(inside),
                notes: Vec::new(),
                quote: marks
                    .quotes
                    .iter()
                    .find(|(_, range)| inside(range))
                    .map(|&(quote, _)| quote),
                shared: marks.shared.iter().any(inside),
            },
        );
    }
    out
}

/// Appends `run`, joined to the last run when the two look the same.
fn push_run(out: &mut Vec<TextRun>, run: TextRun) {
    match out.last_mut() {
        Some(last) if last.looks_like(&run) => last.text.push_str(&run.text),
        _ => out.push(run),
    }
}

/// Marks the notes' passages in a laid-out session: `notes[column]` are the passages in that
/// column's article. Runs are cut where a passage starts or ends and carry the notes that cover
/// them; everything else stays as laid out, so a note change never re-runs the alignment.
pub fn mark_notes(layout: &mut SideBySide, notes: &[Vec<NoteMark>]) {
    for row in &mut layout.rows {
        for (column, cell) in row.cells.iter_mut().enumerate() {
            let (Some(cell), Some(marks)) = (cell, notes.get(column)) else {
                continue;
            };
            for sentence in cell {
                let overlapping: Vec<&NoteMark> = marks
                    .iter()
                    .filter(|m| m.range.start < sentence.end && m.range.end > sentence.start)
                    .collect();
                if overlapping.is_empty() {
                    continue;
                }
                let mut runs = Vec::with_capacity(sentence.runs.len() + 2 * overlapping.len());
                for run in std::mem::take(&mut sentence.runs) {
                    let end = run.start + run.text.len();
                    let mut cuts = vec![run.start, end];
                    for mark in &overlapping {
                        cuts.extend([mark.range.start, mark.range.end]);
                    }
                    cuts.retain(|&c| {
                        c >= run.start && c <= end && run.text.is_char_boundary(c - run.start)
                    });
                    cuts.sort_unstable();
                    cuts.dedup();
                    for pair in cuts.windows(2) {
                        let (from, to) = (pair[0], pair[1]);
                        push_run(
                            &mut runs,
                            TextRun {
                                text: run.text[from - run.start..to - run.start].to_string(),
                                start: from,
                                notes: overlapping
                                    .iter()
                                    .filter(|m| m.range.start <= from && to <= m.range.end)
                                    .map(|m| m.note)
                                    .collect(),
                                ..run.clone()
                            },
                        );
                    }
                }
                sentence.runs = runs;
            }
        }
    }
}

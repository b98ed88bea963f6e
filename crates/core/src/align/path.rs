//! Monotone alignments: each pair of articles aligned by a dynamic programme over their
//! sentences, the rows built progressively from the pivot, and the best-match links beside
//! them.

use super::terms::{claim_dot, cosine, dot, Session, Vector};
use super::{AlignOptions, Row};
use crate::sentences::{Sentence, SentenceKind};
use std::collections::{BTreeSet, HashSet};

/// The steps of one pair's monotone alignment and the best-match links beside it.
#[derive(Debug, Clone)]
pub(super) struct PairAlignment {
    pub(super) steps: Vec<Step>,
    /// `(left sentence, right sentence, similarity)`.
    pub(super) links: Vec<(usize, usize, f32)>,
}

#[derive(Debug, Clone)]
pub(super) struct Step {
    pub(super) left: Vec<usize>,
    pub(super) right: Vec<usize>,
    pub(super) similarity: f32,
}

impl Session {
    /// Aligns article `a` against `rows` (which hold the articles added so far) by a monotone
    /// programme: a sentence joins a row (1–1), two consecutive sentences join one row (2–1),
    /// one sentence joins two consecutive rows, which fuse (1–2), or a sentence gets a row of
    /// its own; rows may be left without a cell of `a`. A sentence only joins a cell holding a
    /// sentence that the pairwise alignment of the two articles paired it with (`paired`), so
    /// the rows never contradict "only here". Returns the new rows.
    pub(super) fn add_to_rows(
        &self,
        rows: Vec<Row>,
        a: usize,
        paired: &HashSet<(usize, usize, usize, usize)>,
        options: &AlignOptions,
    ) -> Vec<Row> {
        let vectors = &self.vectors[a];
        let sentences = &self.sentences[a];
        let (n, m) = (rows.len(), vectors.len());
        let soft = self.soft;
        let t = options.threshold;
        // Each row's cells as (article, kind of its first sentence, summed vector).
        let cells: Vec<Vec<(usize, SentenceKind, Vector)>> = rows
            .iter()
            .map(|row| {
                row.cells
                    .iter()
                    .enumerate()
                    .filter_map(|(b, cell)| {
                        let cell = cell.as_ref()?;
                        let parts: Vec<Vector> =
                            cell.iter().map(|&k| self.vectors[b][k].clone()).collect();
                        Some((b, self.sentences[b][cell[0]].kind, Vector::sum(&parts)))
                    })
                    .collect()
            })
            .collect();
        // dots[r][c][j]: cell c of row r against sentence j; zero unless a pairwise alignment
        // paired j with a sentence of that cell.
        let dots: Vec<Vec<Vec<f32>>> = cells
            .iter()
            .zip(&rows)
            .map(|(row_cells, row)| {
                row_cells
                    .iter()
                    .map(|(b, _, v)| {
                        let members = row.cells[*b].as_deref().unwrap_or(&[]);
                        vectors
                            .iter()
                            .enumerate()
                            .map(|(j, w)| {
                                let vouched =
                                    members.iter().any(|&k| paired.contains(&(a, j, *b, k)));
                                if vouched {
                                    claim_dot(&v.terms, &w.terms)
                                } else {
                                    0.0
                                }
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let heading = |k: SentenceKind| k == SentenceKind::Heading;
        let pair_norm = |j: usize| {
            let (x, y) = (&vectors[j], &vectors[j + 1]);
            (x.norm * x.norm + y.norm * y.norm + 2.0 * dot(&x.terms, &y.terms)).sqrt()
        };
        let cosine_cell = |r: usize, c: usize, j: usize| {
            let (_, kind, v) = &cells[r][c];
            if heading(*kind) != heading(sentences[j].kind) {
                f32::NEG_INFINITY
            } else {
                cosine(dots[r][c][j], v.norm, vectors[j].norm, soft)
            }
        };
        // 1–1: the best cell of the row.
        let sim = |r: usize, j: usize| {
            (0..cells[r].len())
                .map(|c| cosine_cell(r, c, j))
                .fold(f32::NEG_INFINITY, f32::max)
        };
        // 2–1: sentences j and j+1 of `a` (one kind, not headings) against the best cell.
        let sim_merge = |r: usize, j: usize| {
            let kind = sentences[j].kind;
            if heading(kind) || sentences[j + 1].kind != kind {
                return f32::NEG_INFINITY;
            }
            let norm = pair_norm(j);
            (0..cells[r].len())
                .filter(|&c| cells[r][c].1 == kind)
                .filter(|&c| {
                    cosine_cell(r, c, j) >= options.merge_part_min
                        && cosine_cell(r, c, j + 1) >= options.merge_part_min
                })
                .map(|c| {
                    cosine(
                        dots[r][c][j] + dots[r][c][j + 1],
                        cells[r][c].2.norm,
                        norm,
                        soft,
                    )
                })
                .fold(f32::NEG_INFINITY, f32::max)
        };
        // 1–2: sentence j against rows r and r+1 taken together, through an article with a
        // cell in both (its cells are consecutive sentences, so the rows can fuse).
        let sim_fuse = |r: usize, j: usize| {
            let kind = sentences[j].kind;
            if heading(kind) {
                return f32::NEG_INFINITY;
            }
            let mut best = f32::NEG_INFINITY;
            for (c, (b, first_kind, first)) in cells[r].iter().enumerate() {
                let Some(d) = cells[r + 1].iter().position(|(b2, _, _)| b2 == b) else {
                    continue;
                };
                let (_, second_kind, second) = &cells[r + 1][d];
                if *first_kind != kind || *second_kind != kind {
                    continue;
                }
                if cosine_cell(r, c, j) < options.merge_part_min
                    || cosine_cell(r + 1, d, j) < options.merge_part_min
                {
                    continue;
                }
                let both = Vector::sum(&[first.clone(), second.clone()]);
                let score = cosine(
                    dots[r][c][j] + dots[r + 1][d][j],
                    both.norm,
                    vectors[j].norm,
                    soft,
                );
                best = best.max(score);
            }
            best
        };

        // Rows are the left side: OneTwo joins two sentences to a row, TwoOne fuses two rows
        // around one sentence. SkipLeft before SkipRight on ties: a sentence without a partner
        // follows the previous joined one.
        let moves = monotone_path(n, m, t, options.merge_penalty, sim, sim_merge, sim_fuse);
        let count = self.sentences.len();
        let mut rows: Vec<Option<Row>> = rows.into_iter().map(Some).collect();
        let mut take = |r: usize| rows[r].take().expect("each row is used once");
        let mut out = Vec::with_capacity(n + m);
        for step in moves {
            match step {
                Move::Match { i, j } => {
                    let mut row = take(i);
                    row.cells[a] = Some(vec![j]);
                    out.push(row);
                }
                Move::OneTwo { i, j } => {
                    let mut row = take(i);
                    row.cells[a] = Some(vec![j, j + 1]);
                    out.push(row);
                }
                Move::TwoOne { i, j } => {
                    let mut row = take(i);
                    for (cell, more) in row.cells.iter_mut().zip(take(i + 1).cells) {
                        match (cell.as_mut(), more) {
                            (Some(cell), Some(more)) => cell.extend(more),
                            (None, Some(more)) => *cell = Some(more),
                            (_, None) => {}
                        }
                    }
                    row.cells[a] = Some(vec![j]);
                    out.push(row);
                }
                Move::SkipLeft { i } => out.push(take(i)),
                Move::SkipRight { j } => {
                    let mut cells = vec![None; count];
                    cells[a] = Some(vec![j]);
                    out.push(Row {
                        cells,
                        similarity: 0.0,
                    });
                }
            }
        }
        out
    }

    /// Mean similarity of a row's other cells to its pivot cell; 0 without both.
    pub(super) fn row_similarity(&self, row: &Row, pivot: usize) -> f32 {
        let sum_of = |a: usize, cell: &[usize]| {
            let parts: Vec<Vector> = cell.iter().map(|&k| self.vectors[a][k].clone()).collect();
            Vector::sum(&parts)
        };
        let Some(pivot_cell) = row.cells[pivot].as_deref() else {
            return 0.0;
        };
        let p = sum_of(pivot, pivot_cell);
        let scores: Vec<f32> = row
            .cells
            .iter()
            .enumerate()
            .filter(|&(a, _)| a != pivot)
            .filter_map(|(a, cell)| {
                let v = sum_of(a, cell.as_deref()?);
                Some(cosine(
                    claim_dot(&p.terms, &v.terms),
                    p.norm,
                    v.norm,
                    self.soft,
                ))
            })
            .collect();
        if scores.is_empty() {
            0.0
        } else {
            scores.iter().sum::<f32>() / scores.len() as f32
        }
    }

    /// The monotone alignment of article `left` with article `right`, plus best-match links
    /// for sentences outside it.
    pub(super) fn align_pair(
        &self,
        left: usize,
        right: usize,
        options: &AlignOptions,
    ) -> PairAlignment {
        let (lv, rv) = (&self.vectors[left], &self.vectors[right]);
        let (ls, rs) = (&self.sentences[left], &self.sentences[right]);
        let (n, m) = (lv.len(), rv.len());
        let soft = self.soft;
        let heading = |s: &Sentence| s.kind == SentenceKind::Heading;
        let dots: Vec<f32> = (0..n * m)
            .map(|k| claim_dot(&lv[k / m].terms, &rv[k % m].terms))
            .collect();
        let d = |i: usize, j: usize| dots[i * m + j];
        let sim = |i: usize, j: usize| {
            if heading(&ls[i]) != heading(&rs[j]) {
                f32::NEG_INFINITY
            } else {
                cosine(d(i, j), lv[i].norm, rv[j].norm, soft)
            }
        };
        // Norm of the sum of two consecutive sentences, from their dot product.
        let pair_norm = |v: &[Vector], k: usize| {
            let (a, b) = (&v[k], &v[k + 1]);
            (a.norm * a.norm + b.norm * b.norm + 2.0 * dot(&a.terms, &b.terms)).sqrt()
        };
        let left_pair_norms: Vec<f32> =
            (0..n.saturating_sub(1)).map(|k| pair_norm(lv, k)).collect();
        let right_pair_norms: Vec<f32> =
            (0..m.saturating_sub(1)).map(|k| pair_norm(rv, k)).collect();
        // Left i against right j, j+1 merged.
        // A merge joins sentences of one kind: two bullet points are not one sentence of prose
        // (and a prose sentence is not two bullet points), however many words they share.
        let sim12 = |i: usize, j: usize| {
            if heading(&ls[i]) || heading(&rs[j]) || heading(&rs[j + 1]) {
                return f32::NEG_INFINITY;
            }
            if ls[i].kind != rs[j].kind || rs[j].kind != rs[j + 1].kind {
                return f32::NEG_INFINITY;
            }
            if sim(i, j) < options.merge_part_min || sim(i, j + 1) < options.merge_part_min {
                return f32::NEG_INFINITY;
            }
            cosine(d(i, j) + d(i, j + 1), lv[i].norm, right_pair_norms[j], soft)
        };
        let sim21 = |i: usize, j: usize| {
            if heading(&ls[i]) || heading(&ls[i + 1]) || heading(&rs[j]) {
                return f32::NEG_INFINITY;
            }
            if ls[i].kind != rs[j].kind || ls[i].kind != ls[i + 1].kind {
                return f32::NEG_INFINITY;
            }
            if sim(i, j) < options.merge_part_min || sim(i + 1, j) < options.merge_part_min {
                return f32::NEG_INFINITY;
            }
            cosine(d(i, j) + d(i + 1, j), left_pair_norms[i], rv[j].norm, soft)
        };

        let steps: Vec<Step> = monotone_path(
            n,
            m,
            options.threshold,
            options.merge_penalty,
            sim,
            sim12,
            sim21,
        )
        .into_iter()
        .filter_map(|step| match step {
            Move::Match { i, j } => Some(Step {
                left: vec![i],
                right: vec![j],
                similarity: sim(i, j),
            }),
            Move::OneTwo { i, j } => Some(Step {
                left: vec![i],
                right: vec![j, j + 1],
                similarity: sim12(i, j),
            }),
            Move::TwoOne { i, j } => Some(Step {
                left: vec![i, i + 1],
                right: vec![j],
                similarity: sim21(i, j),
            }),
            Move::SkipLeft { .. } | Move::SkipRight { .. } => None,
        })
        .collect();

        // Best-match links beside the path, from either side: reordered text (a sentence the
        // path skipped) and second partners (news repeats a claim in the lede, a key-facts box
        // and the summary, and the monotone path can take only one of them). Headings are left
        // out: outside the path, their few words match too easily.
        let mut in_step = BTreeSet::new();
        for step in &steps {
            for &i in &step.left {
                for &j in &step.right {
                    in_step.insert((i, j));
                }
            }
        }
        let mut links = BTreeSet::new();
        let mut consider_link = |i: usize, j: usize, s: f32| {
            if s >= options.moved_threshold && !heading(&ls[i]) && !in_step.contains(&(i, j)) {
                links.insert((i, j));
            }
        };
        for j in 0..m {
            if let Some((i, s)) = best_of((0..n).map(|i| sim(i, j))) {
                consider_link(i, j, s);
            }
        }
        for i in 0..n {
            if let Some((j, s)) = best_of((0..m).map(|j| sim(i, j))) {
                consider_link(i, j, s);
            }
        }
        let links = links.into_iter().map(|(i, j)| (i, j, sim(i, j))).collect();
        PairAlignment { steps, links }
    }
}

/// One step of a monotone alignment of a left sequence with a right one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Move {
    /// Left `i` with right `j`.
    Match { i: usize, j: usize },
    /// Left `i` with right `j` and `j + 1`.
    OneTwo { i: usize, j: usize },
    /// Left `i` and `i + 1` with right `j`.
    TwoOne { i: usize, j: usize },
    /// Left `i` with nothing.
    SkipLeft { i: usize },
    /// Right `j` with nothing.
    SkipRight { j: usize },
}

/// The best monotone path through `n` left and `m` right items, in order. A match or merge
/// scores its similarity minus `threshold` (merges also minus `merge_penalty`), so only steps
/// above the threshold pay; skips score nothing. Candidates are tried in the order of [`Move`]'s
/// variants and the first of equal scores wins, which makes the path deterministic.
pub(super) fn monotone_path(
    n: usize,
    m: usize,
    threshold: f32,
    merge_penalty: f32,
    one_one: impl Fn(usize, usize) -> f32,
    one_two: impl Fn(usize, usize) -> f32,
    two_one: impl Fn(usize, usize) -> f32,
) -> Vec<Move> {
    // best[i][j]: the best score aligning the first i left and the first j right items, and
    // the move that reached it.
    let width = m + 1;
    let mut best = vec![0.0f32; (n + 1) * width];
    let mut back: Vec<Option<Move>> = vec![None; (n + 1) * width];
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut top = (f32::NEG_INFINITY, None);
            let mut consider = |score: f32, step: Move| {
                if score > top.0 {
                    top = (score, Some(step));
                }
            };
            if i >= 1 && j >= 1 {
                let step = Move::Match { i: i - 1, j: j - 1 };
                consider(
                    best[(i - 1) * width + j - 1] + one_one(i - 1, j - 1) - threshold,
                    step,
                );
            }
            if i >= 1 && j >= 2 {
                let score = one_two(i - 1, j - 2) - threshold - merge_penalty;
                consider(
                    best[(i - 1) * width + j - 2] + score,
                    Move::OneTwo { i: i - 1, j: j - 2 },
                );
            }
            if i >= 2 && j >= 1 {
                let score = two_one(i - 2, j - 1) - threshold - merge_penalty;
                consider(
                    best[(i - 2) * width + j - 1] + score,
                    Move::TwoOne { i: i - 2, j: j - 1 },
                );
            }
            if i >= 1 {
                consider(best[(i - 1) * width + j], Move::SkipLeft { i: i - 1 });
            }
            if j >= 1 {
                consider(best[i * width + j - 1], Move::SkipRight { j: j - 1 });
            }
            best[i * width + j] = top.0;
            back[i * width + j] = top.1;
        }
    }
    let mut path = Vec::with_capacity(n + m);
    let (mut i, mut j) = (n, m);
    while let Some(step) = back[i * width + j] {
        path.push(step);
        match step {
            Move::Match { i: a, j: b }
            | Move::OneTwo { i: a, j: b }
            | Move::TwoOne { i: a, j: b } => {
                (i, j) = (a, b);
            }
            Move::SkipLeft { i: a } => i = a,
            Move::SkipRight { j: b } => j = b,
        }
    }
    path.reverse();
    path
}

/// Index and value of the largest score, the lowest index among equals.
pub(super) fn best_of(scores: impl Iterator<Item = f32>) -> Option<(usize, f32)> {
    let mut top: Option<(usize, f32)> = None;
    for (k, s) in scores.enumerate() {
        if top.is_none_or(|(_, t)| s > t) {
            top = Some((k, s));
        }
    }
    top
}

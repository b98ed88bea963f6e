//! Shared passages: stretches of text two articles have in common (a wire story reprinted, a
//! press release pasted in), found the way text-reuse detectors find them.
//!
//! 1. Each article becomes a list of words (case-folded, boilerplate skipped), each hashed with
//!    a fixed function (FNV-1a), so fingerprints are the same on every machine and can be
//!    stored.
//! 2. Fingerprints: every run of [`ReuseOptions::shingle_words`] words is hashed, and winnowing
//!    (Schleimer, Wilkerson & Aiken 2003) keeps the smallest hash of each window of
//!    [`ReuseOptions::window`] runs. Any shared run of `shingle_words + window - 1` words is
//!    guaranteed to leave a common fingerprint in both articles.
//! 3. Candidates: an inverted index from fingerprint to (article, word) pairs up articles that
//!    share fingerprints. A fingerprint found in too many articles is a common phrase or site
//!    clutter, not reuse, and is dropped (as passim does).
//! 4. Passages: around each cluster of shared fingerprints the two word sequences are diffed
//!    (`similar`), and runs of equal words separated by small edits are joined into maximal
//!    passages. Each has both articles' byte ranges, its length in words and a similarity (equal
//!    words over the longer side).
//!
//! Everything is deterministic: sorted inputs, fixed hashes, ties broken by position.

use crate::ids::ArticleId;
use crate::text::words;
use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// Tuning of reuse detection. Build from `ReuseOptions::default()` and the setters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReuseOptions {
    shingle_words: usize,
    window: usize,
    min_words: usize,
    min_similarity: f32,
    max_gap: usize,
    max_articles_per_fingerprint: usize,
}

impl Default for ReuseOptions {
    fn default() -> Self {
        ReuseOptions {
            shingle_words: 5,
            window: 4,
            min_words: 20,
            min_similarity: 0.8,
            max_gap: 4,
            max_articles_per_fingerprint: 100,
        }
    }
}

impl ReuseOptions {
    /// Words per hashed run. Default 5: shorter runs match common phrasing ("the United States
    /// and"), longer ones miss passages with frequent small edits.
    pub fn shingle_words(mut self, words: usize) -> Self {
        self.shingle_words = words.max(1);
        self
    }

    /// Runs per winnowing window. Default 4: keeps ~40% of runs, and guarantees a common
    /// fingerprint for any shared run of 8 words.
    pub fn window(mut self, runs: usize) -> Self {
        self.window = runs.max(1);
        self
    }

    /// Shortest passage reported, in words (on the shorter side). Default 20.
    pub fn min_words(mut self, words: usize) -> Self {
        self.min_words = words.max(1);
        self
    }

    /// Lowest similarity of a reported passage: equal words over the longer side's words.
    /// Default 0.8.
    pub fn min_similarity(mut self, similarity: f32) -> Self {
        self.min_similarity = similarity;
        self
    }

    /// Most words changed (on either side) between two equal stretches of one passage.
    /// Default 4: a changed figure or a rephrased clause stays inside, a new paragraph does not.
    pub fn max_gap(mut self, words: usize) -> Self {
        self.max_gap = words;
        self
    }

    /// A fingerprint found more often than this (in all articles together) is a common phrase
    /// or clutter and is ignored. Default 100.
    pub fn max_articles_per_fingerprint(mut self, articles: usize) -> Self {
        self.max_articles_per_fingerprint = articles.max(2);
        self
    }

    /// The minimum number of shared words that leaves a common fingerprint for sure.
    pub fn guaranteed_words(&self) -> usize {
        self.shingle_words + self.window - 1
    }
}

/// An article's words as reuse detection sees them: case-folded hashes with byte ranges,
/// boilerplate left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReuseText {
    hashes: Vec<u64>,
    ranges: Vec<Range<usize>>,
}

impl ReuseText {
    /// The words of `body` outside the `boilerplate` byte ranges.
    pub fn new(body: &str, boilerplate: &[Range<usize>]) -> ReuseText {
        let mut hashes = Vec::new();
        let mut ranges = Vec::new();
        for word in words(body) {
            if boilerplate.iter().any(|r| r.contains(&word.start)) {
                continue;
            }
            hashes.push(word_hash(word.text));
            ranges.push(word.start..word.end());
        }
        ReuseText { hashes, ranges }
    }

    /// How many words it has.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether it has no words.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Byte range of words `words`.
    fn bytes(&self, words: Range<usize>) -> Range<usize> {
        self.ranges[words.start].start..self.ranges[words.end - 1].end
    }

    /// How many of its words lie inside any of the byte ranges: the reused share of an article
    /// is this over [`ReuseText::len`].
    pub fn words_within(&self, ranges: &[Range<usize>]) -> usize {
        self.ranges
            .iter()
            .filter(|w| ranges.iter().any(|r| r.start <= w.start && w.end <= r.end))
            .count()
    }
}

/// Boilerplate learned from a library: the paragraphs of `body` whose words are mostly
/// covered by fingerprints the library marked as an outlet's recurring text (`learned`, hashes
/// found in many articles of one outlet: its footer, its newsletter prompt, a standard
/// disclaimer). `text` and `prints` are the article's reuse words and stored fingerprints (so
/// fingerprint word indices point into `text`). Whole paragraphs are returned, like the
/// clutter the readers mark, so a paragraph is boilerplate or text, never half of each.
pub fn learned_boilerplate(
    body: &str,
    text: &ReuseText,
    prints: &[Fingerprint],
    learned: &dyn Fn(u64) -> bool,
    options: &ReuseOptions,
) -> Vec<Range<usize>> {
    let mut covered = vec![false; text.len()];
    for print in prints.iter().filter(|p| learned(p.hash)) {
        let start = print.word as usize;
        let end = (start + options.shingle_words).min(text.len());
        covered[start.min(end)..end]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    if !covered.contains(&true) {
        return Vec::new();
    }
    // Paragraph by paragraph (blank-line separated, as bodies are stored).
    let mut out = Vec::new();
    let mut start = 0;
    let mut w = 0;
    for paragraph in body.split("\n\n") {
        let range = start..start + paragraph.len();
        start = range.end + 2;
        let (mut words, mut marked) = (0, 0);
        while w < text.len() && text.ranges[w].start < range.end {
            if text.ranges[w].start >= range.start {
                words += 1;
                marked += usize::from(covered[w]);
            }
            w += 1;
        }
        if words > 0 && 2 * marked >= words {
            out.push(range);
        }
    }
    out
}

/// FNV-1a, 64 bits, over the case-folded word: fixed, so stored fingerprints stay valid.
fn word_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for byte in c.encode_utf8(&mut buf).bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// One winnowed fingerprint: the hash of a run of words and the index of its first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Fingerprint {
    /// The run's hash.
    pub hash: u64,
    /// Index of the run's first word in the article's [`ReuseText`].
    pub word: u32,
}

/// The winnowed fingerprints of a text, in word order.
pub fn fingerprints(text: &ReuseText, options: &ReuseOptions) -> Vec<Fingerprint> {
    let k = options.shingle_words;
    if text.len() < k {
        return Vec::new();
    }
    let runs: Vec<u64> = text
        .hashes
        .windows(k)
        .map(|run| {
            run.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &w| {
                (h ^ w).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(17)
            })
        })
        .collect();
    let w = options.window.min(runs.len());
    let mut out: Vec<Fingerprint> = Vec::new();
    for start in 0..=runs.len() - w {
        // The smallest hash of the window, the rightmost on ties (robust winnowing).
        let mut pick = start;
        for i in start..start + w {
            if runs[i] <= runs[pick] {
                pick = i;
            }
        }
        if out.last().is_none_or(|f| f.word as usize != pick) {
            out.push(Fingerprint {
                hash: runs[pick],
                word: pick as u32,
            });
        }
    }
    out
}

/// Fingerprints as bytes, for storage: 12 bytes each (hash, then word), little-endian.
pub fn encode_fingerprints(fingerprints: &[Fingerprint]) -> Vec<u8> {
    let mut out = Vec::with_capacity(fingerprints.len() * 12);
    for f in fingerprints {
        out.extend_from_slice(&f.hash.to_le_bytes());
        out.extend_from_slice(&f.word.to_le_bytes());
    }
    out
}

/// Reads what [`encode_fingerprints`] wrote; a trailing partial record is ignored.
pub fn decode_fingerprints(bytes: &[u8]) -> Vec<Fingerprint> {
    bytes
        .chunks_exact(12)
        .map(|c| Fingerprint {
            hash: u64::from_le_bytes(c[..8].try_into().expect("8 bytes")),
            word: u32::from_le_bytes(c[8..].try_into().expect("4 bytes")),
        })
        .collect()
}

/// Two articles that share fingerprints, and where: `(word in a, word in b)` pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The first article's index (in the caller's list).
    pub a: usize,
    /// The second article's index, greater than `a`.
    pub b: usize,
    /// Word positions of the shared fingerprints, sorted.
    pub seeds: Vec<(u32, u32)>,
}

/// The pairs of articles worth aligning: those sharing at least two fingerprints, none of them
/// in more than [`ReuseOptions::max_articles_per_fingerprint`] articles. `articles` holds each
/// article's fingerprints, indexed as the caller numbers them. Sorted by `(a, b)`.
pub fn candidates(articles: &[&[Fingerprint]], options: &ReuseOptions) -> Vec<Candidate> {
    let mut postings: Vec<Posting> = Vec::new();
    for (doc, prints) in articles.iter().enumerate() {
        postings.extend(prints.iter().map(|f| Posting {
            hash: f.hash,
            article: doc as u32,
            word: f.word,
        }));
    }
    candidates_from_postings(postings, options)
}

/// One entry of the inverted index: a fingerprint's hash, the article and the word it is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Posting {
    /// The fingerprint's hash.
    pub hash: u64,
    /// The caller's index of the article.
    pub article: u32,
    /// The word it starts at.
    pub word: u32,
}

/// [`candidates`] from the index entries themselves, for callers that read fingerprints
/// straight into them (the library's, where holding both would double the memory).
pub fn candidates_from_postings(
    mut postings: Vec<Posting>,
    options: &ReuseOptions,
) -> Vec<Candidate> {
    postings.sort_unstable();
    let mut pairs: HashMap<(u32, u32), Vec<(u32, u32)>> = HashMap::new();
    let mut start = 0;
    while start < postings.len() {
        let hash = postings[start].hash;
        let end = start + postings[start..].partition_point(|p| p.hash == hash);
        let group = &postings[start..end];
        start = end;
        // Entries, not articles, are counted: a run repeated all over one page ("0 0 0 …",
        // "Advertisement") would otherwise pair every repeat with every other.
        if group.len() < 2 || group.len() > options.max_articles_per_fingerprint {
            continue;
        }
        if group.iter().all(|p| p.article == group[0].article) {
            continue;
        }
        for (i, x) in group.iter().enumerate() {
            for y in &group[i + 1..] {
                if x.article != y.article {
                    pairs
                        .entry((x.article, y.article))
                        .or_default()
                        .push((x.word, y.word));
                }
            }
        }
    }
    let mut out: Vec<Candidate> = pairs
        .into_iter()
        .filter(|(_, seeds)| seeds.len() >= 2)
        .map(|((a, b), mut seeds)| {
            seeds.sort_unstable();
            Candidate {
                a: a as usize,
                b: b as usize,
                seeds,
            }
        })
        .collect();
    out.sort_unstable_by_key(|c| (c.a, c.b));
    out
}

/// Where one side of a shared passage is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Byte range in the first article's body.
    pub a: Range<usize>,
    /// Byte range in the second article's body.
    pub b: Range<usize>,
    /// Its length in words (the shorter side).
    pub words: usize,
    /// Equal words over the longer side's words (1 for a verbatim copy).
    pub similarity: f32,
}

/// Most words of one side a region of seeds grows to before a new region starts: it bounds the
/// work of each region's diff (a budget, not a clock, so results never depend on the machine).
/// A passage longer than this is found as consecutive pieces.
const MAX_REGION_WORDS: usize = 20_000;

/// Fewest equal words in a row that count as shared text inside a passage.
const MIN_STRETCH: usize = 2;

/// The passages `a` and `b` share around their shared fingerprints `seeds` (word positions,
/// as [`candidates`] gives them), longest first.
pub fn passages_between(
    a: &ReuseText,
    b: &ReuseText,
    seeds: &[(u32, u32)],
    options: &ReuseOptions,
) -> Vec<Passage> {
    let k = options.shingle_words;
    // Seeds near each other on nearly the same diagonal belong to one region.
    let mut seeds: Vec<(usize, usize)> = seeds
        .iter()
        .map(|&(x, y)| (x as usize, y as usize))
        .collect();
    seeds.sort_unstable();
    // A region: word ranges on both sides and the range of its seeds' diagonals (y - x). Seeds
    // join a region when near it and on nearly its diagonal, so two swapped paragraphs are two
    // regions, each diffed on its own.
    let reach = 4 * options.guaranteed_words() + options.max_gap * 4;
    let drift = (4 * options.max_gap) as i64;
    let mut regions: Vec<(Range<usize>, Range<usize>, Range<i64>)> = Vec::new();
    for &(x, y) in &seeds {
        let diagonal = y as i64 - x as i64;
        let near = regions.iter_mut().find(|(ra, rb, d)| {
            ra.len() < MAX_REGION_WORDS
                && x <= ra.end + reach
                && x + reach >= ra.start
                && y <= rb.end + reach
                && y + reach >= rb.start
                && diagonal >= d.start - drift
                && diagonal <= d.end + drift
        });
        match near {
            Some((ra, rb, d)) => {
                ra.start = ra.start.min(x);
                ra.end = ra.end.max(x + k);
                rb.start = rb.start.min(y);
                rb.end = rb.end.max(y + k);
                d.start = d.start.min(diagonal);
                d.end = d.end.max(diagonal);
            }
            None => regions.push((x..x + k, y..y + k, diagonal..diagonal)),
        }
    }
    let pad = options.guaranteed_words() + options.max_gap + 2;
    let mut runs: Vec<(Range<usize>, Range<usize>, usize)> = Vec::new();
    for (ra, rb, _) in regions {
        // Seeds come from stored fingerprints: clamp them to the texts as they are.
        let ra = ra.start.saturating_sub(pad).min(a.len())..(ra.end + pad).min(a.len());
        let rb = rb.start.saturating_sub(pad).min(b.len())..(rb.end + pad).min(b.len());
        if ra.is_empty() || rb.is_empty() {
            continue;
        }
        runs.extend(aligned_runs(a, b, ra, rb, options));
    }
    // Regions may overlap: keep each stretch once, the longest version of it.
    runs.sort_by(|x, y| y.0.len().cmp(&x.0.len()).then(x.0.start.cmp(&y.0.start)));
    let mut found: Vec<(Range<usize>, Range<usize>, usize)> = Vec::new();
    for run in runs {
        if !found
            .iter()
            .any(|f| overlaps(&f.0, &run.0) && overlaps(&f.1, &run.1))
        {
            found.push(run);
        }
    }
    let mut out: Vec<Passage> = found
        .into_iter()
        .filter_map(|(wa, wb, equal)| {
            let words = wa.len().min(wb.len());
            let similarity = equal as f32 / wa.len().max(wb.len()) as f32;
            (words >= options.min_words && similarity >= options.min_similarity).then(|| Passage {
                a: a.bytes(wa),
                b: b.bytes(wb),
                words,
                similarity,
            })
        })
        .collect();
    out.sort_by(|x, y| y.words.cmp(&x.words).then(x.a.start.cmp(&y.a.start)));
    out
}

fn overlaps(x: &Range<usize>, y: &Range<usize>) -> bool {
    x.start < y.end && y.start < x.end
}

/// Diffs word ranges `ra` of `a` and `rb` of `b` and joins equal stretches separated by at
/// most `max_gap` changed words into passages: `(words of a, words of b, equal words)`.
fn aligned_runs(
    a: &ReuseText,
    b: &ReuseText,
    ra: Range<usize>,
    rb: Range<usize>,
    options: &ReuseOptions,
) -> Vec<(Range<usize>, Range<usize>, usize)> {
    let ops = similar::capture_diff_slices(
        Algorithm::Myers,
        &a.hashes[ra.clone()],
        &b.hashes[rb.clone()],
    );
    let mut out = Vec::new();
    let mut current: Option<(Range<usize>, Range<usize>, usize)> = None;
    // Changed words since the last equal stretch, on each side.
    let (mut gap_a, mut gap_b) = (0usize, 0usize);
    for op in &ops {
        match *op {
            // A single equal word ("the", "said") is a coincidence inside a gap, not shared
            // text: it neither starts a passage nor carries one across.
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } if len >= MIN_STRETCH => {
                let (x, y) = (ra.start + old_index, rb.start + new_index);
                current = match current.take() {
                    Some((pa, pb, equal))
                        if gap_a <= options.max_gap && gap_b <= options.max_gap =>
                    {
                        Some((pa.start..x + len, pb.start..y + len, equal + len))
                    }
                    previous => {
                        out.extend(previous);
                        Some((x..x + len, y..y + len, len))
                    }
                };
                gap_a = 0;
                gap_b = 0;
            }
            _ => {
                gap_a += op.old_range().len();
                gap_b += op.new_range().len();
            }
        }
    }
    out.extend(current);
    out
}

/// Every passage shared by any two of `texts`, as `(a, b, passage)` with `a < b`, in order of
/// `(a, b)` then length: candidates from the fingerprints, then [`passages_between`].
pub fn shared_passages(
    texts: &[ReuseText],
    options: &ReuseOptions,
) -> Vec<(usize, usize, Passage)> {
    let prints: Vec<Vec<Fingerprint>> = texts.iter().map(|t| fingerprints(t, options)).collect();
    let refs: Vec<&[Fingerprint]> = prints.iter().map(Vec::as_slice).collect();
    let mut out = Vec::new();
    for candidate in candidates(&refs, options) {
        for passage in passages_between(
            &texts[candidate.a],
            &texts[candidate.b],
            &candidate.seeds,
            options,
        ) {
            out.push((candidate.a, candidate.b, passage));
        }
    }
    out
}

/// For each text, the byte ranges of it that some passage covers, merged and sorted: what the
/// reader sees highlighted and what the reused share counts.
pub fn covered_ranges(
    count: usize,
    passages: &[(usize, usize, Passage)],
) -> Vec<Vec<Range<usize>>> {
    let mut by_text: BTreeMap<usize, Vec<Range<usize>>> = BTreeMap::new();
    for (a, b, p) in passages {
        by_text.entry(*a).or_default().push(p.a.clone());
        by_text.entry(*b).or_default().push(p.b.clone());
    }
    (0..count)
        .map(|i| merge_ranges(by_text.remove(&i).unwrap_or_default()))
        .collect()
}

/// One side of a passage two articles share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PassageSide {
    /// The article.
    pub article: ArticleId,
    /// Byte offset in its body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A passage two identified articles share, and which had it first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SharedPassage {
    /// Where it is in the first article.
    pub a: PassageSide,
    /// Where it is in the second.
    pub b: PassageSide,
    /// Its length in words (the shorter side).
    pub words: usize,
    /// Equal words over the longer side's words.
    pub similarity: f32,
    /// The article that had it first, where both have a publication date and they differ.
    pub first: Option<ArticleId>,
}

impl SharedPassage {
    /// `passage` between two articles given with their ISO publication dates: the earlier one
    /// had it first (none when a date is missing or both are the same day).
    pub fn new(
        a: (ArticleId, Option<&str>),
        b: (ArticleId, Option<&str>),
        passage: &Passage,
    ) -> SharedPassage {
        let first = match (a.1, b.1) {
            (Some(x), Some(y)) if x < y => Some(a.0),
            (Some(x), Some(y)) if y < x => Some(b.0),
            _ => None,
        };
        let side = |article: ArticleId, range: &Range<usize>| PassageSide {
            article,
            start: range.start,
            end: range.end,
        };
        SharedPassage {
            a: side(a.0, &passage.a),
            b: side(b.0, &passage.b),
            words: passage.words,
            similarity: passage.similarity,
            first,
        }
    }
}

/// Byte ranges sorted, overlapping or touching ones merged.
pub fn merge_ranges(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_hashes_fold_case_and_are_fixed() {
        assert_eq!(word_hash("Gate"), word_hash("gate"));
        assert_ne!(word_hash("gate"), word_hash("gates"));
        // FNV-1a of "a": a fixed value, whatever the machine or run.
        assert_eq!(word_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn winnowing_keeps_a_fingerprint_in_every_window() {
        let body = (0..60)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let text = ReuseText::new(&body, &[]);
        let options = ReuseOptions::default();
        let prints = fingerprints(&text, &options);
        assert!(!prints.is_empty() && prints.len() < text.len());
        let runs = text.len() - options.shingle_words + 1;
        for start in 0..=runs - options.window {
            assert!(prints
                .iter()
                .any(|f| (start..start + options.window).contains(&(f.word as usize))));
        }
        assert_eq!(decode_fingerprints(&encode_fingerprints(&prints)), prints);
    }
}

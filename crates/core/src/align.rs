//! Sentence alignment across the articles of a session, against one pivot article.
//!
//! Method (DESIGN.md §5):
//! 1. Sentences come from [`crate::sentences`] (boilerplate skipped). Each becomes a sparse
//!    vector of content terms: Unicode words, case folded, possessives dropped, English stop
//!    words removed, Snowball-stemmed (stemmer picked from the language tag). Numbers are kept
//!    as written (thousands separators removed). A few abbreviations ("U.S.", "UN") expand to
//!    the stems of their long form so "U.S." meets "United States", and words news reports use
//!    for one another ("talks", "discussions", "dialogue") also carry a shared group term,
//!    weighed at 0.6 of the word's own (`synonyms`).
//! 2. Term weight = IDF over the session's sentences × a boost for names (a term seen
//!    capitalised away from the start of a prose sentence) and numbers. True pairs across outlets
//!    are loose paraphrases of one specific claim: the rare, specific words carry the match, the
//!    topical ones ("Venezuela", "relations") must not.
//! 3. Similarity = cosine of the weighted vectors. A merge (two consecutive sentences against
//!    one) is the cosine against the sum of their vectors, computed from dot products only.
//! 4. Every pair of articles is aligned by a monotone dynamic programme over sentences with
//!    1–1, 1–2 and 2–1 steps and free skips; a step scores similarity minus the threshold, so
//!    only steps above the threshold pay. Headings pair only with headings. These pairwise
//!    alignments decide "only here" (a sentence no other article pairs) and the coverage.
//! 5. The rows are built progressively: the pivot's sentences first, then each other article
//!    aligned by the same kind of programme against the rows so far, where a sentence's
//!    similarity to a row is its best similarity to any cell already in it. A sentence two
//!    non-pivot articles share but the pivot lacks thus gets one row, and a 2–1 step fuses two
//!    rows instead of showing one sentence twice.
//! 6. Pairs of the pivot's pairwise alignments that the rows put apart, and best matches outside
//!    the monotone path above a higher threshold, become links: reordered text and second
//!    partners ([`Alignment::moved`]).
//!
//! Everything is deterministic: terms are numbered by first occurrence, sums run in a fixed
//! order and ties go to the lowest index.

use crate::diff::{word_diff, DiffOptions, WordDiff};
use crate::ids::ArticleId;
use crate::lexicon::{EXPANSIONS, FUNCTION_WORDS};
use crate::sentences::{sentences, Sentence, SentenceKind};
use crate::text::words;
use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

/// One article handed to [`align`].
#[derive(Debug, Clone, Copy)]
pub struct AlignInput<'a> {
    /// The article, returned as is in [`Alignment::articles`].
    pub id: ArticleId,
    /// The normalised body (see [`crate::ingest::Document::body`]).
    pub body: &'a str,
    /// Boilerplate byte ranges of the body: they yield no sentences.
    pub boilerplate: &'a [Range<usize>],
    /// BCP 47 language tag or its primary subtag ("en", "es-VE"); picks the sentence rules and
    /// the stemmer. Unknown languages fall back to English stemming.
    pub language: &'a str,
}

/// How common words are across the whole library, so that words frequent in every story
/// ("officials", "Wednesday", "percent") weigh less than the session alone would make them.
/// Build it with the words [`background_words`] names; the store reads their document
/// frequencies from its full-text index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Background {
    /// How many articles the library holds.
    pub documents: u32,
    /// For a lower-case word, how many of those articles contain it. Words missing here count
    /// as rare.
    pub frequencies: HashMap<String, u32>,
}

impl Background {
    /// Documents at which the library's frequencies count as much as the session's: below it
    /// they are blended in proportionally, since a small library says little about a language.
    const CONFIDENCE_DOCUMENTS: f32 = 200.0;

    /// The factor (0.25–1) by which a word seen in `frequency` library articles is weighed:
    /// 1 for a word in up to about √N of N articles (rare enough to say something), falling
    /// with the log of its frequency to 0.25 for a word in all of them, and pulled towards 1
    /// for a small library.
    fn factor(&self, frequency: u32) -> f32 {
        if self.documents == 0 {
            return 1.0;
        }
        let documents = self.documents as f32;
        let rarity = ((documents + 1.0) / (frequency as f32 + 1.0)).ln() / (documents + 1.0).ln();
        let weight = (0.25 + 1.5 * rarity.clamp(0.0, 1.0)).min(1.0);
        let confidence = documents / (documents + Self::CONFIDENCE_DOCUMENTS);
        1.0 - confidence + confidence * weight
    }
}

/// Tuning of [`align`]. Build from `AlignOptions::default()` and the setters.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    threshold: f32,
    moved_threshold: f32,
    merge_penalty: f32,
    merge_part_min: f32,
    name_boost: f32,
    number_boost: f32,
    background: Option<std::sync::Arc<Background>>,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            threshold: 0.15,
            moved_threshold: 0.2,
            merge_penalty: 0.03,
            merge_part_min: 0.08,
            name_boost: 1.6,
            number_boost: 1.6,
            background: None,
        }
    }
}

impl AlignOptions {
    /// Minimum cosine similarity for two sentences to share a row in the monotone alignment.
    /// Default 0.15: on the shared corpus (with the softened norms that damp short sentences),
    /// loose paraphrases of one claim score about 0.17–0.4 and different claims on the same
    /// topic mostly 0.07–0.14.
    pub fn threshold(mut self, threshold: f32) -> Self {
        self.threshold = threshold;
        self
    }

    /// Minimum similarity for a best-match link of a sentence outside the monotone path
    /// (reordered text, second partners). Default 0.2: higher than [`AlignOptions::threshold`]
    /// because such a link has no neighbouring sentences to support it.
    pub fn moved_threshold(mut self, threshold: f32) -> Self {
        self.moved_threshold = threshold;
        self
    }

    /// Subtracted from the score of a 1–2 or 2–1 step, so a merge must beat the single
    /// sentence pair it extends. Default 0.03.
    pub fn merge_penalty(mut self, penalty: f32) -> Self {
        self.merge_penalty = penalty;
        self
    }

    /// Minimum similarity of each part of a merge to the sentence on the other side, so an
    /// unrelated neighbour is not swallowed into a good pair. Default 0.08.
    pub fn merge_part_min(mut self, min: f32) -> Self {
        self.merge_part_min = min;
        self
    }

    /// Weight factor of name terms (capitalised inside a sentence). Default 1.6.
    pub fn name_boost(mut self, boost: f32) -> Self {
        self.name_boost = boost;
        self
    }

    /// Weight factor of number terms. Default 1.6.
    pub fn number_boost(mut self, boost: f32) -> Self {
        self.number_boost = boost;
        self
    }

    /// Word frequencies of the whole library, weighed in with the session's own (IDF over the
    /// session's sentences × a library factor, see [`Background`]). Default: none, the
    /// session alone.
    pub fn background(mut self, background: Background) -> Self {
        self.background = Some(std::sync::Arc::new(background));
        self
    }
}

/// The alignment of a session's articles against the pivot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// The article ids, in input order; "article index" everywhere below indexes this.
    pub articles: Vec<ArticleId>,
    /// Index of the pivot article.
    pub pivot: usize,
    /// The sentences of each article (byte ranges into its body).
    pub sentences: Vec<Vec<Sentence>>,
    /// Rows in reading order: every sentence of every article in exactly one row, each
    /// article's sentences in their order, the pivot's rows in the pivot's order. A row holds
    /// the sentences that say the same thing (one or two consecutive sentences per article).
    pub rows: Vec<Row>,
    /// Best-match links outside the monotone alignment: reordered text, and second partners of
    /// a sentence whose claim the other article repeats elsewhere.
    pub moved: Vec<Link>,
    /// `(article index, sentence index)` of sentences with no counterpart in any other article.
    pub only_here: Vec<(usize, usize)>,
    /// `coverage[a][b]`: the share of article `a`'s sentences with a counterpart in article `b`
    /// (aligned or linked when the two are aligned with each other); 1 on the diagonal. Not
    /// symmetric: a short wire story can be wholly inside a long report that is mostly its own.
    pub coverage: Vec<Vec<f32>>,
}

/// One row of the alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Per article: indices of its sentences in this row, `None` when it has none here.
    pub cells: Vec<Option<Vec<usize>>>,
    /// Mean similarity of the non-pivot cells to the pivot cell; 0 for a row with one cell.
    pub similarity: f32,
}

/// A best-match link between a sentence of a non-pivot article and a pivot sentence, outside
/// the monotone alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Article index of the non-pivot side.
    pub article: usize,
    /// Sentence index in that article.
    pub sentence: usize,
    /// Sentence index in the pivot.
    pub pivot_sentence: usize,
    /// Their similarity.
    pub similarity: f32,
}

/// The word diff of two cells of a row, over their sentence texts joined by a space.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairDiff {
    /// The first cell's text; the diff's left offsets point into it.
    pub left: String,
    /// The second cell's text; the diff's right offsets point into it.
    pub right: String,
    /// The word diff.
    pub diff: WordDiff,
}

impl Alignment {
    /// The text of some of an article's sentences, joined by a space.
    pub fn cell_text(&self, body: &str, article: usize, cell: &[usize]) -> String {
        let parts: Vec<&str> = cell
            .iter()
            .filter_map(|&s| self.sentences[article].get(s))
            .filter_map(|s| body.get(s.range()))
            .collect();
        parts.join(" ")
    }

    /// The word diff of articles `a` and `b` in row `row`, `None` when either has no cell
    /// there. `bodies` are the article bodies in input order.
    pub fn pair_diff(&self, bodies: &[&str], row: usize, a: usize, b: usize) -> Option<PairDiff> {
        let cells = &self.rows.get(row)?.cells;
        let left_cell = cells.get(a)?.as_ref()?;
        let right_cell = cells.get(b)?.as_ref()?;
        let left = self.cell_text(bodies.get(a)?, a, left_cell);
        let right = self.cell_text(bodies.get(b)?, b, right_cell);
        let diff = word_diff(&left, &right, DiffOptions::default());
        Some(PairDiff { left, right, diff })
    }
}

/// Aligns every article of `inputs` against `inputs[pivot]`.
///
/// # Panics
/// When `pivot` is out of range.
pub fn align(inputs: &[AlignInput<'_>], pivot: usize, options: &AlignOptions) -> Alignment {
    assert!(
        pivot < inputs.len(),
        "pivot {pivot} out of range for {} articles",
        inputs.len()
    );
    let session = Session::new(inputs, options);
    let count = inputs.len();

    // Every pair, for "only here"; the pivot pairs (pivot on the left) also build the rows.
    let mut matched: Vec<Vec<bool>> = session
        .sentences
        .iter()
        .map(|s| vec![false; s.len()])
        .collect();
    let mut pivot_pairs: Vec<Option<PairAlignment>> = vec![None; count];
    let mut coverage = vec![vec![1.0f32; count]; count];
    // (article, sentence, other article, other sentence) for every pair a pairwise alignment
    // made, both ways round: the rows only join sentences these pairs vouch for.
    let mut paired: HashSet<(usize, usize, usize, usize)> = HashSet::new();
    for a in 0..count {
        for b in a + 1..count {
            let (left, right) = if b == pivot { (b, a) } else { (a, b) };
            let pair = session.align_pair(left, right, options);
            let mut in_pair = (BTreeSet::new(), BTreeSet::new());
            for step in &pair.steps {
                in_pair.0.extend(step.left.iter().copied());
                in_pair.1.extend(step.right.iter().copied());
            }
            for link in &pair.links {
                in_pair.0.insert(link.0);
                in_pair.1.insert(link.1);
            }
            for step in &pair.steps {
                for &i in &step.left {
                    for &j in &step.right {
                        paired.insert((left, i, right, j));
                        paired.insert((right, j, left, i));
                    }
                }
            }
            for &(i, j, _) in &pair.links {
                paired.insert((left, i, right, j));
                paired.insert((right, j, left, i));
            }
            for &i in &in_pair.0 {
                matched[left][i] = true;
            }
            for &j in &in_pair.1 {
                matched[right][j] = true;
            }
            let share = |found: usize, of: usize| {
                if of == 0 {
                    0.0
                } else {
                    found as f32 / of as f32
                }
            };
            coverage[left][right] = share(in_pair.0.len(), session.sentences[left].len());
            coverage[right][left] = share(in_pair.1.len(), session.sentences[right].len());
            if left == pivot {
                pivot_pairs[right] = Some(pair);
            }
        }
    }

    // Rows: the pivot's sentences, then each other article aligned in turn against the rows
    // built so far (progressive alignment), so sentences several articles share sit in one
    // row even where the pivot has nothing for them.
    let mut rows: Vec<Row> = (0..session.sentences[pivot].len())
        .map(|i| {
            let mut cells = vec![None; count];
            cells[pivot] = Some(vec![i]);
            Row {
                cells,
                similarity: 0.0,
            }
        })
        .collect();
    for a in (0..count).filter(|&a| a != pivot) {
        rows = session.add_to_rows(rows, a, &paired, options);
    }
    for row in &mut rows {
        row.similarity = session.row_similarity(row, pivot);
    }

    // Links: best matches outside the path of each pivot pair, and pairs of that path the rows
    // put apart (another article's sentence was a closer partner); never two sentences that
    // share a row.
    let mut row_of: Vec<Vec<usize>> = session
        .sentences
        .iter()
        .map(|s| vec![usize::MAX; s.len()])
        .collect();
    for (r, row) in rows.iter().enumerate() {
        for (a, cell) in row.cells.iter().enumerate() {
            for &j in cell.iter().flatten() {
                row_of[a][j] = r;
            }
        }
    }
    let mut links: BTreeMap<(usize, usize, usize), f32> = BTreeMap::new();
    for (a, pair) in pivot_pairs.iter().enumerate() {
        let Some(pair) = pair else { continue };
        let path = pair
            .steps
            .iter()
            .filter(|s| s.similarity >= options.threshold)
            .flat_map(|step| {
                step.left
                    .iter()
                    .flat_map(move |&i| step.right.iter().map(move |&j| (i, j, step.similarity)))
            });
        for (i, j, similarity) in pair.links.iter().copied().chain(path) {
            if row_of[pivot][i] != row_of[a][j] {
                links.entry((a, j, i)).or_insert(similarity);
            }
        }
    }
    let moved = links
        .into_iter()
        .map(|((article, sentence, pivot_sentence), similarity)| Link {
            article,
            sentence,
            pivot_sentence,
            similarity,
        })
        .collect();

    let only_here = matched
        .iter()
        .enumerate()
        .flat_map(|(a, flags)| {
            flags
                .iter()
                .enumerate()
                .filter(|(_, &m)| !m)
                .map(move |(s, _)| (a, s))
        })
        .collect();

    Alignment {
        articles: inputs.iter().map(|i| i.id).collect(),
        pivot,
        sentences: session.sentences,
        rows,
        moved,
        only_here,
        coverage,
    }
}

/// The cosine similarity of two texts' content terms, weighted with IDF over the two texts'
/// sentences: a debugging and tuning aid, the same measure [`align`] uses.
pub fn similarity(a: &str, b: &str, language: &str, options: &AlignOptions) -> f32 {
    let inputs = [
        AlignInput {
            id: ArticleId(0),
            body: a,
            boilerplate: &[],
            language,
        },
        AlignInput {
            id: ArticleId(1),
            body: b,
            boilerplate: &[],
            language,
        },
    ];
    let session = Session::new(&inputs, options);
    let left = Vector::sum(&session.vectors[0]);
    let right = Vector::sum(&session.vectors[1]);
    cosine(
        claim_dot(&left.terms, &right.terms),
        left.norm,
        right.norm,
        session.soft,
    )
}

/// The similarity of every sentence of article `a` to every sentence of article `b`, with IDF
/// over the whole session, as [`align`] sees it: a tuning and debugging aid. Heading against
/// non-heading is negative infinity.
pub fn sentence_similarities(
    inputs: &[AlignInput<'_>],
    a: usize,
    b: usize,
    options: &AlignOptions,
) -> Vec<Vec<f32>> {
    let session = Session::new(inputs, options);
    let (av, bv) = (&session.vectors[a], &session.vectors[b]);
    let (as_, bs) = (&session.sentences[a], &session.sentences[b]);
    av.iter()
        .zip(as_)
        .map(|(x, xs)| {
            bv.iter()
                .zip(bs)
                .map(|(y, ys)| {
                    if (xs.kind == SentenceKind::Heading) != (ys.kind == SentenceKind::Heading) {
                        f32::NEG_INFINITY
                    } else {
                        cosine(claim_dot(&x.terms, &y.terms), x.norm, y.norm, session.soft)
                    }
                })
                .collect()
        })
        .collect()
}

/// A sentence as weighted terms: `(term id, weight)` sorted by id, and the Euclidean norm.
#[derive(Debug, Clone, Default)]
struct Vector {
    terms: Vec<(u32, f32)>,
    norm: f32,
}

impl Vector {
    fn new(terms: Vec<(u32, f32)>) -> Vector {
        let norm = terms.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
        Vector { terms, norm }
    }

    fn sum(vectors: &[Vector]) -> Vector {
        let mut all: BTreeMap<u32, f32> = BTreeMap::new();
        for v in vectors {
            for &(t, w) in &v.terms {
                *all.entry(t).or_default() += w;
            }
        }
        Vector::new(all.into_iter().collect())
    }
}

/// The dot product of two sparse vectors and how many terms they share.
fn overlap(a: &[(u32, f32)], b: &[(u32, f32)]) -> (f32, usize) {
    let (mut i, mut j, mut sum, mut shared) = (0, 0, 0.0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (sum, shared)
}

fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    overlap(a, b).0
}

/// The dot product of two sentences as evidence that they make one claim: zero unless they
/// share at least two terms (or all the terms of a one-term sentence). One shared word, however
/// rare, is a topic, not a claim: "Key Actor | Main Objective" and "What is the main reason…"
/// share "main" and nothing else.
fn claim_dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (sum, shared) = overlap(a, b);
    if shared >= 2.min(a.len()).min(b.len()) {
        sum
    } else {
        0.0
    }
}

/// Starts the term of a synonym group, so it never collides with a word's own stem.
const SYNONYM_MARK: char = '≈';

/// Weight factor of a synonym group's term against the word's own.
const SYNONYM_WEIGHT: f32 = 0.6;

/// How many average terms' worth of weight [`Session::soft`] adds to each norm.
const SOFT_TERMS: f32 = 3.0;

/// Cosine with softened norms: `soft` is added to both squared norms.
fn cosine(dot: f32, norm_a: f32, norm_b: f32, soft: f32) -> f32 {
    if norm_a > 0.0 && norm_b > 0.0 {
        dot / ((norm_a * norm_a + soft).sqrt() * (norm_b * norm_b + soft).sqrt())
    } else {
        0.0
    }
}

/// The steps of one pair's monotone alignment and the best-match links beside it.
#[derive(Debug, Clone)]
struct PairAlignment {
    steps: Vec<Step>,
    /// `(left sentence, right sentence, similarity)`.
    links: Vec<(usize, usize, f32)>,
}

#[derive(Debug, Clone)]
struct Step {
    left: Vec<usize>,
    right: Vec<usize>,
    similarity: f32,
}

/// The session's sentences and their term vectors.
struct Session {
    sentences: Vec<Vec<Sentence>>,
    vectors: Vec<Vec<Vector>>,
    /// Added to every squared norm: a few average terms' worth, so that a three-word list
    /// item or heading does not reach a high cosine by sharing one or two words.
    soft: f32,
}

/// A term occurrence before weighting.
struct Token {
    term: String,
    /// The lower-case word it was made from (before stemming), for library frequencies; none
    /// for the parts of an expanded abbreviation.
    surface: Option<String>,
    name: bool,
    number: bool,
}

/// The lower-case words of `inputs` whose library frequencies [`Background`] should hold: the
/// words [`align`] turns into terms.
pub fn background_words(inputs: &[AlignInput<'_>]) -> BTreeSet<String> {
    inputs
        .iter()
        .flat_map(|input| sentence_tokens(input).1)
        .flatten()
        .filter_map(|t| t.surface)
        .collect()
}

/// An article's sentences, and each sentence's content terms: the one reading of a text that
/// the weights, the vectors and the library frequencies all start from.
fn sentence_tokens(input: &AlignInput<'_>) -> (Vec<Sentence>, Vec<Vec<Token>>) {
    let found = sentences(input.body, input.language, input.boilerplate);
    let stemmer = Stemmer::create(stemmer_algorithm(input.language));
    let english = primary_language(input.language) == "en";
    let tokens = found
        .iter()
        .map(|sentence| {
            let mut tokens = Vec::new();
            tokenize(
                &input.body[sentence.range()],
                sentence.kind,
                &stemmer,
                english,
                &mut tokens,
            );
            tokens
        })
        .collect();
    (found, tokens)
}

impl Session {
    fn new(inputs: &[AlignInput<'_>], options: &AlignOptions) -> Session {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut is_name: Vec<bool> = Vec::new();
        let mut is_number: Vec<bool> = Vec::new();
        let mut is_synonym: Vec<bool> = Vec::new();
        // Per term: the most library articles any of its word forms appears in.
        let mut library_df: Vec<u32> = Vec::new();
        let background = options.background.as_deref();
        let mut all_sentences = Vec::with_capacity(inputs.len());
        // Per article, per sentence: distinct term ids.
        let mut term_sets: Vec<Vec<Vec<u32>>> = Vec::with_capacity(inputs.len());
        let mut total = 0u32;
        for input in inputs {
            let (found, tokenized) = sentence_tokens(input);
            let mut sets = Vec::with_capacity(found.len());
            for tokens in tokenized {
                let mut set = Vec::with_capacity(tokens.len());
                for token in tokens {
                    let next = ids.len() as u32;
                    let synonym = token.term.starts_with(SYNONYM_MARK);
                    let id = *ids.entry(token.term).or_insert(next);
                    if id == next {
                        df.push(0);
                        is_name.push(false);
                        is_number.push(false);
                        is_synonym.push(synonym);
                        library_df.push(0);
                    }
                    is_name[id as usize] |= token.name;
                    is_number[id as usize] |= token.number;
                    if let (Some(background), Some(surface)) = (background, &token.surface) {
                        let seen = background.frequencies.get(surface).copied().unwrap_or(0);
                        library_df[id as usize] = library_df[id as usize].max(seen);
                    }
                    set.push(id);
                }
                set.sort_unstable();
                set.dedup();
                for &id in &set {
                    df[id as usize] += 1;
                }
                total += 1;
                sets.push(set);
            }
            all_sentences.push(found);
            term_sets.push(sets);
        }
        // IDF over sentences: a term in every sentence weighs about nothing, a term in two
        // sentences of fifty weighs ~3.2. The library's frequencies scale it down for words
        // common in every story.
        let weights: Vec<f32> = (0..df.len())
            .map(|t| {
                let idf = ((total as f32 + 1.0) / df[t] as f32).ln()
                    * background.map_or(1.0, |b| b.factor(library_df[t]));
                let boost = if is_number[t] {
                    options.number_boost
                } else if is_name[t] {
                    options.name_boost
                } else if is_synonym[t] {
                    SYNONYM_WEIGHT
                } else {
                    1.0
                };
                idf * boost
            })
            .collect();
        let (mut squares, mut occurrences) = (0.0f32, 0u32);
        for set in term_sets.iter().flatten() {
            squares += set
                .iter()
                .map(|&t| weights[t as usize].powi(2))
                .sum::<f32>();
            occurrences += set.len() as u32;
        }
        let soft = SOFT_TERMS * squares / occurrences.max(1) as f32;
        let vectors = term_sets
            .into_iter()
            .map(|sets| {
                sets.into_iter()
                    .map(|set| {
                        Vector::new(set.into_iter().map(|t| (t, weights[t as usize])).collect())
                    })
                    .collect()
            })
            .collect();
        Session {
            sentences: all_sentences,
            vectors,
            soft,
        }
    }

    /// Aligns article `a` against `rows` (which hold the articles added so far) by a monotone
    /// programme: a sentence joins a row (1–1), two consecutive sentences join one row (2–1),
    /// one sentence joins two consecutive rows, which fuse (1–2), or a sentence gets a row of
    /// its own; rows may be left without a cell of `a`. A sentence only joins a cell holding a
    /// sentence that the pairwise alignment of the two articles paired it with (`paired`), so
    /// the rows never contradict "only here". Returns the new rows.
    fn add_to_rows(
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
    fn row_similarity(&self, row: &Row, pivot: usize) -> f32 {
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
    fn align_pair(&self, left: usize, right: usize, options: &AlignOptions) -> PairAlignment {
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
enum Move {
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
fn monotone_path(
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
fn best_of(scores: impl Iterator<Item = f32>) -> Option<(usize, f32)> {
    let mut top: Option<(usize, f32)> = None;
    for (k, s) in scores.enumerate() {
        if top.is_none_or(|(_, t)| s > t) {
            top = Some((k, s));
        }
    }
    top
}

fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn stemmer_algorithm(tag: &str) -> Algorithm {
    match primary_language(tag).as_str() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => Algorithm::English,
    }
}

fn is_stop_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// The content terms of one sentence.
fn tokenize(
    text: &str,
    kind: SentenceKind,
    stemmer: &Stemmer,
    english: bool,
    out: &mut Vec<Token>,
) {
    for (position, word) in words(text).enumerate() {
        let raw = word.text;
        if raw.chars().any(|c| c.is_numeric()) {
            // "1,200" and "1200" are one number; "3.5" keeps its point.
            let term: String = raw.chars().filter(|&c| c != ',').collect();
            let term = term.to_lowercase();
            out.push(Token {
                surface: Some(term.clone()),
                term,
                name: false,
                number: true,
            });
            continue;
        }
        // Headings are often in title case, and the first word of a sentence is capitalised
        // anyway: only capitals inside prose and list items mark a name.
        let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
        let name = capitalised && position > 0 && kind != SentenceKind::Heading;
        let mut lower = raw.to_lowercase();
        for suffix in ["'s", "’s"] {
            if lower.len() > suffix.len() + 1 && lower.ends_with(suffix) {
                lower.truncate(lower.len() - suffix.len());
            }
        }
        if english {
            // "US" in capitals is the country, "us" in lower case the pronoun.
            let abbreviation = raw.chars().all(|c| c.is_uppercase() || c == '.');
            if abbreviation {
                if let Some((_, long)) = EXPANSIONS.iter().find(|(short, _)| *short == lower) {
                    for part in long.iter() {
                        out.push(Token {
                            term: stemmer.stem(part).into_owned(),
                            surface: None,
                            name: true,
                            number: false,
                        });
                    }
                    continue;
                }
            }
            if is_stop_word(&lower) {
                continue;
            }
        }
        if lower.chars().count() < 2 {
            continue;
        }
        let term = stemmer.stem(&lower).into_owned();
        // Paraphrases: "talks" and "discussions" also share a group term, weighed below the
        // words themselves, so the same word still counts most (names keep their own).
        let group = (english && !name)
            .then(|| crate::synonyms::group_of(&term))
            .flatten();
        out.push(Token {
            term,
            surface: Some(lower),
            name,
            number: false,
        });
        if let Some(group) = group {
            out.push(Token {
                term: format!("{SYNONYM_MARK}{group}"),
                surface: None,
                name: false,
                number: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {}

    #[test]
    fn paraphrase_scores_above_unrelated_sentences_of_the_same_topic() {
        let options = AlignOptions::default();
        let a = "The United States and Venezuela have entered into preliminary discussions aimed at restoring diplomatic relations.";
        let b = "Venezuela has launched an exploratory process to restore formal diplomatic relations with the United States.";
        let unrelated = "Venezuela's opposition criticised the government's handling of the oil sector and diplomatic relations with its neighbours.";
        let other = "Oil exports from Venezuela fell by 12 percent in the first quarter, the energy ministry reported.";
        // IDF needs a session: the pair plus topical neighbours.
        let body_a = format!("{a}\n\n{unrelated}");
        let body_b = format!("{b}\n\n{other}");
        let inputs = [
            AlignInput {
                id: ArticleId(1),
                body: &body_a,
                boilerplate: &[],
                language: "en",
            },
            AlignInput {
                id: ArticleId(2),
                body: &body_b,
                boilerplate: &[],
                language: "en",
            },
        ];
        let session = Session::new(&inputs, &options);
        let v = &session.vectors;
        let s =
            |x: &Vector, y: &Vector| cosine(dot(&x.terms, &y.terms), x.norm, y.norm, session.soft);
        let pair = s(&v[0][0], &v[1][0]);
        assert!(pair > options.threshold + 0.1, "paraphrase scored {pair}");
        assert!(
            pair > 3.0 * s(&v[0][1], &v[1][0]),
            "unrelated scored too close"
        );
        assert!(pair > 3.0 * s(&v[0][0], &v[1][1]));
        assert!(s(&v[0][1], &v[1][0]) < options.threshold);
    }

    #[test]
    fn library_frequencies_weigh_common_words_down_and_small_libraries_little() {
        let big = Background {
            documents: 10_000,
            frequencies: HashMap::new(),
        };
        assert!((big.factor(0) - big.factor(1)).abs() < 0.1);
        assert!(big.factor(10_000) < 0.35, "{}", big.factor(10_000));
        assert!(big.factor(100) > big.factor(1_000));
        let small = Background {
            documents: 5,
            frequencies: HashMap::new(),
        };
        assert!(
            small.factor(5) > 0.95,
            "five articles say little: {}",
            small.factor(5)
        );
        assert_eq!(Background::default().factor(3), 1.0);
    }

    #[test]
    fn a_library_background_lowers_pairs_that_share_only_common_words() {
        // The two sentences share "officials" and "Wednesday", which a big library has in
        // almost every article, and "floodgate", which it has in few.
        let a = "Officials inspected the floodgate on Wednesday.\n\nThe mayor spoke later.";
        let b = "On Wednesday officials said the floodgate held.\n\nA ferry sailed at noon.";
        let inputs = [
            AlignInput {
                id: ArticleId(1),
                body: a,
                boilerplate: &[],
                language: "en",
            },
            AlignInput {
                id: ArticleId(2),
                body: b,
                boilerplate: &[],
                language: "en",
            },
        ];
        let words = background_words(&inputs);
        assert!(words.contains("officials") && words.contains("floodgate"));
        assert!(!words.contains("the"), "stop words are no terms");
        let background = Background {
            documents: 10_000,
            frequencies: [
                ("officials", 9_000),
                ("wednesday", 8_000),
                ("floodgate", 12),
            ]
            .into_iter()
            .map(|(w, n)| (w.to_string(), n))
            .collect(),
        };
        let plain = Session::new(&inputs, &AlignOptions::default());
        let weighted = Session::new(&inputs, &AlignOptions::default().background(background));
        let weight_of = |session: &Session, term: &str| {
            // Term ids follow first occurrence: "offici" 0, "inspect" 1, "floodgat" 2.
            let id = ["offici", "inspect", "floodgat"]
                .iter()
                .position(|t| *t == term)
                .unwrap() as u32;
            session.vectors[0][0]
                .terms
                .iter()
                .find(|(t, _)| *t == id)
                .unwrap()
                .1
        };
        let ratio = |term| weight_of(&weighted, term) / weight_of(&plain, term);
        assert!(ratio("offici") < 0.5, "{}", ratio("offici"));
        assert!(ratio("floodgat") > 0.9, "{}", ratio("floodgat"));
    }

    #[test]
    fn abbreviations_meet_their_long_form_and_numbers_lose_separators() {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut tokens = Vec::new();
        tokenize(
            "The U.S. sent 1,200 troops to us.",
            SentenceKind::Prose,
            &stemmer,
            true,
            &mut tokens,
        );
        let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        // "troops" also carries the military group's term (see `synonyms`).
        assert_eq!(
            terms,
            vec!["unit", "state", "sent", "1200", "troop", "≈militari"]
        );
    }
}

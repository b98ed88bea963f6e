//! Sentence alignment across the articles of a session, against one pivot article.
//!
//! Method (DESIGN.md §5):
//! 1. Sentences come from [`crate::sentences`] (boilerplate skipped). Each becomes a sparse
//!    vector of content terms: Unicode words, case folded, possessives dropped, English stop
//!    words removed, Snowball-stemmed (stemmer picked from the language tag). Numbers are kept
//!    as written (thousands separators removed). A few abbreviations ("U.S.", "UN") expand to
//!    the stems of their long form so "U.S." meets "United States", and words news reports use
//!    for one another ("talks", "discussions", "dialogue") also carry a shared group term,
//!    weighed at 0.6 of the word's own (`synonyms`). The code follows the steps: `terms` (1–3), `path` (4–6).
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
//! 7. Loose paraphrase shares few stems: every cross-article pair of sentences also gets a
//!    claim similarity (`claims`: each word's closest word of the other sentence by word
//!    vectors, weighted by rarity, both ways), and pairs above its own threshold that the
//!    pairwise alignment left apart are linked too (and so are not "only here").
//!
//! Everything is deterministic: terms are numbered by first occurrence, sums run in a fixed
//! order and ties go to the lowest index. (The claim scores come from a matrix product whose
//! kernel is picked for the CPU, so their last bits may differ between machines.)

mod claims;
mod path;
mod synonyms;
mod terms;

use crate::diff::{word_diff, DiffOptions, WordDiff};
use crate::ids::ArticleId;
use crate::ingest::Document;
use crate::sentences::{Sentence, SentenceKind};
use claims::ClaimWords;
use path::PairAlignment;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use terms::{claim_dot, cosine, sentence_tokens, Session, Vector};

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

impl<'a> AlignInput<'a> {
    /// A document just read, as an alignment input: its body, boilerplate and declared
    /// language (English when it declares none).
    pub fn of(id: ArticleId, document: &'a Document) -> AlignInput<'a> {
        AlignInput {
            id,
            body: &document.body,
            boilerplate: &document.boilerplate,
            language: document.metadata.language.as_deref().unwrap_or("en"),
        }
    }
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

/// Tuning of [`align`]. Build from `AlignOptions::default()` and the setters. Serialised
/// (the thresholds and boosts, not the library's frequencies) into every export's parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AlignOptions {
    threshold: f32,
    moved_threshold: f32,
    claim_threshold: f32,
    merge_penalty: f32,
    merge_part_min: f32,
    name_boost: f32,
    number_boost: f32,
    #[serde(skip)]
    background: Option<std::sync::Arc<Background>>,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            threshold: 0.15,
            moved_threshold: 0.2,
            claim_threshold: 0.35,
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

    /// Minimum claim similarity (soft word matching by word vectors, `claims`) for two
    /// sentences to be linked as making the same claim when the term cosine did not pair
    /// them. Default 0.35: on our same-claim gold, pairs above it are right about as often as
    /// the rows are.
    pub fn claim_threshold(mut self, threshold: f32) -> Self {
        self.claim_threshold = threshold;
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
    /// Every pair of sentences of two articles this alignment puts together, in a row or by a
    /// link, as `(article a, sentence, article b, sentence)` with `a < b`: what is measured
    /// against judged pairs.
    pub fn sentence_pairs(&self) -> BTreeSet<(usize, usize, usize, usize)> {
        let mut pairs = BTreeSet::new();
        for row in &self.rows {
            for (a, cell) in row.cells.iter().enumerate() {
                for (b, other) in row.cells.iter().enumerate().skip(a + 1) {
                    for &i in cell.iter().flatten() {
                        for &j in other.iter().flatten() {
                            pairs.insert((a, i, b, j));
                        }
                    }
                }
            }
        }
        for link in &self.moved {
            let (a, i, b, j) = (link.article, link.sentence, self.pivot, link.pivot_sentence);
            pairs.insert(if a < b { (a, i, b, j) } else { (b, j, a, i) });
        }
        pairs
    }

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
    let claims = ClaimWords::new(inputs, &session.sentences);
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
            let mut pair = session.align_pair(left, right, options);
            if let Some(scores) = claims.scores(left, right) {
                add_claim_links(&mut pair, &scores, options);
            }
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

/// Loads the word vectors the aligner matches words with (their tokenizer takes ~50 ms to
/// read), so an app can do it in the background at start instead of in the first session.
pub fn load_word_vectors() {
    parallax_vectors::word_vectors();
}

/// Links the sentence pairs whose claim similarity reaches the threshold and that the pair's
/// alignment has not already put together.
fn add_claim_links(pair: &mut PairAlignment, scores: &[Vec<f32>], options: &AlignOptions) {
    let together: HashSet<(usize, usize)> = pair
        .steps
        .iter()
        .flat_map(|s| {
            s.left
                .iter()
                .flat_map(|&i| s.right.iter().map(move |&j| (i, j)))
        })
        .chain(pair.links.iter().map(|&(i, j, _)| (i, j)))
        .collect();
    for (i, row) in scores.iter().enumerate() {
        for (j, &score) in row.iter().enumerate() {
            if score >= options.claim_threshold && !together.contains(&(i, j)) {
                pair.links.push((i, j, score));
            }
        }
    }
    pair.links.sort_by_key(|&(i, j, _)| (i, j));
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

#[cfg(test)]
mod tests {
    use super::terms::dot;
    use super::*;

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
}

//! Claim similarity: how far two sentences say the same thing in other words. Each word of one
//! sentence finds its closest word in the other (by the cosine of their word vectors, see
//! `parallax-vectors`; the same word is 1), weighted by its rarity across the session's
//! sentences (to the power 1.5); the score is the harmonic mean of the two directions
//! (BERTScore's form, with static word vectors). Stop words are kept: rarity weighs them down,
//! and "not" or "no longer" can be the claim.
//!
//! Measured on our same-claim gold (`docs/benchmarks.md`): the aligner's term cosine, which
//! needs the same stems or a listed synonym, finds the wire rewrites; this finds the loose
//! paraphrase ("relations have long been characterised by tension" ~ "for years, relations
//! have been defined by sanctions"), so it adds the pairs it is sure of as links.

use super::AlignInput;
use crate::sentences::{Sentence, SentenceKind};
use ndarray::{Array2, ArrayView1, Axis, Slice};
use parallax_vectors::{word_vectors, DIMS};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The words a claim is compared by: letters (with inner apostrophes and hyphens, and the
/// combining accents of decomposed text) or numbers (with inner separators), lower-cased;
/// one-letter words other than digits dropped.
fn claim_words(text: &str) -> Vec<String> {
    static WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\p{Alphabetic}[\p{Alphabetic}\p{N}\x{0300}-\x{036F}]*(?:['’-]\p{Alphabetic}[\p{Alphabetic}\p{N}\x{0300}-\x{036F}]*)*|[0-9]+(?:[,.][0-9]+)*",
        )
        .expect("a valid pattern")
    });
    WORD.find_iter(text)
        .map(|m| m.as_str().to_lowercase())
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()) || w.chars().count() > 1)
        .collect()
}

/// The session's sentences as weighted words, ready to be compared pair by pair.
pub(super) struct ClaimWords {
    /// Per article, per sentence: its words as indexes into `weights` and `vectors`; empty for
    /// headings, which never pair here.
    sentences: Vec<Vec<Vec<u32>>>,
    /// Weight of each word: its rarity across the session's sentences, ln(sentences / sentences
    /// with it), to the power `RARITY_POWER`.
    weights: Vec<f32>,
    /// Per article, per sentence: how close every word of the session comes to the sentence,
    /// its best closeness to any of the sentence's words (a row of `weights.len()` values).
    /// Empty when the session is too large for it.
    nearest: Vec<Array2<f32>>,
}

/// Most distinct words, and most sentences, of a session that gets claim links: a 5-article
/// session of ~1,500 words each has ~2,000 words and ~350 sentences; at the limits the
/// nearest-word table is 40 MB.
const MAX_WORDS: usize = 5_000;
const MAX_SENTENCES: usize = 2_000;

/// A word's weight is its rarity, ln(sentences / sentences with it), to this power: above 1,
/// the rare words that carry a claim count for more against the story's topic words. On the
/// same-claim gold 1.5 kept the recall of 1 at higher precision, held out too.
const RARITY_POWER: f32 = 1.5;

/// Longest word given a vector, in bytes.
const MAX_WORD_BYTES: usize = 64;

/// Words whose cosines with all others are computed at once: a block of the words × words
/// matrix, never the whole of it.
const BLOCK: usize = 256;

/// For each sentence, each word's best closeness to it: the cosine of their word vectors
/// (never below 0), 1 for the same word even without a vector, maximised over the sentence's
/// words. The cosines come a block of words at a time, each block one matrix product.
fn nearest_words(words: &[String], sentences: &[Vec<Vec<u32>>]) -> Vec<Array2<f32>> {
    let table = word_vectors();
    let mut vectors = Array2::<f32>::zeros((words.len(), DIMS));
    for (mut row, word) in vectors.rows_mut().into_iter().zip(words) {
        // A "word" longer than any real one (a run of letters in a damaged file) is matched
        // only as itself, never tokenised.
        if word.len() > MAX_WORD_BYTES {
            continue;
        }
        if let Some(v) = table.vector(word) {
            row.assign(&ArrayView1::from(&v[..]));
        }
    }
    let mut nearest: Vec<Array2<f32>> = sentences
        .iter()
        .map(|list| Array2::zeros((list.len(), words.len())))
        .collect();
    // Where each word occurs: (article, sentence), by word.
    let mut occurrences: Vec<Vec<(usize, usize)>> = vec![Vec::new(); words.len()];
    for (a, list) in sentences.iter().enumerate() {
        for (i, sentence) in list.iter().enumerate() {
            let mut distinct = sentence.clone();
            distinct.sort_unstable();
            distinct.dedup();
            for v in distinct {
                occurrences[v as usize].push((a, i));
            }
        }
    }
    for start in (0..words.len()).step_by(BLOCK) {
        let end = (start + BLOCK).min(words.len());
        let mut closeness = vectors
            .slice_axis(Axis(0), Slice::from(start..end))
            .dot(&vectors.t());
        for (k, mut row) in closeness.rows_mut().into_iter().enumerate() {
            row[start + k] = 1.0;
            let row = row.as_slice().expect("a standard-layout row");
            for &(a, i) in &occurrences[start + k] {
                let mut best = nearest[a].row_mut(i);
                let best = best.as_slice_mut().expect("a standard-layout row");
                // A select, not a branch, so the loop runs on vector registers; starting from
                // 0, negative cosines never count.
                for (b, &c) in best.iter_mut().zip(row) {
                    *b = if c > *b { c } else { *b };
                }
            }
        }
    }
    nearest
}

impl ClaimWords {
    pub(super) fn new(inputs: &[AlignInput<'_>], sentences: &[Vec<Sentence>]) -> ClaimWords {
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut total = 0u32;
        let mut all = Vec::with_capacity(inputs.len());
        for (input, list) in inputs.iter().zip(sentences) {
            let mut per_sentence = Vec::with_capacity(list.len());
            for sentence in list {
                total += 1;
                let mut ids: Vec<u32> = claim_words(&input.body[sentence.range()])
                    .into_iter()
                    .map(|w| {
                        let next = words.len() as u32;
                        *index.entry(w).or_insert_with_key(|w| {
                            words.push(w.clone());
                            df.push(0);
                            next
                        })
                    })
                    .collect();
                let mut distinct = ids.clone();
                distinct.sort_unstable();
                distinct.dedup();
                for &id in &distinct {
                    df[id as usize] += 1;
                }
                if sentence.kind == SentenceKind::Heading {
                    ids.clear();
                }
                per_sentence.push(ids);
            }
            all.push(per_sentence);
        }
        let weights = df
            .iter()
            .map(|&n| (total as f32 / n as f32).ln().powf(RARITY_POWER))
            .collect();
        // Past these sizes the session gets no claim links (its rows and term links stand):
        // the nearest-word table grows with sentences × words.
        let nearest = if words.len() <= MAX_WORDS && total as usize <= MAX_SENTENCES {
            nearest_words(&words, &all)
        } else {
            Vec::new()
        };
        ClaimWords {
            sentences: all,
            weights,
            nearest,
        }
    }

    /// The claim similarity of every sentence of article `a` with every sentence of article
    /// `b`, in [0, 1]: `scores[i][j]`. Zero for headings and sentences without words; none
    /// for a session too large to have them.
    pub(super) fn scores(&self, a: usize, b: usize) -> Option<Vec<Vec<f32>>> {
        let (left, right) = (&self.sentences[a], &self.sentences[b]);
        if self.nearest.is_empty() {
            return None;
        }
        let weight_of =
            |words: &[u32]| words.iter().map(|&u| self.weights[u as usize]).sum::<f32>();
        // A sentence's words' weighted closeness to sentence `nearest` of the other article.
        let covered = |words: &[u32], nearest: ndarray::ArrayView1<'_, f32>| {
            words
                .iter()
                .map(|&u| self.weights[u as usize] * nearest[u as usize])
                .sum::<f32>()
        };
        let right_weights: Vec<f32> = right.iter().map(|y| weight_of(y)).collect();
        Some(
            left.iter()
                .enumerate()
                .map(|(i, x)| {
                    let wx = weight_of(x);
                    right_weights
                        .iter()
                        .enumerate()
                        .map(|(j, &wy)| {
                            if wx <= 0.0 || wy <= 0.0 {
                                return 0.0;
                            }
                            let recall = covered(x, self.nearest[b].row(j)) / wx;
                            let precision = covered(&right[j], self.nearest[a].row(i)) / wy;
                            if recall + precision > 0.0 {
                                2.0 * recall * precision / (recall + precision)
                            } else {
                                0.0
                            }
                        })
                        .collect()
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::sentences;

    #[test]
    fn a_paraphrase_scores_above_a_sentence_on_the_same_topic() {
        let bodies = [
            "For years, relations between the two governments were defined by sanctions and distrust.",
            "Ties between Caracas and Washington have long been marked by tension and embargoes.",
            "Caracas and Washington will hold talks on oil exports in March.",
        ];
        let inputs: Vec<AlignInput<'_>> = bodies
            .iter()
            .enumerate()
            .map(|(i, body)| AlignInput {
                id: crate::ArticleId(i as i64),
                body,
                boilerplate: &[],
                language: "en",
            })
            .collect();
        let found: Vec<_> = bodies.iter().map(|b| sentences(b, "en", &[])).collect();
        let claims = ClaimWords::new(&inputs, &found);
        let score = |c: &ClaimWords, a: usize, b: usize| c.scores(a, b).expect("scores")[0][0];
        let (paraphrase, topic) = (score(&claims, 0, 1), score(&claims, 0, 2));
        assert!(paraphrase > topic + 0.05, "{paraphrase} vs {topic}");
        assert!((0.0..=1.0).contains(&paraphrase));
        // The same sentence is the same claim (among others, so its words have some rarity).
        let same = ClaimWords::new(
            &[inputs[0], inputs[0], inputs[2]],
            &[found[0].clone(), found[0].clone(), found[2].clone()],
        );
        let score = score(&same, 0, 1);
        assert!((score - 1.0).abs() < 1e-4, "{score}");
    }

    #[test]
    fn a_session_past_the_limits_gets_no_claim_scores_and_no_table() {
        // More distinct words than MAX_WORDS, in sentences of twenty.
        let body: String = (0..MAX_WORDS + 20)
            .map(|n| format!("word{n}"))
            .collect::<Vec<_>>()
            .chunks(20)
            .map(|c| format!("{}.\n\n", c.join(" ")))
            .collect();
        let input = AlignInput {
            id: crate::ArticleId(1),
            body: &body,
            boilerplate: &[],
            language: "en",
        };
        let found = sentences(&body, "en", &[]);
        let claims = ClaimWords::new(&[input, input], &[found.clone(), found.clone()]);
        assert!(claims.nearest.is_empty());
        assert!(claims.scores(0, 1).is_none());
    }

    #[test]
    fn a_run_of_letters_no_word_is_that_long_is_matched_only_as_itself() {
        let long = format!("{} closes the port.", "x".repeat(200_000));
        let bodies = [
            long.as_str(),
            "The strike closes the port.",
            "Fuel prices rose.",
        ];
        let inputs: Vec<AlignInput<'_>> = bodies
            .iter()
            .map(|body| AlignInput {
                id: crate::ArticleId(1),
                body,
                boilerplate: &[],
                language: "en",
            })
            .collect();
        let found: Vec<_> = bodies.iter().map(|b| sentences(b, "en", &[])).collect();
        let scores = ClaimWords::new(&inputs, &found)
            .scores(0, 1)
            .expect("scores");
        assert!(scores
            .iter()
            .flatten()
            .all(|s| s.is_finite() && (0.0..=1.0).contains(s)));
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_number_separators() {
        assert_eq!(
            claim_words("Venezuela’s long-standing ties: 7,000 troops, 3.5% and a U.S. envoy"),
            vec![
                "venezuela’s",
                "long-standing",
                "ties",
                "7,000",
                "troops",
                "3.5",
                "and",
                "envoy"
            ]
        );
        assert_eq!(
            claim_words("négociations à Caracas"),
            vec!["négociations", "caracas"]
        );
    }
}

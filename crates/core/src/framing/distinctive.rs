//! Distinctive words and phrases: weighted log-odds with an informative Dirichlet prior
//! (Monroe, Colaresi & Quinn 2008, "Fightin' Words", §3.5.1), of one article (or one outlet's
//! articles) against the rest of the session.
//!
//! Terms are content words and phrases of two or three words (first and last a content word,
//! inside any word, never across punctuation), case-folded but not stemmed, so what is shown is
//! what was written. Each order (words, two-word, three-word phrases) is its own vocabulary.
//! The prior of a word is its frequency in the whole library (with the session's counts); of a
//! phrase, its frequency in the session, since the library counts words only. The prior's
//! strength is the size of the session itself: the library shrinks the estimate as much as
//! the session's own evidence weighs, so a word the library uses everywhere needs more to
//! stand out, and a small library says little.

use super::reading::{is_content, Reading};
use super::{LibraryWords, TermSpans};
use std::collections::HashMap;
use std::ops::Range;

/// |z| above which a term is marked significant (two-sided 5%).
pub(super) const SIGNIFICANT_Z: f32 = 1.96;
/// Longest phrase, in words.
const LONGEST_PHRASE: usize = 3;

/// Counts of one order of terms in one article: per term, its spans.
type Counts = HashMap<String, Vec<Range<usize>>>;

/// Every term of each order in each article, and the session's totals.
pub(super) struct SessionTerms {
    /// `[article][order - 1]`: per term, its spans.
    counts: Vec<Vec<Counts>>,
    /// `[order - 1]`: uses of each term in the whole session.
    session: Vec<HashMap<String, usize>>,
    /// `[article][order - 1]`: how many terms of that order the article has.
    totals: Vec<Vec<usize>>,
}

impl SessionTerms {
    pub fn new(readings: &[Reading<'_>]) -> SessionTerms {
        let counts: Vec<Vec<Counts>> = readings
            .iter()
            .map(|reading| {
                let mut orders: Vec<Counts> = vec![Counts::new(); LONGEST_PHRASE];
                let words = &reading.words;
                for i in 0..words.len() {
                    if !is_content(&words[i]) || words[i].lower.chars().count() < 2 {
                        continue;
                    }
                    let mut key = words[i].lower.clone();
                    orders[0]
                        .entry(key.clone())
                        .or_default()
                        .push(words[i].range());
                    for n in 2..=LONGEST_PHRASE {
                        let j = i + n - 1;
                        if j >= words.len() || !words[j].joined {
                            break;
                        }
                        key.push(' ');
                        key.push_str(&words[j].lower);
                        if is_content(&words[j]) {
                            orders[n - 1]
                                .entry(key.clone())
                                .or_default()
                                .push(words[i].start..words[j].end);
                        }
                    }
                }
                orders
            })
            .collect();
        let session = (0..LONGEST_PHRASE)
            .map(|order| {
                let mut uses: HashMap<String, usize> = HashMap::new();
                for article in &counts {
                    for (term, spans) in &article[order] {
                        *uses.entry(term.clone()).or_default() += spans.len();
                    }
                }
                uses
            })
            .collect();
        let totals = counts
            .iter()
            .map(|orders| {
                orders
                    .iter()
                    .map(|terms| terms.values().map(Vec::len).sum())
                    .collect()
            })
            .collect();
        SessionTerms {
            counts,
            session,
            totals,
        }
    }

    /// The distinctive terms of the articles `group` against the others, most distinctive
    /// first: over-represented terms used at least `min_count` times in the group, a shorter
    /// term left out when a longer one kept holds it as often, at most `limit`.
    pub fn distinctive(
        &self,
        group: &[usize],
        library: &LibraryWords,
        min_count: usize,
        limit: usize,
    ) -> Vec<TermSpans> {
        let mut scored: Vec<TermSpans> = Vec::new();
        for order in 0..LONGEST_PHRASE {
            let uses = |article: usize| self.totals[article][order] as f64;
            let all: f64 = (0..self.counts.len()).map(uses).sum();
            let inside: f64 = group.iter().map(|&a| uses(a)).sum();
            let outside = all - inside;
            if inside == 0.0 || outside == 0.0 {
                continue;
            }
            let strength = all;
            // Only the group's own terms can be over-represented in it.
            let mut candidates: Vec<&str> = group
                .iter()
                .flat_map(|&a| self.counts[a][order].keys().map(String::as_str))
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            for term in candidates {
                let here: usize = group
                    .iter()
                    .filter_map(|&a| self.counts[a][order].get(term))
                    .map(Vec::len)
                    .sum();
                if here < min_count {
                    continue;
                }
                let everywhere = self.session[order][term];
                let frequency = if order == 0 && library.words > 0 {
                    (library.counts.get(term).copied().unwrap_or(0) as f64 + everywhere as f64)
                        / (library.words as f64 + all)
                } else {
                    everywhere as f64 / all
                };
                // A word the library's index counts more than its articles hold (deleted articles
                // stay in the index until purged) must not reach a probability of one.
                let prior = strength * frequency.min(0.5);
                let (y_in, y_out) = (here as f64, (everywhere - here) as f64);
                let z = log_odds_z(y_in, inside, y_out, outside, prior, strength);
                if !z.is_finite() || z <= 0.0 {
                    continue;
                }
                let spans = group
                    .iter()
                    .flat_map(|&a| {
                        self.counts[a][order]
                            .get(term)
                            .into_iter()
                            .flatten()
                            .map(move |r| (a, r.clone()))
                    })
                    .collect();
                scored.push(TermSpans {
                    key: term.to_string(),
                    z: z as f32,
                    spans,
                });
            }
        }
        scored.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.key.cmp(&b.key)));
        let mut kept: Vec<TermSpans> = Vec::new();
        for candidate in scored {
            if kept.len() == limit {
                break;
            }
            let held = kept.iter().any(|longer| {
                contains_words(&longer.key, &candidate.key)
                    && longer.spans.len() * 5 >= candidate.spans.len() * 4
            });
            if held {
                continue;
            }
            // A phrase as frequent as shorter terms kept says the same more exactly: it takes
            // their place ("biden administration" for "biden" and "administration").
            let replaced = |shorter: &TermSpans| {
                contains_words(&candidate.key, &shorter.key)
                    && candidate.spans.len() == shorter.spans.len()
            };
            match kept.iter().position(replaced) {
                Some(place) => {
                    // The first one's place; the others go.
                    let mut index = 0;
                    kept.retain(|k| {
                        let keep = index == place || !replaced(k);
                        index += 1;
                        keep
                    });
                    let place = kept.iter().position(replaced).expect("kept above");
                    kept[place] = candidate;
                }
                None => kept.push(candidate),
            }
        }
        kept.sort_by(|a, b| b.z.total_cmp(&a.z));
        kept
    }
}

/// Whether the words of `inner` occur, in order and together, in `outer`.
fn contains_words(outer: &str, inner: &str) -> bool {
    outer != inner && format!(" {outer} ").contains(&format!(" {inner} "))
}

/// Monroe et al.'s z-score of the log-odds ratio of a term: used `y_in` times of `n_in` inside
/// the group and `y_out` of `n_out` outside, with prior count `prior` of total `strength`.
fn log_odds_z(y_in: f64, n_in: f64, y_out: f64, n_out: f64, prior: f64, strength: f64) -> f64 {
    let odds = |y: f64, n: f64| ((y + prior) / (n + strength - y - prior)).ln();
    let delta = odds(y_in, n_in) - odds(y_out, n_out);
    let variance = 1.0 / (y_in + prior) + 1.0 / (y_out + prior);
    delta / variance.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_used_only_in_the_group_scores_high_and_an_even_one_near_zero() {
        let only_here = log_odds_z(6.0, 700.0, 0.0, 2800.0, 6.0 * 3500.0 / 3500.0, 3500.0);
        let even = log_odds_z(2.0, 700.0, 8.0, 2800.0, 10.0, 3500.0);
        assert!(only_here > SIGNIFICANT_Z as f64, "{only_here}");
        assert!(even.abs() < 0.5, "{even}");
    }

    #[test]
    fn phrases_hold_their_words_only_whole() {
        assert!(contains_words("biden administration", "biden"));
        assert!(!contains_words("biden administration", "admin"));
        assert!(!contains_words("biden", "biden"));
    }
}

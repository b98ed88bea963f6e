//! Relating quotations across articles: the same words, trimmed, altered, reused without
//! quotation marks, or given to different speakers.

use super::Quote;
use crate::diff::{word_diff, DiffOptions, WordDiff};
use crate::text::words;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// How one quotation relates to another across articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum QuoteRelation {
    /// The same words (case, punctuation, marks and spacing aside).
    Same,
    /// One quotation's words are a shorter stretch of the other's.
    Trimmed,
    /// Mostly the same words in the same order, some changed, added or dropped.
    Altered,
    /// The quoted words appear in another article without quotation marks.
    Unattributed,
    /// The same, trimmed or altered words are given to different named speakers.
    Misattributed,
}

/// Quotations of different articles that are related.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteMatch {
    /// `(article index, quote index)` of the quotations, sorted: all the quotations with the
    /// same words for [`QuoteRelation::Same`] (at least two articles, repeats within an article
    /// included), a pair for the other relations, the one quotation for
    /// [`QuoteRelation::Unattributed`].
    pub quotes: Vec<(usize, usize)>,
    /// How they relate.
    pub relation: QuoteRelation,
    /// For [`QuoteRelation::Unattributed`]: the article and byte range of the unquoted words.
    pub passage: Option<(usize, Range<usize>)>,
    /// For [`QuoteRelation::Altered`]: the word diff of the two quotations' texts (left: the
    /// first of `quotes`), offsets into [`Quote::text`].
    pub diff: Option<WordDiff>,
}

/// Shortest quotation (in words) that may be a trimmed stretch of another.
const MIN_TRIMMED_WORDS: usize = 3;
/// Fewest shared words for an altered quotation.
const MIN_ALTERED_WORDS: usize = 4;
/// Share of the shorter quotation's words that an altered one must keep, in order.
const ALTERED_SHARE: f64 = 0.7;
/// Fewest consecutive words of a quotation that, unquoted in another article, count as reuse.
const MIN_UNATTRIBUTED_WORDS: usize = 8;

/// Relates the quotations of several articles: `articles[a]` is article `a`'s body and its
/// [`quotes`](super::quotes). Returns the matches sorted by their first quotation, then relation.
///
/// Each pair of quotations from different articles is [`QuoteRelation::Same`] (grouped with
/// every other quotation of those words), [`QuoteRelation::Trimmed`] (the shorter, of at least
/// three words, is inside the longer) or [`QuoteRelation::Altered`] (at least four words and 70%
/// of the shorter found in order in a dense stretch of the longer). When such a pair gives the
/// words to two different named speakers, a separate [`QuoteRelation::Misattributed`] match is
/// added for the pair; a missing speaker on either side is not a misattribution. A quotation's
/// longest run of at least eight words found unquoted in another article's body is
/// [`QuoteRelation::Unattributed`].
pub fn match_quotes(articles: &[(&str, &[Quote])]) -> Vec<QuoteMatch> {
    let entries: Vec<Entry<'_>> = articles
        .iter()
        .enumerate()
        .flat_map(|(a, (_, quotes))| {
            quotes.iter().enumerate().map(move |(q, quote)| Entry {
                id: (a, q),
                quote,
                words: comparable_words(&quote.text)
                    .into_iter()
                    .map(|w| w.0)
                    .collect(),
            })
        })
        .filter(|e| !e.words.is_empty())
        .collect();
    let mut out = Vec::new();

    let mut same: BTreeMap<&[String], Vec<(usize, usize)>> = BTreeMap::new();
    for entry in &entries {
        same.entry(entry.words.as_slice())
            .or_default()
            .push(entry.id);
    }
    for ids in same.into_values() {
        if ids.iter().any(|id| id.0 != ids[0].0) {
            out.push(QuoteMatch {
                quotes: ids,
                relation: QuoteRelation::Same,
                passage: None,
                diff: None,
            });
        }
    }

    for (x, left) in entries.iter().enumerate() {
        for right in &entries[x + 1..] {
            if left.id.0 == right.id.0 {
                continue;
            }
            let Some(relation) = wording_relation(&left.words, &right.words) else {
                continue;
            };
            let pair = vec![left.id, right.id];
            if relation != QuoteRelation::Same {
                out.push(QuoteMatch {
                    quotes: pair.clone(),
                    relation,
                    passage: None,
                    diff: (relation == QuoteRelation::Altered).then(|| {
                        word_diff(&left.quote.text, &right.quote.text, DiffOptions::default())
                    }),
                });
            }
            if let (Some(a), Some(b)) = (&left.quote.speaker, &right.quote.speaker) {
                if !same_person(a, b) {
                    out.push(QuoteMatch {
                        quotes: pair,
                        relation: QuoteRelation::Misattributed,
                        passage: None,
                        diff: None,
                    });
                }
            }
        }
    }

    for (a, (body, quotes)) in articles.iter().enumerate() {
        let reuse = UnquotedWords::new(body, quotes);
        for entry in entries.iter().filter(|e| e.id.0 != a) {
            if let Some(range) = reuse.longest_run(&entry.words, MIN_UNATTRIBUTED_WORDS) {
                out.push(QuoteMatch {
                    quotes: vec![entry.id],
                    relation: QuoteRelation::Unattributed,
                    passage: Some((a, range)),
                    diff: None,
                });
            }
        }
    }

    out.sort_by_key(|m| {
        (
            m.quotes.clone(),
            relation_rank(m.relation),
            m.passage.as_ref().map(|(a, r)| (*a, r.start, r.end)),
        )
    });
    out
}

// ---------------------------------------------------------------------------------------------
// Matching

struct Entry<'a> {
    id: (usize, usize),
    quote: &'a Quote,
    words: Vec<String>,
}

/// Lower-case words of a text with their byte ranges; curly apostrophes made straight so
/// "don’t" meets "don't".
fn comparable_words(text: &str) -> Vec<(String, Range<usize>)> {
    words(text)
        .map(|w| {
            let word = w.text.to_lowercase().replace(['’', '‘'], "'");
            (word, w.start..w.end())
        })
        .collect()
}

fn wording_relation(a: &[String], b: &[String]) -> Option<QuoteRelation> {
    if a == b {
        return Some(QuoteRelation::Same);
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= MIN_TRIMMED_WORDS && long.windows(short.len()).any(|w| w == short) {
        return Some(QuoteRelation::Trimmed);
    }
    let kept = local_matches(short, long);
    (kept >= MIN_ALTERED_WORDS && kept as f64 >= ALTERED_SHARE * short.len() as f64)
        .then_some(QuoteRelation::Altered)
}

/// Words of `short` found in order in a dense stretch of `long`: the matches of the best local
/// alignment (Smith–Waterman; +2 a shared word, −1 a changed, added or dropped one), so words
/// shared by chance far apart do not add up.
fn local_matches(short: &[String], long: &[String]) -> usize {
    // (score, matches) of the best alignment ending at each cell; one row at a time.
    let mut previous = vec![(0i64, 0usize); long.len() + 1];
    let mut best = (0i64, 0usize);
    for word in short {
        let mut row = vec![(0i64, 0usize); long.len() + 1];
        for (j, other) in long.iter().enumerate() {
            let diagonal = if word == other {
                (previous[j].0 + 2, previous[j].1 + 1)
            } else {
                (previous[j].0 - 1, previous[j].1)
            };
            let up = (previous[j + 1].0 - 1, previous[j + 1].1);
            let left = (row[j].0 - 1, row[j].1);
            let cell = [diagonal, up, left]
                .into_iter()
                .max_by_key(|c| (c.0, c.1))
                .filter(|c| c.0 > 0)
                .unwrap_or((0, 0));
            row[j + 1] = cell;
            if (cell.0, cell.1) > best {
                best = cell;
            }
        }
        previous = row;
    }
    best.1
}

fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    let (a, b) = (words(a), words(b));
    if a.len() >= 2 && b.len() >= 2 {
        a == b
    } else {
        a.last() == b.last()
    }
}

fn relation_rank(relation: QuoteRelation) -> u8 {
    match relation {
        QuoteRelation::Same => 0,
        QuoteRelation::Trimmed => 1,
        QuoteRelation::Altered => 2,
        QuoteRelation::Misattributed => 3,
        QuoteRelation::Unattributed => 4,
    }
}

/// An article's words outside its quotations, indexed by their first eight words, to find a
/// quotation's words used without marks.
struct UnquotedWords {
    words: Vec<(String, Range<usize>)>,
    quoted: Vec<bool>,
    starts: HashMap<Vec<String>, Vec<usize>>,
}

impl UnquotedWords {
    fn new(body: &str, quotes: &[Quote]) -> Self {
        let words = comparable_words(body);
        let quoted: Vec<bool> = words
            .iter()
            .map(|(_, r)| quotes.iter().any(|q| q.start <= r.start && r.end <= q.end))
            .collect();
        let mut starts: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
        for i in 0..words.len().saturating_sub(MIN_UNATTRIBUTED_WORDS - 1) {
            if quoted[i..i + MIN_UNATTRIBUTED_WORDS].iter().any(|&q| q) {
                continue;
            }
            let key = words[i..i + MIN_UNATTRIBUTED_WORDS]
                .iter()
                .map(|(w, _)| w.clone())
                .collect();
            starts.entry(key).or_default().push(i);
        }
        UnquotedWords {
            words,
            quoted,
            starts,
        }
    }

    /// Byte range of the longest run (at least `min` words) of `quote`'s consecutive words
    /// found unquoted here; the first of equally long runs.
    fn longest_run(&self, quote: &[String], min: usize) -> Option<Range<usize>> {
        let mut best: Option<(usize, usize)> = None; // (length, start word)
        for s in 0..quote.len().saturating_sub(min - 1) {
            let Some(candidates) = self.starts.get(&quote[s..s + min]) else {
                continue;
            };
            for &p in candidates {
                let mut length = min;
                while s + length < quote.len()
                    && p + length < self.words.len()
                    && !self.quoted[p + length]
                    && self.words[p + length].0 == quote[s + length]
                {
                    length += 1;
                }
                if best.is_none_or(|(l, _)| length > l) {
                    best = Some((length, p));
                }
            }
        }
        best.map(|(length, p)| self.words[p].1.start..self.words[p + length - 1].1.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_matches_ignore_scattered_words() {
        let split = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let short = split("we will not accept this deal");
        assert_eq!(
            local_matches(&short, &split("we will never accept this deal")),
            5
        );
        let far = split("we met and later it was clear that this was not the deal we will accept");
        assert!(local_matches(&short, &far) < 4);
    }
}

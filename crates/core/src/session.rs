//! A comparison session's analysis in one call: what the reader of a session sees of its
//! articles. [`analyse`] finds each article's quotations and relates them across the outlets
//! (grouped the way the quotes panel shows them), aligns the sentences against the pivot and
//! lays them out side by side, finds the passages the articles share, counts per article, and
//! reads how each article frames the story ([`crate::framing`]).
//! The store calls it for the app; the CLI calls the parts it needs alone ([`align()`],
//! [`quotations()`]), which [`analyse`] is built from, so the steps are glued together once.
//!
//! Notes are not part of the analysis: they change while a session is open, so they are marked
//! over the laid-out text afterwards ([`crate::side_by_side::mark_notes`]) and an analysis can
//! be kept while notes come and go.

use crate::align::{self, AlignInput, AlignOptions, Alignment};
use crate::diff::{Run, RunKind};
use crate::framing::{self, Framing, FramingArticle, FramingParameters, LibraryWords};
use crate::groups::Groups;
use crate::ids::ArticleId;
use crate::ingest::Document;
use crate::passages::{
    covered_ranges, shared_passages, PassageSide, ReuseOptions, ReuseText, SharedPassage,
};
use crate::quotes::{self, match_quotes, Quote, QuoteMatch, QuoteRelation};
use crate::side_by_side::{side_by_side, ArticleMarks, SideBySide};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

/// The fewest articles a session compares.
pub const MIN_ARTICLES: usize = 2;
/// The most articles a session compares: each one is aligned with every other, and more
/// columns than this no longer fit a reader's screen.
pub const MAX_ARTICLES: usize = 8;
/// Most words an article may have to be compared: some forty pages, twice the longest
/// long-form feature. Aligning two articles grows with the product of their lengths (two of
/// 100,000 words took 7 s and 1.4 GB, eight would take minutes), so the library refuses a
/// longer one up front with the reason; `docs/benchmarks.md` times a session at this limit.
pub const MAX_COMPARED_WORDS: usize = 20_000;

/// One article of a session, as the analysis reads it: its text as the aligner takes it, and
/// its publication date.
#[derive(Debug, Clone, Copy)]
pub struct SessionArticle<'a> {
    /// The article's id, body, boilerplate and language.
    pub text: AlignInput<'a>,
    /// ISO publication date: which article had a shared passage first.
    pub published: Option<&'a str>,
    /// Its headline (not part of the body).
    pub title: Option<&'a str>,
    /// The outlet that published it.
    pub outlet: Option<&'a str>,
}

impl<'a> SessionArticle<'a> {
    /// A document just read, as a session's article (see [`AlignInput::of`]).
    pub fn of(id: ArticleId, document: &'a Document) -> SessionArticle<'a> {
        let metadata = &document.metadata;
        SessionArticle {
            text: AlignInput::of(id, document),
            published: metadata.published.as_deref(),
            title: metadata.title.as_deref(),
            outlet: metadata.outlet.as_deref(),
        }
    }

    /// The article as the framing analysis reads it.
    pub fn framing(&self) -> FramingArticle<'a> {
        FramingArticle {
            text: self.text,
            title: self.title,
            outlet: self.outlet,
        }
    }
}

/// Tuning of a session's analysis: the aligner's, the shared-passage finder's and the framing
/// analysis's options.
#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    /// Sentence alignment (with the library's word frequencies as its background).
    pub align: AlignOptions,
    /// Shared passages.
    pub reuse: ReuseOptions,
    /// How often the library uses each word: the prior of the distinctive words.
    pub library_words: Arc<LibraryWords>,
    /// Framing settings.
    pub framing: FramingParameters,
}

/// Everything the reader of a session sees of its articles, notes aside.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionAnalysis {
    /// Column of the pivot.
    pub pivot: usize,
    /// The sentences aligned and laid out side by side; `None` with fewer than two articles.
    pub layout: Option<SideBySide>,
    /// Passages two articles of the session share, by pair of columns then length.
    pub passages: Vec<SharedPassage>,
    /// The quotations of every article and how they relate across the articles.
    pub quotations: Quotations,
    /// How each article frames the story.
    pub framing: Framing,
}

/// The quotations of a session's articles, how they relate, and the groups a reader compares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Quotations {
    /// Every quotation, columns in order and each article's in text order: a quotation's
    /// `id` is its place in this list.
    pub quotes: Vec<SessionQuote>,
    /// How quotations of different articles relate, pair by pair (see
    /// [`crate::quotes::match_quotes`]).
    pub matches: Vec<SessionQuoteMatch>,
    /// Quotations of the same words across the articles, one group each, the ones carried by
    /// more articles first; a quotation no other article has is a group of its own.
    pub groups: Vec<QuoteGroup>,
}

/// A quotation of one of a session's articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionQuote {
    /// Its number in the session (what text runs carry in `quote`).
    pub id: usize,
    /// The column of its article.
    pub column: usize,
    /// Its article.
    pub article: ArticleId,
    /// Its place among its article's quotations (what [`QuoteRef`] counts).
    pub index: usize,
    /// Byte offset of its first quoted word (past the opening mark): where to show it in the
    /// text.
    pub first_word: usize,
    /// The quotation.
    #[serde(flatten)]
    pub quote: Quote,
}

/// A quotation named by its article and its place among that article's quotations; written
/// `[article, index]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QuoteRef(pub ArticleId, pub usize);

/// Quotations of different articles that relate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionQuoteMatch {
    /// The quotations (see [`QuoteMatch::quotes`]).
    pub quotes: Vec<QuoteRef>,
    /// How they relate.
    pub relation: QuoteRelation,
    /// For an unattributed reuse: where the words stand without quotation marks.
    pub passage: Option<PassageSide>,
}

/// How an article carries a group's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Carried {
    /// Word for word.
    Quoted,
    /// Part of the words.
    Trimmed,
    /// With other words.
    Altered,
}

/// Quotations related across articles, as the quotes panel shows them: one row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QuoteGroup {
    /// Its quotations (session ids), the longest wording first, then by column and place.
    pub quotes: Vec<usize>,
    /// Per column that quotes the words, in column order: how, and its quotations there.
    pub carried: Vec<CarriedQuote>,
    /// Columns that have the words without quotation marks, and where.
    pub unquoted: Vec<ColumnRange>,
    /// Different articles give the words to different named speakers.
    pub misattributed: bool,
    /// Altered wordings, each pair with its changed words marked.
    pub variants: Vec<QuoteVariant>,
}

/// How one column carries a group's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CarriedQuote {
    /// The column.
    pub column: usize,
    /// How its first quotation of the words carries them.
    pub how: Carried,
    /// Its quotations of the words (session ids), in text order.
    pub quotes: Vec<usize>,
}

/// A byte range of one column's article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ColumnRange {
    /// The column.
    pub column: usize,
    /// Byte offset in its body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Two wordings of one quotation, each with the words the other lacks marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QuoteVariant {
    /// The two quotations (session ids).
    pub quotes: [usize; 2],
    /// Their words, in runs.
    pub wordings: [Vec<VariantRun>; 2],
}

/// A piece of a quotation's wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VariantRun {
    /// The text.
    pub text: String,
    /// Words the other wording does not have.
    pub changed: bool,
}

/// Analyses a session's articles (in column order) against the pivot column.
pub fn analyse(
    articles: &[SessionArticle<'_>],
    pivot: usize,
    options: &SessionOptions,
) -> SessionAnalysis {
    let quotations = quotations(articles);
    let pivot = pivot.min(articles.len().saturating_sub(1));
    if articles.len() < 2 {
        let framing = framing(articles, None, &quotations, options);
        return SessionAnalysis {
            pivot,
            layout: None,
            passages: Vec::new(),
            quotations,
            framing,
        };
    }
    let alignment = align(articles, pivot, &options.align);
    let framing = framing(articles, Some(&alignment), &quotations, options);

    let texts: Vec<ReuseText> = articles
        .iter()
        .map(|a| ReuseText::new(a.text.body, a.text.boilerplate))
        .collect();
    let found = shared_passages(&texts, &options.reuse);
    let covered = covered_ranges(texts.len(), &found);
    let dated = |column: usize| (articles[column].text.id, articles[column].published);
    let passages = found
        .iter()
        .map(|(a, b, passage)| SharedPassage::new(dated(*a), dated(*b), passage))
        .collect();

    let mut quote_marks: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); articles.len()];
    for quote in &quotations.quotes {
        for part in &quote.quote.parts {
            quote_marks[quote.column].push((quote.id, part.clone()));
        }
    }
    let marks: Vec<ArticleMarks> = quote_marks
        .into_iter()
        .zip(&covered)
        .map(|(quotes, shared)| ArticleMarks {
            quotes,
            shared: shared.clone(),
        })
        .collect();
    let bodies: Vec<&str> = articles.iter().map(|a| a.text.body).collect();
    let mut layout = side_by_side(&alignment, &bodies, &marks);
    for ((facts, text), covered) in layout.facts.iter_mut().zip(&texts).zip(&covered) {
        facts.shared = if text.is_empty() {
            0.0
        } else {
            text.words_within(covered) as f32 / text.len() as f32
        };
    }
    SessionAnalysis {
        pivot,
        layout: Some(layout),
        passages,
        quotations,
        framing,
    }
}

/// The framing analysis of [`analyse`] alone, given its alignment and quotations.
pub fn framing(
    articles: &[SessionArticle<'_>],
    alignment: Option<&Alignment>,
    quotations: &Quotations,
    options: &SessionOptions,
) -> Framing {
    let inputs: Vec<FramingArticle<'_>> = articles.iter().map(SessionArticle::framing).collect();
    framing::framing(
        &inputs,
        alignment,
        quotations,
        &options.library_words,
        &options.framing,
    )
}

/// The sentence alignment of [`analyse`] alone: `articles` against `articles[pivot]`.
pub fn align(articles: &[SessionArticle<'_>], pivot: usize, options: &AlignOptions) -> Alignment {
    let inputs: Vec<AlignInput<'_>> = articles.iter().map(|a| a.text).collect();
    align::align(&inputs, pivot, options)
}

/// The quotations of [`analyse`] alone: every article's, their matches and their groups.
pub fn quotations(articles: &[SessionArticle<'_>]) -> Quotations {
    let found: Vec<Vec<Quote>> = articles
        .iter()
        .map(|a| quotes::quotes(a.text.body, a.text.boilerplate))
        .collect();
    let inputs: Vec<(&str, &[Quote])> = articles
        .iter()
        .zip(&found)
        .map(|(a, q)| (a.text.body, q.as_slice()))
        .collect();
    let matches = match_quotes(&inputs);
    let ids: Vec<ArticleId> = articles.iter().map(|a| a.text.id).collect();
    session_quotations(&ids, found, &matches)
}

/// Numbers the quotations across the session and groups them (articles in column order).
fn session_quotations(
    articles: &[ArticleId],
    found: Vec<Vec<Quote>>,
    matches: &[QuoteMatch],
) -> Quotations {
    // The session number of each article's first quotation.
    let mut first = Vec::with_capacity(found.len());
    let mut next = 0;
    for quotes in &found {
        first.push(next);
        next += quotes.len();
    }
    let quotes: Vec<SessionQuote> = found
        .into_iter()
        .enumerate()
        .flat_map(|(column, quotes)| {
            let first = first[column];
            let article = articles[column];
            quotes
                .into_iter()
                .enumerate()
                .map(move |(index, quote)| SessionQuote {
                    id: first + index,
                    column,
                    article,
                    index,
                    first_word: quote.parts.first().map_or(quote.start, |p| p.start),
                    quote,
                })
        })
        .collect();
    let session_matches = matches
        .iter()
        .map(|m| SessionQuoteMatch {
            quotes: m
                .quotes
                .iter()
                .map(|&(column, index)| QuoteRef(articles[column], index))
                .collect(),
            relation: m.relation,
            passage: m.passage.as_ref().map(|(column, range)| PassageSide {
                article: articles[*column],
                start: range.start,
                end: range.end,
            }),
        })
        .collect();
    let groups = quote_groups(&quotes, matches, &first);
    Quotations {
        quotes,
        matches: session_matches,
        groups,
    }
}

/// Groups quotations related across articles (same, trimmed, altered, misattributed), a
/// quotation no other article has alone; groups carried by more articles come first, then in
/// reading order. `first[column]` is the session number of that column's first quotation.
fn quote_groups(
    quotes: &[SessionQuote],
    matches: &[QuoteMatch],
    first: &[usize],
) -> Vec<QuoteGroup> {
    let id = |(column, index): (usize, usize)| first[column] + index;
    // Groups over session numbers.
    let mut related = Groups::new(quotes.len());
    for m in matches
        .iter()
        .filter(|m| m.relation != QuoteRelation::Unattributed)
    {
        let Some((&head, rest)) = m.quotes.split_first() else {
            continue;
        };
        for &other in rest {
            related.join(id(other), id(head));
        }
    }
    let words = |q: usize| quotes[q].quote.text.split_whitespace().count();
    // Quotations are numbered in column and text order: groups come in the order of their first.
    let mut groups: Vec<QuoteGroup> = related
        .members()
        .into_iter()
        .map(|mut ids| {
            let related: Vec<&QuoteMatch> = matches
                .iter()
                .filter(|m| m.quotes.iter().any(|&q| ids.contains(&id(q))))
                .collect();
            let longest = ids.iter().map(|&q| words(q)).max().unwrap_or(0);
            let how = |q: usize| {
                let own = |relation| {
                    related
                        .iter()
                        .any(|m| m.relation == relation && m.quotes.iter().any(|&x| id(x) == q))
                };
                if own(QuoteRelation::Same) {
                    Carried::Quoted
                } else if own(QuoteRelation::Altered) {
                    Carried::Altered
                } else if own(QuoteRelation::Trimmed) && words(q) < longest {
                    // Of a trimmed pair only the shorter quotation quotes part of the words.
                    Carried::Trimmed
                } else {
                    Carried::Quoted
                }
            };
            let mut carried: Vec<CarriedQuote> = Vec::new();
            for &q in &ids {
                let column = quotes[q].column;
                match carried.iter_mut().find(|c| c.column == column) {
                    Some(cell) => cell.quotes.push(q),
                    None => carried.push(CarriedQuote {
                        column,
                        how: how(q),
                        quotes: vec![q],
                    }),
                }
            }
            let mut unquoted: Vec<ColumnRange> = Vec::new();
            for m in related
                .iter()
                .filter(|m| m.relation == QuoteRelation::Unattributed)
            {
                let Some((column, range)) = &m.passage else {
                    continue;
                };
                if carried.iter().any(|c| c.column == *column) {
                    continue;
                }
                let place = ColumnRange {
                    column: *column,
                    start: range.start,
                    end: range.end,
                };
                match unquoted.iter_mut().find(|u| u.column == *column) {
                    Some(existing) => *existing = place,
                    None => unquoted.push(place),
                }
            }
            let variants = related
                .iter()
                .filter(|m| m.relation == QuoteRelation::Altered)
                .filter_map(|m| {
                    let (diff, [a, b, ..]) = (m.diff.as_ref()?, m.quotes.as_slice()) else {
                        return None;
                    };
                    let (a, b) = (id(*a), id(*b));
                    Some(QuoteVariant {
                        quotes: [a, b],
                        wordings: [
                            variant_runs(&quotes[a].quote.text, &diff.left),
                            variant_runs(&quotes[b].quote.text, &diff.right),
                        ],
                    })
                })
                .collect();
            // The group's wording is its longest quotation's.
            let chars = |q: usize| quotes[q].quote.text.chars().count();
            ids.sort_by(|&x, &y| {
                chars(y)
                    .cmp(&chars(x))
                    .then(quotes[x].column.cmp(&quotes[y].column))
                    .then(quotes[x].first_word.cmp(&quotes[y].first_word))
            });
            QuoteGroup {
                quotes: ids,
                carried,
                unquoted,
                misattributed: related
                    .iter()
                    .any(|m| m.relation == QuoteRelation::Misattributed),
                variants,
            }
        })
        .collect();
    let first_seen = |group: &QuoteGroup| {
        group
            .quotes
            .iter()
            .map(|&q| (quotes[q].column, quotes[q].first_word))
            .min()
            .unwrap_or_default()
    };
    groups.sort_by(|x, y| {
        (y.carried.len() + y.unquoted.len())
            .cmp(&(x.carried.len() + x.unquoted.len()))
            .then(first_seen(x).cmp(&first_seen(y)))
    });
    groups
}

/// A quotation's text in runs, its changed words (in a word diff) marked.
fn variant_runs(text: &str, runs: &[Run]) -> Vec<VariantRun> {
    runs.iter()
        .filter_map(|r| {
            Some(VariantRun {
                text: text.get(r.start..r.end)?.to_string(),
                changed: matches!(r.kind, RunKind::Deleted | RunKind::Inserted),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::QuoteKind;

    fn quote(text: &str) -> Quote {
        Quote {
            start: 0,
            end: text.len(),
            parts: vec![0..text.len()],
            text: text.to_string(),
            kind: QuoteKind::Full,
            speaker: Some("Aurel Venn".into()),
            role: Some("chief engineer".into()),
            anonymous: false,
            attribution: None,
        }
    }

    fn matched(relation: QuoteRelation, quotes: &[(usize, usize)]) -> QuoteMatch {
        QuoteMatch {
            quotes: quotes.to_vec(),
            relation,
            passage: None,
            diff: None,
        }
    }

    fn ids(articles: usize) -> Vec<ArticleId> {
        (1..=articles as i64).map(ArticleId).collect()
    }

    #[test]
    fn related_quotations_of_different_articles_are_one_group_singletons_apart() {
        // Session numbers: 0 and 1 in column 0, 2 in column 1, 3 and 4 in column 2.
        let found = vec![
            vec![quote("quote 0"), quote("quote 1")],
            vec![quote("quote 2")],
            vec![quote("quote 3"), quote("quote 4")],
        ];
        let diff = crate::diff::word_diff("quote 0", "quote 3", Default::default());
        let matches = vec![
            matched(QuoteRelation::Same, &[(0, 0), (1, 0)]),
            QuoteMatch {
                diff: Some(diff),
                ..matched(QuoteRelation::Altered, &[(0, 0), (2, 0)])
            },
            matched(QuoteRelation::Misattributed, &[(0, 0), (1, 0)]),
            QuoteMatch {
                passage: Some((1, 5..50)),
                ..matched(QuoteRelation::Unattributed, &[(0, 1)])
            },
        ];
        let groups = session_quotations(&ids(3), found, &matches).groups;
        assert_eq!(groups.len(), 3);
        let (shared, reused, alone) = (&groups[0], &groups[1], &groups[2]);
        let mut members = shared.quotes.clone();
        members.sort();
        assert_eq!(members, [0, 2, 3]);
        let how: Vec<(usize, Carried)> = shared.carried.iter().map(|c| (c.column, c.how)).collect();
        assert_eq!(
            how,
            [
                (0, Carried::Quoted),
                (1, Carried::Quoted),
                (2, Carried::Altered)
            ]
        );
        assert!(shared.misattributed);
        assert_eq!(shared.variants.len(), 1);
        // A quotation reused elsewhere without quote marks.
        assert_eq!(reused.quotes, [1]);
        assert_eq!(
            reused.unquoted,
            [ColumnRange {
                column: 1,
                start: 5,
                end: 50
            }]
        );
        assert_eq!(alone.quotes, [4]);
        assert!(!alone.misattributed);
    }

    #[test]
    fn only_the_shorter_quotation_of_a_trimmed_pair_is_trimmed_and_every_quotation_of_a_column_is_kept(
    ) {
        // Session numbers: 0 and 1 in column 0 ("we are deeply…", "we remain…"), 2 in column 1.
        let found = vec![
            vec![
                quote("we are deeply concerned about the gates"),
                quote("we remain deeply concerned tonight"),
            ],
            vec![quote("deeply concerned")],
        ];
        let matches = vec![
            matched(QuoteRelation::Trimmed, &[(0, 0), (1, 0)]),
            matched(QuoteRelation::Trimmed, &[(0, 1), (1, 0)]),
        ];
        let groups = session_quotations(&ids(2), found, &matches).groups;
        assert_eq!(groups.len(), 1);
        let group = &groups[0];
        assert_eq!(group.quotes[0], 0, "the longest wording leads");
        assert_eq!(group.carried[0].column, 0);
        assert_eq!(group.carried[0].how, Carried::Quoted);
        assert_eq!(group.carried[0].quotes, [0, 1]);
        assert_eq!(group.carried[1].column, 1);
        assert_eq!(group.carried[1].how, Carried::Trimmed);
    }

    #[test]
    fn a_quotation_is_shown_at_its_first_quoted_word() {
        // "“Gates hold,” he said, “for now.”": two parts, the first past its opening mark.
        let parts = quote("“Gates hold,” he said, “for now.”");
        let two_parts = Quote {
            parts: vec![3..14, 31..39],
            ..parts.clone()
        };
        let no_parts = Quote {
            start: 7,
            parts: vec![],
            ..parts
        };
        let quotes = session_quotations(&ids(1), vec![vec![two_parts, no_parts]], &[]).quotes;
        assert_eq!(quotes[0].first_word, 3);
        assert_eq!(quotes[1].first_word, 7);
    }
}

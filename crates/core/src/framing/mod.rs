//! How each article of a session frames the story: the words it leans on, the actors it names
//! and how early, whom it quotes, the facts it carries, omits or states differently, and the
//! frame dimensions its wording touches. Every figure carries the byte ranges of the words
//! behind it, so a reader can open them.
//!
//! - `distinctive`: weighted log-odds with an informative Dirichlet prior ("Fightin' Words")
//!   per article, and per outlet when an outlet has several articles in the session.
//! - `actors`: people, organisations and places named, one actor across its forms.
//! - `sources`: who is quoted, by kind, from the session's quotations.
//! - `facts`: numbers and what they count, dates, the fillers of a few roles ("the Trump
//!   administration") and stated causes, tied across articles only by the alignment or by the
//!   same thing named; the same slot filled differently is a conflict, a slot some lack an
//!   omission.
//! - `frames`: the Policy Frames Codebook's dimensions, scored from a lexicon.
//!
//! Boilerplate never counts: every analysis reads only the sentences the aligner reads.

mod actors;
mod distinctive;
mod facts;
mod frames;
mod reading;
mod sources;

pub use actors::{Actor, ActorKind, ActorMention};
pub use facts::{Fact, FactRelation, FactValue};
pub use frames::{FrameProfile, FRAME_DIMENSIONS};
pub use sources::{Source, SourceKind};

use crate::align::{AlignInput, Alignment};
use crate::ids::ArticleId;
use crate::session::Quotations;
use distinctive::{SessionTerms, SIGNIFICANT_Z};
use reading::Reading;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;

/// One article of a session, as the framing analysis reads it.
#[derive(Debug, Clone, Copy)]
pub struct FramingArticle<'a> {
    /// Its id, body, boilerplate and language.
    pub text: AlignInput<'a>,
    /// Its headline (not part of the body).
    pub title: Option<&'a str>,
    /// The outlet that published it: articles of one outlet are also read together.
    pub outlet: Option<&'a str>,
}

/// How often the library uses each word: the prior of the distinctive-word scores. The store
/// reads it from its full-text index; empty, the session is its own prior.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LibraryWords {
    /// Words in the library.
    pub words: u64,
    /// For a lower-case word, how often the library uses it.
    pub counts: HashMap<String, u64>,
}

/// Tuning of [`framing`]; the values are exported with every report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FramingParameters {
    /// Fewest uses of a term in an article (or outlet) for it to be listed.
    pub min_count: usize,
    /// Most terms listed per article (or outlet).
    pub terms_per_article: usize,
    /// |z| above which a term is significant.
    pub significant_z: f32,
    /// Words in the library that made the prior (0: the session alone).
    pub prior_words: u64,
}

impl Default for FramingParameters {
    fn default() -> Self {
        FramingParameters {
            min_count: 2,
            terms_per_article: 15,
            significant_z: SIGNIFICANT_Z,
            prior_words: 0,
        }
    }
}

/// A session's framing analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Framing {
    /// The articles, in column order.
    pub articles: Vec<ArticleId>,
    /// Each article's headline and lede.
    pub openings: Vec<Opening>,
    /// Each article's distinctive terms against the rest of the session.
    pub distinctive: Vec<ArticleTerms>,
    /// Each outlet's with several articles in the session, against the other outlets'.
    pub outlets: Vec<OutletTerms>,
    /// The actors named, the most prominent first.
    pub actors: Vec<Actor>,
    /// Who each article quotes.
    pub sources: Vec<Source>,
    /// Facts tied across articles: agreements, conflicts, omissions.
    pub facts: Vec<Fact>,
    /// Each article's frame profile.
    pub frames: Vec<FrameProfile>,
    /// The settings that made it.
    pub parameters: FramingParameters,
}

/// An article's headline and lede.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Opening {
    /// The article.
    pub article: ArticleId,
    /// Its headline.
    pub headline: Option<String>,
    /// Byte range of its first paragraph of prose, `[start, end]`; `[0, 0]` when it has none.
    pub lede: [usize; 2],
    /// The lede's text.
    pub lede_text: String,
}

/// A term an article leans on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DistinctiveTerm {
    /// As written most often.
    pub term: String,
    /// Z-score of its log-odds ratio against the rest of the session.
    pub z: f32,
    /// |z| above the significance threshold.
    pub significant: bool,
    /// Uses in the article.
    pub count: usize,
    /// Byte ranges of the uses.
    #[serde(with = "crate::text::spans")]
    #[cfg_attr(feature = "ts", ts(as = "Vec<[usize; 2]>"))]
    pub spans: Vec<Range<usize>>,
}

/// One article's distinctive terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ArticleTerms {
    /// The article.
    pub article: ArticleId,
    /// Most distinctive first.
    pub terms: Vec<DistinctiveTerm>,
}

/// A span of one article: `[article, start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleSpan(pub ArticleId, pub usize, pub usize);

/// A term an outlet's articles lean on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OutletTerm {
    /// As written most often.
    pub term: String,
    /// Z-score against the other outlets' articles.
    pub z: f32,
    /// |z| above the significance threshold.
    pub significant: bool,
    /// Uses in the outlet's articles.
    pub count: usize,
    /// Where.
    pub spans: Vec<ArticleSpan>,
}

/// The distinctive terms of an outlet with several articles in the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OutletTerms {
    /// The outlet.
    pub outlet: String,
    /// Its articles in the session.
    pub articles: Vec<ArticleId>,
    /// Most distinctive first.
    pub terms: Vec<OutletTerm>,
}

/// A scored term with its spans per article index (what [`distinctive`] returns).
pub(crate) struct TermSpans {
    key: String,
    z: f32,
    spans: Vec<(usize, Range<usize>)>,
}

impl TermSpans {
    /// The form the term is written in most often (the first such, on a tie).
    fn written(&self, readings: &[Reading<'_>]) -> String {
        let mut forms: Vec<(String, usize)> = Vec::new();
        for (article, range) in &self.spans {
            let form = readings[*article].body[range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match forms.iter_mut().find(|(f, _)| *f == form) {
                Some((_, n)) => *n += 1,
                None => forms.push((form, 1)),
            }
        }
        forms
            .into_iter()
            .rev()
            .max_by_key(|(_, n)| *n)
            .map_or_else(|| self.key.clone(), |(f, _)| f)
    }
}

/// The framing analysis of a session's articles (in column order). `alignment` ties facts
/// across articles; `quotations` are the session's (see [`crate::session::quotations`]).
pub fn framing(
    articles: &[FramingArticle<'_>],
    alignment: Option<&Alignment>,
    quotations: &Quotations,
    library: &LibraryWords,
    parameters: &FramingParameters,
) -> Framing {
    let readings: Vec<Reading<'_>> = articles
        .iter()
        .enumerate()
        .map(|(k, article)| {
            let split = alignment
                .filter(|a| a.articles.get(k) == Some(&article.text.id))
                .and_then(|a| a.sentences.get(k))
                .map(Vec::as_slice);
            Reading::new(article, split)
        })
        .collect();
    let ids: Vec<ArticleId> = articles.iter().map(|a| a.text.id).collect();
    let parameters = FramingParameters {
        prior_words: library.words,
        ..parameters.clone()
    };

    let terms = SessionTerms::new(&readings);
    // A group's terms as written, with their scores and spans (article index, range).
    let ranked = |group: &[usize]| {
        terms
            .distinctive(
                group,
                library,
                parameters.min_count,
                parameters.terms_per_article,
            )
            .into_iter()
            .map(|t| {
                let significant = t.z.abs() > parameters.significant_z;
                (t.written(&readings), t.z, significant, t.spans)
            })
            .collect::<Vec<_>>()
    };
    let distinctive = (0..articles.len())
        .map(|a| ArticleTerms {
            article: ids[a],
            terms: ranked(&[a])
                .into_iter()
                .map(|(term, z, significant, spans)| DistinctiveTerm {
                    term,
                    z,
                    significant,
                    count: spans.len(),
                    spans: spans.into_iter().map(|(_, r)| r).collect(),
                })
                .collect(),
        })
        .collect();
    let outlets = outlet_groups(articles)
        .into_iter()
        .filter(|(_, group)| group.len() > 1 && group.len() < articles.len())
        .map(|(outlet, group)| OutletTerms {
            outlet,
            articles: group.iter().map(|&a| ids[a]).collect(),
            terms: ranked(&group)
                .into_iter()
                .map(|(term, z, significant, spans)| OutletTerm {
                    term,
                    z,
                    significant,
                    count: spans.len(),
                    spans: spans
                        .into_iter()
                        .map(|(a, r)| ArticleSpan(ids[a], r.start, r.end))
                        .collect(),
                })
                .collect(),
        })
        .collect();

    let openings = articles
        .iter()
        .zip(&readings)
        .map(|(article, reading)| Opening {
            article: article.text.id,
            headline: article.title.map(str::to_string),
            lede: [reading.lede.start, reading.lede.end],
            lede_text: reading.body[reading.lede.clone()].to_string(),
        })
        .collect();
    let titles: Vec<Option<&str>> = articles.iter().map(|a| a.title).collect();
    let actors = actors::actors(&readings, &titles, &ids, quotations);
    let sources = sources::sources(quotations, &actors);
    let facts = facts::facts(&readings, &ids, alignment, &actors);
    let frames = frames::profiles(&readings, &ids);
    Framing {
        articles: ids,
        openings,
        distinctive,
        outlets,
        actors,
        sources,
        facts,
        frames,
        parameters,
    }
}

/// Articles (indices) by outlet, outlets in order of their first article; articles without an
/// outlet are left out.
fn outlet_groups(articles: &[FramingArticle<'_>]) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (index, article) in articles.iter().enumerate() {
        let Some(outlet) = article.outlet.map(str::trim).filter(|o| !o.is_empty()) else {
            continue;
        };
        match groups
            .iter_mut()
            .find(|(o, _)| reading::fold(o) == reading::fold(outlet))
        {
            Some((_, group)) => group.push(index),
            None => groups.push((outlet.to_string(), vec![index])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article<'a>(id: i64, body: &'a str, boilerplate: &'a [Range<usize>]) -> FramingArticle<'a> {
        FramingArticle {
            text: AlignInput {
                id: ArticleId(id),
                body,
                boilerplate,
                language: "en",
            },
            title: None,
            outlet: None,
        }
    }

    /// The framing of articles with no quotations, no alignment and no library.
    fn framing_of(articles: &[FramingArticle<'_>]) -> Framing {
        let none = Quotations {
            quotes: Vec::new(),
            matches: Vec::new(),
            groups: Vec::new(),
        };
        framing(
            articles,
            None,
            &none,
            &LibraryWords::default(),
            &FramingParameters::default(),
        )
    }

    const PORT: &str = "The harbour reopened on Monday after the storm.\n\nDockworkers unloaded grain, grain and more grain while the harbour master counted ships.\n\nThe grain trade resumed slowly.";
    const FLOOD: &str = "The river flooded the valley on Monday.\n\nFarmers lost their harvest as the river rose and the river kept rising.\n\nThe valley waits for relief.";

    #[test]
    fn boilerplate_never_counts_as_framing() {
        let footer = "\n\nSubscribe to the Newsletter Newsletter Newsletter of Gazebo Media.";
        let with_footer = format!("{PORT}{footer}");
        let range = [PORT.len() + 2..with_footer.len()];
        let articles = [article(1, &with_footer, &range), article(2, FLOOD, &[])];
        let framing = framing_of(&articles);
        let terms: Vec<&str> = framing.distinctive[0]
            .terms
            .iter()
            .map(|t| t.term.as_str())
            .collect();
        assert!(terms.contains(&"grain"), "{terms:?}");
        assert!(!terms.iter().any(|t| t.contains("Newsletter")), "{terms:?}");
        assert!(!framing.actors.iter().any(|a| a.name.contains("Gazebo")));
        let profile = &framing.frames[0];
        assert!(profile
            .evidence
            .values()
            .flatten()
            .all(|&[_, end]| end <= PORT.len()));
    }

    #[test]
    fn the_librarys_counts_are_the_prior_and_shrink_a_word_it_never_uses_more() {
        // Monroe et al.'s prior: the estimate of a word the library rarely uses is pulled
        // harder towards no difference than that of a word it knows well.
        let articles = [article(1, PORT, &[]), article(2, FLOOD, &[])];
        let z_of = |library: &LibraryWords| {
            let none = Quotations {
                quotes: Vec::new(),
                matches: Vec::new(),
                groups: Vec::new(),
            };
            let framing = framing(
                &articles,
                None,
                &none,
                library,
                &FramingParameters::default(),
            );
            framing.distinctive[0]
                .terms
                .iter()
                .find(|t| t.term == "grain")
                .map(|t| t.z)
        };
        let alone = z_of(&LibraryWords::default()).expect("grain stands out");
        let library = |uses: u64| LibraryWords {
            words: 1_000_000,
            counts: [("grain".to_string(), uses)].into_iter().collect(),
        };
        let known = z_of(&library(5_000)).expect("a word the library knows");
        let unknown = z_of(&library(0)).unwrap_or(0.0);
        assert!(
            unknown < alone && alone < known,
            "{unknown} < {alone} < {known}"
        );
    }

    #[test]
    fn an_outlet_with_several_articles_is_read_as_one_against_the_others() {
        let third = "The harbour fleet sailed at dawn; grain prices fell as the harbour filled.";
        let mut articles = [
            article(1, PORT, &[]),
            article(2, FLOOD, &[]),
            article(3, third, &[]),
        ];
        articles[0].outlet = Some("Port Gazette");
        articles[2].outlet = Some("port gazette");
        articles[1].outlet = Some("Valley Times");
        let framing = framing_of(&articles);
        assert_eq!(framing.outlets.len(), 1);
        let outlet = &framing.outlets[0];
        assert_eq!(outlet.articles, [ArticleId(1), ArticleId(3)]);
        let harbour = outlet
            .terms
            .iter()
            .find(|t| t.term == "harbour")
            .expect("harbour");
        assert_eq!(harbour.count, 4);
        assert!(harbour.spans.iter().any(|s| s.0 == ArticleId(3)));
    }

    #[test]
    fn spanish_function_words_are_not_terms() {
        let a = "El gobierno de la nación anunció la reforma de la ley.\n\nLa reforma de la ley llega tarde.";
        let b = "Los agricultores de la región perdieron la cosecha por la sequía.";
        let mut articles = [article(1, a, &[]), article(2, b, &[])];
        articles[0].text.language = "es";
        articles[1].text.language = "es";
        let framing = framing_of(&articles);
        let terms: Vec<&str> = framing.distinctive[0]
            .terms
            .iter()
            .map(|t| t.term.as_str())
            .collect();
        assert!(terms.iter().any(|t| t.contains("reforma")), "{terms:?}");
        assert!(
            !terms.iter().any(|t| ["de", "la", "El", "La"].contains(t)),
            "{terms:?}"
        );
    }
}

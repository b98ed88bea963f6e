//! Parallax reports: what a session shows, taken out of the app.
//!
//! [`Report::new`] gathers a laid-out session (`parallax_store::SessionView`) into one value:
//! the articles with their metadata and the SHA-256 of their bodies, the alignment summary with
//! the sentences only one article has, the quotations and their variants, the shared passages,
//! the framing analysis and the notes with the text they are anchored to. Every cited span
//! carries its article, its byte offsets into that article's body and its text, so anyone can
//! check a finding against the stored text (`parallax show ID --json`).
//!
//! The same value is written as one self-contained HTML file ([`html`]), Markdown
//! ([`markdown`]), JSON, or a folder of CSV tables ([`tables`]); every file is written to a
//! temporary file beside it and renamed into place ([`write()`]), so an interrupted export never
//! leaves half a file.

pub mod html;
pub mod markdown;
pub mod tables;
mod write;

pub use write::{write, write_file, ExportError, Format};

use parallax_core::align::AlignOptions;
use parallax_core::framing::{ActorKind, FactRelation, Framing, FramingParameters, SourceKind};
use parallax_core::passages::ReuseOptions;
use parallax_core::quotes::QuoteKind;
use parallax_core::session::Carried;
use parallax_store::{ArticleId, SessionId, SessionView};
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// Now, in UTC, as ISO 8601 with seconds ("2026-12-05T22:40:00Z"): when a report is exported.
pub fn now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// A span of an article, with its text: what every finding of a report cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cited {
    /// The article.
    pub article: ArticleId,
    /// Byte offset into its body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The body's text there.
    pub text: String,
}

/// A session's analysis, ready to write out.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The version of Parallax that wrote it.
    pub parallax_version: String,
    /// When (UTC, ISO 8601).
    pub exported_at: String,
    /// Every analysis setting that made it.
    pub parameters: Parameters,
    /// The session.
    pub session: SessionRef,
    /// Its articles, in column order.
    pub articles: Vec<ReportArticle>,
    /// How the articles align.
    pub alignment: AlignmentSummary,
    /// Quotations, grouped across the articles.
    pub quotes: Vec<QuoteGroup>,
    /// Passages two articles share word for word (or nearly).
    pub passages: Vec<Passage>,
    /// How each article frames the story.
    pub framing: ReportFraming,
    /// The session's notes.
    pub notes: Vec<ReportNote>,
}

/// The settings of the analyses.
#[derive(Debug, Clone, Serialize)]
pub struct Parameters {
    /// The article the others were aligned against.
    pub pivot: Option<ArticleId>,
    /// Sentence alignment.
    pub alignment: AlignOptions,
    /// Shared passages.
    pub reuse: ReuseOptions,
    /// Framing.
    pub framing: FramingParameters,
}

/// The session a report is of.
#[derive(Debug, Clone, Serialize)]
pub struct SessionRef {
    /// Its id in the library.
    pub id: SessionId,
    /// Its name.
    pub name: String,
}

/// An article of the session.
#[derive(Debug, Clone, Serialize)]
pub struct ReportArticle {
    /// Its id in the library.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// The outlet that published it.
    pub outlet: Option<String>,
    /// The agency that wrote it, when credited.
    pub agency: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// ISO publication date.
    pub published: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Hex SHA-256 of its body as stored (UTF-8).
    pub sha256: String,
    /// Words.
    pub words: usize,
}

/// How the articles align against the pivot.
#[derive(Debug, Clone, Serialize)]
pub struct AlignmentSummary {
    /// Rows of the side-by-side view.
    pub rows: usize,
    /// Rows where two articles or more say the same thing.
    pub shared_rows: usize,
    /// Per article, in column order.
    pub articles: Vec<AlignedArticle>,
    /// `coverage[a][b]`: the share of article a's sentences with a counterpart in b.
    pub coverage: Vec<Vec<f32>>,
    /// Sentences no other article of the session has.
    pub only_here: Vec<Cited>,
}

/// One article's place in the alignment.
#[derive(Debug, Clone, Serialize)]
pub struct AlignedArticle {
    /// The article.
    pub article: ArticleId,
    /// Its sentences.
    pub sentences: usize,
    /// Of them, found in no other article.
    pub only_here: usize,
    /// Share of its words in passages another article has word for word.
    pub shared: f32,
}

/// Quotations of the same words across the articles.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteGroup {
    /// The quotations, the longest wording first.
    pub quotations: Vec<ReportQuote>,
    /// Where articles have the words without quotation marks.
    pub unquoted: Vec<Cited>,
    /// Different articles give the words to different named speakers.
    pub misattributed: bool,
    /// Altered wordings: pairs of quotations with the words each lacks of the other.
    pub variants: Vec<Variant>,
}

/// One quotation.
#[derive(Debug, Clone, Serialize)]
pub struct ReportQuote {
    /// The speaker named, if any.
    pub speaker: Option<String>,
    /// The role or description given.
    pub role: Option<String>,
    /// Full, partial or scare quotation.
    pub kind: QuoteKind,
    /// How its article carries the group's words.
    pub carried: Carried,
    /// The quoted words (parts joined) where the quotation stands.
    pub cited: Cited,
}

/// Two wordings of one quotation.
#[derive(Debug, Clone, Serialize)]
pub struct Variant {
    /// The first wording.
    pub a: Cited,
    /// The second.
    pub b: Cited,
    /// Words of `a` that `b` does not have.
    pub a_only: Vec<String>,
    /// Words of `b` that `a` does not have.
    pub b_only: Vec<String>,
}

/// A passage two articles share.
#[derive(Debug, Clone, Serialize)]
pub struct Passage {
    /// In one article.
    pub a: Cited,
    /// In the other.
    pub b: Cited,
    /// Its length in words.
    pub words: usize,
    /// How alike the two sides are (0–1).
    pub similarity: f32,
    /// The article that had it first, by publication date.
    pub first: Option<ArticleId>,
}

/// The framing analysis with every span's text.
#[derive(Debug, Clone, Serialize)]
pub struct ReportFraming {
    /// Each article's headline and lede.
    pub openings: Vec<Opening>,
    /// Each article's distinctive terms.
    pub distinctive: Vec<Distinctive>,
    /// Each outlet's with several articles in the session.
    pub outlets: Vec<OutletDistinctive>,
    /// Actors named, the most prominent first.
    pub actors: Vec<Actor>,
    /// Who each article quotes.
    pub sources: Vec<Source>,
    /// Conflicts, omissions, agreements.
    pub facts: Vec<Fact>,
    /// Frame profiles.
    pub frames: Vec<Frames>,
}

/// An article's opening.
#[derive(Debug, Clone, Serialize)]
pub struct Opening {
    /// The article.
    pub article: ArticleId,
    /// Its headline.
    pub headline: Option<String>,
    /// Its first paragraph.
    pub lede: Option<Cited>,
}

/// A distinctive term with its uses.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    /// As written most often.
    pub term: String,
    /// Z-score of its log-odds ratio.
    pub z: f32,
    /// |z| above the threshold.
    pub significant: bool,
    /// Uses.
    pub count: usize,
    /// Where.
    pub spans: Vec<Cited>,
}

/// One article's distinctive terms.
#[derive(Debug, Clone, Serialize)]
pub struct Distinctive {
    /// The article.
    pub article: ArticleId,
    /// Most distinctive first.
    pub terms: Vec<Term>,
}

/// One outlet's distinctive terms.
#[derive(Debug, Clone, Serialize)]
pub struct OutletDistinctive {
    /// The outlet.
    pub outlet: String,
    /// Its articles.
    pub articles: Vec<ArticleId>,
    /// Most distinctive first.
    pub terms: Vec<Term>,
}

/// An actor and where each article names it.
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    /// Fullest name.
    pub name: String,
    /// Person, organisation, place or other.
    pub kind: ActorKind,
    /// The forms it is named by.
    pub aliases: Vec<String>,
    /// Titles before its name.
    pub titles: Vec<String>,
    /// Per article.
    pub mentions: Vec<Mention>,
}

/// How one article names an actor.
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    /// The article.
    pub article: ArticleId,
    /// How often.
    pub count: usize,
    /// First byte offset.
    pub first: usize,
    /// In the headline.
    pub in_headline: bool,
    /// In the lede.
    pub in_lede: bool,
    /// Where.
    pub spans: Vec<Cited>,
}

/// A source of one article.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// The article.
    pub article: ArticleId,
    /// Speaker (or an anonymous source's description).
    pub speaker: String,
    /// Role or title.
    pub role: Option<String>,
    /// Kind.
    pub kind: SourceKind,
    /// Quotations.
    pub quotes: usize,
    /// Words quoted.
    pub words: usize,
    /// The quoted words.
    pub quotations: Vec<Cited>,
}

/// A slot the articles fill.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// What it is.
    pub slot: String,
    /// Conflict, omission or agreement.
    pub relation: FactRelation,
    /// The fillings.
    pub values: Vec<Cited>,
    /// Articles with none.
    pub missing: Vec<ArticleId>,
}

/// One article's frame profile.
#[derive(Debug, Clone, Serialize)]
pub struct Frames {
    /// The article.
    pub article: ArticleId,
    /// Per dimension: words per 100 content words.
    pub scores: BTreeMap<String, f32>,
    /// Per dimension: the words that made the score.
    pub evidence: BTreeMap<String, Vec<Cited>>,
}

/// A note of the session.
#[derive(Debug, Clone, Serialize)]
pub struct ReportNote {
    /// Its id.
    pub id: i64,
    /// Markdown body.
    pub body: String,
    /// Tags.
    pub tags: Vec<String>,
    /// When written.
    pub created_at: String,
    /// When last changed.
    pub updated_at: String,
    /// The article it is on, if any.
    pub article: Option<ArticleId>,
    /// The text it is anchored to, as found in the body now.
    pub anchored: Option<Cited>,
    /// Its passage is no longer in the text.
    pub orphaned: bool,
}

/// The bodies of a session's articles, to cite spans of.
struct Bodies<'a>(Vec<(ArticleId, &'a str)>);

impl Bodies<'_> {
    fn cite(&self, article: ArticleId, range: Range<usize>) -> Cited {
        let body = self
            .0
            .iter()
            .find(|(id, _)| *id == article)
            .map_or("", |(_, b)| b);
        Cited {
            article,
            text: body.get(range.clone()).unwrap_or_default().to_string(),
            start: range.start,
            end: range.end,
        }
    }

    fn cite_all(&self, article: ArticleId, ranges: &[Range<usize>]) -> Vec<Cited> {
        ranges
            .iter()
            .map(|r| self.cite(article, r.clone()))
            .collect()
    }

    fn by_column(&self, column: usize) -> ArticleId {
        self.0[column].0
    }
}

impl Report {
    /// The report of a laid-out session (see `SessionView::lay_out`); `version` is the app's,
    /// `exported_at` the time to record.
    pub fn new(view: &SessionView, version: &str, exported_at: &str) -> Report {
        let bodies = Bodies(
            view.articles
                .iter()
                .map(|a| (a.summary.id, a.body.as_str()))
                .collect(),
        );
        let articles = view
            .articles
            .iter()
            .map(|a| ReportArticle {
                id: a.summary.id,
                title: a.summary.title.clone(),
                outlet: a.summary.outlet.clone(),
                agency: a.summary.agency.clone(),
                author: a.summary.author.clone(),
                published: a.summary.published.clone(),
                url: a.summary.url.clone(),
                sha256: parallax_core::text::content_hash(&a.body),
                words: a.summary.words,
            })
            .collect();
        let analysis = view.analysis.as_ref();
        let framing_parameters = analysis
            .map(|a| a.framing.parameters.clone())
            .unwrap_or_default();
        let alignment = alignment_summary(view, &bodies);
        let quotes = analysis
            .map(|a| quote_groups(&a.quotations, &bodies))
            .unwrap_or_default();
        let passages = analysis
            .map(|a| {
                a.passages
                    .iter()
                    .map(|p| Passage {
                        a: bodies.cite(p.a.article, p.a.start..p.a.end),
                        b: bodies.cite(p.b.article, p.b.start..p.b.end),
                        words: p.words,
                        similarity: p.similarity,
                        first: p.first,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let framing = analysis
            .map(|a| report_framing(&a.framing, &a.quotations, &bodies))
            .unwrap_or_else(|| ReportFraming {
                openings: Vec::new(),
                distinctive: Vec::new(),
                outlets: Vec::new(),
                actors: Vec::new(),
                sources: Vec::new(),
                facts: Vec::new(),
                frames: Vec::new(),
            });
        let notes = view
            .notes
            .iter()
            .map(|n| ReportNote {
                id: n.id.0,
                body: n.body.clone(),
                tags: n.tags.clone(),
                created_at: n.created_at.clone(),
                updated_at: n.updated_at.clone(),
                article: n.article,
                anchored: n
                    .article
                    .zip(n.located())
                    .map(|(article, (start, end))| bodies.cite(article, start..end)),
                orphaned: n.orphaned,
            })
            .collect();
        Report {
            parallax_version: version.to_string(),
            exported_at: exported_at.to_string(),
            parameters: Parameters {
                pivot: view.pivot,
                alignment: AlignOptions::default(),
                reuse: ReuseOptions::default(),
                framing: framing_parameters,
            },
            session: SessionRef {
                id: view.session.summary.id,
                name: view.session.summary.name.clone(),
            },
            articles,
            alignment,
            quotes,
            passages,
            framing,
            notes,
        }
    }

    /// The article with this id.
    pub fn article(&self, id: ArticleId) -> Option<&ReportArticle> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// A short label for an article: its outlet, else its title.
    pub fn label(&self, id: ArticleId) -> String {
        self.article(id).map_or_else(
            || format!("#{id}"),
            |a| a.outlet.clone().unwrap_or_else(|| a.title.clone()),
        )
    }
}

fn alignment_summary(view: &SessionView, bodies: &Bodies<'_>) -> AlignmentSummary {
    let Some(layout) = view.layout() else {
        return AlignmentSummary {
            rows: 0,
            shared_rows: 0,
            articles: Vec::new(),
            coverage: Vec::new(),
            only_here: Vec::new(),
        };
    };
    let mut only_here = Vec::new();
    let mut shared_rows = 0;
    for row in &layout.rows {
        if row.cells.iter().flatten().count() > 1 {
            shared_rows += 1;
        }
        for (column, cell) in row.cells.iter().enumerate() {
            for sentence in cell.iter().flatten().filter(|s| s.only_here) {
                only_here.push(bodies.cite(bodies.by_column(column), sentence.start..sentence.end));
            }
        }
    }
    only_here.sort_by_key(|c| {
        (
            bodies.0.iter().position(|(id, _)| *id == c.article),
            c.start,
        )
    });
    AlignmentSummary {
        rows: layout.rows.len(),
        shared_rows,
        articles: layout
            .facts
            .iter()
            .enumerate()
            .map(|(column, facts)| AlignedArticle {
                article: bodies.by_column(column),
                sentences: facts.sentences,
                only_here: facts.only_here,
                shared: facts.shared,
            })
            .collect(),
        coverage: layout.coverage.clone(),
        only_here,
    }
}

fn quote_groups(
    quotations: &parallax_core::session::Quotations,
    bodies: &Bodies<'_>,
) -> Vec<QuoteGroup> {
    let cite_quote = |id: usize| {
        let q = &quotations.quotes[id];
        let start = q.quote.parts.first().map_or(q.quote.start, |p| p.start);
        let end = q.quote.parts.last().map_or(q.quote.end, |p| p.end);
        bodies.cite(q.article, start..end)
    };
    quotations
        .groups
        .iter()
        .map(|group| {
            let carried = |id: usize| {
                let column = quotations.quotes[id].column;
                group
                    .carried
                    .iter()
                    .find(|c| c.column == column)
                    .map_or(Carried::Quoted, |c| c.how)
            };
            QuoteGroup {
                quotations: group
                    .quotes
                    .iter()
                    .map(|&id| {
                        let q = &quotations.quotes[id].quote;
                        ReportQuote {
                            speaker: q.speaker.clone(),
                            role: q.role.clone(),
                            kind: q.kind,
                            carried: carried(id),
                            cited: cite_quote(id),
                        }
                    })
                    .collect(),
                unquoted: group
                    .unquoted
                    .iter()
                    .map(|u| bodies.cite(bodies.by_column(u.column), u.start..u.end))
                    .collect(),
                misattributed: group.misattributed,
                variants: group
                    .variants
                    .iter()
                    .map(|v| {
                        let changed = |runs: &[parallax_core::session::VariantRun]| {
                            runs.iter()
                                .filter(|r| r.changed)
                                .map(|r| r.text.trim().to_string())
                                .filter(|t| !t.is_empty())
                                .collect()
                        };
                        Variant {
                            a: cite_quote(v.quotes[0]),
                            b: cite_quote(v.quotes[1]),
                            a_only: changed(&v.wordings[0]),
                            b_only: changed(&v.wordings[1]),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

fn report_framing(
    framing: &Framing,
    quotations: &parallax_core::session::Quotations,
    bodies: &Bodies<'_>,
) -> ReportFraming {
    let term = |t: &parallax_core::framing::DistinctiveTerm, article| Term {
        term: t.term.clone(),
        z: t.z,
        significant: t.significant,
        count: t.count,
        spans: bodies.cite_all(article, &t.spans),
    };
    ReportFraming {
        openings: framing
            .openings
            .iter()
            .map(|o| Opening {
                article: o.article,
                headline: o.headline.clone(),
                lede: (o.lede[1] > o.lede[0]).then(|| bodies.cite(o.article, o.lede[0]..o.lede[1])),
            })
            .collect(),
        distinctive: framing
            .distinctive
            .iter()
            .map(|d| Distinctive {
                article: d.article,
                terms: d.terms.iter().map(|t| term(t, d.article)).collect(),
            })
            .collect(),
        outlets: framing
            .outlets
            .iter()
            .map(|o| OutletDistinctive {
                outlet: o.outlet.clone(),
                articles: o.articles.clone(),
                terms: o
                    .terms
                    .iter()
                    .map(|t| Term {
                        term: t.term.clone(),
                        z: t.z,
                        significant: t.significant,
                        count: t.count,
                        spans: t.spans.iter().map(|s| bodies.cite(s.0, s.1..s.2)).collect(),
                    })
                    .collect(),
            })
            .collect(),
        actors: framing
            .actors
            .iter()
            .map(|a| Actor {
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                titles: a.titles.clone(),
                mentions: a
                    .mentions
                    .iter()
                    .map(|m| Mention {
                        article: m.article,
                        count: m.count,
                        first: m.first,
                        in_headline: m.in_headline,
                        in_lede: m.in_lede,
                        spans: bodies.cite_all(m.article, &m.spans),
                    })
                    .collect(),
            })
            .collect(),
        sources: framing
            .sources
            .iter()
            .map(|s| Source {
                article: s.article,
                speaker: s.speaker.clone(),
                role: s.role.clone(),
                kind: s.kind,
                quotes: s.quotes,
                words: s.words,
                quotations: s
                    .quotations
                    .iter()
                    .filter_map(|&id| quotations.quotes.get(id))
                    .flat_map(|q| {
                        q.quote
                            .parts
                            .iter()
                            .map(|p| bodies.cite(q.article, p.clone()))
                    })
                    .collect(),
            })
            .collect(),
        facts: framing
            .facts
            .iter()
            .map(|f| Fact {
                slot: f.slot.clone(),
                relation: f.relation,
                values: f
                    .values
                    .iter()
                    .map(|v| bodies.cite(v.article, v.start..v.end))
                    .collect(),
                missing: f.missing.clone(),
            })
            .collect(),
        frames: framing
            .frames
            .iter()
            .map(|p| Frames {
                article: p.article,
                scores: p.scores.clone(),
                evidence: p
                    .evidence
                    .iter()
                    .map(|(key, spans)| {
                        let ranges: Vec<Range<usize>> = spans.iter().map(|&[s, e]| s..e).collect();
                        (key.clone(), bodies.cite_all(p.article, &ranges))
                    })
                    .collect(),
            })
            .collect(),
    }
}

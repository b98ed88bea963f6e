//! The data shapes that cross IPC, and their conversions from the library's types.
//!
//! This is the only place the UI's view of the data is defined. Each type derives `ts_rs::TS`;
//! their TypeScript twins live in `ui/src/lib/bindings/`, and the `bindings_are_current` test
//! fails when the two drift (run it with `UPDATE_BINDINGS=1` to rewrite them). Numbers are `u32`
//! so that TypeScript sees `number`, not `bigint`.

use parallax_core::diff::RunKind;
use parallax_store as store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Metadata of one article, as the library table shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    pub id: u32,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub words: u32,
    pub format: String,
    pub imported_at: String,
}

impl From<store::ArticleSummary> for ArticleSummary {
    fn from(s: store::ArticleSummary) -> Self {
        ArticleSummary {
            id: s.id.0 as u32,
            title: s.title,
            outlet: s.outlet,
            author: s.author,
            published: s.published,
            url: s.url,
            words: s.words as u32,
            format: s.format.as_str().to_string(),
            imported_at: s.imported_at,
        }
    }
}

/// One paragraph of an article body.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Paragraph {
    pub text: String,
    /// Site clutter: shown dimmed, left out of analyses.
    pub boilerplate: bool,
}

/// A whole article, cut into paragraphs by the backend (the UI never computes offsets).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    pub summary: ArticleSummary,
    pub source_path: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl From<store::Article> for Article {
    fn from(a: store::Article) -> Self {
        let paragraphs = paragraph_ranges(&a.body)
            .into_iter()
            .map(|range| Paragraph {
                boilerplate: a
                    .boilerplate
                    .iter()
                    .any(|b| b.start <= range.start && range.start < b.end),
                text: a.body[range].to_string(),
            })
            .collect();
        Article {
            summary: a.summary.into(),
            source_path: a.source_path,
            paragraphs,
        }
    }
}

/// A piece of a search snippet.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnippetPart {
    pub text: String,
    pub highlight: bool,
}

/// One search result.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub snippet: Vec<SnippetPart>,
}

impl From<store::SearchHit> for SearchHit {
    fn from(h: store::SearchHit) -> Self {
        SearchHit {
            article: h.article.into(),
            snippet: h
                .snippet
                .into_iter()
                .map(|p| SnippetPart {
                    text: p.text,
                    highlight: p.highlight,
                })
                .collect(),
        }
    }
}

/// New metadata for an article (every field replaced; null clears).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetadataEdit {
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

impl From<MetadataEdit> for store::MetadataEdit {
    fn from(e: MetadataEdit) -> Self {
        store::MetadataEdit {
            title: e.title,
            outlet: e.outlet,
            author: e.author,
            published: e.published,
            url: e.url,
        }
    }
}

/// What happened to one imported file.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImportOutcome {
    Imported,
    Duplicate,
    Failed,
}

impl From<store::ImportOutcome> for ImportOutcome {
    fn from(o: store::ImportOutcome) -> Self {
        match o {
            store::ImportOutcome::Imported => ImportOutcome::Imported,
            store::ImportOutcome::Duplicate => ImportOutcome::Duplicate,
            store::ImportOutcome::Failed => ImportOutcome::Failed,
        }
    }
}

/// Progress of an import, sent over a channel as it goes.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ImportProgress {
    Started {
        total: u32,
    },
    File {
        done: u32,
        total: u32,
        path: String,
        outcome: ImportOutcome,
    },
}

impl From<store::ImportEvent> for ImportProgress {
    fn from(e: store::ImportEvent) -> Self {
        match e {
            store::ImportEvent::Started { total } => ImportProgress::Started {
                total: total as u32,
            },
            store::ImportEvent::File {
                done,
                total,
                path,
                outcome,
            } => ImportProgress::File {
                done: done as u32,
                total: total as u32,
                path: path.display().to_string(),
                outcome: outcome.into(),
            },
        }
    }
}

/// A file that became an article.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedFile {
    pub id: u32,
    pub path: String,
    pub title: String,
    pub outlet: Option<String>,
}

/// A file already in the library.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateFile {
    pub path: String,
    pub existing_id: u32,
    pub existing_title: String,
}

/// A file that could not be imported, with the reason.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FailedFile {
    pub path: String,
    pub error: String,
}

/// The outcome of an import batch.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub imported: Vec<ImportedFile>,
    pub duplicates: Vec<DuplicateFile>,
    pub failed: Vec<FailedFile>,
}

impl From<store::ImportReport> for ImportReport {
    fn from(r: store::ImportReport) -> Self {
        ImportReport {
            imported: r
                .imported
                .into_iter()
                .map(|f| ImportedFile {
                    id: f.id.0 as u32,
                    path: f.path.display().to_string(),
                    title: f.title,
                    outlet: f.outlet,
                })
                .collect(),
            duplicates: r
                .duplicates
                .into_iter()
                .map(|d| DuplicateFile {
                    path: d.path.display().to_string(),
                    existing_id: d.existing_id.0 as u32,
                    existing_title: d.existing_title,
                })
                .collect(),
            failed: r
                .failed
                .into_iter()
                .map(|f| FailedFile {
                    path: f.path.display().to_string(),
                    error: f.error.to_string(),
                })
                .collect(),
        }
    }
}

/// Byte ranges of the paragraphs of a body (separated by blank lines).
fn paragraph_ranges(body: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for text in body.split("\n\n") {
        ranges.push(start..start + text.len());
        start += text.len() + 2;
    }
    ranges
}

/// A comparison session as lists show it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionSummary {
    pub id: u32,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
    /// The compared articles' ids in column order (deleted ones included).
    pub articles: Vec<u32>,
}

impl From<store::SessionSummary> for SessionSummary {
    fn from(s: store::SessionSummary) -> Self {
        SessionSummary {
            id: s.id.0 as u32,
            name: s.name,
            created_at: s.created_at,
            updated_at: s.updated_at,
            articles: s.articles.iter().map(|a| a.0 as u32).collect(),
        }
    }
}

/// What a sentence is by its place in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SentenceKind {
    Prose,
    Heading,
    ListItem,
}

impl From<parallax_core::sentences::SentenceKind> for SentenceKind {
    fn from(k: parallax_core::sentences::SentenceKind) -> Self {
        use parallax_core::sentences::SentenceKind as Core;
        match k {
            Core::Prose => SentenceKind::Prose,
            Core::Heading => SentenceKind::Heading,
            Core::ListItem => SentenceKind::ListItem,
        }
    }
}

/// A stretch of a sentence with one look.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextRun {
    pub text: String,
    /// Words the row's other sentences do not share.
    pub changed: bool,
    /// Ids of the notes whose passage covers this run.
    pub notes: Vec<u32>,
    /// Index of the quotation (in the session's quotes) these words belong to.
    pub quote: Option<u32>,
    /// Another article of the session shares this passage.
    pub shared: bool,
}

/// A counterpart of a sentence in another row (reordered text, a second partner).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SentenceLink {
    /// Column index of the counterpart's article.
    pub column: u32,
    pub sentence: u32,
    pub row: u32,
    pub similarity: f32,
}

/// One sentence in a column.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AlignedSentence {
    /// Its index among its article's sentences.
    pub index: u32,
    /// Byte offset in the body: handed back as a hint when a note is made on it.
    pub start: u32,
    pub kind: SentenceKind,
    pub opens_paragraph: bool,
    pub only_here: bool,
    pub links: Vec<SentenceLink>,
    pub runs: Vec<TextRun>,
}

/// One row of aligned sentences: a cell per column, null where that article has none.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AlignedRow {
    pub cells: Vec<Option<Vec<AlignedSentence>>>,
    pub similarity: f32,
    /// Some column is empty or has changed words.
    pub differs: bool,
    /// Some sentence here is found in no other article.
    pub only_here: bool,
}

/// Counts per article of a session.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleFacts {
    pub sentences: u32,
    pub only_here: u32,
    /// The share of its words inside passages another article of the session shares.
    pub shared: f32,
}

/// The articles of a session aligned sentence by sentence; columns in the session's order.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Alignment {
    /// Column index of the pivot.
    pub pivot: u32,
    pub rows: Vec<AlignedRow>,
    pub facts: Vec<ArticleFacts>,
    /// `coverage[a][b]`: the share of column a's sentences with a counterpart in column b.
    pub coverage: Vec<Vec<f32>>,
}

impl From<parallax_core::side_by_side::SideBySide> for Alignment {
    fn from(v: parallax_core::side_by_side::SideBySide) -> Self {
        let sentence = |s: parallax_core::side_by_side::SideSentence| AlignedSentence {
            index: s.index as u32,
            start: s.start as u32,
            kind: s.kind.into(),
            opens_paragraph: s.opens_paragraph,
            only_here: s.only_here,
            links: s
                .links
                .into_iter()
                .map(|l| SentenceLink {
                    column: l.article as u32,
                    sentence: l.sentence as u32,
                    row: l.row as u32,
                    similarity: l.similarity,
                })
                .collect(),
            runs: s
                .runs
                .into_iter()
                .map(|r| TextRun {
                    text: r.text,
                    changed: r.changed,
                    notes: r.notes.into_iter().map(|m| m as u32).collect(),
                    quote: r.quote.map(|q| q as u32),
                    shared: r.shared,
                })
                .collect(),
        };
        Alignment {
            pivot: v.pivot as u32,
            rows: v
                .rows
                .into_iter()
                .map(|row| AlignedRow {
                    cells: row
                        .cells
                        .into_iter()
                        .map(|c| c.map(|c| c.into_iter().map(sentence).collect()))
                        .collect(),
                    similarity: row.similarity,
                    differs: row.differs,
                    only_here: row.only_here,
                })
                .collect(),
            facts: v
                .facts
                .into_iter()
                .map(|f| ArticleFacts {
                    sentences: f.sentences as u32,
                    only_here: f.only_here as u32,
                    shared: 0.0,
                })
                .collect(),
            coverage: v.coverage,
        }
    }
}

/// A note: on the session, or on a passage of one of its articles.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub id: u32,
    pub session_id: Option<u32>,
    pub article_id: Option<u32>,
    /// Markdown.
    pub body: String,
    pub tags: Vec<String>,
    /// The passage as it was when the note was written.
    pub quote: Option<String>,
    /// The passage can no longer be found in the article: shown apart, never dropped.
    pub orphaned: bool,
    pub created_at: String,
    pub updated_at: String,
}

impl From<store::Note> for Note {
    fn from(n: store::Note) -> Self {
        Note {
            id: n.id.0 as u32,
            session_id: n.session_id.map(|s| s.0 as u32),
            article_id: n.article_id.map(|a| a.0 as u32),
            body: n.body,
            tags: n.tags,
            quote: n.anchor.map(|a| a.quote.exact),
            orphaned: n.orphaned,
            created_at: n.created_at,
            updated_at: n.updated_at,
        }
    }
}

/// A new note. With a quote, `article` is required; `prefix`, `suffix` and `near` (a byte
/// offset the UI was given, such as the sentence's start) tell repeated quotes apart.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewNote {
    pub session: u32,
    pub article: Option<u32>,
    pub quote: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub near: Option<u32>,
    pub body: String,
    pub tags: Vec<String>,
}

impl From<NewNote> for store::NewNote {
    fn from(n: NewNote) -> Self {
        store::NewNote {
            session: Some(store::SessionId(n.session.into())),
            article: n.article.map(|a| store::ArticleId(a.into())),
            quote: n.quote,
            prefix: n.prefix,
            suffix: n.suffix,
            near: n.near.map(|n| n as usize),
            body: n.body,
            tags: n.tags,
        }
    }
}

/// A tag and how many notes carry it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TagCount {
    pub name: String,
    pub notes: u32,
}

/// A session opened for reading.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub session: SessionSummary,
    /// The UI's own JSON (columns, pivot, scroll, open panel), as it saved it.
    pub view_state: String,
    /// The articles still in the library, in column order.
    pub articles: Vec<ArticleSummary>,
    /// Articles of the session deleted from the library since.
    pub missing: Vec<u32>,
    pub pivot: Option<u32>,
    /// Null when fewer than two articles are left.
    pub alignment: Option<Alignment>,
    pub notes: Vec<Note>,
    /// Passages the session's articles share with each other.
    pub passages: Vec<SharedPassage>,
    /// Every direct quotation of the session's articles, columns in order.
    pub quotes: Vec<SessionQuote>,
    /// How the quotations relate across the articles.
    pub quote_matches: Vec<QuoteMatch>,
}

/// A passage two articles of a session share (byte ranges into each body).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedPassage {
    pub a: PassageSide,
    pub b: PassageSide,
    pub words: u32,
    pub similarity: f32,
    /// The article that had it first, by publication date.
    pub first: Option<u32>,
}

/// One side of a shared passage.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PassageSide {
    pub article: u32,
    pub start: u32,
    pub end: u32,
}

impl From<store::SharedPassage> for SharedPassage {
    fn from(p: store::SharedPassage) -> Self {
        let side = |s: store::PassageSide| PassageSide {
            article: s.article.0 as u32,
            start: s.start as u32,
            end: s.end as u32,
        };
        SharedPassage {
            a: side(p.a),
            b: side(p.b),
            words: p.words as u32,
            similarity: p.similarity,
            first: p.first.map(|f| f.0 as u32),
        }
    }
}

/// What a quotation is, by how it sits in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Full,
    Partial,
    Scare,
}

/// A direct quotation in one of a session's articles.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionQuote {
    /// Its number in the session (what the text runs carry in `quote`).
    pub id: u32,
    /// Column of its article.
    pub column: u32,
    /// Byte offset of its first word (to show it in the text).
    pub start: u32,
    pub text: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    /// The source is described, not named ("a senior official").
    pub anonymous: bool,
    pub kind: QuoteKind,
    /// It is split by its attribution or runs over paragraphs.
    pub parts: u32,
}

/// How quotations of different articles relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum QuoteRelation {
    Same,
    Trimmed,
    Altered,
    Unattributed,
    Misattributed,
}

/// A piece of a quotation in a variant comparison.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VariantRun {
    pub text: String,
    /// Words the other wording does not have.
    pub changed: bool,
}

/// Quotations that relate across articles.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuoteMatch {
    /// Session quote ids (see `SessionQuote::id`).
    pub quotes: Vec<u32>,
    pub relation: QuoteRelation,
    /// For an unattributed reuse: where the words stand without quotation marks.
    pub passage: Option<ColumnRange>,
    /// For an altered quotation: each wording with the changed words marked.
    pub variants: Option<[Vec<VariantRun>; 2]>,
}

/// A byte range of a column's article.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnRange {
    pub column: u32,
    pub start: u32,
    pub end: u32,
}

/// The quotations of a session's articles with their session ids (numbered as the text marks
/// are, see `store::SessionView::first_quote_ids`), and their matches.
fn session_quotes(view: &store::SessionView) -> (Vec<SessionQuote>, Vec<QuoteMatch>) {
    use parallax_core::quotes::{QuoteKind as Kind, QuoteRelation as Relation};
    let (quotes, matches) = (&view.quotes, &view.quote_matches);
    let first_ids: Vec<u32> = view
        .first_quote_ids()
        .into_iter()
        .map(|id| id as u32)
        .collect();
    let list = quotes
        .iter()
        .enumerate()
        .flat_map(|(column, article)| {
            let first = first_ids[column];
            article.iter().enumerate().map(move |(i, q)| SessionQuote {
                id: first + i as u32,
                column: column as u32,
                start: q.parts.first().map_or(q.start, |p| p.start) as u32,
                text: q.text.clone(),
                speaker: q.speaker.clone(),
                role: q.role.clone(),
                anonymous: q.anonymous,
                kind: match q.kind {
                    Kind::Full => QuoteKind::Full,
                    Kind::Partial => QuoteKind::Partial,
                    Kind::Scare => QuoteKind::Scare,
                },
                parts: q.parts.len() as u32,
            })
        })
        .collect();
    let runs = |text: &str, runs: &[parallax_core::diff::Run]| -> Vec<VariantRun> {
        runs.iter()
            .filter_map(|r| {
                Some(VariantRun {
                    text: text.get(r.start..r.end)?.to_string(),
                    changed: matches!(r.kind, RunKind::Deleted | RunKind::Inserted),
                })
            })
            .collect()
    };
    let matched = matches
        .iter()
        .map(|m| {
            let ids: Vec<u32> = m
                .quotes
                .iter()
                .map(|&(a, i)| first_ids[a] + i as u32)
                .collect();
            let variants = match (&m.diff, m.quotes.as_slice()) {
                (Some(diff), [(a, i), (b, j), ..]) => Some([
                    runs(&quotes[*a][*i].text, &diff.left),
                    runs(&quotes[*b][*j].text, &diff.right),
                ]),
                _ => None,
            };
            QuoteMatch {
                quotes: ids,
                relation: match m.relation {
                    Relation::Same => QuoteRelation::Same,
                    Relation::Trimmed => QuoteRelation::Trimmed,
                    Relation::Altered => QuoteRelation::Altered,
                    Relation::Unattributed => QuoteRelation::Unattributed,
                    Relation::Misattributed => QuoteRelation::Misattributed,
                },
                passage: m.passage.as_ref().map(|(a, range)| ColumnRange {
                    column: *a as u32,
                    start: range.start as u32,
                    end: range.end as u32,
                }),
                variants,
            }
        })
        .collect();
    (list, matched)
}

/// How much of one article other articles of the library also have.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleReuse {
    pub article: u32,
    pub words: u32,
    pub reused_words: u32,
    /// The articles it shares passages with.
    pub partners: Vec<u32>,
}

/// Shared passages across the library.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryReuse {
    pub passages: Vec<SharedPassage>,
    /// Articles with at least one shared passage, by id.
    pub articles: Vec<ArticleReuse>,
}

impl From<store::ReuseReport> for LibraryReuse {
    fn from(r: store::ReuseReport) -> Self {
        LibraryReuse {
            passages: r.passages.into_iter().map(Into::into).collect(),
            articles: r
                .articles
                .into_iter()
                .map(|a| ArticleReuse {
                    article: a.article.0 as u32,
                    words: a.words as u32,
                    reused_words: a.reused_words as u32,
                    partners: a.partners.iter().map(|p| p.0 as u32).collect(),
                })
                .collect(),
        }
    }
}

impl From<store::SessionView> for SessionView {
    fn from(v: store::SessionView) -> Self {
        let (quotes, quote_matches) = session_quotes(&v);
        let mut alignment: Option<Alignment> = v.layout.map(Into::into);
        if let Some(alignment) = &mut alignment {
            for (facts, &(reused, words)) in alignment.facts.iter_mut().zip(&v.reused_words) {
                facts.shared = if words == 0 {
                    0.0
                } else {
                    reused as f32 / words as f32
                };
            }
        }
        SessionView {
            quotes,
            quote_matches,
            passages: v.passages.into_iter().map(Into::into).collect(),
            session: v.session.summary.into(),
            view_state: v.session.view_state.to_string(),
            articles: v.articles.into_iter().map(|a| a.summary.into()).collect(),
            missing: v.missing.iter().map(|a| a.0 as u32).collect(),
            pivot: v.pivot.map(|p| p.0 as u32),
            alignment,
            notes: v.notes.into_iter().map(Into::into).collect(),
        }
    }
}

/// Where the library and the log live, and how big it is.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryInfo {
    pub article_count: u32,
    pub database_path: String,
    pub log_path: String,
}

/// The closed set of error codes the UI can act on; it never matches message strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    Io,
    Database,
    Internal,
}

/// The one error shape of every command.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
    pub fn internal(message: impl Into<String>) -> Self {
        CommandError {
            code: ErrorCode::Internal,
            message: message.into(),
        }
    }
}

impl From<store::StoreError> for CommandError {
    fn from(e: store::StoreError) -> Self {
        let code = match &e {
            store::StoreError::ArticleNotFound(_)
            | store::StoreError::SessionNotFound(_)
            | store::StoreError::NoteNotFound(_) => ErrorCode::NotFound,
            store::StoreError::InvalidInput(_) => ErrorCode::InvalidInput,
            store::StoreError::Io(_) => ErrorCode::Io,
            store::StoreError::Database(_) | store::StoreError::Migration(_) => ErrorCode::Database,
        };
        CommandError {
            code,
            message: e.to_string(),
        }
    }
}

/// Every type the UI imports, for the bindings test.
#[cfg(test)]
pub(crate) fn export_all(dir: &std::path::Path) -> Result<(), ts_rs::ExportError> {
    let config = ts_rs::Config::new().with_out_dir(dir);
    Article::export_all(&config)?;
    SearchHit::export_all(&config)?;
    MetadataEdit::export_all(&config)?;
    ImportProgress::export_all(&config)?;
    ImportReport::export_all(&config)?;
    SessionSummary::export_all(&config)?;
    SessionView::export_all(&config)?;
    NewNote::export_all(&config)?;
    TagCount::export_all(&config)?;
    LibraryReuse::export_all(&config)?;
    LibraryInfo::export_all(&config)?;
    CommandError::export_all(&config)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn committed_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
    }

    fn ts_files(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ts"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    /// The UI's TypeScript types are generated from these Rust types; this fails when someone
    /// changes one side only. `UPDATE_BINDINGS=1 cargo test -p parallax-app bindings` rewrites them.
    #[test]
    fn bindings_are_current() {
        let generated = tempfile::tempdir().unwrap();
        super::export_all(generated.path()).unwrap();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            let committed = committed_dir();
            for (name, _) in ts_files(&committed) {
                std::fs::remove_file(committed.join(name)).unwrap();
            }
            for (name, text) in ts_files(generated.path()) {
                std::fs::write(committed.join(name), text).unwrap();
            }
        }
        let expected = ts_files(generated.path());
        let committed = ts_files(&committed_dir());
        let names =
            |files: &[(String, String)]| files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&committed),
            names(&expected),
            "binding files differ; run with UPDATE_BINDINGS=1"
        );
        for ((name, text), (_, want)) in committed.iter().zip(&expected) {
            assert_eq!(
                text, want,
                "ui/src/lib/bindings/{name} is stale; run with UPDATE_BINDINGS=1"
            );
        }
    }
}

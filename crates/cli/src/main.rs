//! `parallax`: the Parallax library from a terminal. A thin shell over `parallax-core` and
//! `parallax-store`: parse arguments, call the library, print text or JSON.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use parallax_core::diff::{Run, RunKind};
use parallax_core::quotes::{match_quotes, Quote};
use parallax_store::{
    ArticleId, ImportEvent, ImportReport, Library, NewNote, Note, PassageSide, SessionId,
    SessionSummary,
};
use serde_json::{json, Value};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare how outlets cover one event: import articles, search them, diff them.
#[derive(Parser)]
#[command(name = "parallax", version, about)]
struct Cli {
    /// The library file (default: the app's library in the OS app-data directory).
    #[arg(long, global = true, env = "PARALLAX_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import files and folders (.txt .md .html .htm .pdf .docx; folders recursively).
    Import {
        /// Print one JSON object with imported, duplicate and failed files.
        #[arg(long)]
        json: bool,
        /// Files and folders to import.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the articles in the library.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one article: metadata and body.
    Show {
        /// The article id (see `parallax list`).
        id: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Full-text search with highlighted snippets.
    Search {
        /// Words to find (all must match; the last also as a prefix).
        query: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Align 2–8 articles sentence by sentence: what they all say, and what only one says.
    Compare {
        /// The article ids (2 to 8).
        #[arg(required = true, num_args = 2..=8, value_name = "ID")]
        ids: Vec<i64>,
        /// The article the others are aligned against (default: the first).
        #[arg(long, value_name = "ID")]
        pivot: Option<i64>,
        /// Print JSON: rows of aligned sentences with byte offsets, and the sentences only one
        /// article has.
        #[arg(long)]
        json: bool,
    },
    /// The word diff of two articles, side by side.
    Diff {
        /// The left article id.
        left: i64,
        /// The right article id.
        right: i64,
        /// Print JSON: runs of equal / deleted / inserted text per side with byte offsets.
        #[arg(long)]
        json: bool,
    },
    /// Direct quotations with their speakers, and the quotations articles share (the same words,
    /// trimmed, altered, reused without quote marks, or given to another speaker).
    Quotes {
        /// The article ids.
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
        /// Print JSON: quotations with byte offsets, speaker, role, kind and parts, and matches.
        #[arg(long)]
        json: bool,
    },
    /// Passages articles share (a wire story reprinted, a press release pasted in): among the
    /// given articles, or across the whole library.
    Reuse {
        /// The article ids (none: every article of the library).
        #[arg(value_name = "ID")]
        ids: Vec<i64>,
        /// The shortest passage reported, in words.
        #[arg(long, default_value_t = 20, value_name = "N")]
        min_words: usize,
        /// Print JSON: passages with both articles' byte ranges, their length in words and
        /// similarity.
        #[arg(long)]
        json: bool,
    },
    /// Comparison sessions: a named set of 2–8 articles with notes.
    Session {
        #[command(subcommand)]
        command: SessionCommand,
    },
    /// Notes on a session or on a quoted passage of one of its articles.
    Note {
        #[command(subcommand)]
        command: NoteCommand,
    },
}

#[derive(Subcommand)]
enum SessionCommand {
    /// Create a session comparing 2–8 articles.
    Create {
        /// The session's name.
        #[arg(long)]
        name: String,
        /// The article ids, in column order.
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the sessions, most recently changed first.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one session: its articles, view state and notes.
    Show {
        /// The session id (see `parallax session list`).
        id: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum NoteCommand {
    /// Add a note to a session, on a quoted passage when --article and --quote are given.
    Add {
        /// The session.
        #[arg(long, value_name = "ID")]
        session: i64,
        /// The article the quote is from.
        #[arg(long, value_name = "ID", requires = "quote")]
        article: Option<i64>,
        /// The selected text; it must be in the article (white space may differ).
        #[arg(long, requires = "article")]
        quote: Option<String>,
        /// Text right before the quote, to pick among repeats.
        #[arg(long, requires = "quote")]
        prefix: Option<String>,
        /// Text right after the quote.
        #[arg(long, requires = "quote")]
        suffix: Option<String>,
        /// The note (Markdown).
        #[arg(long)]
        body: String,
        /// A tag (repeat for more); existing tags are reused whatever their case.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List a session's notes in reading order; orphaned ones are marked.
    List {
        /// The session.
        #[arg(long, value_name = "ID")]
        session: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // `parallax list | head`: the reader left; that is not an error.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parallax: error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let kind = error
        .downcast_ref::<std::io::Error>()
        .map(std::io::Error::kind)
        .or_else(|| {
            error
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
        });
    kind == Some(std::io::ErrorKind::BrokenPipe)
}

/// Whether a command may create the library when it does not exist yet. Only `import` does:
/// a mistyped `--db` for `list` must say so, not show an empty new library.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Create {
    Allowed,
    Refused,
}

fn open_library(db: Option<&Path>, create: Create) -> Result<Library> {
    let default_dir = dirs::data_dir().map(|d| d.join(parallax_store::APP_IDENTIFIER));
    let path = parallax_store::resolve_db_path(db, default_dir.as_deref())
        .context("no library location: pass --db PATH or set PARALLAX_DB")?;
    if create == Create::Refused && !path.exists() {
        anyhow::bail!(
            "there is no library at {}: import articles first (parallax import PATH…) or pass --db",
            path.display()
        );
    }
    Library::open(&path).with_context(|| format!("cannot open the library at {}", path.display()))
}

fn run(cli: Cli) -> Result<ExitCode> {
    let create = if matches!(cli.command, Command::Import { .. }) {
        Create::Allowed
    } else {
        Create::Refused
    };
    let mut library = open_library(cli.db.as_deref(), create)?;
    match cli.command {
        Command::Import { json, paths } => import(&mut library, &paths, json),
        Command::List { json } => list(&library, json),
        Command::Show { id, json } => show(&library, ArticleId(id), json),
        Command::Search { query, json, limit } => search(&library, &query, limit, json),
        Command::Compare { ids, pivot, json } => compare(&library, &ids, pivot, json),
        Command::Diff { left, right, json } => {
            diff(&library, ArticleId(left), ArticleId(right), json)
        }
        Command::Quotes { ids, json } => quotes(&library, &ids, json),
        Command::Reuse {
            ids,
            min_words,
            json,
        } => reuse(&mut library, &ids, min_words, json),
        Command::Session { command } => session(&mut library, command),
        Command::Note { command } => note(&mut library, command),
    }
}

/// `println!` that returns write errors (a closed pipe) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

fn print_json(value: &Value) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

fn quotes(library: &Library, ids: &[i64], json: bool) -> Result<ExitCode> {
    let articles: Vec<_> = ids
        .iter()
        .map(|&id| library.get(ArticleId(id)))
        .collect::<parallax_store::Result<_>>()?;
    let found: Vec<Vec<Quote>> = articles
        .iter()
        .map(|a| parallax_core::quotes::quotes(&a.body, &a.boilerplate))
        .collect();
    let inputs: Vec<(&str, &[Quote])> = articles
        .iter()
        .zip(&found)
        .map(|(a, q)| (a.body.as_str(), q.as_slice()))
        .collect();
    let matches = match_quotes(&inputs);
    let id_of = |index: usize| articles[index].summary.id;
    if json {
        let quotes: Vec<Value> = found
            .iter()
            .enumerate()
            .flat_map(|(a, quotes)| {
                quotes.iter().map(move |q| {
                    json!({
                        "article": id_of(a),
                        "start": q.start,
                        "end": q.end,
                        "text": q.text,
                        "speaker": q.speaker,
                        "role": q.role,
                        "kind": q.kind,
                        "parts": q.parts.iter().map(|p| [p.start, p.end]).collect::<Vec<_>>(),
                    })
                })
            })
            .collect();
        let matches: Vec<Value> = matches
            .iter()
            .map(|m| {
                let mut value = json!({
                    "quotes": m.quotes.iter().map(|&(a, i)| json!([id_of(a), i])).collect::<Vec<_>>(),
                    "relation": m.relation,
                });
                if let Some((a, range)) = &m.passage {
                    value["passage"] = json!({"article": id_of(*a), "start": range.start, "end": range.end});
                }
                value
            })
            .collect();
        return print_json(&json!({"quotes": quotes, "matches": matches}));
    }
    for (a, quotes) in found.iter().enumerate() {
        let summary = &articles[a].summary;
        say!(
            "#{} {} — {} quotations",
            summary.id,
            summary.outlet.as_deref().unwrap_or(&summary.title),
            quotes.len()
        );
        for (i, q) in quotes.iter().enumerate() {
            let who = match (&q.speaker, &q.role) {
                (Some(name), Some(role)) => format!("{name} ({role})"),
                (Some(name), None) => name.clone(),
                (None, Some(role)) => role.clone(),
                (None, None) => "no speaker".into(),
            };
            let kind = serde_json::to_value(q.kind)?;
            say!(
                "  [{i}] {} · {who}: “{}”",
                kind.as_str().unwrap_or(""),
                q.text
            );
        }
    }
    if !matches.is_empty() {
        say!("");
    }
    for m in &matches {
        let relation = serde_json::to_value(m.relation)?;
        let quotes: Vec<String> = m
            .quotes
            .iter()
            .map(|&(a, i)| format!("#{}[{i}]", id_of(a)))
            .collect();
        let unquoted = match &m.passage {
            Some((a, range)) => format!(
                " ~ #{} [{}..{}] without quote marks",
                id_of(*a),
                range.start,
                range.end
            ),
            None => String::new(),
        };
        say!(
            "{}: {}{unquoted}",
            relation.as_str().unwrap_or(""),
            quotes.join(" ~ ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn reuse(library: &mut Library, ids: &[i64], min_words: usize, json: bool) -> Result<ExitCode> {
    if min_words == 0 {
        anyhow::bail!("--min-words must be at least 1");
    }
    let ids: Vec<ArticleId> = ids.iter().map(|&id| ArticleId(id)).collect();
    let report = library.reuse((!ids.is_empty()).then_some(ids.as_slice()), min_words)?;
    if json {
        let side = |s: &PassageSide| json!({"article": s.article, "start": s.start, "end": s.end});
        let passages: Vec<Value> = report
            .passages
            .iter()
            .map(|p| {
                json!({
                    "a": side(&p.a),
                    "b": side(&p.b),
                    "words": p.words,
                    "similarity": (p.similarity * 1000.0).round() / 1000.0,
                    "first": p.first,
                })
            })
            .collect();
        return print_json(&Value::Array(passages));
    }
    let excerpt = |side: &PassageSide| -> Result<String> {
        let body = library.get(side.article)?.body;
        let text: String = body[side.start..side.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut short: String = text.chars().take(90).collect();
        if short.len() < text.len() {
            short.push('…');
        }
        Ok(short)
    };
    for p in &report.passages {
        let first = match p.first {
            Some(id) => format!(", #{id} first"),
            None => String::new(),
        };
        say!(
            "#{} [{}..{}] ~ #{} [{}..{}]  {} words, similarity {:.2}{first}",
            p.a.article,
            p.a.start,
            p.a.end,
            p.b.article,
            p.b.start,
            p.b.end,
            p.words,
            p.similarity
        );
        say!("  “{}”", excerpt(&p.a)?);
    }
    if !report.articles.is_empty() {
        say!("");
    }
    for article in &report.articles {
        let share = 100.0 * article.reused_words as f64 / article.words.max(1) as f64;
        let partners: Vec<String> = article.partners.iter().map(|id| format!("#{id}")).collect();
        say!(
            "#{:<5} {:>3.0}% of {} words shared with {}",
            article.article,
            share,
            article.words,
            partners.join(", ")
        );
    }
    say!("{} passages of {min_words}+ words", report.passages.len());
    Ok(ExitCode::SUCCESS)
}

fn import(library: &mut Library, paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    // indicatif draws only when stderr is a terminal, so scripts and --json pipelines stay clean.
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .expect("valid template"),
    );
    let report = library.import_paths(paths, |event| match event {
        ImportEvent::Started { total } => bar.set_length(total as u64),
        ImportEvent::File { done, path, .. } => {
            bar.set_position(done as u64);
            bar.set_message(path.display().to_string());
        }
    });
    bar.finish_and_clear();
    let code = if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if json {
        print_json(&import_json(&report))?;
    } else {
        print_import_summary(&report)?;
    }
    Ok(code)
}

fn import_json(report: &ImportReport) -> Value {
    json!({
        "imported": report.imported.iter().map(|f| json!({
            "id": f.id, "path": f.path.display().to_string(), "title": f.title,
            "outlet": f.outlet, "author": f.author, "published": f.published,
        })).collect::<Vec<_>>(),
        "duplicates": report.duplicates.iter().map(|d| json!({
            "path": d.path.display().to_string(), "existing_id": d.existing_id,
        })).collect::<Vec<_>>(),
        "failed": report.failed.iter().map(|f| json!({
            "path": f.path.display().to_string(), "error": f.error.to_string(),
        })).collect::<Vec<_>>(),
    })
}

fn print_import_summary(report: &ImportReport) -> Result<()> {
    for f in &report.imported {
        say!("imported  #{:<5} {}  ({})", f.id, f.title, f.path.display());
    }
    for d in &report.duplicates {
        say!(
            "duplicate #{:<5} {}  (already in the library as “{}”)",
            d.existing_id,
            d.path.display(),
            d.existing_title
        );
    }
    for f in &report.failed {
        eprintln!("failed    {}: {}", f.path.display(), f.error);
    }
    say!(
        "{} imported, {} duplicate, {} failed",
        report.imported.len(),
        report.duplicates.len(),
        report.failed.len()
    );
    Ok(())
}

fn list(library: &Library, json: bool) -> Result<ExitCode> {
    let articles = library.list()?;
    if json {
        return print_json(&Value::Array(
            articles
                .iter()
                .map(|a| {
                    json!({
                        "id": a.id, "title": a.title, "outlet": a.outlet, "author": a.author,
                        "published": a.published, "words": a.words,
                    })
                })
                .collect(),
        ));
    }
    for a in &articles {
        say!(
            "{:>5}  {:<10}  {:<24}  {}  ({} words)",
            a.id,
            a.published.as_deref().unwrap_or("—"),
            truncate(a.outlet.as_deref().unwrap_or("—"), 24),
            a.title,
            a.words
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let cut: String = text.chars().take(width - 1).collect();
        format!("{cut}…")
    }
}

fn show(library: &Library, id: ArticleId, json: bool) -> Result<ExitCode> {
    let article = library.get(id)?;
    let s = &article.summary;
    if json {
        return print_json(&json!({
            "id": s.id, "title": s.title, "outlet": s.outlet, "author": s.author,
            "published": s.published, "url": s.url, "words": s.words, "format": s.format,
            "source_path": article.source_path, "imported_at": s.imported_at,
            "boilerplate": article.boilerplate.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>(),
            "body": article.body,
        }));
    }
    say!("{}", s.title);
    for (label, value) in [
        ("Outlet", &s.outlet),
        ("Author", &s.author),
        ("Published", &s.published),
        ("URL", &s.url),
    ] {
        if let Some(value) = value {
            say!("{label}: {value}");
        }
    }
    say!("Words: {}\n", s.words);
    say!("{}", article.body);
    Ok(ExitCode::SUCCESS)
}

fn search(library: &Library, query: &str, limit: usize, json: bool) -> Result<ExitCode> {
    let hits = library.search(query, limit)?;
    if json {
        return print_json(&Value::Array(
            hits.iter()
                .map(|h| {
                    let (snippet, highlights) = flatten_snippet(&h.snippet);
                    json!({ "id": h.article.id, "title": h.article.title, "snippet": snippet, "highlights": highlights })
                })
                .collect(),
        ));
    }
    let bold = std::io::stdout().is_terminal();
    for hit in &hits {
        let snippet: String = hit
            .snippet
            .iter()
            .map(|p| {
                if p.highlight && bold {
                    format!("\x1b[1m{}\x1b[0m", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect();
        say!(
            "{:>5}  {}\n       {}",
            hit.article.id,
            hit.article.title,
            snippet
        );
    }
    if hits.is_empty() {
        eprintln!("no article matches “{query}”");
    }
    Ok(ExitCode::SUCCESS)
}

/// The snippet as plain text plus the byte ranges of the highlighted words in it.
fn flatten_snippet(parts: &[parallax_store::SnippetPart]) -> (String, Vec<[usize; 2]>) {
    let mut text = String::new();
    let mut highlights = Vec::new();
    for part in parts {
        let start = text.len();
        text.push_str(&part.text);
        if part.highlight {
            highlights.push([start, text.len()]);
        }
    }
    (text, highlights)
}

fn compare(library: &Library, ids: &[i64], pivot: Option<i64>, json: bool) -> Result<ExitCode> {
    let ids: Vec<ArticleId> = ids.iter().map(|&id| ArticleId(id)).collect();
    let pivot_index = match pivot {
        None => 0,
        Some(p) => ids
            .iter()
            .position(|id| id.0 == p)
            .with_context(|| format!("the pivot {p} is not one of the compared articles"))?,
    };
    let (articles, alignment) = library.compare(&ids, pivot_index)?;
    let sentence = |article: usize, index: usize| {
        let s = &alignment.sentences[article][index];
        (s.start, s.end, &articles[article].body[s.range()])
    };
    if json {
        let rows: Vec<Value> = alignment
            .rows
            .iter()
            .map(|row| {
                let cells: Vec<Value> = row
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(article, cell)| match cell {
                        None => Value::Null,
                        Some(indices) => json!({
                            "article": ids[article],
                            "sentences": indices.iter().map(|&i| {
                                let (start, end, text) = sentence(article, i);
                                json!({ "start": start, "end": end, "text": text })
                            }).collect::<Vec<_>>(),
                        }),
                    })
                    .collect();
                json!({ "cells": cells, "similarity": row.similarity })
            })
            .collect();
        let only_here: Vec<Value> = alignment
            .only_here
            .iter()
            .map(|&(article, index)| {
                let (start, end, _) = sentence(article, index);
                json!({ "article": ids[article], "start": start, "end": end })
            })
            .collect();
        return print_json(&json!({
            "articles": ids,
            "pivot": ids[pivot_index],
            "rows": rows,
            "only_here": only_here,
        }));
    }
    for (i, article) in articles.iter().enumerate() {
        let role = if i == pivot_index { " (pivot)" } else { "" };
        say!("#{} {}{}", article.summary.id, article.summary.title, role);
    }
    let only_here: std::collections::HashSet<(usize, usize)> =
        alignment.only_here.iter().copied().collect();
    for row in &alignment.rows {
        say!("");
        for (article, cell) in row.cells.iter().enumerate() {
            let Some(indices) = cell else { continue };
            let text: Vec<&str> = indices.iter().map(|&i| sentence(article, i).2).collect();
            let mark = if indices.iter().any(|&i| only_here.contains(&(article, i))) {
                " [only here]"
            } else {
                ""
            };
            say!("  #{}{}: {}", ids[article], mark, text.join(" "));
        }
    }
    say!(
        "\n{} rows; {} sentences found in only one article",
        alignment.rows.len(),
        alignment.only_here.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_kind(kind: RunKind) -> &'static str {
    match kind {
        RunKind::Equal => "equal",
        RunKind::Deleted => "deleted",
        RunKind::Inserted => "inserted",
        RunKind::Boilerplate => "boilerplate",
    }
}

fn runs_json(body: &str, runs: &[Run]) -> Vec<Value> {
    runs.iter()
        .map(|r| {
            json!({
                "kind": run_kind(r.kind), "start": r.start, "end": r.end,
                "change": r.change, "text": &body[r.start..r.end],
            })
        })
        .collect()
}

fn diff(library: &Library, left: ArticleId, right: ArticleId, json: bool) -> Result<ExitCode> {
    let d = library.diff(left, right)?;
    let c = d.diff.counts;
    if json {
        return print_json(&json!({
            "left": { "article": d.left.summary.id, "title": d.left.summary.title, "runs": runs_json(&d.left.body, &d.diff.left) },
            "right": { "article": d.right.summary.id, "title": d.right.summary.title, "runs": runs_json(&d.right.body, &d.diff.right) },
            "counts": { "equal_words": c.equal_words, "deleted_words": c.deleted_words,
                        "inserted_words": c.inserted_words, "changes": c.changes },
        }));
    }
    // One stream, as `git diff --word-diff` prints it: [-left only-]{+right only+}, the shared
    // text from the left article.
    let color = std::io::stdout().is_terminal();
    let mut out = String::new();
    let mut cursor = 0;
    for change in &d.diff.changes {
        out.push_str(&d.left.body[cursor..change.left.start]);
        if !change.left.is_empty() {
            out.push_str(&mark(
                &d.left.body[change.left.clone()],
                "[-",
                "-]",
                "\x1b[31m",
                color,
            ));
        }
        if !change.right.is_empty() {
            out.push_str(&mark(
                &d.right.body[change.right.clone()],
                "{+",
                "+}",
                "\x1b[32m",
                color,
            ));
        }
        cursor = change.left.end;
    }
    out.push_str(&d.left.body[cursor..]);
    say!(
        "--- #{} {}\n+++ #{} {}\n",
        d.left.summary.id,
        d.left.summary.title,
        d.right.summary.id,
        d.right.summary.title
    );
    say!("{out}\n");
    say!(
        "{} changes: {} words only in #{}, {} words only in #{}, {} words shared (site clutter not compared)",
        c.changes, c.deleted_words, d.left.summary.id, c.inserted_words, d.right.summary.id, c.equal_words
    );
    Ok(ExitCode::SUCCESS)
}

fn mark(text: &str, open: &str, close: &str, ansi: &str, color: bool) -> String {
    if color {
        format!("{ansi}{open}{text}{close}\x1b[0m")
    } else {
        format!("{open}{text}{close}")
    }
}

fn session_json(s: &SessionSummary) -> Value {
    json!({
        "id": s.id, "name": s.name, "articles": s.articles,
        "created_at": s.created_at, "updated_at": s.updated_at,
    })
}

fn note_json(n: &Note) -> Value {
    // start/end say where the passage is now; an orphan keeps the position it was written at.
    let quote = n.anchor.as_ref().map(|a| {
        let (start, end) = n.located.unwrap_or((a.position.start, a.position.end));
        json!({
            "exact": a.quote.exact, "prefix": a.quote.prefix, "suffix": a.quote.suffix,
            "start": start, "end": end,
        })
    });
    json!({
        "id": n.id, "session": n.session_id, "article": n.article_id, "body": n.body,
        "tags": n.tags, "quote": quote, "orphaned": n.orphaned,
    })
}

fn ids_text(ids: &[ArticleId]) -> String {
    let ids: Vec<String> = ids.iter().map(|id| format!("#{id}")).collect();
    ids.join(" ")
}

fn say_note(n: &Note) -> Result<()> {
    let tags = if n.tags.is_empty() {
        String::new()
    } else {
        format!("  [{}]", n.tags.join(", "))
    };
    match (&n.anchor, n.article_id) {
        (Some(anchor), article) => {
            let place = match (article, n.located) {
                (Some(article), Some((start, end))) => format!("#{article} @{start}-{end}"),
                (Some(article), None) => format!("#{article} orphaned"),
                (None, _) => "article gone, orphaned".to_string(),
            };
            say!("note {:>4}  {place}  “{}”{tags}", n.id, anchor.quote.exact);
        }
        (None, Some(article)) => say!("note {:>4}  #{article}{tags}", n.id),
        (None, None) => say!("note {:>4}  session{tags}", n.id),
    }
    say!("           {}", n.body.replace('\n', "\n           "));
    Ok(())
}

fn session(library: &mut Library, command: SessionCommand) -> Result<ExitCode> {
    match command {
        SessionCommand::Create { name, ids, json } => {
            let ids: Vec<ArticleId> = ids.into_iter().map(ArticleId).collect();
            let s = library.create_session(&name, &ids)?;
            if json {
                return print_json(&session_json(&s));
            }
            say!(
                "created session #{} “{}” comparing {}",
                s.id,
                s.name,
                ids_text(&s.articles)
            );
        }
        SessionCommand::List { json } => {
            let sessions = library.list_sessions()?;
            if json {
                return print_json(&Value::Array(sessions.iter().map(session_json).collect()));
            }
            for s in &sessions {
                say!(
                    "{:>5}  {}  {}  ({})",
                    s.id,
                    s.updated_at,
                    s.name,
                    ids_text(&s.articles)
                );
            }
        }
        SessionCommand::Show { id, json } => {
            let s = library.session(SessionId(id))?;
            let notes = library.notes(SessionId(id))?;
            if json {
                let mut value = session_json(&s.summary);
                value["view_state"] = s.view_state;
                value["notes"] = Value::Array(notes.iter().map(note_json).collect());
                return print_json(&value);
            }
            say!("Session #{} “{}”", s.summary.id, s.summary.name);
            say!(
                "Created {}, changed {}",
                s.summary.created_at,
                s.summary.updated_at
            );
            for article in &s.summary.articles {
                // A deleted article still belongs to the session; say so instead of failing.
                match library.summary(*article) {
                    Ok(a) => say!("  #{}  {}", a.id, a.title),
                    Err(_) => say!("  #{article}  (deleted)"),
                }
            }
            say!("\n{} notes", notes.len());
            for n in &notes {
                say_note(n)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn note(library: &mut Library, command: NoteCommand) -> Result<ExitCode> {
    match command {
        NoteCommand::Add {
            session,
            article,
            quote,
            prefix,
            suffix,
            body,
            tags,
            json,
        } => {
            let note = library.add_note(NewNote {
                session: Some(SessionId(session)),
                article: article.map(ArticleId),
                quote,
                prefix,
                suffix,
                near: None,
                body,
                tags,
            })?;
            if json {
                return print_json(&note_json(&note));
            }
            say!("added note #{}", note.id);
            say_note(&note)?;
        }
        NoteCommand::List { session, json } => {
            let notes = library.notes(SessionId(session))?;
            if json {
                return print_json(&Value::Array(notes.iter().map(note_json).collect()));
            }
            for n in &notes {
                say_note(n)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

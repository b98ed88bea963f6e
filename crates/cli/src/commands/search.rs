//! `parallax search QUERY`: articles with highlighted snippets.

use crate::output::{print_json, say};
use anyhow::Result;
use parallax_store::{ArticleId, Library, SnippetPart};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// A search result as scripts read it: the snippet as plain text, its highlighted words as
/// byte ranges into it.
#[derive(Serialize)]
struct Hit<'a> {
    id: ArticleId,
    title: &'a str,
    snippet: String,
    highlights: Vec<[usize; 2]>,
}

pub fn run(library: &Library, query: &str, limit: usize, json: bool) -> Result<ExitCode> {
    let hits = library.search(query, limit)?;
    if json {
        let hits: Vec<Hit<'_>> = hits
            .iter()
            .map(|h| {
                let (snippet, highlights) = flatten_snippet(&h.snippet);
                Hit {
                    id: h.article.id,
                    title: &h.article.title,
                    snippet,
                    highlights,
                }
            })
            .collect();
        return print_json(&hits);
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
fn flatten_snippet(parts: &[SnippetPart]) -> (String, Vec<[usize; 2]>) {
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

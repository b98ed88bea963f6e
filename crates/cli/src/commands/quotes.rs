//! `parallax quotes ID…`: quotations with their speakers, and how the articles' quotations
//! relate (the same analysis a session shows).

use crate::output::{print_json, say};
use anyhow::Result;
use parallax_core::session::{quotations, QuoteRef, SessionArticle};
use parallax_store::{Article, ArticleId, Library};
use std::io::Write;
use std::process::ExitCode;

pub fn run(library: &Library, ids: &[ArticleId], json: bool) -> Result<ExitCode> {
    let articles: Vec<Article> = ids
        .iter()
        .map(|&id| library.get(id))
        .collect::<parallax_store::Result<_>>()?;
    let inputs: Vec<SessionArticle<'_>> = articles.iter().map(Article::session_article).collect();
    let found = quotations(&inputs);
    if json {
        return print_json(&found);
    }
    for (column, article) in articles.iter().enumerate() {
        let summary = &article.summary;
        let own: Vec<_> = found.quotes.iter().filter(|q| q.column == column).collect();
        say!(
            "#{} {} — {} quotations",
            summary.id,
            summary.outlet.as_deref().unwrap_or(&summary.title),
            own.len()
        );
        for q in own {
            let quote = &q.quote;
            let who = match (&quote.speaker, &quote.role) {
                (Some(name), Some(role)) => format!("{name} ({role})"),
                (Some(name), None) => name.clone(),
                (None, Some(role)) => role.clone(),
                (None, None) => "no speaker".into(),
            };
            let kind = serde_json::to_value(quote.kind)?;
            say!(
                "  [{}] {} · {who}: “{}”",
                q.index,
                kind.as_str().unwrap_or(""),
                quote.text
            );
        }
    }
    if !found.matches.is_empty() {
        say!("");
    }
    for m in &found.matches {
        let relation = serde_json::to_value(m.relation)?;
        let quotes: Vec<String> = m
            .quotes
            .iter()
            .map(|QuoteRef(article, index)| format!("#{article}[{index}]"))
            .collect();
        let unquoted = match &m.passage {
            Some(p) => format!(
                " ~ #{} [{}..{}] without quote marks",
                p.article, p.start, p.end
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

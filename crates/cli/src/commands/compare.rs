//! `parallax compare ID ID…`: 2–8 articles aligned sentence by sentence.

use crate::output::{print_json, say};
use anyhow::{Context, Result};
use parallax_core::align::Alignment;
use parallax_store::{Article, ArticleId, Library};
use serde::Serialize;
use std::collections::HashSet;
use std::io::Write;
use std::process::ExitCode;

/// The alignment as scripts read it (the shape the README documents): each row's cells with
/// their sentences' byte offsets and text, and the sentences only one article has.
#[derive(Serialize)]
struct Comparison<'a> {
    articles: &'a [ArticleId],
    pivot: ArticleId,
    rows: Vec<Row<'a>>,
    only_here: Vec<Place>,
}

#[derive(Serialize)]
struct Row<'a> {
    cells: Vec<Option<Cell<'a>>>,
    similarity: f32,
}

#[derive(Serialize)]
struct Cell<'a> {
    article: ArticleId,
    sentences: Vec<Sentence<'a>>,
}

#[derive(Serialize)]
struct Sentence<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct Place {
    article: ArticleId,
    start: usize,
    end: usize,
}

pub fn run(
    library: &Library,
    ids: &[ArticleId],
    pivot: Option<ArticleId>,
    json: bool,
) -> Result<ExitCode> {
    let pivot_index = match pivot {
        None => 0,
        Some(p) => ids
            .iter()
            .position(|&id| id == p)
            .with_context(|| format!("the pivot {p} is not one of the compared articles"))?,
    };
    let (articles, alignment) = library.compare(ids, pivot_index)?;
    let sentence = |article: usize, index: usize| {
        let s = &alignment.sentences[article][index];
        Sentence {
            start: s.start,
            end: s.end,
            text: &articles[article].body[s.range()],
        }
    };
    if json {
        return print_json(&Comparison {
            articles: ids,
            pivot: ids[pivot_index],
            rows: alignment
                .rows
                .iter()
                .map(|row| Row {
                    cells: row
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(article, cell)| {
                            Some(Cell {
                                article: ids[article],
                                sentences: cell
                                    .as_ref()?
                                    .iter()
                                    .map(|&i| sentence(article, i))
                                    .collect(),
                            })
                        })
                        .collect(),
                    similarity: row.similarity,
                })
                .collect(),
            only_here: alignment
                .only_here
                .iter()
                .map(|&(article, index)| {
                    let s = sentence(article, index);
                    Place {
                        article: ids[article],
                        start: s.start,
                        end: s.end,
                    }
                })
                .collect(),
        });
    }
    print_text(&articles, &alignment, pivot_index)?;
    Ok(ExitCode::SUCCESS)
}

fn print_text(articles: &[Article], alignment: &Alignment, pivot: usize) -> Result<()> {
    for (i, article) in articles.iter().enumerate() {
        let role = if i == pivot { " (pivot)" } else { "" };
        say!("#{} {}{}", article.summary.id, article.summary.title, role);
    }
    let only_here: HashSet<(usize, usize)> = alignment.only_here.iter().copied().collect();
    for row in &alignment.rows {
        say!("");
        for (article, cell) in row.cells.iter().enumerate() {
            let Some(indices) = cell else { continue };
            let text: Vec<&str> = indices
                .iter()
                .map(|&i| &articles[article].body[alignment.sentences[article][i].range()])
                .collect();
            let mark = if indices.iter().any(|&i| only_here.contains(&(article, i))) {
                " [only here]"
            } else {
                ""
            };
            say!(
                "  #{}{}: {}",
                articles[article].summary.id,
                mark,
                text.join(" ")
            );
        }
    }
    say!(
        "\n{} rows; {} sentences found in only one article",
        alignment.rows.len(),
        alignment.only_here.len()
    );
    Ok(())
}

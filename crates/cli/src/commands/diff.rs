//! `parallax diff LEFT RIGHT`: the word diff of two articles.

use crate::output::{print_json, say};
use anyhow::Result;
use parallax_core::diff::{DiffCounts, Run};
use parallax_store::{Article, ArticleId, Library};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// The diff as scripts read it: per side the article and its runs with their text.
#[derive(Serialize)]
struct Diff<'a> {
    left: Side<'a>,
    right: Side<'a>,
    counts: DiffCounts,
}

#[derive(Serialize)]
struct Side<'a> {
    article: ArticleId,
    title: &'a str,
    runs: Vec<RunText<'a>>,
}

#[derive(Serialize)]
struct RunText<'a> {
    #[serde(flatten)]
    run: &'a Run,
    text: &'a str,
}

fn side<'a>(article: &'a Article, runs: &'a [Run]) -> Side<'a> {
    Side {
        article: article.summary.id,
        title: &article.summary.title,
        runs: runs
            .iter()
            .map(|run| RunText {
                run,
                text: &article.body[run.start..run.end],
            })
            .collect(),
    }
}

pub fn run(library: &Library, left: ArticleId, right: ArticleId, json: bool) -> Result<ExitCode> {
    let d = library.diff(left, right)?;
    let c = d.diff.counts;
    if json {
        return print_json(&Diff {
            left: side(&d.left, &d.diff.left),
            right: side(&d.right, &d.diff.right),
            counts: c,
        });
    }
    // One stream, as `git diff --word-diff` prints it: [-left only-]{+right only+}, the shared
    // text from the left article.
    let color = std::io::stdout().is_terminal();
    let mark = |text: &str, open: &str, close: &str, ansi: &str| {
        if color {
            format!("{ansi}{open}{text}{close}\x1b[0m")
        } else {
            format!("{open}{text}{close}")
        }
    };
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
            ));
        }
        if !change.right.is_empty() {
            out.push_str(&mark(
                &d.right.body[change.right.clone()],
                "{+",
                "+}",
                "\x1b[32m",
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

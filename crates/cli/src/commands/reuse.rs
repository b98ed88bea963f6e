//! `parallax reuse [ID…]`: passages articles share, among some or across the library.

use crate::output::{print_json, say, truncate};
use anyhow::Result;
use parallax_store::{ArticleId, Library, PassageSide};
use std::io::Write;
use std::process::ExitCode;

pub fn run(
    library: &mut Library,
    ids: &[ArticleId],
    min_words: u32,
    json: bool,
) -> Result<ExitCode> {
    let report = library.reuse((!ids.is_empty()).then_some(ids), min_words as usize)?;
    if json {
        return print_json(&report.passages);
    }
    let excerpt = |side: &PassageSide| -> Result<String> {
        let body = library.get(side.article)?.body;
        let text: String = body[side.start..side.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Ok(truncate(&text, 91))
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

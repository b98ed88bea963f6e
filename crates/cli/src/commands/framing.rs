//! `parallax framing ID…`: how the articles frame the story (the analysis of a session's
//! Framing view).

use crate::output::{print_json, say, truncate};
use anyhow::Result;
use parallax_core::framing::{FactRelation, FRAME_DIMENSIONS};
use parallax_store::{ArticleId, Library};
use std::io::Write;
use std::process::ExitCode;

pub fn run(library: &Library, ids: &[ArticleId], json: bool) -> Result<ExitCode> {
    let (articles, framing) = library.framing(ids)?;
    if json {
        return print_json(&framing);
    }
    let label = |id: ArticleId| {
        articles
            .iter()
            .find(|a| a.summary.id == id)
            .map(|a| {
                let s = &a.summary;
                format!(
                    "#{} {}",
                    s.id,
                    truncate(s.outlet.as_deref().unwrap_or(&s.title), 30)
                )
            })
            .unwrap_or_else(|| format!("#{id}"))
    };
    say!(
        "Distinctive words (z; * significant at |z| > {}):",
        framing.parameters.significant_z
    );
    for article in &framing.distinctive {
        let terms: Vec<String> = article
            .terms
            .iter()
            .map(|t| {
                let mark = if t.significant { "*" } else { "" };
                format!("{}{mark} {:.1}", t.term, t.z)
            })
            .collect();
        say!("  {}: {}", label(article.article), terms.join(", "));
    }
    for outlet in &framing.outlets {
        let terms: Vec<String> = outlet.terms.iter().map(|t| t.term.clone()).collect();
        say!("  outlet {}: {}", outlet.outlet, terms.join(", "));
    }
    say!("");
    say!("Actors (mentions per article; H headline, L lede):");
    for actor in framing.actors.iter().take(25) {
        let kind = serde_json::to_value(actor.kind)?;
        let mentions: Vec<String> = actor
            .mentions
            .iter()
            .map(|m| {
                let flags = format!(
                    "{}{}",
                    if m.in_headline { "H" } else { "" },
                    if m.in_lede { "L" } else { "" }
                );
                format!(
                    "#{} {}{}",
                    m.article,
                    m.count,
                    if flags.is_empty() {
                        String::new()
                    } else {
                        format!(" {flags}")
                    }
                )
            })
            .collect();
        say!(
            "  {} ({}): {}",
            actor.name,
            kind.as_str().unwrap_or(""),
            mentions.join(", ")
        );
    }
    say!("");
    say!("Sources:");
    for source in &framing.sources {
        let kind = serde_json::to_value(source.kind)?;
        say!(
            "  {}: {} ({}) — {} quotation(s), {} words",
            label(source.article),
            source.speaker,
            kind.as_str().unwrap_or(""),
            source.quotes,
            source.words
        );
    }
    say!("");
    say!("Facts:");
    for fact in &framing.facts {
        let relation = match fact.relation {
            FactRelation::Conflict => "conflict",
            FactRelation::Omission => "omission",
            FactRelation::Agree => "agree",
        };
        say!("  {relation} · {}", fact.slot);
        for value in &fact.values {
            say!(
                "    {}: {}",
                label(value.article),
                truncate(&value.text, 100)
            );
        }
        if !fact.missing.is_empty() {
            let missing: Vec<String> = fact.missing.iter().map(|&id| label(id)).collect();
            say!("    not in: {}", missing.join(", "));
        }
    }
    say!("");
    say!("Frames (words per 100 content words):");
    for profile in &framing.frames {
        let mut top: Vec<(&str, f32)> = FRAME_DIMENSIONS
            .iter()
            .map(|(key, name)| (*name, profile.scores.get(*key).copied().unwrap_or(0.0)))
            .filter(|(_, score)| *score > 0.0)
            .collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1));
        let top: Vec<String> = top
            .iter()
            .take(4)
            .map(|(n, s)| format!("{n} {s:.1}"))
            .collect();
        say!("  {}: {}", label(profile.article), top.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}

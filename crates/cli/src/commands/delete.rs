//! `parallax delete ID…` and `parallax restore ID…` (the app's delete and its undo), `parallax
//! purge` (its "Empty trash") and `parallax backup PATH` (its "Back up library…").

use crate::output::say;
use anyhow::Result;
use parallax_store::{ArticleId, Library, StoreError};
use std::io::Write;
use std::process::ExitCode;

pub fn delete(library: &mut Library, ids: &[ArticleId], from_sessions: bool) -> Result<ExitCode> {
    // Which of them are in the library now, so each one missing is named.
    let mut present = Vec::new();
    let mut missing = Vec::new();
    for &id in ids {
        match library.summary(id) {
            Ok(_) => present.push(id),
            Err(StoreError::ArticleNotFound(_)) => missing.push(id),
            Err(e) => return Err(e.into()),
        }
    }
    // A session comparing an article is told, or the article taken out of it.
    for used in library.article_uses(&present)? {
        let notes = match used.notes {
            0 => String::new(),
            1 => " (1 note on it)".to_string(),
            n => format!(" ({n} notes on it)"),
        };
        if from_sessions {
            say!(
                "#{} taken out of session {} “{}”{notes}",
                used.article,
                used.session,
                used.session_name
            );
        } else {
            say!(
                "#{} is compared in session {} “{}”{notes}: it stays there, hidden, until \
                 restored or purged (--from-sessions takes it out)",
                used.article,
                used.session,
                used.session_name
            );
        }
    }
    if from_sessions {
        library.remove_from_sessions(&present)?;
    }
    let deleted = library.delete(&present)?;
    let list = |ids: &[ArticleId]| {
        ids.iter()
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    if deleted > 0 {
        say!("deleted {deleted}: #{}", list(&present).replace(' ', " #"));
        say!("restore with: parallax restore {}", list(&present));
    }
    for id in &missing {
        eprintln!("parallax: no article #{id} in the library (or it is deleted already)");
    }
    Ok(if missing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn restore(library: &mut Library, ids: &[ArticleId]) -> Result<ExitCode> {
    let restored = library.restore(ids)?;
    say!("restored {restored} of {}", ids.len());
    if restored < ids.len() {
        eprintln!("parallax: the others were not deleted articles of this library (or are purged)");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn purge(library: &mut Library) -> Result<ExitCode> {
    let removed = library.empty_trash()?;
    if removed.is_empty() {
        say!("the trash is empty");
    } else {
        say!(
            "removed for good: {} articles, {} notes, {} sessions; their words are erased from \
             the library file",
            removed.articles,
            removed.notes,
            removed.sessions
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn backup(library: &Library, path: &std::path::Path) -> Result<ExitCode> {
    library.backup(path)?;
    say!(
        "backed up {} articles to {} (open it with: parallax --db {})",
        library.count()?,
        path.display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

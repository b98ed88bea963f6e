//! `parallax delete ID…` and `parallax restore ID…`: the app's delete and its undo.

use crate::output::say;
use anyhow::Result;
use parallax_store::{ArticleId, Library, StoreError};
use std::io::Write;
use std::process::ExitCode;

pub fn delete(library: &mut Library, ids: &[ArticleId]) -> Result<ExitCode> {
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

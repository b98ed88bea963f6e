//! `parallax list`: the articles of the library.

use crate::output::{print_json, say, truncate};
use anyhow::Result;
use parallax_store::Library;
use std::io::Write;
use std::process::ExitCode;

pub fn run(library: &Library, json: bool) -> Result<ExitCode> {
    let articles = library.list()?;
    if json {
        return print_json(&articles);
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

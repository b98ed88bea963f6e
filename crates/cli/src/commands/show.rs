//! `parallax show ID`: one article's metadata and body.

use crate::output::{print_json, say};
use anyhow::Result;
use parallax_store::{ArticleId, Library};
use std::io::Write;
use std::process::ExitCode;

pub fn run(library: &Library, id: ArticleId, json: bool) -> Result<ExitCode> {
    let article = library.get(id)?;
    if json {
        return print_json(&article);
    }
    let s = &article.summary;
    say!("{}", s.title);
    if s.title_derived {
        say!("(title made from the opening: the file has no headline)");
    }
    for (label, value) in [
        ("Outlet", &s.outlet),
        ("Agency", &s.agency),
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

//! `parallax`: the Parallax library from a terminal. A thin shell over `parallax-core` and
//! `parallax-store`: the arguments (`args`), one module per command (`commands`), and how
//! results are printed (`output`: text, or the library's own types as JSON).

mod args;
mod commands;
mod output;

use anyhow::{Context, Result};
use args::{Cli, Command};
use clap::Parser;
use parallax_store::Library;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    // First: in a file-reading worker this reads the one file and exits.
    parallax_store::reader::isolate_readers();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // `parallax list | head`: the reader left; that is not an error.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parallax: error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let kind = error
        .downcast_ref::<std::io::Error>()
        .map(std::io::Error::kind)
        .or_else(|| {
            error
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
        });
    kind == Some(std::io::ErrorKind::BrokenPipe)
}

/// Whether a command may create the library when it does not exist yet. Only the ones that
/// bring articles in (`import`, `bundle open`) do: a mistyped `--db` for `list` must say so,
/// not show an empty new library.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Create {
    Allowed,
    Refused,
}

fn open_library(db: Option<&Path>, create: Create) -> Result<Library> {
    let default_dir = dirs::data_dir().map(|d| d.join(parallax_store::APP_IDENTIFIER));
    let path = parallax_store::resolve_db_path(db, default_dir.as_deref())
        .context("no library location: pass --db PATH or set PARALLAX_DB")?;
    if create == Create::Refused && !path.exists() {
        anyhow::bail!(
            "there is no library at {}: import articles first (parallax import PATH…) or pass --db",
            path.display()
        );
    }
    Library::open(&path).with_context(|| format!("cannot open the library at {}", path.display()))
}

fn run(cli: Cli) -> Result<ExitCode> {
    let brings_articles = matches!(
        cli.command,
        Command::Import { .. }
            | Command::Bundle {
                command: args::BundleCommand::Open { .. }
            }
    );
    let create = if brings_articles {
        Create::Allowed
    } else {
        Create::Refused
    };
    let mut library = open_library(cli.db.as_deref(), create)?;
    match cli.command {
        Command::Import { json, paths } => commands::import::run(&mut library, &paths, json),
        Command::List { json } => commands::list::run(&library, json),
        Command::Show { id, json } => commands::show::run(&library, id, json),
        Command::Search { query, json, limit } => {
            commands::search::run(&library, &query, limit, json)
        }
        Command::Compare { ids, pivot, json } => {
            commands::compare::run(&library, &ids, pivot, json)
        }
        Command::Diff { left, right, json } => commands::diff::run(&library, left, right, json),
        Command::Quotes { ids, json } => commands::quotes::run(&library, &ids, json),
        Command::Framing { ids, json } => commands::framing::run(&library, &ids, json),
        Command::Reuse {
            ids,
            min_words,
            json,
        } => commands::reuse::run(&mut library, &ids, min_words, json),
        Command::Session { command } => commands::session::run(&mut library, command),
        Command::Note { command } => commands::note::run(&mut library, command),
        Command::Bundle { command } => commands::bundle::run(&mut library, command),
        Command::Delete { ids, from_sessions } => {
            commands::delete::delete(&mut library, &ids, from_sessions)
        }
        Command::Restore { ids } => commands::delete::restore(&mut library, &ids),
        Command::Purge => commands::delete::purge(&mut library),
        Command::Backup { path } => commands::delete::backup(&library, &path),
        Command::Export {
            session,
            format,
            output,
        } => commands::export::run(&library, session, format, &output),
    }
}

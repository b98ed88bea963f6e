//! `parallax session create|list|show`: comparison sessions.

use crate::args::SessionCommand;
use crate::commands::note::say_note;
use crate::output::{print_json, say};
use anyhow::Result;
use parallax_store::{ArticleId, Library, Note, Session};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

/// A session with its notes, as `session show --json` prints it.
#[derive(Serialize)]
struct SessionWithNotes {
    #[serde(flatten)]
    session: Session,
    notes: Vec<Note>,
}

pub fn run(library: &mut Library, command: SessionCommand) -> Result<ExitCode> {
    match command {
        SessionCommand::Create { name, ids, json } => {
            let s = library.create_session(&name, &ids)?;
            if json {
                return print_json(&s);
            }
            say!(
                "created session #{} “{}” comparing {}",
                s.id,
                s.name,
                ids_text(&s.articles)
            );
        }
        SessionCommand::List { json } => {
            let sessions = library.list_sessions()?;
            if json {
                return print_json(&sessions);
            }
            for s in &sessions {
                say!(
                    "{:>5}  {}  {}  ({})",
                    s.id,
                    s.updated_at,
                    s.name,
                    ids_text(&s.articles)
                );
            }
        }
        SessionCommand::Show { id, json } => {
            let session = library.session(id)?;
            let notes = library.notes(id)?;
            if json {
                return print_json(&SessionWithNotes { session, notes });
            }
            let s = &session.summary;
            say!("Session #{} “{}”", s.id, s.name);
            say!("Created {}, changed {}", s.created_at, s.updated_at);
            for article in &s.articles {
                // A deleted article still belongs to the session; say so instead of failing.
                match library.summary(*article) {
                    Ok(a) => say!("  #{}  {}", a.id, a.title),
                    Err(_) => say!("  #{article}  (deleted)"),
                }
            }
            say!("\n{} notes", notes.len());
            for n in &notes {
                say_note(n)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn ids_text(ids: &[ArticleId]) -> String {
    let ids: Vec<String> = ids.iter().map(|id| format!("#{id}")).collect();
    ids.join(" ")
}

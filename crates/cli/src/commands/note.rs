//! `parallax note add|list`: notes on a session or on a passage of one of its articles.

use crate::args::NoteCommand;
use crate::output::{print_json, say};
use anyhow::Result;
use parallax_store::{Library, NewNote, Note};
use std::io::Write;
use std::process::ExitCode;

pub fn run(library: &mut Library, command: NoteCommand) -> Result<ExitCode> {
    match command {
        NoteCommand::Add {
            session,
            article,
            quote,
            prefix,
            suffix,
            body,
            tags,
            json,
        } => {
            let note = library.add_note(NewNote {
                session: Some(session),
                article,
                quote,
                prefix,
                suffix,
                near: None,
                body,
                tags,
            })?;
            if json {
                return print_json(&note);
            }
            say!("added note #{}", note.id);
            say_note(&note)?;
        }
        NoteCommand::List { session, json } => {
            let notes = library.notes(session)?;
            if json {
                return print_json(&notes);
            }
            for n in &notes {
                say_note(n)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A note as text: where its passage is (or that it is orphaned), its tags, its body.
pub fn say_note(n: &Note) -> Result<()> {
    let tags = if n.tags.is_empty() {
        String::new()
    } else {
        format!("  [{}]", n.tags.join(", "))
    };
    match (&n.quote, n.article) {
        (Some(quote), article) => {
            let place = match (article, n.located()) {
                (Some(article), Some((start, end))) => format!("#{article} @{start}-{end}"),
                (Some(article), None) => format!("#{article} orphaned"),
                (None, _) => "article gone, orphaned".to_string(),
            };
            say!("note {:>4}  {place}  “{}”{tags}", n.id, quote.exact);
        }
        (None, Some(article)) => say!("note {:>4}  #{article}{tags}", n.id),
        (None, None) => say!("note {:>4}  session{tags}", n.id),
    }
    say!("           {}", n.body.replace('\n', "\n           "));
    Ok(())
}

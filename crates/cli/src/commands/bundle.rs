//! `parallax bundle save SESSION -o FILE` and `parallax bundle open FILE`.

use crate::args::BundleCommand;
use crate::output::{print_json, say};
use anyhow::{Context, Result};
use parallax_store::{Bundle, Library};
use std::io::Write;
use std::process::ExitCode;

pub fn run(library: &mut Library, command: BundleCommand) -> Result<ExitCode> {
    match command {
        BundleCommand::Save { session, output } => {
            let bundle = library.bundle(session)?;
            let json = serde_json::to_vec(&bundle)?;
            parallax_report::write_file(&output, &json)?;
            say!(
                "saved session #{session} “{}”: {} articles, {} notes, to {}",
                bundle.name,
                bundle.articles.len(),
                bundle.notes.len(),
                output.display()
            );
        }
        BundleCommand::Open { file, json } => {
            let bytes = std::fs::read(&file)
                .with_context(|| format!("could not read {}", file.display()))?;
            let bundle: Bundle = serde_json::from_slice(&bytes)
                .with_context(|| format!("{} is not a Parallax session bundle", file.display()))?;
            let opened = library.open_bundle(&bundle)?;
            if json {
                return print_json(&opened);
            }
            say!(
                "opened session #{} “{}”: {} articles imported, {} already in the library, {} notes{}",
                opened.session.id,
                opened.session.name,
                opened.imported.len(),
                opened.existing.len(),
                opened.notes,
                if opened.orphaned > 0 {
                    format!(" ({} no longer anchored)", opened.orphaned)
                } else {
                    String::new()
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

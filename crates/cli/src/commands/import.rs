//! `parallax import PATH…`: files and folders, with a progress bar on a terminal.

use crate::output::{print_json, say};
use anyhow::Result;
use parallax_store::{ImportEvent, ImportReport, Library};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exits 0 when every file imported, 1 when some failed (the others are imported).
pub fn run(library: &mut Library, paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    // indicatif draws only when stderr is a terminal, so scripts and --json pipelines stay clean.
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .expect("valid template"),
    );
    let report = library.import_paths(paths, |event| match event {
        ImportEvent::Started { total } => bar.set_length(total as u64),
        ImportEvent::File { done, path, .. } => {
            bar.set_position(done as u64);
            bar.set_message(path.display().to_string());
        }
    });
    bar.finish_and_clear();
    // Languages detected, and the outlets the batch touched learn their boilerplate (footers
    // and the like); the import stands either way.
    let ids: Vec<_> = report.imported.iter().map(|f| f.id).collect();
    if let Err(error) = library.after_import(&ids, |_| {}) {
        eprintln!("warning: the work after the import failed: {error}");
    }
    if json {
        print_json(&report)?;
    } else {
        print_summary(&report)?;
    }
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print_summary(report: &ImportReport) -> Result<()> {
    for f in &report.imported {
        say!("imported  #{:<5} {}  ({})", f.id, f.title, f.path.display());
    }
    for d in &report.duplicates {
        say!(
            "duplicate #{:<5} {}  (already in the library as “{}”)",
            d.existing_id,
            d.path.display(),
            d.existing_title
        );
    }
    for f in &report.failed {
        eprintln!("failed    {}: {}", f.path.display(), f.error);
    }
    say!(
        "{} imported, {} duplicate, {} failed",
        report.imported.len(),
        report.duplicates.len(),
        report.failed.len()
    );
    Ok(())
}

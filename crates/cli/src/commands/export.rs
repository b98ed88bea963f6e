//! `parallax export SESSION --format F -o PATH`: the session as a report.

use crate::output::say;
use anyhow::Result;
use parallax_report::{write, Format, Report};
use parallax_store::{Library, SessionId};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    library: &Library,
    session: SessionId,
    format: Format,
    output: &Path,
) -> Result<ExitCode> {
    let view = library.session_view(session, None)?;
    let report = Report::new(&view, env!("CARGO_PKG_VERSION"), &parallax_report::now());
    for file in write(&report, format, output)? {
        say!("wrote {}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}

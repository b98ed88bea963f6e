//! What Parallax's tests and benchmarks read, in one place:
//!
//! - [`corpus`]: the shared corpus of real articles, beside the repository (never copied into
//!   it); a missing folder fails loudly, naming it.
//! - [`fixtures`]: the `caseNN-*` fixture files a test and a benchmark both read.
//! - [`realtext`]: real text fetched from registry packages (never copied into the repository)
//!   and the gold labels we wrote over it, as offsets.
//! - [`synthetic`]: deterministic synthetic articles (a Zipf-like vocabulary) and corpora with
//!   known passages planted with small edits, to measure against the truth.
//! - [`Rng`]: the one pseudo-random generator.
#![deny(missing_docs)]

pub mod corpus;
pub mod exports;
pub mod fixtures;
pub mod realtext;
mod rng;
pub mod synthetic;

pub use rng::Rng;
pub use synthetic::{
    article, outlet_library, planted_corpus, vocabulary, write_corpus, OutletLibrary, Planted,
    PlantedCorpus,
};

/// The repository's root folder, found at run time from the package under test (cargo sets
/// `CARGO_MANIFEST_DIR` when it runs tests and benchmarks) or else the working folder. Not the
/// path this crate was compiled in: a build shared between two checkouts would point into the
/// other one.
fn repository() -> std::path::PathBuf {
    let start = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::current_dir().expect("a working folder"));
    start
        .ancestors()
        .find(|dir| dir.join("Cargo.lock").is_file())
        .unwrap_or_else(|| {
            panic!(
                "no repository (a folder with Cargo.lock) above {}",
                start.display()
            )
        })
        .to_path_buf()
}

/// Files as `(file name, bytes)`; an unreadable one fails, naming it.
fn read_files(paths: Vec<std::path::PathBuf>) -> Vec<(String, Vec<u8>)> {
    paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path
                .file_name()
                .expect("a file")
                .to_string_lossy()
                .into_owned();
            (name, bytes)
        })
        .collect()
}

/// A command's standard output read as JSON; a panic showing both outputs when it is not.
pub fn stdout_json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

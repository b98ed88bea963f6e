//! Fixture cases: `caseNN-*` files in a folder of `crates/core/tests/fixtures/`, read by the
//! tests (what each case must give) and by the benchmarks (how fast), so both speak of the same
//! inputs.

use std::path::PathBuf;

/// The folder of a kind of fixture ("html", "plain", "pdf").
pub fn dir(kind: &str) -> PathBuf {
    crate::repository()
        .join("crates/core/tests/fixtures")
        .join(kind)
}

/// The input files of the cases of `kind` whose extension is one of `exts`, sorted by name.
pub fn cases(kind: &str, exts: &[&str]) -> Vec<PathBuf> {
    let dir = dir(kind);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("fixture folder {} is missing: {e}", dir.display()))
        .map(|entry| entry.expect("readable folder entry").path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| exts.iter().any(|ext| e == *ext))
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("case"))
        })
        .collect();
    cases.sort();
    cases
}

/// The cases of `kind` with one of the extensions `exts` as `(file name, bytes)`.
pub fn read(kind: &str, exts: &[&str]) -> Vec<(String, Vec<u8>)> {
    crate::read_files(cases(kind, exts))
}

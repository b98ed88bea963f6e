//! The shared corpus: five real articles from five outlets about one event, in
//! `shared/corpus/venezuela-2026/` beside the repository. Their text is read from there, never
//! copied into the repository; a test that needs them fails, naming the folder, when it is
//! missing.

use std::path::PathBuf;

/// The corpus folder, beside the repository. Panics, naming the folder, when it is missing.
pub fn dir() -> PathBuf {
    let repository = crate::repository();
    let dir = repository
        .parent()
        .unwrap_or(&repository)
        .join("shared/corpus/venezuela-2026");
    assert!(
        dir.is_dir(),
        "the shared corpus is missing: expected the folder {}; it lives beside the repository as \
         shared/corpus/venezuela-2026",
        dir.display()
    );
    dir
}

/// The corpus files in name order. Panics, naming the folder, when it is missing or holds fewer
/// than five articles.
pub fn files() -> Vec<PathBuf> {
    let dir = dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the shared corpus is missing: expected the folder {} ({e}); it lives beside the \
             repository as shared/corpus/venezuela-2026",
            dir.display()
        )
    });
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.expect("readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 5,
        "expected the five articles of the shared corpus in {}",
        dir.display()
    );
    paths
}

/// The corpus files as `(file name, bytes)`, in name order.
pub fn read() -> Vec<(String, Vec<u8>)> {
    crate::read_files(files())
}

/// The corpus file whose name starts with `prefix` ("000_").
pub fn file(prefix: &str) -> PathBuf {
    files()
        .into_iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| {
            panic!(
                "no corpus file starting with {prefix:?} in {}",
                dir().display()
            )
        })
}

//! The store's integration tests, one binary (each file its own binary would be linked on its
//! own, which costs more than the tests on two cores). Every test works on a real SQLite file.

mod bundles;
mod library;
mod reuse;
mod sessions;
mod trash;

use parallax_store::Library;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `dir/name`, making its folders.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The library file in a test's folder, created when first opened.
fn open(dir: &Path) -> Library {
    Library::open(&dir.join("library.sqlite3")).unwrap()
}

//! The store's integration tests, one binary (each file its own binary would be linked on its
//! own, which costs more than the tests on two cores). Every test works on a real SQLite file.

mod bundles;
mod library;
mod reuse;
mod sessions;
mod trash;

//! What Parallax's tests and benchmarks read, in one place:
//!
//! - [`corpus`]: the shared corpus of real articles, beside the repository (never copied into
//!   it); a missing folder fails loudly, naming it.
//! - [`fixtures`]: the `caseNN-*` fixture files a test and a benchmark both read.
//! - [`synthetic`]: deterministic synthetic articles (a Zipf-like vocabulary) and corpora with
//!   known passages planted with small edits, to measure against the truth.
//! - [`Rng`]: the one pseudo-random generator.
#![deny(missing_docs)]

pub mod corpus;
pub mod fixtures;
mod rng;
pub mod synthetic;

pub use rng::Rng;
pub use synthetic::{article, planted_corpus, vocabulary, write_corpus, Planted, PlantedCorpus};

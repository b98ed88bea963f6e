//! Helpers the core's test files share: the shared corpus, alignment inputs, reproducible noise.
#![allow(dead_code)] // each test file uses some of them

use parallax_core::align::AlignInput;
use parallax_core::ingest::{ingest, Document, Metadata};

/// The shared corpus's documents in file-name order; a missing folder fails the test, naming it.
pub fn corpus() -> Vec<Document> {
    parallax_testdata::corpus::read()
        .into_iter()
        .map(|(name, bytes)| ingest(&name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}")))
        .collect()
}

/// An English alignment input without boilerplate.
pub fn input(id: u64, body: &str) -> AlignInput<'_> {
    AlignInput {
        id: parallax_core::ArticleId(id as i64),
        body,
        boilerplate: &[],
        language: "en",
    }
}

/// Reproducible noise: `len` numbers from the tests' one generator.
pub fn noise(seed: u64, len: usize) -> Vec<u64> {
    let mut rng = parallax_testdata::Rng::new(seed);
    (0..len).map(|_| rng.next_u64()).collect()
}

/// `bytes` with `flips` bytes overwritten at random places, each by one of `alphabet` (any byte
/// when it is empty): a damaged file that is still mostly well formed.
pub fn damaged(
    bytes: &[u8],
    rng: &mut parallax_testdata::Rng,
    flips: usize,
    alphabet: &[u8],
) -> Vec<u8> {
    let mut damaged = bytes.to_vec();
    for _ in 0..flips {
        let at = rng.below(damaged.len());
        damaged[at] = if alphabet.is_empty() {
            rng.next_u64() as u8
        } else {
            alphabet[rng.below(alphabet.len())]
        };
    }
    damaged
}

/// The text of each boilerplate range of `doc`, in order.
pub fn boilerplate(doc: &Document) -> Vec<&str> {
    doc.boilerplate
        .iter()
        .map(|r| &doc.body[r.clone()])
        .collect()
}

/// A document's title, author and publication date, to compare in one assertion.
pub fn head(meta: &Metadata) -> (Option<&str>, Option<&str>, Option<&str>) {
    (
        meta.title.as_deref(),
        meta.author.as_deref(),
        meta.published.as_deref(),
    )
}

/// An English article with no metadata, as a session reads it: real text read alone.
pub fn session_article(id: usize, body: &str) -> parallax_core::session::SessionArticle<'_> {
    parallax_core::session::SessionArticle {
        text: input(id as u64, body),
        published: None,
        title: None,
        outlet: None,
    }
}

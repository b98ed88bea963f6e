//! Word vectors: WordLlama's static token embeddings (the `wordllama` package on PyPI, MIT:
//! see `LICENSE-wordllama` beside this crate), bundled into the binary at build time. A word's vector is the mean of the embeddings of the
//! BPE tokens WordLlama's own tokenizer cuts it into, as WordLlama pools a text, made unit
//! length. No network, no model runtime: a table lookup.
//!
//! Used by the aligner to match the words of two sentences softly ("tensions" ~ "strained",
//! "sanctions" ~ "embargo"), which the same-claim gold showed to find loose paraphrase that
//! shared words miss (`docs/benchmarks.md`).

use std::sync::OnceLock;
use tokenizers::Tokenizer;

include!(concat!(env!("OUT_DIR"), "/dims.rs"));

/// The embedding table: one row of `DIMS` little-endian f16 values per token id.
static EMBEDDINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embeddings.f16"));
/// WordLlama's tokenizer (Llama 2's BPE vocabulary), as Hugging Face's tokenizer JSON.
static TOKENIZER: &str = include_str!(concat!(env!("OUT_DIR"), "/tokenizer.json"));

/// The bundled word vectors, read on first use.
pub struct WordVectors {
    tokenizer: Tokenizer,
    rows: usize,
}

/// The word vectors, loaded once per process (the tokenizer's JSON is parsed on first use).
pub fn word_vectors() -> &'static WordVectors {
    static LOADED: OnceLock<WordVectors> = OnceLock::new();
    LOADED.get_or_init(|| {
        let tokenizer: Tokenizer = TOKENIZER.parse().expect("the bundled tokenizer reads");
        WordVectors {
            tokenizer,
            rows: EMBEDDINGS.len() / (DIMS * 2),
        }
    })
}

impl WordVectors {
    /// The unit-length vector of `word`, or `None` when it has no tokens or its vector is zero.
    pub fn vector(&self, word: &str) -> Option<[f32; DIMS]> {
        let encoding = self.tokenizer.encode(word, false).ok()?;
        let ids = encoding.get_ids();
        if ids.is_empty() {
            return None;
        }
        let mut sum = [0.0f32; DIMS];
        // A token id past the table (none in WordLlama's own tokenizer) adds nothing.
        for &id in ids.iter().filter(|&&id| (id as usize) < self.rows) {
            let row = id as usize * DIMS * 2;
            for (k, value) in sum.iter_mut().enumerate() {
                let at = row + 2 * k;
                let bits = u16::from_le_bytes([EMBEDDINGS[at], EMBEDDINGS[at + 1]]);
                *value += half::f16::from_bits(bits).to_f32();
            }
        }
        let norm = sum.iter().map(|v| v * v).sum::<f32>().sqrt();
        if norm == 0.0 || !norm.is_finite() {
            return None;
        }
        Some(sum.map(|v| v / norm))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cosine(a: &[f32; DIMS], b: &[f32; DIMS]) -> f32 {
        a.iter().zip(b).map(|(x, y)| x * y).sum()
    }

    #[test]
    fn related_words_are_closer_than_unrelated_ones() {
        let v = |w: &str| word_vectors().vector(w).expect("a vector");
        let (sanctions, embargo, banana) = (v("sanctions"), v("embargo"), v("banana"));
        assert!(
            cosine(&sanctions, &embargo) > cosine(&sanctions, &banana) + 0.1,
            "{} vs {}",
            cosine(&sanctions, &embargo),
            cosine(&sanctions, &banana)
        );
        // Unit length, and a word is its own nearest.
        assert!((cosine(&sanctions, &sanctions) - 1.0).abs() < 1e-4);
    }

    #[test]
    fn any_text_gets_a_vector_or_none_never_a_panic() {
        for word in [
            "",
            "Venezuela",
            "négociations",
            "委内瑞拉",
            "\u{0}",
            "a\u{301}",
        ] {
            if let Some(v) = word_vectors().vector(word) {
                assert!(v.iter().all(|x| x.is_finite()), "{word:?}");
            }
        }
    }
}

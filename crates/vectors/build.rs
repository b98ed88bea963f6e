//! Bundles the word vectors: WordLlama's token embedding table and its tokenizer, which
//! `scripts/setup.sh` takes from the `wordllama` wheel on PyPI into `$PARALLAX_CACHE/models`.
//! Only the first `DIMS` columns of the table are kept (as little-endian f16): WordLlama's
//! embeddings are trained so that a prefix is itself an embedding, and on our same-claim gold
//! 128 columns did as well as 256 at half the size and cost.

use std::path::PathBuf;

/// Columns kept; written to `dims.rs` for `src/lib.rs`.
const DIMS: usize = 128;

fn main() {
    println!("cargo:rerun-if-env-changed=PARALLAX_CACHE");
    println!("cargo:rerun-if-env-changed=HOME");
    let cache = std::env::var_os("PARALLAX_CACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/parallax")))
        .expect("PARALLAX_CACHE or HOME must be set");
    let dir = cache.join("models/wordllama");
    let weights = dir.join("l2_supercat_256.safetensors");
    let tokenizer = dir.join("l2_supercat_tokenizer_config.json");
    for file in [&weights, &tokenizer] {
        println!("cargo:rerun-if-changed={}", file.display());
        assert!(
            file.is_file(),
            "the word vectors are missing: expected {} (scripts/setup.sh fetches them)",
            file.display()
        );
    }
    let bytes = std::fs::read(&weights).expect("readable weights");
    let tensors = safetensors::SafeTensors::deserialize(&bytes).expect("a safetensors file");
    let table = tensors
        .tensor("embedding.weight")
        .expect("an embedding table");
    assert_eq!(table.dtype(), safetensors::Dtype::F16, "f16 weights");
    let (rows, columns) = (table.shape()[0], table.shape()[1]);
    assert!(columns >= DIMS, "{columns} columns");
    let mut kept = Vec::with_capacity(rows * DIMS * 2);
    for row in table.data().chunks_exact(columns * 2) {
        kept.extend_from_slice(&row[..DIMS * 2]);
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("embeddings.f16"), kept).expect("written embeddings");
    std::fs::write(
        out.join("dims.rs"),
        format!("/// Dimensions of a vector (the columns of the table kept).\npub const DIMS: usize = {DIMS};\n"),
    )
    .expect("written dims.rs");
    std::fs::copy(&tokenizer, out.join("tokenizer.json")).expect("copied tokenizer");
}

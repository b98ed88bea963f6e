//! No input makes a reader panic: random bytes, truncated and corrupted files of every format
//! come back as a document or as a specific error.

use parallax_core::ingest::{ingest, IngestError};
use std::path::Path;

/// Reproducible random bytes.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    crate::common::noise(seed, len)
        .into_iter()
        .map(|x| x as u8)
        .collect()
}

const NAMES: &[&str] = &["a.txt", "a.md", "a.html", "a.pdf", "a.docx"];

#[test]
fn random_bytes_never_panic_and_are_not_taken_for_text() {
    for (i, name) in NAMES.iter().enumerate() {
        for len in [1, 7, 64, 1000, 50_000] {
            let bytes = noise((i * 1000 + len) as u64, len);
            match ingest(name, &bytes) {
                // A handful of bytes can be valid text in some legacy encoding; only ask that
                // they do not crash anything.
                Err(_) | Ok(_) if len < 64 => {}
                Err(_) => {}
                Ok(doc) => panic!(
                    "{name}, {len} random bytes read as text: {:?}",
                    &doc.body[..doc.body.len().min(80)]
                ),
            }
        }
    }
}

#[test]
fn truncated_and_corrupted_files_never_panic() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = ["plain", "html", "pdf"]
        .iter()
        .flat_map(|dir| {
            std::fs::read_dir(fixtures.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
        })
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "txt" || e == "md" || e == "html" || e == "pdf")
        })
        .collect();
    files.sort();
    assert!(
        files.len() > 10,
        "fixtures missing under {}",
        fixtures.display()
    );
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for cut in (1..10).map(|i| bytes.len() * i / 10) {
            let _ = ingest(&name, &bytes[..cut]);
        }
        // Flip bytes in the middle, as a damaged download would.
        let mut damaged = bytes.clone();
        let flips = noise(bytes.len() as u64, 64);
        for (k, flip) in flips.iter().enumerate() {
            let at = (bytes.len() / 3 + k * 97) % bytes.len();
            damaged[at] ^= flip;
        }
        let _ = ingest(&name, &damaged);
    }
}

#[test]
fn an_image_renamed_to_each_format_is_refused_with_a_reason() {
    let mut png = vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];
    png.extend(noise(3, 2000));
    for name in NAMES {
        let error = ingest(name, &png).expect_err(name);
        assert!(
            matches!(
                error,
                IngestError::Binary | IngestError::Corrupt { .. } | IngestError::NoText { .. }
            ),
            "{name}: {error:?}"
        );
    }
}

//! Encoding detection on any bytes: never a panic, and what it calls text has few control
//! characters.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = parallax_core::ingest::decode_text(bytes) {
        let controls = text
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'))
            .count();
        assert!(
            controls * 50 <= text.chars().count().max(50),
            "{controls} control characters"
        );
    }
});

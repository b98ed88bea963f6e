//! The importer's reader of `a.docx` files, on any bytes: never a crash, an error or a document.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = parallax_core::ingest::ingest("a.docx", bytes);
});

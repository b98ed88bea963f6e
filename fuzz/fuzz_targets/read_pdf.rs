//! The importer's reader of `a.pdf` files, on any bytes: never a crash, an error or a document.
//!
//! `pdf-extract` panics on some malformed files; the reader catches that (`catch_unwind`) and
//! reports the file as damaged. libFuzzer's panic hook would abort on those caught panics too, so
//! this target sets a quiet one: a panic that escapes the reader still aborts the run.
#![no_main]

libfuzzer_sys::fuzz_target!(
    init: {
        std::panic::set_hook(Box::new(|_| {}));
    },
    |bytes: &[u8]| {
        let _ = parallax_core::ingest::ingest("a.pdf", bytes);
    }
);

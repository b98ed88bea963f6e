//! The aligner on two to four texts cut from the input at NUL bytes (each read as a `.txt` file
//! is), against each pivot: never a crash.
#![no_main]

mod texts;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let documents = texts::documents(bytes);
    let articles = texts::articles(&documents);
    if articles.len() < 2 {
        return;
    }
    for pivot in 0..articles.len() {
        let _ = parallax_core::session::align(&articles, pivot, &Default::default());
    }
});

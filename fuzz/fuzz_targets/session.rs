//! A session's whole analysis (alignment, quotations, shared passages, framing) on two to four
//! texts cut from the input at NUL bytes: never a crash.
#![no_main]

mod texts;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let documents = texts::documents(bytes);
    let articles = texts::articles(&documents);
    if articles.len() >= 2 {
        let _ = parallax_core::session::analyse(&articles, 0, &Default::default());
    }
});

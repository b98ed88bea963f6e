//! The quote finder on any normalised text: every part of every quotation lies in the body.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let body = parallax_core::text::normalize(&String::from_utf8_lossy(bytes));
    for quote in parallax_core::quotes::quotes(&body, &[]) {
        for part in &quote.parts {
            assert!(part.start <= part.end && body.get(part.clone()).is_some());
        }
    }
});

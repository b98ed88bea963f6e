//! The sentence splitter on any normalised text, in each language it knows: every sentence is a
//! non-empty range of the body, on character boundaries, in order.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Some((&choice, rest)) = bytes.split_first() else {
        return;
    };
    let language = ["en", "es", "de", "fr", "pt", "zh", "ja", "xx"][usize::from(choice) % 8];
    let body = parallax_core::text::normalize(&String::from_utf8_lossy(rest));
    let mut last_end = 0;
    for sentence in parallax_core::sentences::sentences(&body, language, &[]) {
        let range = sentence.range();
        assert!(range.start >= last_end && range.start < range.end && range.end <= body.len());
        assert!(body.is_char_boundary(range.start) && body.is_char_boundary(range.end));
        last_end = range.end;
    }
});

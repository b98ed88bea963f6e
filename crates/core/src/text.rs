//! Text normalisation, word tokens with byte offsets, and content hashing.

use sha2::{Digest, Sha256};
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// The nearest character boundary of `text` at or before byte `at`; its length when `at` is past
/// the end (as the standard library's newer `str::floor_char_boundary`).
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Normalises text as every reader must before building a body: Unicode NFC; `\r\n` and `\r`
/// to `\n`; no-break, narrow and other fixed-width spaces to a plain space; zero-width
/// characters and the BOM removed; trailing spaces on each line removed; runs of three or more
/// newlines collapsed to a blank line; no leading or trailing whitespace.
pub fn normalize(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut cleaned = String::with_capacity(unified.len());
    for c in unified.nfc() {
        match c {
            '\u{00A0}'
            | '\u{2007}'
            | '\u{202F}'
            | '\u{2000}'..='\u{2006}'
            | '\u{2008}'..='\u{200A}'
            | '\u{3000}'
            | '\t' => cleaned.push(' '),
            // Zero-width characters, soft hyphens, and the private-use characters U+E000/U+E001
            // (search marks highlights with them; stray ones from PDF fonts would confuse it).
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            | '\u{E000}' | '\u{E001}' => {}
            c => cleaned.push(c),
        }
    }
    let mut out = String::with_capacity(cleaned.len());
    let mut blank_run = 0;
    for line in cleaned.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Lower case without accents ("Nicolás" -> "nicolas"), as the library's full-text index
/// stores words (`remove_diacritics 2`): for matching names and looking words up, never for
/// display.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// One word of a text: its byte range and the text itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// The word as written.
    pub text: &'a str,
}

impl Word<'_> {
    /// Byte offset one past the last byte.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The words of `text` (Unicode word boundaries, UAX #29), with their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    text.unicode_word_indices()
        .map(|(start, text)| Word { start, text })
}

/// Number of words in `text` outside the given sorted byte ranges.
pub fn count_words_outside(text: &str, excluded: &[Range<usize>]) -> usize {
    words(text)
        .filter(|w| !excluded.iter().any(|r| r.contains(&w.start)))
        .count()
}

/// SHA-256 of the body, lowercase hex: the identity used to recognise a duplicate import. The body
/// is already normalised by the reader, so the same article saved twice (or with other line
/// endings or encodings) hashes the same.
pub fn content_hash(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Byte ranges written as `[start, end]` pairs: the one compact shape of every list of spans
/// that leaves the app (`#[serde(with = "parallax_core::text::spans")]`).
pub mod spans {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::ops::Range;

    /// Writes `ranges` as `[[start, end], …]`.
    pub fn serialize<S: Serializer>(ranges: &[Range<usize>], out: S) -> Result<S::Ok, S::Error> {
        out.collect_seq(ranges.iter().map(|r| [r.start, r.end]))
    }

    /// Reads `[[start, end], …]`.
    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Vec<Range<usize>>, D::Error> {
        let pairs = Vec::<[usize; 2]>::deserialize(input)?;
        Ok(pairs.into_iter().map(|[start, end]| start..end).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_unifies_line_endings_spaces_and_composition() {
        let raw = "\u{FEFF}Cafe\u{0301}\u{00A0}talks\r\n\r\n\r\n\r\nSecond\u{200B} line  \rThird";
        assert_eq!(normalize(raw), "Caf\u{e9} talks\n\nSecond line\nThird");
    }

    #[test]
    fn words_carry_byte_offsets_across_multibyte_text() {
        let text = "Nicolás Maduro’s offer";
        let found: Vec<_> = words(text).map(|w| (w.start, w.text)).collect();
        assert_eq!(found[0], (0, "Nicolás"));
        assert_eq!(&text[found[1].0..found[1].0 + found[1].1.len()], found[1].1);
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn count_skips_excluded_ranges() {
        let text = "one two three four";
        assert_eq!(count_words_outside(text, &[4..13]), 2);
    }

    #[test]
    fn content_hash_is_stable_hex() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

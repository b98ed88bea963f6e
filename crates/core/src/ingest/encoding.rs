//! Decoding text files of unknown encoding.
//!
//! Order of evidence, strongest first:
//! 1. the signature of a known binary format (PNG, JPEG, ZIP, PDF, …): such a file renamed to
//!    `.txt` is refused instead of being decoded into mojibake;
//! 2. a byte-order mark (UTF-8, UTF-16 LE/BE), which the writer put there on purpose;
//! 3. UTF-16 without a BOM, recognised by its NUL bytes: text in the Latin and most other scripts
//!    has a zero high byte for spaces, digits and punctuation, so NULs pile up on one byte parity.
//!    chardetng does not look for UTF-16, so this has to come before it;
//!    NULs strewn through otherwise clean UTF-8 (every twelfth byte, say) are a damaged copy,
//!    not UTF-16: they are dropped and the text kept;
//! 4. any other NUL byte means binary data, unless the file is Chinese, Japanese or Korean
//!    UTF-16 (whose code units rarely hold a zero byte);
//! 5. strict UTF-8, by far the most common encoding today;
//! 6. chardetng's guess among legacy single- and multi-byte encodings (Windows-1252, …), and
//!    when that reads as control characters, CJK UTF-16 without a BOM.
//!
//! Whatever was decoded must still look like text: more than a sprinkle of C0/C1 control
//! characters means the bytes were not text after all.

use super::IngestError;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Decodes bytes into normalised-ready text: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8,
/// then a guess among legacy encodings (Windows-1252, Latin-1, …). Binary data is an error:
/// a known binary signature (PNG, JPEG, ZIP, PDF, …), NUL bytes that are not UTF-16, or text
/// full of control characters. The caller normalises the result.
pub fn decode_text(bytes: &[u8]) -> Result<String, IngestError> {
    if has_binary_signature(bytes) {
        return Err(IngestError::Binary);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return checked(text.into_owned());
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        if let Some(text) = stray_nuls_removed(bytes) {
            return Ok(text);
        }
        if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) {
            return checked(text.into_owned());
        }
        // Unpaired surrogates: not UTF-16 after all, and the NULs say it is not text either.
        return Err(IngestError::Binary);
    }
    if bytes.contains(&0) {
        return stray_nuls_removed(bytes)
            .or_else(|| cjk_utf16_without_bom(bytes))
            .ok_or(IngestError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => return checked(text.to_string()),
        // A file cut off in the middle of its last character is still UTF-8: keep what is whole
        // rather than reading the whole file as Windows-1252.
        Err(e) if e.error_len().is_none() && e.valid_up_to() > 0 => {
            let (text, _) = UTF_8.decode_without_bom_handling(bytes);
            return checked(text.into_owned());
        }
        Err(_) => {}
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    // UTF-16 of a script without NUL bytes (Chinese, Japanese, Korean) reads as control
    // characters in any 8-bit encoding: try it before calling the file binary.
    checked(text.into_owned()).or_else(|binary| cjk_utf16_without_bom(bytes).ok_or(binary))
}

/// Text with NUL bytes strewn through it (a damaged copy, a bad conversion) whose other bytes
/// are clean UTF-8: the NULs go, the text stays. UTF-16 of ASCII text passes too, and reads the
/// same either way; UTF-16 of other scripts leaves control bytes (Cyrillic's 0x04) and fails.
fn stray_nuls_removed(bytes: &[u8]) -> Option<String> {
    let kept: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
    let text = String::from_utf8(kept).ok()?;
    let has_controls = text
        .chars()
        .any(|c| matches!(c, '\x01'..='\x08' | '\x0B' | '\x0E'..='\x1F' | '\x7F'..='\u{9F}'));
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    (!has_controls && letters * 2 >= text.chars().count()).then_some(text)
}

/// UTF-16 without a BOM and without NUL bytes: Chinese, Japanese or Korean, whose code units
/// have no zero byte. Taken when one byte order decodes without unpaired surrogates into text
/// that is nearly all CJK, kana, hangul, their punctuation, ASCII and spaces; the other byte
/// order gives surrogates or scattered symbols.
fn cjk_utf16_without_bom(bytes: &[u8]) -> Option<String> {
    if bytes.len() % 2 != 0 || bytes.len() < 8 {
        return None;
    }
    let plausible = |c: char| {
        matches!(c as u32,
            0x20..=0x7E | 0x09 | 0x0A | 0x0D
            | 0x3000..=0x30FF // CJK punctuation, hiragana, katakana
            | 0x3400..=0x4DBF | 0x4E00..=0x9FFF // CJK ideographs
            | 0xAC00..=0xD7AF // hangul
            | 0xFF00..=0xFFEF) // full-width forms
    };
    [UTF_16LE, UTF_16BE]
        .into_iter()
        .filter_map(|encoding| encoding.decode_without_bom_handling_and_without_replacement(bytes))
        .map(|text| {
            let total = text.chars().count().max(1);
            let good = text.chars().filter(|&c| plausible(c)).count();
            (good * 100 / total, text.into_owned())
        })
        .filter(|(score, _)| *score >= 95)
        .max_by_key(|(score, _)| *score)
        .and_then(|(_, text)| checked(text).ok())
}

/// Magic numbers of the binary formats most likely to be renamed or mis-saved as `.txt`.
fn has_binary_signature(bytes: &[u8]) -> bool {
    const SIGNATURES: &[&[u8]] = &[
        b"\x89PNG\r\n\x1a\n",  // PNG
        b"\xFF\xD8\xFF",       // JPEG
        b"GIF87a",             // GIF
        b"GIF89a",             // GIF
        b"PK\x03\x04",         // ZIP, and so DOCX, XLSX, EPUB, ODT
        b"PK\x05\x06",         // empty ZIP
        b"%PDF-",              // PDF
        b"\x1F\x8B",           // gzip
        b"\xD0\xCF\x11\xE0",   // OLE2: .doc, .xls
        b"\x7FELF",            // executables
        b"7z\xBC\xAF\x27\x1C", // 7-Zip
        b"Rar!\x1A\x07",       // RAR
        b"OggS\x00",           // Ogg audio
    ];
    // Signatures that are also how ordinary text may start ("RIFF" the word, "BMW", "MZ Autos")
    // only count when a NUL byte follows soon: no text has one.
    const WEAK_SIGNATURES: &[&[u8]] = &[b"RIFF", b"BM", b"MZ", b"ID3"];
    SIGNATURES.iter().any(|sig| bytes.starts_with(sig))
        || WEAK_SIGNATURES
            .iter()
            .any(|sig| bytes.starts_with(sig) && bytes.iter().take(16).any(|&b| b == 0))
}

/// UTF-16 without a BOM: NUL bytes sit (almost) only on one parity and are frequent there. The
/// control-character check in [`checked`] catches binary data that happens to look like this.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let (major, minor) = (even_nuls.max(odd_nuls), even_nuls.min(odd_nuls));
    // At least one NUL in ten code units (spaces alone give more than that in any prose), and
    // at least 95 % of the NULs on the same side.
    if major * 10 < pairs || minor * 20 > major {
        return None;
    }
    // High byte first (BE) puts the NULs on even offsets.
    Some(if even_nuls > odd_nuls {
        UTF_16BE
    } else {
        UTF_16LE
    })
}

/// Refuses decoded text with many control characters: that is binary data read as text.
/// Tabs, newlines, carriage returns and form feeds are ordinary in text files.
fn checked(text: String) -> Result<String, IngestError> {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        chars += 1;
        let is_control = matches!(c, '\0'..='\x08' | '\x0B' | '\x0E'..='\x1F' | '\x7F'..='\u{9F}');
        if is_control {
            controls += 1;
        }
    }
    // One stray control character (an old DOS end-of-file mark, a pasted escape) in real text
    // is tolerated; more than one in fifty characters, or any in a scrap of a few bytes, is not
    // text.
    if controls > 0 && (controls * 50 > chars || chars < 50) {
        return Err(IngestError::Binary);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
    }

    fn utf16be(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect()
    }

    /// Deterministic pseudo-random bytes from the tests' one generator.
    fn noise(len: usize) -> Vec<u8> {
        let mut rng = parallax_testdata::Rng::new(5);
        (0..len).map(|_| rng.next_u64() as u8).collect()
    }

    #[test]
    fn plain_utf8() {
        let text = "Talks in Porto Azul — “a first step”, said Inês Valdés.";
        assert_eq!(decode_text(text.as_bytes()).unwrap(), text);
    }

    #[test]
    fn utf8_bom_is_removed() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("Caf\u{e9} summit".as_bytes());
        assert_eq!(decode_text(&bytes).unwrap(), "Caf\u{e9} summit");
    }

    #[test]
    fn utf16_le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(utf16le("Délégation à Genève\r\nSecond line"));
        assert_eq!(
            decode_text(&bytes).unwrap(),
            "Délégation à Genève\r\nSecond line"
        );
    }

    #[test]
    fn utf16_be_with_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(utf16be("Ministro Peña: “sí”"));
        assert_eq!(decode_text(&bytes).unwrap(), "Ministro Peña: “sí”");
    }

    #[test]
    fn utf16_without_bom_both_byte_orders() {
        let text = "The envoy met the committee on Tuesday.\nA second meeting follows.";
        assert_eq!(decode_text(&utf16le(text)).unwrap(), text);
        assert_eq!(decode_text(&utf16be(text)).unwrap(), text);
        // Non-Latin text still has NUL high bytes for spaces and punctuation.
        let greek = "Η αντιπροσωπεία συναντήθηκε με την επιτροπή την Τρίτη.";
        assert_eq!(decode_text(&utf16le(greek)).unwrap(), greek);
    }

    #[test]
    fn windows_1252_curly_quotes_and_accents() {
        // “Café talks” résumé — in Windows-1252: 0x93/0x94 are curly quotes, 0xE9 is é.
        let bytes = b"\x93Caf\xe9 talks\x94 resumed in the capital, the minister\x92s r\xe9sum\xe9 says \x96 again.";
        assert_eq!(
            decode_text(bytes).unwrap(),
            "“Café talks” resumed in the capital, the minister’s résumé says – again."
        );
    }

    #[test]
    fn one_line_latin1() {
        let bytes = b"Le ministre fran\xe7ais a d\xe9clar\xe9 que la r\xe9union \xe0 S\xe3o Tom\xe9 \xe9tait tr\xe8s utile.";
        assert_eq!(
            decode_text(bytes).unwrap(),
            "Le ministre français a déclaré que la réunion à São Tomé était très utile."
        );
    }

    #[test]
    fn invalid_utf8_that_is_latin1() {
        // Mostly ASCII, with Latin-1 bytes that are not valid UTF-8 sequences.
        let bytes = b"Negotiator Jos\xe9 Mar\xeda Ib\xe1\xf1ez told reporters the ni\xf1os program continues.";
        assert!(String::from_utf8(bytes.to_vec()).is_err());
        assert_eq!(
            decode_text(bytes).unwrap(),
            "Negotiator José María Ibáñez told reporters the niños program continues."
        );
    }

    #[test]
    fn png_with_random_bytes_is_binary() {
        let mut bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
        bytes.extend(noise(2000));
        assert_eq!(decode_text(&bytes), Err(IngestError::Binary));
    }

    #[test]
    fn other_signatures_are_binary() {
        for head in [
            &b"\xFF\xD8\xFF\xE0\x00\x10JFIF"[..],
            b"PK\x03\x04\x14\x00",
            b"%PDF-1.7\n%\xE2\xE3",
        ] {
            let mut bytes = head.to_vec();
            bytes.extend(b"some ascii that would otherwise decode fine");
            assert_eq!(decode_text(&bytes), Err(IngestError::Binary), "{head:?}");
        }
    }

    #[test]
    fn random_bytes_and_nul_bytes_are_binary() {
        assert_eq!(decode_text(&noise(4096)), Err(IngestError::Binary));
        let controls = b"text\x01\x02\x03\x04 with \x05\x06 control \x07\x08 characters \x0e\x0f";
        assert_eq!(decode_text(controls), Err(IngestError::Binary));
    }

    #[test]
    fn stray_nul_bytes_leave_the_text_whole() {
        // A NUL after every eleventh byte: read as UTF-16 this was a page of CJK mojibake.
        let text = "The council met on Tuesday to discuss the new budget for the harbour.";
        let damaged: Vec<u8> = text
            .as_bytes()
            .chunks(11)
            .flat_map(|chunk| chunk.iter().copied().chain([0]))
            .collect();
        assert_eq!(decode_text(&damaged).unwrap(), text);
        assert_eq!(
            decode_text(b"plain text\x00 with a NUL in it and more text").unwrap(),
            "plain text with a NUL in it and more text"
        );
        // Cyrillic UTF-16 has NULs only at its spaces; dropping them would leave control bytes.
        let russian = "Совет собрался во вторник, чтобы обсудить новый бюджет гавани.";
        assert_eq!(decode_text(&utf16le(russian)).unwrap(), russian);
    }

    #[test]
    fn utf16_chinese_without_bom_or_nul_bytes() {
        let chinese = "委员会周二开会讨论港区的新预算。居民们询问为什么海堤的维修工程被推迟。";
        assert_eq!(decode_text(&utf16le(chinese)).unwrap(), chinese);
        assert_eq!(decode_text(&utf16be(chinese)).unwrap(), chinese);
    }

    #[test]
    fn a_single_stray_control_character_is_tolerated() {
        let text = "An old DOS file that ends with an end-of-file mark.\x1a";
        assert_eq!(decode_text(text.as_bytes()).unwrap(), text);
    }

    #[test]
    fn words_starting_like_signatures_are_text() {
        assert_eq!(
            decode_text(b"BMW and MZ Autos signed the deal").unwrap(),
            "BMW and MZ Autos signed the deal"
        );
    }

    #[test]
    fn truncated_utf8_keeps_the_whole_characters() {
        let mut bytes = "Reunião em Brasília".as_bytes().to_vec();
        bytes.extend_from_slice(&"é".as_bytes()[..1]);
        assert!(decode_text(&bytes)
            .unwrap()
            .starts_with("Reunião em Brasília"));
    }

    #[test]
    fn cjk_utf16_full_of_control_characters_is_binary() {
        // Found by the decode_text fuzz target: UTF-16 Chinese with NUL, 0x1F and 0x0C code
        // units among the ideographs was returned with its control characters.
        let hex = concat!(
            "d45958541a4f68548c4e005f1a4fa88bba8b2f6e3a538476b0658498977b0230455c116cec4ee28bee953a4ec04e484e",
            "776d24588476f47eee4fe55d0b7ade8fed7e2c7b8c4e745eab88a863df8f0230025e7f95f48b7f62055346551995c78f",
            "864e244e2a4e00670e541f00000000000040006750960cff065cab88ff6662630230d45958541a4f68548c4e005f1a4f",
            "a88bba8b2f6e3a538476b0658498977b0230455c116cec30025e7f95f48b7f62055346551995c78f864e244e2a4e0067",
            "0e54244e2a4e00670e5cab88ff6662630230",
        );
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        if let Ok(text) = decode_text(&bytes) {
            let controls = text
                .chars()
                .filter(|c| c.is_control() && *c != '\n')
                .count();
            assert!(
                controls * 50 <= text.chars().count(),
                "{controls} in {text:?}"
            );
        }
    }
}

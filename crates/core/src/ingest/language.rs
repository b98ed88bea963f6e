//! The language an article is written in, when its file does not say: detected from the text
//! by whatlang (trigram profiles of 70 languages, pure Rust, no model files), so Spanish text
//! gets Spanish stemming and stop words, never English rules. It runs after an import, not in
//! it: detection costs about as much as reading a plain-text file.

use std::ops::Range;
use whatlang::Lang;

/// How much text detection reads: the opening of the body, outside boilerplate. Trigram
/// profiles settle on a paragraph of prose; whatlang's time grows with the text, and import
/// speed matters (at 4,000 bytes detection cost a tenth of the import's time).
const SAMPLE_BYTES: usize = 500;

/// The ISO 639-1 code of the body's language, when whatlang is sure of it; `None` for short,
/// mixed or unknown text (the analyses then read it as English, as before).
pub fn detect(body: &str, boilerplate: &[Range<usize>]) -> Option<String> {
    let info = whatlang::detect(&sample(body, boilerplate, SAMPLE_BYTES))?;
    info.is_reliable()
        .then(|| iso_639_1(info.lang()))
        .flatten()
        .map(str::to_string)
}

/// Up to `bytes` of the body outside boilerplate, the parts joined by line breaks.
fn sample(body: &str, boilerplate: &[Range<usize>], bytes: usize) -> String {
    let mut sample = String::with_capacity(bytes);
    let mut cursor = 0;
    for skip in boilerplate
        .iter()
        .cloned()
        .chain(std::iter::once(body.len()..body.len()))
    {
        let room = bytes.saturating_sub(sample.len());
        if room == 0 {
            break;
        }
        let end = crate::text::floor_char_boundary(body, skip.start.min(cursor + room));
        if end > cursor {
            sample.push_str(&body[cursor..end]);
            sample.push('\n');
        }
        cursor = cursor.max(skip.end);
    }
    sample
}

/// whatlang names languages by ISO 639-3; stored tags are BCP 47, which uses the two-letter
/// code where there is one.
fn iso_639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Eng => "en",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ita => "it",
        Lang::Nld => "nl",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Pol => "pl",
        Lang::Ces => "cs",
        Lang::Slk => "sk",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Bul => "bg",
        Lang::Mkd => "mk",
        Lang::Bel => "be",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Fin => "fi",
        Lang::Est => "et",
        Lang::Lav => "lv",
        Lang::Lit => "lt",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Ell => "el",
        Lang::Tur => "tr",
        Lang::Aze => "az",
        Lang::Uzb => "uz",
        Lang::Tuk => "tk",
        Lang::Cat => "ca",
        Lang::Lat => "la",
        Lang::Cym => "cy",
        Lang::Epo => "eo",
        Lang::Afr => "af",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Aka => "ak",
        Lang::Amh => "am",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pes => "fa",
        Lang::Urd => "ur",
        Lang::Hin => "hi",
        Lang::Mar => "mr",
        Lang::Nep => "ne",
        Lang::Ben => "bn",
        Lang::Guj => "gu",
        Lang::Pan => "pa",
        Lang::Ori => "or",
        Lang::Tam => "ta",
        Lang::Tel => "te",
        Lang::Kan => "kn",
        Lang::Mal => "ml",
        Lang::Sin => "si",
        Lang::Tha => "th",
        Lang::Khm => "km",
        Lang::Mya => "my",
        Lang::Vie => "vi",
        Lang::Ind => "id",
        Lang::Jav => "jv",
        Lang::Tgl => "tl",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Kat => "ka",
        Lang::Hye => "hy",
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_spanish_and_english_prose_and_leaves_short_text_alone() {
        let spanish = "Las autoridades noruegas reforzaron este domingo la vigilancia en la \
                       frontera con Suecia después de que el Gobierno anunciara nuevas medidas \
                       de control para los viajeros que llegan por carretera.";
        assert_eq!(detect(spanish, &[]).as_deref(), Some("es"));
        let english = "Norway's central bank kept its key interest rate unchanged on Thursday, \
                       saying inflation had cooled faster than expected over the winter months.";
        assert_eq!(detect(english, &[]).as_deref(), Some("en"));
        assert_eq!(detect("OK", &[]), None);
    }

    #[test]
    fn reads_around_boilerplate() {
        let body = "Suscríbase a nuestro boletín y reciba las noticias del día en su correo.\n\n\
                    Norway's central bank kept its key interest rate unchanged on Thursday, \
                    saying inflation had cooled faster than expected over the winter months.";
        let boilerplate = [0..body.find("\n\n").unwrap()];
        assert_eq!(detect(body, &boilerplate).as_deref(), Some("en"));
    }
}

//! A deterministic generator of synthetic news articles for benchmarks and measurement tests: a
//! headline, a byline, a dateline with outlet and date, and ~600 words of prose from a Zipf-like
//! vocabulary, so the FTS index sees realistic term frequencies; and corpora with known shared
//! passages planted with small edits, to measure reuse detection against the truth. Same seed,
//! same corpus, on every machine.

use crate::Rng;
use std::ops::Range;
use std::path::Path;

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "tan", "si", "vo", "ra", "den", "pul", "gri", "sto", "fen", "ba", "nu",
    "lir", "cor", "dam", "el", "ish", "tor", "wa", "quen", "bri", "mo", "sal", "ter", "vin", "ho",
    "pra", "zu",
];
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "for",
    "on",
    "with",
    "as",
    "by",
    "said",
    "was",
    "at",
    "from",
    "its",
    "after",
    "officials",
    "government",
    "minister",
    "city",
    "report",
    "week",
];
const OUTLETS: &[&str] = &[
    "Northern Ledger",
    "Harbour Times",
    "Valley Courier",
    "Meridian Wire",
    "Civic Post",
];
const MONTHS: &[&str] = &["January", "February", "March", "April", "May", "June"];

/// The vocabulary: 5,000 invented words; low indices are drawn far more often (Zipf-like).
pub fn vocabulary() -> Vec<String> {
    let mut rng = Rng::new(7);
    (0..5000)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        })
        .collect()
}

fn word<'a>(rng: &mut Rng, vocabulary: &'a [String]) -> &'a str {
    if rng.below(3) == 0 {
        return FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())];
    }
    // Squaring a uniform draw skews towards frequent words.
    let u = rng.below(10_000) as f64 / 10_000.0;
    &vocabulary[(u * u * vocabulary.len() as f64) as usize]
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Article number `index` of the corpus, about `words` words long.
pub fn article(index: usize, words: usize, vocabulary: &[String]) -> String {
    let mut rng = Rng::new(index as u64 + 1);
    let title: Vec<String> = (0..6 + rng.below(5))
        .map(|_| capitalised(word(&mut rng, vocabulary)))
        .collect();
    let author = format!(
        "{} {}",
        capitalised(word(&mut rng, vocabulary)),
        capitalised(word(&mut rng, vocabulary))
    );
    let outlet = OUTLETS[rng.below(OUTLETS.len())];
    let date = format!(
        "{} {}, 2026",
        MONTHS[rng.below(MONTHS.len())],
        1 + rng.below(28)
    );
    let mut text = format!(
        "{} {index}\n\nBy {author}\n\nPORT CITY ({outlet}) {date} — ",
        title.join(" ")
    );
    let mut written = 0;
    while written < words {
        let sentences = 3 + rng.below(3);
        for _ in 0..sentences {
            let length = 12 + rng.below(14);
            let sentence: Vec<&str> = (0..length).map(|_| word(&mut rng, vocabulary)).collect();
            text.push_str(&capitalised(&sentence.join(" ")));
            text.push_str(". ");
            written += length;
        }
        text.push_str("\n\n");
    }
    text
}

/// Writes `count` articles of ~`words` words as `.txt` files into `dir`.
pub fn write_corpus(dir: &Path, count: usize, words: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let vocabulary = vocabulary();
    for i in 0..count {
        std::fs::write(
            dir.join(format!("article-{i:06}.txt")),
            article(i, words, &vocabulary),
        )?;
    }
    Ok(())
}

/// A passage planted in two articles of a [`PlantedCorpus`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planted {
    /// The article that got the original.
    pub a: usize,
    /// The article that got the edited copy.
    pub b: usize,
    /// Byte range of the original in article `a`.
    pub a_range: Range<usize>,
    /// Byte range of the copy in article `b`.
    pub b_range: Range<usize>,
    /// Words in the original.
    pub words: usize,
    /// Words changed in the copy (substituted, deleted or inserted).
    pub edits: usize,
}

/// Articles with known shared passages.
#[derive(Debug, Clone)]
pub struct PlantedCorpus {
    /// The article bodies (paragraphs separated by a blank line, as the importer makes them).
    pub bodies: Vec<String>,
    /// Every planted passage.
    pub planted: Vec<Planted>,
}

/// `count` articles of ~`words` words of prose, with `passages` passages of `lengths` words
/// each planted into two different articles: the original into one, a copy with about
/// `edit_rate` of its words changed into the other. Each passage is a paragraph of its own, put
/// between two paragraphs of the article.
pub fn planted_corpus(
    seed: u64,
    count: usize,
    words: usize,
    passages: usize,
    lengths: Range<usize>,
    edit_rate: f64,
) -> PlantedCorpus {
    assert!(count >= 2, "passages need two articles");
    let vocabulary = vocabulary();
    let mut rng = Rng::new(seed);
    // Per article, its paragraphs, each with the planted passage it is, if any: (passage,
    // whether it is the original).
    type Paragraphs = Vec<(String, Option<(usize, bool)>)>;
    let mut paragraphs: Vec<Paragraphs> = (0..count)
        .map(|_| {
            let mut body = Vec::new();
            let mut written = 0;
            while written < words {
                let (text, length) = paragraph(&mut rng, &vocabulary);
                body.push((text, None));
                written += length;
            }
            body
        })
        .collect();
    let mut planted = Vec::with_capacity(passages);
    for p in 0..passages {
        let length = lengths.start + rng.below(lengths.end.saturating_sub(lengths.start).max(1));
        let original: Vec<&str> = (0..length).map(|_| word(&mut rng, &vocabulary)).collect();
        let mut copy: Vec<&str> = Vec::with_capacity(length + 4);
        let mut edits = 0;
        for &w in &original {
            if (rng.below(10_000) as f64) < edit_rate * 10_000.0 {
                edits += 1;
                match rng.below(3) {
                    0 => copy.push(word(&mut rng, &vocabulary)),
                    1 => {}
                    _ => {
                        copy.push(w);
                        copy.push(word(&mut rng, &vocabulary));
                    }
                }
            } else {
                copy.push(w);
            }
        }
        let a = rng.below(count);
        let b = (a + 1 + rng.below(count - 1)) % count;
        for (article, text, original_side) in [(a, &original, true), (b, &copy, false)] {
            let at = 1 + rng.below(paragraphs[article].len().max(1));
            let at = at.min(paragraphs[article].len());
            let text = format!("{}.", capitalised(&text.join(" ")));
            paragraphs[article].insert(at, (text, Some((p, original_side))));
        }
        planted.push(Planted {
            a,
            b,
            a_range: 0..0,
            b_range: 0..0,
            words: length,
            edits,
        });
    }
    let mut bodies = Vec::with_capacity(count);
    for (article, body) in paragraphs.into_iter().enumerate() {
        let mut text = String::new();
        for (paragraph, mark) in body {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&paragraph);
            if let Some((p, original_side)) = mark {
                let range = start..text.len();
                let planted = &mut planted[p];
                if original_side {
                    debug_assert_eq!(planted.a, article);
                    planted.a_range = range;
                } else {
                    planted.b_range = range;
                }
            }
        }
        bodies.push(text);
    }
    PlantedCorpus { bodies, planted }
}

/// A paragraph of three to five sentences of prose, and its length in words.
fn paragraph(rng: &mut Rng, vocabulary: &[String]) -> (String, usize) {
    let mut text = String::new();
    let mut written = 0;
    for _ in 0..3 + rng.below(3) {
        let length = 12 + rng.below(14);
        let sentence: Vec<&str> = (0..length).map(|_| word(rng, vocabulary)).collect();
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&capitalised(&sentence.join(" ")));
        text.push('.');
        written += length;
    }
    (text, written)
}

/// A [`PlantedCorpus`] laid out as a library of outlets is: each article a file with a
/// headline, a byline naming its outlet, and that outlet's footer (the same 30–40 words under
/// every article of the outlet); and stock phrases of 6–10 words, each in ~1% of the articles
/// across outlets. Real libraries hold both; neither is reuse.
#[derive(Debug, Clone)]
pub struct OutletLibrary {
    /// Each article as a file's text.
    pub files: Vec<String>,
    /// The outlet of each article, as its byline names it.
    pub outlets: Vec<String>,
    /// The planted passages (article indices as in `files`).
    pub planted: Vec<Planted>,
}

/// `count` articles of the planted corpus (see [`planted_corpus`]) spread over `outlets`
/// outlets, with the outlets' footers and `stock_phrases` stock phrases.
pub fn outlet_library(
    seed: u64,
    count: usize,
    outlets: usize,
    passages: usize,
    stock_phrases: usize,
) -> OutletLibrary {
    let corpus = planted_corpus(seed, count, 600, passages, 25..80, 0.10);
    let vocabulary = vocabulary();
    let mut rng = Rng::new(seed ^ 0x0b0e_5eed);
    let newsroom = [
        "Times", "Herald", "Courier", "Post", "Gazette", "Daily", "Tribune",
    ];
    let names: Vec<String> = (0..outlets)
        .map(|i| {
            let name = capitalised(&vocabulary[100 + rng.below(4000)]);
            format!("The {name} {} {}", newsroom[i % newsroom.len()], i + 1)
        })
        .collect();
    let sentence = |rng: &mut Rng, words: usize| {
        let text: Vec<&str> = (0..words).map(|_| word(rng, &vocabulary)).collect();
        format!("{}.", capitalised(&text.join(" ")))
    };
    let footers: Vec<String> = (0..outlets)
        .map(|_| {
            let words = 30 + rng.below(11);
            let first = words / 2;
            format!(
                "{} {}",
                sentence(&mut rng, first),
                sentence(&mut rng, words - first)
            )
        })
        .collect();
    let stock: Vec<String> = (0..stock_phrases)
        .map(|_| {
            let words = 6 + rng.below(5);
            sentence(&mut rng, words)
        })
        .collect();
    let mut files = Vec::with_capacity(count);
    let mut article_outlets = Vec::with_capacity(count);
    for (i, body) in corpus.bodies.iter().enumerate() {
        let outlet = rng.below(outlets);
        let mut paragraphs: Vec<String> = body.split("\n\n").map(str::to_string).collect();
        for phrase in &stock {
            if rng.below(100) == 0 {
                let at = rng.below(paragraphs.len());
                paragraphs[at].push(' ');
                paragraphs[at].push_str(phrase);
            }
        }
        let headline: Vec<String> = (0..7)
            .map(|_| capitalised(word(&mut rng, &vocabulary)))
            .collect();
        let author = format!(
            "{} {}",
            capitalised(&vocabulary[100 + rng.below(4000)]),
            capitalised(&vocabulary[100 + rng.below(4000)])
        );
        files.push(format!(
            "{} {i}\n\nBy {author} | {}\n\n{}\n\n{}\n",
            headline.join(" "),
            names[outlet],
            paragraphs.join("\n\n"),
            footers[outlet]
        ));
        article_outlets.push(names[outlet].clone());
    }
    OutletLibrary {
        files,
        outlets: article_outlets,
        planted: corpus.planted,
    }
}

//! A deterministic generator of synthetic news articles for benchmarks: a headline, a byline, a
//! dateline with outlet and date, and ~600 words of prose from a Zipf-like vocabulary, so the FTS
//! index sees realistic term frequencies. Same seed, same corpus, on every machine.

use std::path::Path;

/// xorshift64*: small, fast and reproducible; no dependency needed for benchmark input.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

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

//! Sentences as weighted term vectors: content words stemmed, numbers kept, abbreviations
//! expanded and synonyms grouped, weighted by rarity in the session and the library, and the
//! similarity of two sentences from them.

use super::{AlignInput, AlignOptions};
use crate::lexicon::{stop_words_of, EXPANSIONS, FUNCTION_WORDS};
use crate::sentences::{primary_language, sentences, Sentence, SentenceKind};
use crate::text::words;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A sentence as weighted terms: `(term id, weight)` sorted by id, and the Euclidean norm.
#[derive(Debug, Clone, Default)]
pub(super) struct Vector {
    pub(super) terms: Vec<(u32, f32)>,
    pub(super) norm: f32,
}

impl Vector {
    pub(super) fn new(terms: Vec<(u32, f32)>) -> Vector {
        let norm = terms.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
        Vector { terms, norm }
    }

    pub(super) fn sum(vectors: &[Vector]) -> Vector {
        let mut all: BTreeMap<u32, f32> = BTreeMap::new();
        for v in vectors {
            for &(t, w) in &v.terms {
                *all.entry(t).or_default() += w;
            }
        }
        Vector::new(all.into_iter().collect())
    }
}

/// The dot product of two sparse vectors and how many terms they share.
pub(super) fn overlap(a: &[(u32, f32)], b: &[(u32, f32)]) -> (f32, usize) {
    let (mut i, mut j, mut sum, mut shared) = (0, 0, 0.0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (sum, shared)
}

pub(super) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    overlap(a, b).0
}

/// The dot product of two sentences as evidence that they make one claim: zero unless they
/// share at least two terms (or all the terms of a one-term sentence). One shared word, however
/// rare, is a topic, not a claim: "Key Actor | Main Objective" and "What is the main reason…"
/// share "main" and nothing else.
pub(super) fn claim_dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (sum, shared) = overlap(a, b);
    if shared >= 2.min(a.len()).min(b.len()) {
        sum
    } else {
        0.0
    }
}

/// Starts the term of a synonym group, so it never collides with a word's own stem.
pub(super) const SYNONYM_MARK: char = '≈';

/// Weight factor of a synonym group's term against the word's own.
pub(super) const SYNONYM_WEIGHT: f32 = 0.6;

/// How many average terms' worth of weight [`Session::soft`] adds to each norm.
pub(super) const SOFT_TERMS: f32 = 3.0;

/// Cosine with softened norms: `soft` is added to both squared norms.
pub(super) fn cosine(dot: f32, norm_a: f32, norm_b: f32, soft: f32) -> f32 {
    if norm_a > 0.0 && norm_b > 0.0 {
        dot / ((norm_a * norm_a + soft).sqrt() * (norm_b * norm_b + soft).sqrt())
    } else {
        0.0
    }
}

/// The session's sentences and their term vectors.
pub(super) struct Session {
    pub(super) sentences: Vec<Vec<Sentence>>,
    pub(super) vectors: Vec<Vec<Vector>>,
    /// Added to every squared norm: a few average terms' worth, so that a three-word list
    /// item or heading does not reach a high cosine by sharing one or two words.
    pub(super) soft: f32,
}

/// A term occurrence before weighting.
pub(super) struct Token {
    pub(super) term: String,
    /// The lower-case word it was made from (before stemming), for library frequencies; none
    /// for the parts of an expanded abbreviation.
    pub(super) surface: Option<String>,
    pub(super) name: bool,
    pub(super) number: bool,
}

/// An article's sentences, and each sentence's content terms: the one reading of a text that
/// the weights, the vectors and the library frequencies all start from.
pub(super) fn sentence_tokens(input: &AlignInput<'_>) -> (Vec<Sentence>, Vec<Vec<Token>>) {
    let found = sentences(input.body, input.language, input.boilerplate);
    let stemmer = Stemmer::create(stemmer_algorithm(input.language));
    let language = primary_language(input.language);
    let english = language == "en";
    let stop_words = (!english).then(|| stop_words_of(&language));
    let tokens = found
        .iter()
        .map(|sentence| {
            let mut tokens = Vec::new();
            tokenize(
                &input.body[sentence.range()],
                sentence.kind,
                &stemmer,
                english,
                stop_words,
                &mut tokens,
            );
            tokens
        })
        .collect();
    (found, tokens)
}

impl Session {
    pub(super) fn new(inputs: &[AlignInput<'_>], options: &AlignOptions) -> Session {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut is_name: Vec<bool> = Vec::new();
        let mut is_number: Vec<bool> = Vec::new();
        let mut is_synonym: Vec<bool> = Vec::new();
        // Per term: the most library articles any of its word forms appears in.
        let mut library_df: Vec<u32> = Vec::new();
        let background = options.background.as_deref();
        let mut all_sentences = Vec::with_capacity(inputs.len());
        // Per article, per sentence: distinct term ids.
        let mut term_sets: Vec<Vec<Vec<u32>>> = Vec::with_capacity(inputs.len());
        let mut total = 0u32;
        for input in inputs {
            let (found, tokenized) = sentence_tokens(input);
            let mut sets = Vec::with_capacity(found.len());
            for tokens in tokenized {
                let mut set = Vec::with_capacity(tokens.len());
                for token in tokens {
                    let next = ids.len() as u32;
                    let synonym = token.term.starts_with(SYNONYM_MARK);
                    let id = *ids.entry(token.term).or_insert(next);
                    if id == next {
                        df.push(0);
                        is_name.push(false);
                        is_number.push(false);
                        is_synonym.push(synonym);
                        library_df.push(0);
                    }
                    is_name[id as usize] |= token.name;
                    is_number[id as usize] |= token.number;
                    if let (Some(background), Some(surface)) = (background, &token.surface) {
                        let seen = background.frequencies.get(surface).copied().unwrap_or(0);
                        library_df[id as usize] = library_df[id as usize].max(seen);
                    }
                    set.push(id);
                }
                set.sort_unstable();
                set.dedup();
                for &id in &set {
                    df[id as usize] += 1;
                }
                total += 1;
                sets.push(set);
            }
            all_sentences.push(found);
            term_sets.push(sets);
        }
        // IDF over sentences: a term in every sentence weighs about nothing, a term in two
        // sentences of fifty weighs ~3.2. The library's frequencies scale it down for words
        // common in every story.
        let weights: Vec<f32> = (0..df.len())
            .map(|t| {
                let idf = ((total as f32 + 1.0) / df[t] as f32).ln()
                    * background.map_or(1.0, |b| b.factor(library_df[t]));
                let boost = if is_number[t] {
                    options.number_boost
                } else if is_name[t] {
                    options.name_boost
                } else if is_synonym[t] {
                    SYNONYM_WEIGHT
                } else {
                    1.0
                };
                idf * boost
            })
            .collect();
        let (mut squares, mut occurrences) = (0.0f32, 0u32);
        for set in term_sets.iter().flatten() {
            squares += set
                .iter()
                .map(|&t| weights[t as usize].powi(2))
                .sum::<f32>();
            occurrences += set.len() as u32;
        }
        let soft = SOFT_TERMS * squares / occurrences.max(1) as f32;
        let vectors = term_sets
            .into_iter()
            .map(|sets| {
                sets.into_iter()
                    .map(|set| {
                        Vector::new(set.into_iter().map(|t| (t, weights[t as usize])).collect())
                    })
                    .collect()
            })
            .collect();
        Session {
            sentences: all_sentences,
            vectors,
            soft,
        }
    }
}

pub(super) fn stemmer_algorithm(tag: &str) -> Algorithm {
    match primary_language(tag).as_str() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => Algorithm::English,
    }
}

pub(super) fn is_stop_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// The content terms of one sentence.
pub(super) fn tokenize(
    text: &str,
    kind: SentenceKind,
    stemmer: &Stemmer,
    english: bool,
    stop_words: Option<&HashSet<&str>>,
    out: &mut Vec<Token>,
) {
    for (position, word) in words(text).enumerate() {
        let raw = word.text;
        if raw.chars().any(|c| c.is_numeric()) {
            // "1,200" and "1200" are one number; "3.5" keeps its point.
            let term: String = raw.chars().filter(|&c| c != ',').collect();
            let term = term.to_lowercase();
            out.push(Token {
                surface: Some(term.clone()),
                term,
                name: false,
                number: true,
            });
            continue;
        }
        // Headings are often in title case, and the first word of a sentence is capitalised
        // anyway: only capitals inside prose and list items mark a name.
        let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
        let name = capitalised && position > 0 && kind != SentenceKind::Heading;
        let mut lower = raw.to_lowercase();
        for suffix in ["'s", "’s"] {
            if lower.len() > suffix.len() + 1 && lower.ends_with(suffix) {
                lower.truncate(lower.len() - suffix.len());
            }
        }
        if english {
            // "US" in capitals is the country, "us" in lower case the pronoun.
            let abbreviation = raw.chars().all(|c| c.is_uppercase() || c == '.');
            if abbreviation {
                if let Some((_, long)) = EXPANSIONS.iter().find(|(short, _)| *short == lower) {
                    for part in long.iter() {
                        out.push(Token {
                            term: stemmer.stem(part).into_owned(),
                            surface: None,
                            name: true,
                            number: false,
                        });
                    }
                    continue;
                }
            }
            if is_stop_word(&lower) {
                continue;
            }
        }
        if stop_words.is_some_and(|words| words.contains(lower.as_str())) {
            continue;
        }
        if lower.chars().count() < 2 {
            continue;
        }
        let term = stemmer.stem(&lower).into_owned();
        // Paraphrases: "talks" and "discussions" also share a group term, weighed below the
        // words themselves, so the same word still counts most (names keep their own).
        let group = (english && !name)
            .then(|| super::synonyms::group_of(&term))
            .flatten();
        out.push(Token {
            term,
            surface: Some(lower),
            name,
            number: false,
        });
        if let Some(group) = group {
            out.push(Token {
                term: format!("{SYNONYM_MARK}{group}"),
                surface: None,
                name: false,
                number: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_text_loses_spanish_stop_words_and_keeps_spanish_stems() {
        let input = AlignInput {
            id: crate::ArticleId(1),
            body: "Las autoridades de Noruega reforzaron la vigilancia en la frontera.",
            boilerplate: &[],
            language: "es",
        };
        let (_, tokens) = sentence_tokens(&input);
        let terms: Vec<&str> = tokens[0].iter().map(|t| t.term.as_str()).collect();
        assert!(
            !terms.iter().any(|t| ["las", "de", "la", "en"].contains(t)),
            "{terms:?}"
        );
        assert!(terms.contains(&"autor"), "Spanish stemming: {terms:?}");
    }

    #[test]
    fn abbreviations_meet_their_long_form_and_numbers_lose_separators() {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut tokens = Vec::new();
        tokenize(
            "The U.S. sent 1,200 troops to us.",
            SentenceKind::Prose,
            &stemmer,
            true,
            None,
            &mut tokens,
        );
        let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        // "troops" also carries the military group's term (see `synonyms`).
        assert_eq!(
            terms,
            vec!["unit", "state", "sent", "1200", "troop", "≈militari"]
        );
    }
}

//! One reading of an article for the framing analyses: its sentences (boilerplate skipped), its
//! words with byte offsets, which of them are function words, and its lede.

use super::FramingArticle;
use crate::lexicon::is_function_word_of;
use crate::sentences::{primary_language, sentences, Sentence, SentenceKind};
use crate::text::words;
use std::ops::Range;

/// A word of an article's sentences.
#[derive(Debug, Clone)]
pub(super) struct ReadWord {
    /// Byte offset of its first byte.
    pub start: usize,
    /// One past its last byte, a possessive ending ("'s") left out.
    pub end: usize,
    /// Lower-case, possessive ending left out.
    pub lower: String,
    /// Its sentence (index into [`Reading::sentences`]).
    pub sentence: usize,
    /// A function word of the article's language ("the", "said", "de").
    pub function: bool,
    /// It follows the word before it in the same sentence with only spaces or one hyphen
    /// between: the two can make a phrase.
    pub joined: bool,
    /// It begins with an upper-case letter.
    pub capitalised: bool,
    /// It is the first word of its sentence.
    pub opens_sentence: bool,
}

impl ReadWord {
    /// Its byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// An article as the framing analyses read it.
pub(super) struct Reading<'a> {
    pub body: &'a str,
    pub sentences: Vec<Sentence>,
    pub words: Vec<ReadWord>,
    /// The first paragraph of prose: the byte range of its line.
    pub lede: Range<usize>,
}

impl<'a> Reading<'a> {
    /// Reads an article; `split` are its sentences when the alignment has already found them
    /// (the same splitter on the same text), else they are found here.
    pub fn new(article: &FramingArticle<'a>, split: Option<&[Sentence]>) -> Reading<'a> {
        let text = &article.text;
        let language = primary_language(text.language);
        let language = if language.is_empty() {
            "en".to_string()
        } else {
            language
        };
        let found = split.map_or_else(
            || sentences(text.body, text.language, text.boilerplate),
            <[Sentence]>::to_vec,
        );
        let mut read = Vec::new();
        for (index, sentence) in found.iter().enumerate() {
            let mut previous_end: Option<usize> = None;
            for word in words(&text.body[sentence.range()]) {
                let start = sentence.start + word.start;
                let core = strip_possessive(word.text);
                let end = start + core.len();
                if core.is_empty() {
                    continue;
                }
                let gap = previous_end.map(|p| text.body[p..start].trim());
                let joined = matches!(gap, Some("") | Some("-"));
                let lower = core.to_lowercase();
                read.push(ReadWord {
                    start,
                    end,
                    function: is_function_word_of(&language, &lower),
                    lower,
                    sentence: index,
                    joined,
                    capitalised: core.chars().next().is_some_and(char::is_uppercase),
                    opens_sentence: previous_end.is_none(),
                });
                // The possessive ending is not between words: "Maduro's government" is joined.
                previous_end = Some(start + word.text.len());
            }
        }
        let lede = found
            .iter()
            .find(|s| s.kind == SentenceKind::Prose)
            .map(|s| line_of(text.body, s.start))
            .unwrap_or(0..0);
        Reading {
            body: text.body,
            sentences: found,
            words: read,
            lede,
        }
    }

    /// How many words are content words (not function words, with a letter).
    pub fn content_words(&self) -> usize {
        self.words.iter().filter(|w| is_content(w)).count()
    }
}

/// A word that says something: not a function word, and not a bare number.
pub(super) fn is_content(word: &ReadWord) -> bool {
    !word.function && word.lower.chars().any(char::is_alphabetic)
}

/// The byte range of the line (paragraph) holding byte `at`, without its line break.
fn line_of(body: &str, at: usize) -> Range<usize> {
    let start = body[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = body[at..].find('\n').map_or(body.len(), |i| at + i);
    start..end
}

/// "Maduro's" -> "Maduro"; "Reuters'" stays (a name ending in s keeps its s).
fn strip_possessive(word: &str) -> &str {
    for ending in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(ending) {
            return stem;
        }
    }
    word
}

pub(super) use crate::text::fold;

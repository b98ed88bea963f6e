//! Frame profiles: how much of an article's wording touches each dimension of the Policy
//! Frames Codebook, from the lexicon in `lexicon/frames.rs`, with the words that made each
//! score.

use super::reading::{is_content, Reading};
use crate::ids::ArticleId;
use crate::lexicon::FRAME_WORDS;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The frame dimensions, as `(key, label)`, in the codebook's order.
pub const FRAME_DIMENSIONS: &[(&str, &str)] = &[
    ("economic", "Economic"),
    ("capacity", "Capacity and resources"),
    ("morality", "Morality"),
    ("fairness", "Fairness and equality"),
    ("legality", "Legality and constitutionality"),
    ("policy", "Policy prescription"),
    ("crime", "Crime and punishment"),
    ("security", "Security and defence"),
    ("health", "Health and safety"),
    ("quality_of_life", "Quality of life"),
    ("cultural_identity", "Cultural identity"),
    ("public_opinion", "Public opinion"),
    ("political", "Political"),
    ("external_reputation", "External regulation and reputation"),
];

/// One article's frame profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FrameProfile {
    /// The article.
    pub article: ArticleId,
    /// Per dimension key: its words per 100 content words of the article.
    pub scores: BTreeMap<String, f32>,
    /// Per dimension key: the byte ranges of the words that made its score.
    #[cfg_attr(feature = "ts", ts(as = "BTreeMap<String, Vec<[usize; 2]>>"))]
    pub evidence: BTreeMap<String, Vec<[usize; 2]>>,
    /// Content words read.
    pub words: usize,
}

/// Each article's frame profile.
pub(super) fn profiles(readings: &[Reading<'_>], ids: &[ArticleId]) -> Vec<FrameProfile> {
    readings
        .iter()
        .zip(ids)
        .map(|(reading, &article)| {
            let mut evidence: BTreeMap<String, Vec<[usize; 2]>> = FRAME_DIMENSIONS
                .iter()
                .map(|(key, _)| (key.to_string(), Vec::new()))
                .collect();
            let words = &reading.words;
            let mut i = 0;
            while i < words.len() {
                let mut taken = 1;
                if is_content(&words[i]) {
                    if let Some((frame, length)) = frame_at(reading, i) {
                        let end = words[i + length - 1].end;
                        if let Some(spans) = evidence.get_mut(frame) {
                            spans.push([words[i].start, end]);
                        }
                        taken = length;
                    }
                }
                i += taken;
            }
            let content = reading.content_words();
            let scores = evidence
                .iter()
                .map(|(key, spans)| {
                    let per_hundred = if content == 0 {
                        0.0
                    } else {
                        spans.len() as f32 * 100.0 / content as f32
                    };
                    (key.clone(), per_hundred)
                })
                .collect();
            FrameProfile {
                article,
                scores,
                evidence,
                words: content,
            }
        })
        .collect()
}

/// A lexicon entry's words: each a beginning, or a whole word.
struct Entry {
    frame: &'static str,
    parts: Vec<(&'static str, bool)>,
}

/// The lexicon's entries, parsed once and filed by their first byte (in lexicon order).
fn entries(first: u8) -> &'static [Entry] {
    static ENTRIES: std::sync::OnceLock<Vec<Vec<Entry>>> = std::sync::OnceLock::new();
    let by_byte = ENTRIES.get_or_init(|| {
        let mut by_byte: Vec<Vec<Entry>> = (0..256).map(|_| Vec::new()).collect();
        for (frame, entries) in FRAME_WORDS {
            for entry in *entries {
                let parts: Vec<(&str, bool)> = entry
                    .split(' ')
                    .map(|part| match part.strip_suffix('$') {
                        Some(whole) => (whole, true),
                        None => (part, false),
                    })
                    .collect();
                by_byte[usize::from(entry.as_bytes()[0])].push(Entry { frame, parts });
            }
        }
        by_byte
    });
    &by_byte[usize::from(first)]
}

/// The first frame whose entry matches the words from `i`, and how many words it took.
fn frame_at(reading: &Reading<'_>, i: usize) -> Option<(&'static str, usize)> {
    let words = &reading.words;
    let first = *words[i].lower.as_bytes().first()?;
    entries(first)
        .iter()
        .find(|entry| {
            entry.parts.iter().enumerate().all(|(k, &(part, whole))| {
                words.get(i + k).is_some_and(|word| {
                    (k == 0 || word.joined)
                        && if whole {
                            word.lower == part
                        } else {
                            word.lower.starts_with(part)
                        }
                })
            })
        })
        .map(|entry| (entry.frame, entry.parts.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_dimension_is_a_codebook_dimension_in_order() {
        let keys: Vec<&str> = FRAME_WORDS.iter().map(|(k, _)| *k).collect();
        let dimensions: Vec<&str> = FRAME_DIMENSIONS.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, dimensions);
    }
}

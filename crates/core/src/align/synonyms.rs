//! Words that news reports use for one another ("talks" / "discussions" / "dialogue"), so that
//! sentence similarity sees a paraphrase's shared claim. English only; written by us for news
//! wording, kept small on purpose: each group must mean the same thing in nearly every news
//! sentence, or it would pair sentences that make different claims.

use crate::lexicon::SYNONYM_GROUPS;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Stem -> the stem of its group's first word.
fn table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut table = HashMap::new();
        for group in SYNONYM_GROUPS {
            let name = stemmer.stem(group[0]).into_owned();
            for word in *group {
                table.insert(stemmer.stem(word).into_owned(), name.clone());
            }
        }
        table
    })
}

/// The term an English stem stands for: its group's name, or `None` when it is in no group.
pub(crate) fn group_of(stem: &str) -> Option<&'static str> {
    table().get(stem).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_in_one_group_only() {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (g, group) in SYNONYM_GROUPS.iter().enumerate() {
            for word in *group {
                let stem = stemmer.stem(word).into_owned();
                if let Some(other) = seen.insert(stem.clone(), g) {
                    assert_eq!(other, g, "{word:?} ({stem}) is in groups {other} and {g}");
                }
            }
        }
    }

    #[test]
    fn inflected_forms_meet_in_their_group() {
        let stemmer = Stemmer::create(Algorithm::English);
        let group = |word: &str| group_of(&stemmer.stem(word)).map(str::to_string);
        assert_eq!(group("discussions"), group("talks"));
        assert_eq!(group("restoring"), group("resumed"));
        assert_eq!(group("ties"), group("relations"));
        assert_eq!(group("evacuated"), group("relocated"));
        assert_eq!(group("floodgate"), None);
    }
}

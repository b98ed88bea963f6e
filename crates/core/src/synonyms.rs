//! Words that news reports use for one another ("talks" / "discussions" / "dialogue"), so that
//! sentence similarity sees a paraphrase's shared claim. English only; written by us for news
//! wording, kept small on purpose: each group must mean the same thing in nearly every news
//! sentence, or it would pair sentences that make different claims.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Each group's words are one term; the first word names it. Words whose stems collide with
/// another sense are left out ("authorities" and "author" share a stem; "renewed" and "revived"
/// say more than "restored"; "initiate" and "initial" share one).
const GROUPS: &[&[&str]] = &[
    &[
        "talk",
        "discussion",
        "dialogue",
        "dialog",
        "negotiation",
        "conversation",
    ],
    &["restore", "reestablish", "re-establish", "resume"],
    &["begin", "start", "launch", "commence"],
    &["end", "finish", "conclude", "halt", "cease"],
    &["rise", "increase", "climb", "soar"],
    &["fall", "decrease", "drop", "decline", "plunge", "slump"],
    &["evacuate", "relocate"],
    &["kill", "die", "dead", "death"],
    &["injure", "injury", "wound", "hurt"],
    &["agreement", "deal", "accord", "pact"],
    &["meeting", "summit"],
    &["company", "firm", "corporation"],
    &["warn", "warning", "caution"],
    &[
        "criticize",
        "criticise",
        "criticism",
        "condemn",
        "condemnation",
        "denounce",
    ],
    &["announce", "announcement", "declare", "unveil"],
    &["plan", "proposal"],
    &["aim", "seek", "intend", "goal", "objective"],
    &["expand", "widen", "broaden"],
    &["cut", "reduce", "reduction", "slash"],
    &["buy", "purchase", "acquire", "acquisition"],
    &["help", "aid", "assist", "assistance"],
    &["law", "legislation"],
    &["arrest", "detain", "detention"],
    &["prison", "jail"],
    &[
        "migrant",
        "migration",
        "immigrant",
        "immigration",
        "migrate",
    ],
    &["preliminary", "exploratory", "initial", "tentative"],
    &["relation", "relationship", "tie"],
    &["country", "nation"],
    &["government", "administration"],
    &["oil", "crude", "petroleum"],
    &["economy", "economic"],
    &["military", "army", "troop"],
    &["attack", "assault"],
    &["bomb", "blast", "explosion", "explosive"],
    &["fire", "blaze"],
    &["flood", "flooding", "inundate"],
    &["ship", "vessel", "boat"],
    &["car", "vehicle"],
    &["money", "fund", "funding"],
    &["reveal", "disclose"],
    &["investigate", "investigation", "probe", "inquiry"],
    &["protest", "demonstration", "rally"],
    &["resident", "inhabitant"],
    &["approve", "approval", "endorse"],
    &["reject", "rejection", "refuse", "refusal"],
    &["ease", "relax", "loosen", "lift"],
    &["tension", "friction", "hostility"],
    &["cooperation", "collaboration", "cooperate", "collaborate"],
];

/// Stem -> the stem of its group's first word.
fn table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut table = HashMap::new();
        for group in GROUPS {
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
        for (g, group) in GROUPS.iter().enumerate() {
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

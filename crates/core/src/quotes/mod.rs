//! Direct quotations in an article body, their speakers, and quotations matched across
//! articles.
//!
//! Finding ([`quotes`]) reads the body line by line: each line is a paragraph, list item or
//! table row of the normalised body; boilerplate lines are skipped.
//! - Marks: straight `"…"`, curly `“…”`, low-high `„…“`, guillemets `«…»` and `»…«`, single
//!   `‘…’` and `‚…‘`. Marks that may open or close (`"`, `”`, `»`) open only where a word may
//!   start. A `’` between letters or digits (don’t, Venezuela’s), after a space (’90s) or ending
//!   a plural possessive inside a single-quoted passage (the ministers’ plan) is an apostrophe,
//!   never a closing mark. Marks inside a quotation belong to it: only outermost quotations are
//!   reported. Straight single marks are left alone: they are apostrophes far more often.
//! - A quotation still open at the end of its paragraph continues when the next paragraph opens
//!   with the same mark (the convention for long quotations); otherwise it ends there.
//! - Two quotations of one paragraph with only an attribution between them (`“A,” says X. “B.”`,
//!   `“A,” X said, “B.”`) are one quotation in two parts, unless the second has an attribution
//!   of its own.
//!
//! The sentence around a quotation is cut where [`crate::sentences`] (sentencex) ends one inside
//! the line, or at a table bar. The code follows these steps: `marks` (lines, marks, sentences
//! around, split quotations), `speakers` (attributions, names, roles, pronouns), `matching`.
//!
//! Kinds: words set off as a whole utterance (starting their sentence or after a colon, comma
//! or dash, and ending it, ending with punctuation of their own, or followed by punctuation) are
//! [`QuoteKind::Full`]; words inside the writer's own sentence are [`QuoteKind::Partial`], or
//! [`QuoteKind::Scare`] when they are one to three words with no speaker.
//!
//! Speakers come from an attribution verb ("said", "told", "explains", "according to", …) right
//! after the quotation, between its parts, before it in its sentence, or ending the paragraph
//! before it ("One official said,"); partial quotations also take verbs of naming ("called",
//! "described", "signaled"), and a quotation without a verb of its own shares the one of a
//! quotation earlier in its sentence. The phrase on the verb's other side is split into a name
//! (the last run of capitalised words that is neither a modifier, as in "State Department
//! official", nor the object of a preposition; titles and honorifics are left out, except in an
//! institution's name such as "Foreign Ministry") and a role (the words before the name and an
//! appositive after a comma). A phrase with no name but a person noun ("a senior official",
//! "diplomats") is an anonymous source. "he" and "she" stand for the last source when it is one
//! person (named or not), else for the last named speaker; "they" for the last source. A surname
//! alone is completed from an earlier speaker or the first full mention in the body.
//!
//! Matching ([`match_quotes`]) compares quotations as sequences of lower-case words, so case,
//! punctuation, quote marks and spacing do not count.
//!
//! Everything is deterministic: one pass in text order, word lists fixed, matches sorted.

mod marks;
mod matching;
mod speakers;

pub use matching::{match_quotes, QuoteMatch, QuoteRelation};

use crate::text::words;
use marks::{
    after_range, before_range, is_utterance, join_split_quotations, marked_quotations, read_lines,
};
use serde::{Deserialize, Serialize};
use speakers::{
    attribution_after, attribution_before, introducing_paragraph, reported_speaker, Found, Source,
    SpeakerMemory, Verbs,
};
use std::ops::Range;

/// What a quotation is, by how it sits in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole utterance set off from the writer's sentence: `“We are ready,” she said.`
    Full,
    /// Words quoted inside the writer's own sentence: `He called the talks “a significant step”
    /// toward normal ties.`
    Partial,
    /// One to three words set off for irony or distance, with no speaker: `the so-called
    /// “experts”`.
    Scare,
}

/// One direct quotation of an article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// Byte offset of the first part's opening mark.
    pub start: usize,
    /// Byte offset one past the last part's closing mark. An unclosed quotation ends with its
    /// paragraph, or with its last word when another quotation opens with the same mark.
    pub end: usize,
    /// Byte ranges of the quoted words of each part, marks and surrounding spaces excluded. A
    /// quotation split by its attribution, or running over several paragraphs, has several.
    #[serde(with = "crate::text::spans")]
    #[cfg_attr(feature = "ts", ts(as = "Vec<[usize; 2]>"))]
    pub parts: Vec<Range<usize>>,
    /// The quoted words: the parts joined by a single space.
    pub text: String,
    /// Full, partial or scare quotation.
    pub kind: QuoteKind,
    /// The speaker's name as written ("Carlos Ramirez", or an institution's: "White House"),
    /// completed from an earlier mention when only the surname is given. `None` for an
    /// anonymous or unknown source.
    pub speaker: Option<String>,
    /// The speaker's title or role ("energy analyst"), or for an anonymous source its
    /// description ("a senior official involved in the process").
    pub role: Option<String>,
    /// Whether the source is described but not named.
    pub anonymous: bool,
    /// Byte range of the attribution (verb and source phrase), when there is one. It may lie in
    /// the paragraph before the quotation ("One official said,").
    pub attribution: Option<Range<usize>>,
}

/// Most words between two quotations of one sentence that share a source.
const MAX_SHARED_GAP_WORDS: usize = 12;

/// The direct quotations of `body`, in text order, skipping the `boilerplate` byte ranges.
pub fn quotes(body: &str, boilerplate: &[Range<usize>]) -> Vec<Quote> {
    let lines = read_lines(body, boilerplate);
    let marked = marked_quotations(body, &lines);
    let groups = join_split_quotations(body, &lines, &marked);
    let mut memory = SpeakerMemory::new(body);
    let mut out: Vec<Quote> = Vec::with_capacity(groups.len());
    // The attribution of the quotation before, with its line and end.
    let mut previous: Option<(usize, usize, Option<Found>)> = None;
    for group in groups {
        let first = &marked[group.first];
        let last = &marked[group.last];
        let parts: Vec<Range<usize>> = marked[group.first..=group.last]
            .iter()
            .flat_map(|m| m.parts.iter().cloned())
            .collect();
        let text = parts
            .iter()
            .map(|p| &body[p.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        let before = before_range(body, &lines, &marked, group.first);
        let after = after_range(body, &lines, &marked, group.last);
        let last_part = parts.last().map_or("", |p| &body[p.clone()]);
        let utterance =
            parts.len() > 1 || is_utterance(&body[before.clone()], last_part, &body[after.clone()]);
        let found = if utterance {
            group
                .between
                .or_else(|| attribution_after(body, after.clone(), true, Verbs::Speech))
                .or_else(|| attribution_before(body, before.clone(), Verbs::Speech))
                .or_else(|| introducing_paragraph(body, &lines, first, &before))
        } else {
            attribution_after(body, after.clone(), false, Verbs::Speech)
                .or_else(|| attribution_before(body, before.clone(), Verbs::SpeechOrNaming))
        };
        // `Lopez called it “historic” and “overdue.”`: a quotation in the same sentence as the
        // one before, with none of its own, shares its source. Close by only: when the sentence
        // splitter misses an end, sentences of narration between them still part them.
        let found = found.or_else(|| match &previous {
            Some((line, end, Some(found)))
                if *line == first.first_line
                    && words(&body[*end..first.start]).count() <= MAX_SHARED_GAP_WORDS
                    && lines[*line].sentence_start(body, *end..first.start) == *end =>
            {
                Some(found.clone())
            }
            _ => None,
        });
        // The narration since the quotation before: who it has just named as speaking.
        // Boilerplate (a newsletter prompt) between them is not narration.
        let mut since = previous.as_ref().map_or(0, |(_, end, _)| *end)..first.start;
        if let Some(skip) = boilerplate
            .iter()
            .filter(|b| b.end <= first.start && b.end > since.start && body.is_char_boundary(b.end))
            .max_by_key(|b| b.end)
        {
            since.start = skip.end;
        }
        let found = match found {
            // "“…,” he said" right after "Waugh says tailenders…": he is Waugh, not whoever
            // was quoted further up.
            Some(Found {
                source: Source::Pronoun(speakers::Pronoun::Singular),
                range,
            }) => Some(match reported_speaker(body, since.clone()) {
                Some(reported) => Found { range, ..reported },
                None => Found {
                    source: Source::Pronoun(speakers::Pronoun::Singular),
                    range,
                },
            }),
            // "the Opposition leader said" after "Opposition Leader Simon Crean says": the
            // person the article named with that description; else, "the Palestinian leader
            // said" right after "Mr Arafat told CNN…", the person the narration just named;
            // else, "the retired general said" or "the source said" just after a quotation of
            // one person, that person again.
            Some(Found {
                source: Source::Unnamed { role },
                range,
            }) if memory.is_definite_description(&role) => {
                let named = memory.named_by_role(&role, first.start).or_else(|| {
                    match reported_speaker(body, since.clone()) {
                        Some(Found {
                            source: Source::Named { name, .. },
                            ..
                        }) => Some(name),
                        _ => None,
                    }
                });
                let source = match (named, just_quoted_person(body, &previous, first.start)) {
                    (Some(name), _) => Source::Named {
                        name,
                        role: Some(role),
                    },
                    (None, Some(Source::Named { name, .. })) => Source::Named {
                        name,
                        role: Some(role),
                    },
                    (None, Some(earlier)) => earlier,
                    (None, None) => Source::Unnamed { role },
                };
                Some(Found { source, range })
            }
            // A quotation with no attribution of its own: the speaker just introduced, else
            // the one quoted before continues.
            // ("“…,” the ministry said" has an attribution, only not a person we can name.)
            None if (utterance || words(&text).count() > 3)
                && !speakers::has_speech_verb_after(body, after.clone()) =>
            {
                reported_speaker(body, since.clone())
                    .or_else(|| previous.as_ref().and_then(|(_, _, found)| found.clone()))
            }
            found => found,
        };
        previous = Some((last.last_line, last.end, found.clone()));
        let kind = if utterance {
            QuoteKind::Full
        } else if found.is_none() && words(&text).count() <= 3 {
            QuoteKind::Scare
        } else {
            QuoteKind::Partial
        };
        let (speaker, role, anonymous) = match &found {
            Some(found) => memory.resolve(&found.source),
            None => (None, None, false),
        };
        out.push(Quote {
            start: first.start,
            end: last.end,
            parts,
            text,
            kind,
            speaker,
            role,
            anonymous,
            attribution: found.map(|f| f.range),
        });
    }
    out
}

/// The one person the quotation before `at` was attributed to, when it ended close by: the
/// referent a description with nothing else to resolve to most likely has.
fn just_quoted_person(
    body: &str,
    previous: &Option<(usize, usize, Option<Found>)>,
    at: usize,
) -> Option<Source> {
    /// Most words of narration between the two quotations: about a paragraph.
    const CLOSE_BY_WORDS: usize = 60;
    let Some((_, end, Some(found))) = previous else {
        return None;
    };
    if words(&body[*end..at]).count() > CLOSE_BY_WORDS {
        return None;
    }
    match &found.source {
        Source::Named { .. } => Some(found.source.clone()),
        Source::Unnamed { role } if speakers::describes_a_person(role) => {
            Some(found.source.clone())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<String> {
        quotes(body, &[]).into_iter().map(|q| q.text).collect()
    }

    #[test]
    fn apostrophes_do_not_close_single_quotes() {
        let body = "‘Venezuela’s neighbours don’t want the ministers’ plan,’ she said.";
        assert_eq!(
            texts(body),
            vec!["Venezuela’s neighbours don’t want the ministers’ plan,"]
        );
    }
}

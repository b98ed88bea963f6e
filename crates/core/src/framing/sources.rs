//! Who each article quotes, by kind, from the session's quotations (scare quotes and
//! quotations with no speaker found are not sources).
//!
//! Kinds, in this order: anonymous (described, not named); organisation (an institution speaks,
//! or the name is an organisation among the actors); expert (analyst, professor, a think
//! tank's fellow: a former official now at a university is quoted as an expert); official (the
//! role or title speaks for a state or public body: minister, spokesperson, official); else an
//! ordinary person.

use super::actors::{contains_words, Actor, ActorKind};
use super::reading::fold;
use crate::ids::ArticleId;
use crate::lexicon::{EXPERT_ROLE_WORDS, INSTITUTIONS, OFFICIAL_ROLE_WORDS};
use crate::quotes::QuoteKind;
use crate::session::Quotations;
use serde::{Deserialize, Serialize};

/// What kind of source speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// Speaks for a state or public body.
    Official,
    /// Studies or judges from outside.
    Expert,
    /// Described, not named.
    Anonymous,
    /// An institution speaking as one.
    Organisation,
    /// Anyone else.
    Person,
}

/// One source of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// The article quoting.
    pub article: ArticleId,
    /// The speaker's name (the actor's fullest form when the actors hold it), or for an
    /// anonymous source its description.
    pub speaker: String,
    /// The role or title given.
    pub role: Option<String>,
    /// Official, expert, anonymous, organisation or person.
    pub kind: SourceKind,
    /// Quotations given to the source.
    pub quotes: usize,
    /// Words quoted.
    pub words: usize,
    /// The quotations (session quotation ids).
    pub quotations: Vec<usize>,
}

/// The sources of every article, articles in column order and each one's by words quoted.
pub(super) fn sources(quotations: &Quotations, actors: &[Actor]) -> Vec<Source> {
    let mut found: Vec<(usize, Source)> = Vec::new();
    for quote in &quotations.quotes {
        let q = &quote.quote;
        if q.kind == QuoteKind::Scare {
            continue;
        }
        let speaker = match (&q.speaker, &q.role, q.anonymous) {
            (Some(name), _, _) => full_name(name, actors),
            (None, Some(role), true) => role.clone(),
            _ => continue,
        };
        let words = q.text.split_whitespace().count();
        match found
            .iter_mut()
            .find(|(column, s)| *column == quote.column && fold(&s.speaker) == fold(&speaker))
        {
            Some((_, source)) => {
                source.quotes += 1;
                source.words += words;
                source.quotations.push(quote.id);
                if source.role.is_none() {
                    source.role = q.role.clone();
                }
            }
            None => found.push((
                quote.column,
                Source {
                    article: quote.article,
                    kind: SourceKind::Person,
                    speaker,
                    role: q.role.clone(),
                    quotes: 1,
                    words,
                    quotations: vec![quote.id],
                },
            )),
        }
    }
    for (_, source) in &mut found {
        let anonymous = source.quotations.iter().any(|&id| {
            let q = &quotations.quotes[id].quote;
            q.anonymous && q.speaker.is_none()
        });
        source.kind = kind_of(source, anonymous, actors);
    }
    found.sort_by(|(a, x), (b, y)| a.cmp(b).then(y.words.cmp(&x.words)));
    found.into_iter().map(|(_, s)| s).collect()
}

/// The actor's fullest name for a speaker named by a form of it ("Maduro" -> "Nicolás
/// Maduro"); the name as given otherwise.
fn full_name(name: &str, actors: &[Actor]) -> String {
    let folded = fold(name);
    actors
        .iter()
        .find(|a| a.aliases.iter().any(|alias| fold(alias) == folded))
        .map_or_else(|| name.to_string(), |a| a.name.clone())
}

fn kind_of(source: &Source, anonymous: bool, actors: &[Actor]) -> SourceKind {
    if anonymous {
        return SourceKind::Anonymous;
    }
    let speaker = fold(&source.speaker);
    let speaker_words: Vec<&str> = speaker.split_whitespace().collect();
    let actor_kind = actors
        .iter()
        .find(|a| fold(&a.name) == speaker)
        .map(|a| a.kind);
    let institution = speaker_words
        .last()
        .is_some_and(|w| INSTITUTIONS.contains(w));
    if institution || actor_kind == Some(ActorKind::Organisation) {
        return SourceKind::Organisation;
    }
    let role = fold(source.role.as_deref().unwrap_or(""));
    let titles: String = actors
        .iter()
        .find(|a| fold(&a.name) == speaker)
        .map(|a| fold(&a.titles.join(" ")))
        .unwrap_or_default();
    let said_by = |list: &[&str]| {
        [&role, &titles]
            .iter()
            .any(|text| list.iter().any(|w| contains_words(text, w)))
    };
    if said_by(EXPERT_ROLE_WORDS) {
        SourceKind::Expert
    } else if said_by(OFFICIAL_ROLE_WORDS) {
        SourceKind::Official
    } else {
        SourceKind::Person
    }
}

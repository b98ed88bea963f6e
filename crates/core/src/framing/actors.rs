//! The people, organisations and places each article names, one actor across its forms.
//!
//! A name is a run of capitalised words in a sentence of prose or a list (headings are left
//! out: their Title Case makes every word look like a name), with the particles of names
//! inside ("Ana de la Vega", "Bank of America"). Leading words that are not names are dropped
//! ("The", a sentence opener the session writes in lower case elsewhere), and so are titles
//! and offices before a name ("Secretary of State Marco Rubio" is Marco Rubio, titled
//! Secretary of State). A capitalised word that only ever opens a sentence is not a name.
//!
//! What is merged, and nothing more:
//! - the same name in any case or accents ("Nicolás Maduro", "NICOLAS MADURO");
//! - a name and a longer one it begins ("Nicolás Maduro", "Nicolás Maduro Moros");
//! - a lone surname, or the end of a name, and the one full name of the session holding it
//!   after its first word ("Maduro" with "Nicolás Maduro", "bin Laden" with "Osama bin
//!   Laden"); with two such people, it stays apart;
//! - an abbreviation and the name it stands for ("U.S.", "US", "United States").
//!
//! A capital is not its government: "Washington" stays a place and is not merged with the
//! United States, whatever the sentence means.

use super::reading::{fold, is_content, ReadWord, Reading};
use crate::groups::Groups;
use crate::ids::ArticleId;
use crate::lexicon::{
    is_country, is_not_name, EXPANSIONS, HONORIFICS, INSTITUTIONS, IRREGULAR_DEMONYMS,
    NAME_PARTICLES, NEWSROOM_WORDS, PLACE_NAME_STARTS, PLACE_WORDS, ROLE_HEADS, TITLES,
};
use crate::sentences::SentenceKind;
use crate::session::Quotations;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// Named with a title, quoted by name, or a full name of two to four words.
    Person,
    /// An institution, company, party or newsroom ("Foreign Ministry", "PDVSA").
    Organisation,
    /// A country or region, a name of a place's form ("Gulf Coast", "New South Wales"), or a
    /// name standing after "in", "at", "near".
    Place,
    /// A name we cannot place.
    Other,
}

/// An actor named by the session's articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    /// Its fullest name as written most often.
    pub name: String,
    /// Person, organisation, place or other.
    pub kind: ActorKind,
    /// Every form the articles name it by, titles left out, the most frequent first.
    pub aliases: Vec<String>,
    /// Titles written before its name ("President", "Secretary of State").
    pub titles: Vec<String>,
    /// Per article naming it, in column order.
    pub mentions: Vec<ActorMention>,
}

/// How one article names an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ActorMention {
    /// The article.
    pub article: ArticleId,
    /// How many times its body names the actor.
    pub count: usize,
    /// Byte offset of the first naming in the body.
    pub first: usize,
    /// Its headline names the actor.
    pub in_headline: bool,
    /// Its lede (first paragraph) names the actor.
    pub in_lede: bool,
    /// Byte ranges of the namings.
    #[serde(with = "crate::text::spans")]
    #[cfg_attr(feature = "ts", ts(as = "Vec<[usize; 2]>"))]
    pub spans: Vec<Range<usize>>,
}

/// One naming found in a body.
struct Naming {
    article: usize,
    range: Range<usize>,
    written: String,
    /// Folded words of the name (an abbreviation expanded).
    key: Vec<String>,
    title: Option<String>,
    /// What the naming itself says the actor is: a country, an institution or acronym, a
    /// titled person, a person heading a government.
    hint: Option<ActorKind>,
    /// A lone name after "in", "from", "to": a place, unless a stronger hint says otherwise.
    after_preposition: bool,
    /// It opens a sentence and is one word.
    opener: bool,
    /// Some word of it is a country or a country's adjective.
    of_a_place: bool,
}

/// Prepositions after which a name is a place ("in Caracas", "at Tora Bora"). Not "to" or
/// "from": "according to Maduro", "a blow to Labor", "a letter from Howard".
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "across", "toward", "towards", "en", "hacia",
];

/// Particles that may open a name when a capitalised word follows: "bin Laden", "de Gaulle".
const OPENING_PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "della", "di", "dos", "du", "ibn", "la", "le", "van", "von",
];

/// The actors the articles name (`titles` are their headlines), most prominent first: named by
/// more articles, then more often, then earlier.
pub(super) fn actors(
    readings: &[Reading<'_>],
    titles: &[Option<&str>],
    ids: &[ArticleId],
    quotations: &Quotations,
) -> Vec<Actor> {
    let lower_case: HashSet<&str> = readings
        .iter()
        .flat_map(|r| r.words.iter())
        .filter(|w| !w.capitalised)
        .map(|w| w.lower.as_str())
        .collect();
    let mut namings: Vec<Naming> = Vec::new();
    for (article, reading) in readings.iter().enumerate() {
        for run in name_runs(reading) {
            if let Some(naming) = naming_of(reading, article, &run, &lower_case) {
                namings.push(naming);
            }
        }
    }
    // A capitalised word that only ever opens a sentence is an opener, not a name.
    let mid_sentence: HashSet<Vec<String>> = namings
        .iter()
        .filter(|n| !n.opener)
        .map(|n| n.key.clone())
        .collect();
    namings.retain(|n| {
        !n.opener || n.hint.is_some() || n.after_preposition || mid_sentence.contains(&n.key)
    });

    let speakers: Vec<Vec<String>> = quotations
        .quotes
        .iter()
        .filter_map(|q| q.quote.speaker.as_deref())
        .map(|s| s.split_whitespace().map(fold).collect())
        .collect();

    // Group by key, then merge keys.
    let mut keys: Vec<Vec<String>> = Vec::new();
    let mut by_key: HashMap<Vec<String>, usize> = HashMap::new();
    for naming in &namings {
        let next = keys.len();
        by_key.entry(naming.key.clone()).or_insert_with(|| {
            keys.push(naming.key.clone());
            next
        });
    }
    let mut merged = Groups::new(keys.len());
    let kind_votes = |key: &Vec<String>| -> Vec<ActorKind> {
        namings
            .iter()
            .filter(|n| &n.key == key)
            .filter_map(|n| n.hint)
            .collect()
    };
    let is_not_person = |key: &Vec<String>| {
        kind_votes(key)
            .iter()
            .any(|k| matches!(k, ActorKind::Organisation | ActorKind::Place))
    };
    // A name merges into a longer one it begins.
    for i in 0..keys.len() {
        if keys[i].len() < 2 || is_not_person(&keys[i]) {
            continue;
        }
        let longer: Vec<usize> = (0..keys.len())
            .filter(|&j| keys[j].len() > keys[i].len() && keys[j].starts_with(&keys[i]))
            .filter(|&j| !is_not_person(&keys[j]))
            .collect();
        if let [j] = longer[..] {
            merged.join(i, j);
        }
    }
    // A lone surname ("Maduro"), or the end of a name ("bin Laden"), merges into the one full
    // name holding it after its first word.
    for i in 0..keys.len() {
        if is_not_person(&keys[i]) {
            continue;
        }
        let holds = |j: usize| {
            let (short, long) = (&keys[i], &keys[j]);
            long.len() > short.len()
                && if short.len() == 1 {
                    long[1..].contains(&short[0])
                } else {
                    long.ends_with(short)
                }
        };
        let mut people: Vec<usize> = (0..keys.len())
            .filter(|&j| holds(j))
            .filter(|&j| !is_not_person(&keys[j]))
            .map(|j| merged.root(j))
            .collect();
        people.sort_unstable();
        people.dedup();
        if let [person] = people[..] {
            merged.join(i, person);
        }
    }

    let mut groups: BTreeMap<usize, Vec<&Naming>> = BTreeMap::new();
    for naming in &namings {
        let r = merged.root(by_key[&naming.key]);
        groups.entry(r).or_default().push(naming);
    }
    let folded_titles: Vec<Option<String>> = titles.iter().map(|t| t.map(fold)).collect();
    let mut actors: Vec<(Actor, usize)> = groups
        .into_values()
        .map(|namings| {
            let aliases = by_frequency(namings.iter().map(|n| n.written.clone()));
            let name = namings
                .iter()
                .max_by_key(|n| n.key.len())
                .map(|longest| {
                    // The most frequent form among the longest ones.
                    by_frequency(
                        namings
                            .iter()
                            .filter(|n| n.key.len() == longest.key.len())
                            .map(|n| n.written.clone()),
                    )
                    .remove(0)
                })
                .unwrap_or_default();
            let title_list = by_frequency(namings.iter().filter_map(|n| n.title.clone()));
            let keys_here: HashSet<&Vec<String>> = namings.iter().map(|n| &n.key).collect();
            let quoted = speakers.iter().any(|s| {
                keys_here
                    .iter()
                    .any(|k| s == *k || (k.len() == 1 && s.last() == k.last()))
            });
            let kind = kind_of(&namings, quoted, &lower_case);
            let mut mentions: Vec<ActorMention> = Vec::new();
            let mut first_seen = usize::MAX;
            for article in 0..readings.len() {
                let mut spans: Vec<Range<usize>> = namings
                    .iter()
                    .filter(|n| n.article == article)
                    .map(|n| n.range.clone())
                    .collect();
                if spans.is_empty() {
                    continue;
                }
                spans.sort_by_key(|r| r.start);
                let lede = &readings[article].lede;
                let in_headline = folded_titles[article]
                    .as_deref()
                    .is_some_and(|t| aliases.iter().any(|a| contains_words(t, &fold(a))));
                first_seen = first_seen.min(spans[0].start);
                mentions.push(ActorMention {
                    article: ids[article],
                    count: spans.len(),
                    first: spans[0].start,
                    in_headline,
                    in_lede: spans
                        .iter()
                        .any(|r| lede.start <= r.start && r.end <= lede.end),
                    spans,
                });
            }
            (
                Actor {
                    name,
                    kind,
                    aliases,
                    titles: title_list,
                    mentions,
                },
                first_seen,
            )
        })
        .collect();
    // A lone word of no known kind named once is too little to call an actor.
    actors.retain(|(actor, _)| {
        actor.kind != ActorKind::Other
            || actor.name.contains(' ')
            || actor.mentions.iter().map(|m| m.count).sum::<usize>() > 1
    });
    actors.sort_by(|(a, first_a), (b, first_b)| {
        let total = |x: &Actor| x.mentions.iter().map(|m| m.count).sum::<usize>();
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(total(b).cmp(&total(a)))
            .then(first_a.cmp(first_b))
    });
    actors.into_iter().map(|(a, _)| a).collect()
}

/// Runs of words that may make a name: capitalised words next to each other (only spaces
/// between), with lower-case particles inside.
fn name_runs(reading: &Reading<'_>) -> Vec<Vec<usize>> {
    let words = &reading.words;
    let title_case = title_case_sentences(reading);
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let close = |current: &mut Vec<usize>, runs: &mut Vec<Vec<usize>>| {
        while current.last().is_some_and(|&i| !words[i].capitalised) {
            current.pop();
        }
        if !current.is_empty() {
            runs.push(std::mem::take(current));
        }
        current.clear();
    };
    for (i, word) in words.iter().enumerate() {
        if title_case[word.sentence] {
            close(&mut current, &mut runs);
            continue;
        }
        let follows = current.last().is_some_and(|&last| {
            words[last].sentence == word.sentence
                && reading.body[words[last].end..word.start].trim().is_empty()
                && !has_possessive(reading, &words[last])
        });
        let particle = NAME_PARTICLES.contains(&word.lower.as_str()) || word.lower == "of";
        let opens_name = OPENING_PARTICLES.contains(&word.lower.as_str())
            && !word.opens_sentence
            && words.get(i + 1).is_some_and(|next| {
                next.capitalised
                    && next.sentence == word.sentence
                    && reading.body[word.end..next.start].trim().is_empty()
            });
        if word.capitalised && (follows || current.is_empty()) {
            current.push(i);
        } else if word.capitalised {
            close(&mut current, &mut runs);
            current.push(i);
        } else if particle && follows {
            current.push(i);
        } else if opens_name {
            close(&mut current, &mut runs);
            current.push(i);
        } else {
            close(&mut current, &mut runs);
        }
    }
    close(&mut current, &mut runs);
    runs
}

/// Per sentence: a heading, or a line in Title Case (four content words or more, three in four
/// capitalised): its capitals say nothing about names.
fn title_case_sentences(reading: &Reading<'_>) -> Vec<bool> {
    let mut counts = vec![(0usize, 0usize); reading.sentences.len()];
    for word in reading.words.iter().filter(|w| is_content(w)) {
        let (content, capitalised) = &mut counts[word.sentence];
        *content += 1;
        *capitalised += usize::from(word.capitalised);
    }
    reading
        .sentences
        .iter()
        .zip(counts)
        .map(|(sentence, (content, capitalised))| {
            sentence.kind == SentenceKind::Heading
                || (content >= 4 && capitalised * 4 >= content * 3)
        })
        .collect()
}

/// Whether a word is written with a possessive ending ("Maduro's"): it ends a name.
fn has_possessive(reading: &Reading<'_>, word: &ReadWord) -> bool {
    let rest = &reading.body[word.end..];
    ["'s", "’s", "'S", "’S"].iter().any(|p| rest.starts_with(p))
}

/// A run of capitalised words read as a naming: leading non-names and titles dropped.
fn naming_of(
    reading: &Reading<'_>,
    article: usize,
    run: &[usize],
    lower_case: &HashSet<&str>,
) -> Option<Naming> {
    let words = &reading.words;
    let mut run = run;
    // Leading words that are not names: "The", "In", a sentence opener written in lower case
    // elsewhere ("Officials").
    while let Some((&first, rest)) = run.split_first() {
        let w = &words[first];
        let opener_word = w.opens_sentence && lower_case.contains(w.lower.as_str());
        let particle = OPENING_PARTICLES.contains(&w.lower.as_str()) && !w.capitalised;
        if !particle && (w.function || is_not_name(&w.lower) || opener_word || !w.capitalised) {
            run = rest;
        } else {
            break;
        }
    }
    let last = *run.last()?;
    let lowers: Vec<&str> = run.iter().map(|&i| words[i].lower.as_str()).collect();
    let is_title = |w: &str| TITLES.contains(&w) || HONORIFICS.contains(&w.trim_end_matches('.'));
    let institution = INSTITUTIONS.contains(&words[last].lower.as_str())
        || NEWSROOM_WORDS.contains(&words[last].lower.as_str());
    // Titles before the name: up to the last title word followed by a name word.
    let mut name_from = 0;
    let mut title: Option<String> = None;
    if !institution {
        if let Some(k) = (0..run.len()).rev().find(|&k| is_title(lowers[k])) {
            if k + 1 == run.len() {
                return None; // A title alone ("President", "the Foreign Minister").
            }
            // The title starts at its first title word: "Venezuelan President" is titled
            // "President".
            let start = (0..=k).find(|&j| is_title(lowers[j])).unwrap_or(k);
            let (a, b) = (words[run[start]].start, words[run[k]].end);
            title = Some(reading.body[a..b].to_string());
            name_from = k + 1;
        }
    }
    let name = &run[name_from..];
    let (first, last) = (*name.first()?, *name.last()?);
    let range = words[first].start..words[last].end;
    let written = reading.body[range.clone()].to_string();
    if name
        .iter()
        .all(|&i| is_not_name(&words[i].lower) || words[i].function)
    {
        return None;
    }
    let folded: Vec<String> = name.iter().map(|&i| fold(&words[i].lower)).collect();
    let joined = folded.join(" ");
    let key = match EXPANSIONS.iter().find(|(short, _)| *short == joined) {
        Some((_, long)) if name.len() == 1 => long.iter().map(|w| w.to_string()).collect(),
        _ => folded,
    };
    if is_demonym(&joined) {
        return None; // "Venezuelan", "Latin American": an adjective of a place, not a name.
    }
    if name.len() == 1 && INSTITUTIONS.contains(&words[first].lower.as_str()) {
        return None; // "the Administration", "the Ministry": which one is not said.
    }
    let acronym = name.len() == 1
        && written.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && written.chars().all(|c| c.is_uppercase() || c == '.');
    let before = run
        .first()
        .filter(|&&i| i > 0)
        .map(|&i| &words[i - 1])
        .filter(|w| w.sentence == words[first].sentence);
    let heads_a_government = words.get(last + 1).is_some_and(|w| {
        w.joined && w.sentence == words[last].sentence && ROLE_HEADS.contains(&w.lower.as_str())
    });
    let place_word = name.len() > 1
        && (PLACE_WORDS.contains(&words[last].lower.as_str())
            || PLACE_NAME_STARTS.contains(&words[first].lower.as_str()));
    // "Organization of American States", "Council on Hemispheric Affairs".
    let institution = institution
        || name.len() > 1
            && name
                .iter()
                .any(|&i| INSTITUTIONS.contains(&words[i].lower.as_str()));
    // "Inside Venezuela", "Cuban American": a place's name or adjective inside is not a person's.
    let of_a_place = name.len() > 1
        && name.iter().any(|&i| {
            let folded = fold(&words[i].lower);
            is_country(&folded) || is_demonym(&folded)
        });
    // "the Taliban", "the Pentagon": a lone name that takes an article is not a person's, unless
    // it stands before a noun ("the Biden administration", "the Howard years").
    let next = words
        .get(last + 1)
        .filter(|w| w.joined && w.sentence == words[last].sentence);
    let before_a_noun = next.is_some_and(|w| !w.capitalised && super::reading::is_content(w));
    let after_the = before.is_some_and(|w| w.lower == "the") && name_from == 0 && !before_a_noun;
    let hint = if is_country(&key.join(" ")) || is_country(&joined) || (place_word && !institution)
    {
        Some(ActorKind::Place)
    } else if institution || acronym {
        Some(ActorKind::Organisation)
    } else if heads_a_government || title.is_some() {
        Some(ActorKind::Person)
    } else if after_the && name.len() == 1 {
        Some(ActorKind::Organisation)
    } else if name.len() == 1 && lower_case.contains(words[first].lower.as_str()) {
        // A common word in capitals ("Drugs" in a Title Case list, "Rights"): not a name.
        return None;
    } else {
        None
    };
    // An abbreviation keeps its last point: "U.S." (the word ends before it).
    let range = if written.contains('.') && reading.body[range.end..].starts_with('.') {
        range.start..range.end + 1
    } else {
        range
    };
    let written = reading.body[range.clone()].to_string();
    Some(Naming {
        article,
        range,
        written,
        key,
        title,
        hint,
        after_preposition: name.len() <= 3
            && name_from == 0
            && before.is_some_and(|w| PLACE_PREPOSITIONS.contains(&w.lower.as_str())),
        opener: name.len() == 1 && words[first].opens_sentence,
        of_a_place,
    })
}

/// Whether a folded name is the adjective of a listed country or region: "venezuelan",
/// "brazilian", "mexican", "chinese", "latin american".
fn is_demonym(folded: &str) -> bool {
    if IRREGULAR_DEMONYMS.contains(&folded) {
        return true;
    }
    // "Venezuelans", "Colombians": the plural is the people of the place.
    let folded = folded.strip_suffix('s').unwrap_or(folded);
    let stems = [
        // "Palestinian" (Palestine), "Israeli", "Pakistani", "Iraqi".
        folded.strip_suffix("ian").map(|s| format!("{s}e")),
        folded.strip_suffix('i').map(str::to_string),
        folded.strip_suffix('n').map(str::to_string),
        folded.strip_suffix("ian").map(str::to_string),
        folded.strip_suffix("ian").map(|s| format!("{s}a")),
        folded.strip_suffix("an").map(|s| format!("{s}o")),
        folded.strip_suffix("ese").map(|s| format!("{s}a")),
    ];
    stems.into_iter().flatten().any(|stem| is_country(&stem))
}

/// An actor's kind from its namings' hints: organisation or place when a naming says so,
/// person when titled, quoted or heading a government, or for a full name of two to four
/// words whose last word the session never writes in lower case ("Human Rights Watch" is
/// not a person: "watch" is a word); a lone name after "in" or "to" is a place.
fn kind_of(namings: &[&Naming], quoted: bool, lower_case: &HashSet<&str>) -> ActorKind {
    let count = |kind| namings.iter().filter(|n| n.hint == Some(kind)).count();
    let (organisation, place, person) = (
        count(ActorKind::Organisation),
        count(ActorKind::Place),
        count(ActorKind::Person),
    );
    let full_name = namings.iter().any(|n| {
        (2..=4).contains(&n.key.len())
            && !n.of_a_place
            && n.key
                .last()
                .is_some_and(|w| !lower_case.contains(w.as_str()))
    });
    if organisation > 0 && organisation >= place && organisation >= person {
        ActorKind::Organisation
    } else if place > 0 && place >= person {
        ActorKind::Place
    } else if person > 0 || quoted {
        ActorKind::Person
    } else if namings.iter().any(|n| n.after_preposition) {
        ActorKind::Place
    } else if full_name {
        ActorKind::Person
    } else {
        ActorKind::Other
    }
}

/// Distinct strings, the most frequent first (the first seen on a tie).
fn by_frequency(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for item in items {
        match counted.iter_mut().find(|(s, _)| *s == item) {
            Some((_, n)) => *n += 1,
            None => counted.push((item, 1)),
        }
    }
    counted.sort_by_key(|c| std::cmp::Reverse(c.1));
    counted.into_iter().map(|(s, _)| s).collect()
}

/// Whether `needle`'s words occur together in `haystack` (both folded).
pub(super) fn contains_words(haystack: &str, needle: &str) -> bool {
    let words =
        |s: &str| -> Vec<String> { crate::text::words(s).map(|w| w.text.to_string()).collect() };
    let (hay, needle) = (words(haystack), words(needle));
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

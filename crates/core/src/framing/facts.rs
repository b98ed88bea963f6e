//! Facts tied across articles, and where the articles agree, conflict or leave one out.
//!
//! Three kinds of slot, each tied across articles only by what defensibly makes them one:
//! - **Counts**: a number and what it counts ("87 political prisoners", "nearly six years"),
//!   tied when the alignment pairs their sentences and they count the same thing, or when two
//!   articles count the same thing named in two or more words. Equal values agree, different
//!   ones conflict. A count one article alone gives of a thing another article names without a
//!   number is an omission.
//! - **Roles**: a person heading a government ("the Biden administration", "Maduro's
//!   government"). Two people fill the same role when no article names them both: "the Biden
//!   administration" and "the Trump administration" in articles that never name the other
//!   conflict; "the Maduro government" and "the Biden administration" do not, since the
//!   articles name both men.
//! - **Dates**: a date ("January 9, 2026", "9 January", "in 2014") in each of two sentences the
//!   alignment pairs, when each of the two names one date: the parts both give (year, month,
//!   day) agree or conflict.
//! - **Causes**: a sentence that names what set the story off ("the primary catalyst", "the
//!   underlying driver", "a single catalytic event"). The explicit causes of a session's
//!   articles are one slot (a session is about one event); they conflict when their words
//!   differ more than they agree.

use super::actors::{Actor, ActorKind};
use super::reading::{fold, is_content, Reading};
use crate::align::Alignment;
use crate::groups::Groups;
use crate::ids::ArticleId;
use crate::lexicon::ROLE_HEADS;
use crate::sentences::SentenceKind;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

/// How the articles relate on one slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum FactRelation {
    /// The articles fill it differently.
    Conflict,
    /// Some articles carry it and others do not.
    Omission,
    /// The articles carrying it agree.
    Agree,
}

/// One article's filling of a slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FactValue {
    /// The article.
    pub article: ArticleId,
    /// The words as written.
    pub text: String,
    /// Byte offset in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A slot the articles fill, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    /// What the slot is: the thing counted, the role, or "cause".
    pub slot: String,
    /// Conflict, omission or agreement.
    pub relation: FactRelation,
    /// The fillings, articles in column order.
    pub values: Vec<FactValue>,
    /// Articles of the session with no filling.
    pub missing: Vec<ArticleId>,
}

/// Words that soften or bound a number ("nearly six years").
const NUMBER_MODIFIERS: &[&str] = &[
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "over",
    "some",
    "least",
    "than",
    "under",
    "up",
    "just",
    "casi",
    "unos",
    "unas",
    "cerca",
    "más",
    "menos",
];

/// Number words and their values.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("millions", 2e6),
    ("dos", 2.0),
    ("tres", 3.0),
    ("cuatro", 4.0),
    ("cinco", 5.0),
    ("seis", 6.0),
    ("siete", 7.0),
    ("ocho", 8.0),
    ("nueve", 9.0),
    ("diez", 10.0),
];

/// Words before a four-digit number that make it a year.
const YEAR_LEADS: &[&str] = &[
    "in", "since", "by", "until", "from", "of", "during", "before", "after", "the", "this", "that",
    "its", "their", "his", "her", "en", "desde", "hasta", "el", "del", "de",
];

/// Words that multiply the number before them.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("mil", 1e3),
    ("millones", 1e6),
    ("millón", 1e6),
    ("percent", 1.0),
    ("%", 1.0),
];

/// Counted things too common to tie two articles' numbers unless the alignment does.
const GENERIC_COUNTS: &[&str] = &[
    "year",
    "month",
    "day",
    "week",
    "decade",
    "hour",
    "time",
    "people",
    "country",
    "nation",
    "side",
    "way",
    "thing",
    "part",
    "point",
    "case",
    "other",
    "percent",
    "leader",
    "official",
    "government",
    "pillar",
    "step",
    "option",
    "scenario",
    "factor",
    "area",
    "issue",
    "año",
    "mes",
    "día",
    "semana",
    "vez",
    "persona",
    "país",
];

/// Nouns and verbs that name a cause.
const CAUSE_WORDS: &[&str] = &[
    "catalyst",
    "catalytic",
    "trigger",
    "driver",
    "impetus",
    "detonante",
    "catalizador",
];

/// A number and what it counts, in one sentence.
struct Count {
    article: usize,
    sentence: usize,
    value: f64,
    /// Folded words of the thing counted, the last singular.
    counted: Vec<String>,
    /// The thing counted as written, lower-case: the slot's name.
    written: String,
    range: Range<usize>,
}

/// The facts of a session, conflicts first, then omissions, then agreements.
pub(super) fn facts(
    readings: &[Reading<'_>],
    ids: &[ArticleId],
    alignment: Option<&Alignment>,
    actors: &[Actor],
) -> Vec<Fact> {
    let pairs: BTreeSet<(usize, usize, usize, usize)> =
        alignment.map(Alignment::sentence_pairs).unwrap_or_default();
    let mut facts = Vec::new();
    facts.extend(count_facts(readings, ids, &pairs));
    facts.extend(role_facts(readings, ids, actors));
    facts.extend(date_facts(readings, ids, &pairs));
    facts.extend(cause_facts(readings, ids));
    let order = |r: FactRelation| match r {
        FactRelation::Conflict => 0,
        FactRelation::Omission => 1,
        FactRelation::Agree => 2,
    };
    facts.sort_by_key(|f| order(f.relation));
    facts
}

/// A fact from values tied together: conflict when `differ`, agreement when several
/// articles agree, omission when one article alone carries it.
fn fact(slot: String, mut values: Vec<FactValue>, ids: &[ArticleId], differ: bool) -> Fact {
    values.sort_by_key(|v| (ids.iter().position(|&i| i == v.article), v.start));
    // The same words again in one article add nothing: the first stands for them.
    let mut seen = HashSet::new();
    values.retain(|v| seen.insert((v.article, v.text.to_lowercase())));
    let carrying: HashSet<ArticleId> = values.iter().map(|v| v.article).collect();
    let relation = if differ {
        FactRelation::Conflict
    } else if carrying.len() > 1 {
        FactRelation::Agree
    } else {
        FactRelation::Omission
    };
    Fact {
        slot,
        relation,
        values,
        missing: ids
            .iter()
            .copied()
            .filter(|i| !carrying.contains(i))
            .collect(),
    }
}

fn value(reading: &Reading<'_>, id: ArticleId, range: Range<usize>) -> FactValue {
    FactValue {
        article: id,
        text: reading.body[range.clone()].to_string(),
        start: range.start,
        end: range.end,
    }
}

fn count_facts(
    readings: &[Reading<'_>],
    ids: &[ArticleId],
    pairs: &BTreeSet<(usize, usize, usize, usize)>,
) -> Vec<Fact> {
    let counts: Vec<Count> = readings
        .iter()
        .enumerate()
        .flat_map(|(article, reading)| counts_of(reading, article))
        .collect();
    let head = |c: &Count| c.counted.last().cloned().unwrap_or_default();
    let mut tied = Groups::new(counts.len());
    // Tied by the alignment: counts of the same thing in sentences it pairs.
    let mut by_sentence: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, c) in counts.iter().enumerate() {
        by_sentence
            .entry((c.article, c.sentence))
            .or_default()
            .push(i);
    }
    for &(a, i, b, j) in pairs {
        let (Some(xs), Some(ys)) = (by_sentence.get(&(a, i)), by_sentence.get(&(b, j))) else {
            continue;
        };
        for &x in xs {
            for &y in ys {
                if head(&counts[x]) == head(&counts[y]) {
                    tied.join(x, y);
                }
            }
        }
    }
    // Tied by the thing counted: named in two words or more, or in one that is not generic.
    let mut by_thing: HashMap<&[String], usize> = HashMap::new();
    for (i, c) in counts.iter().enumerate() {
        if c.counted.len() >= 2 || !GENERIC_COUNTS.contains(&head(c).as_str()) {
            match by_thing.get(c.counted.as_slice()) {
                Some(&first) => tied.join(first, i),
                None => {
                    by_thing.insert(&c.counted, i);
                }
            }
        }
    }
    // Where each article names each word, for omissions: read once, when first needed.
    let mut named: Vec<Option<WordIndex<'_>>> = (0..readings.len()).map(|_| None).collect();
    let mut facts = Vec::new();
    for members in tied.members() {
        let articles: HashSet<usize> = members.iter().map(|&m| counts[m].article).collect();
        let first = &counts[members[0]];
        if articles.len() == 1 {
            // One article alone: an omission only when another article names the thing
            // counted without this number.
            if GENERIC_COUNTS.contains(&head(first).as_str()) {
                continue;
            }
            let named_elsewhere = (0..readings.len())
                .filter(|&a| a != first.article)
                .any(|a| {
                    named[a]
                        .get_or_insert_with(|| WordIndex::new(&readings[a]))
                        .names(&first.counted)
                });
            if !named_elsewhere {
                continue;
            }
        }
        let values: Vec<f64> = members.iter().map(|&m| counts[m].value).collect();
        let differ = values
            .iter()
            .any(|v| (v - values[0]).abs() > f64::EPSILON * v.abs().max(1.0));
        let slot = first.written.clone();
        facts.push(fact(
            slot,
            members
                .iter()
                .map(|&m| {
                    value(
                        &readings[counts[m].article],
                        ids[counts[m].article],
                        counts[m].range.clone(),
                    )
                })
                .collect(),
            ids,
            differ,
        ));
    }
    facts
}

/// Where a reading has each word (folded): whether it names a thing counted elsewhere, looked
/// up by the thing's last word.
struct WordIndex<'r> {
    words: Vec<Cow<'r, str>>,
    at: HashMap<Cow<'r, str>, Vec<usize>>,
}

impl<'r> WordIndex<'r> {
    fn new(reading: &'r Reading<'_>) -> WordIndex<'r> {
        let words: Vec<Cow<'r, str>> = reading
            .words
            .iter()
            .map(|w| {
                if w.lower.is_ascii() {
                    Cow::Borrowed(w.lower.as_str())
                } else {
                    Cow::Owned(fold(&w.lower))
                }
            })
            .collect();
        let mut at: HashMap<Cow<'r, str>, Vec<usize>> = HashMap::new();
        for (i, word) in words.iter().enumerate() {
            at.entry(word.clone()).or_default().push(i);
        }
        WordIndex { words, at }
    }

    /// Whether the reading has `thing` (folded words, the last singular), its last word in
    /// any number ("prisoner", "prisoners").
    fn names(&self, thing: &[String]) -> bool {
        let Some((last, before)) = thing.split_last() else {
            return false;
        };
        let mut forms = vec![last.clone(), format!("{last}s"), format!("{last}es")];
        if let Some(stem) = last.strip_suffix('y') {
            forms.push(format!("{stem}ies"));
        }
        forms
            .iter()
            .filter_map(|f| self.at.get(f.as_str()))
            .flatten()
            .any(|&end| {
                end >= before.len()
                    && before
                        .iter()
                        .enumerate()
                        .all(|(k, w)| self.words[end - before.len() + k] == w.as_str())
            })
    }
}

/// The counts of a reading: a number (digits or a number word, with its multiplier) followed
/// by one to three content words in the same sentence, its modifier ("nearly") included in
/// the range. A year alone ("in 2014") counts nothing.
fn counts_of(reading: &Reading<'_>, article: usize) -> Vec<Count> {
    let words = &reading.words;
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let heading = reading.sentences[words[i].sentence].kind == SentenceKind::Heading;
        let Some(mut number) = number_value(&words[i].lower).filter(|_| !heading) else {
            i += 1;
            continue;
        };
        let mut start = words[i].start;
        let mut k = i;
        while k > 0
            && words[k - 1].sentence == words[i].sentence
            && NUMBER_MODIFIERS.contains(&words[k - 1].lower.as_str())
        {
            k -= 1;
            start = words[k].start;
        }
        let mut j = i + 1;
        if let Some(&(_, times)) = words
            .get(j)
            .filter(|w| w.sentence == words[i].sentence)
            .and_then(|w| MULTIPLIERS.iter().find(|(m, _)| *m == w.lower))
        {
            number *= times;
            j += 1;
        }
        let counted_from = j;
        while j < words.len()
            && j < counted_from + 3
            && words[j].sentence == words[i].sentence
            && words[j].joined
            && is_content(&words[j])
            && number_value(&words[j].lower).is_none()
        {
            j += 1;
        }
        // "in 2014", "the 2018 election", "As 2026 unfolds": a year, not a count. A number of
        // this century or the last counts only with a word that makes it an amount ("some 2000
        // troops"); news writes larger counts with a separator ("2,000 troops").
        let year_before = i > 0
            && words[i - 1].sentence == words[i].sentence
            && (YEAR_LEADS.contains(&words[i - 1].lower.as_str())
                || crate::lexicon::month_number(&words[i - 1].lower).is_some());
        let modified = k < i;
        let is_year = words[i].lower.len() == 4
            && (1800.0..2200.0).contains(&number)
            && (year_before
                || j == counted_from
                || ((1900.0..=2100.0).contains(&number) && !modified));
        if j > counted_from && !is_year {
            let mut counted: Vec<String> = words[counted_from..j]
                .iter()
                .map(|w| fold(&w.lower))
                .collect();
            if let Some(last) = counted.last_mut() {
                *last = singular(last);
            }
            found.push(Count {
                article,
                sentence: words[i].sentence,
                value: number,
                counted,
                written: reading.body[words[counted_from].start..words[j - 1].end].to_lowercase(),
                range: start..words[j - 1].end,
            });
        }
        i = j.max(i + 1);
    }
    found
}

/// The value of a number written in digits ("1,200", "3.5") or as a word ("seven").
fn number_value(lower: &str) -> Option<f64> {
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = lower.chars().filter(|c| *c != ',').collect();
        return digits.trim_end_matches('%').parse().ok();
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|&(_, v)| v)
}

/// A plural's singular, naively ("prisoners" -> "prisoner", "deaths" -> "death"); enough to
/// tie two articles' counts of one thing.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if word.ends_with("ss") || word.len() <= 3 {
        word.to_string()
    } else if let Some(stem) = word.strip_suffix('s') {
        stem.to_string()
    } else {
        word.to_string()
    }
}

/// People named heading a government, tied when no article names both.
fn role_facts(readings: &[Reading<'_>], ids: &[ArticleId], actors: &[Actor]) -> Vec<Fact> {
    // (article, actor index, head, range)
    let mut fillers: Vec<(usize, usize, String, Range<usize>)> = Vec::new();
    for (article, reading) in readings.iter().enumerate() {
        let words = &reading.words;
        for (h, word) in words.iter().enumerate() {
            if h == 0 || !ROLE_HEADS.contains(&word.lower.as_str()) || !word.joined {
                continue;
            }
            let name = &words[h - 1];
            if !name.capitalised || name.sentence != word.sentence {
                continue;
            }
            let Some(actor) = actors.iter().position(|a| {
                a.kind == ActorKind::Person
                    && a.mentions.iter().any(|m| {
                        m.article == ids[article] && m.spans.iter().any(|r| r.end == name.end)
                    })
            }) else {
                continue;
            };
            // "the Biden administration": the article before the name belongs to the phrase.
            let start = match h.checked_sub(2).map(|p| &words[p]) {
                Some(the)
                    if the.sentence == word.sentence
                        && matches!(the.lower.as_str(), "the" | "el" | "la") =>
                {
                    the.start
                }
                _ => name.start,
            };
            fillers.push((article, actor, word.lower.clone(), start..word.end));
        }
    }
    let named_together = |x: usize, y: usize| {
        ids.iter().any(|&id| {
            let names = |a: &Actor| a.mentions.iter().any(|m| m.article == id);
            names(&actors[x]) && names(&actors[y])
        })
    };
    let heads: BTreeSet<String> = fillers.iter().map(|f| f.2.clone()).collect();
    let mut facts = Vec::new();
    for head in heads {
        let of_head: Vec<&(usize, usize, String, Range<usize>)> =
            fillers.iter().filter(|f| f.2 == head).collect();
        let people: BTreeSet<usize> = of_head.iter().map(|f| f.1).collect();
        // Components of people who may fill one role: never named by one article together.
        let people: Vec<usize> = people.into_iter().collect();
        let mut taken = vec![false; people.len()];
        for p in 0..people.len() {
            if taken[p] {
                continue;
            }
            let mut component = vec![people[p]];
            taken[p] = true;
            for q in p + 1..people.len() {
                if !taken[q] && component.iter().all(|&c| !named_together(c, people[q])) {
                    component.push(people[q]);
                    taken[q] = true;
                }
            }
            let values: Vec<FactValue> = of_head
                .iter()
                .filter(|f| component.contains(&f.1))
                .map(|f| value(&readings[f.0], ids[f.0], f.3.clone()))
                .collect();
            let articles: HashSet<ArticleId> = values.iter().map(|v| v.article).collect();
            if articles.len() < 2 {
                continue;
            }
            facts.push(fact(head.clone(), values, ids, component.len() > 1));
        }
    }
    facts
}

/// Sentences naming a cause, as one slot.
fn cause_facts(readings: &[Reading<'_>], ids: &[ArticleId]) -> Vec<Fact> {
    // (article, sentence, content words)
    let mut causes: Vec<(usize, usize, HashSet<String>)> = Vec::new();
    for (article, reading) in readings.iter().enumerate() {
        for (index, sentence) in reading.sentences.iter().enumerate() {
            if sentence.kind == SentenceKind::Heading {
                continue;
            }
            let words: Vec<&super::reading::ReadWord> = reading
                .words
                .iter()
                .filter(|w| w.sentence == index)
                .collect();
            if words
                .iter()
                .any(|w| CAUSE_WORDS.contains(&w.lower.as_str()))
            {
                let content = words
                    .iter()
                    .filter(|w| is_content(w) && !CAUSE_WORDS.contains(&w.lower.as_str()))
                    .map(|w| singular(&fold(&w.lower)))
                    .collect();
                causes.push((article, index, content));
            }
        }
    }
    let articles: HashSet<usize> = causes.iter().map(|c| c.0).collect();
    if articles.len() < 2 {
        return Vec::new();
    }
    let differ = causes.iter().enumerate().any(|(i, x)| {
        causes[i + 1..].iter().any(|y| {
            x.0 != y.0 && {
                let shared = x.2.intersection(&y.2).count();
                let union = x.2.union(&y.2).count().max(1);
                shared * 2 < union
            }
        })
    });
    let values = causes
        .iter()
        .map(|(article, sentence, _)| {
            let range = readings[*article].sentences[*sentence].range();
            value(&readings[*article], ids[*article], range)
        })
        .collect();
    vec![fact("cause".to_string(), values, ids, differ)]
}

/// A date named in a sentence; the parts it gives.
struct DateAt {
    article: usize,
    sentence: usize,
    year: Option<u32>,
    month: Option<u32>,
    day: Option<u32>,
    range: Range<usize>,
}

/// The dates of a reading: "January 9, 2026", "9 January 2026", "January 2026", "Jan. 9", and a
/// year after "in", "since", "until", "by" ("in 2014"). A month name must be capitalised ("may"
/// is a verb).
fn dates_of(reading: &Reading<'_>, article: usize) -> Vec<DateAt> {
    use crate::lexicon::{month_number, MONTH_PATTERN};
    static DATE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let pattern = DATE.get_or_init(|| {
        let m = MONTH_PATTERN;
        regex::Regex::new(&format!(
            r"(?i)\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{m})\.?(?:,?\s+(?P<y1>\d{{4}}))?|(?P<m2>{m})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?|(?P<m3>{m})\.?\s+(?P<y3>\d{{4}})|(?:in|since|until|by)\s+(?P<y4>(?:19|20)\d{{2}}))\b"
        ))
        .expect("a valid date pattern")
    });
    let mut found = Vec::new();
    for (index, sentence) in reading.sentences.iter().enumerate() {
        if sentence.kind == SentenceKind::Heading {
            continue;
        }
        let text = &reading.body[sentence.range()];
        // Every form has digits: most sentences are skipped before the pattern runs.
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        for caps in pattern.captures_iter(text) {
            let month = ["m1", "m2", "m3"].iter().find_map(|k| caps.name(k));
            if month.is_some_and(|m| !m.as_str().starts_with(char::is_uppercase)) {
                continue;
            }
            let number = |keys: &[&str]| {
                keys.iter()
                    .find_map(|k| caps.name(k))
                    .and_then(|m| m.as_str().parse::<u32>().ok())
            };
            let day = number(&["d1", "d2"]).filter(|d| (1..=31).contains(d));
            let whole = caps.get(0).expect("a match");
            // "in 2014" is dated by its year: the preposition is not part of the date.
            let start = caps.name("y4").map_or(whole.start(), |y| y.start());
            found.push(DateAt {
                article,
                sentence: index,
                year: number(&["y1", "y2", "y3", "y4"]),
                month: month.and_then(|m| month_number(m.as_str())),
                day,
                range: sentence.start + start..sentence.start + whole.end(),
            });
        }
    }
    found
}

/// Dates of sentences the alignment pairs, one date in each: one slot per group of them.
fn date_facts(
    readings: &[Reading<'_>],
    ids: &[ArticleId],
    pairs: &BTreeSet<(usize, usize, usize, usize)>,
) -> Vec<Fact> {
    let dates: Vec<DateAt> = readings
        .iter()
        .enumerate()
        .flat_map(|(article, reading)| dates_of(reading, article))
        .collect();
    let alone_in_sentence = |d: &DateAt| {
        dates
            .iter()
            .filter(|o| o.article == d.article && o.sentence == d.sentence)
            .count()
            == 1
    };
    let mut tied = Groups::new(dates.len());
    for &(a, i, b, j) in pairs {
        let x = dates.iter().position(|d| d.article == a && d.sentence == i);
        let y = dates.iter().position(|d| d.article == b && d.sentence == j);
        if let (Some(x), Some(y)) = (x, y) {
            if alone_in_sentence(&dates[x]) && alone_in_sentence(&dates[y]) {
                tied.join(x, y);
            }
        }
    }
    tied.members()
        .into_iter()
        .filter(|members| {
            let articles: HashSet<usize> = members.iter().map(|&m| dates[m].article).collect();
            articles.len() > 1
        })
        .map(|members| {
            let differ = members.iter().any(|&x| {
                members.iter().any(|&y| {
                    let (a, b) = (&dates[x], &dates[y]);
                    let clash = |p: Option<u32>, q: Option<u32>| matches!((p, q), (Some(p), Some(q)) if p != q);
                    clash(a.year, b.year) || clash(a.month, b.month) || clash(a.day, b.day)
                })
            });
            let values = members
                .iter()
                .map(|&m| value(&readings[dates[m].article], ids[dates[m].article], dates[m].range.clone()))
                .collect();
            fact("date".to_string(), values, ids, differ)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::AlignInput;
    use crate::framing::FramingArticle;

    fn reading(body: &str) -> Reading<'_> {
        let article = FramingArticle {
            text: AlignInput {
                id: ArticleId(1),
                body,
                boilerplate: &[],
                language: "en",
            },
            title: None,
            outlet: None,
        };
        Reading::new(&article, None)
    }

    #[test]
    fn a_four_digit_number_is_a_count_unless_it_reads_as_a_year() {
        let body = "Some 2000 troops were sent in 2014, before the 2018 election, and 1500 soldiers in March 2019. As 2026 unfolds, 2025 talks stall.";
        let r = reading(body);
        let counts: Vec<&str> = counts_of(&r, 0)
            .iter()
            .map(|c| &body[c.range.clone()])
            .collect();
        assert_eq!(counts, ["Some 2000 troops", "1500 soldiers"]);
    }

    #[test]
    fn dates_are_read_in_their_usual_forms_and_may_the_verb_is_not_one() {
        let body = "Talks began on January 9, 2026 in Caracas. They may 2 resume on 12 March. \
                    Sanctions date from 2019 and tightened in 2020. The envoy left Jan. 3.";
        let r = reading(body);
        type Parts<'a> = (&'a str, Option<u32>, Option<u32>, Option<u32>);
        let found: Vec<Parts> = dates_of(&r, 0)
            .iter()
            .map(|d| (&body[d.range.clone()], d.year, d.month, d.day))
            .collect();
        assert_eq!(
            found,
            [
                ("January 9, 2026", Some(2026), Some(1), Some(9)),
                ("12 March", None, Some(3), Some(12)),
                ("2020", Some(2020), None, None),
                ("Jan. 3", None, Some(1), Some(3)),
            ]
        );
    }

    #[test]
    fn dates_of_aligned_sentences_conflict_only_on_the_parts_both_give() {
        let a = "The meeting took place on January 9, 2026 in Washington.";
        let b = "The meeting took place on January 10 in Washington.";
        let c = "The meeting took place in January 2026 in Washington.";
        let readings = [reading(a), reading(b), reading(c)];
        let ids = [ArticleId(1), ArticleId(2), ArticleId(3)];
        let pairs: BTreeSet<(usize, usize, usize, usize)> = [(0, 0, 1, 0)].into_iter().collect();
        let facts = date_facts(&readings, &ids, &pairs);
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].relation, FactRelation::Conflict);
        assert_eq!(facts[0].missing, [ArticleId(3)]);
        let pairs: BTreeSet<(usize, usize, usize, usize)> = [(0, 0, 2, 0)].into_iter().collect();
        let facts = date_facts(&readings, &ids, &pairs);
        assert_eq!(facts[0].relation, FactRelation::Agree, "{:?}", facts[0]);
    }
}

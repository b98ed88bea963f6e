//! The head of an article, for every format: the title, the byline and the date line above the
//! text, and the dateline that opens it.
//!
//! - **Head.** The first short, headline-like line is the title (unless the file declared one:
//!   then only a repeat of it at the top goes); a byline ("By …", "Jane Doe | Outlet", or a bare
//!   name right under the title) and a date line ("Published: 9 January 2026") below it become
//!   metadata. These lines are metadata, not article text. A long lede as the first line means
//!   there is no title line: `title` stays `None`, and [`title_from_opening`] makes a short one
//!   from the opening sentence (marked as derived), never from the file name.
//! - **Dateline.** "Washington (Outlet) January 9, 2026…", "CARACAS, Venezuela (AP) — …",
//!   "Bergen, Jan 11 (EFE).-", "BAKU, February 7. /TASS/." at the start of the first paragraphs
//!   give the outlet or agency and the date. The dateline stays in the body (it is part of the
//!   article as published); when the date is glued to the next word, a space is inserted,
//!   nothing else changes.
//! - **Agency and outlet** are different facts: a news agency named in a credit ("By AP",
//!   "JANE ROE - Associated Press") or a dateline ("(Reuters)") is the agency that wrote the
//!   story; the outlet is who published this copy (the page, its site name, a byline's "CNN").
//!
//! What the file declared about itself is never overridden: the passes fill what is missing.
//! Known limits: the patterns are English; a first line that is a section heading of an article
//! whose headline was not saved is taken as the title; a dateline without a year gives no date
//! (nothing to anchor the year on).

use super::blocks::{collapse_spaces, list_marker_len, Block, BlockKind};
use super::clutter::{is_marker, url_line};
use super::dates::{find_human_date, parse_human_date};
use super::{Document, Metadata};
use crate::lexicon::{
    is_month, is_weekday, ABBREVIATIONS, BYLINE_NOT_NAMES, BYLINE_PREFIXES, DATE_LINE_WORDS,
    FUNCTION_WORDS, MONTH_PATTERN, NAME_PARTICLES, NEWSROOM_CREDIT_WORDS, NEWSROOM_WORDS,
    OUTLET_CONNECTORS, ROLE_WORDS, SECTION_LABELS, WEEKDAY_ABBREVIATIONS, WIRE_SERVICES,
};
use crate::sentences::{sentences, SentenceKind};
use regex::Regex;
use std::sync::LazyLock;

/// What becomes of the lines the head is read from (title, byline, date line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MetadataLines {
    /// They leave the body: text saved from a page, where they are the page's, not the article's.
    Remove,
    /// They stay in the body, marked like clutter: a document someone wrote keeps its text.
    Mark,
}

/// Metadata collected so far, with how sure we are of the date.
pub(super) struct Found {
    pub(super) meta: Metadata,
    lines: MetadataLines,
    /// The date came from an "Updated …" line: a dateline or "Published" line replaces it.
    published_is_update: bool,
}

impl Found {
    /// Starts from what the file declared about itself.
    pub(super) fn new(declared: Metadata, lines: MetadataLines) -> Found {
        Found {
            meta: declared,
            lines,
            published_is_update: false,
        }
    }

    /// A line read as metadata: out of the body, or marked.
    fn take(&self, block: &mut Block) {
        match self.lines {
            MetadataLines::Remove => block.removed = true,
            MetadataLines::Mark => block.clutter = true,
        }
    }

    fn published(&mut self, date: String, is_update: bool) {
        if self.meta.published.is_none() || (self.published_is_update && !is_update) {
            self.meta.published = Some(date);
            self.published_is_update = is_update;
        }
    }
}

/// Reads the title and the lines around it; returns the index of the first paragraph after the
/// title (where the article starts).
pub(super) fn read_head(blocks: &mut [Block], found: &mut Found) -> usize {
    let n = blocks.len();
    let mut i = 0;
    // A saved page may start with its address, a date or a clutter line before the headline.
    while i < n.min(4) && blocks[i].is_line() {
        let text = blocks[i].text.clone();
        if url_line(&text).is_some() || is_marker(&text).is_some() {
            blocks[i].clutter = true;
        } else if let Some((date, is_update)) = date_line(&text) {
            found.published(date, is_update);
            found.take(&mut blocks[i]);
        } else {
            break;
        }
        i += 1;
    }

    let mut title_at = None;
    if let Some(declared) = found.meta.title.clone() {
        // Markdown front matter declared the title: only a repeat of it leaves the body.
        if i + 1 < n
            && blocks[i].is_line()
            && blocks[i].text.to_lowercase() == declared.to_lowercase()
        {
            found.take(&mut blocks[i]);
            title_at = Some(i);
            i += 1;
        }
    } else if i + 1 < n && is_title(&blocks[i]) {
        let title = blocks[i].text.clone();
        found.take(&mut blocks[i]);
        title_at = Some(i);
        i += 1;
        // Some pages repeat the headline (once in the page header, once above the article).
        if i + 1 < n && blocks[i].text.to_lowercase() == title.to_lowercase() {
            found.take(&mut blocks[i]);
            i += 1;
        }
        found.meta.title = Some(title);
    }

    // Byline, date and address lines under the title; a subtitle may sit between them.
    let mut j = i;
    while j < n.min(i + 5) && blocks[j].is_line() {
        let text = blocks[j].text.clone();
        if let Some(byline) = parse_byline(&text) {
            if found.meta.author.is_none() {
                found.meta.author = byline.author;
            }
            if found.meta.outlet.is_none() {
                found.meta.outlet = byline.outlet;
            }
            if found.meta.agency.is_none() {
                found.meta.agency = byline.agency;
            }
            if let Some(date) = byline.published {
                found.published(date, false);
            }
            found.take(&mut blocks[j]);
        } else if title_at.is_some_and(|t| t + 1 == j)
            && found.meta.author.is_none()
            && is_names(&text)
        {
            // A bare name right under the headline is the byline without its "By".
            found.meta.author = Some(join_names(&split_names(&text)));
            found.take(&mut blocks[j]);
        } else if let Some((date, is_update)) = date_line(&text) {
            found.published(date, is_update);
            found.take(&mut blocks[j]);
        } else if url_line(&text).is_some() || is_marker(&text).is_some() {
            blocks[j].clutter = true;
        } else if !is_subtitle(&text) {
            break;
        }
        j += 1;
    }
    i
}

/// The first line is the title when it reads like a headline: a Markdown heading, or a short
/// line (2–20 words, at most 200 characters) that does not end like a prose sentence and is
/// none of the other things a first line can be (a byline, a date, a section label such as
/// "Key Facts", a dateline paragraph).
fn is_title(p: &Block) -> bool {
    if !p.is_line() {
        return false;
    }
    let text = p.text.as_str();
    if is_section_label(text)
        || is_marker(text).is_some()
        || url_line(text).is_some()
        || date_line(text).is_some()
        || parse_byline(text).is_some()
        || parse_dateline(text).is_some()
        || list_marker_len(text).is_some()
    {
        return false;
    }
    if p.kind == BlockKind::Heading(1) {
        return text.chars().count() <= 300;
    }
    static SENTENCE_BREAK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{Ll}{2,}\.\s+\p{Lu}").expect("valid regex"));
    let words = text.split_whitespace().count();
    (2..=20).contains(&words)
        && text.chars().count() <= 200
        && !ends_like_prose(text)
        && !SENTENCE_BREAK.is_match(text)
}

/// A short line under the title that is not a byline: a standfirst or a subheading. It stays
/// in the body; the byline may still follow it.
fn is_subtitle(text: &str) -> bool {
    text.split_whitespace().count() <= 30 && !ends_like_prose(text)
}

/// Ends with a full stop (not an abbreviation such as "U.S."), a colon, a comma or a semicolon:
/// the end of a sentence or of a lead-in, not of a headline.
fn ends_like_prose(text: &str) -> bool {
    static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
        let words = ABBREVIATIONS.join("|");
        Regex::new(&format!(r"(?:\b\p{{L}}\.){{2,}}$|\b(?:{words})\.$|\.\.\.$"))
            .expect("valid regex")
    });
    match text.chars().last() {
        Some('.') => !ABBREVIATION.is_match(text),
        Some(':' | ',' | ';') => true,
        _ => false,
    }
}

/// Section labels that start an article body on some sites ("Key Facts", "Quick Summary"): they
/// head a section of the article, they are not its headline.
fn is_section_label(text: &str) -> bool {
    let label = text
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_lowercase()
        .replace('’', "'");
    SECTION_LABELS.contains(&label.as_str())
}

/// What a byline line says.
#[derive(Debug, Default, PartialEq, Eq)]
struct Byline {
    author: Option<String>,
    outlet: Option<String>,
    agency: Option<String>,
    published: Option<String>,
}

/// "By Jane Doe", "by Chief Editor", "BY JANE DOE AND JOHN ROE", "By Jane Doe, Senior
/// Correspondent | January 9, 2026", "Jane Doe | Reuters". The part after "By" must start with
/// names (so "By late 2025, officials…" is prose); a line without "By" needs a `|` or `·`
/// separator after the name. Further parts are a date, an outlet or a role.
fn parse_byline(text: &str) -> Option<Byline> {
    let text = text.trim();
    if text.split_whitespace().count() > 20 || text.chars().count() > 160 {
        return None;
    }
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        let prefixes = BYLINE_PREFIXES.join("|");
        Regex::new(&format!(r"(?i)^(?:{prefixes}):?\s+(.+)$")).expect("valid regex")
    });
    static SEPARATORS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:[|·•]|\s[-–—]\s)\s*").expect("valid regex"));
    let (rest, with_by) = match BY.captures(text) {
        Some(c) => (c.get(1).expect("group").as_str(), true),
        None => (text, false),
    };
    // "BUENOS AIRES, March 2 - Argentina said…" opens a story: a dateline, not "Name - Outlet".
    if !with_by && parse_dateline(text).is_some() {
        return None;
    }
    // "By Jane Doe." ends with a full stop like a sentence; the names check below tells them
    // apart ("By signalling that it is open…" does not start with names).
    let rest = rest.trim_end_matches('.');
    let mut parts: Vec<&str> = SEPARATORS
        .split(rest)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() || (!with_by && parts.len() < 2) {
        return None;
    }
    // "By Jane Doe, Senior Correspondent": a comma separates a role or an outlet, except
    // between names ("By Jane Doe, John Roe and Ann Poe").
    let first = parts.remove(0);
    let mut comma_parts: Vec<&str> = first
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut authors: Vec<String> = Vec::new();
    let mut byline = Byline::default();
    let lead = comma_parts.first().copied()?;
    if let Some(agency) = wire_service(lead) {
        // "By AP", "By Reuters": the agency is the credit, there is no person.
        byline.agency = Some(agency.to_string());
    } else if let Some(desk) = with_by.then(|| newsroom_credit(lead)).flatten() {
        // "By Coastline News Desk": the outlet's newsroom, not a person; "By AP Staff": the
        // agency's.
        match wire_service(&desk) {
            Some(agency) => byline.agency = Some(agency.to_string()),
            None => byline.outlet = Some(desk),
        }
    } else if is_names(lead) {
        authors.extend(split_names(lead));
    } else {
        return None;
    }
    comma_parts.remove(0);
    for part in comma_parts.into_iter().chain(parts) {
        let part = part.trim_end_matches('.');
        if let Some(date) = date_line(part)
            .map(|(d, _)| d)
            .or_else(|| parse_human_date(part))
        {
            byline.published.get_or_insert(date);
        } else if let Some(agency) = wire_service(part) {
            byline.agency.get_or_insert(agency.to_string());
        } else if let Some(outlet) = outlet_from_byline_part(part) {
            byline.outlet.get_or_insert(outlet);
        } else if !is_role(part) && is_names(part) {
            // A place ("Caracas") or anything else unrecognised is dropped.
            authors.extend(split_names(part));
        }
    }
    byline.author = (!authors.is_empty()).then(|| join_names(&authors));
    Some(byline)
}

/// "Coastline News Desk", "Harbour Times Staff": a newsroom credited as a whole; the outlet's
/// name without the desk word.
fn newsroom_credit(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (last, name) = words.split_last()?;
    let desk = NEWSROOM_CREDIT_WORDS.contains(&last.to_lowercase().as_str());
    (desk
        && !name.is_empty()
        && name.len() <= 5
        && outlet_from_byline_part(&name.join(" ")).is_some())
    .then(|| name.join(" "))
}

/// "Jane Doe" + "John Roe" + "Ann Poe" -> "Jane Doe, John Roe and Ann Poe".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// An outlet named in a byline part: initials ("CNN"), or a name with a newsroom word in it
/// ("Brussels Morning Newspaper", "Harbour Daily", "The Watchfire").
fn outlet_from_byline_part(part: &str) -> Option<String> {
    // "CNN", "BBC", "NPR": a broadcaster's initials.
    let initials = (2..=5).contains(&part.len()) && part.chars().all(|c| c.is_ascii_uppercase());
    if initials {
        return Some(part.to_string());
    }
    let words: Vec<String> = part.split_whitespace().map(|w| w.to_lowercase()).collect();
    let capitalised = part
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    // "The Watchfire": a capitalised name led by "The" is a publication, not a person.
    let titled = words.len() >= 2 && words[0] == "the";
    (words.len() <= 6
        && capitalised
        && (titled || words.iter().any(|w| NEWSROOM_WORDS.contains(&w.as_str()))))
    .then(|| part.to_string())
}

/// "Senior Correspondent", "Staff Writer", "Chief Editor": a job, not a name.
fn is_role(part: &str) -> bool {
    part.split_whitespace()
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic())))
}

/// One to four person names joined by commas, "and" or "&": "Jane Doe", "JANE DOE AND JOHN
/// ROE", "Ana María de la Vega".
fn is_names(text: &str) -> bool {
    let names = split_names(text);
    (1..=4).contains(&names.len()) && names.iter().all(|n| is_person_name(n))
}

/// "Jane Doe, John Roe and Ann Poe" -> the three names, tidied.
fn split_names(text: &str) -> Vec<String> {
    static JOINERS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\s*(?:,|&|\band\b)\s*").expect("valid regex"));
    JOINERS
        .split(text.trim())
        .filter(|n| !n.is_empty())
        .map(tidy_name)
        .collect()
}

/// A word of headings and labels rather than of a name ("Key", "Latest", "Monday").
fn is_byline_word(lower: &str) -> bool {
    BYLINE_NOT_NAMES.contains(&lower) || is_month(lower) || is_weekday(lower)
}

/// A person's name: 2–4 capitalised words (particles such as "de", "van", "bin" allowed inside,
/// initials allowed), no digits, no punctuation beyond `.`, `'` and `-`, none of the common
/// words that make up headings and labels ("Key Facts", "Latest News").
fn is_person_name(text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if !(2..=4).contains(&tokens.len()) {
        return false;
    }
    let is_word = |t: &str| {
        let mut chars = t.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let letters_only = t
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'));
        // Initials ("J.") and "Jr." end with a full stop; other words in a name do not.
        let dotted_ok = !t.ends_with('.') || t.chars().count() == 2 || matches!(t, "Jr." | "Sr.");
        first_upper
            && letters_only
            && dotted_ok
            && !is_byline_word(t.to_lowercase().trim_end_matches('.'))
    };
    let last = tokens.len() - 1;
    tokens.iter().enumerate().all(|(k, t)| {
        if k > 0 && k < last && NAME_PARTICLES.contains(t) {
            return true;
        }
        is_word(t)
    })
}

/// Names as a person writes them: an all-capitals byline in title case ("JANE DOE AND JOHN ROE"
/// -> "Jane Doe and John Roe").
fn tidy_name(text: &str) -> String {
    let text = collapse_spaces(text.trim());
    if text.chars().any(char::is_lowercase) {
        return text;
    }
    text.split(' ')
        .map(|word| {
            if word.eq_ignore_ascii_case("and") {
                return "and".to_string();
            }
            let mut out = String::new();
            let mut start = true;
            for c in word.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '-' | '\'' | '’' | '.');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A line that is only a date, with at most a label, a weekday, a time and a time zone around
/// it: "Published: 9 January 2026", "Jan. 9, 2026", "2026-01-09", "Updated 10:32 AM EST, Fri
/// January 9, 2026". Returns the date and whether it is an update rather than the publication.
fn date_line(text: &str) -> Option<(String, bool)> {
    if text.chars().count() > 100 {
        return None;
    }
    let (range, date) = find_human_date(text)?;
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?|(?:utc|gmt)[+-]\d{1,2}(?::?\d{2})?)$",
        )
        .expect("valid regex")
    });
    let rest = format!("{} {}", &text[..range.start], &text[range.end..]);
    let allowed = rest
        .split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '|' | '·' | '•' | '(' | ')' | '[' | ']' | '—' | '–' | '-' | '/'
                )
        })
        .map(|t| t.trim_end_matches(':'))
        .filter(|t| !t.is_empty())
        .all(|t| {
            let lower = t.to_lowercase();
            let time_zone = (2..=5).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase());
            DATE_LINE_WORDS.contains(&lower.as_str())
                || is_weekday(&lower)
                || WEEKDAY_ABBREVIATIONS.contains(&lower.as_str())
                || TIME.is_match(&lower)
                || time_zone
        });
    if !allowed {
        return None;
    }
    let lower = text.to_lowercase();
    let is_update = ["updated", "modified", "edited"]
        .iter()
        .any(|w| lower.contains(w))
        && !["published", "posted"].iter().any(|w| lower.contains(w));
    Some((date, is_update))
}

/// Looks for a dateline at the start of the first paragraphs of the article (a subtitle may come
/// before the lede) and fixes a date glued to the next word.
pub(super) fn read_dateline(blocks: &mut [Block], found: &mut Found) {
    let candidates = blocks
        .iter_mut()
        .filter(|p| !p.removed && !p.clutter && p.kind == BlockKind::Prose)
        .take(3);
    for p in candidates {
        if let Some(dateline) = parse_dateline(&p.text) {
            if found.meta.outlet.is_none() {
                found.meta.outlet = dateline.outlet;
            }
            if found.meta.agency.is_none() {
                found.meta.agency = dateline.agency;
            }
            if let Some(date) = dateline.published {
                found.published(date, false);
            }
            if let Some(at) = dateline.glued_at {
                p.text.insert(at, ' ');
            }
            return;
        }
        if p.text.split_whitespace().count() > 30 {
            // The lede had no dateline; later paragraphs do not have one either.
            return;
        }
    }
}

/// A sign-off closing wire copy ("Reuter", "AP", "-- Reuters"): the agency, when nothing else
/// named one; the line is marked, not article text.
pub(super) fn read_sign_off(blocks: &mut [Block], found: &mut Found) {
    let Some(last) = blocks
        .iter_mut()
        .rev()
        .find(|b| !b.removed && !b.clutter && !b.text.trim().is_empty())
    else {
        return;
    };
    let text = last
        .text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    if let Some(agency) = wire_service(&text) {
        found.meta.agency.get_or_insert_with(|| agency.to_string());
        last.clutter = true;
        return;
    }
    // "… for undisclosed terms. Reuter": the sign-off run into the last paragraph.
    if let Some((before, word)) = text.rsplit_once(char::is_whitespace) {
        let after_sentence = before.trim_end().ends_with(['.', '!', '?', ')', '"', '”']);
        if let Some(agency) = wire_service(word).filter(|_| after_sentence) {
            found.meta.agency.get_or_insert_with(|| agency.to_string());
        }
    }
}

/// What a dateline at the start of a paragraph says.
#[derive(Debug, PartialEq, Eq)]
struct Dateline {
    outlet: Option<String>,
    agency: Option<String>,
    published: Option<String>,
    /// Byte offset where the dateline ends and the story starts.
    end: usize,
    /// Byte offset where the date runs into the next word with no space ("2026Venezuela").
    glued_at: Option<usize>,
}

/// "Washington (Outlet) January 9, 2026…", "CARACAS, Venezuela (AP) — …", "LONDON, Jan. 9
/// (Reuters) -", "January 9, 2026 —", "WASHINGTON, January 9, 2026 —".
///
/// A parenthesis after a capitalised place is only an outlet when a date or a dash follows or
/// precedes it (so "Human Rights Watch (HRW) said" is not a dateline); a date alone at the start
/// needs a dash after it or no space at all ("January 9, 2026 was cold" is a sentence).
fn parse_dateline(text: &str) -> Option<Dateline> {
    const PLACE_WORD: &str = r"(?:\p{Lu}[\p{L}.'’-]*|d[aeo]s?|del|la|el|al)";
    static WITH_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
        let place = format!(
            r"\p{{Lu}}[\p{{L}}.'’-]*(?:\s+{PLACE_WORD}){{0,3}}(?:,\s+\p{{Lu}}[\p{{L}}.'’-]*(?:\s+{PLACE_WORD}){{0,2}})?"
        );
        let date = date_pattern();
        Regex::new(&format!(
            r"^(?P<place>{place})(?:,?\s+(?P<d1>{date}))?\.?\s*(?:\((?P<outlet>[^()]{{1,60}})\)|/(?P<slashed>[^/]{{1,30}})/)(?:\s*(?P<d2>{date}))?(?:\s*\.?\s*(?P<sep>[—–-]{{1,2}}|:)|(?P<stop>\.)\s)?"
        ))
        .expect("valid regex")
    });
    static DATE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        let date = date_pattern();
        Regex::new(&format!(
            r"^(?:\p{{Lu}}[\p{{L}}.'’-]*(?:\s+{PLACE_WORD}){{0,3}},?\s+)?(?P<date>{date})(?:\s*(?P<sep>[—–-]{{1,2}}|:))?"
        ))
        .expect("valid regex")
    });

    let glued = |end: usize| {
        end > 0
            && !text[..end].ends_with(char::is_whitespace)
            && text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '“' || c == '"')
    };
    if let Some(c) = WITH_OUTLET.captures(text) {
        let outlet = c
            .name("outlet")
            .or(c.name("slashed"))
            .expect("one of them")
            .as_str()
            .trim();
        let date = c.name("d1").or(c.name("d2"));
        let agency = wire_service(outlet);
        let outlet_ok = agency.is_some() || looks_like_outlet(outlet);
        let ended = c.name("sep").is_some() || c.name("stop").is_some();
        if outlet_ok && (date.is_some() || ended) {
            let end = c.get(0).expect("match").end();
            return Some(Dateline {
                outlet: agency.is_none().then(|| outlet.to_string()),
                agency: agency.map(str::to_string),
                published: date.and_then(|d| parse_human_date(d.as_str())),
                end,
                glued_at: glued(end).then_some(end),
            });
        }
    }
    if let Some(c) = DATE_FIRST.captures(text) {
        let end = c.get(0).expect("match").end();
        // "BUENOS AIRES, Feb 26 -": a dateline without a year gives no date, but is one.
        let published = parse_human_date(&c["date"]);
        if c.name("sep").is_some() || (glued(end) && published.is_some()) {
            return Some(Dateline {
                outlet: None,
                agency: None,
                published,
                end,
                glued_at: glued(end).then_some(end),
            });
        }
    }
    None
}

/// How much of the opening line is split into sentences to find the first one.
const OPENING_BYTES: usize = 2_000;

/// A short title for an article whose file has no headline: its opening sentence (after a
/// dateline), cut at a clause boundary or after 12 words. The first prose paragraph of six
/// words or more outside boilerplate is read; failing that, the body's first line.
pub(super) fn title_from_opening(document: &Document) -> String {
    const MOST_WORDS: usize = 14;
    const CUT_AT: usize = 12;
    let body = document.body.as_str();
    let clutter = |at: usize| document.boilerplate.iter().any(|r| r.contains(&at));
    let mut offset = 0;
    let mut opening = None;
    for line in body.split('\n') {
        let at = offset;
        offset += line.len() + 1;
        if line.trim().is_empty() || clutter(at) {
            continue;
        }
        let prose = list_marker_len(line).is_none() && line.split_whitespace().count() >= 6;
        if prose {
            opening = Some(line);
            break;
        }
        opening.get_or_insert(line);
    }
    let line = opening.unwrap_or(body).trim();
    let line = parse_dateline(line).map_or(line, |d| line[d.end..].trim_start());
    // Only its first sentence is wanted: a file with no line breaks is one line of thousands of
    // sentences, and splitting it all took over a second (a fuzz finding).
    let line = &line[..crate::text::floor_char_boundary(line, OPENING_BYTES)];
    let language = document.metadata.language.as_deref().unwrap_or("en");
    let first = sentences(line, language, &[])
        .into_iter()
        .find(|s| s.kind == SentenceKind::Prose)
        .map_or(line, |s| &line[s.range()]);
    let sentence = first.trim_end_matches(['.', '!', '?', ':', ';', ',']);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= MOST_WORDS {
        return words.join(" ");
    }
    // The last clause boundary between the 6th and the 14th word, else 12 words and an ellipsis.
    let clause_end = (6..MOST_WORDS)
        .rev()
        .find(|&k| words[k - 1].ends_with([',', ';', ':']) || matches!(words[k], "—" | "–" | "-"));
    match clause_end {
        Some(k) => words[..k]
            .join(" ")
            .trim_end_matches([',', ';', ':'])
            .to_string(),
        None => {
            // "… relations with…" reads as cut off mid-phrase: end on a content word.
            let mut cut = &words[..CUT_AT];
            while let [init @ .., last] = cut {
                let word = last.to_lowercase();
                if init.len() < 6 || FUNCTION_WORDS.binary_search(&word.as_str()).is_err() {
                    break;
                }
                cut = init;
            }
            format!("{}…", cut.join(" ").trim_end_matches([',', ';', ':']))
        }
    }
}

/// A month-day date with an optional year, as written in datelines.
fn date_pattern() -> String {
    format!(
        r"(?i:{MONTH_PATTERN}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\.?(?:,?\s+\d{{4}})?)"
    )
}

/// An outlet in parentheses: 1–6 words, each capitalised or a small connecting word, no digits.
fn looks_like_outlet(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && !text.chars().any(|c| c.is_ascii_digit())
        && !is_month_name(words[0])
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            OUTLET_CONNECTORS.contains(w) || w.chars().next().is_some_and(|c| c.is_uppercase())
        })
}

fn is_month_name(word: &str) -> bool {
    static WHOLE_MONTH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)^{MONTH_PATTERN}\.?$")).expect("valid regex"));
    WHOLE_MONTH.is_match(word)
}

/// Wire services by the abbreviation used in datelines, with the name to store.
pub(in crate::ingest) fn wire_service(text: &str) -> Option<&'static str> {
    let key = text
        .trim()
        .trim_start_matches("The ")
        .trim_start_matches("the ")
        .to_lowercase();
    WIRE_SERVICES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(name, _)| *name)
}

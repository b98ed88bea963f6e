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

use crate::diff::{word_diff, DiffOptions, WordDiff};
use crate::lexicon::{
    is_not_name, AUXILIARIES, CONJUNCTIONS, HONORIFICS, INSTITUTIONS, NAME_PARTICLES, NAMING_VERBS,
    PERSON_NOUNS, PREPOSITIONS, RELATIVES, SPEECH_VERBS, TITLES,
};
use crate::text::words;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
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
        // one before, with none of its own, shares its source.
        let found = found.or_else(|| match &previous {
            Some((line, end, Some(found)))
                if *line == first.first_line && sentence_start(body, *end..first.start) == *end =>
            {
                Some(found.clone())
            }
            _ => None,
        });
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

/// How one quotation relates to another across articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum QuoteRelation {
    /// The same words (case, punctuation, marks and spacing aside).
    Same,
    /// One quotation's words are a shorter stretch of the other's.
    Trimmed,
    /// Mostly the same words in the same order, some changed, added or dropped.
    Altered,
    /// The quoted words appear in another article without quotation marks.
    Unattributed,
    /// The same, trimmed or altered words are given to different named speakers.
    Misattributed,
}

/// Quotations of different articles that are related.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteMatch {
    /// `(article index, quote index)` of the quotations, sorted: all the quotations with the
    /// same words for [`QuoteRelation::Same`] (at least two articles, repeats within an article
    /// included), a pair for the other relations, the one quotation for
    /// [`QuoteRelation::Unattributed`].
    pub quotes: Vec<(usize, usize)>,
    /// How they relate.
    pub relation: QuoteRelation,
    /// For [`QuoteRelation::Unattributed`]: the article and byte range of the unquoted words.
    pub passage: Option<(usize, Range<usize>)>,
    /// For [`QuoteRelation::Altered`]: the word diff of the two quotations' texts (left: the
    /// first of `quotes`), offsets into [`Quote::text`].
    pub diff: Option<WordDiff>,
}

/// Shortest quotation (in words) that may be a trimmed stretch of another.
const MIN_TRIMMED_WORDS: usize = 3;
/// Fewest shared words for an altered quotation.
const MIN_ALTERED_WORDS: usize = 4;
/// Share of the shorter quotation's words that an altered one must keep, in order.
const ALTERED_SHARE: f64 = 0.7;
/// Fewest consecutive words of a quotation that, unquoted in another article, count as reuse.
const MIN_UNATTRIBUTED_WORDS: usize = 8;

/// Relates the quotations of several articles: `articles[a]` is article `a`'s body and its
/// [`quotes`]. Returns the matches sorted by their first quotation, then relation.
///
/// Each pair of quotations from different articles is [`QuoteRelation::Same`] (grouped with
/// every other quotation of those words), [`QuoteRelation::Trimmed`] (the shorter, of at least
/// three words, is inside the longer) or [`QuoteRelation::Altered`] (at least four words and 70%
/// of the shorter found in order in a dense stretch of the longer). When such a pair gives the
/// words to two different named speakers, a separate [`QuoteRelation::Misattributed`] match is
/// added for the pair; a missing speaker on either side is not a misattribution. A quotation's
/// longest run of at least eight words found unquoted in another article's body is
/// [`QuoteRelation::Unattributed`].
pub fn match_quotes(articles: &[(&str, &[Quote])]) -> Vec<QuoteMatch> {
    let entries: Vec<Entry<'_>> = articles
        .iter()
        .enumerate()
        .flat_map(|(a, (_, quotes))| {
            quotes.iter().enumerate().map(move |(q, quote)| Entry {
                id: (a, q),
                quote,
                words: comparable_words(&quote.text)
                    .into_iter()
                    .map(|w| w.0)
                    .collect(),
            })
        })
        .filter(|e| !e.words.is_empty())
        .collect();
    let mut out = Vec::new();

    let mut same: BTreeMap<&[String], Vec<(usize, usize)>> = BTreeMap::new();
    for entry in &entries {
        same.entry(entry.words.as_slice())
            .or_default()
            .push(entry.id);
    }
    for ids in same.into_values() {
        if ids.iter().any(|id| id.0 != ids[0].0) {
            out.push(QuoteMatch {
                quotes: ids,
                relation: QuoteRelation::Same,
                passage: None,
                diff: None,
            });
        }
    }

    for (x, left) in entries.iter().enumerate() {
        for right in &entries[x + 1..] {
            if left.id.0 == right.id.0 {
                continue;
            }
            let Some(relation) = wording_relation(&left.words, &right.words) else {
                continue;
            };
            let pair = vec![left.id, right.id];
            if relation != QuoteRelation::Same {
                out.push(QuoteMatch {
                    quotes: pair.clone(),
                    relation,
                    passage: None,
                    diff: (relation == QuoteRelation::Altered).then(|| {
                        word_diff(&left.quote.text, &right.quote.text, DiffOptions::default())
                    }),
                });
            }
            if let (Some(a), Some(b)) = (&left.quote.speaker, &right.quote.speaker) {
                if !same_person(a, b) {
                    out.push(QuoteMatch {
                        quotes: pair,
                        relation: QuoteRelation::Misattributed,
                        passage: None,
                        diff: None,
                    });
                }
            }
        }
    }

    for (a, (body, quotes)) in articles.iter().enumerate() {
        let reuse = UnquotedWords::new(body, quotes);
        for entry in entries.iter().filter(|e| e.id.0 != a) {
            if let Some(range) = reuse.longest_run(&entry.words, MIN_UNATTRIBUTED_WORDS) {
                out.push(QuoteMatch {
                    quotes: vec![entry.id],
                    relation: QuoteRelation::Unattributed,
                    passage: Some((a, range)),
                    diff: None,
                });
            }
        }
    }

    out.sort_by_key(|m| {
        (
            m.quotes.clone(),
            relation_rank(m.relation),
            m.passage.as_ref().map(|(a, r)| (*a, r.start, r.end)),
        )
    });
    out
}

// ---------------------------------------------------------------------------------------------
// Lines and marks

/// A line of the body that analysis reads: not blank, not boilerplate.
struct Line {
    range: Range<usize>,
    /// Whether the line before it, blank lines aside, is read too (not boilerplate): a
    /// quotation or an introduction may run on from it.
    follows_read: bool,
}

fn read_lines(body: &str, boilerplate: &[Range<usize>]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut follows_read = false;
    for line in body.split('\n') {
        let range = line_start..line_start + line.len();
        line_start = range.end + 1;
        if line.trim().is_empty() {
            continue;
        }
        if boilerplate
            .iter()
            .any(|b| b.start < range.end && range.start < b.end)
        {
            follows_read = false;
            continue;
        }
        out.push(Line {
            range,
            follows_read,
        });
        follows_read = true;
    }
    out
}

/// The quotation mark pairs read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `"…"`
    Straight,
    /// `“…”`
    Curly,
    /// `”…”`, as in Swedish.
    CurlyReversed,
    /// `„…“` or `„…”`
    LowHigh,
    /// `«…»`
    Guillemets,
    /// `»…«`, as in German.
    GuillemetsReversed,
    /// `‘…’`
    Single,
    /// `‚…‘`
    LowSingle,
}

impl Style {
    /// The mark that opens this style, repeated at the start of each paragraph of a long
    /// quotation.
    fn opening(self) -> char {
        match self {
            Style::Straight => '"',
            Style::Curly => '“',
            Style::CurlyReversed => '”',
            Style::LowHigh => '„',
            Style::Guillemets => '«',
            Style::GuillemetsReversed => '»',
            Style::Single => '‘',
            Style::LowSingle => '‚',
        }
    }
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚')
}

/// A quotation between marks, before split quotations are joined.
#[derive(Debug, Clone)]
struct Marked {
    start: usize,
    end: usize,
    parts: Vec<Range<usize>>,
    /// Indices into the read lines.
    first_line: usize,
    last_line: usize,
}

/// An outermost quotation being read.
struct Pending {
    style: Style,
    start: usize,
    end: usize,
    parts: Vec<Range<usize>>,
    part_start: usize,
    first_line: usize,
    last_line: usize,
}

struct Scanner<'a> {
    body: &'a str,
    /// Index of the line being read.
    line: usize,
    /// Styles of the open marks, outermost first.
    open: Vec<Style>,
    pending: Option<Pending>,
    found: Vec<Marked>,
}

fn marked_quotations(body: &str, lines: &[Line]) -> Vec<Marked> {
    let mut scanner = Scanner {
        body,
        line: 0,
        open: Vec::new(),
        pending: None,
        found: Vec::new(),
    };
    for (index, line) in lines.iter().enumerate() {
        scanner.line = index;
        let mut from = line.range.start;
        if let Some(pending) = scanner.pending.take() {
            let text = &body[line.range.clone()];
            let lead = text.len() - text.trim_start().len();
            let mark = pending.style.opening();
            if line.follows_read && text[lead..].starts_with(mark) {
                from = line.range.start + lead + mark.len_utf8();
                scanner.open = vec![pending.style];
                scanner.pending = Some(Pending {
                    part_start: from,
                    ..pending
                });
            } else {
                scanner.finish(pending);
            }
        }
        scanner.scan(line.range.clone(), from);
        // Still open at the end of the paragraph: the part ends here; the next paragraph
        // decides whether the quotation goes on.
        if let Some(pending) = scanner.pending.as_mut() {
            pending
                .parts
                .push(trim_range(body, pending.part_start..line.range.end));
            pending.end = line.range.end;
            pending.last_line = index;
        }
        scanner.open.clear();
    }
    if let Some(pending) = scanner.pending.take() {
        scanner.finish(pending);
    }
    scanner.found
}

impl Scanner<'_> {
    fn scan(&mut self, line: Range<usize>, from: usize) {
        let body = self.body;
        let mut prev = body[line.start..from].chars().next_back();
        for (offset, c) in body[from..line.end].char_indices() {
            let at = from + offset;
            let next = body[at + c.len_utf8()..line.end].chars().next();
            self.mark(c, at, prev, next, line.end);
            prev = Some(c);
        }
    }

    fn mark(
        &mut self,
        c: char,
        at: usize,
        prev: Option<char>,
        next: Option<char>,
        line_end: usize,
    ) {
        use Style::*;
        let len = c.len_utf8();
        let opens = opening_position(prev, next);
        let closes = closing_position(prev, next);
        match c {
            '"' => match self.find(&[Straight]) {
                // A straight mark where a word starts, with one already open: the open one was
                // never closed.
                Some(k) if opens && !closes => {
                    self.close(k, at, None);
                    self.push(Straight, at, len);
                }
                Some(k) => self.close(k, at, Some(at + len)),
                None if opens => self.push(Straight, at, len),
                None => {}
            },
            '“' => {
                if let Some(k) = self.find(&[LowHigh]) {
                    self.close(k, at, Some(at + len));
                } else if let Some(k) = self.find(&[Curly]) {
                    if closes {
                        // A text that uses “ for both marks.
                        self.close(k, at, Some(at + len));
                    } else {
                        // Double marks do not nest in one style: the open one was never closed.
                        self.close(k, at, None);
                        self.push(Curly, at, len);
                    }
                } else {
                    self.push(Curly, at, len);
                }
            }
            '”' => match self.find(&[Curly, LowHigh, CurlyReversed]) {
                Some(k) => self.close(k, at, Some(at + len)),
                None if opens => self.push(CurlyReversed, at, len),
                None => {}
            },
            '„' if next.is_some_and(|n| !n.is_whitespace()) => self.push(LowHigh, at, len),
            '«' => match self.find(&[GuillemetsReversed]) {
                Some(k) => self.close(k, at, Some(at + len)),
                None => self.push(Guillemets, at, len),
            },
            '»' => match self.find(&[Guillemets]) {
                Some(k) => self.close(k, at, Some(at + len)),
                None if opens => self.push(GuillemetsReversed, at, len),
                None => {}
            },
            '‘' => {
                if let Some(k) = self.find(&[LowSingle]) {
                    self.close(k, at, Some(at + len));
                } else if let Some(k) = self.find(&[Single]).filter(|_| closes) {
                    self.close(k, at, Some(at + len));
                } else if is_word_char(prev) || next.is_some_and(|n| n.is_ascii_digit()) {
                    // A misused apostrophe: don‘t, ‘90s.
                } else if opens {
                    self.push(Single, at, len);
                }
            }
            '’' => {
                let apostrophe = (is_word_char(prev) && is_word_char(next))
                    || prev.is_none_or(char::is_whitespace)
                    || self.plural_possessive(at, prev, next, line_end);
                if !apostrophe {
                    if let Some(k) = self.find(&[Single, LowSingle]) {
                        self.close(k, at, Some(at + len));
                    }
                }
            }
            '‚' if next.is_some_and(|n| !n.is_whitespace()) => self.push(LowSingle, at, len),
            _ => {}
        }
    }

    /// Index of the innermost open mark of one of `styles`.
    fn find(&self, styles: &[Style]) -> Option<usize> {
        self.open.iter().rposition(|s| styles.contains(s))
    }

    fn push(&mut self, style: Style, at: usize, len: usize) {
        if self.open.is_empty() {
            self.pending = Some(Pending {
                style,
                start: at,
                end: at + len,
                parts: Vec::new(),
                part_start: at + len,
                first_line: self.line,
                last_line: self.line,
            });
        }
        self.open.push(style);
    }

    /// Closes the open mark `k` (and any opened inside it) at byte `at`. `end` is one past the
    /// closing mark; `None` for a quotation found never closed, which ends with its words.
    fn close(&mut self, k: usize, at: usize, end: Option<usize>) {
        self.open.truncate(k);
        if k > 0 {
            return;
        }
        if let Some(mut pending) = self.pending.take() {
            let part = trim_range(self.body, pending.part_start..at);
            pending.end = end.unwrap_or(part.end);
            pending.parts.push(part);
            pending.last_line = self.line;
            self.finish(pending);
        }
    }

    fn finish(&mut self, pending: Pending) {
        let body = self.body;
        let parts: Vec<Range<usize>> = pending
            .parts
            .into_iter()
            .filter(|p| body[p.clone()].chars().any(char::is_alphanumeric))
            .collect();
        if !parts.is_empty() {
            self.found.push(Marked {
                start: pending.start,
                end: pending.end,
                parts,
                first_line: pending.first_line,
                last_line: pending.last_line,
            });
        }
    }

    /// Whether the `’` at `at` ends a plural possessive inside a single-quoted passage (‘the
    /// ministers’ plan is dead’): after an s, before a lower-case word, with a closing `’`
    /// still to come in the paragraph.
    fn plural_possessive(
        &self,
        at: usize,
        prev: Option<char>,
        next: Option<char>,
        line_end: usize,
    ) -> bool {
        if !matches!(prev, Some('s' | 'S')) || next != Some(' ') {
            return false;
        }
        let rest_start = at + '’'.len_utf8();
        let mut rest_end = line_end.min(rest_start + PLURAL_POSSESSIVE_LOOKAHEAD);
        while !self.body.is_char_boundary(rest_end) {
            rest_end -= 1;
        }
        let rest = &self.body[rest_start..rest_end];
        if !rest[1..].chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let mut previous = None;
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '’' && closing_position(previous, chars.peek().copied()) {
                return true;
            }
            previous = Some(c);
        }
        false
    }
}

/// How far (in bytes) a closing `’` is looked for after a possible plural possessive.
const PLURAL_POSSESSIVE_LOOKAHEAD: usize = 2000;

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Where a word may start: after a space, an opening bracket, a dash or another mark, before
/// something that is not a space.
fn opening_position(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p) || is_quote_mark(p))
        && next.is_some_and(|n| !n.is_whitespace())
}

/// Where a word may end: after something that is not a space, before a space or punctuation.
fn closing_position(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || !n.is_alphanumeric())
}

fn trim_range(body: &str, range: Range<usize>) -> Range<usize> {
    let text = &body[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    let end = (range.start + text.trim_end().len()).max(start);
    start..end
}

// ---------------------------------------------------------------------------------------------
// Sentences around a quotation

/// The text of the quotation's sentence before its opening mark (not reaching back past the
/// quotation before it), trimmed.
fn before_range(body: &str, lines: &[Line], marked: &[Marked], i: usize) -> Range<usize> {
    let quote = &marked[i];
    let mut floor = lines[quote.first_line].range.start;
    if let Some(previous) = i.checked_sub(1).map(|p| &marked[p]) {
        if previous.last_line == quote.first_line {
            floor = previous.end;
        }
    }
    trim_range(body, sentence_start(body, floor..quote.start)..quote.start)
}

/// The text of the quotation's sentence after its closing mark (not reaching the next
/// quotation), trimmed.
fn after_range(body: &str, lines: &[Line], marked: &[Marked], i: usize) -> Range<usize> {
    let quote = &marked[i];
    let mut ceiling = lines[quote.last_line].range.end;
    if let Some(next) = marked.get(i + 1) {
        if next.first_line == quote.last_line {
            ceiling = next.start;
        }
    }
    trim_range(body, quote.end..sentence_end(body, quote.end..ceiling))
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
    "Adm", "Cmdr", "St", "Jr", "Sr", "Rev", "Hon", "Mt", "No", "Nos", "Vol", "vs", "Inc", "Corp",
    "Ltd", "Co", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Pres", "Sec", "Amb",
];

/// Whether the terminator `c` at `at` ends a sentence, looking no further than `limit`.
fn is_sentence_end(body: &str, at: usize, c: char, limit: usize) -> bool {
    let after = &body[(at + c.len_utf8()).min(limit)..limit];
    if after.chars().next().is_some_and(|n| !n.is_whitespace()) {
        return false;
    }
    if after
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
    {
        return false;
    }
    if c == '.' {
        let word_start = body[..at]
            .char_indices()
            .rev()
            .find(|(_, ch)| ch.is_whitespace())
            .map_or(0, |(i, ch)| i + ch.len_utf8());
        let word = body[word_start..at].trim_start_matches(|ch: char| !ch.is_alphanumeric());
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        // "U.S." and "a.m." end a sentence too rarely to cut one at every mention.
        if initial || word.contains('.') || ABBREVIATIONS.contains(&word) {
            return false;
        }
    }
    true
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Where the sentence containing `range.end` starts: just after the last sentence end or table
/// bar in `range`, else `range.start`.
fn sentence_start(body: &str, range: Range<usize>) -> usize {
    let mut start = range.start;
    for (offset, c) in body[range.clone()].char_indices() {
        let at = range.start + offset;
        if c == '|' || (is_terminator(c) && is_sentence_end(body, at, c, range.end)) {
            start = at + c.len_utf8();
        }
    }
    start
}

/// Where the sentence running from `range.start` ends: after its terminator, at a table bar,
/// else `range.end`.
fn sentence_end(body: &str, range: Range<usize>) -> usize {
    for (offset, c) in body[range.clone()].char_indices() {
        let at = range.start + offset;
        if c == '|' {
            return at;
        }
        if is_terminator(c) && is_sentence_end(body, at, c, range.end) {
            return at + c.len_utf8();
        }
    }
    range.end
}

/// Whether a quotation stands as a whole utterance: it starts its sentence (or follows a colon,
/// comma or dash) and ends it (or ends with punctuation of its own, or is followed by some).
fn is_utterance(before: &str, last_part: &str, after: &str) -> bool {
    let before = before.trim();
    let after = after.trim();
    // A list bullet or an opening bracket before the mark does not make it part of a sentence.
    let starts =
        !before.chars().any(char::is_alphanumeric) || before.ends_with([':', ',', '—', '–']);
    let ends = after.is_empty()
        || after.starts_with(['.', ',', ';', ':', '!', '?', '—', '–', ')'])
        || last_part.ends_with(['.', ',', ';', ':', '!', '?', '…', '—', '–']);
    starts && ends
}

// ---------------------------------------------------------------------------------------------
// Split quotations

struct Group {
    first: usize,
    last: usize,
    /// The attribution between the parts of a split quotation.
    between: Option<Found>,
}

/// Most words an attribution between two parts of one quotation may have.
const MAX_BETWEEN_WORDS: usize = 40;

fn join_split_quotations(body: &str, lines: &[Line], marked: &[Marked]) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut i = 0;
    while i < marked.len() {
        let mut group = Group {
            first: i,
            last: i,
            between: None,
        };
        while let Some(next) = marked.get(group.last + 1) {
            let current = &marked[group.last];
            if current.last_line != next.first_line {
                break;
            }
            let gap = current.end..next.start;
            let gap_text = body[gap.clone()].trim();
            let last_part = current.parts.last().map_or("", |p| &body[p.clone()]);
            let interrupted = last_part.ends_with([',', '—', '–', '…', '?', '!', ':'])
                || gap_text.starts_with([',', '—', '–']);
            // The attribution is the whole gap: at most one sentence, ending with it.
            let one_clause = {
                let end = sentence_end(body, gap.clone());
                !body[end..gap.end].chars().any(char::is_alphanumeric)
            };
            if !interrupted
                || !one_clause
                || gap_text.split_whitespace().count() > MAX_BETWEEN_WORDS
            {
                break;
            }
            let Some(found) = attribution_after(body, gap, true, Verbs::Speech) else {
                break;
            };
            // `“A,” said X. “B,” said Y.`: the second quotation has a source of its own.
            let next_after = after_range(body, lines, marked, group.last + 1);
            if attribution_after(body, next_after, true, Verbs::Speech).is_some() {
                break;
            }
            group.between.get_or_insert(found);
            group.last += 1;
        }
        i = group.last + 1;
        groups.push(group);
    }
    groups
}

// ---------------------------------------------------------------------------------------------
// Attribution

/// A source as written next to an attribution verb.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// A name, with the role written around it.
    Named { name: String, role: Option<String> },
    /// A description without a name: "a senior official", "diplomats".
    Unnamed { role: String },
    /// "he", "she" or "they": someone named before.
    Pronoun(Pronoun),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    /// he, she: the last named speaker.
    Singular,
    /// they: the last source, named or not.
    Plural,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    source: Source,
    /// The verb and the source phrase.
    range: Range<usize>,
}

/// Which verbs introduce a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verbs {
    /// Verbs of saying.
    Speech,
    /// Verbs of saying and of naming ("called", "described"), which introduce partial quotations.
    SpeechOrNaming,
}

/// Most words between a quotation and the verb of its attribution after it.
const MAX_LEAD_WORDS: usize = 16;
/// Most words between the verb of an attribution before a quotation and the quotation.
const MAX_TAIL_WORDS: usize = 12;
/// Most words of a source phrase without its appositive.
const MAX_HEAD_WORDS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbAt {
    Verb,
    AccordingTo,
}

fn verb_at(tokens: &[Token<'_>], i: usize, verbs: Verbs) -> Option<VerbAt> {
    let token = &tokens[i];
    let core = token.core;
    if core.eq_ignore_ascii_case("according")
        && !token.breaks_after()
        && tokens.get(i + 1).is_some_and(|t| t.core == "to")
    {
        return Some(VerbAt::AccordingTo);
    }
    let lower_initial = core.chars().next().is_some_and(char::is_lowercase);
    let known = SPEECH_VERBS.contains(&core)
        || (verbs == Verbs::SpeechOrNaming && NAMING_VERBS.contains(&core));
    (lower_initial && known).then_some(VerbAt::Verb)
}

/// An attribution opening the text after a quotation or between its parts: `said X`,
/// `X said`, `according to X`. With `strict`, everything between the quotation and the verb
/// must be the source; otherwise the source is the last clause before the verb (`toward normal
/// ties, Lopez said`).
fn attribution_after(body: &str, range: Range<usize>, strict: bool, verbs: Verbs) -> Option<Found> {
    let tokens = tokenize(body, range);
    for v in 0..tokens.len().min(MAX_LEAD_WORDS) {
        let Some(verb) = verb_at(&tokens, v, verbs) else {
            continue;
        };
        let found = match verb {
            VerbAt::AccordingTo => source_after(body, &tokens[v + 2..]),
            VerbAt::Verb if is_blank(&tokens[..v]) => source_after(body, &tokens[v + 1..]),
            VerbAt::Verb => source_before(body, &tokens[..v], strict),
        };
        if let Some((source, phrase)) = found {
            return Some(Found {
                source,
                range: phrase.start.min(tokens[v].start)..phrase.end.max(tokens[v].end),
            });
        }
        if strict {
            return None;
        }
    }
    None
}

/// An attribution in the sentence before a quotation: `Lopez said:`, `according to Lopez,`,
/// `He called the talks`. The verb nearest the quotation that has a source wins.
fn attribution_before(body: &str, range: Range<usize>, verbs: Verbs) -> Option<Found> {
    let tokens = tokenize(body, range);
    for v in (0..tokens.len()).rev() {
        if tokens.len() - v - 1 > MAX_TAIL_WORDS {
            break;
        }
        let Some(verb) = verb_at(&tokens, v, verbs) else {
            continue;
        };
        let found = match verb {
            VerbAt::AccordingTo => source_after(body, &tokens[v + 2..]),
            VerbAt::Verb if is_blank(&tokens[..v]) => source_after(body, &tokens[v + 1..]),
            VerbAt::Verb => source_before(body, &tokens[..v], false),
        };
        if let Some((source, phrase)) = found {
            return Some(Found {
                source,
                range: phrase.start.min(tokens[v].start)..phrase.end.max(tokens[v].end),
            });
        }
    }
    None
}

/// The attribution ending the paragraph before a quotation that opens its own paragraph
/// ("One senior official involved in the process said,").
fn introducing_paragraph(
    body: &str,
    lines: &[Line],
    quote: &Marked,
    before: &Range<usize>,
) -> Option<Found> {
    if body[before.clone()].chars().any(char::is_alphanumeric)
        || quote.first_line == 0
        || !lines[quote.first_line].follows_read
    {
        return None;
    }
    let previous = lines[quote.first_line - 1].range.clone();
    let text = body[previous.clone()].trim_end();
    if !text.ends_with([':', ',']) {
        return None;
    }
    let end = previous.start + text.len();
    let start = sentence_start(body, previous.start..end);
    attribution_before(body, start..end, Verbs::Speech)
}

/// The source phrase after a verb: its first clause, with an appositive if one follows.
fn source_after(body: &str, tokens: &[Token<'_>]) -> Option<(Source, Range<usize>)> {
    let segments = segments(tokens);
    let head = segments.first()?;
    let appositive = segments.get(1).filter(|s| is_appositive(s));
    let found = parse_source(body, head, appositive.map(|s| s.as_slice()));
    // "said her neighbour, Ana Berg": the description first, then the name.
    if let (Some((Source::Unnamed { role }, range)), Some(second)) = (&found, segments.get(1)) {
        let name_only =
            find_name(second).filter(|(name, role)| role.is_empty() && name.len() == second.len());
        if let Some((name, _)) = name_only {
            let name = strip_possessive(text_of(body, name)).to_string();
            let end = second.last().map_or(range.end, |t| t.end);
            let role = Some(role.clone());
            return Some((Source::Named { name, role }, range.start..end));
        }
    }
    found
}

/// The source phrase before a verb. Strict: the whole phrase (a name, maybe with an appositive
/// or a relative clause); otherwise its last clause, or the two last when the last is an
/// appositive (`Sefa Lind, a spokesperson for the Ministry,`).
fn source_before(body: &str, tokens: &[Token<'_>], strict: bool) -> Option<(Source, Range<usize>)> {
    let mut tokens = tokens;
    while let Some((last, rest)) = tokens.split_last() {
        if last.breaks_after() || !(last.core.is_empty() || is_auxiliary(last.core)) {
            break;
        }
        tokens = rest;
    }
    if strict && tokens.len() > MAX_HEAD_WORDS + 8 {
        return None;
    }
    let segments = segments(tokens);
    let segments: Vec<&[Token<'_>]> = segments
        .iter()
        .map(|s| strip_conjunctions(s))
        .filter(|s| !s.is_empty())
        .collect();
    if strict {
        return match segments.as_slice() {
            [head] => parse_source(body, head, None),
            [head, second] if is_appositive(second) => parse_source(body, head, Some(second)),
            [head, second] if is_relative(second) || is_participial(second) => {
                parse_source(body, head, None)
            }
            _ => None,
        };
    }
    let (last, earlier) = segments.split_last()?;
    if let Some(previous) = earlier.last() {
        let joined = if is_appositive(last) {
            parse_source(body, previous, Some(last))
        } else if is_relative(last) || is_participial(last) {
            parse_source(body, previous, None)
        } else {
            None
        };
        // A name with its appositive beats the last clause alone; a description only when the
        // last clause names no one ("Officials, speaking on condition of anonymity,").
        if joined
            .as_ref()
            .is_some_and(|(s, _)| matches!(s, Source::Named { .. }))
        {
            return joined;
        }
        return parse_source(body, last, None).or(joined);
    }
    parse_source(body, last, None)
}

fn strip_conjunctions<'t, 'a>(tokens: &'t [Token<'a>]) -> &'t [Token<'a>] {
    let skip = tokens
        .iter()
        .take_while(|t| CONJUNCTIONS.contains(&t.core.to_lowercase().as_str()))
        .count();
    &tokens[skip..]
}

/// The source a phrase names: a pronoun, a name with its role, or a described person.
fn parse_source(
    body: &str,
    head: &[Token<'_>],
    appositive: Option<&[Token<'_>]>,
) -> Option<(Source, Range<usize>)> {
    let (first, last) = (head.first()?, head.last()?);
    if head.len() > MAX_HEAD_WORDS {
        return None;
    }
    let end = appositive
        .and_then(|a| a.last())
        .map_or(last.end, |t| t.end);
    let range = first.start..end;
    let appositive_text = appositive.map(|a| text_of(body, a));
    if let [only] = head {
        match only.core.to_lowercase().as_str() {
            "he" | "she" => return Some((Source::Pronoun(Pronoun::Singular), range)),
            "they" => return Some((Source::Pronoun(Pronoun::Plural), range)),
            _ => {}
        }
    }
    if let Some((name, role_words)) = find_name(head) {
        let role_text = (!role_words.is_empty()).then(|| text_of(body, role_words));
        let role = join_roles(role_text, appositive_text);
        let name = strip_possessive(text_of(body, name)).to_string();
        return Some((Source::Named { name, role }, range));
    }
    // "the ministers’ report" is not a person: a possessive only qualifies the noun.
    if head
        .iter()
        .any(|t| !t.is_possessive() && is_person_noun(t.core))
    {
        let role = join_roles(Some(text_of(body, head)), appositive_text)?;
        return Some((Source::Unnamed { role }, range));
    }
    None
}

fn join_roles(before: Option<&str>, appositive: Option<&str>) -> Option<String> {
    match (before, appositive) {
        (Some(b), Some(a)) => Some(format!("{b}, {a}")),
        (Some(b), None) => Some(b.to_string()),
        (None, Some(a)) => Some(a.to_string()),
        (None, None) => None,
    }
}

/// The name in a source phrase, and the role words before it (titles kept, honorifics and a
/// lone article dropped). The name is the last run of capitalised words that is not the object
/// of a preposition ("at Georgetown University") nor a modifier of a following noun ("State
/// Department official").
fn find_name<'t, 'a>(head: &'t [Token<'a>]) -> Option<(&'t [Token<'a>], &'t [Token<'a>])> {
    let runs = name_runs(head);
    for run in runs.into_iter().rev() {
        let preceding = head[..run.start]
            .iter()
            .rev()
            .find(|t| !matches!(t.core.to_lowercase().as_str(), "the" | "a" | "an"));
        if preceding.is_some_and(|t| PREPOSITIONS.contains(&t.core.to_lowercase().as_str())) {
            continue;
        }
        let last = &head[run.end - 1];
        let modifier = !last.is_possessive()
            && head
                .get(run.end)
                .is_some_and(|next| !next.core.is_empty() && !is_function_word(next.core));
        if modifier {
            continue;
        }
        // "the Venezuelan Foreign Ministry", "the White House": an institution keeps the title
        // words and adjectives of its name.
        let mut start = run.start;
        if is_institution(head[run.end - 1].core) {
            while start > 0 {
                let before = &head[start - 1];
                let capitalised = before.core.starts_with(char::is_uppercase);
                if !capitalised || before.breaks_after() || is_not_name(&before.core.to_lowercase())
                {
                    break;
                }
                start -= 1;
            }
        }
        let mut role = &head[..start];
        while let Some((first, rest)) = role.split_first() {
            if !(is_honorific(first.core)
                || matches!(first.core.to_lowercase().as_str(), "the" | "a" | "an"))
            {
                break;
            }
            role = rest;
        }
        while let Some((last, rest)) = role.split_last() {
            if !is_honorific(last.core) {
                break;
            }
            role = rest;
        }
        return Some((&head[start..run.end], role));
    }
    None
}

/// Runs of name words (capitalised, not titles, honorifics or common words), with particles
/// such as "da" or "van" inside, ending at a comma or a possessive.
fn name_runs(head: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < head.len() {
        if !is_name_word(head[i].core) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            let last = &head[end - 1];
            if last.breaks_after() || last.is_possessive() {
                break;
            }
            let particles = head[end..]
                .iter()
                .take_while(|t| NAME_PARTICLES.contains(&t.core) && !t.breaks_after())
                .count();
            if head
                .get(end + particles)
                .is_some_and(|t| is_name_word(t.core) && !t.breaks_before())
            {
                end += particles + 1;
            } else {
                break;
            }
        }
        runs.push(i..end);
        i = end;
    }
    runs
}

fn is_name_word(core: &str) -> bool {
    let Some(first) = core.chars().next() else {
        return false;
    };
    let capitalised = first.is_uppercase()
        || NAME_PARTICLES.iter().any(|p| {
            core.strip_prefix(p)
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|r| r.starts_with(char::is_uppercase))
        });
    if !capitalised {
        return false;
    }
    let lower = core.to_lowercase();
    let lower = strip_possessive(&lower);
    !(is_not_name(lower)
        || is_honorific(core)
        || is_title(core)
        || is_person_noun(lower)
        || lower.chars().all(|c| c.is_ascii_digit()))
}

fn is_institution(core: &str) -> bool {
    INSTITUTIONS.contains(&strip_possessive(&core.to_lowercase()))
}

fn is_title(core: &str) -> bool {
    core.split('-')
        .any(|part| TITLES.contains(&part.to_lowercase().as_str()))
}

fn is_honorific(core: &str) -> bool {
    HONORIFICS.contains(&core.to_lowercase().as_str())
}

/// Whether a description of a source is plural ("officials", "Pentagon officials", "people
/// familiar with the talks").
fn describes_many(description: &str) -> bool {
    description
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .find(|w| is_person_noun(w))
        .is_some_and(|w| {
            matches!(
                w.as_str(),
                "people" | "men" | "women" | "spokespeople" | "police" | "allies"
            ) || !(PERSON_NOUNS.contains(&w.as_str()) || TITLES.contains(&w.as_str()))
        })
}

/// Whether a word names a person by role: official(s), diplomat, spokesperson, analyst, …
fn is_person_noun(core: &str) -> bool {
    let lower = core.to_lowercase();
    let lower = strip_possessive(&lower);
    if PERSON_NOUNS.contains(&lower) || TITLES.contains(&lower) {
        return true;
    }
    if matches!(
        lower,
        "people" | "men" | "women" | "spokespeople" | "police" | "allies"
    ) {
        return true;
    }
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    PERSON_NOUNS.contains(&singular) || TITLES.contains(&singular)
}

fn is_auxiliary(core: &str) -> bool {
    let lower_initial = core.chars().next().is_some_and(char::is_lowercase);
    lower_initial && (AUXILIARIES.contains(&core) || (core.len() > 4 && core.ends_with("ly")))
}

/// Whether a following word ends a name rather than making it a modifier: a preposition, an
/// auxiliary or a relative pronoun ("Lopez of the ministry", "Lopez also", "Lopez, who").
fn is_function_word(core: &str) -> bool {
    let lower = core.to_lowercase();
    PREPOSITIONS.contains(&lower.as_str())
        || AUXILIARIES.contains(&lower.as_str())
        || RELATIVES.contains(&lower.as_str())
        || CONJUNCTIONS.contains(&lower.as_str())
}

/// Whether a clause after a comma describes the person before it: starts with a lower-case
/// word that is not a relative pronoun, conjunction, preposition or participle.
fn is_appositive(tokens: &[Token<'_>]) -> bool {
    let Some(first) = tokens.first() else {
        return false;
    };
    let core = first.core;
    core.chars().next().is_some_and(char::is_lowercase)
        && tokens.len() <= 16
        && !core.ends_with("ing")
        && !is_function_word(core)
        && !matches!(core, "not" | "also" | "then" | "later")
}

/// A clause such as "speaking on condition of anonymity" between a source and its verb.
fn is_participial(tokens: &[Token<'_>]) -> bool {
    tokens.first().is_some_and(|t| {
        t.core.len() > 4 && t.core.ends_with("ing") && t.core.starts_with(char::is_lowercase)
    })
}

fn is_relative(tokens: &[Token<'_>]) -> bool {
    tokens
        .first()
        .is_some_and(|t| RELATIVES.contains(&t.core.to_lowercase().as_str()))
}

fn strip_possessive(text: &str) -> &str {
    ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|s| text.strip_suffix(s))
        .unwrap_or(text)
}

/// The body text from the first token to the last, marks and punctuation at the ends left out.
fn text_of<'a>(body: &'a str, tokens: &[Token<'_>]) -> &'a str {
    match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) => &body[first.start..last.end.max(first.start)],
        _ => "",
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens of an attribution clause

/// A whitespace-separated word with the punctuation around it split off.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    /// The word without leading and trailing punctuation ("Dr" of "Dr.", "Maduro’s").
    core: &'a str,
    /// Byte range of `core` in the body.
    start: usize,
    end: usize,
    leading: &'a str,
    trailing: &'a str,
}

impl Token<'_> {
    /// A comma, colon, semicolon, closing bracket or dash after the word ends its clause.
    fn breaks_after(&self) -> bool {
        self.trailing.contains([',', ';', ':', ')', '—', '–', '|'])
            || (self.core.is_empty() && self.leading.contains(['—', '–', '-', ',', ';', '|']))
    }

    fn breaks_before(&self) -> bool {
        self.leading.contains(['(', '—', '–'])
    }

    fn is_possessive(&self) -> bool {
        strip_possessive(self.core).len() < self.core.len()
    }
}

fn tokenize(body: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let text = &body[range.clone()];
    let mut tokens = Vec::new();
    let mut word_start = None;
    let ends = text
        .char_indices()
        .map(|(i, c)| (i, c.is_whitespace()))
        .chain(std::iter::once((text.len(), true)));
    for (i, space) in ends {
        match (space, word_start) {
            (true, Some(start)) => {
                tokens.push(token(body, range.start + start, i - start));
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
    }
    tokens
}

fn token(body: &str, start: usize, len: usize) -> Token<'_> {
    let word_in_body = &body[start..start + len];
    let lead = word_in_body.len()
        - word_in_body
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let core_and_trailing = &word_in_body[lead..];
    let mut core = core_and_trailing.trim_end_matches(|c: char| !c.is_alphanumeric());
    // Keep the apostrophe of a plural possessive ("ministers’").
    if core.ends_with(['s', 'S']) {
        if let Some(apostrophe) = core_and_trailing[core.len()..]
            .chars()
            .next()
            .filter(|c| matches!(c, '’' | '\''))
        {
            core = &core_and_trailing[..core.len() + apostrophe.len_utf8()];
        }
    }
    Token {
        core,
        start: start + lead,
        end: start + lead + core.len(),
        leading: &word_in_body[..lead],
        trailing: &core_and_trailing[core.len()..],
    }
}

fn is_blank(tokens: &[Token<'_>]) -> bool {
    tokens.iter().all(|t| t.core.is_empty())
}

/// The tokens split into clauses at commas, dashes and brackets; punctuation-only tokens
/// dropped.
fn segments<'a>(tokens: &[Token<'a>]) -> Vec<Vec<Token<'a>>> {
    let mut out: Vec<Vec<Token<'a>>> = vec![Vec::new()];
    for token in tokens {
        if token.breaks_before() && !out.last().is_some_and(Vec::is_empty) {
            out.push(Vec::new());
        }
        if !token.core.is_empty() {
            out.last_mut().expect("never empty").push(*token);
        }
        if token.breaks_after() && !out.last().is_some_and(Vec::is_empty) {
            out.push(Vec::new());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

// ---------------------------------------------------------------------------------------------
// Speakers across an article

/// What an article said about its speakers so far.
struct SpeakerMemory<'a> {
    body: &'a str,
    /// Named speakers so far, with their roles, in order.
    named: Vec<(String, Option<String>)>,
    /// The last source of any kind: (speaker, role, anonymous).
    last: Option<(Option<String>, Option<String>, bool)>,
    /// The body's tokens, for completing surnames; read on first need.
    tokens: Option<Vec<Token<'a>>>,
}

impl<'a> SpeakerMemory<'a> {
    fn new(body: &'a str) -> Self {
        SpeakerMemory {
            body,
            named: Vec::new(),
            last: None,
            tokens: None,
        }
    }

    fn resolve(&mut self, source: &Source) -> (Option<String>, Option<String>, bool) {
        let resolved = match source {
            Source::Named { name, role } => {
                let name = self.full_name(name);
                let role = role.clone().or_else(|| {
                    self.named
                        .iter()
                        .rev()
                        .find(|(n, r)| *n == name && r.is_some())
                        .and_then(|(_, r)| r.clone())
                });
                self.named.push((name.clone(), role.clone()));
                (Some(name), role, false)
            }
            Source::Unnamed { role } => (None, Some(role.clone()), true),
            // "he" or "she" after "a technician said" is the technician; after "officials said"
            // it is the last named speaker.
            Source::Pronoun(Pronoun::Singular) => match (&self.last, self.named.last()) {
                (Some(last), _) if !(last.2 && last.1.as_deref().is_some_and(describes_many)) => {
                    last.clone()
                }
                (_, Some((name, role))) => (Some(name.clone()), role.clone(), false),
                _ => (None, None, false),
            },
            Source::Pronoun(Pronoun::Plural) => self.last.clone().unwrap_or((None, None, false)),
        };
        if resolved.0.is_some() || resolved.2 {
            self.last = Some(resolved.clone());
        }
        resolved
    }

    /// A lone surname completed from an earlier speaker or the first full mention in the body
    /// ("Maduro" -> "Nicolás Maduro").
    fn full_name(&mut self, name: &str) -> String {
        if name.split_whitespace().count() != 1 {
            return name.to_string();
        }
        if let Some((full, _)) = self
            .named
            .iter()
            .rev()
            .find(|(n, _)| n.split_whitespace().last() == Some(name) && n != name)
        {
            return full.clone();
        }
        let body = self.body;
        let all = self
            .tokens
            .get_or_insert_with(|| tokenize(body, 0..body.len()));
        for (i, t) in all.iter().enumerate() {
            if strip_possessive(t.core) != name {
                continue;
            }
            let mut first = i;
            while first > 0 {
                let before = &all[first - 1];
                let same_line = !body[before.end..all[first].start].contains('\n');
                if !same_line
                    || !before.trailing.is_empty()
                    || !all[first].leading.is_empty()
                    || before.breaks_after()
                    || before.is_possessive()
                    || !is_name_word(before.core)
                {
                    break;
                }
                first -= 1;
            }
            if first < i {
                return body[all[first].start..t.start + name.len()].to_string();
            }
        }
        name.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Matching

struct Entry<'a> {
    id: (usize, usize),
    quote: &'a Quote,
    words: Vec<String>,
}

/// Lower-case words of a text with their byte ranges; curly apostrophes made straight so
/// "don’t" meets "don't".
fn comparable_words(text: &str) -> Vec<(String, Range<usize>)> {
    words(text)
        .map(|w| {
            let word = w.text.to_lowercase().replace(['’', '‘'], "'");
            (word, w.start..w.end())
        })
        .collect()
}

fn wording_relation(a: &[String], b: &[String]) -> Option<QuoteRelation> {
    if a == b {
        return Some(QuoteRelation::Same);
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= MIN_TRIMMED_WORDS && long.windows(short.len()).any(|w| w == short) {
        return Some(QuoteRelation::Trimmed);
    }
    let kept = local_matches(short, long);
    (kept >= MIN_ALTERED_WORDS && kept as f64 >= ALTERED_SHARE * short.len() as f64)
        .then_some(QuoteRelation::Altered)
}

/// Words of `short` found in order in a dense stretch of `long`: the matches of the best local
/// alignment (Smith–Waterman; +2 a shared word, −1 a changed, added or dropped one), so words
/// shared by chance far apart do not add up.
fn local_matches(short: &[String], long: &[String]) -> usize {
    // (score, matches) of the best alignment ending at each cell; one row at a time.
    let mut previous = vec![(0i64, 0usize); long.len() + 1];
    let mut best = (0i64, 0usize);
    for word in short {
        let mut row = vec![(0i64, 0usize); long.len() + 1];
        for (j, other) in long.iter().enumerate() {
            let diagonal = if word == other {
                (previous[j].0 + 2, previous[j].1 + 1)
            } else {
                (previous[j].0 - 1, previous[j].1)
            };
            let up = (previous[j + 1].0 - 1, previous[j + 1].1);
            let left = (row[j].0 - 1, row[j].1);
            let cell = [diagonal, up, left]
                .into_iter()
                .max_by_key(|c| (c.0, c.1))
                .filter(|c| c.0 > 0)
                .unwrap_or((0, 0));
            row[j + 1] = cell;
            if (cell.0, cell.1) > best {
                best = cell;
            }
        }
        previous = row;
    }
    best.1
}

fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    let (a, b) = (words(a), words(b));
    if a.len() >= 2 && b.len() >= 2 {
        a == b
    } else {
        a.last() == b.last()
    }
}

fn relation_rank(relation: QuoteRelation) -> u8 {
    match relation {
        QuoteRelation::Same => 0,
        QuoteRelation::Trimmed => 1,
        QuoteRelation::Altered => 2,
        QuoteRelation::Misattributed => 3,
        QuoteRelation::Unattributed => 4,
    }
}

/// An article's words outside its quotations, indexed by their first eight words, to find a
/// quotation's words used without marks.
struct UnquotedWords {
    words: Vec<(String, Range<usize>)>,
    quoted: Vec<bool>,
    starts: HashMap<Vec<String>, Vec<usize>>,
}

impl UnquotedWords {
    fn new(body: &str, quotes: &[Quote]) -> Self {
        let words = comparable_words(body);
        let quoted: Vec<bool> = words
            .iter()
            .map(|(_, r)| quotes.iter().any(|q| q.start <= r.start && r.end <= q.end))
            .collect();
        let mut starts: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
        for i in 0..words.len().saturating_sub(MIN_UNATTRIBUTED_WORDS - 1) {
            if quoted[i..i + MIN_UNATTRIBUTED_WORDS].iter().any(|&q| q) {
                continue;
            }
            let key = words[i..i + MIN_UNATTRIBUTED_WORDS]
                .iter()
                .map(|(w, _)| w.clone())
                .collect();
            starts.entry(key).or_default().push(i);
        }
        UnquotedWords {
            words,
            quoted,
            starts,
        }
    }

    /// Byte range of the longest run (at least `min` words) of `quote`'s consecutive words
    /// found unquoted here; the first of equally long runs.
    fn longest_run(&self, quote: &[String], min: usize) -> Option<Range<usize>> {
        let mut best: Option<(usize, usize)> = None; // (length, start word)
        for s in 0..quote.len().saturating_sub(min - 1) {
            let Some(candidates) = self.starts.get(&quote[s..s + min]) else {
                continue;
            };
            for &p in candidates {
                let mut length = min;
                while s + length < quote.len()
                    && p + length < self.words.len()
                    && !self.quoted[p + length]
                    && self.words[p + length].0 == quote[s + length]
                {
                    length += 1;
                }
                if best.is_none_or(|(l, _)| length > l) {
                    best = Some((length, p));
                }
            }
        }
        best.map(|(length, p)| self.words[p].1.start..self.words[p + length - 1].1.end)
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

    #[test]
    fn sentence_ends_skip_abbreviations_and_initials() {
        let body = "Dr. Elena Ramirez met U.S. officials. Then J. Smith left";
        assert_eq!(
            sentence_end(body, 0..body.len()),
            body.find("officials.").unwrap() + 10
        );
        assert_eq!(
            sentence_start(body, 0..body.len()),
            body.find("Then").unwrap() - 1
        );
    }

    #[test]
    fn source_phrases_split_name_and_role() {
        let cases = [
            (
                "Venezuelan President Nicolás Maduro",
                Some("Nicolás Maduro"),
                Some("Venezuelan President"),
            ),
            (
                "former State Department official James Morrow",
                Some("James Morrow"),
                Some("former State Department official"),
            ),
            ("Dr. Elena Ramirez", Some("Elena Ramirez"), None),
            (
                "a spokesperson for the Ministry",
                None,
                Some("a spokesperson for the Ministry"),
            ),
            ("Pentagon officials", None, Some("Pentagon officials")),
            ("Maduro’s evasive response", Some("Maduro"), None),
        ];
        for (phrase, name, role) in cases {
            let tokens = tokenize(phrase, 0..phrase.len());
            let (source, _) =
                parse_source(phrase, &tokens, None).unwrap_or_else(|| panic!("{phrase}"));
            match source {
                Source::Named { name: n, role: r } => {
                    assert_eq!((Some(n.as_str()), r.as_deref()), (name, role), "{phrase}")
                }
                Source::Unnamed { role: r } => {
                    assert_eq!((None, Some(r.as_str())), (name, role), "{phrase}")
                }
                Source::Pronoun(_) => panic!("{phrase}"),
            }
        }
        let report = "The report";
        assert!(parse_source(report, &tokenize(report, 0..report.len()), None).is_none());
    }

    #[test]
    fn local_matches_ignore_scattered_words() {
        let split = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let short = split("we will not accept this deal");
        assert_eq!(
            local_matches(&short, &split("we will never accept this deal")),
            5
        );
        let far = split("we met and later it was clear that this was not the deal we will accept");
        assert!(local_matches(&short, &far) < 4);
    }
}

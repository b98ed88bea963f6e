//! Finding quotations: the lines of a body, the quotation marks in them (straight, curly,
//! low-high, guillemets and single marks told apart from apostrophes), the sentence around
//! each, and quotations split by their attribution joined.

use super::speakers::{attribution_after, Found, Verbs};
use std::ops::Range;

// ---------------------------------------------------------------------------------------------
// Lines and marks

/// A line of the body that analysis reads: not blank, not boilerplate.
pub(super) struct Line {
    pub(super) range: Range<usize>,
    /// Whether the line before it, blank lines aside, is read too (not boilerplate): a
    /// quotation or an introduction may run on from it.
    pub(super) follows_read: bool,
    /// Where sentences end inside it (another follows on the line), as
    /// [`crate::sentences`] splits them.
    sentence_ends: Vec<usize>,
}

pub(super) fn read_lines(body: &str, boilerplate: &[Range<usize>]) -> Vec<Line> {
    let mut ends = crate::sentences::sentence_ends_within_lines(body, "en", boilerplate)
        .into_iter()
        .peekable();
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
        let mut sentence_ends = Vec::new();
        while let Some(end) = ends.next_if(|&end| end <= range.end) {
            if end >= range.start {
                sentence_ends.push(end);
            }
        }
        out.push(Line {
            range,
            follows_read,
            sentence_ends,
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
pub(super) struct Marked {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) parts: Vec<Range<usize>>,
    /// Indices into the read lines.
    pub(super) first_line: usize,
    pub(super) last_line: usize,
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

pub(super) fn marked_quotations(body: &str, lines: &[Line]) -> Vec<Marked> {
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
        let rest_end = crate::text::floor_char_boundary(
            self.body,
            line_end.min(rest_start + PLURAL_POSSESSIVE_LOOKAHEAD),
        );
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
pub(super) fn before_range(
    body: &str,
    lines: &[Line],
    marked: &[Marked],
    i: usize,
) -> Range<usize> {
    let quote = &marked[i];
    let mut floor = lines[quote.first_line].range.start;
    if let Some(previous) = i.checked_sub(1).map(|p| &marked[p]) {
        if previous.last_line == quote.first_line {
            floor = previous.end;
        }
    }
    let line = &lines[quote.first_line];
    trim_range(
        body,
        line.sentence_start(body, floor..quote.start)..quote.start,
    )
}

/// The text of the quotation's sentence after its closing mark (not reaching the next
/// quotation), trimmed.
pub(super) fn after_range(body: &str, lines: &[Line], marked: &[Marked], i: usize) -> Range<usize> {
    let quote = &marked[i];
    let mut ceiling = lines[quote.last_line].range.end;
    if let Some(next) = marked.get(i + 1) {
        if next.first_line == quote.last_line {
            ceiling = next.start;
        }
    }
    let line = &lines[quote.last_line];
    trim_range(body, quote.end..line.sentence_end(body, quote.end..ceiling))
}

impl Line {
    /// Where the sentence containing `range.end` starts: just after the last sentence end or
    /// table bar in `range`, else `range.start`. `range` lies in this line.
    pub(super) fn sentence_start(&self, body: &str, range: Range<usize>) -> usize {
        let bar = body[range.clone()]
            .rfind('|')
            .map(|at| range.start + at + 1);
        let end = self
            .sentence_ends
            .iter()
            .rev()
            .find(|&&end| range.start < end && end <= range.end)
            .copied();
        bar.max(end).unwrap_or(range.start)
    }

    /// Where the sentence running from `range.start` ends: after its last mark, at a table
    /// bar, else `range.end`. `range` lies in this line.
    pub(super) fn sentence_end(&self, body: &str, range: Range<usize>) -> usize {
        let bar = body[range.clone()].find('|').map(|at| range.start + at);
        let end = self
            .sentence_ends
            .iter()
            .find(|&&end| range.start < end && end <= range.end)
            .copied();
        match (bar, end) {
            (Some(bar), Some(end)) => bar.min(end),
            (bar, end) => bar.or(end).unwrap_or(range.end),
        }
    }
}

/// Whether a quotation stands as a whole utterance: it starts its sentence (or follows a colon,
/// comma or dash) and ends it (or ends with punctuation of its own, or is followed by some).
pub(super) fn is_utterance(before: &str, last_part: &str, after: &str) -> bool {
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

pub(super) struct Group {
    pub(super) first: usize,
    pub(super) last: usize,
    /// The attribution between the parts of a split quotation.
    pub(super) between: Option<Found>,
}

/// Most words an attribution between two parts of one quotation may have.
const MAX_BETWEEN_WORDS: usize = 40;

pub(super) fn join_split_quotations(body: &str, lines: &[Line], marked: &[Marked]) -> Vec<Group> {
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
                let end = lines[current.last_line].sentence_end(body, gap.clone());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_skip_abbreviations_and_initials() {
        let body = "Dr. Elena Ramirez met U.S. officials. Then J. Smith left";
        let line = &read_lines(body, &[])[0];
        assert_eq!(
            line.sentence_end(body, 0..body.len()),
            body.find("officials.").unwrap() + 10
        );
        assert_eq!(
            line.sentence_start(body, 0..body.len()),
            body.find("Then").unwrap() - 1
        );
    }
}

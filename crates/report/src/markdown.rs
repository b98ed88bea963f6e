//! The report as Markdown: the same sections as the HTML report, tables where tables fit.
//! Written as CommonMark events and serialised by `pulldown-cmark-to-cmark`; every piece of
//! text is escaped first (a `|` in a quotation does not break a table, a `*` stays a star), and
//! a test parses the result back to the same words.

use crate::{Cited, Report};
use parallax_core::framing::{FactRelation, FRAME_DIMENSIONS};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Tag, TagEnd};

/// Punctuation the serialiser leaves as it is but CommonMark would read as markup.
const ESCAPED: &str = "\\*_`[]<>&~";

/// The byte offset of a character that would make `text` a list item, a quotation or a
/// heading underline if it opened a line ("-", "+", ">", "=", or the "." or ")" after leading
/// digits), or of escaped punctuation opening it.
fn leading_marker(text: &str) -> Option<usize> {
    let indent = text.len() - text.trim_start_matches(' ').len();
    let text_from = &text[indent..];
    let first = text_from.chars().next()?;
    // A backslash opening a text is escaped again by the serialiser: escaped punctuation
    // there is a character reference too.
    if "-+>=#".contains(first) || ESCAPED.contains(first) {
        return Some(indent);
    }
    // "1. " and "1) " open a list; "9.1" and "2026." do not.
    let digits = text_from.len()
        - text_from
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let after = &text_from[digits..];
    let marker =
        after.starts_with(['.', ')']) && (after.len() == 1 || after[1..].starts_with([' ', '\t']));
    (digits > 0 && marker).then_some(indent + digits)
}

/// Collects events for one document.
#[derive(Default)]
struct Doc {
    events: Vec<Event<'static>>,
}

impl Doc {
    fn heading(&mut self, level: HeadingLevel, text: &str) {
        self.events.push(Event::Start(Tag::Heading {
            level,
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        }));
        self.text(text);
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    fn text(&mut self, text: &str) {
        // The serialiser leaves most punctuation as it is ("*number*" would come back as
        // emphasis, "<b>" as markup): those characters are backslash-escaped, which CommonMark
        // reads back as the character itself. A block marker opening a line ("- ", "> ",
        // "1. ", "# ") is written as a character reference: a backslash there is escaped again
        // by the serialiser.
        let mut escaped = String::with_capacity(text.len() + 16);
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                escaped.push('\n');
            }
            let marker = leading_marker(line);
            for (i, c) in line.char_indices() {
                if Some(i) == marker {
                    escaped.push_str(&format!("&#{};", u32::from(c)));
                    continue;
                }
                if ESCAPED.contains(c) {
                    escaped.push('\\');
                }
                escaped.push(c);
            }
        }
        self.events.push(Event::Text(escaped.into()));
    }

    fn strong(&mut self, text: &str) {
        self.events.push(Event::Start(Tag::Strong));
        self.text(text);
        self.events.push(Event::End(TagEnd::Strong));
    }

    fn paragraph(&mut self, text: &str) {
        self.events.push(Event::Start(Tag::Paragraph));
        self.text(text);
        self.events.push(Event::End(TagEnd::Paragraph));
    }

    fn quote(&mut self, text: &str) {
        self.events.push(Event::Start(Tag::BlockQuote(None)));
        self.paragraph(text);
        self.events.push(Event::End(TagEnd::BlockQuote(None)));
    }

    fn list(&mut self, items: impl IntoIterator<Item = String>) {
        self.events.push(Event::Start(Tag::List(None)));
        for item in items {
            self.events.push(Event::Start(Tag::Item));
            self.text(&item);
            self.events.push(Event::End(TagEnd::Item));
        }
        self.events.push(Event::End(TagEnd::List(false)));
    }

    fn table(&mut self, head: &[String], rows: &[Vec<String>]) {
        self.events
            .push(Event::Start(Tag::Table(vec![Alignment::None; head.len()])));
        self.events.push(Event::Start(Tag::TableHead));
        for cell in head {
            self.cell(cell);
        }
        self.events.push(Event::End(TagEnd::TableHead));
        for row in rows {
            self.events.push(Event::Start(Tag::TableRow));
            for cell in row {
                self.cell(cell);
            }
            self.events.push(Event::End(TagEnd::TableRow));
        }
        self.events.push(Event::End(TagEnd::Table));
    }

    fn cell(&mut self, text: &str) {
        self.events.push(Event::Start(Tag::TableCell));
        // A line break would end the table row.
        self.text(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        self.events.push(Event::End(TagEnd::TableCell));
    }
}

fn at(c: &Cited) -> String {
    format!("[#{} {}–{}]", c.article, c.start, c.end)
}

/// The report as Markdown.
pub fn render(report: &Report) -> String {
    let mut d = Doc::default();
    d.heading(HeadingLevel::H1, &report.session.name);
    d.paragraph(&format!(
        "A comparison of {} articles, exported from Parallax {} on {}. Offsets like [#12 1520–1544] are byte ranges of the article's stored text.",
        report.articles.len(),
        report.parallax_version,
        report.exported_at
    ));

    d.heading(HeadingLevel::H2, "Articles");
    let rows: Vec<Vec<String>> = report
        .articles
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                a.outlet.clone().unwrap_or_default(),
                a.title.clone(),
                a.author.clone().unwrap_or_default(),
                a.published.clone().unwrap_or_default(),
                a.words.to_string(),
                a.sha256.clone(),
            ]
        })
        .collect();
    d.table(
        &[
            "#",
            "Outlet",
            "Title",
            "Author",
            "Published",
            "Words",
            "SHA-256",
        ]
        .map(String::from),
        &rows,
    );

    d.heading(HeadingLevel::H2, "Headlines and ledes");
    for o in &report.framing.openings {
        d.heading(
            HeadingLevel::H3,
            &format!(
                "{}: {}",
                report.label(o.article),
                o.headline.as_deref().unwrap_or("(no headline)")
            ),
        );
        if let Some(lede) = &o.lede {
            d.paragraph(&format!("{} {}", lede.text, at(lede)));
        }
    }

    let a = &report.alignment;
    d.heading(HeadingLevel::H2, "What they share, and what only one says");
    d.paragraph(&format!(
        "{} rows of aligned sentences; in {} of them two articles or more say the same thing.",
        a.rows, a.shared_rows
    ));
    let rows: Vec<Vec<String>> = a
        .articles
        .iter()
        .map(|x| {
            vec![
                report.label(x.article),
                x.sentences.to_string(),
                x.only_here.to_string(),
                format!("{:.0}%", x.shared * 100.0),
            ]
        })
        .collect();
    d.table(
        &["Article", "Sentences", "Only here", "Shared text"].map(String::from),
        &rows,
    );
    d.heading(HeadingLevel::H3, "Sentences only one article has");
    for x in &a.articles {
        let own: Vec<String> = a
            .only_here
            .iter()
            .filter(|c| c.article == x.article)
            .map(|c| format!("{} {}", c.text, at(c)))
            .collect();
        if !own.is_empty() {
            d.paragraph(&format!("{} — {}", report.label(x.article), own.len()));
            d.list(own);
        }
    }

    d.heading(HeadingLevel::H2, "Quotations");
    for group in &report.quotes {
        if let Some(first) = group.quotations.first() {
            d.quote(&format!("“{}”", first.cited.text));
        }
        let mut items: Vec<String> = group
            .quotations
            .iter()
            .map(|q| {
                format!(
                    "{}: {}{} · {} {}",
                    report.label(q.cited.article),
                    q.speaker
                        .as_deref()
                        .or(q.role.as_deref())
                        .unwrap_or("no speaker found"),
                    match (&q.speaker, &q.role) {
                        (Some(_), Some(role)) => format!(" ({role})"),
                        _ => String::new(),
                    },
                    format!("{:?}", q.carried).to_lowercase(),
                    at(&q.cited)
                )
            })
            .collect();
        items.extend(group.unquoted.iter().map(|u| {
            format!(
                "{}: the same words without quotation marks {}",
                report.label(u.article),
                at(u)
            )
        }));
        if group.misattributed {
            items.push("Given to different speakers by different articles.".into());
        }
        items.extend(group.variants.iter().map(|v| {
            format!(
                "{} has {}; {} has {}",
                report.label(v.a.article),
                v.a_only.join(" · "),
                report.label(v.b.article),
                v.b_only.join(" · ")
            )
        }));
        d.list(items);
    }

    d.heading(HeadingLevel::H2, "Passages shared word for word");
    if report.passages.is_empty() {
        d.paragraph("No passage of 20 words or more appears in two of these articles.");
    }
    for p in &report.passages {
        d.paragraph(&format!(
            "{} and {} · {} words, {:.0}% the same{}",
            report.label(p.a.article),
            report.label(p.b.article),
            p.words,
            p.similarity * 100.0,
            p.first
                .map(|f| format!(" · {} had it first", report.label(f)))
                .unwrap_or_default()
        ));
        d.quote(&format!("{} {}", p.a.text, at(&p.a)));
    }

    framing(&mut d, report);

    d.heading(HeadingLevel::H2, "Notes");
    if report.notes.is_empty() {
        d.paragraph("No notes.");
    }
    for n in &report.notes {
        if let Some(a) = &n.anchored {
            d.quote(&format!("{} {}", a.text, at(a)));
        }
        d.paragraph(&n.body);
        let mut meta = n.updated_at.clone();
        if !n.tags.is_empty() {
            meta.push_str(&format!(" · tags: {}", n.tags.join(", ")));
        }
        d.paragraph(&meta);
    }

    d.heading(HeadingLevel::H2, "Settings of the analyses");
    d.events.push(Event::Start(Tag::CodeBlock(
        pulldown_cmark::CodeBlockKind::Fenced("json".into()),
    )));
    d.text(&serde_json::to_string_pretty(&report.parameters).unwrap_or_default());
    d.events.push(Event::End(TagEnd::CodeBlock));

    let mut out = String::new();
    pulldown_cmark_to_cmark::cmark(d.events.iter(), &mut out).expect("writing to a String");
    out.push('\n');
    out
}

fn framing(d: &mut Doc, report: &Report) {
    let f = &report.framing;
    let labels: Vec<String> = report.articles.iter().map(|a| report.label(a.id)).collect();
    d.heading(HeadingLevel::H2, "How each article frames the story");
    d.heading(HeadingLevel::H3, "Words each article leans on");
    for x in &f.distinctive {
        d.events.push(Event::Start(Tag::Paragraph));
        d.strong(&report.label(x.article));
        let terms: Vec<String> = x
            .terms
            .iter()
            .map(|t| {
                format!(
                    "{} ({:.1}{})",
                    t.term,
                    t.z,
                    if t.significant { ", significant" } else { "" }
                )
            })
            .collect();
        d.text(&format!(": {}", terms.join(", ")));
        d.events.push(Event::End(TagEnd::Paragraph));
    }
    for o in &f.outlets {
        let terms: Vec<&str> = o.terms.iter().map(|t| t.term.as_str()).collect();
        d.paragraph(&format!(
            "{} ({} articles together): {}",
            o.outlet,
            o.articles.len(),
            terms.join(", ")
        ));
    }

    d.heading(HeadingLevel::H3, "Who and what each article names");
    let mut head = vec!["Actor".to_string(), "Kind".to_string()];
    head.extend(labels.iter().cloned());
    let rows: Vec<Vec<String>> = f
        .actors
        .iter()
        .take(30)
        .map(|actor| {
            let mut row = vec![
                actor.name.clone(),
                format!("{:?}", actor.kind).to_lowercase(),
            ];
            for a in &report.articles {
                row.push(match actor.mentions.iter().find(|m| m.article == a.id) {
                    Some(m) if m.in_headline => format!("{} (headline)", m.count),
                    Some(m) if m.in_lede => format!("{} (lede)", m.count),
                    Some(m) => m.count.to_string(),
                    None => "–".into(),
                });
            }
            row
        })
        .collect();
    d.table(&head, &rows);

    d.heading(HeadingLevel::H3, "Whom each article quotes");
    let rows: Vec<Vec<String>> = f
        .sources
        .iter()
        .map(|s| {
            vec![
                report.label(s.article),
                s.speaker.clone(),
                s.role.clone().unwrap_or_default(),
                serde_json::to_value(s.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                s.quotes.to_string(),
                s.words.to_string(),
            ]
        })
        .collect();
    d.table(
        &["Article", "Source", "Role", "Kind", "Quotations", "Words"].map(String::from),
        &rows,
    );

    d.heading(HeadingLevel::H3, "Facts stated differently, or left out");
    let mut head = vec!["What".to_string(), "How".to_string()];
    head.extend(labels.iter().cloned());
    let rows: Vec<Vec<String>> = f
        .facts
        .iter()
        .map(|fact| {
            let mut row = vec![
                fact.slot.clone(),
                match fact.relation {
                    FactRelation::Conflict => "conflict",
                    FactRelation::Omission => "omission",
                    FactRelation::Agree => "agree",
                }
                .to_string(),
            ];
            for a in &report.articles {
                let own: Vec<String> = fact
                    .values
                    .iter()
                    .filter(|v| v.article == a.id)
                    .map(|v| format!("{} {}", v.text, at(v)))
                    .collect();
                row.push(if own.is_empty() {
                    "—".into()
                } else {
                    own.join(" / ")
                });
            }
            row
        })
        .collect();
    d.table(&head, &rows);

    d.heading(
        HeadingLevel::H3,
        "Frame dimensions (words per 100 content words)",
    );
    let mut head = vec!["Dimension".to_string()];
    head.extend(labels.iter().cloned());
    let rows: Vec<Vec<String>> = FRAME_DIMENSIONS
        .iter()
        .map(|(key, label)| {
            let mut row = vec![label.to_string()];
            for p in &f.frames {
                row.push(format!("{:.1}", p.scores.get(*key).copied().unwrap_or(0.0)));
            }
            row
        })
        .collect();
    d.table(&head, &rows);
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    /// The text of a document's paragraphs and table cells, as a reader sees it.
    fn read_back(markdown: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut current = String::new();
        for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
            match event {
                Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                    current.push_str(&t)
                }
                Event::SoftBreak | Event::HardBreak => current.push(' '),
                Event::End(TagEnd::Paragraph) | Event::End(TagEnd::TableCell) => {
                    out.push(std::mem::take(&mut current))
                }
                Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. }) => current.push('§'),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn any_text_reads_back_as_written_in_paragraphs_and_table_cells() {
        let samples = [
            "a *star* and _underscores_ and `code`",
            "# not a heading",
            "- not a list",
            "+ not a list either",
            "1. not numbered",
            "| pipes | in | text |",
            "<b>bold?</b> & &amp; entities",
            "[not a link](https://example.invalid) ![nor an image](x)",
            "back\\slash \\* and ~~strike~~",
            "> not a quote",
            "=== not a heading underline",
            "First line\n# Injected heading\n- injected item\n  > quoted\n2. numbered",
            "Scores: 9.1 and 2026. Nothing to escape",
            "Maduro Offers US Dialogue: Drugs, Oil & Migration 2026",
        ];
        for sample in samples {
            let mut d = Doc::default();
            d.paragraph(sample);
            d.table(&["head".to_string()], &[vec![sample.to_string()]]);
            let mut markdown = String::new();
            pulldown_cmark_to_cmark::cmark(d.events.iter(), &mut markdown).unwrap();
            // Line breaks read back as spaces (soft breaks; a cell is one line).
            let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            let back: Vec<String> = read_back(&markdown).iter().map(|t| flat(t)).collect();
            assert_eq!(
                back,
                [flat(sample), "head".into(), flat(sample)],
                "{markdown}"
            );
        }
    }
}

//! The report as CSV tables, one file per table, UTF-8 with a header row: `articles.csv`,
//! `quotes.csv`, `passages.csv`, `conflicts.csv` (every fact: conflicts, omissions and
//! agreements), `distinctive.csv` and `notes.csv`. Spans are given as article, start, end and
//! text, like the JSON. Text that a spreadsheet would take for a formula is made inert.

use crate::{ExportError, Report};

type Table = (&'static str, Vec<u8>);

fn table(name: &'static str, head: &[&str], rows: Vec<Vec<String>>) -> Result<Table, ExportError> {
    let encode = |e: csv::Error| ExportError::Encode(format!("{name}: {e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(head).map_err(encode)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|cell| inert(cell).into_owned()))
            .map_err(encode)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Encode(format!("{name}: {e}")))?;
    Ok((name, bytes))
}

/// A cell a spreadsheet will not run: text opening with `=`, `+`, `-`, `@`, a tab or a carriage
/// return is a formula to Excel and LibreOffice ("=HYPERLINK(…)" in a headline), so it gets a
/// leading apostrophe, which they show as text. Numbers stay numbers ("-0.5" is left alone).
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn kind<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The tables, by file name.
pub fn render(report: &Report) -> Result<Vec<Table>, ExportError> {
    let optional = |s: &Option<String>| s.clone().unwrap_or_default();
    let articles = report
        .articles
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                a.title.clone(),
                optional(&a.outlet),
                optional(&a.agency),
                optional(&a.author),
                optional(&a.published),
                optional(&a.url),
                a.sha256.clone(),
                a.words.to_string(),
            ]
        })
        .collect();
    let mut quotes = Vec::new();
    for (group, g) in report.quotes.iter().enumerate() {
        for q in &g.quotations {
            quotes.push(vec![
                group.to_string(),
                q.cited.article.to_string(),
                q.cited.start.to_string(),
                q.cited.end.to_string(),
                q.cited.text.clone(),
                optional(&q.speaker),
                optional(&q.role),
                kind(q.kind),
                kind(q.carried),
                g.misattributed.to_string(),
            ]);
        }
    }
    let passages = report
        .passages
        .iter()
        .map(|p| {
            vec![
                p.a.article.to_string(),
                p.a.start.to_string(),
                p.a.end.to_string(),
                p.b.article.to_string(),
                p.b.start.to_string(),
                p.b.end.to_string(),
                p.words.to_string(),
                format!("{:.3}", p.similarity),
                p.first.map(|f| f.to_string()).unwrap_or_default(),
                p.a.text.clone(),
            ]
        })
        .collect();
    let mut conflicts = Vec::new();
    for (i, fact) in report.framing.facts.iter().enumerate() {
        let missing: Vec<String> = fact.missing.iter().map(|m| m.to_string()).collect();
        for v in &fact.values {
            conflicts.push(vec![
                i.to_string(),
                fact.slot.clone(),
                kind(fact.relation),
                v.article.to_string(),
                v.start.to_string(),
                v.end.to_string(),
                v.text.clone(),
                missing.join(" "),
            ]);
        }
    }
    let mut distinctive = Vec::new();
    for d in &report.framing.distinctive {
        for (rank, t) in d.terms.iter().enumerate() {
            let spans: Vec<String> = t
                .spans
                .iter()
                .map(|s| format!("{}-{}", s.start, s.end))
                .collect();
            distinctive.push(vec![
                d.article.to_string(),
                (rank + 1).to_string(),
                t.term.clone(),
                format!("{:.3}", t.z),
                t.significant.to_string(),
                t.count.to_string(),
                spans.join(" "),
            ]);
        }
    }
    let notes = report
        .notes
        .iter()
        .map(|n| {
            let anchored = n.anchored.as_ref();
            vec![
                n.id.to_string(),
                n.article.map(|a| a.to_string()).unwrap_or_default(),
                anchored.map(|a| a.start.to_string()).unwrap_or_default(),
                anchored.map(|a| a.end.to_string()).unwrap_or_default(),
                anchored.map(|a| a.text.clone()).unwrap_or_default(),
                n.body.clone(),
                n.tags.join(" "),
                n.orphaned.to_string(),
                n.created_at.clone(),
                n.updated_at.clone(),
            ]
        })
        .collect();
    Ok(vec![
        table(
            "articles.csv",
            &[
                "id",
                "title",
                "outlet",
                "agency",
                "author",
                "published",
                "url",
                "sha256",
                "words",
            ],
            articles,
        )?,
        table(
            "quotes.csv",
            &[
                "group",
                "article",
                "start",
                "end",
                "text",
                "speaker",
                "role",
                "kind",
                "carried",
                "misattributed",
            ],
            quotes,
        )?,
        table(
            "passages.csv",
            &[
                "article_a",
                "start_a",
                "end_a",
                "article_b",
                "start_b",
                "end_b",
                "words",
                "similarity",
                "first",
                "text_a",
            ],
            passages,
        )?,
        table(
            "conflicts.csv",
            &[
                "fact", "slot", "relation", "article", "start", "end", "text", "missing",
            ],
            conflicts,
        )?,
        table(
            "distinctive.csv",
            &[
                "article",
                "rank",
                "term",
                "z",
                "significant",
                "count",
                "spans",
            ],
            distinctive,
        )?,
        table(
            "notes.csv",
            &[
                "id",
                "article",
                "start",
                "end",
                "anchored_text",
                "body",
                "tags",
                "orphaned",
                "created_at",
                "updated_at",
            ],
            notes,
        )?,
    ])
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formulas_are_made_text_and_numbers_stay_numbers() {
        assert_eq!(
            inert("=HYPERLINK(\"http://x\",\"Click\")"),
            "'=HYPERLINK(\"http://x\",\"Click\")"
        );
        assert_eq!(inert("@SUM(1+1)"), "'@SUM(1+1)");
        assert_eq!(inert("+33 1 23"), "'+33 1 23");
        assert_eq!(inert("-0.5"), "-0.5");
        assert_eq!(inert("Maduro said"), "Maduro said");
    }
}

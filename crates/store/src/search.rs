//! Full-text search over titles, authors and bodies with highlighted snippets.

use crate::articles::{summary_from_row, ArticleSummary, SUMMARY_COLUMNS, SUMMARY_COLUMN_COUNT};
use crate::{Library, Result};
use serde::Serialize;

/// A piece of a snippet: matched words are highlighted. Snippets come as parts, not markup, so
/// article text is never interpreted as HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SnippetPart {
    /// The text.
    pub text: String,
    /// Whether it matched the query.
    pub highlight: bool,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// The article.
    pub article: ArticleSummary,
    /// Where in its body (or title) the query matched.
    pub snippet: Vec<SnippetPart>,
}

// Private-use characters mark highlights inside FTS5 snippets; they never occur in imported text
// that matters, and are split out before anything leaves this module.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Turns what a user typed into an FTS5 query: each word quoted (so "U.S." or a stray quote mark
/// is not query syntax), all words required, the last one also matching as a prefix so results
/// appear while typing.
pub(crate) fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| c.is_whitespace() || c == '"')
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .map(|t| format!("\"{}\"", t.replace('"', "")))
        .collect();
    let (last, rest) = terms.split_last()?;
    let mut query = rest.join(" ");
    if !query.is_empty() {
        query.push(' ');
    }
    query.push_str(last);
    query.push('*');
    Some(query)
}

fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
    // Markers alternate open/close, so every piece after the first flips the highlight.
    snippet
        .split([OPEN, CLOSE])
        .enumerate()
        .filter(|(_, text)| !text.is_empty())
        .map(|(i, text)| SnippetPart {
            text: text.replace('\n', " "),
            highlight: i % 2 == 1,
        })
        .collect()
}

impl Library {
    /// Articles matching `query` (all words, last one as a prefix), best first, at most `limit`.
    /// A query with no words returns nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, snippet(articles_fts, 2, '{OPEN}', '{CLOSE}', '…', 16), \
                    snippet(articles_fts, 0, '{OPEN}', '{CLOSE}', '…', 16) \
             FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid \
             LEFT JOIN outlets o ON o.id = a.outlet_id \
             WHERE articles_fts MATCH ?1 AND a.deleted_at IS NULL \
             ORDER BY f.rank LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let hits = stmt
            .query_map(rusqlite::params![fts, limit as i64], |row| {
                let body_snippet: String = row.get(SUMMARY_COLUMN_COUNT)?;
                // Show where the body matched; when only the title did, show the title.
                let snippet = if body_snippet.contains(OPEN) {
                    body_snippet
                } else {
                    row.get(SUMMARY_COLUMN_COUNT + 1)?
                };
                Ok(SearchHit {
                    article: summary_from_row(row)?,
                    snippet: snippet_parts(&snippet),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_and_last_word_is_a_prefix() {
        assert_eq!(
            fts_query("U.S. talks").as_deref(),
            Some("\"U.S.\" \"talks\"*")
        );
        assert_eq!(fts_query("  \"oil  "), Some("\"oil\"*".to_string()));
        assert_eq!(fts_query(" - * "), None);
    }

    #[test]
    fn snippet_markers_become_parts() {
        let parts = snippet_parts(&format!("…the {OPEN}talks{CLOSE} began"));
        assert_eq!(parts.len(), 3);
        assert!(parts[1].highlight && parts[1].text == "talks");
        assert!(!parts[2].highlight);
    }
}

//! How the CLI prints: text a line at a time (a closed pipe is an error to return, not a panic),
//! and JSON as the library's own types, serialised once: the app sees them in camelCase, scripts
//! see the same keys in snake_case (`existingId` is `existing_id`).

use anyhow::Result;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::Write;
use std::process::ExitCode;

/// `println!` that returns write errors (a closed pipe) instead of panicking, and prints no
/// control characters: a title from an imported file cannot clear the terminal or write to the
/// clipboard (ESC, BEL, OSC 52).
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(
            std::io::stdout().lock(),
            "{}",
            $crate::output::printable(&format!($($arg)*))
        )?
    };
}
pub(crate) use say;

/// `text` without control characters other than line breaks and tabs.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        text.chars()
            .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// Prints `value` as pretty JSON with snake_case keys.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<ExitCode> {
    let mut value = serde_json::to_value(value)?;
    snake_case_keys(&mut value);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &value)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

/// The key under which a session keeps the app's own view state: printed as the app saved it.
const VIEW_STATE: &str = "viewState";

/// Renames every object key from camelCase to snake_case, except inside the view state.
fn snake_case_keys(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let renamed: Map<String, Value> = std::mem::take(map)
                .into_iter()
                .map(|(key, mut value)| {
                    if key != VIEW_STATE {
                        snake_case_keys(&mut value);
                    }
                    (snake_case(&key), value)
                })
                .collect();
            *map = renamed;
        }
        Value::Array(items) => items.iter_mut().for_each(snake_case_keys),
        _ => {}
    }
}

/// "existingId" -> "existing_id".
fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` cut to `width` characters, with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_become_snake_case_but_the_view_state_stays_as_saved() {
        let mut value = serde_json::json!({
            "existingId": 3,
            "onlyHere": [{"articleId": 1}],
            "viewState": {"visibleColumns": 3, "scroll": {"row": 0}},
        });
        snake_case_keys(&mut value);
        assert_eq!(
            value,
            serde_json::json!({
                "existing_id": 3,
                "only_here": [{"article_id": 1}],
                "view_state": {"visibleColumns": 3, "scroll": {"row": 0}},
            })
        );
    }
}

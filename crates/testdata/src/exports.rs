//! What the tests of exports read back from them.

use serde_json::Value;

/// Every span a JSON report cites, wherever it sits: each object with `article`, `start`,
/// `end` and `text`, as `(article, start, end, text)`.
pub fn cited_spans(report: &Value) -> Vec<(i64, usize, usize, String)> {
    fn walk(value: &Value, out: &mut Vec<(i64, usize, usize, String)>) {
        match value {
            Value::Object(map) => {
                if let (Some(a), Some(s), Some(e), Some(t)) = (
                    map.get("article").and_then(Value::as_i64),
                    map.get("start").and_then(Value::as_u64),
                    map.get("end").and_then(Value::as_u64),
                    map.get("text").and_then(Value::as_str),
                ) {
                    out.push((a, s as usize, e as usize, t.to_string()));
                }
                map.values().for_each(|v| walk(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(report, &mut out);
    out
}

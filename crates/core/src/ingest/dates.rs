//! Dates as articles write them, normalised to ISO `YYYY-MM-DD`: machine forms from metadata
//! (ISO 8601, compact `20180619T055000+0900`, RFC 2822, CJK) and English dates as people write
//! them ("January 9, 2026", "9th Jan. 2026"). One module, so every reader agrees on what a date is.

use crate::lexicon::{month_number, MONTH_PATTERN};
use regex::Regex;
use std::sync::LazyLock;

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s,])").expect("valid regex")
});
static COMPACT_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:$|T)").expect("valid regex"));
static CJK_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").expect("valid regex")
});
/// A date as written in the page -> "YYYY-MM-DD", in the date's own offset (a story published
/// at 01:00 in Tokyo is dated by Tokyo's calendar, as its readers saw it). Accepts ISO 8601
/// (with or without time and offset), compact ISO (`20180619T055000+0900`), RFC 2822, and
/// English "9 January 2026" / "January 9, 2026".
pub(crate) fn normalize_date(raw: &str) -> Option<String> {
    let text = raw.trim();
    let ymd = |y: &str, m: &str, d: &str| -> Option<String> {
        let date =
            chrono::NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
        Some(date.format("%Y-%m-%d").to_string())
    };
    if let Some(c) = ISO_DATE.captures(text) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Some(c) = COMPACT_DATE.captures(text) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(text) {
        return Some(dt.date_naive().format("%Y-%m-%d").to_string());
    }
    if let Some(c) = CJK_DATE.captures(text) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    parse_human_date(text)
}

/// The first English date with day, month and year in `s`, as `YYYY-MM-DD`.
///
/// Reads "January 9, 2026", "Jan. 9 2026", "9th January, 2026", "Fri January 9, 2026",
/// "2026-01-09" (also inside a timestamp), "2026/01/09", and day/month/year numbers only when
/// they cannot be read the other way round ("13/01/2026", not "01/09/2026"). A date without a
/// year, or an impossible one (February 30), is `None`: a guess is worse than nothing.
pub(crate) fn parse_human_date(s: &str) -> Option<String> {
    find_human_date(s).map(|(_, date)| date)
}

/// Like [`parse_human_date`], with the byte range of the date in `s`.
pub(crate) fn find_human_date(s: &str) -> Option<(std::ops::Range<usize>, String)> {
    static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\b(?P<m>{MONTH_PATTERN})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
        ))
        .expect("valid regex")
    });
    static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH_PATTERN})\.?,?\s+(?P<y>\d{{4}})"))
            .expect("valid regex")
    });
    static YEAR_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})").expect("valid regex")
    });
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})").expect("valid regex")
    });

    let followed_by_digit = |end: usize| s[end..].starts_with(|c: char| c.is_ascii_digit());
    let mut best: Option<(std::ops::Range<usize>, String)> = None;
    let mut consider = |range: std::ops::Range<usize>, y: &str, m: u32, d: &str| {
        if followed_by_digit(range.end)
            || best.as_ref().is_some_and(|(r, _)| r.start <= range.start)
        {
            return;
        }
        if let Some(date) = iso_date(y, m, d) {
            best = Some((range, date));
        }
    };
    for re in [&*MONTH_DAY_YEAR, &*DAY_MONTH_YEAR] {
        for c in re.captures_iter(s) {
            let whole = c.get(0).expect("match");
            if let Some(m) = month_number(&c["m"]) {
                consider(whole.range(), &c["y"], m, &c["d"]);
            }
        }
    }
    for c in YEAR_MONTH_DAY.captures_iter(s) {
        let whole = c.get(0).expect("match");
        if let Ok(m) = c["m"].parse() {
            consider(whole.range(), &c["y"], m, &c["d"]);
        }
    }
    for c in NUMERIC.captures_iter(s) {
        let whole = c.get(0).expect("match");
        let (Ok(a), Ok(b)) = (c["a"].parse::<u32>(), c["b"].parse::<u32>()) else {
            continue;
        };
        // 05/05 reads the same both ways; otherwise only a part over 12 tells which is the day.
        let (month, day) = match (a <= 12, b <= 12) {
            _ if a == b => (a, b),
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ => continue,
        };
        consider(whole.range(), &c["y"], month, &day.to_string());
    }
    best
}

fn iso_date(year: &str, month: u32, day: &str) -> Option<String> {
    let year: i32 = year.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_normalise_in_their_own_offset() {
        assert_eq!(
            normalize_date("2026-01-09T10:00:00Z").as_deref(),
            Some("2026-01-09")
        );
        assert_eq!(
            normalize_date("2026-01-09T23:30:00-05:00").as_deref(),
            Some("2026-01-09")
        );
        assert_eq!(
            normalize_date("20180619T055000+0900").as_deref(),
            Some("2018-06-19")
        );
        assert_eq!(
            normalize_date("Fri, 09 Jan 2026 23:10:00 -0800").as_deref(),
            Some("2026-01-09")
        );
        assert_eq!(normalize_date("2026/1/9").as_deref(), Some("2026-01-09"));
        assert_eq!(
            normalize_date("9 January 2026").as_deref(),
            Some("2026-01-09")
        );
        assert_eq!(
            normalize_date("Jan. 9, 2026, 10:02 a.m.").as_deref(),
            Some("2026-01-09")
        );
        assert_eq!(
            normalize_date("2026年1月9日 10時").as_deref(),
            Some("2026-01-09")
        );
        assert_eq!(normalize_date("2026-02-30"), None);
        assert_eq!(normalize_date("yesterday"), None);
    }

    #[test]
    fn human_dates() {
        let cases = [
            ("January 9, 2026", Some("2026-01-09")),
            ("Jan 9 2026", Some("2026-01-09")),
            ("Sept. 30, 2025", Some("2025-09-30")),
            ("9th of March, 2026", Some("2026-03-09")),
            ("09 Dec 2025", Some("2025-12-09")),
            ("Friday, May 1, 2026, 10:00", Some("2026-05-01")),
            ("2026-01-09T10:32:00Z", Some("2026-01-09")),
            ("2026/1/9", Some("2026-01-09")),
            ("13/01/2026", Some("2026-01-13")),
            ("01/13/2026", Some("2026-01-13")),
            ("01/09/2026", None),
            ("February 30, 2026", None),
            ("January 2026", None),
            ("Jan. 9", None),
            ("Mayor 9, 2026", None),
            ("January 9, 20265", None),
            ("no date here", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_human_date(input).as_deref(), expected, "{input}");
        }
        // The first date in the text wins.
        assert_eq!(
            parse_human_date("from 3 March 2026 to April 1, 2026").as_deref(),
            Some("2026-03-03")
        );
    }

    // --- clutter ---
}

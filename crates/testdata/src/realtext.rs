//! Real text from inside registry packages, fetched by `scripts/setup.sh --test` into
//! `$PARALLAX_CACHE/realtext` (default `~/.cache/parallax/realtext`), never copied into the
//! repository. Gold labels over it live in the repository as offsets (`crates/testdata/gold/`).
//! A missing file fails loudly, naming it and the command that fetches it.

use std::path::PathBuf;

/// The folder the setup script fetches real text into.
pub fn dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PARALLAX_REALTEXT") {
        return PathBuf::from(dir);
    }
    let cache = std::env::var_os("PARALLAX_CACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/parallax")))
        .expect("HOME or PARALLAX_CACHE is set");
    cache.join("realtext")
}

fn read(name: &str) -> String {
    let path = dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "real test text is missing: {} ({e}); `scripts/setup.sh --test` fetches it from a \
             registry package",
            path.display()
        )
    })
}

/// The Lee corpus: 300 real ABC (Australian Broadcasting Corporation) news articles, one a
/// line, from gensim's wheel on PyPI (`gensim/test/test_data/lee_background.cor`).
pub fn lee_background() -> Vec<String> {
    let text = read("lee_background.cor");
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 300, "the Lee corpus holds 300 articles");
    lines
}

/// A gold file of `crates/testdata/gold/`, as text.
pub fn gold(name: &str) -> String {
    let path = crate::repository().join("crates/testdata/gold").join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("gold labels missing: {} ({e})", path.display()))
}

/// The rows of a tab-separated gold file, header skipped.
pub fn gold_rows(name: &str) -> Vec<Vec<String>> {
    gold(name)
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

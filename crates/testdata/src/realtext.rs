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

/// One story of the Reuters-21578 collection as the agency's wire delivered it in 1987.
#[derive(Debug, Clone)]
pub struct WireStory {
    /// Where it came from (`acq/reut-00001.xml`, `reuters-21578.xml#3`).
    pub source: String,
    /// The headline, as sent (mostly capitals).
    pub title: String,
    /// The byline line, when the story has one ("By Cal Mankowski, Reuters").
    pub byline: Option<String>,
    /// The dateline ("HOUSTON, Feb 26 -").
    pub dateline: String,
    /// The story, with its line breaks and indented paragraphs, ending with the sign-off.
    pub body: String,
}

impl WireStory {
    /// The story as a plain-text file laid out the way wire copy is pasted: headline, byline,
    /// then the dateline opening the story.
    pub fn as_text(&self) -> String {
        let mut text = format!("{}\n\n", self.title);
        if let Some(byline) = &self.byline {
            text.push_str(byline);
            text.push_str("\n\n");
        }
        text.push_str(&format!("{} {}\n", self.dateline, self.body.trim_start()));
        text
    }
}

/// The 80 Reuters-21578 stories Debian's `r-cran-tm` package ships (`acq/`, `crude/` and
/// `reuters-21578.xml`), fetched by the setup script. Stories without a title are skipped.
pub fn reuters_stories() -> Vec<WireStory> {
    let root = dir().join("reuters21578");
    let mut files: Vec<(String, String)> = Vec::new();
    for folder in ["acq", "crude"] {
        let dir = root.join(folder);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
            panic!(
                "real wire copy is missing: {} ({e}); `scripts/setup.sh --test` fetches it from \
                 Debian's r-cran-tm",
                dir.display()
            )
        });
        let mut names: Vec<_> = entries.map(|e| e.expect("a folder entry").path()).collect();
        names.sort();
        for path in names {
            let text = std::fs::read_to_string(&path).expect("readable XML");
            files.push((
                format!("{folder}/{}", path.file_name().unwrap().to_string_lossy()),
                text,
            ));
        }
    }
    let all = read("reuters21578/reuters-21578.xml");
    for (i, part) in all.split("<REUTERS").skip(1).enumerate() {
        files.push((format!("reuters-21578.xml#{i}"), part.to_string()));
    }
    files
        .into_iter()
        .filter_map(|(source, xml)| {
            let field = |tag: &str| {
                let open = format!("<{tag}>");
                let start = xml.find(&open)? + open.len();
                let end = start + xml[start..].find(&format!("</{tag}>"))?;
                Some(decode_entities(&xml[start..end]))
            };
            Some(WireStory {
                source,
                title: field("TITLE")?
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                byline: field("AUTHOR").map(|a| a.trim().to_string()),
                dateline: field("DATELINE")?.trim().to_string(),
                body: field("BODY")?,
            })
        })
        .collect()
}

/// The five XML entities and numeric references; control characters (the wire's end-of-text
/// marks) dropped.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|&e| e <= 8) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) if !c.is_control() || c == '\n' => out.push(c),
            Some(_) => {}
            None => out.push_str(&rest[..=end]),
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out.chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect()
}

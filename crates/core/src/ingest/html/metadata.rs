//! What the page says about itself, read from the untouched page: OpenGraph and `article:*`
//! tags, named `<meta>` tags, JSON-LD (with `@graph` and every author form), `<time>`, the
//! canonical link and `lang`.

use super::filters::DATELINE;
use crate::ingest::dates::normalize_date;
use crate::ingest::head::wire_service;
use crate::ingest::Metadata;
use dom_query::Document as Dom;
use serde_json::Value;

/// `<meta>` values by lowercased `property`, `name` or `itemprop`, in page order.
pub(super) struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(page: &Dom) -> MetaTags {
        let mut tags = Vec::new();
        for node in page.select("meta[content]").nodes() {
            let content = clean_value(&node.attr("content").unwrap_or_default());
            if content.is_empty() {
                continue;
            }
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(key) = node.attr(key_attr) {
                    tags.push((key.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        MetaTags(tags)
    }

    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.0
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        })
    }

    fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

pub(super) fn page_metadata(page: &Dom) -> Metadata {
    let meta = MetaTags::read(page);
    let ld = JsonLd::read(page);

    let site_names: Vec<String> = [
        meta.first(&["og:site_name"]),
        ld.publisher.clone(),
        meta.first(&["application-name"]),
        ld.site_name.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let outlet = site_names.first().cloned();

    let h1 = page
        .select("h1")
        .nodes()
        .first()
        .map(|h| clean_value(&h.text()))
        .filter(|t| !t.is_empty());
    let title_element = page
        .select("head title")
        .nodes()
        .first()
        .map(|t| clean_value(&t.text()))
        .map(|t| {
            // "Headline – Some Blog" with an <h1> "Headline": whatever follows the headline is the
            // site's name even when no tag names the site.
            match &h1 {
                Some(h1)
                    if t != *h1
                        && t.starts_with(h1.as_str())
                        && t[h1.len()..].trim_start().starts_with(TITLE_SEPARATORS) =>
                {
                    h1.clone()
                }
                _ => t,
            }
        });
    let title = [
        meta.first(&["og:title"]),
        ld.headline.clone(),
        meta.first(&["twitter:title"]),
        title_element,
        h1,
    ]
    .into_iter()
    .flatten()
    .map(|t| strip_site_name(&t, &site_names))
    .find(|t| !t.is_empty());

    // A wire service named as the author ("Associated Press") is the agency, not a person.
    let mut author = page_author(page, &meta, &ld);
    let agency = author.as_deref().and_then(wire_service).map(str::to_string);
    if agency.is_some() {
        author = None;
    }
    Metadata {
        title,
        title_derived: false,
        outlet,
        agency,
        author,
        published: page_published(page, &meta, &ld),
        url: page_url(page, &meta, &ld),
        language: page_language(page, &meta, &ld),
    }
}

pub(super) fn page_author(page: &Dom, meta: &MetaTags, ld: &JsonLd) -> Option<String> {
    if !ld.authors.is_empty() {
        return Some(ld.authors.join(" and "));
    }
    let named = meta
        .first(&[
            "author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "dcterms.creator",
            "byl",
        ])
        .and_then(|a| clean_author(&a));
    if named.is_some() {
        return named;
    }
    // article:author is often a profile URL rather than a name.
    let article_authors: Vec<String> = meta
        .all("article:author")
        .iter()
        .filter_map(|a| clean_author(a))
        .collect();
    if !article_authors.is_empty() {
        return Some(join_unique(article_authors));
    }
    let rel_authors: Vec<String> = page
        .select("a[rel~=\"author\"]")
        .nodes()
        .iter()
        .filter_map(|a| clean_author(&a.text()))
        .collect();
    if !rel_authors.is_empty() {
        return Some(join_unique(rel_authors));
    }
    None
}

pub(super) fn join_unique(names: Vec<String>) -> String {
    let mut unique: Vec<String> = Vec::new();
    for name in names {
        if !unique.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
            unique.push(name);
        }
    }
    unique.join(" and ")
}

/// "By Jane Doe | Staff writer" -> "Jane Doe". `None` for URLs and for text too long to be a
/// byline.
pub(super) fn clean_author(raw: &str) -> Option<String> {
    let value = clean_value(raw);
    let value = value
        .split(['|', '•', '·', '\n'])
        .next()
        .unwrap_or_default()
        .trim();
    let value = strip_by_prefix(value)
        .unwrap_or(value)
        .trim()
        .trim_end_matches([',', ';', ':'])
        .trim();
    let looks_like_url = value.contains("://") || value.starts_with("www.") || value.contains('/');
    if value.is_empty()
        || looks_like_url
        || value.chars().count() > 100
        || value.split_whitespace().count() > 12
    {
        return None;
    }
    Some(value.to_string())
}

/// The name after a leading "By" (or its equivalent in a few languages), if the text has one.
pub(super) fn strip_by_prefix(text: &str) -> Option<&str> {
    let text = text.trim();
    let (first, rest) = text.split_once(char::is_whitespace)?;
    let first = first.trim_end_matches(':');
    let is_by = crate::lexicon::BYLINE_PREFIXES
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p));
    (is_by && !rest.trim().is_empty()).then(|| rest.trim())
}

/// A line that is only a date, perhaps with "Published"/"Updated" and a time: "Fri 9 Jan 2026
/// 10.00 GMT", "Updated 9 January 2026". A longer sentence that mentions a date is not one.
pub(super) fn is_dateline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    normalize_date(line).is_some() && (words <= 6 || (words <= 10 && DATELINE.is_match(line)))
}

/// The publication date. Structured declarations come first (Open Graph, JSON-LD, microdata,
/// named `<meta>` tags); a bare `<time>` element comes last because pages also use it for
/// comment times, related stories and "today" in the masthead.
pub(super) fn page_published(page: &Dom, meta: &MetaTags, ld: &JsonLd) -> Option<String> {
    let mut candidates: Vec<String> = Vec::new();
    candidates.extend(meta.first(&["article:published_time"]));
    candidates.extend(ld.date_published.clone());
    candidates.extend(meta.first(&["datepublished"]));
    for node in page.select("[itemprop=\"datePublished\"]").nodes() {
        candidates.extend(
            node.attr("datetime")
                .or_else(|| node.attr("content"))
                .map(|v| v.to_string()),
        );
    }
    candidates.extend(meta.first(&[
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.date",
        "parsely-pub-date",
        "sailthru.date",
        "og:published_time",
        "article.published",
    ]));
    // A <time> in the article; the page header's "today" clock is not the publication date.
    let times = page.select(
        "article time[datetime], main time[datetime], time[pubdate][datetime], time[datetime]",
    );
    for node in times.nodes() {
        let in_chrome = node
            .ancestors_it(None)
            .any(|a| matches!(a.node_name().as_deref(), Some("nav" | "footer" | "aside")));
        if !in_chrome {
            candidates.extend(node.attr("datetime").map(|v| v.to_string()));
        }
    }
    candidates.iter().find_map(|c| normalize_date(c))
}

pub(super) fn page_url(page: &Dom, meta: &MetaTags, ld: &JsonLd) -> Option<String> {
    let canonical = page
        .select("link[rel][href]")
        .nodes()
        .iter()
        .find(|l| {
            l.attr("rel")
                .unwrap_or_default()
                .split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
        })
        .and_then(|l| l.attr("href"))
        .map(|h| h.trim().to_string());
    [canonical, meta.first(&["og:url"]), ld.url.clone()]
        .into_iter()
        .flatten()
        .find(|u| {
            let lower = u.to_ascii_lowercase();
            (lower.starts_with("https://") || lower.starts_with("http://"))
                && !u.contains(char::is_whitespace)
        })
}

pub(super) fn page_language(page: &Dom, meta: &MetaTags, ld: &JsonLd) -> Option<String> {
    let html_lang = page
        .select("html")
        .nodes()
        .first()
        .and_then(|h| h.attr("lang").or_else(|| h.attr("xml:lang")));
    [
        html_lang.map(|l| l.to_string()),
        meta.first(&["content-language"]),
        meta.first(&["og:locale"]),
        ld.language.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|l| l.trim().replace('_', "-"))
    .find(|l| {
        let valid = l.len() >= 2
            && l.len() <= 35
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        valid && l.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
    })
}

pub(super) const TITLE_SEPARATORS: [char; 8] = ['|', '-', '–', '—', '·', '•', ':', '｜'];

/// Removes a " | Site Name" / " - Site Name" suffix (or prefix) when it names the site.
pub(super) fn strip_site_name(title: &str, site_names: &[String]) -> String {
    let title = clean_value(title);
    let matches_site = |part: &str| {
        let part = squash(part);
        !part.is_empty()
            && site_names.iter().map(|s| squash(s)).any(|site| {
                !site.is_empty()
                    && (part == site
                        || (part.len() >= 4 && site.contains(&part))
                        || (site.len() >= 4 && part.contains(&site)))
            })
    };
    for sep in [
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ",
    ] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if matches_site(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if matches_site(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title
}

/// Lowercase letters and digits only: "The Daily-Herald.com" -> "thedailyheraldcom".
pub(super) fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Trims, collapses whitespace and decodes leftover HTML entities (JSON-LD often carries
/// `&amp;` inside its strings).
pub(super) fn clean_value(raw: &str) -> String {
    let decoded = if raw.contains('&') {
        Dom::fragment(raw).text().to_string()
    } else {
        raw.to_string()
    };
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

// JSON-LD

/// What the page's schema.org JSON-LD says about its article.
#[derive(Debug, Default)]
pub(super) struct JsonLd {
    headline: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    site_name: Option<String>,
    date_published: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

pub(super) fn is_article_type(node: &Value) -> bool {
    let is_article = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.ends_with("Article")
            || t.ends_with("BlogPosting")
            || t == "Report"
            || t == "LiveBlogPosting"
    };
    match node.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

pub(super) fn has_type(node: &Value, wanted: &str) -> bool {
    match node.get("@type") {
        Some(Value::String(t)) => t == wanted,
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some(wanted)),
        _ => false,
    }
}

impl JsonLd {
    fn read(page: &Dom) -> JsonLd {
        let mut nodes: Vec<Value> = Vec::new();
        for script in page.select("script[type]").nodes() {
            let kind = script.attr("type").unwrap_or_default().to_ascii_lowercase();
            if !kind.trim().starts_with("application/ld+json") {
                continue;
            }
            if let Some(value) = parse_json_lenient(&script.text()) {
                flatten_nodes(value, &mut nodes, 0);
            }
        }
        let Some(article) = nodes.iter().find(|n| is_article_type(n)) else {
            // No article node: a WebSite node still names the site.
            let site_name = nodes
                .iter()
                .find(|n| has_type(n, "WebSite"))
                .and_then(|n| string_of(n.get("name")));
            return JsonLd {
                site_name,
                ..JsonLd::default()
            };
        };
        let resolve = |value: &Value| -> Value {
            // In an @graph, author and publisher are often {"@id": …} pointing at another node.
            if let Some(id) = value.get("@id").and_then(Value::as_str) {
                if value.get("name").is_none() {
                    if let Some(target) = nodes.iter().find(|n| {
                        n.get("@id").and_then(Value::as_str) == Some(id) && n.get("name").is_some()
                    }) {
                        return target.clone();
                    }
                }
            }
            value.clone()
        };

        let mut authors = Vec::new();
        match article.get("author") {
            Some(Value::Array(list)) => {
                authors.extend(list.iter().filter_map(|a| author_name(&resolve(a))))
            }
            Some(one) => authors.extend(author_name(&resolve(one))),
            None => {}
        }
        let mut unique: Vec<String> = Vec::new();
        for a in authors {
            if !unique.contains(&a) {
                unique.push(a);
            }
        }
        let publisher = match article.get("publisher") {
            Some(Value::Array(list)) => {
                list.first().and_then(|p| string_of(resolve(p).get("name")))
            }
            Some(Value::String(name)) => Some(clean_value(name)).filter(|n| !n.is_empty()),
            Some(p) => string_of(resolve(p).get("name")),
            None => None,
        };
        let main_entity = article.get("mainEntityOfPage").and_then(|m| match m {
            Value::String(s) => Some(s.clone()),
            other => other
                .get("@id")
                .or_else(|| other.get("url"))
                .and_then(Value::as_str)
                .map(str::to_string),
        });
        JsonLd {
            headline: string_of(article.get("headline")).or_else(|| string_of(article.get("name"))),
            authors: unique,
            publisher,
            site_name: nodes
                .iter()
                .find(|n| has_type(n, "WebSite"))
                .and_then(|n| string_of(n.get("name"))),
            date_published: string_of(article.get("datePublished")),
            url: string_of(article.get("url")).or(main_entity),
            language: string_of(article.get("inLanguage")),
        }
    }
}

pub(super) fn string_of(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::String(s) => s.clone(),
        Value::Array(list) => list.first()?.as_str()?.to_string(),
        _ => return None,
    };
    Some(clean_value(&text)).filter(|t| !t.is_empty())
}

pub(super) fn author_name(author: &Value) -> Option<String> {
    match author {
        Value::String(name) => clean_author(name),
        Value::Object(_) => string_of(author.get("name")).and_then(|n| clean_author(&n)),
        _ => None,
    }
}

/// Collects every object node: top-level arrays, `@graph` arrays (nested too) and the objects
/// themselves.
pub(super) fn flatten_nodes(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                flatten_nodes(item, out, depth + 1);
            }
        }
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_nodes(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// Parses JSON-LD as found in the wild: wrapped in CDATA or HTML comments, with a trailing
/// semicolon, or with raw newlines inside strings (invalid JSON that browsers never check).
pub(super) fn parse_json_lenient(raw: &str) -> Option<Value> {
    let mut text = raw.trim();
    for (open, close) in [
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
    ] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.trim_end().strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    let text = text.trim_end_matches(';').trim();
    serde_json::from_str(text)
        .ok()
        .or_else(|| serde_json::from_str(&text.replace(['\n', '\r', '\t'], " ")).ok())
}

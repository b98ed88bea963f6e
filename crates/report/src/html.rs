//! The report as one self-contained HTML file: styles inline, charts as inline SVG, no script,
//! nothing loaded from anywhere (its content security policy forbids it), readable on screen
//! and in print. Every value goes through the template's escaping.

use crate::{Cited, Report};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use parallax_core::framing::{FactRelation, FRAME_DIMENSIONS};
use parallax_store::ArticleId;

const STYLE: &str = r#"
:root { color-scheme: light; --text: #1e1c19; --muted: #67625a; --border: #ddd8ce; --accent: #0a5fa3; --soft: #eef4fb; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 64px; font: 15px/1.5 Georgia, 'DejaVu Serif', serif; color: var(--text); background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--text); break-after: avoid; }
h3 { font-size: 16px; margin: 18px 0 6px; break-after: avoid; }
p.meta, .muted { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font: 13px/1.4 system-ui, 'DejaVu Sans', sans-serif; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--border); }
thead th { color: var(--muted); font-weight: 600; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.at { color: var(--muted); font-size: 11px; font-family: system-ui, 'DejaVu Sans', sans-serif; white-space: nowrap; }
blockquote { margin: 6px 0; padding: 2px 12px; border-left: 3px solid var(--border); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 12px 24px; }
.card { break-inside: avoid; }
.relation { font-weight: 700; font-size: 12px; }
.conflict { color: #a8261b; } .omission { color: #8a5a00; } .agree { color: var(--accent); }
.level-1 { background: #dcebf7; } .level-2 { background: #a9cdeb; } .level-3 { background: #5b9bd0; color: #fff; font-weight: 700; }
.changed { background: #fde2c0; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { margin: 4px 0; break-inside: avoid; }
.note-body { white-space: pre-wrap; }
svg text { font: 12px system-ui, 'DejaVu Sans', sans-serif; fill: var(--text); }
@media print { body { padding: 0; max-width: none; font-size: 11pt; } h2 { break-before: auto; } a { color: inherit; } }
"#;

/// The source kinds as exported, their names and their bar colours, in stacking order.
const SOURCE_KINDS: [(&str, &str, &str); 5] = [
    ("official", "Official", "#3b6fb6"),
    ("expert", "Expert", "#2f9a6a"),
    ("organisation", "Organisation", "#8a63c7"),
    ("person", "Person", "#d08a2c"),
    ("anonymous", "Anonymous", "#8b8b8b"),
];

/// The report as HTML.
pub fn render(report: &Report) -> String {
    let name = &report.session.name;
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                meta name="generator" content={ "Parallax " (report.parallax_version) };
                title { (name) " — Parallax report" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (name) }
                    p.meta {
                        "A comparison of " (report.articles.len()) " articles, exported from Parallax "
                        (report.parallax_version) " on " (report.exported_at) ". Offsets like "
                        span.at { "#12 1520–1544" } " are byte ranges of the article's stored text."
                    }
                }
                (articles(report))
                (openings(report))
                (alignment(report))
                (quotations(report))
                (passages(report))
                (framing(report))
                (notes(report))
                (parameters(report))
            }
        }
    };
    page.into_string()
}

fn at(cited: &Cited) -> Markup {
    html! { span.at { "#" (cited.article) " " (cited.start) "–" (cited.end) } }
}

fn articles(report: &Report) -> Markup {
    html! {
        section id="articles" {
            h2 { "Articles" }
            table {
                thead { tr { th { "#" } th { "Outlet" } th { "Title" } th { "Author" } th { "Published" } th.num { "Words" } th { "SHA-256 of the text" } } }
                tbody {
                    @for a in &report.articles {
                        tr {
                            td { (a.id) }
                            td { (a.outlet.as_deref().unwrap_or("—")) @if let Some(agency) = &a.agency { br; span.muted { "via " (agency) } } }
                            td { (a.title) @if let Some(url) = &a.url { br; span.at { (url) } } }
                            td { (a.author.as_deref().unwrap_or("—")) }
                            td { (a.published.as_deref().unwrap_or("—")) }
                            td.num { (a.words) }
                            td { span.at title=(a.sha256) { (a.sha256[..16.min(a.sha256.len())]) "…" } }
                        }
                    }
                }
            }
        }
    }
}

fn openings(report: &Report) -> Markup {
    html! {
        section id="openings" {
            h2 { "Headlines and ledes" }
            div.grid {
                @for o in &report.framing.openings {
                    div.card {
                        p.muted { (report.article(o.article).and_then(|a| a.outlet.as_deref()).unwrap_or("Unknown outlet")) " · #" (o.article) }
                        h3 { (o.headline.as_deref().unwrap_or("(no headline)")) }
                        @if let Some(lede) = &o.lede { p { (lede.text) " " (at(lede)) } }
                    }
                }
            }
        }
    }
}

fn alignment(report: &Report) -> Markup {
    let a = &report.alignment;
    html! {
        section id="alignment" {
            h2 { "What they share, and what only one says" }
            p { (a.rows) " rows of aligned sentences; in " (a.shared_rows) " of them two articles or more say the same thing." }
            table {
                thead { tr { th { "Article" } th.num { "Sentences" } th.num { "Only here" } th.num { "Shared text" } } }
                tbody {
                    @for x in &a.articles {
                        tr { td { (report.label(x.article)) } td.num { (x.sentences) } td.num { (x.only_here) } td.num { (format!("{:.0}%", x.shared * 100.0)) } }
                    }
                }
            }
            @if !a.coverage.is_empty() {
                h3 { "How much of each article (row) the others (columns) also say" }
                table {
                    thead { tr { th {} @for x in &a.articles { th.num { (report.label(x.article)) } } } }
                    tbody {
                        @for (i, row) in a.coverage.iter().enumerate() {
                            tr {
                                th { (a.articles.get(i).map(|x| report.label(x.article)).unwrap_or_default()) }
                                @for share in row { td.num { (format!("{:.0}%", share * 100.0)) } }
                            }
                        }
                    }
                }
            }
            h3 { "Sentences only one article has" }
            @for x in &a.articles {
                @let own: Vec<&Cited> = a.only_here.iter().filter(|c| c.article == x.article).collect();
                @if !own.is_empty() {
                    p.muted { (report.label(x.article)) " — " (own.len()) }
                    ul.plain { @for c in own { li { (c.text) " " (at(c)) } } }
                }
            }
        }
    }
}

fn quotations(report: &Report) -> Markup {
    html! {
        section id="quotes" {
            h2 { "Quotations" }
            @if report.quotes.is_empty() { p.muted { "No quotation in these articles." } }
            @for group in &report.quotes {
                div.card {
                    blockquote {
                        @if let Some(first) = group.quotations.first() { "“" (first.cited.text) "”" }
                    }
                    ul.plain {
                        @for q in &group.quotations {
                            li {
                                strong { (report.label(q.cited.article)) } ": "
                                (q.speaker.as_deref().or(q.role.as_deref()).unwrap_or("no speaker found"))
                                @if q.speaker.is_some() { @if let Some(role) = &q.role { span.muted { " (" (role) ")" } } }
                                " · " (format!("{:?}", q.carried).to_lowercase()) " " (at(&q.cited))
                            }
                        }
                        @for u in &group.unquoted { li { strong { (report.label(u.article)) } ": the same words without quotation marks " (at(u)) } }
                    }
                    @if group.misattributed { p.conflict { "Given to different speakers by different articles." } }
                    @for v in &group.variants {
                        p.muted {
                            (report.label(v.a.article)) " has " (v.a_only.join(" · ")) "; "
                            (report.label(v.b.article)) " has " (v.b_only.join(" · "))
                        }
                    }
                }
            }
        }
    }
}

fn passages(report: &Report) -> Markup {
    html! {
        section id="passages" {
            h2 { "Passages shared word for word" }
            @if report.passages.is_empty() { p.muted { "No passage of 20 words or more appears in two of these articles." } }
            @for p in &report.passages {
                div.card {
                    p {
                        strong { (report.label(p.a.article)) " and " (report.label(p.b.article)) }
                        " · " (p.words) " words, " (format!("{:.0}%", p.similarity * 100.0)) " the same"
                        @if let Some(first) = p.first { " · " (report.label(first)) " had it first" }
                    }
                    blockquote { (p.a.text) " " (at(&p.a)) }
                }
            }
        }
    }
}

/// A horizontal bar chart as inline SVG: one labelled bar per value.
fn bars(rows: &[(String, f32, bool)], max: f32, colour: &str) -> Markup {
    let height = 18 * rows.len() + 4;
    let max = max.max(f32::EPSILON);
    html! {
        svg width="420" height=(height) viewBox={ "0 0 420 " (height) } role="img" {
            @for (i, (label, value, strong)) in rows.iter().enumerate() {
                @let y = 18 * i + 2;
                text x="0" y=(y + 12) font-weight=(if *strong { "700" } else { "400" }) { (label) }
                rect x="170" y=(y + 3) width=(format!("{:.1}", 200.0 * value / max)) height="10" fill=(colour) {}
                text x="378" y=(y + 12) { (format!("{value:.1}")) }
            }
        }
    }
}

fn framing(report: &Report) -> Markup {
    let f = &report.framing;
    let max_z = f
        .distinctive
        .iter()
        .flat_map(|d| d.terms.iter().map(|t| t.z))
        .fold(1.0f32, f32::max);
    let max_quotes = report
        .articles
        .iter()
        .map(|a| {
            f.sources
                .iter()
                .filter(|s| s.article == a.id)
                .map(|s| s.quotes)
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let max_frame = f
        .frames
        .iter()
        .flat_map(|p| p.scores.values().copied())
        .fold(1.0f32, f32::max);
    let ids: Vec<ArticleId> = report.articles.iter().map(|a| a.id).collect();
    html! {
        section id="framing" {
            h2 { "How each article frames the story" }
            h3 { "Words each article leans on" }
            p.muted { "Weighted log-odds with an informative Dirichlet prior (z-scores) against the rest of the session; bold: significant." }
            div.grid {
                @for d in &f.distinctive {
                    div.card {
                        p { strong { (report.label(d.article)) } }
                        @let rows: Vec<(String, f32, bool)> = d.terms.iter().map(|t| (t.term.clone(), t.z, t.significant)).collect();
                        (bars(&rows, max_z, "#0a5fa3"))
                    }
                }
            }
            @for o in &f.outlets {
                p { strong { (o.outlet) } " (" (o.articles.len()) " articles together): "
                    (o.terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>().join(", ")) }
            }
            h3 { "Who and what each article names" }
            p.muted { "Count of mentions; shading: first named in the headline (darkest), the lede, or the body." }
            table {
                thead { tr { th { "Actor" } @for id in &ids { th.num { (report.label(*id)) } } } }
                tbody {
                    @for actor in f.actors.iter().take(30) {
                        tr {
                            th { (actor.name) " " span.muted { (format!("{:?}", actor.kind).to_lowercase()) } }
                            @for id in &ids {
                                @match actor.mentions.iter().find(|m| m.article == *id) {
                                    Some(m) => {
                                        @let level = if m.in_headline { 3 } else if m.in_lede { 2 } else { 1 };
                                        td class={ "num level-" (level) } { (m.count) }
                                    }
                                    None => { td.num.muted { "–" } }
                                }
                            }
                        }
                    }
                }
            }
            h3 { "Whom each article quotes" }
            p.muted {
                @for (_, label, colour) in SOURCE_KINDS { span style={ "color:" (colour) } { "■ " } (label) " " }
            }
            table {
                tbody {
                    @for id in &ids {
                        @let own: Vec<_> = f.sources.iter().filter(|s| s.article == *id).collect();
                        tr {
                            th { (report.label(*id)) }
                            td {
                                (source_bar(&own, max_quotes))
                            }
                            td {
                                @if own.is_empty() { span.muted { "no one quoted" } }
                                @for s in &own {
                                    (s.speaker) span.muted { " (" (kind_name(s.kind)) ", " (s.quotes) " quotations, " (s.words) " words)" } br;
                                }
                            }
                        }
                    }
                }
            }
            h3 { "Facts stated differently, or left out" }
            @if f.facts.is_empty() { p.muted { "No count, role or cause is tied across these articles." } }
            @else {
                table {
                    thead { tr { th { "What" } th { "How" } @for id in &ids { th { (report.label(*id)) } } } }
                    tbody {
                        @for fact in &f.facts {
                            @let relation = match fact.relation { FactRelation::Conflict => "conflict", FactRelation::Omission => "omission", FactRelation::Agree => "agree" };
                            tr {
                                th { (fact.slot) }
                                td { span class={ "relation " (relation) } { (relation) } }
                                @for id in &ids {
                                    td {
                                        @let own: Vec<&Cited> = fact.values.iter().filter(|v| v.article == *id).collect();
                                        @if own.is_empty() { span.muted { "—" } }
                                        @for v in own { (v.text) " " (at(v)) br; }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h3 { "Frame dimensions" }
            p.muted { "Words of each dimension of the Policy Frames Codebook per 100 content words (our lexicon)." }
            table {
                thead { tr { th { "Dimension" } @for id in &ids { th { (report.label(*id)) } } } }
                tbody {
                    @for (key, label) in FRAME_DIMENSIONS {
                        tr {
                            th { (label) }
                            @for p in &f.frames {
                                @let score = p.scores.get(*key).copied().unwrap_or(0.0);
                                td {
                                    svg width="60" height="10" role="img" { rect x="0" y="1" width=(format!("{:.1}", 60.0 * score / max_frame)) height="8" fill="#0a5fa3" {} }
                                    " " (format!("{score:.1}"))
                                    @let words: Vec<&str> = p.evidence.get(*key).map(|e| e.iter().take(6).map(|c| c.text.as_str()).collect()).unwrap_or_default();
                                    @if !words.is_empty() { br; span.muted { (words.join(", ")) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One article's quotations stacked by kind of source, as inline SVG.
fn source_bar(own: &[&crate::Source], max_quotes: usize) -> Markup {
    let mut segments = Vec::new();
    let mut x = 0.0f32;
    for (kind, _, colour) in SOURCE_KINDS {
        let n: usize = own
            .iter()
            .filter(|s| kind_name(s.kind) == kind)
            .map(|s| s.quotes)
            .sum();
        let width = 250.0 * n as f32 / max_quotes.max(1) as f32;
        if n > 0 {
            segments.push((x, width, colour));
        }
        x += width;
    }
    html! {
        svg width="260" height="16" role="img" {
            @for (x, width, colour) in segments {
                rect x=(format!("{x:.1}")) y="2" width=(format!("{width:.1}")) height="12" fill=(colour) {}
            }
        }
    }
}

/// A source kind's name as exported ("official").
fn kind_name(kind: parallax_core::framing::SourceKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn notes(report: &Report) -> Markup {
    html! {
        section id="notes" {
            h2 { "Notes" }
            @if report.notes.is_empty() { p.muted { "No notes." } }
            @for n in &report.notes {
                div.card {
                    @if let Some(a) = &n.anchored {
                        blockquote { (a.text) " " (at(a)) }
                    } @else if n.orphaned {
                        p.muted { "Its passage is no longer in the text." }
                    }
                    p.note-body { (n.body) }
                    p.muted {
                        @if let Some(article) = n.article { (report.label(article)) " · " }
                        (n.updated_at)
                        @if !n.tags.is_empty() { " · " (n.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" ")) }
                    }
                }
            }
        }
    }
}

fn parameters(report: &Report) -> Markup {
    let json = serde_json::to_string_pretty(&report.parameters).unwrap_or_default();
    html! {
        section id="parameters" {
            h2 { "Settings of the analyses" }
            pre.muted { (json) }
        }
    }
}

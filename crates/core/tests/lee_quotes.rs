//! Quotations and their speakers in real news we did not write: articles 100–299 of the Lee
//! corpus (ABC news; fetched from gensim's wheel by the setup script), against the labels in
//! `crates/testdata/gold/lee_quotes.tsv` (offsets only). Figures go to `docs/benchmarks.md`.

use parallax_core::quotes::{quotes, Quote};
use parallax_testdata::realtext;
use std::ops::Range;

struct GoldQuote {
    doc: usize,
    quoted: Range<usize>,
    speaker: Option<Range<usize>>,
    speaker_kind: String,
}

fn gold() -> Vec<GoldQuote> {
    realtext::gold_rows("lee_quotes.tsv")
        .into_iter()
        .map(|row| {
            let number = |i: usize| row[i].parse::<usize>().ok();
            GoldQuote {
                doc: number(0).expect("doc"),
                quoted: number(1).expect("start")..number(2).expect("end"),
                speaker: number(4).zip(number(5)).map(|(s, e)| s..e),
                speaker_kind: row[6].clone(),
            }
        })
        .collect()
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Lower-case words, honorifics and titles kept (they are compared by their last words).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether our speaker is the labelled one. A named speaker must be named as fully as the
/// label (a surname alone for "John Howard" is wrong: the article named him in full); an
/// unnamed source must be unnamed in ours too, described by the same head noun.
fn right_speaker(found: &Quote, gold: &str, kind: &str) -> bool {
    let want = words(gold);
    if kind == "anonymous" {
        let role = found.role.as_deref().map(words).unwrap_or_default();
        let head = want.last().map(|w| w.trim_end_matches('s').to_string());
        return found.speaker.is_none()
            && head.is_some_and(|h| role.iter().any(|w| w.trim_end_matches('s') == h));
    }
    let Some(name) = found.speaker.as_deref() else {
        return false;
    };
    let got = words(name);
    let same_last = got.last() == want.last();
    same_last && got.len() >= want.len().min(2)
}

#[test]
fn speakers_and_quotations_of_real_abc_news() {
    let articles = realtext::lee_background();
    let gold = gold();
    assert!(gold.len() > 380, "the gold file holds {} rows", gold.len());
    let (mut found_total, mut found_right) = (0, 0);
    let (mut with_speaker, mut speaker_right) = (0, 0);
    let mut matched_gold = 0;
    let mut misses = Vec::new();
    for (doc, body) in articles.iter().enumerate().skip(100) {
        let ours = quotes(body, &[]);
        let labels: Vec<&GoldQuote> = gold.iter().filter(|g| g.doc == doc).collect();
        // Precision: each quotation we report must be a labelled one (scare quotes included).
        for q in &ours {
            found_total += 1;
            if labels
                .iter()
                .any(|g| q.parts.iter().any(|p| overlap(p, &g.quoted) > 0))
            {
                found_right += 1;
            }
        }
        for g in &labels {
            let hit = ours.iter().find(|q| {
                q.parts
                    .iter()
                    .any(|p| 2 * overlap(p, &g.quoted) >= g.quoted.len().min(p.len()))
            });
            if hit.is_some() {
                matched_gold += 1;
            }
            let Some(range) = &g.speaker else { continue };
            with_speaker += 1;
            let want = &body[range.clone()];
            let right = hit.is_some_and(|q| right_speaker(q, want, &g.speaker_kind));
            if right {
                speaker_right += 1;
            } else {
                misses.push(format!(
                    "doc {doc} @{}: want {want:?} ({}), got {:?}",
                    g.quoted.start,
                    g.speaker_kind,
                    hit.map(|q| (q.speaker.clone(), q.role.clone()))
                ));
            }
        }
    }
    let precision = found_right as f64 / found_total as f64;
    let recall = matched_gold as f64 / gold.len() as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    let accuracy = speaker_right as f64 / with_speaker as f64;
    println!(
        "Lee 100–299: quotations P {precision:.3} R {recall:.3} F1 {f1:.3}; right speaker \
         {speaker_right}/{with_speaker} = {accuracy:.3}"
    );
    if std::env::var_os("PARALLAX_SHOW_MISSES").is_some() {
        println!("{}", misses.join("\n"));
    }
    assert!(f1 >= 0.95, "quotation F1 {f1:.3}");
    // Measured 0.906 (358 of 395); the target is 0.90. Raise the guard as the finder improves.
    assert!(accuracy >= 0.90, "speaker accuracy {accuracy:.3}");
}

//! Sources by kind in real news: the quotations of the Lee corpus's articles 100–299 labelled
//! with their speaker's kind (`crates/testdata/gold/lee_quotes.tsv`: person, organisation,
//! anonymous), against the kind the framing analysis gives the source each quotation is
//! counted under. Our person kinds (official, expert, ordinary person) are all "person" here:
//! the labels do not tell them apart. Figures go to `docs/benchmarks.md`.

use parallax_core::framing::SourceKind;
use parallax_core::session::{self, SessionOptions};
use std::collections::BTreeMap;

#[test]
fn sources_of_real_news_are_told_apart_as_people_organisations_and_anonymous() {
    let lee = parallax_testdata::realtext::lee_background();
    // Per doc: (quoted range, labelled kind).
    let mut gold: BTreeMap<usize, Vec<(usize, usize, String)>> = BTreeMap::new();
    for row in parallax_testdata::realtext::gold_rows("lee_quotes.tsv") {
        let kind = row[6].clone();
        if kind == "none" {
            continue;
        }
        let n = |i: usize| row[i].parse::<usize>().expect("a number");
        gold.entry(n(0)).or_default().push((n(1), n(2), kind));
    }
    let (mut judged, mut right, mut unattributed) = (0, 0, 0);
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (&doc, labelled) in &gold {
        let article = crate::common::session_article(doc, &lee[doc]);
        let quotations = session::quotations(&[article]);
        let framing = session::framing(&[article], None, &quotations, &SessionOptions::default());
        for (start, end, kind) in labelled {
            // The quotation holding the labelled words, and the source it is counted under.
            let quote = quotations.quotes.iter().find(|q| {
                q.quote
                    .parts
                    .iter()
                    .any(|p| p.start < *end && *start < p.end)
            });
            let Some(quote) = quote else { continue };
            let source = framing
                .sources
                .iter()
                .find(|s| s.quotations.contains(&quote.id));
            let ours = match source.map(|s| s.kind) {
                None => {
                    unattributed += 1;
                    "none"
                }
                Some(SourceKind::Anonymous) => "anonymous",
                Some(SourceKind::Organisation) => "organisation",
                Some(SourceKind::Official | SourceKind::Expert | SourceKind::Person) => "person",
            };
            judged += 1;
            right += usize::from(ours == kind);
            *confusion
                .entry((kind.clone(), ours.to_string()))
                .or_default() += 1;
        }
    }
    let accuracy = right as f64 / judged.max(1) as f64;
    println!("Lee sources: kind right {right}/{judged} = {accuracy:.3} ({unattributed} counted under no source); labelled -> ours: {confusion:?}");
    assert!(judged > 300, "{judged} quotations judged");
    // Measured: 371/393 = 0.944.
    assert!(accuracy >= 0.93, "source kinds right {accuracy:.3}");
}

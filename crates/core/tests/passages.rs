//! Shared passages: invented fixtures for the edges, and recall and precision measured on a
//! synthetic corpus with known passages planted with small edits (`parallax-testdata`).

use parallax_core::passages::{
    candidates, covered_ranges, fingerprints, passages_between, shared_passages, Passage,
    ReuseOptions, ReuseText,
};
use parallax_testdata::{planted_corpus, Planted};
use std::ops::Range;

const WIRE: &str = "The northern floodgate of the Port Salve barrage failed at dawn on Tuesday, \
sending a surge down the Tessel River that flooded the fish market and the rail sidings, \
harbour officials said, adding that no one had been hurt and that engineers were inspecting \
the remaining five gates.";

fn text(body: &str) -> ReuseText {
    ReuseText::new(body, &[])
}

fn overlap(x: &Range<usize>, y: &Range<usize>) -> usize {
    x.end.min(y.end).saturating_sub(x.start.max(y.start))
}

#[test]
fn a_wire_paragraph_reprinted_with_a_changed_figure_is_one_passage() {
    let a =
        format!("Local news first.\n\n{WIRE}\n\nThe mayor spoke on Wednesday about the schools.");
    let edited = WIRE
        .replace("five gates", "six gates")
        .replace("at dawn", "early");
    let b = format!("An unrelated lede about grain prices and shipping.\n\n{edited}\n\nMore on the port tomorrow.");
    let found = shared_passages(&[text(&a), text(&b)], &ReuseOptions::default());
    assert_eq!(found.len(), 1, "{found:#?}");
    let (x, y, passage) = &found[0];
    assert_eq!((*x, *y), (0, 1));
    let start_a = a.find(WIRE).unwrap();
    let start_b = b.find(&edited).unwrap();
    // The passage covers the paragraph on both sides, give or take its edges.
    assert!(overlap(&passage.a, &(start_a..start_a + WIRE.len())) > WIRE.len() * 9 / 10);
    assert!(overlap(&passage.b, &(start_b..start_b + edited.len())) > edited.len() * 9 / 10);
    assert!(passage.words >= 40);
    assert!(
        passage.similarity > 0.85 && passage.similarity < 1.0,
        "{}",
        passage.similarity
    );
}

#[test]
fn boilerplate_and_short_common_phrases_are_not_reuse() {
    let footer =
        "Subscribe to our newsletter for the latest news from the harbour and the valley, \
delivered every morning to your inbox, and follow us on every social network you use today.";
    let a = format!("The gate failed on Tuesday.\n\n{footer}");
    let b = format!("Grain prices rose on Wednesday.\n\n{footer}");
    let clutter_a = a.find(footer).unwrap()..a.len();
    let clutter_b = b.find(footer).unwrap()..b.len();
    let texts = [
        ReuseText::new(&a, &[clutter_a]),
        ReuseText::new(&b, &[clutter_b]),
    ];
    assert!(shared_passages(&texts, &ReuseOptions::default()).is_empty());
    // Without the boilerplate marks, the footer is a shared passage.
    assert_eq!(
        shared_passages(&[text(&a), text(&b)], &ReuseOptions::default()).len(),
        1
    );
    // Two articles sharing a common phrase only.
    let c = "Officials said on Tuesday that the United States and Venezuela would talk.";
    let d = "Analysts said on Tuesday that the United States and Venezuela had met.";
    assert!(shared_passages(&[text(c), text(d)], &ReuseOptions::default()).is_empty());
}

#[test]
fn passages_are_deterministic_and_symmetric_in_content() {
    let a = format!("Intro.\n\n{WIRE}");
    let b = format!("{WIRE}\n\nOutro.");
    let options = ReuseOptions::default();
    let first = shared_passages(&[text(&a), text(&b)], &options);
    assert_eq!(first, shared_passages(&[text(&a), text(&b)], &options));
    let swapped = shared_passages(&[text(&b), text(&a)], &options);
    assert_eq!(first.len(), swapped.len());
    assert_eq!(first[0].2.a, swapped[0].2.b);
    assert_eq!(first[0].2.words, swapped[0].2.words);
}

#[test]
fn a_fingerprint_in_too_many_articles_is_ignored() {
    let bodies: Vec<String> = (0..5)
        .map(|i| format!("Story {i} starts here.\n\n{WIRE}"))
        .collect();
    let texts: Vec<ReuseText> = bodies.iter().map(|b| text(b)).collect();
    let options = ReuseOptions::default();
    let prints: Vec<_> = texts.iter().map(|t| fingerprints(t, &options)).collect();
    let refs: Vec<_> = prints.iter().map(Vec::as_slice).collect();
    assert_eq!(candidates(&refs, &options).len(), 10, "every pair of five");
    let strict = options.max_articles_per_fingerprint(4);
    assert!(
        candidates(&refs, &strict).is_empty(),
        "the passage is in all five"
    );
}

#[test]
fn covered_ranges_merge_per_article_and_count_words() {
    let a = format!("Intro words here.\n\n{WIRE}");
    let b = format!("{WIRE}\n\nOutro words here.");
    let c = format!("Other start.\n\n{WIRE}\n\nOther end.");
    let texts = [text(&a), text(&b), text(&c)];
    let found = shared_passages(&texts, &ReuseOptions::default());
    assert_eq!(found.len(), 3, "{found:#?}");
    let covered = covered_ranges(3, &found);
    assert_eq!(
        covered[0].len(),
        1,
        "overlapping passages merge: {:?}",
        covered[0]
    );
    let reused = texts[0].words_within(&covered[0]);
    assert!(
        reused * 10 >= texts[0].len() * 8,
        "{reused} of {}",
        texts[0].len()
    );
}

#[test]
fn odd_input_never_panics() {
    let options = ReuseOptions::default();
    for body in [
        "",
        "one",
        "a a a a a a a a a a a a a a a a a a a a a a a a",
        "é ü ß 漢字 ≈",
    ] {
        let t = text(body);
        let _ = fingerprints(&t, &options);
        let _ = shared_passages(&[t.clone(), t.clone()], &options);
        let _ = passages_between(&t, &t, &[(0, 0), (99, 99)], &options);
    }
}

/// Whether a found passage is a planted one: same two articles, each side covering at least
/// half of the planted text.
fn is_planted(found: &(usize, usize, Passage), planted: &Planted) -> bool {
    let (x, y, p) = found;
    let half =
        |found: &Range<usize>, truth: &Range<usize>| overlap(found, truth) * 2 >= truth.len();
    (*x == planted.a
        && *y == planted.b
        && half(&p.a, &planted.a_range)
        && half(&p.b, &planted.b_range))
        || (*x == planted.b
            && *y == planted.a
            && half(&p.a, &planted.b_range)
            && half(&p.b, &planted.a_range))
}

/// Recall and precision of `shared_passages` on a planted corpus.
fn measure(edit_rate: f64, lengths: Range<usize>) -> (f64, f64, usize) {
    let corpus = planted_corpus(11, 300, 400, 150, lengths.clone(), edit_rate);
    let texts: Vec<ReuseText> = corpus.bodies.iter().map(|b| text(b)).collect();
    let found = shared_passages(&texts, &ReuseOptions::default());
    let recalled = corpus
        .planted
        .iter()
        .filter(|p| found.iter().any(|f| is_planted(f, p)))
        .count();
    let correct = found
        .iter()
        .filter(|f| corpus.planted.iter().any(|p| is_planted(f, p)))
        .count();
    let recall = recalled as f64 / corpus.planted.len() as f64;
    let precision = if found.is_empty() {
        1.0
    } else {
        correct as f64 / found.len() as f64
    };
    // The figures docs/benchmarks.md quotes (`--nocapture` shows them).
    eprintln!(
        "edits {edit_rate:.2}, {lengths:?} words: recall {recall:.3}, precision {precision:.3}, {} found",
        found.len()
    );
    (recall, precision, found.len())
}

#[test]
fn planted_passages_of_25_words_or_more_with_up_to_ten_percent_edits_are_found() {
    // The target: ≥ 0.95 recall and precision for passages of ≥ 25 words with ≤ 10% of
    // words changed.
    let (recall, precision, found) = measure(0.10, 25..80);
    assert!(recall >= 0.95, "recall {recall:.3} ({found} found)");
    assert!(
        precision >= 0.95,
        "precision {precision:.3} ({found} found)"
    );
    // Verbatim copies: everything, and nothing else.
    let (recall, precision, _) = measure(0.0, 25..80);
    assert_eq!((recall, precision), (1.0, 1.0));
    // Beyond the target, for the record: heavier edits and shorter passages.
    measure(0.15, 25..80);
    measure(0.10, 15..25);
}

#[test]
fn a_run_repeated_all_over_two_pages_does_not_pair_every_repeat() {
    // "0 0 0 …" or a repeated "Advertisement" line leaves a fingerprint at nearly every word;
    // pairing each with each would be millions of seeds. Such a fingerprint is ignored.
    let page = "Advertisement ".repeat(3_000);
    let texts = [text(&page), text(&page)];
    let options = ReuseOptions::default();
    let prints: Vec<_> = texts.iter().map(|t| fingerprints(t, &options)).collect();
    let refs: Vec<_> = prints.iter().map(Vec::as_slice).collect();
    assert!(candidates(&refs, &options).is_empty());
}

#[test]
fn two_swapped_paragraphs_are_two_passages() {
    let first =
        "The harbour authority said the grain quay would stay closed until Monday while divers \
surveyed the berths and the approach channel for debris left by the flood.";
    let second =
        "Insurers said it was too early to estimate the losses, and the ministry promised an \
independent inspection of all six gates before the barrage reopened.";
    let a = format!("{first}\n\n{second}");
    let b = format!("{second}\n\n{first}");
    let found = shared_passages(&[text(&a), text(&b)], &ReuseOptions::default());
    assert_eq!(found.len(), 2, "{found:#?}");
}

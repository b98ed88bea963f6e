//! Actors found in real news nobody on the team wrote: the Lee corpus (ABC news, gensim's
//! wheel), articles 100–129, against mentions we labelled by reading
//! (`crates/testdata/gold/lee_actors.tsv`: every named person, organisation and place, the name
//! without titles, one number per actor within an article). Each article is read alone, as a
//! one-article session. Figures go to `docs/benchmarks.md`; the guards sit just under them.

use parallax_core::framing::ActorKind;
use parallax_core::session::{self, SessionOptions};
use std::collections::HashMap;

struct Mention {
    actor: usize,
    kind: ActorKind,
    start: usize,
    end: usize,
}

fn kind(name: &str) -> ActorKind {
    match name {
        "person" => ActorKind::Person,
        "organisation" => ActorKind::Organisation,
        "place" => ActorKind::Place,
        other => panic!("unknown kind {other}"),
    }
}

/// The same mention: the same start, and the same end or one that differs by an
/// abbreviation's final point ("U.S." against "U.S").
fn same_span(body: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 == b.0
        && (a.1 == b.1
            || (a.1.max(b.1) - a.1.min(b.1) == 1 && body[a.1.min(b.1)..a.1.max(b.1)] == *"."))
}

#[test]
fn actors_in_real_news_are_found_kinded_and_merged() {
    let lee = parallax_testdata::realtext::lee_background();
    let mut gold: HashMap<usize, Vec<Mention>> = HashMap::new();
    for row in parallax_testdata::realtext::gold_rows("lee_actors.tsv") {
        let n = |i: usize| row[i].parse::<usize>().expect("a number");
        gold.entry(n(0)).or_default().push(Mention {
            actor: n(1),
            kind: kind(&row[2]),
            start: n(3),
            end: n(4),
        });
    }
    assert_eq!(gold.len(), 30, "articles 100-129 are labelled");
    let (mut found_total, mut found_right, mut gold_total, mut gold_found) = (0, 0, 0, 0);
    let (mut kinds_right, mut kinds_judged) = (0, 0);
    let (mut pairs_both, mut pairs_ours, mut pairs_gold) = (0, 0, 0);
    let mut docs: Vec<usize> = gold.keys().copied().collect();
    docs.sort();
    for doc in docs {
        let body = lee[doc].as_str();
        let article = crate::common::session_article(doc, body);
        let quotations = session::quotations(&[article]);
        let framing = session::framing(&[article], None, &quotations, &SessionOptions::default());
        // Our mentions: (actor index, kind, span).
        let ours: Vec<(usize, ActorKind, (usize, usize))> = framing
            .actors
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                a.mentions
                    .iter()
                    .flat_map(|m| m.spans.iter())
                    .map(move |r| (i, a.kind, (r.start, r.end)))
            })
            .collect();
        let labelled = &gold[&doc];
        found_total += ours.len();
        gold_total += labelled.len();
        // Matched pairs: (gold mention, our mention).
        type Ours = (usize, ActorKind, (usize, usize));
        let mut matched: Vec<(&Mention, &Ours)> = Vec::new();
        for g in labelled {
            if let Some(o) = ours.iter().find(|o| same_span(body, o.2, (g.start, g.end))) {
                matched.push((g, o));
                gold_found += 1;
                kinds_judged += 1;
                if o.1 == g.kind {
                    kinds_right += 1;
                }
            }
        }
        if std::env::var_os("LEE_ACTORS_DEBUG").is_some() {
            for o in &ours {
                if !labelled
                    .iter()
                    .any(|g| same_span(body, o.2, (g.start, g.end)))
                {
                    println!("{doc} extra {:?} {:?}", o.1, &body[o.2 .0..o.2 .1]);
                }
            }
            for g in labelled {
                match ours.iter().find(|o| same_span(body, o.2, (g.start, g.end))) {
                    None => println!("{doc} missed {:?} {:?}", g.kind, &body[g.start..g.end]),
                    Some(o) if o.1 != g.kind => println!(
                        "{doc} kind {:?} for {:?} {:?}",
                        o.1,
                        g.kind,
                        &body[g.start..g.end]
                    ),
                    _ => {}
                }
            }
        }
        found_right += ours
            .iter()
            .filter(|o| {
                labelled
                    .iter()
                    .any(|g| same_span(body, o.2, (g.start, g.end)))
            })
            .count();
        for (i, (g1, o1)) in matched.iter().enumerate() {
            for (g2, o2) in &matched[i + 1..] {
                let (same_gold, same_ours) = (g1.actor == g2.actor, o1.0 == o2.0);
                pairs_gold += usize::from(same_gold);
                pairs_ours += usize::from(same_ours);
                pairs_both += usize::from(same_gold && same_ours);
            }
        }
    }
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let (precision, recall) = (
        ratio(found_right, found_total),
        ratio(gold_found, gold_total),
    );
    let kinds = ratio(kinds_right, kinds_judged);
    let (merge_precision, merge_recall) =
        (ratio(pairs_both, pairs_ours), ratio(pairs_both, pairs_gold));
    println!(
        "Lee actors: mentions P {precision:.3} R {recall:.3} ({found_right}/{found_total} found right, {gold_found}/{gold_total} labelled found); kinds {kinds:.3} ({kinds_right}/{kinds_judged}); merges P {merge_precision:.3} R {merge_recall:.3} ({pairs_both} pairs, {pairs_ours} ours, {pairs_gold} labelled)"
    );
    // Measured: mentions P 0.839 R 0.877, kinds 0.844, merges P 0.997 R 0.963.
    assert!(precision >= 0.82, "mention precision {precision:.3}");
    assert!(recall >= 0.86, "mention recall {recall:.3}");
    assert!(kinds >= 0.83, "kinds right {kinds:.3}");
    assert!(
        merge_precision >= 0.98,
        "merge precision {merge_precision:.3}"
    );
    assert!(merge_recall >= 0.94, "merge recall {merge_recall:.3}");
}

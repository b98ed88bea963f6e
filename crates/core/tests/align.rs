//! Sentence alignment: invented fixtures for each kind of step, and the shared corpus.

use crate::common::{corpus, input};
use parallax_core::align::{align, AlignInput, AlignOptions, Alignment};
use parallax_core::ingest::Document;
use parallax_core::ArticleId;

/// Index of the sentence of `article` containing `needle`; panics naming it when absent.
fn find(alignment: &Alignment, bodies: &[&str], article: usize, needle: &str) -> usize {
    alignment.sentences[article]
        .iter()
        .position(|s| bodies[article][s.range()].contains(needle))
        .unwrap_or_else(|| panic!("no sentence with {needle:?} in article {article}"))
}

/// The row holding sentence `sentence` of `article`.
fn row_of(alignment: &Alignment, article: usize, sentence: usize) -> usize {
    alignment
        .rows
        .iter()
        .position(|r| {
            r.cells[article]
                .as_ref()
                .is_some_and(|c| c.contains(&sentence))
        })
        .unwrap_or_else(|| panic!("sentence {sentence} of article {article} is in no row"))
}

/// Whether the two sentences share a row or a moved link (one of them in the pivot).
fn aligned(alignment: &Alignment, a: (usize, usize), b: (usize, usize)) -> bool {
    let same_row = alignment.rows.iter().any(|r| {
        r.cells[a.0].as_ref().is_some_and(|c| c.contains(&a.1))
            && r.cells[b.0].as_ref().is_some_and(|c| c.contains(&b.1))
    });
    let linked = alignment.moved.iter().any(|l| {
        (a.0 == alignment.pivot && l.pivot_sentence == a.1 && l.article == b.0 && l.sentence == b.1)
            || (b.0 == alignment.pivot
                && l.pivot_sentence == b.1
                && l.article == a.0
                && l.sentence == a.1)
    });
    same_row || linked
}

const PIVOT: &str = "Harbour Gate Fails at Port Salve\n\n\
The northern floodgate of the Port Salve harbour barrage failed at dawn on Tuesday, flooding the fish market. \
Mayor Ilse Brandvik ordered 1,200 residents of the Kessel quarter to leave their homes. \
Engineers from Delmar Hydraulics had warned in March that the gate's hinges were corroded. \
The regional council will hold an emergency session on Friday.";

#[test]
fn one_to_one_rows_follow_the_pivot_and_keep_headings_apart() {
    let other = "Floodgate Collapse in Port Salve\n\n\
The Port Salve barrage's northern floodgate gave way early Tuesday and water poured into the fish market. \
Some 1,200 people in Kessel were told by Mayor Brandvik to evacuate. \
In March, Delmar Hydraulics engineers had flagged corrosion in the hinges of the gate. \
An emergency session of the regional council is set for Friday.";
    let bodies = [PIVOT, other];
    let a = align(
        &[input(10, PIVOT), input(20, other)],
        0,
        &AlignOptions::default(),
    );
    assert_eq!(a.articles, vec![ArticleId(10), ArticleId(20)]);
    assert_eq!(a.sentences[0].len(), 5);
    assert_eq!(a.rows.len(), 5, "{:#?}", a.rows);
    for (k, row) in a.rows.iter().enumerate() {
        assert_eq!(row.cells[0], Some(vec![k]));
        assert_eq!(row.cells[1], Some(vec![k]), "row {k}: {row:?}");
        assert!(row.similarity > 0.0);
    }
    assert!(a.only_here.is_empty(), "{:?}", a.only_here);
    // The heading row holds the two headings, and nothing else pairs with a heading.
    let heading = find(&a, &bodies, 1, "Floodgate Collapse");
    assert!(aligned(&a, (0, 0), (1, heading)));
}

#[test]
fn reordered_sentence_is_a_moved_link() {
    // The corrosion warning comes first here, the rest in pivot order.
    let other = "Engineers at Delmar Hydraulics had warned in March of corroded hinges on the gate. \
The northern floodgate of the Port Salve barrage failed on Tuesday at dawn, and the fish market flooded. \
Mayor Ilse Brandvik told 1,200 Kessel residents to leave their homes. \
The regional council meets in an emergency session on Friday.";
    let bodies = [PIVOT, other];
    let a = align(
        &[input(1, PIVOT), input(2, other)],
        0,
        &AlignOptions::default(),
    );
    let warned_pivot = find(&a, &bodies, 0, "had warned in March");
    let warned_other = find(&a, &bodies, 1, "had warned in March");
    assert_eq!(warned_other, 0);
    assert!(
        a.moved.iter().any(|l| l.article == 1
            && l.sentence == warned_other
            && l.pivot_sentence == warned_pivot),
        "{:#?}",
        a.moved
    );
    // The moved sentence still gets a row of its own, before the first pivot row it precedes.
    let row = row_of(&a, 1, warned_other);
    assert_eq!(a.rows[row].cells[0], None);
    // The others stay aligned in order.
    for needle in ["floodgate", "1,200", "regional council"] {
        let p = find(&a, &bodies, 0, needle);
        let o = find(&a, &bodies, 1, needle);
        assert!(aligned(&a, (0, p), (1, o)), "{needle}");
    }
    // Only the pivot's headline has no counterpart.
    assert_eq!(a.only_here, vec![(0, 0)]);
}

#[test]
fn a_sentence_split_in_two_is_a_one_to_two_merge() {
    let other = "The northern floodgate of the Port Salve barrage failed at dawn on Tuesday. \
Water from the harbour flooded the fish market. \
Mayor Ilse Brandvik ordered 1,200 residents of the Kessel quarter out of their homes. \
Delmar Hydraulics engineers had warned in March that the gate's hinges were corroded.";
    let a = align(
        &[input(1, PIVOT), input(2, other)],
        0,
        &AlignOptions::default(),
    );
    let bodies = [PIVOT, other];
    let failed = find(&a, &bodies, 0, "failed at dawn");
    let row = &a.rows[row_of(&a, 0, failed)];
    assert_eq!(row.cells[1], Some(vec![0, 1]), "{:#?}", a.rows);
}

#[test]
fn two_sentences_merged_into_one_is_a_two_to_one_merge() {
    let other = "Mayor Ilse Brandvik ordered 1,200 Kessel residents to leave their homes after engineers from Delmar Hydraulics, who had warned in March that the gate's hinges were corroded, confirmed the failure.";
    let a = align(
        &[input(1, PIVOT), input(2, other)],
        0,
        &AlignOptions::default(),
    );
    let bodies = [PIVOT, other];
    let mayor = find(&a, &bodies, 0, "Mayor Ilse");
    let engineers = find(&a, &bodies, 0, "Engineers from Delmar");
    assert_eq!(engineers, mayor + 1);
    // One row holds both pivot sentences and the one that merges them, shown once.
    let row = row_of(&a, 0, mayor);
    assert_eq!(row, row_of(&a, 0, engineers));
    assert_eq!(a.rows[row].cells[0], Some(vec![mayor, engineers]));
    assert_eq!(a.rows[row].cells[1], Some(vec![0]));
    every_sentence_once_in_order(&a);
}

/// Every sentence of every article sits in exactly one row, each article's in its order.
fn every_sentence_once_in_order(a: &Alignment) {
    for (article, sentences) in a.sentences.iter().enumerate() {
        let seen: Vec<usize> = a
            .rows
            .iter()
            .filter_map(|r| r.cells[article].as_ref())
            .flatten()
            .copied()
            .collect();
        assert_eq!(
            seen,
            (0..sentences.len()).collect::<Vec<_>>(),
            "article {article}: {:#?}",
            a.rows
        );
    }
    assert!(a.rows.iter().all(|r| r.cells.iter().any(Option::is_some)));
}

#[test]
fn a_claim_the_pivot_lacks_shares_one_row_across_the_others() {
    let second = "The Port Salve barrage's northern floodgate failed at dawn on Tuesday. \
A ferry captain, Tomas Ferreira, filmed the wall of water from the quay. \
Mayor Brandvik ordered 1,200 Kessel residents to leave.";
    let third = "Floodwater poured through the failed northern floodgate of the Port Salve barrage early on Tuesday. \
Tomas Ferreira, a ferry captain, filmed the surge of water from the quay on his phone. \
Some 1,200 people in the Kessel quarter were told to leave by Mayor Brandvik.";
    let bodies = [PIVOT, second, third];
    let a = align(
        &[input(1, PIVOT), input(2, second), input(3, third)],
        0,
        &AlignOptions::default(),
    );
    let ferry = (1, find(&a, &bodies, 1, "ferry captain"));
    let surge = (2, find(&a, &bodies, 2, "filmed the surge"));
    assert_eq!(
        row_of(&a, ferry.0, ferry.1),
        row_of(&a, surge.0, surge.1),
        "{:#?}",
        a.rows
    );
    let row = &a.rows[row_of(&a, ferry.0, ferry.1)];
    assert!(row.cells[0].is_none(), "the pivot has no ferry captain");
    every_sentence_once_in_order(&a);
}

#[test]
fn every_sentence_is_in_one_row_whatever_the_pivot() {
    let docs = corpus();
    let inputs = corpus_inputs(&docs);
    for pivot in 0..inputs.len() {
        let a = align(&inputs, pivot, &AlignOptions::default());
        every_sentence_once_in_order(&a);
        assert_eq!(a.pivot, pivot);
        // A row never pairs a sentence that "only here" says has no counterpart.
        for row in &a.rows {
            let filled = row.cells.iter().filter(|c| c.is_some()).count();
            if filled < 2 {
                continue;
            }
            for (article, cell) in row.cells.iter().enumerate() {
                for &s in cell.iter().flatten() {
                    assert!(
                        !a.only_here.contains(&(article, s)),
                        "pivot {pivot}: sentence {s} of article {article} shares a row yet is only here"
                    );
                }
            }
        }
    }
}

#[test]
fn only_here_checks_every_pair_not_only_the_pivot() {
    let second = "The Port Salve barrage's northern floodgate failed at dawn on Tuesday. \
A ferry captain, Tomas Ferreira, filmed the wall of water from the quay.";
    let third = "Tomas Ferreira, a ferry captain, filmed the surge from the quay on his phone. \
Insurers in Lisbon expect claims of about 40 million euros.";
    let bodies = [PIVOT, second, third];
    let a = align(
        &[input(1, PIVOT), input(2, second), input(3, third)],
        0,
        &AlignOptions::default(),
    );
    let ferry_2 = find(&a, &bodies, 1, "ferry captain");
    let ferry_3 = find(&a, &bodies, 2, "ferry captain");
    let insurers = find(&a, &bodies, 2, "Insurers");
    let council = find(&a, &bodies, 0, "regional council");
    assert!(!a.only_here.contains(&(1, ferry_2)), "{:?}", a.only_here);
    assert!(!a.only_here.contains(&(2, ferry_3)));
    assert!(a.only_here.contains(&(2, insurers)));
    assert!(a.only_here.contains(&(0, council)));
    // Sentences without a pivot partner get rows after the pivot row they follow.
    let failed_row = row_of(&a, 0, find(&a, &bodies, 0, "failed at dawn"));
    let ferry_row = row_of(&a, 1, ferry_2);
    assert!(ferry_row > failed_row);
    assert_eq!(a.rows[ferry_row].cells[0], None);
    // A pair diff of the aligned floodgate sentences.
    let diff = a.pair_diff(&bodies, failed_row, 0, 1).expect("both cells");
    assert!(diff.diff.counts.equal_words > 5);
    assert!(diff.left.contains("fish market"));
    assert!(a.pair_diff(&bodies, ferry_row, 0, 1).is_none());
}

#[test]
fn output_is_deterministic_and_serialisable() {
    let second =
        "Floodgate Collapse in Port Salve\n\nMayor Brandvik ordered 1,200 people out of Kessel. \
The floodgate failed on Tuesday.";
    let third =
        "The regional council will meet on Friday in an emergency session. The gate failed.";
    let inputs = [input(1, PIVOT), input(2, second), input(3, third)];
    let first = align(&inputs, 1, &AlignOptions::default());
    let again = align(&inputs, 1, &AlignOptions::default());
    assert_eq!(first, again);
    let json = serde_json::to_string(&first).expect("serialises");
    let back: Alignment = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(first, back);
    assert_eq!(first.pivot, 1);
    // Every sentence of every article appears in some row exactly as often as the pivot
    // structure allows: at least once.
    for (article, list) in first.sentences.iter().enumerate() {
        for s in 0..list.len() {
            row_of(&first, article, s);
        }
    }
}

#[test]
fn boilerplate_yields_no_sentences() {
    let body =
        "Subscribe to our newsletter for daily updates.\n\nThe northern floodgate failed at dawn.";
    let a = align(
        &[
            AlignInput {
                id: ArticleId(1),
                body,
                boilerplate: &[0..46],
                language: "en",
            },
            input(2, PIVOT),
        ],
        1,
        &AlignOptions::default(),
    );
    assert_eq!(a.sentences[0].len(), 1);
}

fn corpus_inputs(docs: &[Document]) -> Vec<AlignInput<'_>> {
    docs.iter()
        .enumerate()
        .map(|(k, d)| AlignInput {
            id: ArticleId(k as i64),
            body: &d.body,
            boilerplate: &d.boilerplate,
            language: "en",
        })
        .collect()
}

#[test]
fn corpus_pairs_a_careful_reader_would_align() {
    let docs = corpus();
    let inputs = corpus_inputs(&docs);
    let bodies: Vec<&str> = docs.iter().map(|d| d.body.as_str()).collect();
    // Pivot: 004, the shortest, as a reader comparing a wire summary against longer pieces.
    let a = align(&inputs, 4, &AlignOptions::default());
    let at = |article: usize, needle: &str| (article, find(&a, &bodies, article, needle));
    let pairs = [
        // The key fact, in 004's box, and 001's lede: preliminary / exploratory talks to restore
        // relations (a second partner of 001's lede, which the path gives to 004's summary).
        (at(4, "have entered into preliminary"), at(1, "launched an")),
        // 004's summary and 002's lede: preliminary discussions between the two.
        (
            at(4, "engage in preliminary discussions"),
            at(2, "engaged in preliminary"),
        ),
        // Both recall years of strained relations between Washington and Caracas.
        (
            at(4, "For years, relations between"),
            at(0, "Relations between Washington"),
        ),
        // The shift will be closely watched.
        (
            at(4, "would also be closely watched"),
            at(3, "closely watched by Beijing"),
        ),
        (
            at(4, "would also be closely watched"),
            at(0, "has been closely watched"),
        ),
    ];
    for (x, y) in pairs {
        assert!(
            aligned(&a, x, y),
            "expected {:?} and {:?} aligned:\n  {}\n  {}",
            x,
            y,
            a.cell_text(bodies[x.0], x.0, &[x.1]),
            a.cell_text(bodies[y.0], y.0, &[y.1]),
        );
    }
    // An analyst's quote only 002 carries.
    let quote = at(2, "testing the waters");
    assert!(
        a.only_here.contains(&quote),
        "{quote:?} should be only here"
    );
    assert!(!a.only_here.contains(&at(1, "launched an")));
}

#[test]
fn bullet_points_never_merge_into_one_prose_sentence() {
    let pivot = "Harbour officials named floodwater pressure and cargo delays as the reasons for closing the Tessel lock.\n\nThe lock reopens on Friday.";
    let other = "Reasons for closing the Tessel lock:\n- Floodwater pressure on the lock gates\n- Cargo delays at the harbour\n\nThe lock reopens on Friday.";
    let bodies = [pivot, other];
    let alignment = align(
        &[input(1, pivot), input(2, other)],
        0,
        &AlignOptions::default(),
    );
    for row in &alignment.rows {
        if let (Some(left), Some(right)) = (&row.cells[0], &row.cells[1]) {
            let kinds: Vec<_> = right
                .iter()
                .map(|&i| alignment.sentences[1][i].kind)
                .collect();
            let left_kind = alignment.sentences[0][left[0]].kind;
            assert!(
                right.len() == 1 || kinds.iter().all(|k| *k == left_kind),
                "a merge across kinds: {:?} with {:?}",
                left.iter()
                    .map(|&i| &pivot[alignment.sentences[0][i].range()])
                    .collect::<Vec<_>>(),
                right
                    .iter()
                    .map(|&i| &bodies[1][alignment.sentences[1][i].range()])
                    .collect::<Vec<_>>()
            );
        }
    }
    let reopen = find(&alignment, &bodies, 1, "reopens on Friday");
    assert!(aligned(
        &alignment,
        (0, find(&alignment, &bodies, 0, "reopens on Friday")),
        (1, reopen)
    ));
}

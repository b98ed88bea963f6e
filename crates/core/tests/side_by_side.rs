//! The side-by-side layout of an alignment: runs that rebuild each sentence, changed words,
//! marks, links to counterparts in other rows, and the counts per article.

use crate::common::input;
use parallax_core::align::{align, AlignInput, AlignOptions};
use parallax_core::side_by_side::{
    mark_notes, side_by_side, ArticleMarks, NoteMark, SideBySide, SideRow, SideSentence,
};
use parallax_core::NoteId;

fn lay_out(bodies: &[&str], pivot: usize, marks: &[ArticleMarks]) -> SideBySide {
    let inputs: Vec<AlignInput<'_>> = bodies
        .iter()
        .enumerate()
        .map(|(i, b)| input(i as u64 + 1, b))
        .collect();
    let alignment = align(&inputs, pivot, &AlignOptions::default());
    side_by_side(&alignment, bodies, marks)
}

/// Every sentence of `article`, in row order.
fn sentences_of(view: &SideBySide, article: usize) -> Vec<&SideSentence> {
    view.rows
        .iter()
        .filter_map(|r| r.cells[article].as_ref())
        .flatten()
        .collect()
}

fn text(sentence: &SideSentence) -> String {
    sentence.runs.iter().map(|r| r.text.as_str()).collect()
}

/// The row whose cell of `article` has a sentence containing `needle`.
fn row_with<'a>(view: &'a SideBySide, article: usize, needle: &str) -> &'a SideRow {
    view.rows
        .iter()
        .find(|r| {
            r.cells[article]
                .as_ref()
                .is_some_and(|c| c.iter().any(|s| text(s).contains(needle)))
        })
        .unwrap_or_else(|| panic!("no row with {needle:?} in article {article}"))
}

fn changed_words(sentence: &SideSentence) -> Vec<String> {
    sentence
        .runs
        .iter()
        .filter(|r| r.changed)
        .map(|r| r.text.trim().to_string())
        .collect()
}

const LEDGER: &str = "Gate Fails at Port Salve\n\n\
The northern floodgate of the Port Salve barrage failed at dawn on Tuesday. \
Mayor Ilse Brandvik ordered 1,200 residents of the Kessel quarter to leave their homes.\n\n\
Engineers from Delmar Hydraulics had warned in March that the hinges were corroded.";

const WIRE: &str = "Floodgate Collapse in Port Salve\n\n\
The northern floodgate of the Port Salve barrage failed early on Tuesday. \
Mayor Ilse Brandvik ordered 1,400 residents of the Kessel quarter to leave their homes.\n\n\
A fishing cooperative said its boats were safe in the outer basin.";

#[test]
fn runs_rebuild_every_sentence_with_its_body_offsets() {
    let bodies = [LEDGER, WIRE];
    let view = lay_out(&bodies, 0, &[]);
    for (a, body) in bodies.iter().enumerate() {
        let sentences = sentences_of(&view, a);
        assert_eq!(sentences.len(), view.facts[a].sentences);
        for s in sentences {
            assert_eq!(text(s), &body[s.start..s.end]);
            for run in &s.runs {
                assert_eq!(&body[run.start..run.start + run.text.len()], run.text);
            }
        }
    }
}

#[test]
fn changed_words_are_the_pair_diff_on_each_side() {
    let view = lay_out(&[LEDGER, WIRE], 0, &[]);
    let row = row_with(&view, 0, "1,200");
    let pivot = &row.cells[0].as_ref().unwrap()[0];
    let other = &row.cells[1]
        .as_ref()
        .expect("the wire's evacuation sentence")[0];
    assert!(text(other).contains("1,400"));
    assert_eq!(changed_words(pivot), vec!["1,200"]);
    assert_eq!(changed_words(other), vec!["1,400"]);
    assert!(row.differs);

    let first = row_with(&view, 0, "at dawn");
    assert_eq!(
        changed_words(&first.cells[0].as_ref().unwrap()[0]),
        vec!["at dawn"]
    );
    assert_eq!(
        changed_words(&first.cells[1].as_ref().unwrap()[0]),
        vec!["early"]
    );
}

#[test]
fn the_pivot_marks_only_words_no_partner_repeats() {
    // The wire says "1,400" but repeats "the Kessel quarter"; the third says "1,200" but not
    // "the Kessel quarter". Every word of the pivot's sentence is in one partner or the other.
    let third = "Gate Gives Way\n\n\
The Port Salve barrage's northern floodgate failed at dawn on Tuesday. \
Mayor Ilse Brandvik ordered 1,200 residents of Kessel to leave their homes.";
    let view = lay_out(&[LEDGER, WIRE, third], 0, &[]);
    let row = row_with(&view, 0, "1,200");
    assert!(row.cells.iter().all(Option::is_some), "{row:#?}");
    let pivot = &row.cells[0].as_ref().unwrap()[0];
    assert_eq!(changed_words(pivot), Vec::<String>::new());
    // Each partner still marks its own departures from the pivot.
    let wire = &row.cells[1].as_ref().unwrap()[0];
    assert_eq!(changed_words(wire), vec!["1,400"]);
}

#[test]
fn only_here_sentences_are_flagged_counted_and_open_their_paragraph() {
    let view = lay_out(&[LEDGER, WIRE], 0, &[]);
    let only: Vec<(usize, String)> = view
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().enumerate())
        .filter_map(|(a, c)| c.as_ref().map(|c| (a, c)))
        .flat_map(|(a, c)| c.iter().map(move |s| (a, s)))
        .filter(|(_, s)| s.only_here)
        .map(|(a, s)| (a, text(s)))
        .collect();
    assert!(
        only.iter().any(|(a, t)| *a == 0 && t.contains("Delmar")),
        "{only:?}"
    );
    assert!(
        only.iter()
            .any(|(a, t)| *a == 1 && t.contains("cooperative")),
        "{only:?}"
    );
    assert_eq!(
        view.facts[0].only_here,
        only.iter().filter(|(a, _)| *a == 0).count()
    );
    for row in view
        .rows
        .iter()
        .filter(|r| r.cells.iter().flatten().flatten().any(|s| s.only_here))
    {
        assert!(row.only_here && row.differs);
    }
    let opens: Vec<bool> = sentences_of(&view, 0)
        .iter()
        .map(|s| s.opens_paragraph)
        .collect();
    // Headline, first sentence of the lede, second sentence, the last paragraph.
    assert_eq!(opens, vec![true, true, false, true]);
}

#[test]
fn marks_cut_runs_and_say_which_mark_covers_them() {
    let start = LEDGER.find("1,200 residents").unwrap();
    let end = start + "1,200 residents".len();
    let shared_start = LEDGER.find("Mayor").unwrap();
    let marks = vec![ArticleMarks {
        quotes: vec![(3, start..start + "1,200".len())],
        shared: vec![shared_start..end],
    }];
    let mut view = lay_out(&[LEDGER, WIRE], 0, &marks);
    // Notes are a layer over the laid-out text.
    let notes = vec![vec![NoteMark {
        note: NoteId(7),
        range: start..end,
    }]];
    mark_notes(&mut view, &notes);
    let sentence = sentences_of(&view, 0)
        .into_iter()
        .find(|s| s.start <= start && end <= s.end)
        .unwrap();
    let marked: String = sentence
        .runs
        .iter()
        .filter(|r| r.notes == vec![NoteId(7)])
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(marked, "1,200 residents");
    // The mark and the changed word overlap: "1,200" is both.
    assert!(sentence.runs.iter().any(|r| r.changed
        && r.notes == vec![NoteId(7)]
        && r.text == "1,200"
        && r.quote == Some(3)));
    // The shared passage runs from "Mayor" to the end of the note, across both.
    let shared: String = sentence
        .runs
        .iter()
        .filter(|r| r.shared)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(shared, &LEDGER[shared_start..end]);
    assert_eq!(text(sentence), &LEDGER[sentence.start..sentence.end]);
}

#[test]
fn moved_sentences_link_both_ways_to_their_rows() {
    let pivot = "Storm Hits Coast\n\n\
The storm flattened the pier at Vellmouth on Sunday night. \
Ferry services to the Corran islands were cancelled for three days. \
The coastguard rescued eleven sailors from a trawler off Dunmore Head. \
Power was cut to 8,000 homes in the valley.";
    // The rescue comes first here: outside the monotone path, a link must find it.
    let other = "Coast Battered by Storm\n\n\
Coastguard crews rescued eleven sailors from a trawler near Dunmore Head. \
Sunday night's storm flattened the Vellmouth pier. \
Ferries to the Corran islands are cancelled for three days. \
Some 8,000 homes in the valley lost power.";
    let view = lay_out(&[pivot, other], 0, &[]);
    let rescue = sentences_of(&view, 1)
        .into_iter()
        .find(|s| text(s).contains("Coastguard"))
        .unwrap();
    let pivot_rescue_row = view
        .rows
        .iter()
        .position(|r| {
            r.cells[0]
                .as_ref()
                .is_some_and(|c| text(&c[0]).contains("coastguard"))
        })
        .unwrap();
    let in_row = view.rows[pivot_rescue_row].cells[1].is_some();
    let linked = rescue
        .links
        .iter()
        .any(|l| l.column == 0 && l.row == pivot_rescue_row);
    assert!(
        in_row || linked,
        "the rescue is neither aligned nor linked: {rescue:#?}"
    );
    if linked {
        let pivot_sentence = &view.rows[pivot_rescue_row].cells[0].as_ref().unwrap()[0];
        assert!(pivot_sentence
            .links
            .iter()
            .any(|l| l.column == 1 && l.sentence == rescue.index));
    }
}

#[test]
fn coverage_is_a_share_per_direction() {
    let view = lay_out(&[LEDGER, WIRE], 0, &[]);
    assert_eq!(view.coverage.len(), 2);
    assert_eq!(view.coverage[0][0], 1.0);
    let expected_0 = 1.0 - view.facts[0].only_here as f32 / view.facts[0].sentences as f32;
    assert!(
        (view.coverage[0][1] - expected_0).abs() < 1e-6,
        "{:?}",
        view.coverage
    );
    assert!(view.coverage[1][0] > 0.0 && view.coverage[1][0] < 1.0);
}

#[test]
fn the_layout_is_deterministic_whatever_the_pivot() {
    for pivot in 0..2 {
        let a = lay_out(&[LEDGER, WIRE], pivot, &[]);
        let b = lay_out(&[LEDGER, WIRE], pivot, &[]);
        assert_eq!(a, b);
        assert_eq!(a.pivot, pivot);
        for article in 0..2 {
            assert_eq!(sentences_of(&a, article).len(), a.facts[article].sentences);
        }
    }
}

#[test]
fn two_outlets_repeating_one_wire_sentence_mark_nothing_between_them() {
    let pivot = "Gate Fails\n\nThe floodgate at the Port Salve barrage gave way early on Tuesday, officials said.";
    let wire = "The northern floodgate of the Port Salve barrage failed at dawn on Tuesday.";
    let second = format!("Flood in Port Salve\n\n{wire}");
    let third = format!("Night of Water\n\n{wire}");
    let view = lay_out(&[pivot, &second, &third], 0, &[]);
    let row = view
        .rows
        .iter()
        .find(|r| {
            r.cells[1].is_some()
                && r.cells[2].is_some()
                && r.cells[1].as_ref().is_some_and(|c| text(&c[0]) == wire)
        })
        .expect("the wire sentence shares a row across both outlets");
    assert!(changed_words(&row.cells[1].as_ref().unwrap()[0]).is_empty());
    assert!(changed_words(&row.cells[2].as_ref().unwrap()[0]).is_empty());
    if let Some(pivot_cell) = &row.cells[0] {
        // The pivot's own wording is what stands out.
        assert!(changed_words(&pivot_cell[0])
            .iter()
            .any(|w| w.contains("gave way")));
    }
}

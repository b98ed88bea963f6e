//! Quotations: invented fixtures for each mark style, kind and attribution pattern, every
//! quotation of the shared corpus, matching across articles, and odd input.

use parallax_core::diff::RunKind;

use crate::common::{corpus, noise};
use parallax_core::quotes::{match_quotes, quotes, Quote, QuoteKind, QuoteMatch, QuoteRelation};

/// The quotation whose text contains `needle`; panics listing them all when there is none.
fn find<'q>(found: &'q [Quote], needle: &str) -> &'q Quote {
    found
        .iter()
        .find(|q| q.text.contains(needle))
        .unwrap_or_else(|| {
            let texts: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
            panic!("no quotation with {needle:?} in {texts:#?}")
        })
}

fn texts(found: &[Quote]) -> Vec<&str> {
    found.iter().map(|q| q.text.as_str()).collect()
}

/// Ranges on character boundaries, parts in order inside the quotation, text = parts joined.
fn assert_well_formed(body: &str, found: &[Quote]) {
    let mut previous_end = 0;
    for q in found {
        assert!(q.start < q.end && q.end <= body.len(), "{q:?}");
        assert!(
            q.start >= previous_end,
            "overlapping quotations: {found:#?}"
        );
        previous_end = q.end;
        assert!(!q.parts.is_empty());
        let mut cursor = q.start;
        for part in &q.parts {
            assert!(
                cursor <= part.start && part.start < part.end && part.end <= q.end,
                "{q:?}"
            );
            assert!(body.is_char_boundary(part.start) && body.is_char_boundary(part.end));
            cursor = part.end;
        }
        let joined: Vec<&str> = q.parts.iter().map(|p| &body[p.clone()]).collect();
        assert_eq!(q.text, joined.join(" "));
        if let Some(a) = &q.attribution {
            assert!(a.start < a.end && a.end <= body.len());
            assert!(body.is_char_boundary(a.start) && body.is_char_boundary(a.end));
        }
        assert_eq!(
            q.anonymous,
            q.speaker.is_none() && q.role.is_some(),
            "{q:?}"
        );
    }
}

fn speaker(q: &Quote) -> (Option<&str>, Option<&str>) {
    (q.speaker.as_deref(), q.role.as_deref())
}

#[test]
fn every_mark_style_is_read() {
    let body = "“Curly marks are the usual ones,” said Ana Berg.\n\n\
\"Straight marks come from typewriters,\" said Ana Berg.\n\n\
«Guillemets open the French way», said Ana Berg.\n\n\
»Reversed guillemets open the German way«, said Ana Berg.\n\n\
„Low and high marks are German too“, said Ana Berg.\n\n\
‘Single marks are British,’ said Ana Berg.\n\n\
« Les espaces ne comptent pas », a-t-elle ajouté.";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    assert_eq!(
        texts(&found),
        vec![
            "Curly marks are the usual ones,",
            "Straight marks come from typewriters,",
            "Guillemets open the French way",
            "Reversed guillemets open the German way",
            "Low and high marks are German too",
            "Single marks are British,",
            "Les espaces ne comptent pas",
        ]
    );
    for q in &found[..6] {
        assert_eq!(q.kind, QuoteKind::Full, "{q:?}");
        assert_eq!(speaker(q), (Some("Ana Berg"), None), "{q:?}");
        // The range runs from the opening mark to the closing mark.
        assert!(body[q.start..].starts_with(['“', '"', '«', '»', '„', '‘']));
        assert!(body[..q.end].ends_with(['”', '"', '»', '«', '“', '’']));
    }
    // "a-t-elle ajouté" (she added) is not read as an attribution; with none of its own, the
    // quotation continues the speaker quoted just before.
    assert_eq!(found[6].speaker.as_deref(), Some("Ana Berg"));
}

#[test]
fn a_quotation_over_several_paragraphs_is_one() {
    let body = "Maria Lopez described the night at the clinic.\n\n\
“The water came at four in the morning,” said Maria Lopez, a nurse at the harbour clinic. “We carried the patients upstairs one by one.\n\n\
“By six the ground floor was gone.\n\n\
“Nobody slept that night.”\n\n\
The council has not commented.";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    assert_eq!(found.len(), 1, "{:#?}", texts(&found));
    let q = &found[0];
    assert_eq!(q.parts.len(), 4);
    assert_eq!(
        q.text,
        "The water came at four in the morning, We carried the patients upstairs one by one. \
         By six the ground floor was gone. Nobody slept that night."
    );
    assert_eq!(q.kind, QuoteKind::Full);
    assert_eq!(
        speaker(q),
        (Some("Maria Lopez"), Some("a nurse at the harbour clinic"))
    );
    assert!(body[q.end..].starts_with("\n\nThe council"));

    // No attribution at all: still one quotation over both paragraphs.
    let body = "The statement read in full:\n\n“We regret the delay.\n\n“We will publish the report on Friday.”";
    let found = quotes(body, &[]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].parts.len(), 2);
    assert_eq!(found[0].end, body.len());
}

#[test]
fn split_quotations_are_one_in_either_order() {
    let body =
        "“The gate was never tested,” said engineer Tomas Berg. “Nobody wanted to pay for it.”\n\n\
“The gate was never tested,” Berg said, “and nobody wanted to pay for it.”\n\n\
“We will rebuild it,” said Mayor Ilse Brandvik. “Not before the audit,” said Tomas Berg.";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    assert_eq!(found.len(), 4, "{:#?}", texts(&found));

    let inverted = &found[0];
    assert_eq!(inverted.parts.len(), 2);
    assert_eq!(
        inverted.text,
        "The gate was never tested, Nobody wanted to pay for it."
    );
    assert_eq!(speaker(inverted), (Some("Tomas Berg"), Some("engineer")));
    assert_eq!(
        &body[inverted.attribution.clone().unwrap()],
        "said engineer Tomas Berg"
    );

    let plain = &found[1];
    assert_eq!(plain.parts.len(), 2);
    assert_eq!(plain.kind, QuoteKind::Full);
    // The surname is completed from the earlier full name, and the role carried over.
    assert_eq!(speaker(plain), (Some("Tomas Berg"), Some("engineer")));

    // Two speakers, two quotations.
    assert_eq!(speaker(&found[2]), (Some("Ilse Brandvik"), Some("Mayor")));
    assert_eq!(speaker(&found[3]).0, Some("Tomas Berg"));
}

#[test]
fn full_partial_and_scare_quotations_are_told_apart() {
    let body = "Sefa Lind, a spokesperson for the Ministry, said: “The border stays open.”\n\n\
He called the talks “a significant step” toward normal ties.\n\n\
The so-called “experts” never visited the site.\n\n\
Valdoria has launched an “exploratory process” with its neighbour.\n\n\
Lind said the plan was “reckless.”\n\n\
“No comment.”\n\n\
Lind called the deal “historic” and “overdue.”";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    let kinds: Vec<(&str, QuoteKind)> = found.iter().map(|q| (q.text.as_str(), q.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            ("The border stays open.", QuoteKind::Full),
            ("a significant step", QuoteKind::Partial),
            ("experts", QuoteKind::Scare),
            ("exploratory process", QuoteKind::Scare),
            ("reckless.", QuoteKind::Partial),
            ("No comment.", QuoteKind::Full),
            ("historic", QuoteKind::Partial),
            // No verb of its own: it shares the sentence's attribution.
            ("overdue.", QuoteKind::Partial),
        ]
    );
    assert_eq!(
        speaker(&found[0]),
        (Some("Sefa Lind"), Some("a spokesperson for the Ministry"))
    );
    // "He" is the last named speaker.
    assert_eq!(found[1].speaker.as_deref(), Some("Sefa Lind"));
    assert_eq!(found[2].speaker, None);
    assert_eq!(found[2].attribution, None);
    assert_eq!(found[3].speaker, None);
    assert_eq!(found[4].speaker.as_deref(), Some("Sefa Lind"));
    // No attribution of its own, right after "Lind said…": Lind's, as news reads it.
    assert_eq!(found[5].speaker.as_deref(), Some("Sefa Lind"));
    assert_eq!(found[6].speaker.as_deref(), Some("Sefa Lind"));
    assert_eq!(found[7].speaker.as_deref(), Some("Sefa Lind"));
}

#[test]
fn speakers_with_titles_and_roles_before_and_after() {
    let body = "“We are ready to talk,” Foreign Minister Sefa Lind told reporters.\n\n\
“Prices will fall by spring,” said Dr. Elena Varga, professor of economics at Lund University.\n\n\
“Oil buyers are nervous,” energy analyst Carlos Ruiz said.\n\n\
Valdorian President Aurel Mont said: “Our door is open.”\n\n\
“The barrage failed,” notes former Delmar Hydraulics engineer Jonas Weber, who inspected it in March. “The warnings were ignored.”\n\n\
“I have nothing to add,” Mont said on Monday.\n\n\
- “We reject the report,” the Valdorian Foreign Ministry said in a statement.";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    let speakers: Vec<(Option<&str>, Option<&str>)> = found.iter().map(speaker).collect();
    assert_eq!(
        speakers,
        vec![
            (Some("Sefa Lind"), Some("Foreign Minister")),
            (
                Some("Elena Varga"),
                Some("professor of economics at Lund University")
            ),
            (Some("Carlos Ruiz"), Some("energy analyst")),
            (Some("Aurel Mont"), Some("Valdorian President")),
            (
                Some("Jonas Weber"),
                Some("former Delmar Hydraulics engineer")
            ),
            (Some("Aurel Mont"), Some("Valdorian President")),
            // An institution is named as a whole; a list bullet does not make this partial.
            (Some("Valdorian Foreign Ministry"), None),
        ]
    );
    assert_eq!(found[4].parts.len(), 2);
    assert!(found
        .iter()
        .all(|q| q.kind == QuoteKind::Full && !q.anonymous));
}

#[test]
fn according_to_before_and_after() {
    let body = "“The harbour will reopen in May,” according to Anja Holm, the port director.\n\n\
According to Holm, “the cranes are already back.”";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    assert_eq!(found.len(), 2);
    assert_eq!(
        speaker(&found[0]),
        (Some("Anja Holm"), Some("the port director"))
    );
    assert_eq!(
        &body[found[0].attribution.clone().unwrap()],
        "according to Anja Holm, the port director"
    );
    assert_eq!(found[1].speaker.as_deref(), Some("Anja Holm"));
    assert_eq!(found[1].kind, QuoteKind::Full);
}

#[test]
fn anonymous_sources_have_a_role_and_no_name() {
    let body = "“Nobody expected this,” one diplomat said.\n\n\
A senior official involved in the process said: “The talks will resume next week.”\n\n\
“There is no deadline,” officials said.\n\n\
Pentagon officials told reporters, “The exercises are routine.”\n\n\
“We will see,” they said.";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    let roles: Vec<(Option<&str>, bool)> = found
        .iter()
        .map(|q| (q.role.as_deref(), q.anonymous))
        .collect();
    assert_eq!(
        roles,
        vec![
            (Some("one diplomat"), true),
            (Some("A senior official involved in the process"), true),
            (Some("officials"), true),
            (Some("Pentagon officials"), true),
            // "they": the last source.
            (Some("Pentagon officials"), true),
        ]
    );
    assert!(found.iter().all(|q| q.speaker.is_none()));
}

#[test]
fn pronouns_continue_the_last_speaker() {
    let body = "“The river is rising,” said Ilse Brandvik, the mayor.\n\n\
Engineers worked through the night.\n\n\
“We have sandbags for two days,” she said.\n\n\
She added: “After that we need help.”\n\n\
“The pumps are failing,” officials said.\n\n\
“We need more of them,” she said.\n\n\
“The gauges are broken,” a technician said.\n\n\
“We will fix them by Friday,” he said.";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    let speakers: Vec<(Option<&str>, Option<&str>)> = found.iter().map(speaker).collect();
    let mayor = (Some("Ilse Brandvik"), Some("the mayor"));
    assert_eq!(
        speakers,
        vec![
            mayor,
            mayor,
            mayor,
            (None, Some("officials")),
            // "she" after "officials said": the last named speaker.
            mayor,
            (None, Some("a technician")),
            // "he" after "a technician said": the technician.
            (None, Some("a technician")),
        ]
    );
    assert!(found[6].anonymous);
}

#[test]
fn apostrophes_never_close_a_quotation() {
    let body = "‘Venezuela’s neighbours don’t want a war,’ the diplomat said, ‘and the ministers’ plan won’t change that.’\n\n\
In the ’90s the port’s cranes were new.\n\n\
The Joneses’ house and the players’ union are not quoted.";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    assert_eq!(found.len(), 1, "{:#?}", texts(&found));
    assert_eq!(
        found[0].text,
        "Venezuela’s neighbours don’t want a war, and the ministers’ plan won’t change that."
    );
    assert_eq!(found[0].parts.len(), 2);
    assert_eq!(found[0].role.as_deref(), Some("the diplomat"));
}

#[test]
fn single_quotes_inside_double_quotes_belong_to_them() {
    let body = "“They told us the gate was ‘perfectly safe’ until the day it failed,” said resident Jonas Weber.\n\n\
\"He said 'never again' and left,\" said Ana Berg.";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    assert_eq!(
        texts(&found),
        vec![
            "They told us the gate was ‘perfectly safe’ until the day it failed,",
            "He said 'never again' and left,",
        ]
    );
    assert_eq!(speaker(&found[0]), (Some("Jonas Weber"), Some("resident")));
}

#[test]
fn boilerplate_is_skipped() {
    let body = "“The gate held,” said Tomas Berg.\n\n“Subscribe for the latest,” says our newsletter.\n\n“It will hold again,” he said.";
    let start = body.find("“Subscribe").unwrap();
    let end = body[start..].find("\n\n").unwrap() + start;
    let found = quotes(body, &[start..end]);
    assert_well_formed(body, &found);
    assert_eq!(texts(&found), vec!["The gate held,", "It will hold again,"]);
    assert_eq!(found[1].speaker.as_deref(), Some("Tomas Berg"));
}

#[test]
fn an_unclosed_quotation_ends_with_its_paragraph() {
    let body = "“The gate held,” said Tomas Berg.\n\nThe council met on Friday.\n\nBerg said: “We will not";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    assert_eq!(texts(&found), vec!["The gate held,", "We will not"]);
    assert_eq!(found[1].end, body.len());

    // An unclosed mark mid-article stops at its paragraph, not at the next quotation.
    let body =
        "She said “we will not and left.\n\nThe council met.\n\n“The gate held,” said Tomas Berg.";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    assert_eq!(
        texts(&found),
        vec!["we will not and left.", "The gate held,"]
    );
    assert_eq!(found[0].end, body.find("\n\n").unwrap());
}

// ---------------------------------------------------------------------------------------------
// The shared corpus

/// One expected quotation: a phrase of it, its kind, speaker, role, whether anonymous, parts.
type Expected = (
    &'static str,
    QuoteKind,
    Option<&'static str>,
    Option<&'static str>,
    bool,
    usize,
);

#[test]
fn corpus_quotations_and_speakers() {
    use QuoteKind::*;
    let docs = corpus();
    let expected: [&[Expected]; 5] = [
        // 000: one quotation, its attribution ending the paragraph before.
        &[(
            "Durable diplomacy is built",
            Full,
            None,
            Some("One senior official involved in the process"),
            true,
            1,
        )],
        // 001: the Venezuelan term, quoted four times, and a table cell; no speakers.
        &[
            ("exploratory process", Scare, None, None, false, 1),
            ("exploratory process", Scare, None, None, false, 1),
            ("appeasing", Scare, None, None, false, 1),
            ("exploratory process", Scare, None, None, false, 1),
            ("exploratory process", Scare, None, None, false, 1),
        ],
        // 002: six experts, each quoted in two parts around the attribution.
        &[
            (
                "testing the waters",
                Full,
                Some("Elena Ramirez"),
                Some("professor of international relations at Georgetown University"),
                false,
                2,
            ),
            (
                "carefully calibrated pressure campaign",
                Full,
                Some("James Morrow"),
                Some("former State Department official"),
                false,
                2,
            ),
            (
                "finds itself in a challenging position",
                Full,
                Some("Maria Fernandez"),
                Some("senior fellow at the Council on Hemispheric Affairs"),
                false,
                2,
            ),
            (
                "energy landscape has changed",
                Full,
                Some("Carlos Ramirez"),
                Some("energy analyst"),
                false,
                2,
            ),
            (
                "walking a tightrope",
                Full,
                Some("Rebecca Johnson"),
                Some("political analyst"),
                false,
                2,
            ),
            (
                "neither a breakthrough nor a breakdown",
                Full,
                Some("Margaret Chen"),
                Some("diplomatic historian"),
                false,
                2,
            ),
        ],
        // 003: Maduro's words inside the writer's sentences.
        &[
            (
                "serious",
                Partial,
                Some("Nicolás Maduro"),
                Some("Venezuelan President"),
                false,
                1,
            ),
            (
                "discussed in a few days",
                Partial,
                Some("Nicolás Maduro"),
                Some("Venezuelan President"),
                false,
                1,
            ),
        ],
        // 004: no quotation ("the President's capture" has an apostrophe only).
        &[],
    ];
    let mut total = 0;
    for (article, (doc, expected)) in docs.iter().zip(expected).enumerate() {
        let found = quotes(&doc.body, &doc.boilerplate);
        assert_well_formed(&doc.body, &found);
        let actual: Vec<_> = found
            .iter()
            .zip(expected)
            .map(|(q, e)| {
                assert!(
                    q.text.contains(e.0),
                    "article {article}: expected {:?}, found {:?}",
                    e.0,
                    q.text
                );
                (
                    e.0,
                    q.kind,
                    q.speaker.as_deref(),
                    q.role.as_deref(),
                    q.anonymous,
                    q.parts.len(),
                )
            })
            .collect();
        assert_eq!(
            found.len(),
            expected.len(),
            "article {article}: {:#?}",
            texts(&found)
        );
        assert_eq!(actual, expected.to_vec(), "article {article}");
        total += found.len();
    }
    assert_eq!(total, 14);

    // The split quotations' text joins the two parts; the attribution is between them.
    let body = &docs[2].body;
    let found = quotes(body, &docs[2].boilerplate);
    let ramirez = find(&found, "testing the waters");
    let attribution = &body[ramirez.attribution.clone().unwrap()];
    assert!(
        attribution.starts_with("explains Dr. Elena Ramirez"),
        "{attribution}"
    );
    assert!(ramirez.parts[0].end < ramirez.attribution.clone().unwrap().start);
    assert!(ramirez.attribution.clone().unwrap().end < ramirez.parts[1].start);

    // 000's quotation is attributed in the paragraph before it.
    let body = &docs[0].body;
    let q = &quotes(body, &docs[0].boilerplate)[0];
    assert!(q.attribution.clone().unwrap().end < q.start);
}

#[test]
fn corpus_quotations_match_only_themselves() {
    let docs = corpus();
    let found: Vec<Vec<Quote>> = docs
        .iter()
        .map(|d| quotes(&d.body, &d.boilerplate))
        .collect();
    let articles: Vec<(&str, &[Quote])> = docs
        .iter()
        .zip(&found)
        .map(|(d, q)| (d.body.as_str(), q.as_slice()))
        .collect();
    let matches = match_quotes(&articles);
    // No outlet quotes another's words here: nothing is the same, trimmed, altered or reused.
    assert!(matches.is_empty(), "{matches:#?}");
    assert_eq!(match_quotes(&articles), matches, "deterministic");
}

// ---------------------------------------------------------------------------------------------
// Matching across articles

const MAYOR: &str = "“We will reopen the northern gate before the spring floods arrive,” said Mayor Ilse Brandvik.\n\n\
“The hinges were replaced in March and tested twice,” said engineer Tomas Berg.\n\n\
“Nobody told the residents of Kessel what the engineers knew about the corroded hinges,” said Ada Nilsen, a council member.";

const WIRE: &str =
    "Mayor Brandvik said: “We will reopen the northern gate before the spring floods arrive.”\n\n\
“The hinges were replaced in March,” Berg said.\n\n\
Critics say nobody told the residents of Kessel what the engineers knew about the corroded hinges.";

const BLOG: &str =
    "“We will reopen the northern gate before the summer floods arrive,” said Tomas Berg.\n\n\
“The hinges were replaced in March and tested twice.”";

fn matches_of(bodies: &[&str]) -> (Vec<Vec<Quote>>, Vec<QuoteMatch>) {
    let found: Vec<Vec<Quote>> = bodies.iter().map(|b| quotes(b, &[])).collect();
    let articles: Vec<(&str, &[Quote])> = bodies
        .iter()
        .zip(&found)
        .map(|(b, q)| (*b, q.as_slice()))
        .collect();
    let matches = match_quotes(&articles);
    (found, matches)
}

#[test]
fn same_trimmed_altered_unattributed_and_misattributed() {
    let (found, matches) = matches_of(&[MAYOR, WIRE, BLOG]);
    assert_eq!(
        found.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![3, 2, 2]
    );
    let summary: Vec<(Vec<(usize, usize)>, QuoteRelation)> = matches
        .iter()
        .map(|m| (m.quotes.clone(), m.relation))
        .collect();
    use QuoteRelation::*;
    assert_eq!(
        summary,
        vec![
            // Word for word, "Ilse Brandvik" and "Brandvik" being one person.
            (vec![(0, 0), (1, 0)], Same),
            // "spring" became "summer", and the blog gives the words to the engineer.
            (vec![(0, 0), (2, 0)], Altered),
            (vec![(0, 0), (2, 0)], Misattributed),
            // The wire drops "and tested twice".
            (vec![(0, 1), (1, 1)], Trimmed),
            // The blog has no speaker for it: not a misattribution.
            (vec![(0, 1), (2, 1)], Same),
            // The wire uses the council member's words without marks.
            (vec![(0, 2)], Unattributed),
            (vec![(1, 0), (2, 0)], Altered),
            (vec![(1, 0), (2, 0)], Misattributed),
            (vec![(1, 1), (2, 1)], Trimmed),
        ]
    );

    let altered = &matches[1];
    let diff = altered
        .diff
        .as_ref()
        .expect("altered quotations carry a diff");
    assert_eq!(diff.counts.changes, 1);
    let left = &found[0][0].text;
    let right = &found[2][0].text;
    let change = &diff.changes[0];
    assert_eq!(&left[change.left.clone()], "spring");
    assert_eq!(&right[change.right.clone()], "summer");
    assert!(diff
        .left
        .iter()
        .any(|r| r.kind == RunKind::Deleted && &left[r.start..r.end] == "spring"));

    let reuse = &matches[5];
    let (article, range) = reuse.passage.clone().unwrap();
    assert_eq!(article, 1);
    assert_eq!(
        &WIRE[range],
        "nobody told the residents of Kessel what the engineers knew about the corroded hinges"
    );
    assert!(matches
        .iter()
        .filter(|m| m.relation != Altered)
        .all(|m| m.diff.is_none()));
}

#[test]
fn matching_ignores_case_punctuation_and_marks() {
    let left = "“The Gate — it held!” said Tomas Berg.";
    let right = "Berg said: \"the gate, it held.\"";
    let (_, matches) = matches_of(&[left, right]);
    assert_eq!(matches.len(), 1, "{matches:#?}");
    assert_eq!(matches[0].relation, QuoteRelation::Same);
    assert_eq!(matches[0].quotes, vec![(0, 0), (1, 0)]);
}

#[test]
fn short_common_words_are_not_trimmed_matches() {
    // A one-word scare quote inside another article's quotation says nothing.
    let left = "The “serious” talks began.";
    let right = "“These are serious talks about the gate,” said Tomas Berg.";
    let (_, matches) = matches_of(&[left, right]);
    assert!(matches.is_empty(), "{matches:#?}");
}

#[test]
fn matches_serialise_with_lower_case_names() {
    let (found, matches) = matches_of(&[MAYOR, WIRE, BLOG]);
    let json = serde_json::to_value(&matches[0]).unwrap();
    assert_eq!(json["relation"], "same");
    let quote = serde_json::to_value(&found[0][0]).unwrap();
    assert_eq!(quote["kind"], "full");
    assert_eq!(quote["parts"][0][0], 3);
    let back: Quote = serde_json::from_value(quote).unwrap();
    assert_eq!(back, found[0][0]);
}

// ---------------------------------------------------------------------------------------------
// Odd input

#[test]
fn odd_input_never_panics() {
    let mut inputs: Vec<String> = [
        "",
        "\"",
        "“",
        "”",
        "’",
        "‘",
        "«",
        "»",
        "„",
        "‚",
        "“”",
        "”“",
        "\"\"\"\"\"",
        "“ ”",
        "‘’‘’",
        "«»«»",
        "»«",
        "„“„”",
        "“\n\n“\n\n“",
        "“é”é“日本語”",
        "é“é’é‘é»é«",
        "“A,” said",
        "said “",
        "“A,” said Dr.",
        "“A,” according to",
        "According to “",
        "“A,” he said.",
        "| “a” | “b” |\n|---|---|",
        "“A” “B” “C”",
        "’s ’ s’ ‘s",
        "“ said , , , said said said “",
        "Dr. Mr. “x” U.S. a.m. “y” …",
        "🙂“🙂”🙂 said 🙂",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    const ALPHABET: &[&str] = &[
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "‚",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "|",
        "—",
        "é",
        "日",
        "🙂",
        "said",
        "says",
        "according to",
        "Dr.",
        "Ana",
        "Berg",
        "the",
        "he",
        "official",
        "a",
        "word",
        "s",
        "’s",
    ];
    for seed in 0..200u64 {
        let picks = noise(seed, (seed as usize % 60) + 1);
        let text: String = picks
            .iter()
            .map(|p| ALPHABET[(*p % ALPHABET.len() as u64) as usize])
            .collect();
        inputs.push(text);
    }
    for input in &inputs {
        let found = quotes(input, &[]);
        assert_well_formed(input, &found);
        // Boilerplate covering odd spans, even past the end, must not break anything either.
        let _ = quotes(input, &[0..input.len() / 2, input.len()..input.len() + 10]);
    }
    for pair in inputs.windows(2) {
        let found: Vec<Vec<Quote>> = pair.iter().map(|b| quotes(b, &[])).collect();
        let articles: Vec<(&str, &[Quote])> = pair
            .iter()
            .zip(&found)
            .map(|(b, q)| (b.as_str(), q.as_slice()))
            .collect();
        let _ = match_quotes(&articles);
    }
}

#[test]
fn spanish_copy_attributes_with_its_own_verbs() {
    let body = "«No habrá más demoras en la frontera», dijo la ministra de Interior, Ana Berg.\n\n\
“El acuerdo llegará antes del verano”, afirmó Tomas Lind, portavoz del Gobierno.\n\n\
Según el alcalde Jonas Weber, “la ciudad está preparada”.";
    let found = quotes(body, &[]);
    assert_well_formed(body, &found);
    let speakers: Vec<Option<&str>> = found.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        vec![Some("Ana Berg"), Some("Tomas Lind"), Some("Jonas Weber")],
        "{found:#?}"
    );
}

#[test]
fn an_institution_or_a_group_speaking_is_not_the_person_named_before() {
    let body = "Suspect John Smith was charged on Monday. “He will appear in court on Friday,” the police said.";
    let found = quotes(body, &[]);
    assert_ne!(
        found[0].speaker.as_deref(),
        Some("John Smith"),
        "{found:#?}"
    );
    let body =
        "Ana Berg resigned on Monday. “The post will be filled within a month,” the ministry said.";
    let found = quotes(body, &[]);
    assert_ne!(found[0].speaker.as_deref(), Some("Ana Berg"), "{found:#?}");
}

#[test]
fn a_description_is_the_person_named_with_all_its_words() {
    let body = "Opposition Leader Simon Crean criticised the plan. Democrats leader Natasha Stott Despoja backed it.\n\n\
“It will cost jobs,” the Opposition leader said.";
    let found = quotes(body, &[]);
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Simon Crean"),
        "{found:#?}"
    );
}

#[test]
fn he_is_the_subject_of_the_sentence_just_before() {
    let body = "“We will vote for it,” Ana Berg said. Tomas Lind voted against the plan. “It goes too far,” he said.";
    let found = quotes(body, &[]);
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Tomas Lind"),
        "{found:#?}"
    );
}

#[test]
fn a_description_right_after_a_quotation_is_its_speaker_again() {
    // Named before the first quotation, described (never named with those words) after the next.
    let body = "Envoy Ana Berg told the delegations to meet “at once”. “Both sides must stop now,” the retired diplomat said.";
    let found = quotes(body, &[]);
    assert_eq!(found[1].speaker.as_deref(), Some("Ana Berg"), "{found:#?}");
    assert_eq!(found[1].role.as_deref(), Some("the retired diplomat"));
    // An anonymous source described again stays that source.
    let body = "“The deal will hold,” said a western diplomat. “Nobody wants a collapse,” the source said.";
    let found = quotes(body, &[]);
    assert_eq!(
        speaker(&found[1]),
        (None, Some("a western diplomat")),
        "{found:#?}"
    );
    // An institution quoted before is not the person a description stands for.
    let body = "“Prices will rise,” the ministry said. “We expect it,” the minister said.";
    let found = quotes(body, &[]);
    assert_eq!(
        speaker(&found[1]),
        (None, Some("the minister")),
        "{found:#?}"
    );
    // Far from any quotation, a description stays a description.
    let far = "The talks went on for a long time and nobody in the hall knew what the delegations would decide about the border, the trade or the prisoners held on both sides of the line. ".repeat(3);
    let body = format!("“The deal will hold,” Ana Berg said. {far}“Nobody wants a collapse,” the retired diplomat said.");
    let found = quotes(&body, &[]);
    assert_eq!(
        speaker(&found[1]),
        (None, Some("the retired diplomat")),
        "{found:#?}"
    );
}

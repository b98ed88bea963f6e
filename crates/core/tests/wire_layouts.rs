//! Metadata from plain-text wire and outlet layouts: the credits, datelines and date lines news
//! copy carries when it is pasted or saved as text. Each case is laid out the way the agency or
//! outlet prints it; its expected title, outlet, agency, author and date are what a reader of
//! that page would write down. Forty fields (title, outlet, author, date of ten layouts) are
//! scored together, so one miss does not fail the test but a pattern lost does.

use parallax_core::ingest::ingest;

struct Layout {
    text: &'static str,
    title: &'static str,
    outlet: Option<&'static str>,
    agency: Option<&'static str>,
    author: Option<&'static str>,
    published: Option<&'static str>,
}

const LAYOUTS: &[Layout] = &[
    Layout {
        text: "Norway's central bank holds rates as inflation cools\n\nBy AP\n\nUpdated 3:15 PM EST, Sat January 10, 2026\n\nHALDEN, Norway (AP) — Norway's central bank kept its key rate unchanged on Saturday, saying inflation had cooled faster than expected over the winter.\n\nThe bank said it would watch wages closely in the spring.",
        title: "Norway's central bank holds rates as inflation cools",
        outlet: Some("Associated Press"),
        agency: Some("Associated Press"),
        author: None,
        published: Some("2026-01-10"),
    },
    Layout {
        text: "Oslo court jails former minister for fraud\n\nBy Reuters\n\nFriday, 09 January 2026 02:00 PM EST\n\nOSLO (Reuters) - A Norwegian court on Friday sentenced a former fisheries minister to three years in prison for fraud, ending a case that had gripped the country for months.\n\nHis lawyer said he would appeal.",
        title: "Oslo court jails former minister for fraud",
        outlet: Some("Reuters"),
        agency: Some("Reuters"),
        author: None,
        published: Some("2026-01-09"),
    },
    Layout {
        text: "Ferry strike halts traffic on Norway's west coast\n\nBY JANE ROE AND JOHN DOE - Associated Press\n\nPublished Date: 07:47 | 12 January 2026\n\nBERGEN, Norway (AP) — Ferry crews on Norway's west coast walked off the job on Monday, stranding thousands of commuters as talks over pay broke down.\n\nThe union said the strike would last at least two days.",
        title: "Ferry strike halts traffic on Norway's west coast",
        outlet: Some("Associated Press"),
        agency: Some("Associated Press"),
        author: Some("Jane Roe and John Doe"),
        published: Some("2026-01-12"),
    },
    Layout {
        text: "Storm knocks out power to 40,000 homes in southern India\n\nBy Priya Natarajan, CNN\n\nLast Updated : Jan 10 2026 | 8:03 AM IST\n\nA cyclone swept across the coast of Tamil Nadu overnight, uprooting trees and cutting power to tens of thousands of homes, officials said on Saturday.\n\nSchools in three districts stayed closed.",
        title: "Storm knocks out power to 40,000 homes in southern India",
        outlet: Some("CNN"),
        agency: None,
        author: Some("Priya Natarajan"),
        published: Some("2026-01-10"),
    },
    Layout {
        text: "Noruega refuerza la vigilancia en su frontera con Suecia\n\nBergen, Jan 11 (EFE).- Las autoridades noruegas reforzaron este domingo la vigilancia en la frontera con Suecia después de que el Gobierno anunciara nuevas medidas de control.\n\nLa policía desplegó patrullas adicionales en los principales pasos fronterizos.",
        title: "Noruega refuerza la vigilancia en su frontera con Suecia",
        outlet: Some("EFE"),
        agency: Some("EFE"),
        author: None,
        // The dateline carries no year: no date is better than a guessed one.
        published: None,
    },
    Layout {
        text: "France and Norway sign a fisheries pact\n\nBy Coastline News Desk\n\nJanuary 12, 2026\n\nPARIS (AFP) - France and Norway signed an agreement on Monday sharing fishing quotas in the North Sea for the next five years, ending a long dispute.\n\nBoth governments welcomed the deal.",
        title: "France and Norway sign a fisheries pact",
        outlet: Some("Coastline News"),
        agency: Some("Agence France-Presse"),
        author: None,
        published: Some("2026-01-12"),
    },
    Layout {
        text: "Harbour works to close the old quay until spring\n\nBy Jane Doe | The Harbour Times | January 9, 2026\n\nThe city will close the old quay for repairs from next week, the port authority said on Friday, diverting ferries to the northern terminal until April.\n\nShops on the quay will stay open.",
        title: "Harbour works to close the old quay until spring",
        outlet: Some("The Harbour Times"),
        agency: None,
        author: Some("Jane Doe"),
        published: Some("2026-01-09"),
    },
    Layout {
        text: "Venezuela says it is open to talks with the U.S.\n\nPublished: 9 January 2026\n\nCaracas said on Friday that it was ready for a dialogue with Washington without preconditions, days after the two governments exchanged messages through intermediaries.\n\nNo date was set.",
        title: "Venezuela says it is open to talks with the U.S.",
        outlet: None,
        agency: None,
        author: None,
        published: Some("2026-01-09"),
    },
    Layout {
        text: "UK lender cuts mortgage rates for first-time buyers\n\nBy Kate Holton\n\nLONDON, Jan 9 (Reuters) - A British lender cut its mortgage rates for first-time buyers on Friday, the latest sign that competition for new borrowers is heating up after a slow year.\n\nOther banks are expected to follow.",
        title: "UK lender cuts mortgage rates for first-time buyers",
        outlet: Some("Reuters"),
        agency: Some("Reuters"),
        author: Some("Kate Holton"),
        published: None,
    },
    Layout {
        text: "Senate panel delays vote on farm bill\n\nBy Sarah Miller, UPI\n\nWASHINGTON, Jan. 9, 2026 (UPI) -- A Senate committee on Friday postponed a vote on the farm bill until next week after members failed to agree on crop insurance subsidies.\n\nThe chairman said talks would continue.",
        title: "Senate panel delays vote on farm bill",
        outlet: Some("United Press International"),
        agency: Some("United Press International"),
        author: Some("Sarah Miller"),
        published: Some("2026-01-09"),
    },
];

#[test]
fn forty_fields_of_ten_wire_and_outlet_layouts() {
    let mut right = 0;
    let mut wrong = Vec::new();
    let mut agencies_right = 0;
    for (i, layout) in LAYOUTS.iter().enumerate() {
        let doc = ingest(&format!("layout-{i}.txt"), layout.text.as_bytes()).expect("imports");
        let meta = &doc.metadata;
        let fields = [
            ("title", Some(layout.title), meta.title.as_deref()),
            ("outlet", layout.outlet, meta.outlet.as_deref()),
            ("author", layout.author, meta.author.as_deref()),
            ("published", layout.published, meta.published.as_deref()),
        ];
        for (name, want, got) in fields {
            if want == got {
                right += 1;
            } else {
                wrong.push(format!("layout {i} {name}: want {want:?}, got {got:?}"));
            }
        }
        assert!(!meta.title_derived, "layout {i} has a headline");
        if meta.agency.as_deref() == layout.agency {
            agencies_right += 1;
        } else {
            wrong.push(format!(
                "layout {i} agency: want {:?}, got {:?}",
                layout.agency, meta.agency
            ));
        }
    }
    println!(
        "wire layouts: {right} of 40 fields, {agencies_right} of 10 agencies; misses: {wrong:#?}"
    );
    assert!(right >= 38, "{right} of 40 fields right: {wrong:#?}");
    assert!(
        agencies_right >= 9,
        "{agencies_right} of 10 agencies right: {wrong:#?}"
    );
}

#[test]
fn an_article_without_a_headline_gets_a_short_derived_title_never_its_file_name() {
    let text = "Venezuela has launched an exploratory process to restore formal diplomatic relations with the United States, a step that marks the most meaningful easing of tensions in years.\n\nThe move comes amid shifting regional alliances.";
    let doc = ingest("001_59d693c4b0a6a774.txt", text.as_bytes()).unwrap();
    assert!(doc.metadata.title_derived);
    let title = doc.metadata.title.unwrap();
    assert_eq!(
        title,
        "Venezuela has launched an exploratory process to restore formal diplomatic relations…"
    );
    assert!(!title.contains("59d693c4"));

    // A dateline is left out; a clause boundary is a natural end.
    let text = "CARACAS, Venezuela (AP) — Officials in Caracas said on Friday, after a week of talks, that no meeting with Washington had been set.";
    let doc = ingest("x.txt", text.as_bytes()).unwrap();
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Officials in Caracas said on Friday, after a week of talks")
    );
    assert_eq!(doc.metadata.agency.as_deref(), Some("Associated Press"));

    // A list of key facts before the prose: the prose opens the title.
    let text = "Key Facts\n\n- The two countries met.\n- No date was set.\n\nQuick Summary\n\nA major realignment is underway as the two governments engage in talks.";
    let doc = ingest("x.txt", text.as_bytes()).unwrap();
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("A major realignment is underway as the two governments engage in talks")
    );
}

#[test]
fn the_shared_corpus_articles_without_headlines_get_titles_from_their_openings() {
    for path in parallax_testdata::corpus::files() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let doc = ingest(&name, &bytes).unwrap();
        let title = doc.metadata.title.unwrap();
        let stem = name.trim_end_matches(".txt");
        assert!(
            !title.contains(&stem[4..]),
            "{name}: titled by its file name"
        );
        let words = title.split_whitespace().count();
        assert!((3..=20).contains(&words), "{name}: {title:?}");
        let language = parallax_core::ingest::detect_language(&doc.body, &doc.boilerplate);
        assert_eq!(language.as_deref(), Some("en"), "{name}");
    }
}

//! The framing analysis on the five real articles of the shared corpus. What each article
//! should show was written down by reading the articles first (the administrations they name,
//! the causes they give, the words they lean on), then checked here.
//!
//! Corpus files, in order: 000 Brussels Morning (Washington's view, officials, "Venezuela
//! cooperation"), 001 (Caracas's "exploratory process", elections, guarantees), 002 (military
//! pressure, a meeting not scheduled, six experts quoted, "the Biden administration"), 003
//! (Maduro's offer, drugs, Ecuador, "the Trump administration", 87 political prisoners), 004
//! (the capture of "the President" as the catalyst, "contradictions").

use parallax_core::framing::{ActorKind, FactRelation, Framing, SourceKind};
use parallax_core::ingest::Document;
use parallax_core::session::{self, SessionArticle, SessionOptions};
use parallax_core::ArticleId;

fn analyse(documents: &[Document]) -> Framing {
    let articles: Vec<SessionArticle<'_>> = documents
        .iter()
        .enumerate()
        .map(|(k, d)| SessionArticle::of(ArticleId(k as i64), d))
        .collect();
    let options = SessionOptions::default();
    let alignment = session::align(&articles, 0, &options.align);
    let quotations = session::quotations(&articles);
    session::framing(&articles, Some(&alignment), &quotations, &options)
}

fn article(k: usize) -> ArticleId {
    ArticleId(k as i64)
}

#[test]
fn the_administrations_named_come_out_as_a_conflict_between_the_articles_naming_them() {
    let documents = crate::common::corpus();
    let framing = analyse(&documents);
    let conflict = framing
        .facts
        .iter()
        .find(|f| f.slot == "administration")
        .expect("an administration slot");
    assert_eq!(conflict.relation, FactRelation::Conflict);
    let naming = |who: &str| -> Vec<ArticleId> {
        let mut found: Vec<ArticleId> = conflict
            .values
            .iter()
            .filter(|v| v.text.contains(who))
            .map(|v| v.article)
            .collect();
        found.dedup();
        found
    };
    assert_eq!(naming("Biden"), [article(1), article(2)]);
    assert_eq!(naming("Trump"), [article(3)]);
    // 000 and 004 speak of "the administration" without naming whose.
    assert_eq!(conflict.missing, [article(0), article(4)]);
    // Maduro heads the other government: never a rival of Biden's for one role.
    assert!(framing
        .facts
        .iter()
        .filter(|f| f.relation == FactRelation::Conflict)
        .all(|f| f.values.iter().all(|v| !v.text.contains("Maduro"))));
}

#[test]
fn the_differing_causes_of_the_talks_are_paired_as_one_slot() {
    let documents = crate::common::corpus();
    let framing = analyse(&documents);
    let cause = framing
        .facts
        .iter()
        .find(|f| f.slot == "cause")
        .expect("a cause slot");
    assert_eq!(cause.relation, FactRelation::Conflict);
    let says = |k: usize, words: &str| {
        cause
            .values
            .iter()
            .any(|v| v.article == article(k) && v.text.contains(words))
    };
    assert!(says(4, "capture"), "004: the capture is the catalyst");
    assert!(says(3, "economic"), "003: the driver is economic");
    assert!(says(0, "convergence"), "000: many factors, no single event");
}

#[test]
fn maduro_is_one_actor_across_his_forms_and_titles_stay_apart() {
    let documents = crate::common::corpus();
    let framing = analyse(&documents);
    let maduro: Vec<_> = framing
        .actors
        .iter()
        .filter(|a| {
            a.aliases
                .iter()
                .any(|n| n == "Maduro" || n.contains("Nicolás Maduro"))
        })
        .collect();
    assert_eq!(maduro.len(), 1, "{maduro:#?}");
    let maduro = maduro[0];
    assert_eq!(maduro.name, "Nicolás Maduro");
    assert_eq!(maduro.kind, ActorKind::Person);
    assert!(maduro.aliases.iter().any(|a| a == "Maduro"));
    assert!(maduro.aliases.iter().all(|a| !a.contains("President")));
    assert!(maduro.titles.iter().any(|t| t == "President"));
    let articles: Vec<ArticleId> = maduro.mentions.iter().map(|m| m.article).collect();
    // 000 and 004 never name him (004's "the President" is captured, unnamed).
    assert_eq!(articles, [article(1), article(2), article(3)]);
    let in_003 = &maduro.mentions[2];
    assert!(in_003.in_headline, "003's headline names Maduro");
    assert_eq!(in_003.count, in_003.spans.len());
    // "U.S." and "United States" are one actor, a place; Washington stays apart.
    let us = framing
        .actors
        .iter()
        .find(|a| a.aliases.iter().any(|n| n == "United States"))
        .expect("the United States");
    assert!(us.aliases.iter().any(|n| n == "U.S."));
    assert_eq!(us.kind, ActorKind::Place);
    assert!(!us.aliases.iter().any(|n| n == "Washington"));
}

#[test]
fn each_articles_distinctive_terms_read_as_its_own_angle() {
    let documents = crate::common::corpus();
    let framing = analyse(&documents);
    // What reading each article leads one to expect it leans on; at least two of them among
    // its ten most distinctive terms.
    let expected: [&[&str]; 5] = [
        &[
            "cooperation",
            "engagement",
            "officials",
            "communication",
            "uncertainty",
        ],
        &[
            "electoral",
            "opposition",
            "guarantees",
            "roadmap",
            "exploratory",
        ],
        &["military", "meeting", "scheduled", "regime", "pressure"],
        &[
            "trump",
            "ecuador",
            "narcotics",
            "instability",
            "willingness",
        ],
        &[
            "capture",
            "contradictions",
            "catalyst",
            "fast-changing",
            "nature",
        ],
    ];
    for (k, words) in expected.iter().enumerate() {
        let terms: Vec<String> = framing.distinctive[k]
            .terms
            .iter()
            .take(10)
            .map(|t| t.term.to_lowercase())
            .collect();
        let hits = words
            .iter()
            .filter(|w| {
                terms
                    .iter()
                    .any(|t| t.split([' ', '-']).any(|p| p == **w) || t == *w)
            })
            .count();
        assert!(hits >= 2, "article {k}: {terms:?}");
        let top = &framing.distinctive[k].terms[0];
        assert!(top.significant, "article {k}'s top term {top:?}");
        assert_eq!(top.count, top.spans.len());
    }
}

#[test]
fn sources_are_counted_by_kind() {
    let documents = crate::common::corpus();
    let framing = analyse(&documents);
    let of = |k: usize| -> Vec<_> {
        framing
            .sources
            .iter()
            .filter(|s| s.article == article(k))
            .collect()
    };
    // 002 quotes six named people, analysts and scholars but one former official.
    let experts = of(2)
        .iter()
        .filter(|s| s.kind == SourceKind::Expert)
        .count();
    assert_eq!(of(2).len(), 6, "{:#?}", of(2));
    assert!(experts >= 5, "{:#?}", of(2));
    assert!(of(2).iter().all(|s| s.quotes >= 1 && s.words > 20));
    // 000 quotes one anonymous official.
    assert!(of(0).iter().any(|s| s.kind == SourceKind::Anonymous));
    // 003 quotes Maduro, by his full name, as an official.
    assert!(of(3)
        .iter()
        .any(|s| s.speaker == "Nicolás Maduro" && s.kind == SourceKind::Official));
}

#[test]
fn a_count_one_article_alone_gives_is_an_omission_of_the_others() {
    let documents = crate::common::corpus();
    let framing = analyse(&documents);
    let prisoners = framing
        .facts
        .iter()
        .find(|f| f.slot == "political prisoners")
        .expect("the prisoners released");
    assert_eq!(prisoners.relation, FactRelation::Omission);
    assert_eq!(prisoners.values.len(), 1);
    assert_eq!(prisoners.values[0].article, article(3));
    assert!(prisoners.values[0].text.starts_with("87"));
    assert_eq!(prisoners.missing.len(), 4);
}

#[test]
fn every_span_holds_the_words_it_names() {
    let documents = crate::common::corpus();
    let framing = analyse(&documents);
    let body = |id: ArticleId| documents[id.0 as usize].body.as_str();
    // A phrase counts as one term however it is joined: "long-term" and "long term".
    let fold = |s: &str| {
        s.replace('-', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    for article in &framing.distinctive {
        for term in &article.terms {
            for span in &term.spans {
                let text = &body(article.article)[span.clone()];
                assert_eq!(fold(text), fold(&term.term), "{term:?}");
            }
        }
    }
    for actor in &framing.actors {
        for mention in &actor.mentions {
            for span in &mention.spans {
                let text = &body(mention.article)[span.clone()];
                assert!(
                    actor.aliases.iter().any(|a| a == text),
                    "{text} of {actor:?}"
                );
            }
            assert_eq!(mention.first, mention.spans[0].start);
        }
    }
    for fact in &framing.facts {
        for value in &fact.values {
            assert_eq!(&body(value.article)[value.start..value.end], value.text);
        }
    }
    for profile in &framing.frames {
        for spans in profile.evidence.values() {
            for &[start, end] in spans {
                assert!(body(profile.article).get(start..end).is_some());
            }
        }
        let total: f32 = profile.scores.values().sum();
        assert!(total > 0.0, "{profile:?}");
    }
    for opening in &framing.openings {
        let [start, end] = opening.lede;
        assert_eq!(&body(opening.article)[start..end], opening.lede_text);
        assert!(end > start, "every corpus article has a lede");
    }
}

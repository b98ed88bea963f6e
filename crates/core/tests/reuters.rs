//! Metadata of real wire copy: the 80 Reuters-21578 stories Debian's r-cran-tm ships (fetched by
//! the setup script), laid out as pasted text (headline, byline, the dateline opening the story,
//! the "Reuter" sign-off). The truth comes from the collection's own fields: the headline, the
//! byline's name, and the agency that sent every story. The datelines carry no year, so no
//! date may be made up either. Figures go to `docs/benchmarks.md`.

use parallax_core::ingest::ingest;
use parallax_testdata::realtext::reuters_stories;

/// "By Cal Mankowski, Reuters" -> "Cal Mankowski"; capitals as a person writes them.
fn byline_name(byline: &str) -> String {
    let name = byline.trim();
    let name = name.split_once(' ').map_or(name, |(by, rest)| {
        if by.eq_ignore_ascii_case("by") {
            rest
        } else {
            name
        }
    });
    let name = name.split(',').next().unwrap_or(name).trim();
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let mut out = String::new();
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase())
                } else {
                    out.extend(c.to_lowercase())
                }
                start = matches!(c, '-' | '\'' | '.');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn title_agency_author_and_no_invented_date_of_real_reuters_copy() {
    let stories = reuters_stories();
    assert!(stories.len() >= 75, "{} stories", stories.len());
    let (mut fields, mut right) = (0, 0);
    let (mut paragraphs, mut cut) = (0, 0);
    let mut misses = Vec::new();
    for story in &stories {
        let doc = ingest("story.txt", story.as_text().as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", story.source));
        let meta = &doc.metadata;
        let author = story.byline.as_deref().map(byline_name);
        let checks = [
            ("title", Some(story.title.as_str()), meta.title.as_deref()),
            ("agency", Some("Reuters"), meta.agency.as_deref()),
            ("author", author.as_deref(), meta.author.as_deref()),
            ("published", None, meta.published.as_deref()),
        ];
        // Hard-wrapped lines are joined back into their paragraphs: a paragraph that ends in
        // the middle of a sentence was cut at a line break.
        let mut start = 0;
        for paragraph in doc.body.split("\n\n") {
            let marked = doc.boilerplate.iter().any(|r| r.contains(&start));
            start += paragraph.len() + 2;
            if marked {
                continue;
            }
            paragraphs += 1;
            if paragraph.ends_with(|c: char| c.is_alphabetic() && c.is_lowercase()) {
                cut += 1;
            }
        }
        for (name, want, got) in checks {
            fields += 1;
            if want == got {
                right += 1;
            } else {
                misses.push(format!(
                    "{} {name}: want {want:?}, got {got:?}",
                    story.source
                ));
            }
        }
    }
    let share = right as f64 / fields as f64;
    println!(
        "Reuters-21578: {right} of {fields} fields right ({share:.3}); {cut} of {paragraphs} \
         paragraphs end mid-sentence"
    );
    if std::env::var_os("PARALLAX_SHOW_MISSES").is_some() {
        println!("{}", misses.join("\n"));
    }
    assert!(share >= 0.97, "{right} of {fields}: {misses:#?}");
    assert!(
        cut * 50 <= paragraphs,
        "{cut} of {paragraphs} paragraphs cut at a line break"
    );
}

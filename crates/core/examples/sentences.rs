//! Prints the sentences of a file as Parallax sees them, one a line with its kind:
//! `cargo run -p parallax-core --example sentences -- FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: sentences FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let doc = parallax_core::ingest::ingest(&path, &bytes).expect("an article");
    let language = doc.metadata.language.as_deref().unwrap_or("en");
    for s in parallax_core::sentences::sentences(&doc.body, language, &doc.boilerplate) {
        println!("{:?}\t{}", s.kind, &doc.body[s.range()]);
    }
}

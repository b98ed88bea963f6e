//! Writes the benchmark corpus to a folder, to try imports by hand:
//! `cargo run --release -p parallax-store --example generate_corpus -- DIR [COUNT] [WORDS]`.

use parallax_testdata as corpus;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .expect("usage: generate_corpus DIR [COUNT] [WORDS]");
    let count = args
        .get(2)
        .map_or(10_000, |n| n.parse().expect("COUNT is a number"));
    let words = args
        .get(3)
        .map_or(600, |n| n.parse().expect("WORDS is a number"));
    corpus::write_corpus(std::path::Path::new(dir), count, words)?;
    println!("wrote {count} articles of ~{words} words to {dir}");
    Ok(())
}

//! The core's integration tests, one binary: every file of its own would be linked on its own,
//! which costs more than the tests on two cores. Each module is one area, over real files: the
//! shared corpus, fixture cases, synthetic corpora with known answers.

mod common;

mod align;
mod corpus;
mod docx;
mod framing;
mod html;
mod lee_actors;
mod lee_quotes;
mod lee_sources;
mod passages;
mod pdf;
mod pdf_producers;
mod plain;
mod quotes;
mod reuters;
mod robustness;
mod same_claim;
mod side_by_side;
mod wire_layouts;

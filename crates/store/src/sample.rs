//! The built-in sample library: four articles the Parallax team wrote about one invented event,
//! from four invented outlets, so the app is useful before the user has files of their own.
//! They carry what the app's views show: quotations, a shared wire passage, conflicting details
//! and site clutter.

/// File name and text of each sample article.
pub const ARTICLES: &[(&str, &str)] = &[
    (
        "01-meridian-wire-barrage-gate-failure.txt",
        include_str!("../sample/01-meridian-wire-barrage-gate-failure.txt"),
    ),
    (
        "02-harbour-ledger-eastbank-night-of-water.txt",
        include_str!("../sample/02-harbour-ledger-eastbank-night-of-water.txt"),
    ),
    (
        "03-hollin-standard-greywater-warnings.txt",
        include_str!("../sample/03-hollin-standard-greywater-warnings.txt"),
    ),
    (
        "04-watchfire-dahl-warned-greywater.txt",
        include_str!("../sample/04-watchfire-dahl-warned-greywater.txt"),
    ),
];

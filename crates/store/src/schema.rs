//! The schema: numbered SQL files from the top-level `migrations/` folder, embedded at build time.

use rusqlite_migration::{Migrations, M};

const MIGRATION_STEPS: &[M<'static>] = &[
    M::up(include_str!("../../../migrations/0001_library.sql")),
    M::up(include_str!("../../../migrations/0002_sessions_notes.sql")),
    M::up(include_str!("../../../migrations/0003_notes_fts.sql")),
    M::up(include_str!(
        "../../../migrations/0004_notes_search_quotes_tags.sql"
    )),
    M::up(include_str!("../../../migrations/0005_articles_vocab.sql")),
    M::up(include_str!(
        "../../../migrations/0006_article_fingerprints.sql"
    )),
    M::up(include_str!(
        "../../../migrations/0007_articles_agency_derived_title.sql"
    )),
    M::up(include_str!(
        "../../../migrations/0008_outlet_boilerplate.sql"
    )),
    M::up(include_str!(
        "../../../migrations/0009_articles_pending.sql"
    )),
];

/// Every migration, in order. Append new files; never edit a released one.
pub const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_STEPS);

//! The command line: commands, their arguments and their help.

use clap::{Parser, Subcommand};
use parallax_report::Format;
use parallax_store::{ArticleId, SessionId, MAX_ARTICLES, MIN_ARTICLES};
use std::path::PathBuf;

/// Compare how outlets cover one event: import articles, search them, diff them.
#[derive(Parser)]
#[command(name = "parallax", version, about)]
pub struct Cli {
    /// The library file (default: the app's library in the OS app-data directory).
    #[arg(long, global = true, env = "PARALLAX_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Import files and folders (folders recursively); `parallax import --help` lists the file
    /// types.
    #[command(after_help = import_help())]
    Import {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Files and folders to import.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the articles in the library.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one article: metadata and body.
    Show {
        /// The article id (see `parallax list`).
        #[arg(value_parser = article_id)]
        id: ArticleId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Full-text search with highlighted snippets.
    Search {
        /// Words to find (all must match; the last also as a prefix).
        query: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Align 2–8 articles sentence by sentence: what they all say, and what only one says.
    Compare {
        /// The article ids (2 to 8).
        #[arg(required = true, num_args = MIN_ARTICLES..=MAX_ARTICLES, value_name = "ID", value_parser = article_id)]
        ids: Vec<ArticleId>,
        /// The article the others are aligned against (default: the first).
        #[arg(long, value_name = "ID", value_parser = article_id)]
        pivot: Option<ArticleId>,
        /// Print JSON: rows of aligned sentences with byte offsets, and the sentences only one article has.
        #[arg(long)]
        json: bool,
    },
    /// The word diff of two articles, side by side.
    Diff {
        /// The left article id.
        #[arg(value_parser = article_id)]
        left: ArticleId,
        /// The right article id.
        #[arg(value_parser = article_id)]
        right: ArticleId,
        /// Print JSON: runs of equal / deleted / inserted text per side with byte offsets.
        #[arg(long)]
        json: bool,
    },
    /// Direct quotations with their speakers, and the quotations articles share (the same words,
    /// trimmed, altered, reused without quote marks, or given to another speaker).
    Quotes {
        /// The article ids.
        #[arg(required = true, value_name = "ID", value_parser = article_id)]
        ids: Vec<ArticleId>,
        /// Print JSON: quotations with byte offsets, speaker, role, kind and parts; matches; groups.
        #[arg(long)]
        json: bool,
    },
    /// How 2–8 articles frame the story: the words each leans on, the actors it names and how
    /// early, whom it quotes, facts in conflict or left out, and its frame dimensions.
    Framing {
        /// The article ids.
        #[arg(required = true, value_name = "ID", value_parser = article_id)]
        ids: Vec<ArticleId>,
        /// Print JSON: distinctive terms, actors, sources, facts and frames, each with byte
        /// offsets into the article bodies.
        #[arg(long)]
        json: bool,
    },
    /// Passages articles share (a wire story reprinted, a press release pasted in): among the
    /// given articles, or across the whole library.
    Reuse {
        /// The article ids (none: every article of the library).
        #[arg(value_name = "ID", value_parser = article_id)]
        ids: Vec<ArticleId>,
        /// The shortest passage reported, in words.
        #[arg(long, default_value_t = 20, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        min_words: u32,
        /// Print JSON: passages with both articles' byte ranges, their length in words and similarity.
        #[arg(long)]
        json: bool,
    },
    /// Comparison sessions: a named set of 2–8 articles with notes.
    Session {
        #[command(subcommand)]
        command: SessionCommand,
    },
    /// Export a session as a report: one self-contained HTML file, Markdown, JSON, or a folder of
    /// CSV tables (written atomically: an interrupted export leaves no half file).
    Export {
        /// The session id (see `parallax session list`).
        #[arg(value_parser = session_id)]
        session: SessionId,
        /// html, md, json or csv.
        #[arg(long, value_parser = export_format)]
        format: Format,
        /// The file to write (for csv, the folder).
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: std::path::PathBuf,
    },
    /// Delete articles (they can be restored with `parallax restore` until they are purged).
    Delete {
        /// The article ids.
        #[arg(required = true, value_name = "ID", value_parser = article_id)]
        ids: Vec<ArticleId>,
        /// Also take them out of the sessions that compare them (otherwise they stay there,
        /// hidden, until restored or purged).
        #[arg(long)]
        from_sessions: bool,
    },
    /// Empty the trash: remove deleted articles, notes and sessions for good, and erase their
    /// words from the library file. There is no undo.
    Purge,
    /// Copy the library to a file while it may be in use; the copy opens as a library
    /// (`parallax --db PATH`).
    Backup {
        /// Where to write the copy (replaced if it exists).
        path: PathBuf,
    },
    /// Restore deleted articles.
    Restore {
        /// The article ids.
        #[arg(required = true, value_name = "ID", value_parser = article_id)]
        ids: Vec<ArticleId>,
    },
    /// Session bundles: a session with its articles' texts, notes and view state in one file,
    /// to open in another library.
    Bundle {
        #[command(subcommand)]
        command: BundleCommand,
    },
    /// Notes on a session or on a quoted passage of one of its articles.
    Note {
        #[command(subcommand)]
        command: NoteCommand,
    },
}

#[derive(Subcommand)]
pub enum BundleCommand {
    /// Save a session as a bundle file.
    Save {
        /// The session id (see `parallax session list`).
        #[arg(value_parser = session_id)]
        session: SessionId,
        /// The bundle file to write.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: std::path::PathBuf,
    },
    /// Open a bundle: import its articles (texts already in the library are not imported
    /// twice), recreate the session and its notes.
    Open {
        /// The bundle file.
        file: std::path::PathBuf,
        /// Print JSON: the session made, the articles imported and found, the notes.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum SessionCommand {
    /// Create a session comparing 2–8 articles.
    Create {
        /// The session's name.
        #[arg(long)]
        name: String,
        /// The article ids, in column order.
        #[arg(required = true, value_name = "ID", value_parser = article_id)]
        ids: Vec<ArticleId>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the sessions, most recently changed first.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one session: its articles, view state and notes.
    Show {
        /// The session id (see `parallax session list`).
        #[arg(value_parser = session_id)]
        id: SessionId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum NoteCommand {
    /// Add a note to a session, on a quoted passage when --article and --quote are given.
    Add {
        /// The session.
        #[arg(long, value_name = "ID", value_parser = session_id)]
        session: SessionId,
        /// The article the quote is from.
        #[arg(long, value_name = "ID", requires = "quote", value_parser = article_id)]
        article: Option<ArticleId>,
        /// The selected text; it must be in the article (white space may differ).
        #[arg(long, requires = "article")]
        quote: Option<String>,
        /// Text right before the quote, to pick among repeats.
        #[arg(long, requires = "quote")]
        prefix: Option<String>,
        /// Text right after the quote.
        #[arg(long, requires = "quote")]
        suffix: Option<String>,
        /// The note (Markdown).
        #[arg(long)]
        body: String,
        /// A tag (repeat for more); existing tags are reused whatever their case.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List a session's notes in reading order; orphaned ones are marked.
    List {
        /// The session.
        #[arg(long, value_name = "ID", value_parser = session_id)]
        session: SessionId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The file types `import` reads, from the importer's own list.
fn import_help() -> String {
    let extensions: Vec<String> = parallax_core::ingest::Format::ALL
        .iter()
        .flat_map(|f| f.extensions())
        .map(|ext| format!(".{ext}"))
        .collect();
    format!("Reads {}.", extensions.join(" "))
}

fn article_id(text: &str) -> Result<ArticleId, String> {
    text.parse().map(ArticleId).map_err(|_| id_error(text))
}

fn export_format(text: &str) -> Result<Format, String> {
    Format::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("{text:?} is not a report format: {}", names.join(", "))
    })
}

fn session_id(text: &str) -> Result<SessionId, String> {
    text.parse().map(SessionId).map_err(|_| id_error(text))
}

fn id_error(text: &str) -> String {
    format!("“{text}” is not an id (a whole number, as `parallax list` shows them)")
}

// Generated from the Rust constants by the app's bindings test. Do not edit.

/** The fewest articles a session compares. */
export const MIN_ARTICLES = 2;

/** The most articles a session compares. */
export const MAX_ARTICLES = 8;

/** Every file extension the importer reads (the file picker's filter). */
export const IMPORTABLE_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'pdf', 'docx'] as const;

/** The usual extension of each format, to name them to people. */
export const USUAL_EXTENSIONS = ['txt', 'md', 'html', 'pdf', 'docx'] as const;

// Generated from the Rust constants by the app's bindings test. Do not edit.

/** The fewest articles a session compares. */
export const MIN_ARTICLES = 2;

/** The most articles a session compares. */
export const MAX_ARTICLES = 8;

/** Every file extension the importer reads (the file picker's filter). */
export const IMPORTABLE_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'pdf', 'docx'] as const;

/** The usual extension of each format, to name them to people. */
export const USUAL_EXTENSIONS = ['txt', 'md', 'html', 'pdf', 'docx'] as const;

/** The frame dimensions the framing analysis scores, in the codebook's order. */
export const FRAME_DIMENSIONS = [{ key: 'economic', label: 'Economic' }, { key: 'capacity', label: 'Capacity and resources' }, { key: 'morality', label: 'Morality' }, { key: 'fairness', label: 'Fairness and equality' }, { key: 'legality', label: 'Legality and constitutionality' }, { key: 'policy', label: 'Policy prescription' }, { key: 'crime', label: 'Crime and punishment' }, { key: 'security', label: 'Security and defence' }, { key: 'health', label: 'Health and safety' }, { key: 'quality_of_life', label: 'Quality of life' }, { key: 'cultural_identity', label: 'Cultural identity' }, { key: 'public_opinion', label: 'Public opinion' }, { key: 'political', label: 'Political' }, { key: 'external_reputation', label: 'External regulation and reputation' }] as const;

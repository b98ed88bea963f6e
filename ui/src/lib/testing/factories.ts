/** Small builders for test data; every field has a plain default that a test can override. */
import type { Backend } from '../api';
import type { SideRow } from '../bindings/SideRow';
import type { SideSentence } from '../bindings/SideSentence';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { ImportReport } from '../bindings/ImportReport';
import type { Note } from '../bindings/Note';
import type { SearchHit } from '../bindings/SearchHit';
import type { SessionSummary } from '../bindings/SessionSummary';
import type { SessionView } from '../bindings/SessionView';
import type { Framing } from '../bindings/Framing';
import type { SnippetPart } from '../bindings/SnippetPart';
import type { JsonValue } from '../bindings/serde_json/JsonValue';

let nextId = 1000;

export function article(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  const id = overrides.id ?? nextId++;
  return {
    id,
    title: `Article ${id}`,
    titleDerived: false,
    outlet: 'The Daily Planet',
    agency: null,
    author: null,
    published: '2024-03-05',
    url: null,
    words: 500,
    format: 'text',
    importedAt: '2024-03-06T10:00:00Z',
    ...overrides,
  };
}

export function part(text: string, highlight = false): SnippetPart {
  return { text, highlight };
}

export function hit(summary: ArticleSummary, snippet: SnippetPart[] = [part('some '), part('text', true)]): SearchHit {
  return { article: summary, snippet };
}

/** A sentence of an aligned column; `changed` marks every word, `notes` marks it noted. */
export function sentence(index: number, text: string, overrides: Partial<SideSentence> = {}): SideSentence {
  return {
    index,
    start: index * 100,
    end: index * 100 + text.length,
    kind: 'prose',
    opensParagraph: false,
    onlyHere: false,
    links: [],
    runs: [{ text, start: index * 100, changed: false, notes: [], quote: null, shared: false }],
    ...overrides,
  };
}

/** A row of an alignment; `differs` and `onlyHere` follow from the cells unless given. */
export function alignedRow(cells: (SideSentence[] | null)[], overrides: Partial<SideRow> = {}): SideRow {
  const sentences = cells.flatMap((c) => c ?? []);
  return {
    cells,
    similarity: 0.4,
    differs: cells.some((c) => c === null) || sentences.some((s) => s.runs.some((r) => r.changed)),
    onlyHere: sentences.some((s) => s.onlyHere),
    ...overrides,
  };
}

export function sessionSummary(overrides: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id: 1,
    name: 'Port strike',
    createdAt: '2024-03-06T10:00:00.000Z',
    updatedAt: '2024-03-06T10:00:00.000Z',
    articles: [1, 2],
    ...overrides,
  };
}

/** What a test may set of a session view: the session's summary, and what it was saved with. */
export type SessionViewOverrides = Partial<Omit<SessionView, 'session'>> & {
  session?: SessionSummary;
  /** What the session was saved with. */
  viewState?: JsonValue;
};

/** A session view over `articles` (pivot: the first unless given) with these rows. */
export function sessionView(
  articles: ArticleSummary[],
  rows: SideRow[],
  { viewState = {}, session, articles: shown, ...overrides }: SessionViewOverrides = {},
): SessionView {
  const pivot = overrides.pivot ?? articles[0]?.id ?? null;
  const column = Math.max(0, articles.findIndex((a) => a.id === pivot));
  return {
    session: { ...(session ?? sessionSummary({ articles: articles.map((a) => a.id) })), viewState },
    articles: shown ?? articles,
    missing: [],
    pivot,
    analysis: {
      pivot: column,
      layout: {
        articles: articles.map((a) => a.id),
        pivot: column,
        rows,
        facts: articles.map(() => ({ sentences: rows.length, onlyHere: 0, shared: 0 })),
        coverage: articles.map((_, i) => articles.map((__, j) => (i === j ? 1 : 0.5))),
      },
      passages: [],
      quotations: { quotes: [], matches: [], groups: [] },
      framing: framing(articles.map((a) => a.id)),
    },
    notes: [],
    ...overrides,
  };
}

/** A framing analysis of `articles` that found nothing: each part empty, frames all zero. */
export function framing(articles: number[], overrides: Partial<Framing> = {}): Framing {
  return {
    articles,
    openings: articles.map((article) => ({ article, headline: null, lede: [0, 0], ledeText: '' })),
    distinctive: articles.map((article) => ({ article, terms: [] })),
    outlets: [],
    actors: [],
    sources: [],
    facts: [],
    frames: articles.map((article) => ({ article, scores: {}, evidence: {}, words: 0 })),
    parameters: { minCount: 2, termsPerArticle: 15, significantZ: 1.96, priorWords: 0 },
    ...overrides,
  };
}

/** A note; `quote` is the text of its passage (null: a note on the session). */
export function note({ quote = 'the quoted words', ...overrides }: Partial<Omit<Note, 'quote'>> & { quote?: string | null } = {}): Note {
  const id = overrides.id ?? nextId++;
  return {
    id,
    session: 1,
    article: 1,
    body: 'Check this.',
    tags: [],
    quote: quote === null ? null : { exact: quote, prefix: '', suffix: '', start: 0, end: quote.length },
    orphaned: false,
    createdAt: '2024-03-06T10:00:00.000Z',
    updatedAt: '2024-03-06T10:00:00.000Z',
    ...overrides,
  };
}

export function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return { imported: [], duplicates: [], failed: [], ...overrides };
}

/**
 * A backend whose calls fail loudly unless a test supplies them; tests pass only the commands
 * the code under test should use.
 */
export function backendWith(overrides: Partial<Backend>): Backend {
  const missing = (name: string) => () => Promise.reject(new Error(`test backend has no ${name}`));
  return {
    libraryInfo: missing('libraryInfo'),
    listArticles: missing('listArticles'),
    searchArticles: missing('searchArticles'),
    updateArticle: missing('updateArticle'),
    setArticlesOutlet: missing('setArticlesOutlet'),
    deleteArticles: missing('deleteArticles'),
    restoreArticles: missing('restoreArticles'),
    // No session compares anything unless a test says so.
    articleUses: async () => [],
    removeFromSessions: missing('removeFromSessions'),
    putBackInSessions: missing('putBackInSessions'),
    trashContents: async () => ({ articles: 0, notes: 0, sessions: 0 }),
    emptyTrash: missing('emptyTrash'),
    backupLibrary: missing('backupLibrary'),
    chooseBackupPath: missing('chooseBackupPath'),
    libraryReuse: missing('libraryReuse'),
    importPaths: missing('importPaths'),
    importSample: missing('importSample'),
    afterImport: async () => ({ languages: 0, boilerplate: { outlets: 0, articles: 0 } }),
    listSessions: () => Promise.resolve([]),
    createSession: missing('createSession'),
    openSession: missing('openSession'),
    renameSession: missing('renameSession'),
    duplicateSession: missing('duplicateSession'),
    deleteSession: missing('deleteSession'),
    restoreSession: missing('restoreSession'),
    setSessionArticles: missing('setSessionArticles'),
    saveViewState: missing('saveViewState'),
    addNote: missing('addNote'),
    updateNote: missing('updateNote'),
    deleteNote: missing('deleteNote'),
    restoreNote: missing('restoreNote'),
    searchNotes: missing('searchNotes'),
    listTags: missing('listTags'),
    exportSession: missing('exportSession'),
    chooseExportPath: missing('chooseExportPath'),
    saveBundle: missing('saveBundle'),
    openBundle: missing('openBundle'),
    pickBundle: missing('pickBundle'),
    pickFiles: missing('pickFiles'),
    pickFolders: missing('pickFolders'),
    onDragDrop: () => Promise.resolve(() => {}),
    ...overrides,
  };
}

/** A promise with its resolve/reject exposed, to finish calls in a chosen order. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

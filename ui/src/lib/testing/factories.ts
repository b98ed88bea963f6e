/** Small builders for test data; every field has a plain default that a test can override. */
import type { Backend } from '../api';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { DiffColumn } from '../bindings/DiffColumn';
import type { DiffRun } from '../bindings/DiffRun';
import type { DiffRunKind } from '../bindings/DiffRunKind';
import type { ImportReport } from '../bindings/ImportReport';
import type { SearchHit } from '../bindings/SearchHit';
import type { SideBySide } from '../bindings/SideBySide';
import type { SnippetPart } from '../bindings/SnippetPart';

let nextId = 1000;

export function article(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  const id = overrides.id ?? nextId++;
  return {
    id,
    title: `Article ${id}`,
    outlet: 'The Daily Planet',
    author: null,
    published: '2024-03-05',
    url: null,
    words: 500,
    format: 'txt',
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

export function run(text: string, kind: DiffRunKind = 'equal', change: number | null = null): DiffRun {
  return { text, kind, change };
}

export function column(paragraphs: DiffRun[][], summary: ArticleSummary = article()): DiffColumn {
  return { article: summary, paragraphs };
}

export function sideBySide(left: DiffColumn, right: DiffColumn, changes: number): SideBySide {
  return { left, right, counts: { equalWords: 0, deletedWords: 0, insertedWords: 0, changes } };
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
    getArticle: missing('getArticle'),
    searchArticles: missing('searchArticles'),
    updateArticle: missing('updateArticle'),
    deleteArticles: missing('deleteArticles'),
    restoreArticles: missing('restoreArticles'),
    importPaths: missing('importPaths'),
    importSample: missing('importSample'),
    compareArticles: missing('compareArticles'),
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

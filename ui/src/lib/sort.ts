import type { ArticleSummary } from './bindings/ArticleSummary';

export type SortKey = 'outlet' | 'title' | 'author' | 'published' | 'words';
export type SortDirection = 'asc' | 'desc';
export type SortSpec = { key: SortKey; direction: SortDirection };

/** What a fresh library shows first: the newest articles. */
export const DEFAULT_SORT: SortSpec = { key: 'published', direction: 'desc' };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareValues(a: ArticleSummary, b: ArticleSummary, key: SortKey): number {
  switch (key) {
    case 'words':
      return a.words - b.words;
    case 'published':
      // ISO dates sort as strings.
      return (a.published ?? '').localeCompare(b.published ?? '');
    default:
      return collator.compare(a[key] ?? '', b[key] ?? '');
  }
}

function isMissing(article: ArticleSummary, key: SortKey): boolean {
  const value = article[key];
  return value === null || value === '';
}

/**
 * Sorts a copy. Missing values (no author, no date) go last in both directions, so flipping
 * the order doesn't bury the real data under blanks. Ties fall back to the id for a stable order.
 */
export function sortArticles(list: readonly ArticleSummary[], spec: SortSpec): ArticleSummary[] {
  const sign = spec.direction === 'asc' ? 1 : -1;
  return [...list].sort((a, b) => {
    const missingA = isMissing(a, spec.key);
    const missingB = isMissing(b, spec.key);
    if (missingA !== missingB) return missingA ? 1 : -1;
    const order = missingA ? 0 : compareValues(a, b, spec.key) * sign;
    return order !== 0 ? order : a.id - b.id;
  });
}

/** Clicking a column header: a new column starts in its natural direction, the same one flips. */
export function nextSort(current: SortSpec | null, key: SortKey): SortSpec {
  if (current?.key === key) {
    return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  const startsDescending = key === 'published' || key === 'words';
  return { key, direction: startsDescending ? 'desc' : 'asc' };
}

import { describe, expect, it } from 'vitest';
import { article } from './testing/factories';
import { nextSort, sortArticles } from './sort';

const a = article({ id: 1, title: 'Zebra crossing', outlet: 'beta', author: 'Ann', published: '2024-01-02', words: 900 });
const b = article({ id: 2, title: 'apple harvest', outlet: 'Alpha', author: null, published: null, words: 100 });
const c = article({ id: 3, title: 'Item 10', outlet: null, author: 'bob', published: '2023-12-31', words: 100 });
const d = article({ id: 4, title: 'Item 9', outlet: 'alpha', author: 'Cy', published: '2024-01-02', words: 300 });
const all = [a, b, c, d];
const ids = (list: { id: number }[]) => list.map((x) => x.id);

describe('sortArticles', () => {
  it('sorts titles case-insensitively and numbers naturally', () => {
    expect(ids(sortArticles(all, { key: 'title', direction: 'asc' }))).toEqual([2, 4, 3, 1]);
  });

  it('puts missing values last in both directions', () => {
    expect(ids(sortArticles(all, { key: 'author', direction: 'asc' }))).toEqual([1, 3, 4, 2]);
    expect(ids(sortArticles(all, { key: 'author', direction: 'desc' }))).toEqual([4, 3, 1, 2]);
    expect(ids(sortArticles(all, { key: 'published', direction: 'desc' })).at(-1)).toBe(2);
    expect(ids(sortArticles(all, { key: 'outlet', direction: 'desc' })).at(-1)).toBe(3);
  });

  it('breaks ties by id so the order is stable', () => {
    expect(ids(sortArticles(all, { key: 'published', direction: 'desc' }))).toEqual([1, 4, 3, 2]);
    expect(ids(sortArticles(all, { key: 'outlet', direction: 'asc' }))).toEqual([2, 4, 1, 3]);
  });

  it('sorts numbers as numbers', () => {
    expect(ids(sortArticles(all, { key: 'words', direction: 'desc' }))).toEqual([1, 4, 2, 3]);
  });

  it('does not change its input', () => {
    const copy = [...all];
    sortArticles(all, { key: 'words', direction: 'asc' });
    expect(all).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the direction on the same column', () => {
    expect(nextSort({ key: 'title', direction: 'asc' }, 'title')).toEqual({ key: 'title', direction: 'desc' });
  });

  it('starts dates and numbers newest/largest first, text A to Z', () => {
    expect(nextSort(null, 'published').direction).toBe('desc');
    expect(nextSort(null, 'words').direction).toBe('desc');
    expect(nextSort({ key: 'words', direction: 'asc' }, 'outlet').direction).toBe('asc');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { MetadataEdit } from '../bindings/MetadataEdit';
import { CommandFailure } from '../errors';
import { article, backendWith, deferred, hit, part } from '../testing/factories';
import { Banner } from './banner.svelte';
import { Library } from './library.svelte';

/** An in-memory library with soft delete, enough to drive the state class through its paces. */
function memoryBackend(initial: ArticleSummary[]) {
  const rows = new Map(initial.map((a) => [a.id, { article: a, deleted: false }]));
  const live = () => [...rows.values()].filter((r) => !r.deleted).map((r) => r.article);
  return backendWith({
    listArticles: async () => live(),
    libraryInfo: async () => ({ articleCount: live().length, databasePath: '/tmp/lib.db', logPath: '/tmp/log' }),
    deleteArticles: async (ids) => {
      ids.forEach((id) => rows.get(id) && (rows.get(id)!.deleted = true));
      return ids.length;
    },
    restoreArticles: async (ids) => {
      ids.forEach((id) => rows.get(id) && (rows.get(id)!.deleted = false));
      return ids.length;
    },
    updateArticle: async (id: number, edit: MetadataEdit) => {
      const row = rows.get(id);
      if (!row) throw new CommandFailure('update_article', { code: 'not_found', message: `no article ${id}` });
      row.article = { ...row.article, ...edit };
      return row.article;
    },
  });
}

const planet = article({ id: 1, title: 'Port strike ends', outlet: 'Planet', published: '2024-03-01', words: 800 });
const gazette = article({ id: 2, title: 'Dockers go back to work', outlet: 'Gazette', published: '2024-03-03', words: 650 });
const bugle = article({ id: 3, title: 'Strike over, questions remain', outlet: 'Bugle', published: '2024-03-02', words: 990 });

describe('Library', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads the articles newest first and counts them', async () => {
    const library = new Library(memoryBackend([planet, gazette, bugle]), new Banner());
    expect(library.loaded).toBe(false);
    await library.refresh();
    expect(library.loaded).toBe(true);
    expect(library.order).toEqual([2, 3, 1]);
    expect(library.info?.articleCount).toBe(3);
    library.sortBy('words');
    expect(library.order).toEqual([3, 1, 2]);
  });

  it('is empty (for the empty state) only once loaded with no articles', async () => {
    const library = new Library(memoryBackend([]), new Banner());
    expect(library.isEmpty).toBe(false);
    await library.refresh();
    expect(library.isEmpty).toBe(true);
  });

  it('reports a failed load in the banner and keeps going', async () => {
    const banner = new Banner();
    const library = new Library(
      backendWith({ listArticles: () => Promise.reject({ code: 'database', message: 'disk I/O error' }) }),
      banner,
    );
    await library.refresh();
    expect(library.loaded).toBe(true);
    expect(banner.notices[0]).toMatchObject({ code: 'database', message: 'disk I/O error' });
  });

  it('selects two rows and can compare them', async () => {
    const library = new Library(memoryBackend([planet, gazette, bugle]), new Banner());
    await library.refresh();
    library.click(2, { shift: false, toggle: false });
    expect(library.canCompare).toBe(false);
    library.move(1, true);
    expect(library.selectedIds).toEqual([2, 3]);
    expect(library.canCompare).toBe(true);
  });

  describe('search', () => {
    it('shows hits in relevance order with snippets, then returns to the library order', async () => {
      const library = new Library(
        {
          ...memoryBackend([planet, gazette, bugle]),
          searchArticles: async () => [hit(planet, [part('port ', true)]), hit(gazette)],
        },
        new Banner(),
        { searchDelayMs: 100 },
      );
      await library.refresh();
      library.setQuery('port');
      expect(library.searching).toBe(true);
      await vi.advanceTimersByTimeAsync(100);
      expect(library.searching).toBe(false);
      expect(library.order).toEqual([1, 2]);
      expect(library.snippets[1]).toEqual([part('port ', true)]);
      library.clearSearch();
      expect(library.hits).toBeNull();
      expect(library.order).toEqual([2, 3, 1]);
    });

    it('waits for typing to stop and ignores answers to older queries', async () => {
      const answers = new Map([
        ['str', deferred<ReturnType<typeof hit>[]>()],
        ['strike', deferred<ReturnType<typeof hit>[]>()],
      ]);
      const asked: string[] = [];
      const library = new Library(
        backendWith({
          searchArticles: (query) => {
            asked.push(query);
            return answers.get(query)!.promise;
          },
        }),
        new Banner(),
        { searchDelayMs: 100 },
      );
      library.setQuery('s');
      await vi.advanceTimersByTimeAsync(50);
      library.setQuery('str');
      await vi.advanceTimersByTimeAsync(100);
      library.setQuery('strike');
      await vi.advanceTimersByTimeAsync(100);
      expect(asked).toEqual(['str', 'strike']);

      answers.get('strike')!.resolve([hit(bugle)]);
      await vi.advanceTimersByTimeAsync(0);
      answers.get('str')!.resolve([hit(planet), hit(gazette)]);
      await vi.advanceTimersByTimeAsync(0);
      expect(library.order).toEqual([3]);
      expect(library.searching).toBe(false);
    });

    it('keeps the library order while the first answer is on its way', async () => {
      const answer = deferred<ReturnType<typeof hit>[]>();
      const library = new Library(
        { ...memoryBackend([planet, gazette, bugle]), searchArticles: () => answer.promise },
        new Banner(),
        { searchDelayMs: 0 },
      );
      await library.refresh();
      library.setQuery('port');
      await vi.advanceTimersByTimeAsync(0);
      expect(library.searching).toBe(true);
      expect(library.order).toEqual([2, 3, 1]);
      answer.resolve([hit(bugle), hit(planet)]);
      await vi.advanceTimersByTimeAsync(0);
      expect(library.order).toEqual([3, 1]);
    });

    it('lets a column header re-sort the hits', async () => {
      const library = new Library(
        backendWith({ searchArticles: async () => [hit(planet), hit(bugle)] }),
        new Banner(),
        { searchDelayMs: 0 },
      );
      library.setQuery('strike');
      await vi.advanceTimersByTimeAsync(0);
      expect(library.order).toEqual([1, 3]);
      library.sortBy('words');
      expect(library.order).toEqual([3, 1]);
    });
  });

  describe('inline editing', () => {
    it('saves the edit and updates the row', async () => {
      const library = new Library(memoryBackend([planet, gazette]), new Banner());
      await library.refresh();
      library.startEdit(1, 'outlet');
      expect(library.editing?.focus).toBe('outlet');
      library.editing!.draft.outlet = 'The Planet';
      library.editing!.draft.published = '2024-03-04';
      expect(await library.saveEdit()).toBe(true);
      expect(library.editing).toBeNull();
      expect(library.byId(1)).toMatchObject({ outlet: 'The Planet', published: '2024-03-04' });
      expect(library.order).toEqual([1, 2]);
    });

    it('keeps the row open with a clear message for a bad date', async () => {
      const library = new Library(memoryBackend([planet]), new Banner());
      await library.refresh();
      library.startEdit(1);
      library.editing!.draft.published = '03/04/2024';
      expect(await library.saveEdit()).toBe(false);
      expect(library.editing?.errorField).toBe('published');
      expect(library.editing?.error).toContain('YYYY-MM-DD');
      expect(library.byId(1)?.published).toBe('2024-03-01');
    });

    it('shows the backend’s reason when it refuses', async () => {
      const library = new Library(
        {
          ...memoryBackend([planet]),
          updateArticle: () => Promise.reject({ code: 'invalid_input', message: 'url: relative URLs are not allowed' }),
        },
        new Banner(),
      );
      await library.refresh();
      library.startEdit(1);
      library.editing!.draft.title = 'New title';
      expect(await library.saveEdit()).toBe(false);
      expect(library.editing?.saving).toBe(false);
      expect(library.editing?.error).toBe('Not saved: url: relative URLs are not allowed');
    });

    it('closes without a call when nothing changed, and Esc drops the draft', async () => {
      const library = new Library(memoryBackend([planet]), new Banner());
      await library.refresh();
      library.startEdit(1);
      expect(await library.saveEdit()).toBe(true);
      library.startEdit(1);
      library.editing!.draft.title = 'Changed';
      library.cancelEdit();
      expect(library.byId(1)?.title).toBe('Port strike ends');
    });
  });

  describe('delete and undo', () => {
    it('deletes the selection, offers Undo for 10 s, and Undo brings the rows back selected', async () => {
      const library = new Library(memoryBackend([planet, gazette, bugle]), new Banner());
      await library.refresh();
      library.click(3, { shift: false, toggle: false });
      library.click(1, { shift: true, toggle: false });
      await library.deleteSelected();
      expect(library.order).toEqual([2]);
      expect(library.pendingUndo).toEqual({ ids: [3, 1], label: 'Deleted 2 articles' });
      // The cursor lands on the row that took the deleted rows' place.
      expect(library.selection.cursor).toBe(2);
      expect(library.selectedIds).toEqual([]);

      await vi.advanceTimersByTimeAsync(9_000);
      await library.undoDelete();
      expect(library.pendingUndo).toBeNull();
      expect(library.order).toEqual([2, 3, 1]);
      expect(library.selectedIds).toEqual([3, 1]);
    });

    it('lets the Undo offer lapse after its time', async () => {
      const library = new Library(memoryBackend([planet]), new Banner(), { undoMs: 10_000 });
      await library.refresh();
      library.selectOnly([1]);
      await library.deleteSelected();
      expect(library.pendingUndo?.label).toBe('Deleted “Port strike ends”');
      await vi.advanceTimersByTimeAsync(10_001);
      expect(library.pendingUndo).toBeNull();
      expect(library.isEmpty).toBe(true);
    });

    it('deletes only what is on screen when a search hides some selected rows', async () => {
      const library = new Library(
        { ...memoryBackend([planet, gazette, bugle]), searchArticles: async () => [hit(gazette)] },
        new Banner(),
        { searchDelayMs: 0 },
      );
      await library.refresh();
      library.selectAll();
      library.setQuery('dockers');
      await vi.advanceTimersByTimeAsync(0);
      expect(library.selectedIds).toEqual([2]);
      await library.deleteSelected();
      library.clearSearch();
      expect(library.order).toEqual([3, 1]);
    });
  });
});

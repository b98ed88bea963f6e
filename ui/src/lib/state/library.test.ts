import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { MetadataEdit } from '../bindings/MetadataEdit';
import { CommandFailure } from '../errors';
import { article, backendWith, deferred, hit, part } from '../testing/factories';
import { Banner } from './banner.svelte';
import { Library } from './library.svelte';
import { UndoOffer } from './undo.svelte';

/** An in-memory library with soft delete, enough to drive the state class through its paces. */
function memoryBackend(initial: ArticleSummary[], sessions = new Map<number, { name: string; articles: number[] }>()) {
  const rows = new Map(initial.map((a) => [a.id, { article: a, deleted: false }]));
  const live = () => [...rows.values()].filter((r) => !r.deleted).map((r) => r.article);
  return backendWith({
    articleUses: async (ids) =>
      [...sessions].flatMap(([session, { name, articles }]) =>
        ids.filter((id) => articles.includes(id)).map((article) => ({ article, session, sessionName: name, notes: 0 })),
      ),
    removeFromSessions: async (ids) =>
      [...sessions].flatMap(([session, s]) => {
        const places = s.articles.flatMap((article, position) => (ids.includes(article) ? [{ session, article, position }] : []));
        s.articles = s.articles.filter((a) => !ids.includes(a));
        return places;
      }),
    putBackInSessions: async (places) => {
      for (const { session, article, position } of places) sessions.get(session)!.articles.splice(position, 0, article);
    },
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
    setArticlesOutlet: async (ids: number[], outlet: string | null) =>
      ids.map((id) => {
        const row = rows.get(id)!;
        row.article = { ...row.article, outlet };
        return row.article;
      }),
    updateArticle: async (id: number, edit: MetadataEdit) => {
      const row = rows.get(id);
      if (!row) throw new CommandFailure('update_article', { code: 'not_found', message: `no article ${id}` });
      row.article = { ...row.article, ...edit };
      return row.article;
    },
  });
}

/**
 * Wraps a backend call so its answer (read when called) reaches the caller only when the test
 * releases it: to finish overlapping calls in a chosen order.
 */
function held<A extends unknown[], T>(call: (...args: A) => Promise<T>) {
  const waiting: (() => void)[] = [];
  return {
    call: async (...args: A): Promise<T> => {
      const answer = await call(...args);
      await new Promise<void>((resolve) => waiting.push(resolve));
      return answer;
    },
    get count() {
      return waiting.length;
    },
    release: (index: number) => waiting[index]!(),
  };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

/** A loaded library of the three articles whose every search finds the Gazette's only. */
async function searchingForGazette(): Promise<Library> {
  const library = new Library(
    { ...memoryBackend([planet, gazette, bugle]), searchArticles: async () => [hit(gazette)] },
    new Banner(),
    new UndoOffer(),
    { searchDelayMs: 0 },
  );
  await library.refresh();
  return library;
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

  describe('overlapping refreshes', () => {
    it('keeps the newer list when an older one arrives last', async () => {
      const memory = memoryBackend([planet, gazette, bugle]);
      const lists = held(memory.listArticles);
      const library = new Library({ ...memory, listArticles: lists.call }, new Banner());
      const older = library.refresh(); // reads all three
      await settle();
      await memory.deleteArticles([2]); // say, another window
      const newer = library.refresh(); // reads two
      await settle();
      lists.release(1);
      await newer;
      expect(library.order).toEqual([3, 1]);
      lists.release(0);
      await older;
      expect(library.order).toEqual([3, 1]);
    });

    it('stays loading until the latest refresh is in', async () => {
      const memory = memoryBackend([planet, gazette]);
      const lists = held(memory.listArticles);
      const library = new Library({ ...memory, listArticles: lists.call }, new Banner());
      const older = library.refresh();
      await settle();
      await memory.deleteArticles([1]);
      const newer = library.refresh();
      await settle();
      lists.release(0);
      await older;
      expect(library.loading).toBe(true);
      expect(library.order).toEqual([]); // the older list was dropped, not shown
      lists.release(1);
      await newer;
      expect(library.loading).toBe(false);
      expect(library.order).toEqual([2]);
    });

    it('fetches the list again when a delete lands while it is on its way', async () => {
      const memory = memoryBackend([planet, gazette, bugle]);
      const lists = held(memory.listArticles);
      const library = new Library({ ...memory, listArticles: lists.call }, new Banner());
      const loading = library.refresh();
      await settle();
      lists.release(0);
      await loading;

      const refreshing = library.refresh(); // reads all three
      await settle();
      library.selectOnly([2]);
      await library.deleteSelected();
      lists.release(1);
      await settle();
      expect(lists.count).toBe(3); // asked again: the answer may predate the delete
      lists.release(2);
      await refreshing;
      expect(library.order).toEqual([3, 1]);
    });

    it('searches again when a delete lands while the search is on its way', async () => {
      const memory = memoryBackend([planet, gazette, bugle]);
      const searches = held(async () => (await memory.listArticles()).map((a) => hit(a)));
      const library = new Library({ ...memory, searchArticles: searches.call }, new Banner(), new UndoOffer(), { searchDelayMs: 0 });
      await library.refresh();
      library.setQuery('strike');
      await settle(); // the search read all three
      library.selectOnly([2]);
      await library.deleteSelected();
      searches.release(0);
      await settle();
      searches.release(1);
      await settle();
      expect(library.searching).toBe(false);
      expect(library.order).toEqual([1, 3]);
    });
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
        new UndoOffer(),
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
        new UndoOffer(),
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

    it('lets no answer to an older query in while a newer query waits for typing to stop', async () => {
      const answers = new Map([
        ['port', deferred<ReturnType<typeof hit>[]>()],
        ['port strike', deferred<ReturnType<typeof hit>[]>()],
      ]);
      const library = new Library(
        backendWith({ searchArticles: (query) => answers.get(query)!.promise }),
        new Banner(),
        new UndoOffer(),
        { searchDelayMs: 100 },
      );
      library.setQuery('port');
      await vi.advanceTimersByTimeAsync(100); // "port" is being searched
      library.setQuery('port strike'); // still waiting for typing to stop
      answers.get('port')!.resolve([hit(planet), hit(gazette)]);
      await settle();
      expect(library.hits).toBeNull();
      expect(library.searching).toBe(true);
      await vi.advanceTimersByTimeAsync(100);
      answers.get('port strike')!.resolve([hit(planet)]);
      await settle();
      expect(library.order).toEqual([1]);
      expect(library.searching).toBe(false);
    });

    it('flushSearch runs the waiting search now and waits for its answer', async () => {
      const asked: string[] = [];
      const library = new Library(
        backendWith({
          searchArticles: async (query) => {
            asked.push(query);
            return [hit(bugle)];
          },
        }),
        new Banner(),
        new UndoOffer(),
        { searchDelayMs: 100 },
      );
      library.setQuery('questions');
      await library.flushSearch();
      expect(library.order).toEqual([3]);
      expect(library.searching).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect(asked).toEqual(['questions']);
    });

    it('keeps the library order while the first answer is on its way', async () => {
      const answer = deferred<ReturnType<typeof hit>[]>();
      const library = new Library(
        { ...memoryBackend([planet, gazette, bugle]), searchArticles: () => answer.promise },
        new Banner(),
        new UndoOffer(),
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
        new UndoOffer(),
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

    it('saves the open edit before opening another row', async () => {
      const library = new Library(memoryBackend([planet, gazette]), new Banner());
      await library.refresh();
      await library.startEdit(1);
      library.editing!.draft.title = 'Port strike over';
      expect(await library.startEdit(2)).toBe(true);
      expect(library.editing?.id).toBe(2);
      expect(library.byId(1)?.title).toBe('Port strike over');
    });

    it('keeps an edit that can’t be saved open, with the reason, instead of opening another', async () => {
      const library = new Library(memoryBackend([planet, gazette]), new Banner());
      await library.refresh();
      await library.startEdit(1);
      library.editing!.draft.published = '03/04/2024';
      expect(await library.startEdit(2)).toBe(false);
      expect(library.editing?.id).toBe(1);
      expect(library.editing?.draft.published).toBe('03/04/2024');
      expect(library.editing?.errorField).toBe('published');
    });

    it('reports a refused save in the banner when its row was closed meanwhile', async () => {
      const answer = deferred<ArticleSummary>();
      const banner = new Banner();
      const library = new Library({ ...memoryBackend([planet]), updateArticle: () => answer.promise }, banner);
      await library.refresh();
      await library.startEdit(1);
      library.editing!.draft.title = 'New title';
      const saving = library.saveEdit();
      library.cancelEdit();
      answer.reject({ code: 'database', message: 'disk full' });
      expect(await saving).toBe(false);
      expect(banner.notices[0]).toMatchObject({ context: 'Couldn’t save “New title”', message: 'disk full' });
    });

    it('Enter edits a row on screen: not the cursor’s when a search hides it', async () => {
      const library = await searchingForGazette();
      library.click(1, { shift: false, toggle: false });
      library.selectAll();
      library.setQuery('dockers');
      await settle();
      expect(library.selection.cursor).toBe(1);
      expect(library.cursorRow).toBeNull();
      await library.editCursor();
      expect(library.editing?.id).toBe(2);
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

  describe('the outlet of several articles', () => {
    it('sets it on the selection at once, and Undo gives each article its own back', async () => {
      const undo = new UndoOffer();
      const library = new Library(memoryBackend([planet, gazette, bugle]), new Banner(), undo);
      await library.refresh();
      const before = new Map(library.articles.map((a) => [a.id, a.outlet]));
      library.click(library.order[0]!, { shift: false, toggle: false });
      library.click(library.order.at(-1)!, { shift: true, toggle: false });
      const ids = library.selectedIds;
      expect(ids.length).toBe(3);
      expect(await library.setOutletOfSelected('  Coastline News ')).toBe(true);
      expect(library.articles.every((a) => a.outlet === 'Coastline News')).toBe(true);
      expect(undo.pending?.label).toBe('Outlet of 3 articles set to Coastline News');
      expect(await undo.undo()).toBe(true);
      expect(new Map(library.articles.map((a) => [a.id, a.outlet]))).toEqual(before);
    });
  });

  describe('delete and undo', () => {
    it('deletes the selection, offers Undo for 10 s, and Undo brings the rows back selected', async () => {
      const undo = new UndoOffer();
      const library = new Library(memoryBackend([planet, gazette, bugle]), new Banner(), undo);
      await library.refresh();
      library.click(3, { shift: false, toggle: false });
      library.click(1, { shift: true, toggle: false });
      await library.deleteSelected();
      expect(library.order).toEqual([2]);
      expect(undo.pending?.label).toBe('Deleted 2 articles');
      // The cursor lands on the row that took the deleted rows' place.
      expect(library.selection.cursor).toBe(2);
      expect(library.selectedIds).toEqual([]);

      await vi.advanceTimersByTimeAsync(9_000);
      expect(await undo.undo()).toBe(true);
      expect(undo.pending).toBeNull();
      expect(library.order).toEqual([2, 3, 1]);
      expect(library.selectedIds).toEqual([3, 1]);
    });

    it('asks before deleting an article a session compares; taken out, Undo puts it back in its column', async () => {
      const undo = new UndoOffer();
      const sessions = new Map([[7, { name: 'Strike coverage', articles: [2, 1] }]]);
      const library = new Library(memoryBackend([planet, gazette, bugle], sessions), new Banner(), undo);
      await library.refresh();
      library.selectOnly([1]);
      await library.deleteSelected();
      // Nothing deleted yet: the question is asked.
      expect(library.order).toContain(1);
      expect(library.pendingDelete?.uses).toEqual([{ article: 1, session: 7, sessionName: 'Strike coverage', notes: 0 }]);

      await library.confirmDelete(true);
      expect(library.pendingDelete).toBeNull();
      expect(library.order).not.toContain(1);
      expect(sessions.get(7)!.articles).toEqual([2]);

      expect(await undo.undo()).toBe(true);
      expect(library.order).toContain(1);
      expect(sessions.get(7)!.articles).toEqual([2, 1]);
    });

    it('keeps the article in its sessions when asked to, and deletes nothing on Cancel', async () => {
      const sessions = new Map([[7, { name: 'Strike coverage', articles: [2, 1] }]]);
      const library = new Library(memoryBackend([planet, gazette, bugle], sessions), new Banner());
      await library.refresh();
      library.selectOnly([1]);
      await library.deleteSelected();
      library.cancelDelete();
      expect(library.pendingDelete).toBeNull();
      expect(library.order).toContain(1);

      await library.deleteSelected();
      await library.confirmDelete(false);
      expect(library.order).not.toContain(1);
      expect(sessions.get(7)!.articles).toEqual([2, 1]);
    });

    it('lets the Undo offer lapse after its time', async () => {
      const undo = new UndoOffer(10_000);
      const library = new Library(memoryBackend([planet]), new Banner(), undo);
      await library.refresh();
      library.selectOnly([1]);
      await library.deleteSelected();
      expect(undo.pending?.label).toBe('Deleted “Port strike ends”');
      await vi.advanceTimersByTimeAsync(10_001);
      expect(undo.pending).toBeNull();
      expect(await undo.undo()).toBe(false);
      expect(library.isEmpty).toBe(true);
    });

    it('pauses the Undo countdown while the toast is held', async () => {
      const undo = new UndoOffer(10_000);
      const library = new Library(memoryBackend([planet]), new Banner(), undo);
      await library.refresh();
      library.selectOnly([1]);
      await library.deleteSelected();
      await vi.advanceTimersByTimeAsync(6_000);
      undo.hold(true);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(undo.pending).not.toBeNull();
      undo.hold(false);
      await vi.advanceTimersByTimeAsync(3_999);
      expect(undo.pending).not.toBeNull();
      await vi.advanceTimersByTimeAsync(2);
      expect(undo.pending).toBeNull();
    });

    it('deletes only what is on screen when a search hides some selected rows', async () => {
      const library = await searchingForGazette();
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

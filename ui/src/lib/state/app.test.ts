import { describe, expect, it } from 'vitest';
import type { DragDropEvent } from '../api';
import type { SideBySide } from '../bindings/SideBySide';
import { article, backendWith, column, deferred, run, sideBySide } from '../testing/factories';
import { AppState } from './app.svelte';

const a = article({ id: 1, published: '2024-01-03' });
const b = article({ id: 2, published: '2024-01-02' });
const c = article({ id: 3, published: '2024-01-01' });

function diff(): SideBySide {
  return sideBySide(
    column([[run('Police', 'deleted', 0), run(' said.')]], a),
    column([[run('Officials', 'inserted', 0), run(' said.'), run(' Two were hurt.', 'inserted', 1)]], b),
    2,
  );
}

describe('AppState', () => {
  it('opens the side-by-side view for two selected articles and comes back with the selection', async () => {
    const answer = deferred<SideBySide>();
    const asked: [number, number][] = [];
    const app = new AppState(
      backendWith({
        listArticles: async () => [a, b, c],
        libraryInfo: async () => ({ articleCount: 3, databasePath: '', logPath: '' }),
        compareArticles: (left, right) => {
          asked.push([left, right]);
          return answer.promise;
        },
      }),
    );
    await app.start();
    app.perform('cursorDown');
    app.perform('extendDown');
    expect(app.perform('compare')).toBe(true);
    expect(app.view).toBe('compare');
    expect(asked).toEqual([[1, 2]]);
    expect(app.comparison.loading).toBe(true);

    answer.resolve(diff());
    await Promise.resolve();
    await Promise.resolve();
    expect(app.comparison.total).toBe(2);
    app.perform('nextChange');
    app.perform('nextChange');
    app.perform('nextChange');
    expect(app.comparison.current).toBe(1);
    app.perform('previousChange');
    expect(app.comparison.current).toBe(0);

    app.perform('back');
    expect(app.view).toBe('library');
    expect(app.comparison.result).toBeNull();
    expect(app.library.selectedIds).toEqual([1, 2]);
  });

  it('explains why Compare needs exactly two articles', async () => {
    const app = new AppState(backendWith({ listArticles: async () => [a, b, c] }));
    await app.start();
    app.perform('selectAll');
    app.compareSelected();
    expect(app.view).toBe('library');
    expect(app.hint).toContain('exactly two');
  });

  it('shows a comparison error inside the view, and a late answer after Back is dropped', async () => {
    const answer = deferred<SideBySide>();
    const app = new AppState(
      backendWith({ listArticles: async () => [a, b], compareArticles: () => answer.promise }),
    );
    await app.start();
    app.perform('selectAll');
    app.compareSelected();
    app.back();
    answer.resolve(diff());
    await Promise.resolve();
    expect(app.comparison.result).toBeNull();
    expect(app.comparison.loading).toBe(false);
  });

  it('Esc closes the import report first, then clears the selection', async () => {
    const app = new AppState(
      backendWith({ listArticles: async () => [a, b], importSample: async () => ({ imported: [], duplicates: [], failed: [] }) }),
    );
    await app.start();
    app.perform('selectAll');
    await app.importer.importSample();
    expect(app.importer.report).not.toBeNull();
    app.perform('dismiss');
    expect(app.importer.report).toBeNull();
    expect(app.library.selectedIds).toHaveLength(2);
    app.perform('dismiss');
    expect(app.library.selectedIds).toHaveLength(0);
    expect(app.perform('dismiss')).toBe(false);
  });

  it('reveals an imported article: leaves the search and selects it', async () => {
    const app = new AppState(
      backendWith({ listArticles: async () => [a, b, c], searchArticles: async () => [] }),
      { searchDelayMs: 0 },
    );
    await app.start();
    app.library.setQuery('nothing');
    app.reveal(3);
    expect(app.library.isSearching).toBe(false);
    expect(app.library.selectedIds).toEqual([3]);
  });

  it('says so when the article to reveal was deleted since the import', async () => {
    const app = new AppState(
      backendWith({
        listArticles: async () => [a, b],
        deleteArticles: async (ids) => ids.length,
      }),
    );
    await app.start();
    app.library.selectOnly([2]);
    await app.library.deleteSelected();
    app.reveal(2);
    expect(app.hint).toContain('no longer in the library');
    expect(app.library.selection.ids.has(2)).toBe(false);
  });

  it('won’t leave unsaved typing in an inline edit for the side-by-side view', async () => {
    const app = new AppState(backendWith({ listArticles: async () => [a, b], compareArticles: async () => diff() }));
    await app.start();
    app.perform('selectAll');
    await app.library.startEdit(1);
    app.library.editing!.draft.title = 'Typed but not saved';
    expect(app.compareSelected()).toBe(false);
    expect(app.view).toBe('library');
    expect(app.hint).toContain('Save the edit');
    expect(app.library.editing?.draft.title).toBe('Typed but not saved');
    app.library.editing!.draft.title = a.title;
    expect(app.compareSelected()).toBe(true);
    expect(app.library.editing).toBeNull();
  });

  it('takes a drop made over the side-by-side view back to the library, where its progress shows', async () => {
    let drop: (event: DragDropEvent) => void = () => {};
    const imported: string[][] = [];
    const app = new AppState(
      backendWith({
        listArticles: async () => [a, b],
        compareArticles: async () => diff(),
        importPaths: async (paths) => {
          imported.push(paths);
          return { imported: [], duplicates: [], failed: [] };
        },
        onDragDrop: async (handler) => {
          drop = handler;
          return () => {};
        },
      }),
    );
    await app.start();
    app.perform('selectAll');
    app.compareSelected();
    drop({ type: 'enter', paths: ['/n/x.txt'] });
    expect(app.importer.dragging).toBe(true);
    expect(app.view).toBe('compare');
    drop({ type: 'drop', paths: ['/n/x.txt'] });
    expect(app.view).toBe('library');
    expect(imported).toEqual([['/n/x.txt']]);
  });
});

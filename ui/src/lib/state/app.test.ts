import { describe, expect, it, vi } from 'vitest';
import type { DragDropEvent } from '../api';
import type { SessionView } from '../bindings/SessionView';
import {
  alignedRow,
  article,
  backendWith,
  deferred,
  sentence,
  sessionSummary,
  sessionView,
} from '../testing/factories';
import { AppState, defaultSessionName } from './app.svelte';

const a = article({ id: 1, published: '2024-01-03', title: 'Port strike ends after talks' });
const b = article({ id: 2, published: '2024-01-02' });
const c = article({ id: 3, published: '2024-01-01' });

function view(): SessionView {
  return sessionView(
    [a, b],
    [
      alignedRow([
        [sentence(0, 'Dockers return.', { runs: [{ text: 'Dockers return.', start: 0, changed: true, notes: [], quote: null, shared: false }] })],
        [sentence(0, 'Dockers go back.')],
      ]),
      alignedRow([[sentence(1, 'Police said.', { onlyHere: true })], null]),
      alignedRow([[sentence(2, 'Talks ended.')], [sentence(1, 'Talks are over.')]], { differs: false }),
    ],
  );
}

describe('AppState', () => {
  it('names a session for the selected articles, creates and opens it, and comes back with the selection', async () => {
    const answer = deferred<SessionView>();
    const created: [string, number[]][] = [];
    const app = new AppState(
      backendWith({
        listArticles: async () => [a, b, c],
        libraryInfo: async () => ({ articleCount: 3, databasePath: '', logPath: '' }),
        createSession: async (name, articles) => {
          created.push([name, articles]);
          return sessionSummary({ id: 7, name, articles });
        },
        openSession: () => answer.promise,
        listTags: async () => [],
        saveViewState: async () => {},
      }),
    );
    await app.start();
    app.perform('cursorDown');
    app.perform('extendDown');
    expect(app.perform('compare')).toBe(true);
    expect(app.sessions.draft).toEqual({ name: 'Port strike ends after talks', articles: [1, 2] });
    expect(app.view).toBe('library');
    const opening = app.createSession();
    await vi.waitFor(() => expect(app.view).toBe('session'));
    expect(created).toEqual([['Port strike ends after talks', [1, 2]]]);
    expect(app.view).toBe('session');
    expect(app.session.loading).toBe(true);
    expect(app.sessions.list.map((s) => s.id)).toEqual([7]);

    answer.resolve(view());
    await opening;
    expect(app.session.differences.total).toBe(2);
    app.perform('nextChange');
    app.perform('nextChange');
    app.perform('nextChange');
    expect(app.session.state.currentRow).toBe(1);
    app.perform('previousChange');
    expect(app.session.state.currentRow).toBe(0);
    app.perform('nextOnlyHere');
    expect(app.session.state.currentRow).toBe(1);

    app.perform('back');
    expect(app.view).toBe('library');
    expect(app.session.view).toBeNull();
    expect(app.library.selectedIds).toEqual([1, 2]);
  });

  it('explains why Compare needs two to eight articles', async () => {
    const many = Array.from({ length: 9 }, (_, i) => article({ id: 10 + i }));
    const app = new AppState(backendWith({ listArticles: async () => many }));
    await app.start();
    app.library.selectOnly([10]);
    expect(app.compareSelected()).toBe(false);
    expect(app.hint).toContain('Select 2 to 8 articles');
    app.perform('selectAll');
    expect(app.compareSelected()).toBe(false);
    expect(app.hint).toContain('at most 8');
    expect(app.sessions.draft).toBeNull();
  });

  it('suggests the first title as the session name, shortened', () => {
    expect(defaultSessionName(['  Floodgate fails  ', 'Other'])).toBe('Floodgate fails');
    expect(defaultSessionName([''])).toBe('Comparison');
    expect(defaultSessionName(['x'.repeat(100)])).toHaveLength(70);
  });

  it('keeps the dialog open with the reason when creating fails', async () => {
    const app = new AppState(
      backendWith({
        listArticles: async () => [a, b],
        createSession: () => Promise.reject({ code: 'not_found', message: 'no article with id 2' }),
      }),
    );
    await app.start();
    app.perform('selectAll');
    app.compareSelected();
    expect(await app.createSession()).toBe(false);
    expect(app.view).toBe('library');
    expect(app.sessions.createError).toContain('no article with id 2');
    expect(app.sessions.draft).not.toBeNull();
  });

  it('drops a late answer after Back', async () => {
    const answer = deferred<SessionView>();
    const app = new AppState(backendWith({ listArticles: async () => [a, b], openSession: () => answer.promise }));
    await app.start();
    const opening = app.openSession(1);
    app.back();
    answer.resolve(view());
    await opening;
    expect(app.session.view).toBeNull();
    expect(app.session.loading).toBe(false);
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

  it('won’t leave unsaved typing in an inline edit for a session', async () => {
    const app = new AppState(
      backendWith({
        listArticles: async () => [a, b],
        createSession: async (name, articles) => sessionSummary({ name, articles }),
        openSession: async () => view(),
        listTags: async () => [],
      }),
    );
    await app.start();
    app.perform('selectAll');
    await app.library.startEdit(1);
    app.library.editing!.draft.title = 'Typed but not saved';
    expect(app.compareSelected()).toBe(false);
    expect(app.hint).toContain('Save the edit');
    expect(app.library.editing?.draft.title).toBe('Typed but not saved');
    app.library.editing!.draft.title = a.title;
    expect(app.compareSelected()).toBe(true);
    expect(await app.createSession()).toBe(true);
    expect(app.view).toBe('session');
    expect(app.library.editing).toBeNull();
  });

  it('takes a drop made over a session back to the library, where its progress shows', async () => {
    let drop: (event: DragDropEvent) => void = () => {};
    const imported: string[][] = [];
    const app = new AppState(
      backendWith({
        listArticles: async () => [a, b],
        openSession: async () => view(),
        listTags: async () => [],
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
    await app.openSession(1);
    drop({ type: 'enter', paths: ['/n/x.txt'] });
    expect(app.importer.dragging).toBe(true);
    expect(app.view).toBe('session');
    drop({ type: 'drop', paths: ['/n/x.txt'] });
    expect(app.view).toBe('library');
    expect(imported).toEqual([['/n/x.txt']]);
  });

  it('opens a bundle a colleague sent: the library and sessions refreshed, its session opened; a failure is reported', async () => {
    const opened: string[] = [];
    let sessions = [] as ReturnType<typeof sessionSummary>[];
    const app = new AppState(
      backendWith({
        listArticles: async () => [a, b, c],
        libraryInfo: async () => ({ articleCount: 3, databasePath: '', logPath: '' }),
        listSessions: async () => sessions,
        pickBundle: async () => '/home/me/shared.parallax.json',
        openBundle: async (path) => {
          opened.push(path);
          if (opened.length > 1) throw { code: 'invalidInput', message: 'this file is not a Parallax session bundle' };
          sessions = [sessionSummary({ id: 9, name: 'From a colleague', articles: [1, 2] })];
          return { session: sessions[0]!, imported: [1], existing: [2], notes: 3, orphaned: 0 };
        },
        openSession: async () => view(),
        listTags: async () => [],
        saveViewState: async () => {},
      }),
    );
    await app.start();
    expect(await app.openBundle()).toBe(true);
    expect(opened).toEqual(['/home/me/shared.parallax.json']);
    expect(app.view).toBe('session');
    expect(app.session.id).toBe(9);
    expect(app.sessions.byId(9)?.name).toBe('From a colleague');
    app.back();
    expect(await app.openBundle()).toBe(false);
    expect(app.banner.notices[0]).toMatchObject({ context: 'Couldn’t open the bundle', message: expect.stringContaining('not a Parallax session bundle') });
  });
});

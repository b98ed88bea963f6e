import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../api';
import type { NewNote } from '../bindings/NewNote';
import type { Note } from '../bindings/Note';
import type { SessionView } from '../bindings/SessionView';
import type { JsonValue } from '../bindings/serde_json/JsonValue';
import { alignedRow, article, backendWith, deferred, note, sentence, sessionSummary, sessionView, type SessionViewOverrides } from '../testing/factories';
import { parseViewState } from '../viewState';
import { Banner } from './banner.svelte';
import { OpenSession } from './session.svelte';
import { Sessions } from './sessions.svelte';
import { UndoOffer } from './undo.svelte';

const a = article({ id: 1, title: 'Gate fails', outlet: 'Wire' });
const b = article({ id: 2, title: 'Night of water', outlet: 'Ledger' });
const c = article({ id: 3, title: 'Warnings ignored', outlet: 'Standard' });

function changed(index: number, text: string) {
  return sentence(index, text, { runs: [{ text, start: index * 100, changed: true, notes: [], quote: null, shared: false }] });
}

function viewOf(overrides: SessionViewOverrides = {}): SessionView {
  return sessionView(
    [a, b],
    [
      alignedRow([[changed(0, 'The gate failed at dawn.')], [changed(0, 'The gate gave way early.')]]),
      alignedRow([[sentence(1, 'No one was hurt.', { onlyHere: true })], null]),
      alignedRow([[sentence(2, 'Talks resume.')], [sentence(1, 'Talks resume.')]], { differs: false }),
      alignedRow([null, [sentence(2, 'A ferry sailed.', { onlyHere: true })]]),
    ],
    overrides,
  );
}

/** A backend that keeps what the session saves, as the real one would. */
function fakeBackend(overrides: Partial<Backend> = {}) {
  let viewState: JsonValue = {};
  const saved: JsonValue[] = [];
  const opened: (number | null)[] = [];
  const notes: Note[] = [];
  const backend = backendWith({
    openSession: async (_id, pivot) => {
      opened.push(pivot);
      return viewOf({ viewState, notes: [...notes], pivot: pivot ?? 1 });
    },
    saveViewState: async (_id, state) => {
      viewState = state;
      saved.push(state);
    },
    listTags: async () => [{ name: 'numbers', notes: 2 }],
    addNote: async (n: NewNote) => {
      const made = note({ id: 50 + notes.length, article: n.article, quote: n.quote, body: n.body, tags: n.tags });
      notes.push(made);
      return made;
    },
    updateNote: async (id, body, tags) => {
      const i = notes.findIndex((n) => n.id === id);
      notes[i] = { ...notes[i]!, body, tags };
      return notes[i]!;
    },
    deleteNote: async (id) => {
      notes.splice(
        notes.findIndex((n) => n.id === id),
        1,
      );
    },
    ...overrides,
  });
  return { backend, saved, opened, notes };
}

function open(backend: Backend) {
  const banner = new Banner();
  const undo = new UndoOffer();
  const sessions = new Sessions(backend, banner, undo);
  const session = new OpenSession(backend, banner, undo, sessions, { saveDelayMs: 100, searchDelayMs: 0 });
  return { session, sessions, undo, banner };
}

describe('OpenSession', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reopens as it was left: tab, pivot, columns, scroll and panel', async () => {
    const state = {
      tab: 'overview',
      pivot: 2,
      visibleColumns: 2,
      scroll: { row: 3, offset: 12, column: 1 },
      panel: 'notes',
      currentRow: 2,
    };
    const { backend, opened } = fakeBackend({
      openSession: async (_id, pivot) => {
        opened.push(pivot);
        return viewOf({ viewState: JSON.stringify(state), pivot: 2 });
      },
    });
    const { session } = open(backend);
    await session.open(1);
    // The backend is asked for the pivot the session was left with (null: "the saved one").
    expect(opened).toEqual([null]);
    expect(session.state).toEqual(state);
    expect(session.scrollRequest).toMatchObject({ row: 3, offset: 12, column: 1 });
    await vi.runAllTimersAsync();
    expect(session.tags.map((t) => t.name)).toEqual(['numbers']);
  });

  it('saves the view state shortly after the last change, once, and on leaving', async () => {
    const { backend, saved } = fakeBackend();
    const { session } = open(backend);
    await session.open(1);
    session.setVisibleColumns(4);
    session.recordScroll({ row: 2, offset: 5, column: 0 });
    session.toggleNotes();
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(saved).toHaveLength(1);
    expect(parseViewState(saved[0]!)).toMatchObject({ visibleColumns: 4, panel: 'notes', scroll: { row: 2, offset: 5 } });

    session.setTab('overview');
    await session.close();
    expect(saved).toHaveLength(2);
    expect(parseViewState(saved[1]!).tab).toBe('overview');
    expect(session.view).toBeNull();
  });

  it('steps through differences and only-here sentences from where the reader is', async () => {
    const { backend } = fakeBackend();
    const { session } = open(backend);
    await session.open(1);
    session.lastVisibleRow = 10; // everything on screen
    expect(session.differences).toEqual({ rank: 0, total: 3 });
    expect(session.step('difference', 1)).toBe(true);
    expect(session.state.currentRow).toBe(0);
    session.step('difference', 1);
    expect(session.state.currentRow).toBe(1);
    session.step('difference', 1);
    expect(session.state.currentRow).toBe(3);
    expect(session.step('difference', 1)).toBe(false);
    expect(session.hint).toContain('No difference below');
    expect(session.step('onlyHere', -1)).toBe(true);
    expect(session.state.currentRow).toBe(1);
    // The only-here sentence of the second column: that column is brought into view.
    session.step('onlyHere', 1, 1);
    expect(session.state.currentRow).toBe(3);
    expect(session.scrollRequest).toMatchObject({ row: 3, column: 1, offset: null });
  });

  it('switches the pivot and reads the session again against it', async () => {
    const { backend, opened, saved } = fakeBackend();
    const { session } = open(backend);
    await session.open(1);
    await session.setPivot(2);
    expect(opened).toEqual([null, 2]);
    expect(session.state.pivot).toBe(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(parseViewState(saved.at(-1)!).pivot).toBe(2);
    // Not an article of the session: nothing happens.
    await session.setPivot(99);
    expect(opened).toEqual([null, 2]);
  });

  it('lights up the counterparts of the sentence under the pointer', async () => {
    const { backend } = fakeBackend();
    const { session } = open(backend);
    await session.open(1);
    session.hover({ row: 0, column: 0, sentence: 0 });
    expect([...session.highlighted]).toEqual(['1:0']);
    session.hover(null);
    expect(session.highlighted.size).toBe(0);
  });

  it('makes a note on a selection, opens it, saves edits in order, and deletes it with undo', async () => {
    const { backend, notes } = fakeBackend({
      restoreNote: async () => {},
    });
    const { session, undo } = open(backend);
    await session.open(1);
    expect(await session.addNoteOnSelection()).toBeNull();
    expect(session.hint).toContain('Select some text');

    session.select({ column: 1, quote: 'gave way', prefix: 'The gate ', suffix: ' early.', near: 0 });
    const made = await session.addNoteOnSelection();
    expect(made).not.toBeNull();
    expect(notes[0]).toMatchObject({ article: 2, quote: { exact: 'gave way' }, body: '' });
    expect(session.editing).toBe(made!.id);
    expect(session.state.panel).toBe('notes');
    expect(session.view!.notes).toHaveLength(1);

    const first = session.saveNote(made!.id, 'Earlier', []);
    const second = session.saveNote(made!.id, 'Earlier than the wire says', ['timing']);
    await Promise.all([first, second]);
    expect(notes[0]).toMatchObject({ body: 'Earlier than the wire says', tags: ['timing'] });
    expect(session.view!.notes[0]!.body).toBe('Earlier than the wire says');

    await session.deleteNote(made!.id);
    expect(session.view!.notes).toHaveLength(0);
    expect(undo.pending?.label).toContain('gave way');
  });

  it('creates a session note on its first save with text', async () => {
    const { backend, notes } = fakeBackend();
    const { session } = open(backend);
    await session.open(1);
    session.startSessionNote();
    expect(session.editing).toBe('session');
    expect(await session.saveNote('session', '   ', [])).toBeNull();
    expect(notes).toHaveLength(0);
    // Two saves at once (typing, then leaving the field) make one note, then update it.
    const [made, again] = await Promise.all([
      session.saveNote('session', 'Ask the agency', ['follow-up']),
      session.saveNote('session', 'Ask the agency for the 2023 report.', ['follow-up']),
    ]);
    expect(notes).toHaveLength(1);
    expect(made?.article).toBeNull();
    expect(again?.id).toBe(made!.id);
    expect(notes[0]!.body).toBe('Ask the agency for the 2023 report.');
    // The editor stays the same one while it is open.
    expect(session.editing).toBe('session');
    expect(session.draftNoteId).toBe(made!.id);
    session.finishEditing('session');
    expect(session.editing).toBeNull();
    expect(session.draftNoteId).toBeNull();
  });

  it('starts the next difference from the top of the view once the reader scrolled away', async () => {
    const { backend } = fakeBackend();
    const { session } = open(backend);
    await session.open(1);
    session.goToRow(0);
    session.recordScroll({ row: 2, offset: 0, column: 0 });
    session.lastVisibleRow = 3;
    session.step('difference', 1);
    expect(session.state.currentRow).toBe(3);
  });

  it('adds and removes articles, never below two, and undoes a removal', async () => {
    let members = [1, 2];
    const sets: number[][] = [];
    const { backend } = fakeBackend({
      openSession: async () => viewOf({ session: sessionSummary({ articles: members }), articles: [a, b, c].filter((x) => members.includes(x.id)) }),
      setSessionArticles: async (_id, ids) => {
        sets.push(ids);
        members = ids;
        return sessionSummary({ articles: ids });
      },
    });
    const { session, undo } = open(backend);
    await session.open(1);
    expect(await session.removeArticle(2)).toBe(false);
    expect(session.hint).toContain('at least 2');
    expect(await session.addArticles([3, 1])).toBe(true);
    expect(sets).toEqual([[1, 2, 3]]);
    expect(await session.removeArticle(2)).toBe(true);
    expect(sets.at(-1)).toEqual([1, 3]);
    expect(undo.pending?.label).toContain('Night of water');
    await undo.undo();
    expect(sets.at(-1)).toEqual([1, 2, 3]);
  });

  it('shows an error in the view when the session cannot be opened, and drops stale answers', async () => {
    const late = deferred<SessionView>();
    let calls = 0;
    const { backend } = fakeBackend({
      openSession: () => {
        calls++;
        return calls === 1 ? late.promise : Promise.reject({ code: 'not_found', message: 'no session with id 2' });
      },
    });
    const { session } = open(backend);
    const first = session.open(1);
    await session.open(2);
    expect(session.error).toBe('no session with id 2');
    late.resolve(viewOf());
    await first;
    expect(session.view).toBeNull();
    expect(session.id).toBe(2);
  });

  it('jumps to a note’s passage, or says it is gone', async () => {
    const view = viewOf();
    view.analysis!.layout!.rows[2]!.cells[1]![0]!.runs = [{ text: 'Talks resume.', start: 100, changed: false, notes: [9], quote: null, shared: false }];
    const { backend } = fakeBackend({ openSession: async () => view });
    const { session } = open(backend);
    await session.open(1);
    session.setTab('overview');
    expect(session.jumpToNote(9)).toBe(true);
    expect(session.state.tab).toBe('side');
    expect(session.scrollRequest).toMatchObject({ row: 2, column: 1, note: 9 });
    expect(session.jumpToNote(10)).toBe(false);
    expect(session.hint).toContain('no longer in the text');
  });

  it('opens the words behind a framing figure lit up in the text, and forgets them with the session', async () => {
    const { backend } = fakeBackend();
    const { session } = open(backend);
    await session.open(1);
    session.toggleFraming();
    expect(session.state.tab).toBe('framing');
    // Article 2's "Talks resume." sits in row 2 (its sentence 1 starts at byte 100).
    session.showSpans(2, [[100, 105]], 'talks');
    expect(session.state.tab).toBe('side');
    expect(session.emphasis).toEqual({ column: 1, spans: [[100, 105]], label: 'talks', index: 0 });
    session.stepEmphasis(1);
    expect(session.emphasis?.index).toBe(0);
    expect(session.scrollRequest).toMatchObject({ row: 2, column: 1 });
    session.toggleFraming();
    expect(session.state.tab).toBe('framing');
    session.toggleFraming();
    expect(session.state.tab).toBe('side');
    // From the overview, F goes to the framing view too.
    session.setTab('overview');
    session.toggleFraming();
    expect(session.state.tab).toBe('framing');
    session.setTab('side');
    session.clearEmphasis();
    expect(session.emphasis).toBeNull();
    session.showSpans(2, [[100, 105]], 'talks');
    await session.close();
    expect(session.emphasis).toBeNull();
    // An article not in the session, or no spans: nothing happens.
    await session.open(1);
    session.showSpans(99, [[0, 4]], 'nothing');
    session.showSpans(1, [], 'nothing');
    expect(session.emphasis).toBeNull();
  });

  it('exports a report after saving what changed, and keeps a failure to show', async () => {
    const calls: string[] = [];
    const { backend } = fakeBackend({
      exportSession: async (id, format, path) => {
        calls.push(`export ${id} ${format} ${path}`);
        if (path === 'bad') throw { code: 'io', message: 'could not write bad: no such folder' };
        return [`/home/me/Documents/${path}`];
      },
    });
    const { session } = open(backend);
    await session.open(1);
    session.openExport();
    expect(session.exportOpen).toBe(true);
    const files = await session.exportReport('html', 'Gate.html');
    expect(files).toEqual(['/home/me/Documents/Gate.html']);
    expect(session.exportResult).toEqual({ files: ['/home/me/Documents/Gate.html'] });
    expect(await session.exportReport('md', 'bad')).toBeNull();
    expect(session.exportResult).toEqual({ error: expect.stringContaining('could not write bad') });
    expect(session.exporting).toBe(false);
    expect(calls).toEqual(['export 1 html Gate.html', 'export 1 md bad']);
    await session.close();
    expect(session.exportOpen).toBe(false);
    // An export that ends after its session was left shows nowhere.
    await session.open(1);
    const late = session.exportReport('json', 'late.json');
    await session.close();
    await late;
    expect(session.exportResult).toBeNull();
  });
});

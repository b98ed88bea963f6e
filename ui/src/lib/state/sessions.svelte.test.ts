import { describe, expect, it } from 'vitest';
import { backendWith, sessionSummary } from '../testing/factories';
import { Banner } from './banner.svelte';
import { Sessions } from './sessions.svelte';
import { UndoOffer } from './undo.svelte';

describe('Sessions', () => {
  it('lists, renames and duplicates, most recently changed first', async () => {
    const one = sessionSummary({ id: 1, name: 'One' });
    const two = sessionSummary({ id: 2, name: 'Two' });
    const sessions = new Sessions(
      backendWith({
        listSessions: async () => [two, one],
        renameSession: async (id, name) => sessionSummary({ id, name }),
        duplicateSession: async (id) => sessionSummary({ id: 3, name: `${id === 1 ? 'One' : 'Two'} (copy)` }),
      }),
      new Banner(),
      new UndoOffer(),
    );
    await sessions.refresh();
    expect(sessions.list.map((s) => s.id)).toEqual([2, 1]);
    expect(await sessions.rename(1, 'First')).toBe(true);
    expect(sessions.list.map((s) => [s.id, s.name])).toEqual([
      [1, 'First'],
      [2, 'Two'],
    ]);
    await sessions.duplicate(2);
    expect(sessions.list[0]).toMatchObject({ id: 3, name: 'Two (copy)' });
  });

  it('refuses a blank name before asking the backend, and keeps the dialog with the reason', async () => {
    let asked = 0;
    const sessions = new Sessions(
      backendWith({
        createSession: async () => {
          asked++;
          throw { code: 'invalid_input', message: 'a session compares 2 to 8 articles, not 1' };
        },
      }),
      new Banner(),
      new UndoOffer(),
    );
    sessions.startDraft([1, 2], '   ');
    expect(await sessions.createDraft()).toBeNull();
    expect(sessions.createError).toBe('Give the session a name.');
    expect(asked).toBe(0);
    sessions.draft!.name = 'Flood';
    expect(await sessions.createDraft()).toBeNull();
    expect(sessions.createError).toContain('2 to 8');
    expect(sessions.draft).not.toBeNull();
  });

  it('deletes with an Undo that restores the session', async () => {
    const one = sessionSummary({ id: 1, name: 'One' });
    let deleted = false;
    const undo = new UndoOffer();
    const sessions = new Sessions(
      backendWith({
        listSessions: async () => (deleted ? [] : [one]),
        deleteSession: async () => {
          deleted = true;
        },
        restoreSession: async () => {
          deleted = false;
        },
      }),
      new Banner(),
      undo,
    );
    await sessions.refresh();
    expect(await sessions.remove(1)).toBe(true);
    expect(sessions.list).toEqual([]);
    expect(undo.pending?.label).toBe('Deleted the session “One”');
    await undo.undo();
    expect(sessions.list.map((s) => s.id)).toEqual([1]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Trash } from '../bindings/Trash';
import { CommandFailure } from '../errors';
import { backendWith } from '../testing/factories';
import { AppState } from './app.svelte';
import { Banner } from './banner.svelte';
import { Housekeeping, backupName, trashSummary } from './housekeeping.svelte';

describe('trashSummary', () => {
  it('names the parts there are', () => {
    expect(trashSummary({ articles: 1, notes: 0, sessions: 0 })).toBe('1 article');
    expect(trashSummary({ articles: 3, notes: 2, sessions: 1 })).toBe('3 articles, 2 notes and 1 session');
    expect(trashSummary({ articles: 0, notes: 2, sessions: 1 })).toBe('2 notes and 1 session');
    expect(trashSummary({ articles: 0, notes: 0, sessions: 0 })).toBe('nothing');
  });
});

describe('backupName', () => {
  it('dates the file', () => {
    expect(backupName(Date.UTC(2026, 11, 6, 12))).toBe('Parallax library 2026-12-06.sqlite3');
  });
});

describe('Housekeeping', () => {
  it('empties the trash, then asks again what it holds', async () => {
    let held: Trash = { articles: 2, notes: 1, sessions: 0 };
    const housekeeping = new Housekeeping(
      backendWith({
        trashContents: async () => held,
        emptyTrash: async () => {
          const removed = held;
          held = { articles: 0, notes: 0, sessions: 0 };
          return removed;
        },
      }),
      new Banner(),
    );
    await housekeeping.refreshTrash();
    expect(housekeeping.hasTrash).toBe(true);
    housekeeping.trashOpen = true;
    expect(await housekeeping.emptyTrash()).toEqual({ articles: 2, notes: 1, sessions: 0 });
    expect(housekeeping.trashOpen).toBe(false);
    expect(housekeeping.hasTrash).toBe(false);
  });

  it('keeps the dialog open and reports when emptying fails', async () => {
    const banner = new Banner();
    const housekeeping = new Housekeeping(
      backendWith({
        trashContents: async () => ({ articles: 1, notes: 0, sessions: 0 }),
        emptyTrash: async () => {
          throw new CommandFailure('empty_trash', { code: 'database', message: 'database is locked' });
        },
      }),
      banner,
    );
    housekeeping.trashOpen = true;
    expect(await housekeeping.emptyTrash()).toBeNull();
    expect(housekeeping.trashOpen).toBe(true);
    expect(banner.notices[0]?.message).toContain('database is locked');
    expect(housekeeping.hasTrash).toBe(true);
  });

  it('shows the file a backup wrote, or why it failed', async () => {
    const housekeeping = new Housekeeping(
      backendWith({
        backupLibrary: async (path) => {
          if (path.includes('/nowhere/')) throw new CommandFailure('backup_library', { code: 'io', message: 'no such folder' });
          return `/home/ana/Documents/${path}`;
        },
      }),
      new Banner(),
    );
    housekeeping.openBackup();
    expect(await housekeeping.backup('copy.sqlite3')).toBe(true);
    expect(housekeeping.backupResult).toEqual({ file: '/home/ana/Documents/copy.sqlite3' });
    expect(await housekeeping.backup('/nowhere/copy.sqlite3')).toBe(false);
    expect(housekeeping.backupResult).toEqual({ error: 'no such folder' });
  });
});

describe('AppState.emptyTrash', () => {
  it('says what went and drops an Undo that could no longer bring it back', async () => {
    const app = new AppState(
      backendWith({
        listArticles: async () => [],
        libraryInfo: async () => ({ articleCount: 0, databasePath: '/tmp/lib', logPath: '/tmp/log' }),
        emptyTrash: async () => ({ articles: 1, notes: 0, sessions: 1 }),
      }),
    );
    await app.start();
    app.undo.offer({ label: 'Deleted “A”', undo: async () => {} });
    expect(await app.emptyTrash()).toBe(true);
    expect(app.undo.pending).toBeNull();
    expect(app.hint).toBe('Removed for good: 1 article and 1 session. Their words are erased from the library file.');
  });
});

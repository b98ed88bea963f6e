import type { Backend } from '../api';
import type { Trash } from '../bindings/Trash';
import { errorMessage } from '../errors';
import { plural } from '../format';
import type { Banner } from './banner.svelte';

export type HousekeepingBackend = Pick<Backend, 'trashContents' | 'emptyTrash' | 'backupLibrary' | 'chooseBackupPath'>;

/** "3 articles, 2 notes and 1 session" (the parts there are). */
export function trashSummary(trash: Trash): string {
  const parts = [
    trash.articles > 0 ? plural(trash.articles, 'article') : '',
    trash.notes > 0 ? plural(trash.notes, 'note') : '',
    trash.sessions > 0 ? plural(trash.sessions, 'session') : '',
  ].filter((p) => p !== '');
  if (parts.length <= 1) return parts[0] ?? 'nothing';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** A file name for a backup taken at `now` (ms since 1970), safe on every system. */
export function backupName(now: number = Date.now()): string {
  // Canadian English writes dates as YYYY-MM-DD, in local time.
  return `Parallax library ${new Intl.DateTimeFormat('en-CA').format(now)}.sqlite3`;
}

/**
 * The library's care: the trash (what deletes left, emptied for good on request, its words
 * erased from the file) and backups (a copy taken while the app runs).
 */
export class Housekeeping {
  /** What the trash holds; null until first asked. */
  trash = $state.raw<Trash | null>(null);
  trashOpen = $state(false);
  emptying = $state(false);

  backupOpen = $state(false);
  backingUp = $state(false);
  backupResult = $state.raw<{ file: string } | { error: string } | null>(null);

  readonly #backend: HousekeepingBackend;
  readonly #banner: Banner;

  constructor(backend: HousekeepingBackend, banner: Banner) {
    this.#backend = backend;
    this.#banner = banner;
  }

  readonly hasTrash: boolean = $derived(
    this.trash !== null && this.trash.articles + this.trash.notes + this.trash.sessions > 0,
  );

  /** Asks again what the trash holds (after a delete, a restore, an emptying). */
  async refreshTrash(): Promise<void> {
    try {
      this.trash = await this.#backend.trashContents();
    } catch (error) {
      this.#banner.report('Couldn’t read the trash', error);
    }
  }

  /** Empties the trash for good; resolves to what was removed, or null when it failed. */
  async emptyTrash(): Promise<Trash | null> {
    if (this.emptying) return null;
    this.emptying = true;
    try {
      const removed = await this.#backend.emptyTrash();
      this.trashOpen = false;
      return removed;
    } catch (error) {
      this.#banner.report('Couldn’t empty the trash', error);
      return null;
    } finally {
      this.emptying = false;
      await this.refreshTrash();
    }
  }

  openBackup(): void {
    this.backupResult = null;
    this.backupOpen = true;
  }

  chooseBackupPath(suggested: string): Promise<string | null> {
    return this.#backend.chooseBackupPath(suggested);
  }

  /** Writes a backup to `path`; the result shows in the dialog. */
  async backup(path: string): Promise<boolean> {
    if (this.backingUp) return false;
    this.backingUp = true;
    this.backupResult = null;
    try {
      this.backupResult = { file: await this.#backend.backupLibrary(path) };
      return true;
    } catch (error) {
      this.backupResult = { error: errorMessage(error) };
      return false;
    } finally {
      this.backingUp = false;
    }
  }
}

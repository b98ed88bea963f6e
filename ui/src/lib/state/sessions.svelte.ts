import type { Backend } from '../api';
import type { SessionSummary } from '../bindings/SessionSummary';
import { errorMessage } from '../errors';
import type { Banner } from './banner.svelte';
import type { UndoOffer } from './undo.svelte';

export type SessionsBackend = Pick<
  Backend,
  'listSessions' | 'createSession' | 'renameSession' | 'duplicateSession' | 'deleteSession' | 'restoreSession'
>;

/** The fewest and most articles a session compares (the backend's own limits). */
export { MAX_ARTICLES, MIN_ARTICLES } from '../bindings/limits';

/** A session about to be created: the person names it in a dialog first. */
export type SessionDraft = { name: string; articles: number[] };

/**
 * The comparison sessions of the library, most recently changed first (the start screen's
 * "recent sessions"), with create, rename, duplicate and delete with undo.
 */
export class Sessions {
  list = $state.raw<SessionSummary[]>([]);
  loaded = $state(false);
  /** The new-session dialog, when open. */
  draft = $state<SessionDraft | null>(null);
  creating = $state(false);
  /** Why creating failed, shown in the dialog. */
  createError = $state<string | null>(null);

  readonly #backend: SessionsBackend;
  readonly #banner: Banner;
  readonly #undo: UndoOffer;
  #seq = 0;

  constructor(backend: SessionsBackend, banner: Banner, undo: UndoOffer) {
    this.#backend = backend;
    this.#banner = banner;
    this.#undo = undo;
  }

  byId(id: number): SessionSummary | undefined {
    return this.list.find((s) => s.id === id);
  }

  async refresh(): Promise<void> {
    const seq = ++this.#seq;
    try {
      const list = await this.#backend.listSessions();
      if (seq === this.#seq) this.list = list;
    } catch (error) {
      if (seq === this.#seq) this.#banner.report('Couldn’t load the sessions', error);
    } finally {
      if (seq === this.#seq) this.loaded = true;
    }
  }

  /** Opens the new-session dialog for these articles (in column order). */
  startDraft(articles: number[], name: string): void {
    this.createError = null;
    this.draft = { name, articles: [...articles] };
  }

  cancelDraft(): void {
    this.draft = null;
    this.createError = null;
  }

  /** Creates the drafted session; resolves to it, or null (the reason is in `createError`). */
  async createDraft(): Promise<SessionSummary | null> {
    const draft = this.draft;
    if (!draft || this.creating) return null;
    if (draft.name.trim() === '') {
      this.createError = 'Give the session a name.';
      return null;
    }
    this.creating = true;
    this.createError = null;
    try {
      const created = await this.#backend.createSession(draft.name.trim(), draft.articles);
      this.draft = null;
      this.list = [created, ...this.list.filter((s) => s.id !== created.id)];
      return created;
    } catch (error) {
      this.createError = errorMessage(error);
      return null;
    } finally {
      this.creating = false;
    }
  }

  /** Renames; false (and a banner) when the backend refuses. */
  async rename(id: number, name: string): Promise<boolean> {
    try {
      this.#put(await this.#backend.renameSession(id, name));
      return true;
    } catch (error) {
      this.#banner.report('Couldn’t rename the session', error);
      return false;
    }
  }

  /** A session's name, dates and articles changed elsewhere (the open session). */
  updated(summary: SessionSummary): void {
    this.#put(summary);
  }

  async duplicate(id: number): Promise<SessionSummary | null> {
    try {
      const copy = await this.#backend.duplicateSession(id);
      this.list = [copy, ...this.list];
      return copy;
    } catch (error) {
      this.#banner.report('Couldn’t duplicate the session', error);
      return null;
    }
  }

  /** Deletes a session (its notes go with it) and offers Undo. */
  async remove(id: number): Promise<boolean> {
    const session = this.byId(id);
    try {
      await this.#backend.deleteSession(id);
    } catch (error) {
      this.#banner.report('Couldn’t delete the session', error);
      return false;
    }
    this.list = this.list.filter((s) => s.id !== id);
    this.#undo.offer({
      label: `Deleted the session “${session?.name ?? id}”`,
      undo: async () => {
        try {
          await this.#backend.restoreSession(id);
          await this.refresh();
        } catch (error) {
          this.#banner.report('Couldn’t undo the delete', error);
        }
      },
    });
    return true;
  }

  /** Moves a changed session to the front (the list is most recently changed first). */
  #put(summary: SessionSummary): void {
    this.list = [summary, ...this.list.filter((s) => s.id !== summary.id)];
  }
}

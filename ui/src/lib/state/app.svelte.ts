import type { Backend, Unsubscribe } from '../api';
import type { Action } from '../keys';
import { Banner } from './banner.svelte';
import { Importer } from './importer.svelte';
import { Housekeeping, trashSummary } from './housekeeping.svelte';
import { Library, type LibraryOptions } from './library.svelte';
import { LibraryReuseState } from './reuse.svelte';
import { OpenSession, type OpenSessionOptions } from './session.svelte';
import { MAX_ARTICLES, MIN_ARTICLES, Sessions } from './sessions.svelte';
import { UndoOffer } from './undo.svelte';

export type View = 'library' | 'session';

export type AppOptions = LibraryOptions & OpenSessionOptions & { undoMs?: number };

/** Where the id of the session on screen is kept, so a restart reopens it. */
const OPEN_SESSION_KEY = 'parallax.openSession.v1';

function rememberOpenSession(id: number | null): void {
  try {
    if (id === null) globalThis.localStorage?.removeItem(OPEN_SESSION_KEY);
    else globalThis.localStorage?.setItem(OPEN_SESSION_KEY, String(id));
  } catch {
    // Without storage the app simply starts in the library.
  }
}

function openSessionAtQuit(): number | null {
  try {
    const id = Number(globalThis.localStorage?.getItem(OPEN_SESSION_KEY));
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

/** A default name for a new session: the first article's title, shortened. */
export function defaultSessionName(titles: string[]): string {
  const first = (titles[0] ?? '').trim() || 'Comparison';
  return first.length > 70 ? `${first.slice(0, 69).trimEnd()}…` : first;
}

/**
 * The whole app's state: the views' states plus which view is on screen. Keyboard actions come
 * here as names (see keys.ts); the ones that need the DOM (focus, scrolling) return false and are
 * left to the components.
 */
export class AppState {
  view = $state<View>('library');
  helpOpen = $state(false);
  /** A short hint in the status line, e.g. why Compare did nothing. */
  hint = $state<string | null>(null);

  readonly banner = new Banner();
  readonly undo: UndoOffer;
  readonly library: Library;
  readonly importer: Importer;
  readonly sessions: Sessions;
  readonly session: OpenSession;
  readonly reuse: LibraryReuseState;
  readonly housekeeping: Housekeeping;

  readonly #backend: Backend;
  #hintTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(backend: Backend, options: AppOptions = {}) {
    this.#backend = backend;
    this.undo = new UndoOffer(options.undoMs);
    this.reuse = new LibraryReuseState(backend);
    this.housekeeping = new Housekeeping(backend, this.banner);
    // Deletes and restores change what the library shares, what the trash holds and which
    // articles sessions compare: each looks again.
    this.library = new Library(backend, this.banner, this.undo, {
      ...options,
      onArticlesChanged: () => {
        this.reuse.stale();
        void this.housekeeping.refreshTrash();
        void this.sessions.refresh();
      },
    });
    this.importer = new Importer(backend, this.banner, async () => {
      this.reuse.stale();
      await this.library.refresh();
    });
    this.sessions = new Sessions(backend, this.banner, this.undo);
    this.session = new OpenSession(backend, this.banner, this.undo, this.sessions, options);
  }

  /** Loads the library and listens for drops; returns what stops the listening. */
  async start(): Promise<Unsubscribe> {
    let unsubscribe: Unsubscribe = () => {};
    try {
      unsubscribe = await this.#backend.onDragDrop((event) => {
        // Progress and the report live in the library view: a drop there is where it goes.
        if (event.type === 'drop' && this.view !== 'library') this.back();
        this.importer.handleDragDrop(event);
      });
    } catch (error) {
      this.banner.report('Drag and drop is not available; use Import files… instead', error);
    }
    await Promise.all([this.library.refresh(), this.sessions.refresh(), this.housekeeping.refreshTrash()]);
    // Work after an import that the last run left undone (closed too early) goes on now.
    this.importer.resumeLearning();
    // Quit with a session open: it opens again, as it was left.
    const reopen = openSessionAtQuit();
    if (reopen !== null && this.view === 'library' && this.sessions.byId(reopen)) void this.openSession(reopen);
    return unsubscribe;
  }

  flash(message: string): void {
    clearTimeout(this.#hintTimer);
    this.hint = message;
    this.#hintTimer = setTimeout(() => (this.hint = null), 4000);
  }

  /** Starts a new session on the selected articles (2–8): the naming dialog opens. */
  compareSelected(): boolean {
    const ids = this.library.selectedIds;
    if (ids.length < MIN_ARTICLES || ids.length > MAX_ARTICLES) {
      this.flash(
        ids.length < MIN_ARTICLES
          ? `Select ${MIN_ARTICLES} to ${MAX_ARTICLES} articles to compare (Ctrl/Shift-click or Space).`
          : `A session compares at most ${MAX_ARTICLES} articles; ${ids.length} are selected.`,
      );
      return false;
    }
    // Leaving the library closes the inline edit: never with typing in it that wasn't saved.
    if (this.library.hasUnsavedEdit) {
      this.flash('Save the edit (Enter) or cancel it (Esc) first.');
      return false;
    }
    const titles = ids.map((id) => this.library.byId(id)?.title ?? '');
    this.sessions.startDraft(ids, defaultSessionName(titles));
    return true;
  }

  /** Creates the session named in the dialog and opens it. */
  async createSession(): Promise<boolean> {
    const created = await this.sessions.createDraft();
    if (!created) return false;
    await this.openSession(created.id);
    return true;
  }

  /**
   * Opens a session bundle a colleague sent: picked in the open dialog, its articles imported
   * (texts already here are used as they are), its session recreated and opened.
   */
  async openBundle(): Promise<boolean> {
    let path: string | null;
    try {
      path = await this.#backend.pickBundle();
    } catch (error) {
      this.banner.report('Couldn’t show the file dialog', error);
      return false;
    }
    if (path === null) return false;
    try {
      const opened = await this.#backend.openBundle(path);
      await Promise.all([this.library.refresh(), this.sessions.refresh()]);
      this.flash(
        `Opened “${opened.session.name}”: ${opened.imported.length} articles imported, ${opened.existing.length} already here, ${opened.notes} notes.`,
      );
      await this.openSession(opened.session.id);
      return true;
    } catch (error) {
      this.banner.report('Couldn’t open the bundle', error);
      // Whatever it brought in before it stopped is shown.
      await Promise.all([this.library.refresh(), this.sessions.refresh()]);
      return false;
    }
  }

  /**
   * Empties the trash for good (the dialog asked first) and says what went. Sessions and notes
   * deleted earlier can no longer be brought back.
   */
  async emptyTrash(): Promise<boolean> {
    const removed = await this.housekeeping.emptyTrash();
    if (removed === null) return false;
    // An Undo of a delete has nothing left to bring back.
    this.undo.dismiss();
    await this.sessions.refresh();
    this.flash(`Removed for good: ${trashSummary(removed)}. Their words are erased from the library file.`);
    return true;
  }

  /** Opens a saved session as it was left. */
  async openSession(id: number): Promise<void> {
    this.library.cancelEdit();
    this.view = 'session';
    rememberOpenSession(id);
    await this.session.open(id);
  }

  /** Back to the library; the selection is kept, the session's place saved. */
  back(): void {
    void this.session.close();
    rememberOpenSession(null);
    this.view = 'library';
  }

  /** From the import report: show this article in the library, selected. */
  reveal(id: number): void {
    if (this.view !== 'library') this.back();
    const { library } = this;
    // The report outlives what it lists: the article may have been deleted since.
    if (!library.byId(id)) {
      this.flash('That article is no longer in the library.');
      return;
    }
    if (library.isSearching && !library.hits?.some((hit) => hit.article.id === id)) library.clearSearch();
    library.selectOnly([id]);
  }

  toggleHelp(): void {
    this.helpOpen = !this.helpOpen;
  }

  /** Runs a keyboard action; false if it is not handled here (or not possible right now). */
  perform(action: Action): boolean {
    const { library, importer, session } = this;
    switch (action) {
      case 'help':
        this.toggleHelp();
        return true;
      case 'importFiles':
        void importer.pickFiles();
        return true;
      case 'importFolder':
        void importer.pickFolders();
        return true;
      case 'cursorDown':
      case 'cursorUp':
      case 'extendDown':
      case 'extendUp':
        library.move(action.endsWith('Down') ? 1 : -1, action.startsWith('extend'));
        return true;
      case 'cursorOnlyDown':
        library.moveCursor(1);
        return true;
      case 'cursorOnlyUp':
        library.moveCursor(-1);
        return true;
      case 'first':
      case 'extendFirst':
        library.moveTo('first', action === 'extendFirst');
        return true;
      case 'last':
      case 'extendLast':
        library.moveTo('last', action === 'extendLast');
        return true;
      case 'toggleRow':
        library.toggleCursor();
        return true;
      case 'selectAll':
        library.selectAll();
        return true;
      case 'edit':
        void library.editCursor();
        return true;
      case 'delete':
        void library.deleteSelected();
        return true;
      case 'undo':
        if (!this.undo.pending) return false;
        void this.undo.undo();
        return true;
      case 'compare':
        this.compareSelected();
        return true;
      case 'dismiss':
        if (importer.report) importer.dismissReport();
        else if (library.selectedIds.length > 0) library.clearSelection();
        else if (library.isSearching) library.clearSearch();
        else return false;
        return true;
      case 'nextChange':
      case 'previousChange':
        session.step('difference', action === 'nextChange' ? 1 : -1);
        return true;
      case 'nextOnlyHere':
      case 'previousOnlyHere':
        session.step('onlyHere', action === 'nextOnlyHere' ? 1 : -1);
        return true;
      case 'addNote':
        void session.addNoteOnSelection();
        return true;
      case 'sessionNote':
        session.startSessionNote();
        return true;
      case 'toggleNotes':
        session.toggleNotes();
        return true;
      case 'toggleQuotes':
        session.toggleQuotes();
        return true;
      case 'toggleOverview':
        session.toggleOverview();
        return true;
      case 'toggleFraming':
        session.toggleFraming();
        return true;
      case 'exportSession':
        session.openExport();
        return true;
      case 'back':
        // A selection in the text goes first (with its Add-note button); then the session.
        if (session.selection) {
          session.select(null);
          session.onSelectionUsed?.();
          return true;
        }
        this.back();
        return true;
      case 'focusSearch':
      case 'pageDown':
      case 'pageUp':
      case 'columnsLeft':
      case 'columnsRight':
        return false;
    }
  }
}

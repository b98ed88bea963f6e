import type { Backend, Unsubscribe } from '../api';
import type { Action } from '../keys';
import { Banner } from './banner.svelte';
import { Comparison } from './compare.svelte';
import { Importer } from './importer.svelte';
import { Library, type LibraryOptions } from './library.svelte';

export type View = 'library' | 'compare';

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
  readonly library: Library;
  readonly importer: Importer;
  readonly comparison: Comparison;

  readonly #backend: Backend;
  #hintTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(backend: Backend, options: LibraryOptions = {}) {
    this.#backend = backend;
    this.library = new Library(backend, this.banner, options);
    this.importer = new Importer(backend, this.banner, () => this.library.refresh());
    this.comparison = new Comparison(backend);
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
    await this.library.refresh();
    return unsubscribe;
  }

  flash(message: string): void {
    clearTimeout(this.#hintTimer);
    this.hint = message;
    this.#hintTimer = setTimeout(() => (this.hint = null), 4000);
  }

  /** Opens the side-by-side view for the two selected articles (first shown on the left). */
  compareSelected(): boolean {
    const ids = this.library.selectedIds;
    if (ids.length !== 2) {
      this.flash(
        ids.length < 2
          ? 'Select two articles to compare (Ctrl/Shift-click or Space).'
          : `Compare works on exactly two articles; ${ids.length} are selected.`,
      );
      return false;
    }
    const [left, right] = ids as [number, number];
    // Leaving the library closes the inline edit: never with typing in it that wasn't saved.
    if (this.library.hasUnsavedEdit) {
      this.flash('Save the edit (Enter) or cancel it (Esc) first.');
      return false;
    }
    this.library.cancelEdit();
    this.view = 'compare';
    void this.comparison.open(left, right);
    return true;
  }

  /** Back to the library; the selection is kept. */
  back(): void {
    this.comparison.close();
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
    const { library, importer, comparison } = this;
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
        if (!library.pendingUndo) return false;
        void library.undoDelete();
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
        comparison.next();
        return true;
      case 'previousChange':
        comparison.previous();
        return true;
      case 'back':
        this.back();
        return true;
      case 'focusSearch':
      case 'pageDown':
      case 'pageUp':
        return false;
    }
  }
}

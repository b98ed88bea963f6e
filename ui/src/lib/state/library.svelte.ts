import type { Backend } from '../api';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { LibraryInfo } from '../bindings/LibraryInfo';
import type { SearchHit } from '../bindings/SearchHit';
import type { SnippetPart } from '../bindings/SnippetPart';
import { errorMessage } from '../errors';
import { checkDraft, draftOf, editOf, isUnchanged, type DraftField, type MetadataDraft } from '../metadata';
import { rememberOutlets } from '../outlets';
import * as select from '../selection';
import { DEFAULT_SORT, nextSort, sortArticles, type SortKey, type SortSpec } from '../sort';
import type { Banner } from './banner.svelte';

export type LibraryBackend = Pick<
  Backend,
  'listArticles' | 'libraryInfo' | 'searchArticles' | 'updateArticle' | 'deleteArticles' | 'restoreArticles'
>;

/** An inline edit in progress. */
export type Edit = {
  id: number;
  draft: MetadataDraft;
  /** The input to focus when the row opens (the cell that was double-clicked). */
  focus: DraftField;
  saving: boolean;
  error: string | null;
  /** The input the error is about, if we know. */
  errorField: DraftField | null;
};

/** A delete that can still be undone. */
export type PendingUndo = { ids: number[]; label: string };

export type LibraryOptions = {
  /** Wait this long after the last keystroke before searching. */
  searchDelayMs?: number;
  /** How long the Undo toast stays. */
  undoMs?: number;
};

/**
 * The library screen's state: the articles, the search, the sort, the selection, inline
 * editing, and delete with undo.
 */
export class Library {
  articles = $state.raw<ArticleSummary[]>([]);
  info = $state.raw<LibraryInfo | null>(null);
  /** False until the first list has arrived (so the empty state doesn't flash on start). */
  loaded = $state(false);
  loading = $state(false);
  /** Why the last load failed, until a load succeeds. */
  loadError = $state<string | null>(null);

  /** null: search results in relevance order. */
  sort = $state.raw<SortSpec | null>(DEFAULT_SORT);

  query = $state('');
  /** null when not searching; the hits of the latest finished search otherwise. */
  hits = $state.raw<SearchHit[] | null>(null);
  searching = $state(false);

  selection = $state.raw<select.Selection>(select.EMPTY_SELECTION);
  editing = $state<Edit | null>(null);
  deleting = $state(false);
  pendingUndo = $state.raw<PendingUndo | null>(null);

  /** The rows on screen, in display order. */
  readonly rows: ArticleSummary[] = $derived.by(() => {
    if (!this.hits) {
      // Not searching, or the first answer is still on its way: the library in its usual order.
      return sortArticles(this.articles, this.sort ?? this.#sortBeforeSearch);
    }
    const hits = this.hits.map((hit) => hit.article);
    return this.sort ? sortArticles(hits, this.sort) : hits;
  });
  readonly order: number[] = $derived(this.rows.map((row) => row.id));
  readonly snippets: Readonly<Record<number, SnippetPart[]>> = $derived(
    Object.fromEntries((this.hits ?? []).map((hit) => [hit.article.id, hit.snippet])),
  );
  /** Selected ids among the rows on screen, in display order: what actions act on. */
  readonly selectedIds: number[] = $derived(select.selectedInOrder(this.selection, this.order));
  readonly canCompare: boolean = $derived(this.selectedIds.length === 2);
  readonly isEmpty: boolean = $derived(this.loaded && this.loadError === null && this.articles.length === 0);
  readonly isSearching: boolean = $derived(this.query.trim() !== '');

  readonly #backend: LibraryBackend;
  readonly #banner: Banner;
  readonly #searchDelayMs: number;
  readonly #undoMs: number;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #searchSeq = 0;
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  #sortBeforeSearch = $state.raw<SortSpec>(DEFAULT_SORT);

  constructor(backend: LibraryBackend, banner: Banner, options: LibraryOptions = {}) {
    this.#backend = backend;
    this.#banner = banner;
    this.#searchDelayMs = options.searchDelayMs ?? 150;
    this.#undoMs = options.undoMs ?? 10_000;
  }

  byId(id: number): ArticleSummary | undefined {
    return this.articles.find((article) => article.id === id) ?? this.hits?.find((h) => h.article.id === id)?.article;
  }

  async refresh(): Promise<void> {
    this.loading = true;
    try {
      const [articles, info] = await Promise.all([
        this.#backend.listArticles(),
        // The info line is a nicety; the list must not fail because of it.
        this.#backend.libraryInfo().catch(() => null),
      ]);
      // Colours go to outlets in the order they first entered the library.
      rememberOutlets([...articles].sort((a, b) => a.id - b.id).map((a) => a.outlet));
      this.articles = articles;
      this.info = info;
      this.selection = select.retain(this.selection, articles.map((a) => a.id));
      this.loadError = null;
      if (this.isSearching) await this.#search(this.query);
    } catch (error) {
      this.loadError = errorMessage(error);
      this.#banner.report('Couldn’t load the library', error);
    } finally {
      this.loading = false;
      this.loaded = true;
    }
  }

  // --- search ---------------------------------------------------------------------------------

  setQuery(query: string): void {
    const wasSearching = this.isSearching;
    this.query = query;
    clearTimeout(this.#searchTimer);
    if (query.trim() === '') {
      this.#searchSeq++; // drop any answer still on its way
      this.hits = null;
      this.searching = false;
      if (this.sort === null) this.sort = this.#sortBeforeSearch;
      return;
    }
    if (!wasSearching) {
      // Results come best match first until a column header says otherwise.
      if (this.sort) this.#sortBeforeSearch = this.sort;
      this.sort = null;
    }
    this.searching = true;
    this.#searchTimer = setTimeout(() => void this.#search(query), this.#searchDelayMs);
  }

  clearSearch(): void {
    this.setQuery('');
  }

  async #search(query: string): Promise<void> {
    const seq = ++this.#searchSeq;
    this.searching = true;
    try {
      const hits = await this.#backend.searchArticles(query.trim());
      if (seq !== this.#searchSeq) return; // a newer search has started
      this.hits = hits;
    } catch (error) {
      if (seq !== this.#searchSeq) return;
      this.#banner.report('Search failed', error);
    } finally {
      if (seq === this.#searchSeq) this.searching = false;
    }
  }

  // --- sort -------------------------------------------------------------------------------------

  sortBy(key: SortKey): void {
    this.sort = nextSort(this.sort, key);
  }

  // --- selection --------------------------------------------------------------------------------

  click(id: number, modifiers: select.ClickModifiers): void {
    this.selection = select.click(this.selection, this.order, id, modifiers);
  }

  move(delta: number, extend: boolean): void {
    this.selection = select.move(this.selection, this.order, delta, extend);
  }

  moveCursor(delta: number): void {
    this.selection = select.moveCursor(this.selection, this.order, delta);
  }

  moveTo(edge: 'first' | 'last', extend: boolean): void {
    this.selection = select.moveTo(this.selection, this.order, edge, extend);
  }

  toggleCursor(): void {
    this.selection = select.toggleCursor(this.selection, this.order);
  }

  selectAll(): void {
    this.selection = select.selectAll(this.selection, this.order);
  }

  selectOnly(ids: number[]): void {
    this.selection = select.selectOnly(ids);
  }

  clearSelection(): void {
    this.selection = select.cursorOnly(this.selection.cursor);
  }

  // --- inline editing ---------------------------------------------------------------------------

  startEdit(id: number, focus: DraftField = 'title'): void {
    const article = this.byId(id);
    if (!article) return;
    this.editing = { id, draft: draftOf(article), focus, saving: false, error: null, errorField: null };
  }

  /** Edits the row under the cursor (Enter / F2). */
  editCursor(): void {
    const id = this.selection.cursor ?? this.selectedIds[0];
    if (id !== undefined && id !== null) this.startEdit(id);
  }

  cancelEdit(): void {
    this.editing = null;
  }

  /** Saves the inline edit; true when the row closed (saved or nothing to save). */
  async saveEdit(): Promise<boolean> {
    const edit = this.editing;
    if (!edit || edit.saving) return false;
    const article = this.byId(edit.id);
    if (!article) {
      this.editing = null;
      return true;
    }
    const problem = checkDraft(edit.draft);
    if (problem) {
      edit.error = problem.message;
      edit.errorField = problem.field;
      return false;
    }
    if (isUnchanged(article, edit.draft)) {
      this.editing = null;
      return true;
    }
    edit.saving = true;
    edit.error = null;
    edit.errorField = null;
    try {
      const updated = await this.#backend.updateArticle(edit.id, editOf(edit.draft));
      this.#replace(updated);
      rememberOutlets([updated.outlet]);
      if (this.editing?.id === edit.id) this.editing = null;
      return true;
    } catch (error) {
      if (this.editing?.id === edit.id) {
        this.editing.saving = false;
        this.editing.error = `Not saved: ${errorMessage(error)}`;
      }
      return false;
    }
  }

  #replace(updated: ArticleSummary): void {
    this.articles = this.articles.map((a) => (a.id === updated.id ? updated : a));
    if (this.hits) {
      this.hits = this.hits.map((hit) => (hit.article.id === updated.id ? { ...hit, article: updated } : hit));
    }
  }

  // --- delete and undo --------------------------------------------------------------------------

  async deleteSelected(): Promise<void> {
    const ids = this.selectedIds;
    if (ids.length === 0 || this.deleting) return;
    const titles = ids.map((id) => this.byId(id)?.title ?? '');
    this.deleting = true;
    try {
      await this.#backend.deleteArticles(ids);
      const before = this.order;
      const firstGone = Math.min(...ids.map((id) => before.indexOf(id)).filter((i) => i >= 0));
      const gone = (id: number) => ids.includes(id);
      this.articles = this.articles.filter((a) => !gone(a.id));
      if (this.hits) this.hits = this.hits.filter((hit) => !gone(hit.article.id));
      if (this.editing && gone(this.editing.id)) this.editing = null;
      // The cursor moves to the row that took the first deleted row's place, so the keyboard
      // keeps working; nothing stays selected, so a second Delete can't surprise anyone.
      const after = this.order;
      const cursor = after.length === 0 ? null : (after[Math.min(firstGone, after.length - 1)] ?? null);
      this.selection = select.cursorOnly(cursor);
      this.#offerUndo(ids, ids.length === 1 ? `Deleted “${titles[0]}”` : `Deleted ${ids.length} articles`);
    } catch (error) {
      this.#banner.report('Couldn’t delete', error);
    } finally {
      this.deleting = false;
    }
  }

  #offerUndo(ids: number[], label: string): void {
    clearTimeout(this.#undoTimer);
    this.pendingUndo = { ids, label };
    this.#undoTimer = setTimeout(() => (this.pendingUndo = null), this.#undoMs);
  }

  dismissUndo(): void {
    clearTimeout(this.#undoTimer);
    this.pendingUndo = null;
  }

  async undoDelete(): Promise<void> {
    const pending = this.pendingUndo;
    if (!pending) return;
    this.dismissUndo();
    try {
      await this.#backend.restoreArticles(pending.ids);
      await this.refresh();
      this.selection = select.selectOnly(pending.ids.filter((id) => this.order.includes(id)));
    } catch (error) {
      this.#banner.report('Couldn’t undo the delete', error);
    }
  }
}

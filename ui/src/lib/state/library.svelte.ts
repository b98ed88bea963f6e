import type { Backend } from '../api';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { ArticleUse } from '../bindings/ArticleUse';
import type { SessionPlace } from '../bindings/SessionPlace';
import type { LibraryInfo } from '../bindings/LibraryInfo';
import type { SearchHit } from '../bindings/SearchHit';
import type { SnippetPart } from '../bindings/SnippetPart';
import { errorMessage } from '../errors';
import { checkDraft, draftOf, editOf, isUnchanged, type DraftField, type MetadataDraft } from '../metadata';
import { rememberOutlets } from '../outlets';
import * as select from '../selection';
import { DEFAULT_SORT, nextSort, sortArticles, type SortKey, type SortSpec } from '../sort';
import type { Banner } from './banner.svelte';
import { UndoOffer } from './undo.svelte';

export type LibraryBackend = Pick<
  Backend,
  | 'listArticles'
  | 'libraryInfo'
  | 'searchArticles'
  | 'updateArticle'
  | 'setArticlesOutlet'
  | 'deleteArticles'
  | 'restoreArticles'
  | 'articleUses'
  | 'removeFromSessions'
  | 'putBackInSessions'
>;

/** A delete waiting for the person's answer: the articles are compared in sessions. */
export type PendingDelete = { ids: number[]; titles: string[]; uses: ArticleUse[] };

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

export type LibraryOptions = {
  /** Wait this long after the last keystroke before searching. */
  searchDelayMs?: number;
  /** Called after articles were deleted or restored here. */
  onArticlesChanged?: () => void;
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
  /** Set while the delete dialog asks what to do with the sessions comparing the articles. */
  pendingDelete = $state.raw<PendingDelete | null>(null);

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
  readonly canCompare: boolean = $derived(this.selectedIds.length >= 2 && this.selectedIds.length <= 8);
  readonly isEmpty: boolean = $derived(this.loaded && this.loadError === null && this.articles.length === 0);
  readonly isSearching: boolean = $derived(this.query.trim() !== '');
  /** The keyboard cursor, if its row is on screen (a search may hide it). */
  readonly cursorRow: number | null = $derived(
    this.selection.cursor !== null && this.order.includes(this.selection.cursor) ? this.selection.cursor : null,
  );
  /** The open inline edit differs from the article: closing it would lose typing. */
  readonly hasUnsavedEdit: boolean = $derived.by(() => {
    const edit = this.editing;
    if (!edit) return false;
    const article = this.byId(edit.id);
    return article !== undefined && !isUnchanged(article, edit.draft);
  });

  readonly #backend: LibraryBackend;
  readonly #banner: Banner;
  readonly #searchDelayMs: number;
  /** Set while a search waits for typing to stop. */
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The latest search started, for flushSearch() to wait on. */
  #searchRun: Promise<void> = Promise.resolve();
  #searchSeq = 0;
  #listSeq = 0;
  /**
   * Bumped whenever articles change here (edit saved, delete, restore). A list or search
   * answer fetched while it changed may predate the change, so it is fetched again.
   */
  #mutations = 0;
  readonly #undo: UndoOffer;
  readonly #onArticlesChanged: () => void;
  #sortBeforeSearch = $state.raw<SortSpec>(DEFAULT_SORT);

  constructor(backend: LibraryBackend, banner: Banner, undo: UndoOffer = new UndoOffer(), options: LibraryOptions = {}) {
    this.#backend = backend;
    this.#banner = banner;
    this.#undo = undo;
    this.#searchDelayMs = options.searchDelayMs ?? 150;
    this.#onArticlesChanged = options.onArticlesChanged ?? (() => {});
  }

  byId(id: number): ArticleSummary | undefined {
    return this.articles.find((article) => article.id === id) ?? this.hits?.find((h) => h.article.id === id)?.article;
  }

  /**
   * Loads the list again. Refreshes can overlap (after each import, after Undo) and their
   * answers can arrive in any order: only the latest one is used, and `loading` stays on
   * until it is in.
   */
  async refresh(): Promise<void> {
    const seq = ++this.#listSeq;
    this.loading = true;
    try {
      let articles: ArticleSummary[];
      let info: LibraryInfo | null;
      let mutations: number;
      do {
        mutations = this.#mutations;
        [articles, info] = await Promise.all([
          this.#backend.listArticles(),
          // The info line is a nicety; the list must not fail because of it.
          this.#backend.libraryInfo().catch(() => null),
        ]);
        if (seq !== this.#listSeq) return; // a newer refresh is on its way
      } while (mutations !== this.#mutations);
      // Colours go to outlets in the order they first entered the library.
      rememberOutlets([...articles].sort((a, b) => a.id - b.id).map((a) => a.outlet));
      this.articles = articles;
      this.info = info;
      this.selection = select.retain(this.selection, articles.map((a) => a.id));
      this.loadError = null;
      // The hits may show rows that changed; a search still waiting for typing will run anyway.
      if (this.isSearching && this.#searchTimer === undefined) {
        this.#searchRun = this.#search(this.query);
        await this.#searchRun;
      }
    } catch (error) {
      if (seq !== this.#listSeq) return;
      this.loadError = errorMessage(error);
      this.#banner.report('Couldn’t load the library', error);
    } finally {
      if (seq === this.#listSeq) {
        this.loading = false;
        this.loaded = true;
      }
    }
  }

  // --- search ---------------------------------------------------------------------------------

  setQuery(query: string): void {
    const wasSearching = this.isSearching;
    this.query = query;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = undefined;
    // Any answer still on its way is for an older query now: drop it (and keep the spinner).
    this.#searchSeq++;
    this.#searchRun = Promise.resolve();
    if (query.trim() === '') {
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
    this.#searchTimer = setTimeout(() => {
      this.#searchTimer = undefined;
      this.#searchRun = this.#search(query);
    }, this.#searchDelayMs);
  }

  clearSearch(): void {
    this.setQuery('');
  }

  /** Runs a search still waiting for typing to stop right away, and waits for its answer. */
  async flushSearch(): Promise<void> {
    if (this.#searchTimer !== undefined) {
      clearTimeout(this.#searchTimer);
      this.#searchTimer = undefined;
      this.#searchRun = this.#search(this.query);
    }
    await this.#searchRun;
  }

  async #search(query: string): Promise<void> {
    const seq = ++this.#searchSeq;
    this.searching = true;
    try {
      let hits: SearchHit[];
      let mutations: number;
      do {
        mutations = this.#mutations;
        hits = await this.#backend.searchArticles(query.trim());
        if (seq !== this.#searchSeq) return; // a newer search has started
      } while (mutations !== this.#mutations);
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

  /**
   * Opens the inline edit of a row. An edit open on another row is saved first, so its typing
   * isn't lost; if it can't be saved it stays open with the reason, and this one doesn't open.
   * True when the row is (now) being edited.
   */
  async startEdit(id: number, focus: DraftField = 'title'): Promise<boolean> {
    if (this.editing?.id === id) return true;
    if (this.editing && !(await this.saveEdit())) return false;
    const article = this.byId(id);
    if (!article || this.editing) return false; // gone meanwhile, or another edit opened
    this.editing = { id, draft: draftOf(article), focus, saving: false, error: null, errorField: null };
    return true;
  }

  /** Edits the row under the cursor, or else the first selected one (Enter / F2). */
  editCursor(): Promise<boolean> {
    // Only rows on screen: during a search the cursor may sit on a hidden row.
    const id = [this.selection.cursor, ...this.selectedIds].find((id) => id !== null && this.order.includes(id));
    return id === undefined || id === null ? Promise.resolve(false) : this.startEdit(id);
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
      } else {
        // The row was closed (or deleted) meanwhile: nowhere in it to show the reason.
        this.#banner.report(`Couldn’t save “${edit.draft.title.trim()}”`, error);
      }
      return false;
    }
  }

  #replace(updated: ArticleSummary): void {
    this.#mutations++;
    this.articles = this.articles.map((a) => (a.id === updated.id ? updated : a));
    if (this.hits) {
      this.hits = this.hits.map((hit) => (hit.article.id === updated.id ? { ...hit, article: updated } : hit));
    }
  }

  // --- several at once -------------------------------------------------------------------------

  /**
   * Sets the outlet of the selected articles (null clears it): say, twenty agency copies saved
   * from one site. Undo puts each article's own outlet back.
   */
  async setOutletOfSelected(outlet: string | null): Promise<boolean> {
    const ids = this.selectedIds;
    if (ids.length === 0) return false;
    const before = ids.map((id) => ({ id, outlet: this.byId(id)?.outlet ?? null }));
    const name = outlet?.trim() || null;
    try {
      const updated = await this.#backend.setArticlesOutlet(ids, name);
      for (const summary of updated) this.#replace(summary);
      rememberOutlets([name]);
      this.#undo.offer({
        label: `Outlet of ${ids.length === 1 ? '1 article' : `${ids.length} articles`} set to ${name ?? 'none'}`,
        undo: () => this.#putOutletsBack(before),
      });
      return true;
    } catch (error) {
      this.#banner.report('Couldn’t set the outlet', error);
      return false;
    }
  }

  async #putOutletsBack(before: { id: number; outlet: string | null }[]): Promise<void> {
    // One call per outlet the articles had.
    const groups = new Map<string | null, number[]>(); // eslint-disable-line svelte/prefer-svelte-reactivity
    for (const { id, outlet } of before) groups.set(outlet, [...(groups.get(outlet) ?? []), id]);
    try {
      for (const [outlet, ids] of groups) {
        for (const summary of await this.#backend.setArticlesOutlet(ids, outlet)) this.#replace(summary);
      }
    } catch (error) {
      this.#banner.report('Couldn’t undo the outlet change', error);
    }
  }

  // --- delete and undo --------------------------------------------------------------------------

  /**
   * Deletes the selected articles (with an Undo offer). When a session compares one of them,
   * nothing is deleted yet: `pendingDelete` asks whether to take them out of those sessions.
   */
  async deleteSelected(): Promise<void> {
    const ids = this.selectedIds;
    if (ids.length === 0 || this.deleting) return;
    const titles = ids.map((id) => this.byId(id)?.title ?? '');
    this.deleting = true;
    try {
      const uses = await this.#backend.articleUses(ids);
      if (uses.length > 0) {
        this.pendingDelete = { ids, titles, uses };
        return;
      }
      await this.#delete(ids, titles, false);
    } catch (error) {
      this.#banner.report('Couldn’t delete', error);
    } finally {
      this.deleting = false;
    }
  }

  /** The answer to `pendingDelete`: delete, and take the articles out of their sessions or not. */
  async confirmDelete(takeOutOfSessions: boolean): Promise<void> {
    const pending = this.pendingDelete;
    if (!pending || this.deleting) return;
    this.pendingDelete = null;
    this.deleting = true;
    try {
      await this.#delete(pending.ids, pending.titles, takeOutOfSessions);
    } catch (error) {
      this.#banner.report('Couldn’t delete', error);
    } finally {
      this.deleting = false;
    }
  }

  cancelDelete(): void {
    this.pendingDelete = null;
  }

  async #delete(ids: number[], titles: string[], takeOutOfSessions: boolean): Promise<void> {
    const places: SessionPlace[] = takeOutOfSessions ? await this.#backend.removeFromSessions(ids) : [];
    try {
      await this.#backend.deleteArticles(ids);
    } catch (error) {
      // Not deleted: back into their sessions, as they were.
      if (places.length > 0) await this.#backend.putBackInSessions(places).catch(() => {});
      throw error;
    }
    this.#mutations++;
    this.#onArticlesChanged();
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
    this.#undo.offer({
      label: ids.length === 1 ? `Deleted “${titles[0]}”` : `Deleted ${ids.length} articles`,
      undo: () => this.restore(ids, places),
    });
  }

  /** Brings deleted articles back, selected (what the Undo offer of a delete runs). */
  async restore(ids: number[], places: SessionPlace[] = []): Promise<void> {
    try {
      await this.#backend.restoreArticles(ids);
      // Back into the sessions they were taken out of, in their columns.
      if (places.length > 0) await this.#backend.putBackInSessions(places);
      this.#mutations++;
      this.#onArticlesChanged();
      await this.refresh();
      this.selection = select.selectOnly(ids.filter((id) => this.order.includes(id)));
    } catch (error) {
      this.#banner.report('Couldn’t undo the delete', error);
    }
  }
}

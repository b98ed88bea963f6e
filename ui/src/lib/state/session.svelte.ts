import type { Backend } from '../api';
import type { SideBySide } from '../bindings/SideBySide';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { Note } from '../bindings/Note';
import type { SessionView } from '../bindings/SessionView';
import type { TagCount } from '../bindings/TagCount';
import type { Span } from '../framing';
import type { ReportFormat } from '../bindings/ReportFormat';
import {
  counterparts,
  displayOrder,
  layoutBands,
  notePlaces,
  rankOf,
  rowAtOffset,
  rowHidden,
  sentenceKey,
  stepRow,
  type BandLayout,
  type RowKind,
} from '../alignment';
import { errorMessage } from '../errors';
import { rememberOutlets } from '../outlets';
import {
  DEFAULT_VIEW_STATE,
  MAX_VISIBLE,
  MIN_VISIBLE,
  parseViewState,
  serializeViewState,
  type ScrollPosition,
  type SessionTab,
  type ViewState,
} from '../viewState';
import type { Banner } from './banner.svelte';
import { MAX_ARTICLES, MIN_ARTICLES, type Sessions } from './sessions.svelte';
import type { UndoOffer } from './undo.svelte';

export type OpenSessionBackend = Pick<
  Backend,
  | 'openSession'
  | 'exportSession'
  | 'chooseExportPath'
  | 'saveBundle'
  | 'renameSession'
  | 'saveViewState'
  | 'setSessionArticles'
  | 'addNote'
  | 'updateNote'
  | 'deleteNote'
  | 'restoreNote'
  | 'searchNotes'
  | 'listTags'
>;

/** Text selected inside one column, with what tells it apart from repeats of the same words. */
export type TextSelection = {
  column: number;
  quote: string;
  /** Text right before and after the selection within its sentence(s). */
  prefix: string;
  suffix: string;
  /** Byte offset of the sentence the selection starts in (the backend gave it). */
  near: number;
};

/** The sentence under the pointer or keyboard focus. */
export type HoveredSentence = { row: number; column: number; sentence: number };

/** Where the text view should go: set by navigation and jumps, carried out by the view. */
export type ScrollRequest = {
  row: number;
  /** Pixels into the row (restoring a saved position); null: put the row in reading position. */
  offset: number | null;
  /** The column to bring into view, when columns scroll sideways. */
  column: number | null;
  /** A note to flash once there. */
  note: number | null;
  seq: number;
};

export type OpenSessionOptions = {
  /** Wait this long after the last change before saving the view state. */
  saveDelayMs?: number;
  searchDelayMs?: number;
};

const NO_KEYS: ReadonlySet<string> = new Set();
const NO_PLACES: ReadonlyMap<number, { row: number; column: number }> = new Map();

/**
 * The session on screen: its aligned articles and notes as the backend sent them, how the
 * person is looking at it (tab, pivot, columns, scroll, panel: saved as they change, so the
 * session reopens as it was left), the sentence under the pointer, and every change they make
 * (notes, articles, pivot).
 */
export class OpenSession {
  id = $state<number | null>(null);
  view = $state.raw<SessionView | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  state = $state<ViewState>({ ...DEFAULT_VIEW_STATE });
  hovered = $state.raw<HoveredSentence | null>(null);
  selection = $state.raw<TextSelection | null>(null);
  scrollRequest = $state.raw<ScrollRequest | null>(null);
  tags = $state.raw<TagCount[]>([]);
  /** The note whose editor is open; 'session' for a new note on the session itself. */
  editing = $state<number | 'session' | null>(null);
  /** The note the open 'session' editor has created so far (listed in that editor only). */
  draftNoteId = $state<number | null>(null);
  noteQuery = $state('');
  /** Null when not searching notes. */
  noteHits = $state.raw<Note[] | null>(null);
  /** A short message for the status area (why a key did nothing). */
  hint = $state<string | null>(null);
  /** The Export dialog is open. */
  exportOpen = $state(false);
  /** An export under way. */
  exporting = $state(false);
  /** What the last export wrote, or why it failed. */
  exportResult = $state.raw<{ files: string[] } | { error: string } | null>(null);
  /** Words of one column lit up in the text: what a figure of the Framing view stands for. */
  emphasis = $state.raw<{ column: number; spans: Span[]; label: string; index: number } | null>(null);
  /** The last scroll request the text view carried out (kept here: the view is rebuilt). */
  scrollHandled = 0;
  /** The last row on screen, as the text view last saw it (not saved). */
  lastVisibleRow: number | null = null;
  /** Set by the text view: clears the page's text selection once a note was made of it. */
  onSelectionUsed: (() => void) | null = null;

  readonly alignment: SideBySide | null = $derived(this.view?.analysis?.layout ?? null);
  readonly articles: ArticleSummary[] = $derived(this.view?.articles ?? []);
  readonly pivotColumn: number = $derived(this.alignment?.pivot ?? 0);
  /** Column indices in display order (pivot first). */
  readonly order: number[] = $derived(displayOrder(this.articles.length, this.pivotColumn));
  /** Keys (see `sentenceKey`) of the hovered sentence's counterparts. */
  readonly highlighted: ReadonlySet<string> = $derived.by(() => {
    const hovered = this.hovered;
    const alignment = this.alignment;
    if (!hovered || !alignment) return NO_KEYS;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole, never mutated
    return new Set(counterparts(alignment, hovered.row, hovered.column, hovered.sentence).map(sentenceKey));
  });
  readonly notePlaces: ReadonlyMap<number, { row: number; column: number }> = $derived(
    this.alignment ? notePlaces(this.alignment) : NO_PLACES,
  );
  /** The rows laid out as the grid's bands (shared rows, and each article's runs between). */
  readonly layout: BandLayout = $derived(layoutBands(this.alignment?.rows ?? []));
  /** Bands whose long runs show in full, by key (reset when the session is read again). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
  expanded = $state.raw<ReadonlySet<string>>(new Set());
  readonly differences = $derived(rankOf(this.alignment?.rows ?? [], this.layout, this.state.currentRow, 'difference'));
  readonly onlyHere = $derived(rankOf(this.alignment?.rows ?? [], this.layout, this.state.currentRow, 'onlyHere'));
  /** Every article id of the session in column order, deleted ones included. */
  readonly memberIds: number[] = $derived(this.view?.session.articles ?? []);

  readonly #backend: OpenSessionBackend;
  readonly #banner: Banner;
  readonly #undo: UndoOffer;
  readonly #sessions: Sessions;
  readonly #saveDelayMs: number;
  readonly #searchDelayMs: number;
  #seq = 0;
  #scrollSeq = 0;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #searchSeq = 0;
  #hintTimer: ReturnType<typeof setTimeout> | undefined;
  #addingNote = false;
  /** The note a new session note became on its first save, while its editor stays open. */
  #draftNote: Promise<Note | null> | null = null;
  /** Note saves in flight or waiting, per note, so they run in order (not state: no one reads it). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #noteSaves = new Map<number, Promise<unknown>>();

  constructor(backend: OpenSessionBackend, banner: Banner, undo: UndoOffer, sessions: Sessions, options: OpenSessionOptions = {}) {
    this.#backend = backend;
    this.#banner = banner;
    this.#undo = undo;
    this.#sessions = sessions;
    this.#saveDelayMs = options.saveDelayMs ?? 400;
    this.#searchDelayMs = options.searchDelayMs ?? 150;
  }

  /** Opens a session as it was left. */
  async open(id: number): Promise<void> {
    // The session left behind keeps its place (the save starts before anything changes here).
    const saving = this.flush();
    const seq = ++this.#seq;
    this.#clear(id);
    this.loading = true;
    await saving;
    try {
      // Null pivot: the backend reads the pivot the session was left with.
      const view = await this.#backend.openSession(id, null);
      if (seq !== this.#seq) return;
      const saved = parseViewState(view.session.viewState);
      this.#show(view);
      this.state = { ...saved, pivot: view.pivot };
      this.#requestScroll(saved.scroll.row, saved.scroll.offset, saved.scroll.column, null);
      void this.#loadTags();
    } catch (error) {
      if (seq === this.#seq) this.error = errorMessage(error);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  /** Fetches the session again (after its notes or articles changed), keeping the view. */
  async reload(): Promise<void> {
    const id = this.id;
    // While the session is still opening, its answer is on the way and carries everything.
    if (id === null || !this.view) return;
    const seq = ++this.#seq;
    this.loading = true;
    try {
      const view = await this.#backend.openSession(id, this.state.pivot);
      if (seq !== this.#seq) return;
      // Rows may have changed (an article added or taken out): expanded bands are forgotten.
      if (view.analysis?.layout?.rows.length !== this.alignment?.rows.length) this.expanded = new Set(); // eslint-disable-line svelte/prefer-svelte-reactivity
      this.#show(view);
      this.error = null;
      if (view.pivot !== this.state.pivot) this.#change({ pivot: view.pivot });
    } catch (error) {
      if (seq === this.#seq) this.#banner.report('Couldn’t refresh the session', error);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  retry(): Promise<void> {
    return this.id === null ? Promise.resolve() : this.open(this.id);
  }

  /** Leaves the session; a view-state change not saved yet is saved on the way out. */
  async close(): Promise<void> {
    // The save reads the session before its first await, so the view can go at once.
    const saving = this.flush();
    this.#seq++;
    this.#clear(null);
    await saving;
  }

  /** Forgets everything of the session on screen, for session `id` (or none). */
  #clear(id: number | null): void {
    clearTimeout(this.#searchTimer);
    this.id = id;
    this.view = null;
    this.error = null;
    this.loading = false;
    this.hovered = null;
    this.selection = null;
    this.editing = null;
    this.draftNoteId = null;
    this.#draftNote = null;
    this.noteQuery = '';
    this.noteHits = null;
    this.scrollRequest = null;
    this.emphasis = null;
    this.exportOpen = false;
    this.exportResult = null;
    this.exporting = false;
    this.expanded = new Set(); // eslint-disable-line svelte/prefer-svelte-reactivity
    this.state = { ...DEFAULT_VIEW_STATE };
  }

  #show(view: SessionView): void {
    rememberOutlets(view.articles.map((a) => a.outlet));
    // Lit-up words belong to the articles they were found in.
    const lit = this.emphasis;
    if (lit && this.view?.articles[lit.column]?.id !== view.articles[lit.column]?.id) this.emphasis = null;
    this.view = view;
    this.#sessions.updated(view.session);
  }

  flash(message: string): void {
    clearTimeout(this.#hintTimer);
    this.hint = message;
    this.#hintTimer = setTimeout(() => (this.hint = null), 4000);
  }

  // --- view state ----------------------------------------------------------------------------

  #change(patch: Partial<ViewState>): void {
    // Field by field: a scroll must not re-run what depends on the tab or the current row.
    Object.assign(this.state, patch);
    this.#scheduleSave();
  }

  #scheduleSave(): void {
    // Before the session's own state has arrived there is nothing of the person's to save.
    if (!this.view) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = undefined;
      void this.#save();
    }, this.#saveDelayMs);
  }

  async #save(): Promise<void> {
    const id = this.id;
    if (id === null || !this.view) return;
    try {
      await this.#backend.saveViewState(id, serializeViewState(this.state));
    } catch (error) {
      this.#banner.report('Couldn’t save where you are in the session', error);
    }
  }

  /** Saves a pending view-state change now. */
  async flush(): Promise<void> {
    if (this.#saveTimer === undefined) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    await this.#save();
  }

  setTab(tab: SessionTab): void {
    if (tab === this.state.tab) return;
    this.#change({ tab });
    // The text view is built anew: it goes back to where the reader was.
    if (tab === 'side') {
      const { row, offset, column } = this.state.scroll;
      this.#requestScroll(row, offset, column, null);
    }
  }

  toggleOverview(): void {
    this.setTab(this.state.tab === 'side' ? 'overview' : 'side');
  }

  /** To the framing view from anywhere, and back to the text from it. */
  toggleFraming(): void {
    this.setTab(this.state.tab === 'framing' ? 'side' : 'framing');
  }

  /**
   * Shows the words behind a figure: the text of `article`, at the first of `spans`, with
   * every span lit up until another figure is opened or the highlight is cleared.
   */
  showSpans(article: number, spans: readonly Span[], label: string): void {
    const column = this.articles.findIndex((a) => a.id === article);
    const first = spans[0];
    if (column < 0 || first === undefined) return;
    this.emphasis = { column, spans: [...spans], label, index: 0 };
    if (!this.goToOffset(column, first[0])) this.flash('These words are not in the aligned text.');
  }

  /** Goes to the next (previous) of the lit-up places, round the end. */
  stepEmphasis(direction: 1 | -1): void {
    const lit = this.emphasis;
    if (!lit || lit.spans.length === 0) return;
    const index = (lit.index + direction + lit.spans.length) % lit.spans.length;
    this.emphasis = { ...lit, index };
    this.goToOffset(lit.column, lit.spans[index]![0]);
  }

  clearEmphasis(): void {
    this.emphasis = null;
  }

  openExport(): void {
    if (!this.view) return;
    this.exportResult = null;
    this.exportOpen = true;
  }

  /** The system's save dialog for a report; null when cancelled. */
  chooseExportPath(format: ReportFormat | 'bundle', suggested: string): Promise<string | null> {
    return this.#backend.chooseExportPath(format, suggested);
  }

  /**
   * Writes the session as a report, or as a bundle for a colleague; the files written, or
   * null (the error is kept).
   */
  async exportReport(format: ReportFormat | 'bundle', path: string): Promise<string[] | null> {
    const id = this.id;
    if (id === null || this.exporting) return null;
    this.exporting = true;
    this.exportResult = null;
    try {
      // Notes and view state are saved first: the report reads them from the library.
      await this.flush();
      const files =
        format === 'bundle' ? [await this.#backend.saveBundle(id, path)] : await this.#backend.exportSession(id, format, path);
      // A session closed or changed meanwhile does not get another's result.
      if (this.id === id) this.exportResult = { files };
      return files;
    } catch (error) {
      if (this.id === id) this.exportResult = { error: errorMessage(error) };
      return null;
    } finally {
      this.exporting = false;
    }
  }

  toggleNotes(): void {
    this.#change({ panel: this.state.panel === 'notes' ? null : 'notes' });
  }

  toggleQuotes(): void {
    this.#change({ panel: this.state.panel === 'quotes' ? null : 'quotes' });
  }

  setVisibleColumns(count: number): void {
    const visible = Math.min(MAX_VISIBLE, Math.max(MIN_VISIBLE, count));
    if (visible !== this.state.visibleColumns) this.#change({ visibleColumns: visible });
  }

  /** The text view was scrolled (by the person or by us). */
  recordScroll(scroll: ScrollPosition): void {
    const old = this.state.scroll;
    if (old.row === scroll.row && old.offset === scroll.offset && old.column === scroll.column) return;
    this.#change({ scroll });
  }

  /** Reads the session against another article; the rows follow its order. */
  async setPivot(articleId: number): Promise<void> {
    if (articleId === this.state.pivot || !this.articles.some((a) => a.id === articleId)) return;
    this.#change({ pivot: articleId, currentRow: null });
    this.hovered = null;
    this.expanded = new Set(); // eslint-disable-line svelte/prefer-svelte-reactivity
    await this.reload();
    this.#requestScroll(0, 0, 0, null);
  }

  // --- navigation ----------------------------------------------------------------------------

  /**
   * Moves to the next or previous row of a kind (with a column: an only-here sentence of that
   * column); false when there is none that way.
   */
  step(kind: RowKind, direction: 1 | -1, column: number | null = null): boolean {
    const rows = this.alignment?.rows;
    if (!rows) return false;
    if (this.state.tab !== 'side') this.#change({ tab: 'side' });
    // Start from the current row while it is on screen; else from the top of the view (the
    // reader scrolled away since the last jump). Rows are compared by the band they sit in.
    const band = (row: number) => this.#bandOf(row);
    const top = this.state.scroll.row;
    const bottom = this.lastVisibleRow ?? top;
    const current = this.state.currentRow;
    const onScreen =
      current !== null &&
      (this.lastVisibleRow === null || (band(current) >= band(top) - 1 && band(current) <= band(bottom) + 1));
    const from = onScreen ? current : direction === 1 ? this.#rowBefore(top) : this.#rowAfter(bottom);
    const row = stepRow(rows, this.layout, from, direction, kind, column);
    if (row === null) {
      const what = kind === 'difference' ? 'difference' : '“only here” sentence';
      this.flash(direction === 1 ? `No ${what} below.` : `No ${what} above.`);
      return false;
    }
    this.#change({ currentRow: row });
    const cells = rows[row]!.cells;
    // Bring an only-here sentence's column into view (it may be scrolled off to the side).
    const shown = column ?? (kind === 'onlyHere' ? cells.findIndex((c) => c?.some((s) => s.onlyHere)) : -1);
    this.#requestScroll(row, null, shown === -1 ? null : shown, null);
    return true;
  }

  /** Makes a row current (a click on it). */
  pickRow(row: number): void {
    if (row !== this.state.currentRow) this.#change({ currentRow: row });
  }

  goToRow(row: number, column: number | null = null): void {
    this.#change({ currentRow: row });
    this.#requestScroll(row, null, column, null);
  }

  /** Shows the text at byte `offset` of the article in `column` (a shared passage, a quote). */
  goToOffset(column: number, offset: number): boolean {
    const alignment = this.alignment;
    const row = alignment ? rowAtOffset(alignment, column, offset) : null;
    if (row === null) return false;
    if (this.state.tab !== 'side') this.#change({ tab: 'side' });
    this.goToRow(row, column);
    return true;
  }

  /** A row of the band before (after) the band of `row`, or null at the ends: a step from there
   * starts with the band of `row` itself. */
  #rowBefore(row: number): number | null {
    return this.layout.bands[this.#bandOf(row) - 1]?.rows[0] ?? null;
  }

  #rowAfter(row: number): number | null {
    return this.layout.bands[this.#bandOf(row) + 1]?.rows[0] ?? null;
  }

  /** The band of a row; a row past the end counts as the last band. */
  #bandOf(row: number): number {
    return this.layout.bandOf[row] ?? (row > 0 ? this.layout.bands.length - 1 : 0);
  }

  /** Shows or hides the whole of a band's long runs. */
  toggleBand(band: number): void {
    const key = this.layout.bands[band]?.key;
    if (key === undefined) return;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a new set replaces the old
    const expanded = new Set(this.expanded);
    if (!expanded.delete(key)) expanded.add(key);
    this.expanded = expanded;
  }

  /** Whether a band shows its long runs in full. */
  isExpanded(band: number): boolean {
    const key = this.layout.bands[band]?.key;
    return key !== undefined && this.expanded.has(key);
  }

  #requestScroll(row: number, offset: number | null, column: number | null, note: number | null): void {
    // A jump to text inside a collapsed run opens the run first.
    if (offset === null && rowHidden(this.layout, row) && !this.isExpanded(this.layout.bandOf[row] ?? -1)) {
      this.toggleBand(this.layout.bandOf[row]!);
    }
    this.scrollRequest = { row, offset, column, note, seq: ++this.#scrollSeq };
  }

  hover(sentence: HoveredSentence | null): void {
    const old = this.hovered;
    if (old === sentence) return;
    if (old && sentence && old.row === sentence.row && old.column === sentence.column && old.sentence === sentence.sentence) {
      return;
    }
    this.hovered = sentence;
  }

  // --- articles ------------------------------------------------------------------------------

  async addArticles(ids: number[]): Promise<boolean> {
    const members = this.memberIds;
    const added = ids.filter((id) => !members.includes(id));
    if (added.length === 0) return false;
    if (members.length + added.length > MAX_ARTICLES) {
      this.flash(`A session compares at most ${MAX_ARTICLES} articles.`);
      return false;
    }
    return this.#setArticles([...members, ...added], 'Couldn’t add the article');
  }

  /** Takes an article out of the session (its notes stay, and come back with it); Undo. */
  async removeArticle(id: number): Promise<boolean> {
    const before = this.memberIds;
    if (!before.includes(id)) return false;
    const after = before.filter((a) => a !== id);
    if (after.length < MIN_ARTICLES) {
      this.flash(`A session compares at least ${MIN_ARTICLES} articles; add another one first.`);
      return false;
    }
    const title = this.articles.find((a) => a.id === id)?.title ?? `article ${id}`;
    const position = before.indexOf(id);
    if (!(await this.#setArticles(after, 'Couldn’t remove the article'))) return false;
    const session = this.id!;
    this.#undo.offer({
      label: `Removed “${title}” from the session`,
      undo: async () => {
        // The session may have changed since (or another one be open): put back only the
        // removed article, where it was.
        const now = (this.id === session ? this.memberIds : this.#sessions.byId(session)?.articles) ?? after;
        if (now.includes(id)) return;
        const restored = [...now];
        restored.splice(Math.min(position, restored.length), 0, id);
        try {
          this.#sessions.updated(await this.#backend.setSessionArticles(session, restored));
        } catch (error) {
          this.#banner.report('Couldn’t put the article back', error);
          return;
        }
        if (this.id === session) await this.reload();
      },
    });
    return true;
  }

  /** Renames the session; false (and a banner) when refused. */
  async rename(name: string): Promise<boolean> {
    const id = this.id;
    if (id === null) return false;
    try {
      const summary = await this.#backend.renameSession(id, name);
      this.#sessions.updated(summary);
      if (this.view && this.id === id) this.view = { ...this.view, session: { ...this.view.session, ...summary } };
      return true;
    } catch (error) {
      this.#banner.report('Couldn’t rename the session', error);
      return false;
    }
  }

  /** Takes the articles deleted from the library out of the session (when two remain). */
  async removeMissing(): Promise<boolean> {
    const missing = this.view?.missing ?? [];
    const left = this.memberIds.filter((id) => !missing.includes(id));
    if (missing.length === 0) return false;
    if (left.length < MIN_ARTICLES) {
      this.flash(`A session compares at least ${MIN_ARTICLES} articles; add another one first.`);
      return false;
    }
    return this.#setArticles(left, 'Couldn’t update the session');
  }

  async #setArticles(ids: number[], failure: string): Promise<boolean> {
    const id = this.id;
    if (id === null) return false;
    try {
      const summary = await this.#backend.setSessionArticles(id, ids);
      this.#sessions.updated(summary);
    } catch (error) {
      this.#banner.report(failure, error);
      return false;
    }
    await this.reload();
    return true;
  }

  // --- notes ---------------------------------------------------------------------------------

  select(selection: TextSelection | null): void {
    this.selection = selection;
  }

  /** A note on the selected text: made at once (empty), then edited in the notes panel. */
  async addNoteOnSelection(): Promise<Note | null> {
    const selection = this.selection;
    const id = this.id;
    const article = selection ? this.articles[selection.column] : undefined;
    if (this.#addingNote) return null;
    if (!selection || id === null || !article) {
      this.flash('Select some text in a column first, then add a note to it.');
      return null;
    }
    // One note per selection, however often A is pressed while the first is being made.
    this.selection = null;
    this.#addingNote = true;
    try {
      const note = await this.#backend.addNote({
        session: id,
        article: article.id,
        quote: selection.quote,
        prefix: selection.prefix,
        suffix: selection.suffix,
        near: selection.near,
        body: '',
        tags: [],
      });
      this.onSelectionUsed?.();
      this.#change({ panel: 'notes' });
      this.editing = note.id;
      await this.reload();
      // The panel took room from the columns and the text reflowed: bring the passage back.
      this.jumpToNote(note.id);
      return note;
    } catch (error) {
      this.selection = selection;
      this.#banner.report('Couldn’t add the note', error);
      return null;
    } finally {
      this.#addingNote = false;
    }
  }

  /** Opens the editor for a new note on the session itself. */
  startSessionNote(): void {
    this.#change({ panel: 'notes' });
    this.#draftNote = null;
    this.draftNoteId = null;
    this.editing = 'session';
  }

  /** The editor of a note is closed (Done, Esc). */
  finishEditing(key: number | 'session'): void {
    if (this.editing === key) this.editing = null;
    if (key === 'session') {
      this.#draftNote = null;
      this.draftNoteId = null;
    }
  }

  /**
   * Saves a note's text and tags. A new session note ('session') is created on its first
   * save with text and updated after that, its editor staying the same. Saves of one note run
   * in order; resolves to the saved note, or null when nothing was saved.
   */
  async saveNote(id: number | 'session', body: string, tags: string[]): Promise<Note | null> {
    const session = this.id;
    if (session === null) return null;
    if (id === 'session') {
      if (this.#draftNote === null) {
        if (body.trim() === '') return null;
        this.#draftNote = this.#createSessionNote(session, body, tags);
        const created = await this.#draftNote;
        if (!created) this.#draftNote = null;
        return created;
      }
      const created = await this.#draftNote;
      if (!created) return null;
      id = created.id;
    }
    return this.#updateNote(id, body, tags);
  }

  #createSessionNote(session: number, body: string, tags: string[]): Promise<Note | null> {
    const note = { session, article: null, quote: null, prefix: null, suffix: null, near: null, body, tags };
    return this.#saveNote(() => this.#backend.addNote(note), (made) => (this.draftNoteId = made.id));
  }

  #updateNote(id: number, body: string, tags: string[]): Promise<Note | null> {
    const previous = this.#noteSaves.get(id) ?? Promise.resolve();
    const run = previous.then(() => this.#saveNote(() => this.#backend.updateNote(id, body, tags)));
    this.#noteSaves.set(id, run);
    void run.finally(() => {
      if (this.#noteSaves.get(id) === run) this.#noteSaves.delete(id);
    });
    return run;
  }

  /** Runs a note's save: the saved note replaces the shown one; a failure is reported. */
  async #saveNote(save: () => Promise<Note>, saved?: (note: Note) => void): Promise<Note | null> {
    try {
      const note = await save();
      saved?.(note);
      this.#putNote(note);
      void this.#loadTags();
      return note;
    } catch (error) {
      this.#banner.report('Couldn’t save the note', error);
      return null;
    }
  }

  #putNote(note: Note): void {
    const view = this.view;
    if (!view || note.session !== this.id) return;
    const exists = view.notes.some((n) => n.id === note.id);
    const notes = exists ? view.notes.map((n) => (n.id === note.id ? note : n)) : [...view.notes, note];
    this.view = { ...view, notes };
  }

  /** Deletes a note; Undo brings it back, anchored where it was. */
  async deleteNote(id: number): Promise<void> {
    const note = this.view?.notes.find((n) => n.id === id);
    await this.#noteSaves.get(id);
    try {
      await this.#backend.deleteNote(id);
    } catch (error) {
      this.#banner.report('Couldn’t delete the note', error);
      return;
    }
    if (this.editing === id) this.editing = null;
    if (this.draftNoteId === id) this.finishEditing('session');
    await this.reload();
    const session = this.id;
    const passage = note?.quote?.exact;
    const quote = passage ? `“${passage.slice(0, 40)}${passage.length > 40 ? '…' : ''}”` : 'the session';
    this.#undo.offer({
      label: `Deleted a note on ${quote}`,
      undo: async () => {
        try {
          await this.#backend.restoreNote(id);
          if (this.id === session) await this.reload();
        } catch (error) {
          this.#banner.report('Couldn’t undo the delete', error);
        }
      },
    });
  }

  /** Shows a note's passage in the text: its row, its column, the mark flashing. */
  jumpToNote(id: number): boolean {
    const place = this.notePlaces.get(id);
    if (!place) {
      this.flash('This note’s passage is no longer in the text (the article changed).');
      return false;
    }
    if (this.state.tab !== 'side') this.#change({ tab: 'side' });
    this.#change({ currentRow: place.row });
    this.#requestScroll(place.row, null, place.column, id);
    return true;
  }

  /** Opens a note in the panel (a click on its mark in the text). */
  showNote(id: number): void {
    this.#change({ panel: 'notes' });
    this.editing = id;
  }

  setNoteQuery(query: string): void {
    this.noteQuery = query;
    clearTimeout(this.#searchTimer);
    const seq = ++this.#searchSeq;
    if (query.trim() === '') {
      this.noteHits = null;
      return;
    }
    this.#searchTimer = setTimeout(async () => {
      try {
        const hits = await this.#backend.searchNotes(query);
        if (seq === this.#searchSeq) this.noteHits = hits;
      } catch (error) {
        if (seq === this.#searchSeq) this.#banner.report('Couldn’t search the notes', error);
      }
    }, this.#searchDelayMs);
  }

  async #loadTags(): Promise<void> {
    try {
      this.tags = await this.#backend.listTags();
    } catch {
      // Suggestions are a convenience; typing a tag still works without them.
    }
  }
}

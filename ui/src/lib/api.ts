/**
 * The gateway: the only module that talks to Tauri. Everything else imports `backend` (or the
 * `Backend` type, so state classes can be handed a stand-in in unit tests).
 * Every rejection leaves this file as a `CommandFailure` carrying a `CommandError`.
 */
import { Channel, invoke, isTauri } from '@tauri-apps/api/core';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { OpenedBundle } from './bindings/OpenedBundle';
import type { ReportFormat } from './bindings/ReportFormat';
import type { AfterImport } from './bindings/AfterImport';
import type { AfterImportProgress } from './bindings/AfterImportProgress';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { ArticleUse } from './bindings/ArticleUse';
import type { CommandError } from './bindings/CommandError';
import type { ImportEvent } from './bindings/ImportEvent';
import type { ImportReport } from './bindings/ImportReport';
import type { LibraryInfo } from './bindings/LibraryInfo';
import { IMPORTABLE_EXTENSIONS } from './bindings/limits';
import type { MetadataEdit } from './bindings/MetadataEdit';
import type { NewNote } from './bindings/NewNote';
import type { Note } from './bindings/Note';
import type { ReuseReport } from './bindings/ReuseReport';
import type { SearchHit } from './bindings/SearchHit';
import type { SessionPlace } from './bindings/SessionPlace';
import type { SessionSummary } from './bindings/SessionSummary';
import type { SessionView } from './bindings/SessionView';
import type { TagCount } from './bindings/TagCount';
import type { Trash } from './bindings/Trash';
import { CommandFailure, toCommandError } from './errors';
import type { ViewState } from './viewState';

/** A native drag over the window, reduced to what the UI needs. */
export type DragDropEvent =
  | { type: 'enter'; paths: string[] }
  | { type: 'over' }
  | { type: 'drop'; paths: string[] }
  | { type: 'leave' };

export type Unsubscribe = () => void;

export interface Backend {
  libraryInfo(): Promise<LibraryInfo>;
  listArticles(): Promise<ArticleSummary[]>;
  searchArticles(query: string): Promise<SearchHit[]>;
  updateArticle(id: number, edit: MetadataEdit): Promise<ArticleSummary>;
  /** Sets the outlet of several articles (null clears it); their summaries as they now are. */
  setArticlesOutlet(ids: number[], outlet: string | null): Promise<ArticleSummary[]>;
  deleteArticles(ids: number[]): Promise<number>;
  restoreArticles(ids: number[]): Promise<number>;
  /** The live sessions that compare any of the articles (asked before deleting them). */
  articleUses(ids: number[]): Promise<ArticleUse[]>;
  /** Takes articles out of the sessions comparing them; the places taken, for the undo. */
  removeFromSessions(ids: number[]): Promise<SessionPlace[]>;
  putBackInSessions(places: SessionPlace[]): Promise<void>;
  /** What the trash holds: deleted articles, notes and sessions. */
  trashContents(): Promise<Trash>;
  /** Removes the trash for good and erases its words from the library file; what was removed. */
  emptyTrash(): Promise<Trash>;
  /** Copies the library to `path` (a bare file name goes to the Documents folder); the file written. */
  backupLibrary(path: string): Promise<string>;
  /** The native save dialog for a backup; null when the person cancels. */
  chooseBackupPath(suggested: string): Promise<string | null>;
  /** Passages articles share across the library (at least `minWords` long). */
  libraryReuse(minWords: number): Promise<ReuseReport>;
  importPaths(paths: string[], onProgress: (event: ImportEvent) => void): Promise<ImportReport>;
  importSample(): Promise<ImportReport>;
  /** The work after an import: languages detected, outlets' footers learned. */
  afterImport(ids: number[], onProgress: (progress: AfterImportProgress) => void): Promise<AfterImport>;
  listSessions(): Promise<SessionSummary[]>;
  createSession(name: string, articles: number[]): Promise<SessionSummary>;
  /** The session analysed against `pivot` (an article id; null: the one it was left with), with notes. */
  openSession(id: number, pivot: number | null): Promise<SessionView>;
  renameSession(id: number, name: string): Promise<SessionSummary>;
  duplicateSession(id: number): Promise<SessionSummary>;
  deleteSession(id: number): Promise<void>;
  restoreSession(id: number): Promise<void>;
  setSessionArticles(id: number, articles: number[]): Promise<SessionSummary>;
  saveViewState(id: number, viewState: ViewState): Promise<void>;
  addNote(note: NewNote): Promise<Note>;
  updateNote(id: number, body: string, tags: string[]): Promise<Note>;
  deleteNote(id: number): Promise<void>;
  restoreNote(id: number): Promise<void>;
  /** Notes of every session matching the words (body, quoted passage, tags), best first. */
  searchNotes(query: string): Promise<Note[]>;
  listTags(): Promise<TagCount[]>;
  /**
   * Writes a session as a report to `path` (a folder for CSV; a bare file name goes to the
   * Documents folder). Resolves to the files written.
   */
  exportSession(id: number, format: ReportFormat, path: string): Promise<string[]>;
  /** The native save dialog for a report or a bundle; null when the person cancels. */
  chooseExportPath(format: ReportFormat | 'bundle', suggested: string): Promise<string | null>;
  /** Saves a session as a bundle file; resolves to the file written. */
  saveBundle(id: number, path: string): Promise<string>;
  /** Opens a bundle file: its articles imported, its session and notes recreated. */
  openBundle(path: string): Promise<OpenedBundle>;
  /** The native open dialog for a bundle; null when the person cancels. */
  pickBundle(): Promise<string | null>;
  /** Resolves to the chosen paths; an empty list when the person cancels. */
  pickFiles(): Promise<string[]>;
  pickFolders(): Promise<string[]>;
  onDragDrop(handler: (event: DragDropEvent) => void): Promise<Unsubscribe>;
}

const OUTSIDE_APP: CommandError = {
  code: 'internal',
  message: 'The Parallax backend is not reachable: this page is running outside the desktop app.',
};

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!isTauri()) throw new CommandFailure(command, OUTSIDE_APP);
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw new CommandFailure(command, toCommandError(raw));
  }
}

function asPaths(picked: string | string[] | null): string[] {
  if (picked === null) return [];
  return Array.isArray(picked) ? picked : [picked];
}

async function pick(directory: boolean): Promise<string[]> {
  if (!isTauri()) throw new CommandFailure('plugin:dialog|open', OUTSIDE_APP);
  try {
    const picked = await open(
      directory
        ? { directory: true, multiple: true, title: 'Import folders of articles' }
        : {
            multiple: true,
            title: 'Import articles',
            filters: [
              { name: 'Articles', extensions: [...IMPORTABLE_EXTENSIONS] },
              { name: 'All files', extensions: ['*'] },
            ],
          },
    );
    return asPaths(picked);
  } catch (raw) {
    throw new CommandFailure('plugin:dialog|open', toCommandError(raw));
  }
}

/** The file-type filter of each report format in the save dialog. */
const REPORT_FILTERS: Record<ReportFormat | 'bundle', { name: string; extensions: string[] } | null> = {
  bundle: { name: 'Parallax session bundle', extensions: ['json'] },
  html: { name: 'Web page (one file)', extensions: ['html'] },
  md: { name: 'Markdown', extensions: ['md'] },
  json: { name: 'JSON', extensions: ['json'] },
  csv: null,
};

async function chooseExportPath(format: ReportFormat | 'bundle', suggested: string): Promise<string | null> {
  if (!isTauri()) throw new CommandFailure('plugin:dialog|save', OUTSIDE_APP);
  try {
    const filter = REPORT_FILTERS[format];
    return await save({
      title: format === 'csv' ? 'Save the tables in a new folder' : 'Save the report',
      defaultPath: suggested,
      filters: filter ? [filter] : [],
    });
  } catch (raw) {
    throw new CommandFailure('plugin:dialog|save', toCommandError(raw));
  }
}

async function chooseBackupPath(suggested: string): Promise<string | null> {
  if (!isTauri()) throw new CommandFailure('plugin:dialog|save', OUTSIDE_APP);
  try {
    return await save({
      title: 'Back up the library',
      defaultPath: suggested,
      filters: [{ name: 'Parallax library', extensions: ['sqlite3'] }],
    });
  } catch (raw) {
    throw new CommandFailure('plugin:dialog|save', toCommandError(raw));
  }
}

async function pickBundle(): Promise<string | null> {
  if (!isTauri()) throw new CommandFailure('plugin:dialog|open', OUTSIDE_APP);
  try {
    const picked = await open({
      multiple: false,
      title: 'Open a session bundle',
      filters: [{ name: 'Parallax session bundle', extensions: ['json'] }],
    });
    return asPaths(picked)[0] ?? null;
  } catch (raw) {
    throw new CommandFailure('plugin:dialog|open', toCommandError(raw));
  }
}

export const backend: Backend = {
  libraryInfo: () => call('library_info'),
  listArticles: () => call('list_articles'),
  searchArticles: (query) => call('search_articles', { query }),
  updateArticle: (id, edit) => call('update_article', { id, edit }),
  setArticlesOutlet: (ids, outlet) => call('set_articles_outlet', { ids, outlet }),
  deleteArticles: (ids) => call('delete_articles', { ids }),
  restoreArticles: (ids) => call('restore_articles', { ids }),
  articleUses: (ids) => call('article_uses', { ids }),
  removeFromSessions: (ids) => call('remove_from_sessions', { ids }),
  putBackInSessions: (places) => call('put_back_in_sessions', { places }),
  trashContents: () => call('trash_contents'),
  emptyTrash: () => call('empty_trash'),
  backupLibrary: (path) => call('backup_library', { path }),
  chooseBackupPath,
  libraryReuse: (minWords) => call('library_reuse', { minWords }),
  importPaths: (paths, onProgress) => {
    const channel = new Channel<ImportEvent>();
    channel.onmessage = onProgress;
    return call('import_paths', { paths, onProgress: channel });
  },
  importSample: () => call('import_sample'),
  afterImport: (ids, onProgress) => {
    const channel = new Channel<AfterImportProgress>();
    channel.onmessage = onProgress;
    return call('after_import', { articles: ids, onProgress: channel });
  },
  listSessions: () => call('list_sessions'),
  createSession: (name, articles) => call('create_session', { name, articles }),
  openSession: (id, pivot) => call('open_session', { id, pivot }),
  renameSession: (id, name) => call('rename_session', { id, name }),
  duplicateSession: (id) => call('duplicate_session', { id }),
  deleteSession: (id) => call('delete_session', { id }),
  restoreSession: (id) => call('restore_session', { id }),
  setSessionArticles: (id, articles) => call('set_session_articles', { id, articles }),
  saveViewState: (id, viewState) => call('save_view_state', { id, viewState }),
  addNote: (note) => call('add_note', { note }),
  updateNote: (id, body, tags) => call('update_note', { id, body, tags }),
  deleteNote: (id) => call('delete_note', { id }),
  restoreNote: (id) => call('restore_note', { id }),
  searchNotes: (query) => call('search_notes', { query }),
  listTags: () => call('list_tags'),
  exportSession: (id, format, path) => call('export_session', { id, format, path }),
  chooseExportPath,
  saveBundle: (id, path) => call('save_bundle', { id, path }),
  openBundle: (path) => call('open_bundle', { path }),
  pickBundle,
  pickFiles: () => pick(false),
  pickFolders: () => pick(true),
  onDragDrop: async (handler) => {
    // In a plain browser there is no native drag-and-drop to listen to; nothing to undo.
    if (!isTauri()) return () => {};
    try {
      return await getCurrentWebview().onDragDropEvent((event) => {
        const payload = event.payload;
        switch (payload.type) {
          case 'enter':
          case 'drop':
            handler({ type: payload.type, paths: payload.paths });
            break;
          case 'over':
          case 'leave':
            handler({ type: payload.type });
            break;
        }
      });
    } catch (raw) {
      throw new CommandFailure('onDragDropEvent', toCommandError(raw));
    }
  },
};

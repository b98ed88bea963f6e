import type { Backend, DragDropEvent } from '../api';
import type { AfterImportProgress } from '../bindings/AfterImportProgress';
import type { ImportReport } from '../bindings/ImportReport';
import { applyProgress, NO_PROGRESS, type ProgressSnapshot } from '../progress';
import type { Banner } from './banner.svelte';

export type ImportBackend = Pick<Backend, 'importPaths' | 'importSample' | 'afterImport' | 'pickFiles' | 'pickFolders'>;

/** One import the person asked for: some paths, or the built-in sample. */
type Job = { kind: 'paths'; paths: string[] } | { kind: 'sample' };

export const EMPTY_REPORT: ImportReport = { imported: [], duplicates: [], failed: [] };

/** Adds up reports, for imports queued one after another while the first was running. */
export function mergeReports(a: ImportReport, b: ImportReport): ImportReport {
  return {
    imported: [...a.imported, ...b.imported],
    duplicates: [...a.duplicates, ...b.duplicates],
    failed: [...a.failed, ...b.failed],
  };
}

/**
 * Imports: the drop overlay, the progress bar and the report afterwards. Drops that arrive
 * while an import runs are queued and their results join the same report.
 */
export class Importer {
  /** A drag with files is over the window. */
  dragging = $state(false);
  /** How many items are being dragged (files or folders), if the system told us. */
  dragCount = $state(0);
  running = $state(false);
  /** What the running job is, for the progress line. */
  job = $state.raw<Job | null>(null);
  progress = $state.raw<ProgressSnapshot>(NO_PROGRESS);
  /** The report of the last finished import(s), until dismissed. */
  report = $state.raw<ImportReport | null>(null);
  /** A file or folder picker is open. */
  picking = $state(false);
  /**
   * The work after an import (languages, outlets' footers learned) while it runs in the
   * background; null when none runs. The import's report does not wait for it.
   */
  learning = $state.raw<AfterImportProgress | null>(null);

  readonly #backend: ImportBackend;
  readonly #banner: Banner;
  readonly #afterImport: () => Promise<void>;
  /** Jobs waiting for the running one; replaced, never mutated, so `queued` stays reactive. */
  #queue = $state.raw<Job[]>([]);
  /** Imported articles the work after the import has still to see. */
  #toLearn: number[] = [];
  /** Whether the work after the import is wanted again (new articles, or the start). */
  #learnWanted = false;
  /** The running work after the import, if any. */
  #learningDone: Promise<void> | null = null;
  /** The run whose progress messages count; later messages of an earlier run are dropped. */
  #learningRun: object | null = null;

  /** `afterImport` runs after each finished job, e.g. to refresh the library. */
  constructor(backend: ImportBackend, banner: Banner, afterImport: () => Promise<void>) {
    this.#backend = backend;
    this.#banner = banner;
    this.#afterImport = afterImport;
  }

  get queued(): number {
    return this.#queue.length;
  }

  importPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return Promise.resolve();
    return this.#enqueue({ kind: 'paths', paths });
  }

  importSample(): Promise<void> {
    return this.#enqueue({ kind: 'sample' });
  }

  async pickFiles(): Promise<void> {
    await this.#pick(() => this.#backend.pickFiles());
  }

  async pickFolders(): Promise<void> {
    await this.#pick(() => this.#backend.pickFolders());
  }

  async #pick(open: () => Promise<string[]>): Promise<void> {
    if (this.picking) return;
    this.picking = true;
    let paths: string[] = [];
    try {
      paths = await open();
    } catch (error) {
      this.#banner.report('Couldn’t open the file picker', error);
    } finally {
      this.picking = false;
    }
    await this.importPaths(paths);
  }

  /** Native drag-and-drop over the window. */
  handleDragDrop(event: DragDropEvent): void {
    switch (event.type) {
      case 'enter':
        this.dragging = true;
        this.dragCount = event.paths.length;
        break;
      case 'over':
        // Some platforms send no "enter" before "over"; the overlay must still show.
        this.dragging = true;
        break;
      case 'leave':
        this.dragging = false;
        break;
      case 'drop':
        this.dragging = false;
        void this.importPaths(event.paths);
        break;
    }
  }

  dismissReport(): void {
    this.report = null;
  }

  async #enqueue(job: Job): Promise<void> {
    this.#queue = [...this.#queue, job];
    if (this.running) return;
    this.running = true;
    let combined: ImportReport | null = null;
    try {
      for (let next = this.#dequeue(); next; next = this.#dequeue()) {
        this.job = next;
        this.progress = NO_PROGRESS;
        const result = await this.#run(next);
        if (result) {
          combined = combined ? mergeReports(combined, result) : result;
          // Refresh first, so the report's links lead to rows that are in the list. Then show
          // what we have so far; later jobs in the queue add to it.
          await this.#afterImport();
          this.report = combined;
          if (result.imported.length > 0) this.#learn(result.imported.map((file) => file.id));
        }
      }
    } finally {
      this.running = false;
      this.job = null;
    }
  }

  /**
   * Finishes the work after imports that an earlier run of the app left undone (the backend
   * keeps the list); called once at start.
   */
  resumeLearning(): void {
    this.#learn([]);
  }

  /** Resolves once the work after every import so far is done (for tests). */
  async settled(): Promise<void> {
    while (this.#learningDone) await this.#learningDone;
  }

  /** Starts the work after an import in the background, or adds these articles to it. */
  #learn(ids: number[]): void {
    // concat, not push(...ids): an import of 100,000 files would pass too many arguments.
    this.#toLearn = this.#toLearn.concat(ids);
    this.#learnWanted = true;
    this.#learningDone ??= this.#learnAll();
  }

  async #learnAll(): Promise<void> {
    try {
      while (this.#learnWanted) {
        this.#learnWanted = false;
        const ids = this.#toLearn;
        this.#toLearn = [];
        const run = {};
        this.#learningRun = run;
        this.learning = { done: 0, total: 0 };
        try {
          await this.#backend.afterImport(ids, (progress) => {
            if (this.#learningRun === run) this.learning = progress;
          });
        } catch (error) {
          // The articles are imported either way; the backend keeps them marked, so the
          // next start tries again. A failed resume at start (no new articles of this run; the
          // library may not even be open, which is reported already) says nothing.
          if (ids.length > 0) {
            this.#banner.report('Couldn’t finish reading the new articles’ languages and outlet footers', error);
          }
        }
        this.#learningRun = null;
        this.learning = null;
        // Languages and word counts changed: the library shows them.
        await this.#afterImport();
      }
    } finally {
      this.#learningDone = null;
      this.#learningRun = null;
      this.learning = null;
    }
  }

  #dequeue(): Job | undefined {
    const [next, ...rest] = this.#queue;
    this.#queue = rest;
    return next;
  }

  async #run(job: Job): Promise<ImportReport | null> {
    try {
      if (job.kind === 'sample') return await this.#backend.importSample();
      return await this.#backend.importPaths(job.paths, (event) => {
        // Channel messages can trail the command's answer: once this job is over they would
        // land in the next job's progress.
        if (this.job !== job) return;
        this.progress = applyProgress(this.progress, event);
      });
    } catch (error) {
      this.#banner.report(job.kind === 'sample' ? 'Couldn’t open the sample' : 'Import failed', error);
      return null;
    }
  }
}

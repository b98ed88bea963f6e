import type { Backend } from '../api';
import type { ReuseReport } from '../bindings/ReuseReport';
import { errorMessage } from '../errors';

/** Shortest passage the library view reports, in words. */
export const MIN_PASSAGE_WORDS = 20;

/**
 * The library's shared passages panel: which articles reuse text from which, and how much.
 * Asked for when the panel opens (it reads the whole library), kept until the library changes.
 */
export class LibraryReuseState {
  open = $state(false);
  loading = $state(false);
  result = $state.raw<ReuseReport | null>(null);
  error = $state<string | null>(null);

  readonly #backend: Pick<Backend, 'libraryReuse'>;
  #seq = 0;
  /** The library changed while a search ran: search again once it ends. */
  #again = false;

  constructor(backend: Pick<Backend, 'libraryReuse'>) {
    this.#backend = backend;
  }

  toggle(): void {
    this.open = !this.open;
    if (this.open && !this.result) void this.load();
  }

  /** The articles changed (import, delete, restore): what was found may be out of date. */
  stale(): void {
    this.result = null;
    if (this.loading) {
      // The running search may predate the change: its answer is dropped, and one more runs.
      this.#seq++;
      this.#again = true;
      return;
    }
    if (this.open) void this.load();
  }

  async load(): Promise<void> {
    if (this.loading) return;
    const seq = ++this.#seq;
    this.loading = true;
    this.error = null;
    try {
      const result = await this.#backend.libraryReuse(MIN_PASSAGE_WORDS);
      if (seq === this.#seq) this.result = result;
    } catch (error) {
      if (seq === this.#seq) this.error = errorMessage(error);
    } finally {
      this.loading = false;
      if (this.#again) {
        this.#again = false;
        if (this.open) void this.load();
      }
    }
  }
}

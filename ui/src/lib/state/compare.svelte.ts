import type { Backend } from '../api';
import type { SideBySide } from '../bindings/SideBySide';
import { nextChange, previousChange } from '../diff';
import { errorMessage } from '../errors';

export type CompareBackend = Pick<Backend, 'compareArticles'>;

/** The side-by-side view: which two articles, their diff, and the change being looked at. */
export class Comparison {
  /** [left id, right id] of the comparison on screen (or loading). */
  pair = $state.raw<[number, number] | null>(null);
  result = $state.raw<SideBySide | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** The highlighted change (0-based), or null before the first jump. */
  current = $state<number | null>(null);

  readonly total: number = $derived(this.result?.counts.changes ?? 0);

  readonly #backend: CompareBackend;
  #seq = 0;

  constructor(backend: CompareBackend) {
    this.#backend = backend;
  }

  async open(left: number, right: number): Promise<void> {
    const seq = ++this.#seq;
    this.pair = [left, right];
    this.result = null;
    this.current = null;
    this.error = null;
    this.loading = true;
    try {
      const result = await this.#backend.compareArticles(left, right);
      if (seq !== this.#seq) return; // the person went back or opened another pair
      this.result = result;
    } catch (error) {
      if (seq === this.#seq) this.error = errorMessage(error);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  /** Shows the same two articles the other way round. */
  swap(): Promise<void> {
    if (!this.pair) return Promise.resolve();
    return this.open(this.pair[1], this.pair[0]);
  }

  retry(): Promise<void> {
    if (!this.pair) return Promise.resolve();
    return this.open(this.pair[0], this.pair[1]);
  }

  close(): void {
    this.#seq++;
    this.pair = null;
    this.result = null;
    this.current = null;
    this.error = null;
    this.loading = false;
  }

  next(): void {
    this.current = nextChange(this.current, this.total);
  }

  previous(): void {
    this.current = previousChange(this.current, this.total);
  }

  goTo(change: number): void {
    if (change >= 0 && change < this.total) this.current = change;
  }
}

import type { ErrorCode } from '../bindings/ErrorCode';
import { toCommandError } from '../errors';

export type Notice = {
  id: number;
  /** What we were doing, e.g. "Couldn’t load the library". */
  context: string;
  message: string;
  code: ErrorCode;
};

/** How many errors stay on screen; older ones drop off instead of piling up. */
const KEEP = 3;

/**
 * Errors shown in a non-modal banner at the top of the window. Nothing blocks on them: the
 * person can keep working and dismiss them when they like.
 */
export class Banner {
  notices = $state.raw<Notice[]>([]);
  #nextId = 1;

  report(context: string, error: unknown): void {
    const { code, message } = toCommandError(error);
    // The same failure twice (say, a retried search) is one notice, moved to the front.
    const rest = this.notices.filter((n) => !(n.context === context && n.message === message));
    this.notices = [{ id: this.#nextId++, context, message, code }, ...rest].slice(0, KEEP);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((notice) => notice.id !== id);
  }

  clear(): void {
    this.notices = [];
  }
}

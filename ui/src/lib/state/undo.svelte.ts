/** Something destructive that just happened and can still be taken back. */
export type UndoableAction = {
  /** What the toast says, e.g. "Deleted “Port strike ends”". */
  label: string;
  /** Takes it back. Rejections are the caller's to report (see `UndoOffer.undo`). */
  undo: () => Promise<void>;
};

/**
 * The one Undo offer of the app: every destructive action (deleting articles, a session, a
 * note; taking an article out of a session) offers it here, and one toast shows it for a while.
 * A new offer replaces the old one (the old action stays done). The countdown pauses while the
 * toast is pointed at or focused, so it can't vanish under the hand reaching for Undo.
 */
export class UndoOffer {
  pending = $state.raw<UndoableAction | null>(null);
  held = $state(false);
  /** How long an offer stays (the toast's countdown bar uses it too). */
  readonly durationMs: number;

  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Time left, and when the current stretch of the countdown started. */
  #leftMs = 0;
  #since = 0;

  constructor(durationMs = 10_000) {
    this.durationMs = durationMs;
  }

  offer(action: UndoableAction): void {
    clearTimeout(this.#timer);
    this.pending = action;
    this.held = false;
    this.#leftMs = this.durationMs;
    this.#run();
  }

  #run(): void {
    this.#since = Date.now();
    this.#timer = setTimeout(() => (this.pending = null), this.#leftMs);
  }

  /** Pauses (true) or resumes the countdown. */
  hold(held: boolean): void {
    if (held === this.held || !this.pending) return;
    this.held = held;
    if (held) {
      clearTimeout(this.#timer);
      this.#leftMs -= Date.now() - this.#since;
    } else {
      this.#run();
    }
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.pending = null;
    this.held = false;
  }

  /** Runs the pending undo; false when there was none. */
  async undo(): Promise<boolean> {
    const pending = this.pending;
    if (!pending) return false;
    this.dismiss();
    await pending.undo();
    return true;
  }
}

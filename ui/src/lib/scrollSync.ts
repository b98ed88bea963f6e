export type Side = 'left' | 'right';

/**
 * Decides which scroll events move the other column. Whoever scrolls first leads; the
 * follower's own scroll events (caused by us setting its scrollTop) are ignored while they keep
 * coming, so the two columns never push each other back and forth. Navigation to a change
 * scrolls both columns itself and holds both sides for a moment.
 */
export class ScrollLink {
  #leader: Side | 'both' | null = null;
  #until = 0;
  readonly #holdMs: number;
  readonly #now: () => number;

  constructor(holdMs = 150, now: () => number = () => performance.now()) {
    this.#holdMs = holdMs;
    this.#now = now;
  }

  /** A scroll event happened on `side`; true when the other side should follow it. */
  scrolled(side: Side): boolean {
    const now = this.#now();
    const held = this.#leader !== null && now < this.#until;
    if (held && this.#leader !== side) {
      // An echo of our own scrolling (or a smooth scroll still settling): keep holding.
      this.#until = now + this.#holdMs;
      return false;
    }
    this.#leader = side;
    this.#until = now + this.#holdMs;
    return true;
  }

  /** Both columns are about to be scrolled by the app (next/previous change). */
  holdBoth(ms = 600): void {
    this.#leader = 'both';
    this.#until = this.#now() + ms;
  }
}

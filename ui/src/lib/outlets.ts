/**
 * One colour per outlet, everywhere. Colours come from the Okabe–Ito palette (distinguishable
 * with the common colour-vision deficiencies); the CSS defines `--outlet-0` … `--outlet-7` for
 * light and dark themes. A colour is never the only cue: chips always carry the outlet's name.
 */

export const PALETTE_SIZE = 8;

/** Names of the slots, in the order they are handed out (most distinct first). */
export const PALETTE_NAMES = [
  'blue',
  'orange',
  'bluish green',
  'vermillion',
  'sky blue',
  'reddish purple',
  'yellow',
  'grey',
] as const;

/** Outlet names compare without case or surrounding spaces: "The Daily " is "the daily". */
export function outletKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/**
 * Remembers which slot each outlet got. An outlet keeps its slot for as long as the palette is
 * kept (it is saved between runs), so colours don't shuffle when outlets are added or removed.
 * New outlets take the least used slot, earliest in palette order on ties.
 */
export class OutletPalette {
  readonly #slots = new Map<string, number>();

  constructor(saved: Record<string, number> = {}) {
    for (const [key, slot] of Object.entries(saved)) {
      if (Number.isInteger(slot) && slot >= 0 && slot < PALETTE_SIZE) this.#slots.set(key, slot);
    }
  }

  /** The slot for an outlet, assigning one if it is new; `null` for an unknown outlet. */
  slotOf(outlet: string | null): number | null {
    if (outlet === null || outlet.trim() === '') return null;
    const key = outletKey(outlet);
    const known = this.#slots.get(key);
    if (known !== undefined) return known;
    const slot = this.#leastUsedSlot();
    this.#slots.set(key, slot);
    return slot;
  }

  /** The slot an outlet already has, without assigning one; `null` if it has none. */
  knownSlotOf(outlet: string | null): number | null {
    if (outlet === null) return null;
    return this.#slots.get(outletKey(outlet)) ?? null;
  }

  /** Assigns slots in the given order, e.g. outlets in the order they were first imported. */
  assign(outlets: Iterable<string | null>): void {
    for (const outlet of outlets) this.slotOf(outlet);
  }

  get size(): number {
    return this.#slots.size;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.#slots);
  }

  #leastUsedSlot(): number {
    const uses = new Array<number>(PALETTE_SIZE).fill(0);
    for (const slot of this.#slots.values()) uses[slot] = (uses[slot] ?? 0) + 1;
    let best = 0;
    for (let slot = 1; slot < PALETTE_SIZE; slot++) {
      if ((uses[slot] ?? 0) < (uses[best] ?? 0)) best = slot;
    }
    return best;
  }
}

const STORAGE_KEY = 'parallax.outletColours.v1';

function loadSaved(): Record<string, number> {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    // A corrupt or unavailable store only costs us the old colours.
    return {};
  }
}

/** The app's palette, shared by every component that shows an outlet. */
export const outletPalette = new OutletPalette(loadSaved());

/** Assigns colours to outlets (in order) and saves the assignment for the next run. */
export function rememberOutlets(outlets: Iterable<string | null>): void {
  const before = outletPalette.size;
  outletPalette.assign(outlets);
  if (outletPalette.size === before) return;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(outletPalette));
  } catch {
    // Not saving is harmless: colours are assigned again, in the same order, next time.
  }
}

/**
 * CSS colour for an outlet, for `style:--chip` bindings. A pure lookup: rendering must not hand
 * out slots (those would skip rememberOutlets and be lost on the next run). Every outlet on
 * screen comes from the library, which remembers its outlets as it loads and saves them.
 */
export function outletColour(outlet: string | null): string {
  const slot = outletPalette.knownSlotOf(outlet);
  return slot === null ? 'var(--outlet-none)' : `var(--outlet-${slot})`;
}

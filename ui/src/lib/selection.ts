/**
 * Row selection as in a file manager, as plain immutable values so it can be tested alone.
 * `order` is always the ids in the order the rows are shown.
 */
export type Selection = {
  /** Selected ids. */
  readonly ids: ReadonlySet<number>;
  /** Where a Shift range starts. */
  readonly anchor: number | null;
  /** The keyboard cursor: the row that arrows move from and Space toggles. */
  readonly cursor: number | null;
};

export type ClickModifiers = { shift: boolean; toggle: boolean };

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null, cursor: null };

function range(order: readonly number[], from: number, to: number): number[] {
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0) return [to];
  return order.slice(Math.min(a, b), Math.max(a, b) + 1);
}

/** Click: plain selects one; Ctrl/Cmd toggles one; Shift selects anchor..id (Ctrl+Shift adds it). */
export function click(
  selection: Selection,
  order: readonly number[],
  id: number,
  modifiers: ClickModifiers,
): Selection {
  if (modifiers.shift && selection.anchor !== null) {
    const span = range(order, selection.anchor, id);
    const ids = modifiers.toggle ? new Set([...selection.ids, ...span]) : new Set(span);
    return { ids, anchor: selection.anchor, cursor: id };
  }
  if (modifiers.toggle) {
    const ids = new Set(selection.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id, cursor: id };
  }
  return { ids: new Set([id]), anchor: id, cursor: id };
}

/**
 * The id `delta` rows from `cursor`, clamped to the ends; from no cursor (or one not on screen)
 * down starts above the first row and up below the last. null when there are no rows.
 */
function step(order: readonly number[], cursor: number | null, delta: number): number | null {
  if (order.length === 0) return null;
  const at = cursor === null ? -1 : order.indexOf(cursor);
  const start = at < 0 ? (delta > 0 ? -1 : order.length) : at;
  return order[Math.max(0, Math.min(order.length - 1, start + delta))] ?? null;
}

/**
 * Arrow keys: move the cursor by `delta` rows (clamped). Without Shift the selection follows
 * the cursor; with Shift it becomes the range from the anchor to the new cursor.
 */
export function move(
  selection: Selection,
  order: readonly number[],
  delta: number,
  extend: boolean,
): Selection {
  const cursor = step(order, selection.cursor, delta);
  if (cursor === null) return selection;
  if (extend) {
    const anchor = selection.anchor ?? selection.cursor ?? cursor;
    return { ids: new Set(range(order, anchor, cursor)), anchor, cursor };
  }
  return { ids: new Set([cursor]), anchor: cursor, cursor };
}

/** Ctrl+arrows: moves only the cursor, so Space can then add rows that are not adjacent. */
export function moveCursor(selection: Selection, order: readonly number[], delta: number): Selection {
  const cursor = step(order, selection.cursor, delta);
  return cursor === null ? selection : { ...selection, cursor };
}

/** Home/End. */
export function moveTo(
  selection: Selection,
  order: readonly number[],
  edge: 'first' | 'last',
  extend: boolean,
): Selection {
  return move(selection, order, edge === 'first' ? -order.length : order.length, extend);
}

/** Space: toggles the row under the cursor (or puts the cursor on the first row). */
export function toggleCursor(selection: Selection, order: readonly number[]): Selection {
  if (selection.cursor === null || !order.includes(selection.cursor)) {
    return move(selection, order, 1, false);
  }
  return click(selection, order, selection.cursor, { shift: false, toggle: true });
}

export function selectAll(selection: Selection, order: readonly number[]): Selection {
  return { ids: new Set(order), anchor: selection.anchor ?? order[0] ?? null, cursor: selection.cursor ?? order[0] ?? null };
}

/** Nothing selected; the cursor (and the anchor for Shift) on `cursor`. */
export function cursorOnly(cursor: number | null): Selection {
  return { ids: new Set(), anchor: cursor, cursor };
}

/** Selects exactly these ids (e.g. a link in the import report), cursor on the first. */
export function selectOnly(ids: readonly number[]): Selection {
  const first = ids[0] ?? null;
  return { ids: new Set(ids), anchor: first, cursor: first };
}

/**
 * Keeps only ids that still exist (after a delete, a refresh or a search). Order of `order`
 * doesn't matter here; the cursor survives only if its row does.
 */
export function retain(selection: Selection, existing: Iterable<number>): Selection {
  const keep = new Set(existing);
  const ids = new Set([...selection.ids].filter((id) => keep.has(id)));
  const anchor = selection.anchor !== null && keep.has(selection.anchor) ? selection.anchor : null;
  const cursor = selection.cursor !== null && keep.has(selection.cursor) ? selection.cursor : null;
  if (ids.size === selection.ids.size && anchor === selection.anchor && cursor === selection.cursor) {
    return selection;
  }
  return { ids, anchor, cursor };
}

/** Selected ids in display order. */
export function selectedInOrder(selection: Selection, order: readonly number[]): number[] {
  return order.filter((id) => selection.ids.has(id));
}

import { describe, expect, it } from 'vitest';
import {
  click,
  cursorOnly,
  EMPTY_SELECTION,
  move,
  moveCursor,
  moveTo,
  retain,
  selectAll,
  selectedInOrder,
  toggleCursor,
  type Selection,
} from './selection';

const order = [10, 20, 30, 40, 50];
const plain = { shift: false, toggle: false };
const shift = { shift: true, toggle: false };
const toggle = { shift: false, toggle: true };
const ids = (s: Selection) => [...s.ids].sort((a, b) => a - b);

describe('click', () => {
  it('selects only the clicked row and anchors there', () => {
    const s = click(click(EMPTY_SELECTION, order, 20, plain), order, 40, plain);
    expect(ids(s)).toEqual([40]);
    expect(s.anchor).toBe(40);
    expect(s.cursor).toBe(40);
  });

  it('toggles rows with Ctrl/Cmd', () => {
    let s = click(EMPTY_SELECTION, order, 20, plain);
    s = click(s, order, 40, toggle);
    expect(ids(s)).toEqual([20, 40]);
    s = click(s, order, 20, toggle);
    expect(ids(s)).toEqual([40]);
  });

  it('selects a range with Shift, downwards and upwards, from the same anchor', () => {
    let s = click(EMPTY_SELECTION, order, 30, plain);
    s = click(s, order, 50, shift);
    expect(ids(s)).toEqual([30, 40, 50]);
    // Shift-clicking again re-draws the range from the anchor, it doesn't grow the old one.
    s = click(s, order, 10, shift);
    expect(ids(s)).toEqual([10, 20, 30]);
    expect(s.anchor).toBe(30);
    expect(s.cursor).toBe(10);
  });

  it('adds a range to the selection with Ctrl+Shift', () => {
    let s = click(EMPTY_SELECTION, order, 10, plain);
    s = click(s, order, 40, toggle);
    s = click(s, order, 50, { shift: true, toggle: true });
    expect(ids(s)).toEqual([10, 40, 50]);
  });

  it('treats Shift without an anchor as a plain click', () => {
    expect(ids(click(EMPTY_SELECTION, order, 30, shift))).toEqual([30]);
  });
});

describe('keyboard', () => {
  it('starts at the first row going down and the last going up', () => {
    expect(move(EMPTY_SELECTION, order, 1, false).cursor).toBe(10);
    expect(move(EMPTY_SELECTION, order, -1, false).cursor).toBe(50);
  });

  it('moves the cursor and the selection together, clamped at the ends', () => {
    let s = click(EMPTY_SELECTION, order, 40, plain);
    s = move(s, order, 1, false);
    expect(ids(s)).toEqual([50]);
    s = move(s, order, 1, false);
    expect(s.cursor).toBe(50);
  });

  it('extends from the anchor with Shift+arrows, and shrinks back', () => {
    let s = click(EMPTY_SELECTION, order, 20, plain);
    s = move(s, order, 1, true);
    s = move(s, order, 1, true);
    expect(ids(s)).toEqual([20, 30, 40]);
    s = move(s, order, -1, true);
    expect(ids(s)).toEqual([20, 30]);
    s = move(s, order, -2, true);
    expect(ids(s)).toEqual([10, 20]);
  });

  it('extends to the ends with Shift+Home/End', () => {
    const s = moveTo(click(EMPTY_SELECTION, order, 30, plain), order, 'last', true);
    expect(ids(s)).toEqual([30, 40, 50]);
    expect(moveTo(s, order, 'first', false).cursor).toBe(10);
  });

  it('toggles the cursor row with Space without moving', () => {
    let s = move(EMPTY_SELECTION, order, 2, false); // cursor on 20, selected
    s = toggleCursor(s, order);
    expect(ids(s)).toEqual([]);
    expect(s.cursor).toBe(20);
    s = move(s, order, 1, false);
    s = toggleCursor(s, order);
    expect(ids(s)).toEqual([]);
    s = toggleCursor(s, order);
    expect(ids(s)).toEqual([30]);
  });

  it('adds rows that are apart with Ctrl+arrows and Space', () => {
    let s = move(EMPTY_SELECTION, order, 1, false); // 10 selected
    s = moveCursor(s, order, 2);
    expect(s.cursor).toBe(30);
    expect(ids(s)).toEqual([10]);
    s = toggleCursor(s, order);
    expect(ids(s)).toEqual([10, 30]);
    expect(moveCursor(s, order, 9).cursor).toBe(50);
  });

  it('puts the cursor on the first row when Space has no cursor', () => {
    expect(ids(toggleCursor(EMPTY_SELECTION, order))).toEqual([10]);
  });

  it('does nothing in an empty list', () => {
    expect(move(EMPTY_SELECTION, [], 1, false)).toBe(EMPTY_SELECTION);
  });

  it('selects all', () => {
    expect(ids(selectAll(EMPTY_SELECTION, order))).toEqual(order);
  });
});

describe('retain and order', () => {
  it('drops ids that no longer exist, keeping the rest', () => {
    const s = click(click(EMPTY_SELECTION, order, 20, plain), order, 40, shift);
    const kept = retain(s, [10, 20, 50]);
    expect(ids(kept)).toEqual([20]);
    expect(kept.anchor).toBe(20);
    expect(kept.cursor).toBeNull();
  });

  it('returns the same object when nothing changed (no needless updates)', () => {
    const s = click(EMPTY_SELECTION, order, 20, plain);
    expect(retain(s, order)).toBe(s);
  });

  it('lists selected ids in display order', () => {
    const s = click(click(EMPTY_SELECTION, order, 50, plain), order, 10, toggle);
    expect(selectedInOrder(s, order)).toEqual([10, 50]);
    expect(selectedInOrder(s, [50, 40, 10])).toEqual([50, 10]);
  });

  it('can leave only a cursor', () => {
    expect(cursorOnly(30)).toEqual({ ids: new Set(), anchor: 30, cursor: 30 });
  });
});

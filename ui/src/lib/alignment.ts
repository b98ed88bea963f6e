/**
 * Reading an alignment: which column goes where, stepping from row to row, what a sentence's
 * counterparts are, and where each note's passage is. Pure functions over the backend's
 * `SideBySide`; the UI never computes text offsets.
 */
import type { SideRow } from './bindings/SideRow';
import type { SideBySide } from './bindings/SideBySide';

/** A sentence of one column: `column` indexes the session's articles, `sentence` its sentences. */
export type SentenceRef = { column: number; sentence: number };

/** Columns in display order: the pivot first, then the others in the session's order. */
export function displayOrder(columns: number, pivot: number): number[] {
  const order = [pivot];
  for (let c = 0; c < columns; c++) if (c !== pivot) order.push(c);
  return order;
}

export type RowKind = 'difference' | 'onlyHere';

/** Whether a row is of a kind; with a column, only-here counts that column's sentences only. */
function matches(row: SideRow, kind: RowKind, column: number | null = null): boolean {
  if (kind === 'difference') return row.differs;
  if (column === null) return row.onlyHere;
  return row.cells[column]?.some((s) => s.onlyHere) ?? false;
}

/**
 * The next (or previous) row of a kind after `from`; `from` null starts before the first row
 * (or after the last, going back). Null when there is none in that direction.
 */
export function stepRow(
  rows: readonly SideRow[],
  from: number | null,
  direction: 1 | -1,
  kind: RowKind,
  column: number | null = null,
): number | null {
  let i = from === null ? (direction === 1 ? -1 : rows.length) : from;
  for (i += direction; i >= 0 && i < rows.length; i += direction) {
    if (matches(rows[i]!, kind, column)) return i;
  }
  return null;
}

/** How many rows of a kind there are, and which of them `row` is (1-based; 0 if none). */
export function rankOf(rows: readonly SideRow[], row: number | null, kind: RowKind): { rank: number; total: number } {
  let total = 0;
  let rank = 0;
  rows.forEach((r, i) => {
    if (!matches(r, kind)) return;
    total++;
    if (row !== null && i <= row) rank = total;
  });
  return { rank, total };
}

/**
 * A sentence's counterparts in the other columns: the sentences sharing its row, and those
 * linked to it from other rows (reordered text, second partners).
 */
export function counterparts(alignment: SideBySide, row: number, column: number, sentence: number): SentenceRef[] {
  const found: SentenceRef[] = [];
  const cells = alignment.rows[row]?.cells ?? [];
  cells.forEach((cell, c) => {
    if (c === column || !cell) return;
    for (const s of cell) found.push({ column: c, sentence: s.index });
  });
  const own = cells[column]?.find((s) => s.index === sentence);
  for (const link of own?.links ?? []) {
    if (!found.some((f) => f.column === link.column && f.sentence === link.sentence)) {
      found.push({ column: link.column, sentence: link.sentence });
    }
  }
  return found;
}

/** A key for a sentence, for sets and DOM data attributes. */
export function sentenceKey(ref: SentenceRef): string {
  return `${ref.column}:${ref.sentence}`;
}

/** Where each note's passage starts: the first row and column whose text carries it. */
export function notePlaces(alignment: SideBySide): Map<number, { row: number; column: number }> {
  const places = new Map<number, { row: number; column: number }>();
  alignment.rows.forEach((row, r) => {
    row.cells.forEach((cell, column) => {
      for (const sentence of cell ?? []) {
        for (const run of sentence.runs) {
          for (const note of run.notes) if (!places.has(note)) places.set(note, { row: r, column });
        }
      }
    });
  });
  return places;
}

/** The row holding the sentence of `column` that contains byte `offset` of its body (the last
 * sentence starting at or before it); null when the column has no sentence there. */
export function rowAtOffset(alignment: SideBySide, column: number, offset: number): number | null {
  let best: { row: number; start: number } | null = null;
  alignment.rows.forEach((row, r) => {
    for (const sentence of row.cells[column] ?? []) {
      if (sentence.start <= offset && (best === null || sentence.start >= best.start)) best = { row: r, start: sentence.start };
    }
  });
  return (best as { row: number; start: number } | null)?.row ?? null;
}

/**
 * Reading an alignment: which column goes where, stepping from row to row, what a sentence's
 * counterparts are, and where each note's passage is. Pure functions over the backend's
 * `SideBySide`; the UI never computes text offsets.
 */
import type { SideRow } from './bindings/SideRow';
import type { SideBySide } from './bindings/SideBySide';
import type { SideSentence } from './bindings/SideSentence';

/** A sentence of one column: `column` indexes the session's articles, `sentence` its sentences. */
export type SentenceRef = { column: number; sentence: number };

/** Columns in display order: the pivot first, then the others in the session's order. */
export function displayOrder(columns: number, pivot: number): number[] {
  const order = [pivot];
  for (let c = 0; c < columns; c++) if (c !== pivot) order.push(c);
  return order;
}

export type RowKind = 'difference' | 'onlyHere';

/** One column's sentences in a band, each with the row it belongs to. */
export type BandSentence = { row: number; sentence: SideSentence };

/**
 * A band is one line of the side-by-side grid: either a shared row (two or more articles say
 * the same thing) or the sentences each article says alone between its shared rows, flowing in
 * their own column. `rows` are the alignment rows it holds, in order.
 */
export type Band = { rows: number[]; shared: boolean; cells: BandSentence[][] };

/** The bands in display order, and the band of each alignment row. */
export type BandLayout = { bands: Band[]; bandOf: number[] };

/**
 * Lays rows out as bands. Real coverage shares a minority of its sentences: row by row, each
 * "only here" sentence would sit alone in a row of empty cells. Instead every column reads in
 * its own order and moves up as far as that order allows: a shared row goes just below the
 * shared rows its articles had before (as early as its own articles allow, whatever the other
 * columns hold), and an article's unshared sentences go just below its own previous shared row
 * (or to the top), flowing in its column. Shared rows still line up; the blank space gathers
 * below a column's text rather than above it.
 */
export function layoutBands(rows: readonly SideRow[]): BandLayout {
  const columns = rows[0]?.cells.length ?? 0;
  const emptyCells = (): BandSentence[][] => Array.from({ length: columns }, () => []);
  // Level by level: first the unshared sentences of the level, then its shared rows in order.
  const loose: Band[] = [];
  const shared: Band[][] = [];
  // Per column: the level its next sentence may take.
  const level: number[] = Array.from({ length: columns }, () => 0);
  rows.forEach((row, r) => {
    const present = row.cells.flatMap((cell, c) => (cell && cell.length > 0 ? [c] : []));
    if (present.length >= 2) {
      const at = Math.max(...present.map((c) => level[c]!));
      const band: Band = { rows: [r], shared: true, cells: row.cells.map((cell) => (cell ?? []).map((sentence) => ({ row: r, sentence }))) };
      (shared[at] ??= []).push(band);
      for (const c of present) level[c] = at + 1;
      return;
    }
    const column = present[0];
    const at = column === undefined ? Math.max(0, ...level) : level[column]!;
    const band = (loose[at] ??= { rows: [], shared: false, cells: emptyCells() });
    band.rows.push(r);
    if (column !== undefined) for (const sentence of row.cells[column]!) band.cells[column]!.push({ row: r, sentence });
  });
  const bands: Band[] = [];
  const levels = Math.max(loose.length, shared.length);
  for (let at = 0; at < levels; at++) {
    if (loose[at]) bands.push(loose[at]!);
    bands.push(...(shared[at] ?? []));
  }
  const bandOf: number[] = [];
  bands.forEach((band, b) => {
    for (const r of band.rows) bandOf[r] = b;
  });
  return { bands, bandOf };
}

/** Whether a band holds a row of a kind; with a column, only-here counts that column only. */
function bandMatches(rows: readonly SideRow[], band: Band, kind: RowKind, column: number | null): boolean {
  if (kind === 'difference') return band.rows.some((r) => rows[r]!.differs);
  if (column === null) return band.rows.some((r) => rows[r]!.onlyHere);
  return band.cells[column]?.some((s) => s.sentence.onlyHere) ?? false;
}

/**
 * The next (or previous) band holding a row of a kind, after the band of row `from`; `from`
 * null starts before the first band (or after the last, going back). Returns that band's
 * first row of the kind, so a step always lands on text; null when there is none that way.
 */
export function stepRow(
  rows: readonly SideRow[],
  layout: BandLayout,
  from: number | null,
  direction: 1 | -1,
  kind: RowKind,
  column: number | null = null,
): number | null {
  const { bands } = layout;
  let b = from === null ? (direction === 1 ? -1 : bands.length) : (layout.bandOf[from] ?? -1);
  for (b += direction; b >= 0 && b < bands.length; b += direction) {
    const band = bands[b]!;
    if (!bandMatches(rows, band, kind, column)) continue;
    const inColumn = (r: number) => column === null || band.cells[column]!.some((s) => s.row === r);
    const matching = band.rows.find((r) => inColumn(r) && (kind === 'difference' ? rows[r]!.differs : rows[r]!.onlyHere));
    return matching ?? band.rows[0]!;
  }
  return null;
}

/** How many bands hold a row of a kind, and which of them holds `row` (1-based; 0 if none). */
export function rankOf(
  rows: readonly SideRow[],
  layout: BandLayout,
  row: number | null,
  kind: RowKind,
): { rank: number; total: number } {
  const at = row === null ? -1 : (layout.bandOf[row] ?? -1);
  let total = 0;
  let rank = 0;
  layout.bands.forEach((band, b) => {
    if (!bandMatches(rows, band, kind, null)) return;
    total++;
    if (b <= at) rank = total;
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

/** A column's run of unshared sentences longer than this shows only its first `RUN_SHOWN`
 * until the band is expanded: one article's long run must not push the shared rows, and the
 * other columns' text, off the screen. */
export const RUN_COLLAPSES_OVER = 3;
export const RUN_SHOWN = 2;

/** How many of a band's sentences in `column` are hidden while it is collapsed. */
export function hiddenInRun(band: Band, column: number): number {
  const count = band.cells[column]?.length ?? 0;
  return band.shared || count <= RUN_COLLAPSES_OVER ? 0 : count - RUN_SHOWN;
}

/** Whether row `row` shows only when its band is expanded (all its sentences are hidden). */
export function rowHidden(layout: BandLayout, row: number): boolean {
  const band = layout.bands[layout.bandOf[row] ?? -1];
  if (!band || band.shared) return false;
  return band.cells.every((cell, column) => {
    const shown = cell.length - hiddenInRun(band, column);
    return !cell.slice(0, shown).some((s) => s.row === row);
  });
}

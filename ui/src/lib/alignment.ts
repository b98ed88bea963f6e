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
export type Band = { key: string; rows: number[]; shared: boolean; cells: BandSentence[][] };

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
  // An article's opening does not wait below other articles' text: a column whose first text
  // is a shared row sitting below more than a short paragraph shows its part of that row at
  // the top instead, on its own (its counterparts stay linked through the row). Each pass
  // frees one more column's opening; the layout is final when none waits.
  const freed = new Set<string>();
  let layout = layoutPass(rows, freed);
  const columns = rows[0]?.cells.length ?? 0;
  for (let pass = 0; pass < columns; pass++) {
    const waiting = waitingOpening(layout, columns);
    if (!waiting) break;
    freed.add(waiting);
    layout = layoutPass(rows, freed);
  }
  return layout;
}

/** Words of some sentences. */
function wordsOf(sentences: readonly BandSentence[]): number {
  return sentences.reduce((n, s) => n + s.sentence.runs.reduce((m, run) => m + run.text.split(/\s+/).filter(Boolean).length, 0), 0);
}

/** The first column (as `row:column`) whose first text is a shared row below more than
 * `OPENING_WAITS_AT_MOST` words of other columns' text, as shown. */
function waitingOpening(layout: BandLayout, columns: number): string | null {
  let above = 0;
  const seen = new Set<number>();
  for (const band of layout.bands) {
    for (let c = 0; c < columns; c++) {
      const cell = band.cells[c]!;
      if (cell.length === 0 || seen.has(c)) continue;
      seen.add(c);
      if (band.shared && above > OPENING_WAITS_AT_MOST) return `${cell[0]!.row}:${c}`;
    }
    if (seen.size === columns) return null;
    above += Math.max(...band.cells.map((cell) => wordsOf(cell.slice(0, shownOf(cell.length)))));
  }
  return null;
}

/** One layout, with the given `row:column` parts of shared rows shown on their own. */
function layoutPass(rows: readonly SideRow[], freed: ReadonlySet<string>): BandLayout {
  const columns = rows[0]?.cells.length ?? 0;
  // Level by level, the lines in order. A column's level is where its next sentence may go:
  // one past its last shared row.
  const levels: Band[][] = [];
  const level: number[] = Array.from({ length: columns }, () => 0);
  const started: boolean[] = Array.from({ length: columns }, () => false);
  const linesAt = (at: number): Band[] => (levels[at] ??= []);
  const newLoose = (): Band => ({ key: '', rows: [], shared: false, cells: Array.from({ length: columns }, () => []) });
  // A run flows on in its band. A column's first sentences open its level's first lines, so
  // no column starts below the others' shared rows; a run after a shared row goes after the
  // level's last shared row, so a shared row made earlier is not pushed down by text that came
  // after it.
  // Per column: the band its run is flowing in, while no shared row of its own intervenes.
  const flowing: (Band | null)[] = Array.from({ length: columns }, () => null);
  const looseFor = (column: number): Band => {
    const running = flowing[column];
    if (running) return running;
    const lines = linesAt(level[column]!);
    if (!started[column]) {
      if (!lines[0] || lines[0].shared) lines.unshift(newLoose());
      return lines[0]!;
    }
    const last = lines.at(-1);
    if (last && !last.shared) return last;
    const band = newLoose();
    lines.push(band);
    return band;
  };
  const addLoose = (r: number, column: number) => {
    const band = looseFor(column);
    flowing[column] = band;
    if (!band.rows.includes(r)) band.rows.push(r);
    for (const sentence of rows[r]!.cells[column]!) band.cells[column]!.push({ row: r, sentence });
    started[column] = true;
  };
  rows.forEach((row, r) => {
    let present = row.cells.flatMap((cell, c) => (cell && cell.length > 0 ? [c] : []));
    for (const c of present.filter((c) => freed.has(`${r}:${c}`))) addLoose(r, c);
    present = present.filter((c) => !freed.has(`${r}:${c}`));
    if (present.length >= 2) {
      const at = Math.max(...present.map((c) => level[c]!));
      const cells = row.cells.map((cell, c) => (present.includes(c) ? (cell ?? []) : []).map((sentence) => ({ row: r, sentence })));
      linesAt(at).push({ key: '', rows: [r], shared: true, cells });
      for (const c of present) {
        level[c] = at + 1;
        started[c] = true;
        flowing[c] = null;
      }
      return;
    }
    const column = present[0];
    if (column !== undefined) addLoose(r, column);
  });
  const bands = levels.flat().filter((band) => band.rows.length > 0);
  // A row split between bands (an opening shown early) is found at its last band; a band's
  // key names it whatever rows it shares with another.
  const bandOf: number[] = [];
  bands.forEach((band, b) => {
    band.rows.sort((x, y) => x - y);
    for (const r of band.rows) bandOf[r] = b;
    const columnsWithText = band.cells.map((cell) => (cell.length > 0 ? '1' : '0')).join('');
    band.key = `${band.shared ? 's' : 'l'}${band.rows.join('.')}:${columnsWithText}`;
  });
  return { bands, bandOf };
}

/**
 * The first row of band `b` of a kind (with a column, an only-here sentence of that column),
 * or null. A row split between two bands counts at its own band (`bandOf`) only, so a step
 * never lands on a row whose band is elsewhere.
 */
function matchIn(rows: readonly SideRow[], layout: BandLayout, b: number, kind: RowKind, column: number | null): number | null {
  const band = layout.bands[b]!;
  for (const r of band.rows) {
    if (layout.bandOf[r] !== b) continue;
    if (kind === 'difference' ? rows[r]!.differs : rows[r]!.onlyHere) {
      if (column === null || band.cells[column]!.some((s) => s.row === r && s.sentence.onlyHere)) return r;
    }
  }
  return null;
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
    const row = matchIn(rows, layout, b, kind, column);
    if (row !== null) return row;
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
  layout.bands.forEach((_, b) => {
    if (matchIn(rows, layout, b, kind, null) === null) return;
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

/** How many words of other columns' text a column's opening may wait below (about a short
 * paragraph) before it shows on its own. */
const OPENING_WAITS_AT_MOST = 40;

/** How many of a run of `count` sentences show while it is collapsed. */
function shownOf(count: number): number {
  return count > RUN_COLLAPSES_OVER ? RUN_SHOWN : count;
}

/** How many of a band's sentences in `column` are hidden while it is collapsed. */
export function hiddenInRun(band: Band, column: number): number {
  const count = band.cells[column]?.length ?? 0;
  return band.shared ? 0 : count - shownOf(count);
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

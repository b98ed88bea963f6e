import type { DiffColumn } from './bindings/DiffColumn';
import type { DiffRun } from './bindings/DiffRun';

/** Where a run sits in a column: paragraph index and run index inside it. */
export type RunAddress = { paragraph: number; run: number };

/** A paragraph the backend marked as site clutter (menus, "read more", cookie notes…). */
export function isClutter(paragraph: readonly DiffRun[]): boolean {
  return paragraph.length > 0 && paragraph.every((run) => run.kind === 'boilerplate');
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** The first run of each change in this column (a change may be missing from one side). */
export function changeStarts(column: DiffColumn): Map<number, RunAddress> {
  const starts = new Map<number, RunAddress>();
  column.paragraphs.forEach((runs, paragraph) => {
    runs.forEach((run, index) => {
      if (run.change !== null && !starts.has(run.change)) starts.set(run.change, { paragraph, run: index });
    });
  });
  return starts;
}

function* runsWithAddress(column: DiffColumn): Generator<[DiffRun, RunAddress]> {
  for (let paragraph = 0; paragraph < column.paragraphs.length; paragraph++) {
    const runs = column.paragraphs[paragraph] ?? [];
    for (let run = 0; run < runs.length; run++) yield [runs[run] as DiffRun, { paragraph, run }];
  }
}

/**
 * Size of a stretch of shared text, in non-space characters. Shared text is identical on both
 * sides but may be cut into runs at different places ("hurt." vs "hurt" + "."), and counting
 * characters, unlike counting words, doesn't care where the cuts are.
 */
export function sharedSize(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** How much shared ("equal") text comes before a run. */
export function sharedBefore(column: DiffColumn, at: RunAddress): number {
  let size = 0;
  for (const [run, address] of runsWithAddress(column)) {
    if (address.paragraph === at.paragraph && address.run === at.run) break;
    if (address.paragraph > at.paragraph) break;
    if (run.kind === 'equal') size += sharedSize(run.text);
  }
  return size;
}

/**
 * The run in this column that sits after `size` of shared text. Shared text is the same on both
 * sides, so this finds, on one side, the spot of a change that only exists on the other.
 */
export function addressAfterShared(column: DiffColumn, size: number): RunAddress | null {
  let seen = 0;
  let last: RunAddress | null = null;
  for (const [run, address] of runsWithAddress(column)) {
    if (run.kind === 'boilerplate') continue;
    if (seen >= size) return address;
    if (run.kind === 'equal') {
      seen += sharedSize(run.text);
      // The spot falls inside this run: scroll to the run itself.
      if (seen > size) return address;
    }
    last = address;
  }
  return last;
}

/**
 * Where to scroll `column` to show change `change`: its own first run if the change has text on
 * this side, else the matching spot found through the shared text of `other`. Callers that ask
 * often pass each column's `changeStarts`, worked out once.
 */
export function anchorFor(
  column: DiffColumn,
  other: DiffColumn,
  change: number,
  starts: Map<number, RunAddress> = changeStarts(column),
  otherStarts?: Map<number, RunAddress>,
): RunAddress | null {
  const own = starts.get(change);
  if (own) return own;
  const there = (otherStarts ?? changeStarts(other)).get(change);
  if (!there) return null;
  return addressAfterShared(column, sharedBefore(other, there));
}

/** Next change index; from "none" it is the first. Stops at the last. */
export function nextChange(current: number | null, total: number): number | null {
  if (total <= 0) return null;
  if (current === null) return 0;
  return Math.min(current + 1, total - 1);
}

/** Previous change index; from "none" it is the last (so `p` right away jumps to the end). */
export function previousChange(current: number | null, total: number): number | null {
  if (total <= 0) return null;
  if (current === null) return total - 1;
  return Math.max(current - 1, 0);
}

/** The scrollTop that puts `fraction` of a target's range where the source's fraction is. */
export function proportionalScroll(
  source: { scrollTop: number; scrollHeight: number; clientHeight: number },
  target: { scrollHeight: number; clientHeight: number },
): number {
  const sourceRange = source.scrollHeight - source.clientHeight;
  const targetRange = target.scrollHeight - target.clientHeight;
  if (sourceRange <= 0 || targetRange <= 0) return 0;
  return Math.round((source.scrollTop / sourceRange) * targetRange);
}

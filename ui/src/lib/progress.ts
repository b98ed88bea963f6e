import type { ImportEvent } from './bindings/ImportEvent';

/** What the progress bar shows, accumulated from the import channel's events. */
export type ProgressSnapshot = {
  /** Files to process; 0 until the backend has walked the folders. */
  total: number;
  done: number;
  /** The file most recently finished. */
  current: string | null;
  imported: number;
  duplicates: number;
  failed: number;
};

export const NO_PROGRESS: ProgressSnapshot = {
  total: 0,
  done: 0,
  current: null,
  imported: 0,
  duplicates: 0,
  failed: 0,
};

export function applyProgress(state: ProgressSnapshot, event: ImportEvent): ProgressSnapshot {
  if (event.kind === 'started') return { ...NO_PROGRESS, total: event.total };
  return {
    total: Math.max(event.total, state.total),
    // Never go backwards, even if a message arrives late.
    done: Math.max(event.done, state.done),
    current: event.path,
    imported: state.imported + (event.outcome === 'imported' ? 1 : 0),
    duplicates: state.duplicates + (event.outcome === 'duplicate' ? 1 : 0),
    failed: state.failed + (event.outcome === 'failed' ? 1 : 0),
  };
}

/** 0..1, or null while the total is not known yet (show an indeterminate bar). */
export function progressFraction(state: ProgressSnapshot): number | null {
  if (state.total <= 0) return null;
  return Math.min(1, state.done / state.total);
}

import { describe, expect, it } from 'vitest';
import type { ImportEvent } from './bindings/ImportEvent';
import { applyProgress, NO_PROGRESS, progressFraction } from './progress';

const file = (done: number, total: number, outcome: 'imported' | 'duplicate' | 'failed'): ImportEvent => ({
  kind: 'file',
  done,
  total,
  path: `/news/${done}.txt`,
  outcome,
});

describe('applyProgress', () => {
  it('accumulates outcomes and follows the current file', () => {
    const events: ImportEvent[] = [
      { kind: 'started', total: 4 },
      file(1, 4, 'imported'),
      file(2, 4, 'duplicate'),
      file(3, 4, 'failed'),
      file(4, 4, 'imported'),
    ];
    const state = events.reduce(applyProgress, NO_PROGRESS);
    expect(state).toEqual({ total: 4, done: 4, current: '/news/4.txt', imported: 2, duplicates: 1, failed: 1 });
    expect(progressFraction(state)).toBe(1);
  });

  it('is indeterminate until the total is known', () => {
    expect(progressFraction(NO_PROGRESS)).toBeNull();
    expect(progressFraction(applyProgress(NO_PROGRESS, { kind: 'started', total: 0 }))).toBeNull();
    expect(progressFraction(applyProgress(NO_PROGRESS, { kind: 'started', total: 8 }))).toBe(0);
  });

  it('never goes backwards on a late message', () => {
    let state = applyProgress(NO_PROGRESS, { kind: 'started', total: 3 });
    state = applyProgress(state, file(2, 3, 'imported'));
    state = applyProgress(state, file(1, 3, 'imported'));
    expect(state.done).toBe(2);
    expect(state.imported).toBe(2);
  });

  it('starts over on a new "started"', () => {
    const before = applyProgress(NO_PROGRESS, file(1, 1, 'failed'));
    const state = applyProgress(before, { kind: 'started', total: 9 });
    expect(state).toEqual({ ...NO_PROGRESS, total: 9 });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, parseViewState, serializeViewState, type ViewState } from './viewState';

describe('view state', () => {
  it('round-trips through JSON', () => {
    const state: ViewState = {
      tab: 'overview',
      pivot: 7,
      visibleColumns: 4,
      scroll: { row: 12, offset: 30, column: 1 },
      panel: 'notes',
      currentRow: 12,
    };
    expect(parseViewState(serializeViewState(state))).toEqual(state);
  });

  it('opens a new session (empty object) with the defaults', () => {
    expect(parseViewState('{}')).toEqual(DEFAULT_VIEW_STATE);
  });

  it('falls back part by part on damaged input, never throwing', () => {
    expect(parseViewState('not json')).toEqual(DEFAULT_VIEW_STATE);
    expect(parseViewState('[1,2]')).toEqual(DEFAULT_VIEW_STATE);
    const parsed = parseViewState(
      JSON.stringify({ tab: 'graph', pivot: 'x', visibleColumns: 9, scroll: { row: -3, offset: 1.5 }, panel: 'notes' }),
    );
    expect(parsed.tab).toBe('side');
    expect(parsed.pivot).toBeNull();
    expect(parsed.visibleColumns).toBe(4);
    expect(parsed.scroll).toEqual({ row: 0, offset: 0, column: 0 });
    expect(parsed.panel).toBe('notes');
    expect(parseViewState(JSON.stringify({ visibleColumns: 1 })).visibleColumns).toBe(2);
  });
});

/**
 * What a comparison session remembers of how it was left: the tab, the pivot, how many columns
 * show, where it was scrolled, the open panel and the row being looked at. Saved as JSON by the
 * backend, which does not read it; read back with defaults for anything missing or damaged, so
 * a session always opens.
 */

export type SessionTab = 'side' | 'overview' | 'framing';
export type SessionPanel = 'notes' | 'quotes' | null;

export type ScrollPosition = {
  /** The row at the top of the text, and how far (px) into it the view is scrolled. */
  row: number;
  offset: number;
  /** The first column in view, when there are more columns than fit. */
  column: number;
};

export type ViewState = {
  tab: SessionTab;
  /** Article id of the pivot; null: the first column. */
  pivot: number | null;
  /** How many columns fit side by side (more scroll sideways). */
  visibleColumns: number;
  scroll: ScrollPosition;
  panel: SessionPanel;
  /** The row the next/previous keys are at. */
  currentRow: number | null;
};

export const MIN_VISIBLE = 2;
export const MAX_VISIBLE = 4;

export const DEFAULT_VIEW_STATE: ViewState = {
  tab: 'side',
  pivot: null,
  visibleColumns: 3,
  scroll: { row: 0, offset: 0, column: 0 },
  panel: null,
  currentRow: null,
};

function count(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Reads a saved view state (as the backend returns it, or as JSON text); every part that is
 * missing or malformed takes its default.
 */
export function parseViewState(stored: unknown): ViewState {
  let raw: unknown = stored;
  if (typeof stored === 'string') {
    try {
      raw = JSON.parse(stored);
    } catch {
      return { ...DEFAULT_VIEW_STATE };
    }
  }
  const saved = record(raw);
  const scroll = record(saved.scroll);
  const visible = count(saved.visibleColumns, DEFAULT_VIEW_STATE.visibleColumns);
  return {
    tab: saved.tab === 'overview' || saved.tab === 'framing' ? saved.tab : 'side',
    pivot: typeof saved.pivot === 'number' && Number.isInteger(saved.pivot) ? saved.pivot : null,
    visibleColumns: Math.min(MAX_VISIBLE, Math.max(MIN_VISIBLE, visible)),
    scroll: { row: count(scroll.row, 0), offset: count(scroll.offset, 0), column: count(scroll.column, 0) },
    panel: saved.panel === 'notes' || saved.panel === 'quotes' ? saved.panel : null,
    currentRow: typeof saved.currentRow === 'number' ? count(saved.currentRow, 0) : null,
  };
}

/** What is saved of a view state: a copy that later changes to the state do not touch. */
export function serializeViewState(state: ViewState): ViewState {
  return { ...state, scroll: { ...state.scroll } };
}

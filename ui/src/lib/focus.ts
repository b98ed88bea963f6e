/**
 * Where keyboard focus goes when the element that had it disappears (a view switch, a toast
 * closing, a button turning disabled): the library grid, so the arrow keys keep working rather
 * than focus falling to <body>.
 */
export const LIBRARY_GRID_ID = 'library-grid';

/** Focuses the library grid; false if it isn't on screen (e.g. the empty library). */
export function focusLibraryGrid(): boolean {
  const grid = document.getElementById(LIBRARY_GRID_ID);
  grid?.focus();
  return grid !== null;
}

/** Focuses the open session's view (its keys work from there); false if none is on screen. */
export function focusSessionView(): boolean {
  const view = document.querySelector<HTMLElement>('[data-testid="session-view"]');
  view?.focus();
  return view !== null;
}

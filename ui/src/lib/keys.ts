/**
 * The keyboard map: one table drives both the key handler and the `?` cheat sheet / tooltips,
 * so what is shown is what works.
 */

export type Action =
  | 'help'
  | 'importFiles'
  | 'importFolder'
  | 'focusSearch'
  | 'cursorDown'
  | 'cursorUp'
  | 'extendDown'
  | 'extendUp'
  | 'cursorOnlyDown'
  | 'cursorOnlyUp'
  | 'first'
  | 'last'
  | 'extendFirst'
  | 'extendLast'
  | 'toggleRow'
  | 'selectAll'
  | 'edit'
  | 'delete'
  | 'undo'
  | 'compare'
  | 'dismiss'
  | 'nextChange'
  | 'previousChange'
  | 'nextOnlyHere'
  | 'previousOnlyHere'
  | 'addNote'
  | 'toggleNotes'
  | 'toggleQuotes'
  | 'toggleOverview'
  | 'toggleFraming'
  | 'exportSession'
  | 'sessionNote'
  | 'columnsLeft'
  | 'columnsRight'
  | 'pageDown'
  | 'pageUp'
  | 'back';

/** Where a binding applies: always, or only in one view. */
export type Scope = 'global' | 'library' | 'session';

type Binding = {
  action: Action;
  scope: Scope;
  /** `KeyboardEvent.key`, lower-cased for letters. */
  key: string;
  /** Ctrl on Linux/Windows, Cmd on macOS. */
  mod?: boolean;
  /**
   * true: Shift required; false (default): Shift must not be held; 'any': either. Punctuation
   * takes 'any': whether it needs Shift depends on the layout (German '/' is Shift+7).
   */
  shift?: boolean | 'any';
  /** Also fires while typing in a text field. */
  inFields?: boolean;
};

const BINDINGS: readonly Binding[] = [
  { action: 'help', scope: 'global', key: '?', shift: 'any' },
  { action: 'importFiles', scope: 'global', key: 'o', mod: true, inFields: true },
  { action: 'importFolder', scope: 'global', key: 'o', mod: true, shift: true, inFields: true },

  { action: 'focusSearch', scope: 'library', key: '/', shift: 'any' },
  { action: 'cursorDown', scope: 'library', key: 'ArrowDown' },
  { action: 'cursorUp', scope: 'library', key: 'ArrowUp' },
  { action: 'extendDown', scope: 'library', key: 'ArrowDown', shift: true },
  { action: 'extendUp', scope: 'library', key: 'ArrowUp', shift: true },
  { action: 'cursorOnlyDown', scope: 'library', key: 'ArrowDown', mod: true },
  { action: 'cursorOnlyUp', scope: 'library', key: 'ArrowUp', mod: true },
  { action: 'first', scope: 'library', key: 'Home' },
  { action: 'last', scope: 'library', key: 'End' },
  { action: 'extendFirst', scope: 'library', key: 'Home', shift: true },
  { action: 'extendLast', scope: 'library', key: 'End', shift: true },
  { action: 'toggleRow', scope: 'library', key: ' ' },
  { action: 'selectAll', scope: 'library', key: 'a', mod: true },
  { action: 'edit', scope: 'library', key: 'Enter' },
  { action: 'edit', scope: 'library', key: 'F2' },
  { action: 'compare', scope: 'library', key: 'Enter', mod: true, inFields: true },
  { action: 'compare', scope: 'library', key: 'c' },
  { action: 'delete', scope: 'library', key: 'Delete' },
  { action: 'delete', scope: 'library', key: 'Backspace', mod: true },
  { action: 'undo', scope: 'library', key: 'z', mod: true },
  { action: 'dismiss', scope: 'library', key: 'Escape' },

  { action: 'nextChange', scope: 'session', key: 'n' },
  { action: 'nextChange', scope: 'session', key: 'j' },
  { action: 'nextChange', scope: 'session', key: 'ArrowDown' },
  { action: 'nextChange', scope: 'session', key: ']', shift: 'any' },
  { action: 'previousChange', scope: 'session', key: 'p' },
  { action: 'previousChange', scope: 'session', key: 'k' },
  { action: 'previousChange', scope: 'session', key: 'ArrowUp' },
  { action: 'previousChange', scope: 'session', key: '[', shift: 'any' },
  { action: 'nextOnlyHere', scope: 'session', key: 'o' },
  { action: 'previousOnlyHere', scope: 'session', key: 'o', shift: true },
  { action: 'addNote', scope: 'session', key: 'a' },
  { action: 'sessionNote', scope: 'session', key: 'a', shift: true },
  { action: 'toggleNotes', scope: 'session', key: 'n', shift: true },
  { action: 'toggleOverview', scope: 'session', key: 'v' },
  { action: 'toggleFraming', scope: 'session', key: 'f' },
  { action: 'exportSession', scope: 'session', key: 'e', mod: true },
  { action: 'toggleQuotes', scope: 'session', key: 'q' },
  { action: 'columnsLeft', scope: 'session', key: 'ArrowLeft' },
  { action: 'columnsRight', scope: 'session', key: 'ArrowRight' },
  { action: 'undo', scope: 'session', key: 'z', mod: true },
  { action: 'pageDown', scope: 'session', key: 'PageDown' },
  { action: 'pageDown', scope: 'session', key: ' ' },
  { action: 'pageUp', scope: 'session', key: 'PageUp' },
  { action: 'pageUp', scope: 'session', key: ' ', shift: true },
  { action: 'back', scope: 'session', key: 'Escape' },
];

export type KeyInput = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
};

/** What the key event landed on, as far as the key map cares. */
export type KeyTarget = 'field' | 'button' | 'other';

function normalise(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key;
}

/**
 * The action for a key press in a view, or null. Keys typed into text fields belong to the
 * field (except `inFields` bindings); Space and Enter on a focused button press that button.
 */
export function actionFor(input: KeyInput, view: Exclude<Scope, 'global'>, target: KeyTarget): Action | null {
  if (input.altKey) return null;
  const key = normalise(input.key);
  const mod = input.ctrlKey || input.metaKey;
  if (target === 'button' && !mod && (key === ' ' || key === 'Enter')) return null;
  for (const binding of BINDINGS) {
    if (binding.scope !== 'global' && binding.scope !== view) continue;
    if (binding.key !== key) continue;
    if (Boolean(binding.mod) !== mod) continue;
    const shift = binding.shift ?? false;
    if (shift !== 'any' && shift !== input.shiftKey) continue;
    if (target === 'field' && !binding.inFields) continue;
    return binding.action;
  }
  return null;
}

/** Classifies an event target for `actionFor`. */
export function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || target.closest('input, textarea, select')) return 'field';
  if (target.closest('button, a[href], summary, [role="button"]')) return 'button';
  return 'other';
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Delete: 'Delete',
  Backspace: isMac ? '⌫' : 'Backspace',
  Enter: isMac ? '↩' : 'Enter',
};

function label(binding: Binding): string[] {
  const parts: string[] = [];
  if (binding.mod) parts.push(isMac ? '⌘' : 'Ctrl');
  if (binding.shift === true) parts.push(isMac ? '⇧' : 'Shift');
  const key = KEY_NAMES[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  parts.push(binding.key === '?' || binding.key === '/' || binding.key === '[' || binding.key === ']' ? binding.key : key);
  return parts;
}

/** Every way to trigger an action, e.g. [['Ctrl', 'Enter'], ['C']]. */
export function keysFor(action: Action): string[][] {
  return BINDINGS.filter((binding) => binding.action === action).map(label);
}

/** For tooltips: "Compare (Ctrl+Enter or C)". */
export function withShortcut(text: string, action: Action): string {
  const keys = keysFor(action).map((parts) => parts.join('+'));
  return keys.length === 0 ? text : `${text} (${keys.join(' or ')})`;
}

/** The cheat sheet, grouped by view, in reading order. */
export const CHEAT_SHEET: readonly { title: string; rows: readonly { action: Action; text: string }[] }[] = [
  {
    title: 'Everywhere',
    rows: [
      { action: 'help', text: 'Show or hide this list' },
      { action: 'importFiles', text: 'Import files…' },
      { action: 'importFolder', text: 'Import a folder…' },
    ],
  },
  {
    title: 'Library',
    rows: [
      { action: 'focusSearch', text: 'Search the full text' },
      { action: 'cursorDown', text: 'Next row' },
      { action: 'cursorUp', text: 'Previous row' },
      { action: 'extendDown', text: 'Extend the selection down' },
      { action: 'extendUp', text: 'Extend the selection up' },
      { action: 'cursorOnlyDown', text: 'Move down without selecting' },
      { action: 'cursorOnlyUp', text: 'Move up without selecting' },
      { action: 'first', text: 'First row (Shift extends)' },
      { action: 'last', text: 'Last row (Shift extends)' },
      { action: 'toggleRow', text: 'Add or remove the row from the selection' },
      { action: 'selectAll', text: 'Select all' },
      { action: 'edit', text: 'Edit title, outlet, author, date, URL' },
      { action: 'compare', text: 'Compare the selected articles (2–8) in a new session' },
      { action: 'delete', text: 'Delete the selected articles' },
      { action: 'undo', text: 'Undo the delete' },
      { action: 'dismiss', text: 'Close the import report, clear the selection' },
    ],
  },
  {
    title: 'Comparison session',
    rows: [
      { action: 'nextChange', text: 'Next difference' },
      { action: 'previousChange', text: 'Previous difference' },
      { action: 'nextOnlyHere', text: 'Next sentence found in one article only' },
      { action: 'previousOnlyHere', text: 'Previous sentence found in one article only' },
      { action: 'addNote', text: 'Add a note on the selected text' },
      { action: 'sessionNote', text: 'Add a note on the whole session' },
      { action: 'toggleNotes', text: 'Show or hide the notes' },
      { action: 'toggleQuotes', text: 'Show or hide the quotes' },
      { action: 'toggleOverview', text: 'Switch between side by side and overview' },
      { action: 'toggleFraming', text: 'Switch between side by side and framing' },
      { action: 'exportSession', text: 'Export a report of the session' },
      { action: 'columnsLeft', text: 'Show the columns to the left' },
      { action: 'columnsRight', text: 'Show the columns to the right' },
      { action: 'undo', text: 'Undo the last delete or removal' },
      { action: 'pageDown', text: 'Scroll down a page' },
      { action: 'pageUp', text: 'Scroll up a page' },
      { action: 'back', text: 'Back to the library' },
    ],
  },
];

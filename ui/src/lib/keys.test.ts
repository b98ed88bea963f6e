import { describe, expect, it } from 'vitest';
import { actionFor, keysFor, withShortcut, type KeyInput } from './keys';

function key(k: string, mods: Partial<KeyInput> = {}): KeyInput {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('actionFor', () => {
  it('maps library keys', () => {
    expect(actionFor(key('/'), 'library', 'other')).toBe('focusSearch');
    expect(actionFor(key('ArrowDown'), 'library', 'other')).toBe('cursorDown');
    expect(actionFor(key('ArrowDown', { shiftKey: true }), 'library', 'other')).toBe('extendDown');
    expect(actionFor(key(' '), 'library', 'other')).toBe('toggleRow');
    expect(actionFor(key('F2'), 'library', 'other')).toBe('edit');
    expect(actionFor(key('Enter'), 'library', 'other')).toBe('edit');
    expect(actionFor(key('Enter', { ctrlKey: true }), 'library', 'other')).toBe('compare');
    expect(actionFor(key('C', { shiftKey: false }), 'library', 'other')).toBe('compare');
    expect(actionFor(key('Delete'), 'library', 'other')).toBe('delete');
    expect(actionFor(key('z', { metaKey: true }), 'library', 'other')).toBe('undo');
  });

  it('tells Ctrl+O from Ctrl+Shift+O (which arrives as "O")', () => {
    expect(actionFor(key('o', { ctrlKey: true }), 'library', 'other')).toBe('importFiles');
    expect(actionFor(key('O', { ctrlKey: true, shiftKey: true }), 'library', 'other')).toBe('importFolder');
  });

  it('maps the session keys: differences, only-here sentences, notes, overview', () => {
    expect(actionFor(key('o'), 'session', 'other')).toBe('nextOnlyHere');
    expect(actionFor(key('O', { shiftKey: true }), 'session', 'other')).toBe('previousOnlyHere');
    expect(actionFor(key('a'), 'session', 'other')).toBe('addNote');
    expect(actionFor(key('A', { shiftKey: true }), 'session', 'other')).toBe('sessionNote');
    expect(actionFor(key('N', { shiftKey: true }), 'session', 'other')).toBe('toggleNotes');
    expect(actionFor(key('v'), 'session', 'other')).toBe('toggleOverview');
    expect(actionFor(key('z', { ctrlKey: true }), 'session', 'other')).toBe('undo');
    // Typing a note must not jump around.
    expect(actionFor(key('a'), 'session', 'field')).toBeNull();
    expect(actionFor(key('n'), 'session', 'field')).toBeNull();
  });

  it('maps the side-by-side keys', () => {
    for (const k of ['n', 'j', 'ArrowDown', ']']) expect(actionFor(key(k), 'session', 'other')).toBe('nextChange');
    for (const k of ['p', 'k', 'ArrowUp', '[']) expect(actionFor(key(k), 'session', 'other')).toBe('previousChange');
    expect(actionFor(key('Escape'), 'session', 'other')).toBe('back');
    expect(actionFor(key(' ', { shiftKey: true }), 'session', 'other')).toBe('pageUp');
  });

  it('takes punctuation with or without Shift (German layouts type / as Shift+7)', () => {
    expect(actionFor(key('/', { shiftKey: true }), 'library', 'other')).toBe('focusSearch');
    expect(actionFor(key(']', { shiftKey: true }), 'session', 'other')).toBe('nextChange');
    expect(actionFor(key('[', { shiftKey: true }), 'session', 'other')).toBe('previousChange');
  });

  it('keeps view keys in their view', () => {
    expect(actionFor(key('n'), 'library', 'other')).toBeNull();
    expect(actionFor(key('c'), 'session', 'other')).toBeNull();
    expect(actionFor(key('?', { shiftKey: true }), 'session', 'other')).toBe('help');
  });

  it('leaves typing to text fields, except the import shortcuts and Ctrl+Enter', () => {
    expect(actionFor(key('c'), 'library', 'field')).toBeNull();
    expect(actionFor(key('/'), 'library', 'field')).toBeNull();
    expect(actionFor(key('?', { shiftKey: true }), 'library', 'field')).toBeNull();
    expect(actionFor(key('o', { ctrlKey: true }), 'library', 'field')).toBe('importFiles');
    expect(actionFor(key('Enter', { ctrlKey: true }), 'library', 'field')).toBe('compare');
  });

  it('lets Space and Enter press a focused button', () => {
    expect(actionFor(key(' '), 'library', 'button')).toBeNull();
    expect(actionFor(key('Enter'), 'library', 'button')).toBeNull();
    expect(actionFor(key('ArrowDown'), 'library', 'button')).toBe('cursorDown');
  });

  it('ignores Alt combinations and unbound keys', () => {
    expect(actionFor(key('n', { altKey: true }), 'session', 'other')).toBeNull();
    expect(actionFor(key('q'), 'library', 'other')).toBeNull();
    expect(actionFor(key('a'), 'library', 'other')).toBeNull();
  });
});

describe('shortcut labels', () => {
  it('lists every key of an action for the cheat sheet', () => {
    expect(keysFor('nextChange')).toEqual([['N'], ['J'], ['↓'], [']']]);
    expect(keysFor('importFolder')).toEqual([['Ctrl', 'Shift', 'O']]);
  });

  it('adds them to tooltips', () => {
    expect(withShortcut('Compare', 'compare')).toBe('Compare (Ctrl+Enter or C)');
  });
});

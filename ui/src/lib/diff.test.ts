import { describe, expect, it } from 'vitest';
import { column, run } from './testing/factories';
import {
  addressAfterShared,
  anchorFor,
  changeStarts,
  sharedBefore,
  sharedSize,
  isClutter,
  nextChange,
  previousChange,
  proportionalScroll,
  wordCount,
} from './diff';

// Left:  "Police said five people were hurt. | Read more"
// Right: "Officials said five people were hurt on Monday."
// change 0: "Police" -> "Officials"; change 1: inserted " on Monday" (right only);
// change 2: a sentence only on the left, in the second paragraph.
const left = column([
  [run('Police', 'deleted', 0), run(' said five people were hurt.')],
  [run('The port stayed shut.'), run(' Unions blamed the ministry.', 'deleted', 2)],
  [run('Read more', 'boilerplate')],
]);
const right = column([
  [run('Officials', 'inserted', 0), run(' said five people were hurt'), run(' on Monday', 'inserted', 1), run('.')],
  [run('The port stayed shut.')],
]);

describe('change positions', () => {
  it('finds the first run of each change on its side', () => {
    expect(changeStarts(left)).toEqual(
      new Map([
        [0, { paragraph: 0, run: 0 }],
        [2, { paragraph: 1, run: 1 }],
      ]),
    );
    expect([...changeStarts(right).keys()]).toEqual([0, 1]);
  });

  it('measures shared text the same however it is cut into runs', () => {
    expect(sharedSize(' said five people were hurt.')).toBe(sharedSize(' said five people were hurt') + sharedSize('.'));
    // Left and right share the same text overall, cut differently.
    expect(sharedBefore(left, { paragraph: 2, run: 0 })).toBe(sharedBefore(right, { paragraph: 1, run: 0 }) + 18);
  });

  it('measures shared text before a run', () => {
    expect(sharedBefore(right, { paragraph: 0, run: 2 })).toBe(sharedSize('saidfivepeoplewerehurt'));
    expect(sharedBefore(left, { paragraph: 1, run: 1 })).toBe(sharedSize('saidfivepeoplewerehurt.Theportstayedshut.'));
  });

  it('finds the spot after some shared text', () => {
    const sentence = sharedSize('said five people were hurt.');
    // Right after the first sentence on the left: the start of paragraph 1.
    expect(addressAfterShared(left, sentence)).toEqual({ paragraph: 1, run: 0 });
    // Part-way into a run: that run.
    expect(addressAfterShared(left, 4)).toEqual({ paragraph: 0, run: 1 });
    expect(addressAfterShared(left, 0)).toEqual({ paragraph: 0, run: 0 });
    // On the right the same sentence is cut in two around an insertion.
    expect(addressAfterShared(right, sentence - 1)).toEqual({ paragraph: 0, run: 2 });
  });

  it('anchors a change on each side, also where it has no text', () => {
    expect(anchorFor(left, right, 0)).toEqual({ paragraph: 0, run: 0 });
    expect(anchorFor(right, left, 0)).toEqual({ paragraph: 0, run: 0 });
    // " on Monday" exists only on the right; on the left it falls inside "said … hurt.".
    expect(anchorFor(right, left, 1)).toEqual({ paragraph: 0, run: 2 });
    expect(anchorFor(left, right, 1)).toEqual({ paragraph: 0, run: 1 });
    // The left-only sentence: on the right, after all the shared text (the last run).
    expect(anchorFor(right, left, 2)).toEqual({ paragraph: 1, run: 0 });
    expect(anchorFor(left, right, 7)).toBeNull();
  });
});

describe('navigation', () => {
  it('starts at the first change and stops at the last', () => {
    expect(nextChange(null, 3)).toBe(0);
    expect(nextChange(0, 3)).toBe(1);
    expect(nextChange(2, 3)).toBe(2);
  });

  it('goes back from the end when nothing is current, and stops at the first', () => {
    expect(previousChange(null, 3)).toBe(2);
    expect(previousChange(1, 3)).toBe(0);
    expect(previousChange(0, 3)).toBe(0);
  });

  it('has nowhere to go without changes', () => {
    expect(nextChange(null, 0)).toBeNull();
    expect(previousChange(null, 0)).toBeNull();
  });
});

describe('helpers', () => {
  it('marks paragraphs that are all site clutter', () => {
    expect(isClutter([run('Share this', 'boilerplate')])).toBe(true);
    expect(isClutter([run('Share this', 'boilerplate'), run('Text')])).toBe(false);
    expect(isClutter([])).toBe(false);
  });

  it('counts words', () => {
    expect(wordCount('  two   words ')).toBe(2);
    expect(wordCount(' ')).toBe(0);
  });

  it('scrolls proportionally', () => {
    const source = { scrollTop: 250, scrollHeight: 1100, clientHeight: 600 };
    expect(proportionalScroll(source, { scrollHeight: 2600, clientHeight: 600 })).toBe(1000);
    expect(proportionalScroll(source, { scrollHeight: 500, clientHeight: 600 })).toBe(0);
    expect(proportionalScroll({ ...source, scrollHeight: 600 }, { scrollHeight: 2600, clientHeight: 600 })).toBe(0);
  });
});

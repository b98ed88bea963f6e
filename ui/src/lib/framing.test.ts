import { describe, expect, it } from 'vitest';
import type { Actor } from './bindings/Actor';
import type { TextRun } from './bindings/TextRun';
import { cutRun, prominence } from './framing';

function run(text: string, start: number): TextRun {
  return { text, start, changed: false, notes: [], quote: null, shared: false };
}

describe('cutRun', () => {
  it('cuts a run at the byte offsets of a span, counting multi-byte characters', () => {
    // "Nicolás" is 8 bytes: á takes two.
    const pieces = cutRun(run('Nicolás Maduro said', 100), [[109, 115]]);
    expect(pieces.map((p) => [p.run.text, p.run.start, p.inside])).toEqual([
      ['Nicolás ', 100, false],
      ['Maduro', 109, true],
      [' said', 115, false],
    ]);
  });

  it('returns a run no span touches whole, and a run inside a span whole and inside', () => {
    const whole = run('the talks', 10);
    expect(cutRun(whole, [[0, 5]])).toEqual([{ run: whole, inside: false }]);
    expect(cutRun(whole, [[0, 50]])).toEqual([{ run: whole, inside: true }]);
  });
});

describe('prominence', () => {
  it('ranks a headline over a lede over the body, and an article not naming it at 0', () => {
    const actor: Actor = {
      name: 'Nicolás Maduro',
      kind: 'person',
      aliases: ['Maduro'],
      titles: [],
      mentions: [
        { article: 1, count: 3, first: 10, inHeadline: true, inLede: true, spans: [[10, 16]] },
        { article: 2, count: 1, first: 40, inHeadline: false, inLede: true, spans: [[40, 46]] },
        { article: 3, count: 2, first: 900, inHeadline: false, inLede: false, spans: [[900, 906]] },
      ],
    };
    expect(prominence(actor, [1, 2, 3, 4]).map((p) => p.level)).toEqual([3, 2, 1, 0]);
  });
});

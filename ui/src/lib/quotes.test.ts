import { describe, expect, it } from 'vitest';
import type { SessionQuote } from './bindings/SessionQuote';
import { quoteRows, speakerOf } from './quotes';

function quote(id: number, column: number, overrides: Partial<SessionQuote> = {}): SessionQuote {
  return {
    id,
    column,
    article: column + 1,
    index: id,
    firstWord: id * 100 + 1,
    start: id * 100,
    end: id * 100 + 20,
    parts: [[id * 100 + 1, id * 100 + 19]],
    text: `quote ${id}`,
    speaker: 'Aurel Venn',
    role: 'chief engineer',
    anonymous: false,
    kind: 'full',
    attribution: null,
    ...overrides,
  };
}

// How quotations are grouped across articles is the backend's (parallax-core `session`, tested
// there); the panel only looks the groups' quotations up.
describe('quote rows', () => {
  it('looks up the quotations of each group and keys its columns', () => {
    const quotes = [quote(0, 0), quote(1, 0), quote(2, 1)];
    const rows = quoteRows({
      quotes,
      matches: [],
      groups: [
        {
          quotes: [2, 0],
          carried: [
            { column: 0, how: 'quoted', quotes: [0] },
            { column: 1, how: 'trimmed', quotes: [2] },
          ],
          unquoted: [],
          misattributed: true,
          variants: [],
        },
        { quotes: [1], carried: [{ column: 0, how: 'quoted', quotes: [1] }], unquoted: [{ column: 1, start: 5, end: 50 }], misattributed: false, variants: [] },
      ],
    });
    expect(rows).toHaveLength(2);
    const [shared, reused] = rows;
    expect(shared!.quotes.map((q) => q.id)).toEqual([2, 0]);
    expect(shared!.carried.get(1)!.how).toBe('trimmed');
    expect(shared!.carried.get(1)!.quote).toBe(quotes[2]);
    expect(shared!.misattributed).toBe(true);
    expect(reused!.unquoted.get(1)).toEqual({ column: 1, start: 5, end: 50 });
    expect(reused!.carried.has(1)).toBe(false);
  });

  it('describes speakers with their role, anonymous sources as unnamed', () => {
    expect(speakerOf(quote(0, 0))).toBe('Aurel Venn, chief engineer');
    expect(speakerOf(quote(0, 0, { speaker: null, role: 'a senior official', anonymous: true }))).toBe(
      'a senior official (unnamed)',
    );
    expect(speakerOf(quote(0, 0, { speaker: null, role: null }))).toBe('no speaker');
  });
});

import { describe, expect, it } from 'vitest';
import type { QuoteMatch } from './bindings/QuoteMatch';
import type { SessionQuote } from './bindings/SessionQuote';
import { quoteRows, speakerOf } from './quotes';

function quote(id: number, column: number, overrides: Partial<SessionQuote> = {}): SessionQuote {
  return {
    id,
    column,
    start: id * 100,
    text: `quote ${id}`,
    speaker: 'Aurel Venn',
    role: 'chief engineer',
    anonymous: false,
    kind: 'full',
    parts: 1,
    ...overrides,
  };
}

function match(relation: QuoteMatch['relation'], quotes: number[], overrides: Partial<QuoteMatch> = {}): QuoteMatch {
  return { quotes, relation, passage: null, variants: null, ...overrides };
}

describe('quote rows', () => {
  it('groups related quotations of different articles into one row, singletons apart', () => {
    const quotes = [quote(0, 0), quote(1, 0), quote(2, 1), quote(3, 2), quote(4, 2)];
    const rows = quoteRows(quotes, [
      match('same', [0, 2]),
      match('altered', [0, 3], { variants: [[{ text: 'a', changed: true }], [{ text: 'b', changed: true }]] }),
      match('misattributed', [0, 2]),
      match('unattributed', [1], { passage: { column: 1, start: 5, end: 50 } }),
    ]);
    expect(rows).toHaveLength(3);
    const [shared, reused, alone] = rows;
    expect(shared!.quotes.map((q) => q.id).sort()).toEqual([0, 2, 3]);
    expect([...shared!.carried.entries()].map(([c, v]) => [c, v.how])).toEqual([
      [0, 'quoted'],
      [1, 'quoted'],
      [2, 'altered'],
    ]);
    expect(shared!.misattributed).toBe(true);
    expect(shared!.variants).toHaveLength(1);
    // A quotation reused elsewhere without quote marks.
    expect(reused!.quotes.map((q) => q.id)).toEqual([1]);
    expect(reused!.unquoted.get(1)).toEqual({ column: 1, start: 5, end: 50 });
    expect(alone!.quotes.map((q) => q.id)).toEqual([4]);
    expect(alone!.misattributed).toBe(false);
  });

  it('calls only the shorter quotation of a trimmed pair trimmed, and keeps every quotation of a column', () => {
    const quotes = [
      quote(0, 0, { text: 'we are deeply concerned about the gates' }),
      quote(1, 1, { text: 'deeply concerned' }),
      quote(2, 0, { text: 'we remain deeply concerned tonight' }),
    ];
    const rows = quoteRows(quotes, [match('trimmed', [0, 1]), match('trimmed', [1, 2])]);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.quotes[0]!.id).toBe(0); // the longest wording leads
    expect(row.carried.get(0)!.how).toBe('quoted');
    expect(row.carried.get(0)!.quotes.map((q) => q.id)).toEqual([0, 2]);
    expect(row.carried.get(1)!.how).toBe('trimmed');
  });

  it('describes speakers with their role, anonymous sources as unnamed', () => {
    expect(speakerOf(quote(0, 0))).toBe('Aurel Venn, chief engineer');
    expect(speakerOf(quote(0, 0, { speaker: null, role: 'a senior official', anonymous: true }))).toBe(
      'a senior official (unnamed)',
    );
    expect(speakerOf(quote(0, 0, { speaker: null, role: null }))).toBe('no speaker');
  });
});

import { describe, expect, it } from 'vitest';
import {
  counterparts,
  displayOrder,
  hiddenInRun,
  layoutBands,
  notePlaces,
  rankOf,
  rowAtOffset,
  rowHidden,
  sentenceKey,
  stepRow,
} from './alignment';
import { alignedRow, article, sentence, sessionView } from './testing/factories';

const rows = [
  alignedRow([[sentence(0, 'A')], [sentence(0, 'A')]], { differs: false }),
  alignedRow([[sentence(1, 'B')], null]),
  alignedRow([null, [sentence(1, 'C', { onlyHere: true })]]),
  alignedRow([[sentence(2, 'D')], [sentence(2, 'D')]], { differs: false }),
  alignedRow([[sentence(3, 'E', { onlyHere: true })], null]),
];

describe('reading an alignment', () => {
  it('puts the pivot column first, the others in session order', () => {
    expect(displayOrder(4, 2)).toEqual([2, 0, 1, 3]);
    expect(displayOrder(2, 0)).toEqual([0, 1]);
  });

  it('lays each article\'s unshared sentences out below its own last shared row', () => {
    const layout = layoutBands(rows);
    // Row 1 (column 0 only) follows shared row 0; row 2 (column 1 only) joins it: column 1's
    // last shared row is row 0 too. Row 4 follows shared row 3.
    expect(layout.bands.map((b) => b.rows)).toEqual([[0], [1, 2], [3], [4]]);
    expect(layout.bands.map((b) => b.shared)).toEqual([true, false, true, false]);
    expect(layout.bandOf).toEqual([0, 1, 1, 2, 3]);
    expect(layout.bands[1]!.cells.map((c) => c.map((s) => s.sentence.runs[0]!.text))).toEqual([['B'], ['C']]);
  });

  it('moves a column\'s opening run to the top when its first shared row comes late', () => {
    const late = [
      alignedRow([[sentence(0, 'A0')], null, null]),
      alignedRow([[sentence(1, 'A1')], [sentence(0, 'B0')], null]),
      alignedRow([null, null, [sentence(0, 'C0')]]),
      alignedRow([null, null, [sentence(1, 'C1')]]),
      alignedRow([[sentence(2, 'A2')], null, [sentence(2, 'C2')]]),
      alignedRow([null, null, [sentence(3, 'C3')]]),
    ];
    const layout = layoutBands(late);
    const text = (band: number) => layout.bands[band]!.cells.map((c) => c.map((s) => s.sentence.runs[0]!.text));
    // Column 2's first sentences sit at the top beside column 0's, not below row 1.
    expect(text(0)).toEqual([['A0'], [], ['C0', 'C1']]);
    expect(layout.bands[1]!.rows).toEqual([1]);
    expect(layout.bands[2]!.rows).toEqual([4]);
    expect(text(3)).toEqual([[], [], ['C3']]);
    expect(layout.bandOf).toEqual([0, 1, 0, 0, 2, 3]);
  });

  it('shows an article\'s opening at the top rather than below a long stretch of other text', () => {
    // The pivot opens with two long sentences of its own.
    const long = (word: string) => `${word} ${'word '.repeat(30).trim()}`;
    const rows = [
      alignedRow([[sentence(0, long('P0'))], null, null]),
      alignedRow([[sentence(1, long('P1'))], null, null]),
      alignedRow([[sentence(2, 'P2')], [sentence(0, 'A0')], null]),
      alignedRow([null, [sentence(1, 'A1')], [sentence(0, 'B0')]]),
      alignedRow([null, [sentence(2, 'A2')], [sentence(1, 'B1')]]),
    ];
    const layout = layoutBands(rows);
    const text = (band: number) => layout.bands[band]!.cells.map((c) => c.map((s) => s.sentence.runs[0]!.text.split(' ')[0]));
    // A's and B's first sentences are shared with text that would sit below the pivot's long
    // opening: their openings show at the top instead, beside it, each on its own.
    expect(text(0)).toEqual([['P0', 'P1', 'P2'], ['A0', 'A1'], ['B0']]);
    // Once both have shown text, their shared rows line up again.
    expect(layout.bands[1]!.shared).toBe(true);
    expect(text(1)).toEqual([[], ['A2'], ['B1']]);
    // A split row is found at its last band; a step from there moves on.
    expect(layout.bandOf[3]).toBe(0);
    expect(layout.bandOf[4]).toBe(1);
    // Below a short stretch, an opening waits and stays lined up with its counterpart.
    const apart = [
      alignedRow([[sentence(0, 'P0')], null, null]),
      alignedRow([null, [sentence(0, 'A0')], [sentence(0, 'B0')]]),
    ];
    expect(layoutBands(apart).bands.map((b) => [b.rows, b.shared])).toEqual([
      [[0], false],
      [[1], true],
    ]);
  });

  it('keys every band apart and steps to each row at its own band, when a row is split', () => {
    const long = `Opening ${'word '.repeat(45).trim()}.`;
    const rows = [
      alignedRow([[sentence(0, long)], [sentence(0, long)], null]),
      alignedRow([[sentence(1, 'A')], [sentence(1, 'B')], [sentence(0, 'C')]]),
    ];
    const layout = layoutBands(rows);
    // Column 2's opening (row 1) shows at the top on its own, so row 1 sits in two bands.
    expect(layout.bands.map((b) => b.rows)).toEqual([[1], [0], [1]]);
    expect(new Set(layout.bands.map((b) => b.key)).size).toBe(layout.bands.length);
    expect(layout.bandOf).toEqual([1, 2]);
    // Row 0 differs (column 2 is empty there): the first step finds it, not row 1's top part.
    expect(stepRow(rows, layout, null, 1, 'difference')).toBe(0);
    // Row 1 says the same in all three: no difference further down.
    expect(stepRow(rows, layout, 0, 1, 'difference')).toBeNull();
    expect(rankOf(rows, layout, 0, 'difference')).toEqual({ rank: 1, total: 1 });
  });

  it('collapses a long run to its start, and says which rows that hides', () => {
    const long = [
      alignedRow([[sentence(0, 'A')], [sentence(0, 'A')]], { differs: false }),
      ...[1, 2, 3, 4, 5, 6].map((i) => alignedRow([[sentence(i, `S${i}`, { onlyHere: true })], null], { onlyHere: true })),
    ];
    const layout = layoutBands(long);
    expect(hiddenInRun(layout.bands[1]!, 0)).toBe(4);
    expect(hiddenInRun(layout.bands[1]!, 1)).toBe(0);
    expect(hiddenInRun(layout.bands[0]!, 0)).toBe(0);
    expect([1, 2, 3, 4, 5, 6].map((r) => rowHidden(layout, r))).toEqual([false, false, true, true, true, true]);
  });

  it('steps through differences and only-here bands both ways, stopping at the ends, always on text', () => {
    const layout = layoutBands(rows);
    expect(stepRow(rows, layout, null, 1, 'difference')).toBe(1);
    // Rows 1 and 2 share a band: the next difference is the band after it.
    expect(stepRow(rows, layout, 1, 1, 'difference')).toBe(4);
    expect(stepRow(rows, layout, 4, 1, 'difference')).toBeNull();
    expect(stepRow(rows, layout, null, -1, 'difference')).toBe(4);
    expect(stepRow(rows, layout, 4, -1, 'onlyHere')).toBe(2);
    // Only-here sentences of one column.
    expect(stepRow(rows, layout, null, 1, 'onlyHere', 0)).toBe(4);
    expect(stepRow(rows, layout, null, 1, 'onlyHere', 1)).toBe(2);
    // Every step lands on a row with text in some column.
    for (let from = 0; from < rows.length; from++) {
      const to = stepRow(rows, layout, from, 1, 'difference');
      if (to !== null) expect(rows[to]!.cells.some((c) => c && c.length > 0)).toBe(true);
    }
  });

  it('says which difference a band is', () => {
    const layout = layoutBands(rows);
    expect(rankOf(rows, layout, null, 'difference')).toEqual({ rank: 0, total: 2 });
    expect(rankOf(rows, layout, 2, 'difference')).toEqual({ rank: 1, total: 2 });
    expect(rankOf(rows, layout, 3, 'onlyHere')).toEqual({ rank: 1, total: 2 });
  });

  it('finds counterparts in the same row and through links', () => {
    const view = sessionView(
      [article({ id: 1 }), article({ id: 2 }), article({ id: 3 })],
      [
        alignedRow([[sentence(0, 'A')], [sentence(0, 'A2'), sentence(1, 'A3')], null]),
        alignedRow([
          [sentence(1, 'B', { links: [{ column: 2, sentence: 5, row: 9, similarity: 0.3 }] })],
          null,
          null,
        ]),
      ],
    );
    const alignment = view.analysis!.layout!;
    expect(counterparts(alignment, 0, 0, 0).map(sentenceKey)).toEqual(['1:0', '1:1']);
    expect(counterparts(alignment, 0, 1, 1).map(sentenceKey)).toEqual(['0:0']);
    expect(counterparts(alignment, 1, 0, 1).map(sentenceKey)).toEqual(['2:5']);
  });

  it('places each note at the first row and column that carries it', () => {
    const noted = (index: number, text: string, notes: number[]) =>
      sentence(index, text, { runs: [{ text, start: index * 100, changed: false, notes, quote: null, shared: false }] });
    const view = sessionView(
      [article({ id: 1 }), article({ id: 2 })],
      [alignedRow([[sentence(0, 'A')], [noted(0, 'B', [7])]]), alignedRow([[noted(1, 'C', [7, 8])], null])],
    );
    const places = notePlaces(view.analysis!.layout!);
    expect(places.get(7)).toEqual({ row: 0, column: 1 });
    expect(places.get(8)).toEqual({ row: 1, column: 0 });
    expect(places.has(9)).toBe(false);
  });

  it('finds the row of a byte offset in a column', () => {
    const view = sessionView(
      [article({ id: 1 }), article({ id: 2 })],
      [
        alignedRow([[sentence(0, 'A', { start: 0 })], null]),
        alignedRow([null, [sentence(0, 'B', { start: 0 })]]),
        alignedRow([[sentence(1, 'C', { start: 40 })], [sentence(1, 'D', { start: 30 })]]),
      ],
    );
    const alignment = view.analysis!.layout!;
    expect(rowAtOffset(alignment, 0, 10)).toBe(0);
    expect(rowAtOffset(alignment, 0, 45)).toBe(2);
    expect(rowAtOffset(alignment, 1, 29)).toBe(1);
  });
});

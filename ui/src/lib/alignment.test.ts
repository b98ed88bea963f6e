import { describe, expect, it } from 'vitest';
import { counterparts, displayOrder, notePlaces, rankOf, rowAtOffset, sentenceKey, stepRow } from './alignment';
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

  it('steps through differences and only-here rows both ways, stopping at the ends', () => {
    expect(stepRow(rows, null, 1, 'difference')).toBe(1);
    expect(stepRow(rows, 1, 1, 'difference')).toBe(2);
    expect(stepRow(rows, 2, 1, 'difference')).toBe(4);
    expect(stepRow(rows, 4, 1, 'difference')).toBeNull();
    expect(stepRow(rows, null, -1, 'difference')).toBe(4);
    expect(stepRow(rows, 4, -1, 'onlyHere')).toBe(2);
    // Only-here sentences of one column.
    expect(stepRow(rows, null, 1, 'onlyHere', 0)).toBe(4);
    expect(stepRow(rows, null, 1, 'onlyHere', 1)).toBe(2);
  });

  it('says which difference a row is', () => {
    expect(rankOf(rows, null, 'difference')).toEqual({ rank: 0, total: 3 });
    expect(rankOf(rows, 2, 'difference')).toEqual({ rank: 2, total: 3 });
    expect(rankOf(rows, 3, 'onlyHere')).toEqual({ rank: 1, total: 2 });
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

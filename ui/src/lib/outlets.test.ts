import { describe, expect, it } from 'vitest';
import { OutletPalette, PALETTE_SIZE } from './outlets';

describe('OutletPalette', () => {
  it('gives each new outlet the next free colour, in palette order', () => {
    const palette = new OutletPalette();
    expect(['A', 'B', 'C'].map((o) => palette.slotOf(o))).toEqual([0, 1, 2]);
  });

  it('keeps an outlet’s colour however it is written and whatever is added later', () => {
    const palette = new OutletPalette();
    palette.assign(['The Daily Planet', 'Gazette']);
    const before = palette.slotOf('Gazette');
    palette.assign(['Aardvark Times', 'Zeitung', 'Bugle']);
    expect(palette.slotOf('gazette ')).toBe(before);
    expect(palette.slotOf('THE DAILY PLANET')).toBe(0);
  });

  it('is the same after saving and loading', () => {
    const palette = new OutletPalette();
    palette.assign(['A', 'B', 'C', 'D']);
    const reloaded = new OutletPalette(JSON.parse(JSON.stringify(palette)) as Record<string, number>);
    expect(['D', 'C', 'B', 'A'].map((o) => reloaded.slotOf(o))).toEqual([3, 2, 1, 0]);
    expect(reloaded.slotOf('E')).toBe(4);
  });

  it('ignores saved slots outside the palette', () => {
    const palette = new OutletPalette({ a: 99, b: -1, c: 1.5 });
    expect(palette.size).toBe(0);
  });

  it('reuses the least used colours once the palette is full', () => {
    const palette = new OutletPalette();
    const names = Array.from({ length: PALETTE_SIZE + 2 }, (_, i) => `outlet ${i}`);
    palette.assign(names);
    expect(palette.slotOf(`outlet ${PALETTE_SIZE}`)).toBe(0);
    expect(palette.slotOf(`outlet ${PALETTE_SIZE + 1}`)).toBe(1);
  });

  it('has no colour for an unknown outlet', () => {
    const palette = new OutletPalette();
    expect(palette.slotOf(null)).toBeNull();
    expect(palette.slotOf('  ')).toBeNull();
    expect(palette.size).toBe(0);
  });
});

describe('knownSlotOf', () => {
  it('looks a colour up without handing one out', () => {
    const palette = new OutletPalette();
    expect(palette.knownSlotOf('Gazette')).toBeNull();
    expect(palette.size).toBe(0);
    palette.assign(['Planet', 'Gazette']);
    expect(palette.knownSlotOf(' gazette')).toBe(1);
    expect(palette.knownSlotOf(null)).toBeNull();
  });
});

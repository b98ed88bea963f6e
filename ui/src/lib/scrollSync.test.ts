import { describe, expect, it } from 'vitest';
import { ScrollLink } from './scrollSync';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('ScrollLink', () => {
  it('lets the first column to scroll lead and ignores the echo from the other', () => {
    const time = clock();
    const link = new ScrollLink(100, time.now);
    expect(link.scrolled('left')).toBe(true);
    // Setting the right column's scrollTop fires a scroll event there: not followed back.
    expect(link.scrolled('right')).toBe(false);
    time.advance(50);
    expect(link.scrolled('left')).toBe(true);
  });

  it('keeps ignoring the follower while its events keep coming (smooth scrolling)', () => {
    const time = clock();
    const link = new ScrollLink(100, time.now);
    link.scrolled('left');
    for (let i = 0; i < 5; i++) {
      time.advance(80);
      expect(link.scrolled('right')).toBe(false);
    }
  });

  it('hands the lead over once things are quiet', () => {
    const time = clock();
    const link = new ScrollLink(100, time.now);
    link.scrolled('left');
    time.advance(101);
    expect(link.scrolled('right')).toBe(true);
    expect(link.scrolled('left')).toBe(false);
  });

  it('holds both sides while navigation scrolls them', () => {
    const time = clock();
    const link = new ScrollLink(100, time.now);
    link.holdBoth(300);
    time.advance(200);
    expect(link.scrolled('left')).toBe(false);
    expect(link.scrolled('right')).toBe(false);
    time.advance(150);
    expect(link.scrolled('right')).toBe(true);
  });
});

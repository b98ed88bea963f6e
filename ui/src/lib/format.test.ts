import { describe, expect, it } from 'vitest';
import { fileName, formatDate, isIsoDate, parentDir, plural } from './format';

describe('isIsoDate', () => {
  it('accepts real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('1999-12-31')).toBe(true);
  });

  it('rejects impossible dates and other formats', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-5', '05/03/2024', '2024-03-05T00:00', 'yesterday', '']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });
});

describe('formatDate', () => {
  it('shows nothing for no date and the raw text for an odd one', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('spring 2024')).toBe('spring 2024');
  });

  it('formats the calendar day without a timezone shift', () => {
    expect(formatDate('2024-03-01')).toMatch(/1/);
    expect(formatDate('2024-03-01')).toMatch(/2024/);
    expect(formatDate('2024-03-01')).not.toMatch(/29|Feb/);
  });
});

describe('paths', () => {
  it('splits Unix and Windows paths', () => {
    expect(fileName('/home/ana/news/a.pdf')).toBe('a.pdf');
    expect(parentDir('/home/ana/news/a.pdf')).toBe('/home/ana/news');
    expect(fileName('C:\\Users\\ana\\b.docx')).toBe('b.docx');
    expect(parentDir('C:\\Users\\ana\\b.docx')).toBe('C:\\Users\\ana');
    expect(fileName('/home/ana/folder/')).toBe('folder');
    expect(fileName('plain.txt')).toBe('plain.txt');
    expect(parentDir('plain.txt')).toBe('');
  });
});

describe('plural', () => {
  it('says one article and 2 articles', () => {
    expect(plural(1, 'article')).toBe('1 article');
    expect(plural(2, 'match', 'matches')).toBe('2 matches');
    expect(plural(0, 'change')).toBe('0 changes');
  });
});

import { describe, expect, it } from 'vitest';
import { part } from './testing/factories';
import { snippetParts, snippetText } from './snippet';

describe('snippetParts', () => {
  it('merges neighbours with the same highlighting into one part', () => {
    expect(snippetParts([part('the '), part('port', true), part(' strike', true), part(' began')])).toEqual([
      part('the '),
      part('port strike', true),
      part(' began'),
    ]);
  });

  it('drops empty parts and collapses whitespace, trimming the ends', () => {
    expect(snippetParts([part(''), part('  a\n\n b  '), part('', true), part('c', true), part(' \t')])).toEqual([
      part('a b '),
      part('c', true),
    ]);
  });

  it('keeps markup-looking text as text', () => {
    expect(snippetParts([part('<b>x</b>', true)])).toEqual([part('<b>x</b>', true)]);
  });

  it('gives the plain text', () => {
    expect(snippetText([part(' one '), part('two', true), part(' three ')])).toBe('one two three');
  });
});

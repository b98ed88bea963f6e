import { describe, expect, it } from 'vitest';
import { article } from './testing/factories';
import { checkDraft, draftOf, editOf, isUnchanged } from './metadata';

describe('drafts', () => {
  const summary = article({ title: 'Strike ends', outlet: null, author: 'Ana', published: null, url: null });

  it('round-trips an article: empty inputs mean null', () => {
    const draft = draftOf(summary);
    expect(draft).toEqual({ title: 'Strike ends', outlet: '', agency: '', author: 'Ana', published: '', url: '' });
    expect(editOf(draft)).toEqual({ title: 'Strike ends', outlet: null, agency: null, author: 'Ana', published: null, url: null });
    expect(isUnchanged(summary, draft)).toBe(true);
  });

  it('trims, and treats blank as none', () => {
    const draft = { ...draftOf(summary), outlet: '  Gazette ', author: '   ' };
    expect(editOf(draft)).toMatchObject({ outlet: 'Gazette', author: null });
    expect(isUnchanged(summary, draft)).toBe(false);
  });
});

describe('checkDraft', () => {
  const ok = draftOf(article({ title: 'T', published: '2024-03-05', url: 'https://example.org/a' }));

  it('passes a good draft', () => {
    expect(checkDraft(ok)).toBeNull();
    expect(checkDraft({ ...ok, published: '', url: '' })).toBeNull();
  });

  it('explains a bad date with the expected format', () => {
    const problem = checkDraft({ ...ok, published: '5 March 2024' });
    expect(problem?.field).toBe('published');
    expect(problem?.message).toContain('YYYY-MM-DD');
    expect(checkDraft({ ...ok, published: '2024-02-30' })?.field).toBe('published');
  });

  it('refuses an empty title and a URL that is not a web address', () => {
    expect(checkDraft({ ...ok, title: '  ' })?.field).toBe('title');
    expect(checkDraft({ ...ok, url: 'example.org' })?.field).toBe('url');
  });
});

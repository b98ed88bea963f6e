import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('note Markdown', () => {
  it('renders emphasis, lists and links', () => {
    const html = renderMarkdown('**Check** the *figure*:\n\n- 1,200 in the wire\n- 1,400 here\n\nSee https://example.org/a');
    expect(html).toContain('<strong>Check</strong>');
    expect(html).toContain('<em>figure</em>');
    expect(html).toContain('<li>1,200 in the wire</li>');
    expect(html).toContain('<a href="https://example.org/a">');
  });

  it('shows raw HTML as text and refuses script links', () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)"> [click](javascript:alert(1))');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).not.toContain('href="javascript:');
  });
});

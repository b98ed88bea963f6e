/**
 * Note bodies are Markdown. markdown-it with raw HTML off: whatever a note says is shown as
 * text, never as markup, and `javascript:` links are refused by its link check. Links are not
 * followed inside the app (see NoteCard): the window only ever shows Parallax.
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: true });

export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

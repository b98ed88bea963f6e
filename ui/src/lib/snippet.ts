import type { SnippetPart } from './bindings/SnippetPart';

/**
 * Cleans a search snippet for display: drops empty parts, merges neighbours with the same
 * highlighting (so one phrase is one <mark>), and collapses runs of whitespace (snippets cut
 * across paragraph breaks).
 */
export function snippetParts(parts: readonly SnippetPart[]): SnippetPart[] {
  const out: SnippetPart[] = [];
  for (const part of parts) {
    const text = part.text.replace(/\s+/g, ' ');
    if (text === '') continue;
    const last = out[out.length - 1];
    if (last && last.highlight === part.highlight) last.text += text;
    else out.push({ text, highlight: part.highlight });
  }
  const first = out[0];
  if (first) first.text = first.text.trimStart();
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((part) => part.text !== '');
}

/** The snippet as plain text, e.g. for a tooltip or an accessible label. */
export function snippetText(parts: readonly SnippetPart[]): string {
  return snippetParts(parts)
    .map((part) => part.text)
    .join('');
}

import type { ArticleSummary } from './bindings/ArticleSummary';
import type { MetadataEdit } from './bindings/MetadataEdit';
import { isIsoDate } from './format';

/** The text in the inline edit inputs: always strings, empty meaning "none". */
export type MetadataDraft = {
  title: string;
  outlet: string;
  agency: string;
  author: string;
  published: string;
  url: string;
};

export type DraftField = keyof MetadataDraft;

export function draftOf(article: ArticleSummary): MetadataDraft {
  return {
    title: article.title,
    outlet: article.outlet ?? '',
    agency: article.agency ?? '',
    author: article.author ?? '',
    published: article.published ?? '',
    url: article.url ?? '',
  };
}

function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function editOf(draft: MetadataDraft): MetadataEdit {
  return {
    title: draft.title.trim(),
    outlet: optional(draft.outlet),
    agency: optional(draft.agency),
    author: optional(draft.author),
    published: optional(draft.published),
    url: optional(draft.url),
  };
}

export type DraftProblem = { field: DraftField; message: string };

/**
 * Catches the mistakes we can explain better than the backend can, before sending. The backend
 * still validates; its message is shown when it disagrees.
 */
export function checkDraft(draft: MetadataDraft): DraftProblem | null {
  if (draft.title.trim() === '') return { field: 'title', message: 'The title can’t be empty.' };
  const published = draft.published.trim();
  if (published !== '' && !isIsoDate(published)) {
    return {
      field: 'published',
      message: `“${published}” is not a date. Write it as YYYY-MM-DD, e.g. 2024-03-05, or leave it empty.`,
    };
  }
  const url = draft.url.trim();
  if (url !== '' && !/^https?:\/\/\S+$/i.test(url)) {
    return { field: 'url', message: 'The URL should start with http:// or https:// (or be empty).' };
  }
  return null;
}

export function isUnchanged(article: ArticleSummary, draft: MetadataDraft): boolean {
  const edit = editOf(draft);
  return (
    edit.title === article.title &&
    edit.outlet === article.outlet &&
    edit.author === article.author &&
    edit.published === article.published &&
    edit.url === article.url
  );
}

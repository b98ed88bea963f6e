/** Display helpers for dates, numbers and paths. Pure; no locale surprises in tests. */
import { USUAL_EXTENSIONS } from './bindings/limits';

/** ".txt .md .html .pdf .docx": the file types Parallax reads, from the backend's own list. */
export const READABLE_TYPES = USUAL_EXTENSIONS.map((ext) => `.${ext}`).join(' ');

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "2024-03-05" -> "Mar 5, 2024" in the user's locale; anything unparseable is shown as is. */
export function formatDate(published: string | null): string {
  if (published === null || published === '') return '';
  if (!isIsoDate(published)) return published;
  return dateFormat.format(new Date(`${published}T00:00:00Z`));
}

const numberFormat = new Intl.NumberFormat();

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "3 articles", "1 article". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The last component of a path, for either separator. */
export function fileName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut < 0 ? trimmed : trimmed.slice(cut + 1);
}

/** Everything before the last component ('' if none). */
export function parentDir(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut < 0 ? '' : trimmed.slice(0, cut);
}

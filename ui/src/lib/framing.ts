/**
 * The framing analysis as the Framing view shows it. The backend computes every figure and the
 * byte ranges of the words behind it; this arranges them for reading (prominence cells, source
 * bars, frame rows) and cuts a text run where a highlighted range begins or ends, so clicking a
 * figure can light up its words in the side-by-side text.
 */
import type { Actor } from './bindings/Actor';
import type { ArticleId } from './bindings/ArticleId';
import type { Framing } from './bindings/Framing';
import type { SourceKind } from './bindings/SourceKind';
import type { TextRun } from './bindings/TextRun';

export { FRAME_DIMENSIONS } from './bindings/limits';

/** A byte range of an article body, `[start, end]`. */
export type Span = [number, number];

/** Source kinds in the order the bars stack them, with their names. */
export const SOURCE_KINDS: readonly { kind: SourceKind; label: string }[] = [
  { kind: 'official', label: 'Official' },
  { kind: 'expert', label: 'Expert' },
  { kind: 'organisation', label: 'Organisation' },
  { kind: 'person', label: 'Person' },
  { kind: 'anonymous', label: 'Anonymous' },
];


/** How prominently an article names an actor: 0 (not at all) to 3 (in its headline). */
export type Prominence = { level: 0 | 1 | 2 | 3; count: number; where: string; spans: Span[] };

/** Per actor, per article in `articles` order: how prominently it is named. */
export function prominence(actor: Actor, articles: readonly ArticleId[]): Prominence[] {
  return articles.map((id) => {
    const mention = actor.mentions.find((m) => m.article === id);
    if (!mention) return { level: 0, count: 0, where: 'not named', spans: [] };
    const level = mention.inHeadline ? 3 : mention.inLede ? 2 : 1;
    const where = mention.inHeadline ? 'in the headline' : mention.inLede ? 'in the lede' : 'in the body';
    return { level, count: mention.count, where, spans: mention.spans };
  });
}

/** Per article: quotations given to each kind of source, and the sources of each kind. */
export function sourcesByKind(
  framing: Framing,
  article: ArticleId,
): { kind: SourceKind; label: string; quotes: number; words: number; speakers: string[] }[] {
  const own = framing.sources.filter((s) => s.article === article);
  return SOURCE_KINDS.map(({ kind, label }) => {
    const of = own.filter((s) => s.kind === kind);
    return {
      kind,
      label,
      quotes: of.reduce((n, s) => n + s.quotes, 0),
      words: of.reduce((n, s) => n + s.words, 0),
      speakers: of.map((s) => s.speaker),
    };
  });
}

/** The highest frame score of the session, for bar scales (at least 1). */
export function maxFrameScore(framing: Framing): number {
  let max = 1;
  for (const profile of framing.frames) {
    for (const score of Object.values(profile.scores)) if (score !== undefined && score > max) max = score;
  }
  return max;
}

const encoder = new TextEncoder();

/**
 * Cuts a run where any of `spans` (byte ranges of the body) begins or ends: the pieces, each
 * with its own `start`, and whether it lies inside a span. A run with no span inside it is
 * returned whole.
 */
export function cutRun(run: TextRun, spans: readonly Span[]): { run: TextRun; inside: boolean }[] {
  // Every run of the text goes through here on each render: with nothing lit up, no work.
  if (spans.length === 0) return [{ run, inside: false }];
  const runEnd = run.start + encoder.encode(run.text).length;
  const touching = spans.filter(([s, e]) => s < runEnd && e > run.start);
  if (touching.length === 0) return [{ run, inside: false }];
  const cuts = new Set<number>();
  for (const [s, e] of touching) {
    if (s > run.start) cuts.add(s);
    if (e < runEnd) cuts.add(e);
  }
  const inside = (at: number) => touching.some(([s, e]) => s <= at && at < e);
  const pieces: { run: TextRun; inside: boolean }[] = [];
  let text = '';
  let pieceStart = run.start;
  let offset = run.start;
  for (const char of run.text) {
    if (cuts.has(offset) && text !== '') {
      pieces.push({ run: { ...run, text, start: pieceStart }, inside: inside(pieceStart) });
      text = '';
      pieceStart = offset;
    }
    text += char;
    offset += encoder.encode(char).length;
  }
  if (text !== '') pieces.push({ run: { ...run, text, start: pieceStart }, inside: inside(pieceStart) });
  return pieces;
}

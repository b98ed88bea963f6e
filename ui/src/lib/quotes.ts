/**
 * The quotations of a session as the quotes panel shows them: one row per quotation, with which
 * articles carry it (word for word, trimmed, altered, or without quote marks) and whether they
 * give it to different speakers. Pure functions over the backend's quotes and matches.
 */
import type { ColumnRange } from './bindings/ColumnRange';
import type { QuoteMatch } from './bindings/QuoteMatch';
import type { SessionQuote } from './bindings/SessionQuote';

/** How an article carries a row's quotation. */
export type Carried = 'quoted' | 'trimmed' | 'altered';

export type QuoteRow = {
  /** The quotations of the row, in column order then text order. */
  quotes: SessionQuote[];
  /** Per column that quotes it: how, and its quotations there (the first shown). */
  carried: Map<number, { how: Carried; quote: SessionQuote; quotes: SessionQuote[] }>;
  /** Per column that has the words without quote marks: where. */
  unquoted: Map<number, ColumnRange>;
  /** Different articles give it to different named speakers. */
  misattributed: boolean;
  /** Altered wordings, each pair with its changed words marked. */
  variants: QuoteMatch[];
};

/**
 * Groups quotations related across articles (same, trimmed, altered, misattributed) into
 * rows; a quotation no other article has is a row of its own. Rows carried by more articles
 * come first, then in reading order (column, position).
 */
export function quoteRows(quotes: readonly SessionQuote[], matches: readonly QuoteMatch[]): QuoteRow[] {
  // Union-find over quote ids.
  const parent = new Map<number, number>(quotes.map((q) => [q.id, q.id]));
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const match of matches) {
    if (match.relation === 'unattributed') continue;
    const [first, ...rest] = match.quotes;
    for (const other of rest) {
      if (first !== undefined && parent.has(first) && parent.has(other)) parent.set(find(other), find(first));
    }
  }
  const groups = new Map<number, SessionQuote[]>();
  for (const quote of quotes) {
    const root = find(quote.id);
    groups.set(root, [...(groups.get(root) ?? []), quote]);
  }
  const rows: QuoteRow[] = [...groups.values()].map((members) => {
    const ids = new Set(members.map((q) => q.id));
    const related = matches.filter((m) => m.quotes.some((id) => ids.has(id)));
    const words = (quote: SessionQuote) => quote.text.split(/\s+/).filter(Boolean).length;
    const longest = Math.max(...members.map(words));
    const how = (quote: SessionQuote): Carried => {
      const own = related.filter((m) => m.quotes.includes(quote.id));
      if (own.some((m) => m.relation === 'same')) return 'quoted';
      if (own.some((m) => m.relation === 'altered')) return 'altered';
      // Of a trimmed pair only the shorter quotation quotes part of the words.
      if (own.some((m) => m.relation === 'trimmed') && words(quote) < longest) return 'trimmed';
      return 'quoted';
    };
    const carried = new Map<number, { how: Carried; quote: SessionQuote; quotes: SessionQuote[] }>();
    for (const quote of members) {
      const cell = carried.get(quote.column);
      if (cell) cell.quotes.push(quote);
      else carried.set(quote.column, { how: how(quote), quote, quotes: [quote] });
    }
    const unquoted = new Map<number, ColumnRange>();
    for (const match of related) {
      if (match.relation === 'unattributed' && match.passage && !carried.has(match.passage.column)) {
        unquoted.set(match.passage.column, match.passage);
      }
    }
    return {
      quotes: members,
      carried,
      unquoted,
      misattributed: related.some((m) => m.relation === 'misattributed'),
      variants: related.filter((m) => m.relation === 'altered' && m.variants !== null),
    };
  });
  const firstSeen = (row: QuoteRow) =>
    row.quotes.reduce((a, b) => (b.column < a.column || (b.column === a.column && b.start < a.start) ? b : a));
  // The row's wording is its longest quotation's.
  for (const row of rows) row.quotes.sort((x, y) => y.text.length - x.text.length || x.column - y.column || x.start - y.start);
  return rows.sort(
    (x, y) =>
      y.carried.size + y.unquoted.size - (x.carried.size + x.unquoted.size) ||
      firstSeen(x).column - firstSeen(y).column ||
      firstSeen(x).start - firstSeen(y).start,
  );
}

/** "Aurel Venn, the agency's chief engineer" / "a senior official (unnamed)" / "no speaker". */
export function speakerOf(quote: SessionQuote): string {
  if (quote.speaker && quote.role) return `${quote.speaker}, ${quote.role}`;
  if (quote.speaker) return quote.speaker;
  if (quote.role) return quote.anonymous ? `${quote.role} (unnamed)` : quote.role;
  return 'no speaker';
}

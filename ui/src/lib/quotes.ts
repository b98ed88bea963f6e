/**
 * The quotations of a session as the quotes panel shows them: the backend groups them (one
 * group per quotation carried across articles); this resolves a group's quotation numbers to
 * the quotations and keys its columns for lookup, and words a speaker.
 */
import type { Carried } from './bindings/Carried';
import type { ColumnRange } from './bindings/ColumnRange';
import type { Quotations } from './bindings/Quotations';
import type { QuoteVariant } from './bindings/QuoteVariant';
import type { SessionQuote } from './bindings/SessionQuote';

export type QuoteRow = {
  /** The quotations of the row, the longest wording first. */
  quotes: SessionQuote[];
  /** Per column that quotes it: how, and its quotations there (the first shown). */
  carried: Map<number, { how: Carried; quote: SessionQuote; quotes: SessionQuote[] }>;
  /** Per column that has the words without quote marks: where. */
  unquoted: Map<number, ColumnRange>;
  /** Different articles give it to different named speakers. */
  misattributed: boolean;
  /** Altered wordings, each pair with its changed words marked. */
  variants: QuoteVariant[];
};

/** The backend's quotation groups, in its order, with their quotations looked up. */
export function quoteRows(quotations: Quotations): QuoteRow[] {
  const byId = (id: number): SessionQuote => quotations.quotes[id]!;
  return quotations.groups.map((group) => ({
    quotes: group.quotes.map(byId),
    carried: new Map(
      group.carried.map((c) => {
        const quotes = c.quotes.map(byId);
        return [c.column, { how: c.how, quote: quotes[0]!, quotes }];
      }),
    ),
    unquoted: new Map(group.unquoted.map((u) => [u.column, u])),
    misattributed: group.misattributed,
    variants: group.variants,
  }));
}

/** "Aurel Venn, the agency's chief engineer" / "a senior official (unnamed)" / "no speaker". */
export function speakerOf(quote: SessionQuote): string {
  if (quote.speaker && quote.role) return `${quote.speaker}, ${quote.role}`;
  if (quote.speaker) return quote.speaker;
  if (quote.role) return quote.anonymous ? `${quote.role} (unnamed)` : quote.role;
  return 'no speaker';
}

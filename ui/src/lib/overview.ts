/**
 * The overview's charts as ECharts options, built from the session's data: pure functions, so
 * what the charts show is tested without drawing them.
 */
import type { ArticleSummary } from './bindings/ArticleSummary';
import { formatDate } from './format';

/** Theme colours the charts need, read from the CSS variables (light or dark). */
export type ChartColours = {
  text: string;
  muted: string;
  border: string;
  surface: string;
  /** From empty to full coverage: one hue, light to dark, legible to colour-blind readers. */
  ramp: [string, string];
  /** Per article, its outlet's colour. */
  outlets: string[];
};

/** Short column labels: the outlet, or the title when the outlet is unknown; numbered if repeated. */
export function articleLabels(articles: readonly ArticleSummary[]): string[] {
  const base = articles.map((a) => {
    const name = a.outlet ?? a.title;
    return name.length > 22 ? `${name.slice(0, 21)}…` : name;
  });
  return base.map((name, i) => (base.filter((n) => n === name).length > 1 ? `${name} (${i + 1})` : name));
}

/** Percent with no decimals, for labels: 0.734 -> 73. */
export function percent(share: number): number {
  return Math.round(share * 100);
}

/**
 * The heat map of `coverage[a][b]`: the share of article a's sentences with a counterpart in b.
 * Rows are "from" articles, columns "found in"; each cell is labelled with its number, so
 * colour is never the only cue.
 */
export function heatmapOption(labels: string[], coverage: number[][], colours: ChartColours, width = 600) {
  const data: [number, number, number | null][] = [];
  coverage.forEach((row, a) =>
    row.forEach((share, b) => {
      // The diagonal (an article against itself) is left blank.
      data.push([b, a, a === b ? null : percent(share)]);
    }),
  );
  // Column labels wrap within their column; row labels have the left margin.
  const columnWidth = Math.max(48, Math.floor((width - 136) / Math.max(1, labels.length)) - 6);
  const axis = {
    type: 'category' as const,
    data: labels,
    axisLabel: { color: colours.text, interval: 0, overflow: 'truncate', width: 110 },
    axisLine: { lineStyle: { color: colours.border } },
    axisTick: { show: false },
    splitArea: { show: false },
  };
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      formatter: (params: { data: [number, number, number | null] }) => {
        const [b, a, value] = params.data;
        // ECharts puts tooltips in as HTML: outlet names and titles come from imported files.
        const [from, to] = [escapeHtml(labels[a] ?? ''), escapeHtml(labels[b] ?? '')];
        if (value === null) return from;
        return `${value}% of ${from}’s sentences have a counterpart in ${to}`;
      },
    },
    grid: { left: 128, right: 8, top: 56, bottom: 8, containLabel: false },
    xAxis: {
      ...axis,
      axisLabel: { ...axis.axisLabel, overflow: 'break', width: columnWidth, lineHeight: 14 },
      position: 'top' as const, name: 'found in', nameLocation: 'middle' as const,
      nameGap: 40,
      nameTextStyle: { color: colours.muted },
    },
    yAxis: { ...axis, inverse: true, name: 'sentences of', nameLocation: 'middle' as const, nameGap: 100, nameTextStyle: { color: colours.muted } },
    visualMap: {
      show: false,
      min: 0,
      max: 100,
      inRange: { color: colours.ramp },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          formatter: (params: { data: [number, number, number | null] }) => (params.data[2] === null ? '' : `${params.data[2]}%`),
          color: colours.text,
          textBorderColor: colours.surface,
          textBorderWidth: 2,
          fontSize: 13,
          fontWeight: 600,
        },
        itemStyle: { borderColor: colours.surface, borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: colours.text, borderWidth: 2 } },
      },
    ],
  };
}

/** The articles with a date on a time axis, one lane per article, in its outlet's colour. */
export function timelineOption(articles: readonly ArticleSummary[], labels: string[], colours: ChartColours) {
  const dated = articles
    .map((article, i) => ({ article, i }))
    .filter(({ article }) => article.published !== null && /^\d{4}-\d{2}-\d{2}$/.test(article.published));
  const times = dated.map(({ article }) => Date.parse(`${article.published}T00:00:00Z`));
  const day = 86_400_000;
  const min = times.length ? Math.min(...times) - day : undefined;
  const max = times.length ? Math.max(...times) + day : undefined;
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    tooltip: {
      formatter: (params: { dataIndex: number }) => {
        const { article } = dated[params.dataIndex]!;
        return `${escapeHtml(labels[articles.indexOf(article)] ?? '')}: ${formatDate(article.published)}<br>${escapeHtml(article.title)}`;
      },
    },
    grid: { left: 136, right: 24, top: 10, bottom: 30 },
    xAxis: {
      type: 'time' as const,
      min,
      max,
      minInterval: day,
      axisLabel: { color: colours.muted, hideOverlap: true },
      axisLine: { lineStyle: { color: colours.border } },
      splitLine: { show: true, lineStyle: { color: colours.border, type: 'dashed' as const } },
    },
    yAxis: {
      type: 'category' as const,
      data: labels,
      inverse: true,
      axisLabel: { color: colours.text, overflow: 'truncate', width: 110 },
      axisLine: { lineStyle: { color: colours.border } },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        data: dated.map(({ article, i }, k) => ({
          value: [times[k], labels[i]],
          itemStyle: { color: colours.outlets[i], borderColor: colours.text, borderWidth: 1 },
          label: { show: true, position: 'right', formatter: formatDate(article.published), color: colours.muted },
        })),
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

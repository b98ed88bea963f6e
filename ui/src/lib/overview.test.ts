import { describe, expect, it } from 'vitest';
import { articleLabels, heatmapOption, timelineOption, type ChartColours } from './overview';
import { article } from './testing/factories';

const colours: ChartColours = {
  text: '#000',
  muted: '#666',
  border: '#ccc',
  surface: '#fff',
  ramp: ['#eef', '#00f'],
  outlets: ['#111', '#222', '#333'],
};

describe('overview charts', () => {
  it('labels articles by outlet, numbering repeats, falling back to the title', () => {
    const labels = articleLabels([
      article({ outlet: 'Wire' }),
      article({ outlet: 'Wire' }),
      article({ outlet: null, title: 'Untitled report' }),
    ]);
    expect(labels).toEqual(['Wire (1)', 'Wire (2)', 'Untitled report']);
  });

  it('puts each coverage share in its cell as a percentage, the diagonal blank', () => {
    const option = heatmapOption(['A', 'B'], [[1, 0.5], [0.254, 1]], colours);
    const data = option.series[0]!.data;
    expect(data).toContainEqual([1, 0, 50]);
    expect(data).toContainEqual([0, 1, 25]);
    expect(data).toContainEqual([0, 0, null]);
    const tooltip = option.tooltip.formatter({ data: [1, 0, 50] });
    expect(tooltip).toBe('50% of A’s sentences have a counterpart in B');
  });

  it('places dated articles on the time axis and leaves undated ones out', () => {
    const articles = [
      article({ outlet: 'A', published: '2026-01-09' }),
      article({ outlet: 'B', published: null }),
      article({ outlet: 'C', published: '2026-01-11' }),
    ];
    const option = timelineOption(articles, ['A', 'B', 'C'], colours);
    const points = option.series[0]!.data;
    expect(points.map((p) => p.value)).toEqual([
      [Date.parse('2026-01-09T00:00:00Z'), 'A'],
      [Date.parse('2026-01-11T00:00:00Z'), 'C'],
    ]);
    expect(points[1]!.itemStyle.color).toBe('#333');
    expect(option.xAxis.min).toBe(Date.parse('2026-01-08T00:00:00Z'));
  });

  it('writes outlet names and titles into the HTML tooltips as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const heat = heatmapOption([hostile, 'B'], [[1, 0.5], [0.25, 1]], colours);
    expect(heat.tooltip.formatter({ data: [1, 0, 50] })).toBe(
      '50% of &#60;img src=x onerror=alert(1)&#62;’s sentences have a counterpart in B',
    );
    expect(heat.tooltip.formatter({ data: [0, 0, null] })).not.toContain('<img');
    const dated = [article({ outlet: hostile, title: '<b>Title</b>', published: '2026-01-09' })];
    const timeline = timelineOption(dated, [hostile], colours);
    const tip = timeline.tooltip.formatter({ dataIndex: 0 });
    expect(tip).not.toContain('<img');
    expect(tip).not.toContain('<b>');
    expect(tip).toContain('&#60;img');
  });
});

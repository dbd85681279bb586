import type { QuotaUse } from '../throttle/quotaLedger';

const width = 640;
const height = 260;
const margin = { left: 48, right: 16, top: 28, bottom: 56 };
const palette = ['#2f81f7', '#d29922', '#8957e5', '#3fb950', '#db61a2', '#6e7781'];

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The share of its limit a point used (0–100), or null without a figure. */
function percent(point: QuotaUse['points'][number]): number | null {
  return point.used === null || point.limit === null || point.limit === 0 ? null : (100 * point.used) / point.limit;
}

/**
 * A small self-contained SVG of quota use over a run: per key and plan a line of used-of-limit (in %)
 * over its sends, 429s marked with a cross. Axes and labels use `currentColor`, so it takes the colour
 * of the page or panel it is shown in; no script, no font or image to load.
 */
export function quotaChartSvg(uses: readonly QuotaUse[]): string {
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const sends = Math.max(2, ...uses.map((use) => use.points.length));
  const x = (position: number) => margin.left + (plotWidth * position) / (sends - 1);
  const y = (value: number) => margin.top + plotHeight * (1 - Math.min(value, 100) / 100);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif" font-size="11" fill="currentColor" role="img" aria-label="Quota use over the run">`,
    `<text x="${margin.left}" y="16" font-size="13" font-weight="600">Quota used over the run (% of limit)</text>`,
    ...[0, 50, 100].map(
      (tick) =>
        `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="currentColor" stroke-opacity="${tick === 0 ? 0.6 : 0.15}"/><text x="${margin.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick}%</text>`,
    ),
    `<text x="${margin.left + plotWidth / 2}" y="${height - margin.bottom + 18}" text-anchor="middle">sends</text>`,
  ];
  uses.forEach((use, series) => {
    const colour = palette[series % palette.length];
    const coordinates = use.points
      .map((point, position) => ({ position, value: percent(point), throttled: point.throttled }))
      .filter((point) => point.value !== null || point.throttled);
    const line = coordinates
      .filter((point) => point.value !== null)
      .map((point) => `${x(point.position).toFixed(1)},${y(point.value!).toFixed(1)}`)
      .join(' ');
    if (line !== '') parts.push(`<polyline points="${line}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const point of coordinates.filter((candidate) => candidate.throttled)) {
      const cx = x(point.position);
      const cy = y(point.value ?? 100);
      parts.push(
        `<path d="M${cx - 4} ${cy - 4}L${cx + 4} ${cy + 4}M${cx - 4} ${cy + 4}L${cx + 4} ${cy - 4}" stroke="#cf222e" stroke-width="2"><title>429</title></path>`,
      );
    }
    const label = [use.keyId, use.usagePlanId].filter(Boolean).join(' · ') || 'unnamed key';
    const legendY = height - margin.bottom + 34 + 14 * Math.floor(series / 2);
    const legendX = margin.left + (series % 2) * (plotWidth / 2);
    parts.push(
      `<rect x="${legendX}" y="${legendY - 8}" width="10" height="10" fill="${colour}"/><text x="${legendX + 14}" y="${legendY + 1}">${escapeXml(label)}${use.throttled > 0 ? ` (${use.throttled}× 429)` : ''}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

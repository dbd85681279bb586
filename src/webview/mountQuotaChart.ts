import type { QuotaChartShape } from './renderQuotaChart';

const svgNamespace = 'http://www.w3.org/2000/svg';

/**
 * Draws a chart shape as inline SVG with createElementNS/setAttribute only (no markup parsed, no style
 * attribute: the CSP stays as it is); its colours come from the panel's CSS (`.quota-chart …`).
 */
export function mountQuotaChart(doc: Document, shape: QuotaChartShape): SVGSVGElement {
  const make = <K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>) => {
    const element = doc.createElementNS(svgNamespace, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    return element;
  };
  const svg = make('svg', { viewBox: `0 0 ${shape.width} ${shape.height}`, 'aria-hidden': 'true' });
  svg.appendChild(make('line', { class: 'full', x1: 0, x2: shape.width, y1: shape.fullY, y2: shape.fullY }));
  svg.appendChild(make('polyline', { class: 'use', points: shape.line }));
  for (const dot of shape.dots) {
    const circle = make('circle', {
      class: dot.throttled ? 'dot throttled' : 'dot',
      cx: dot.x,
      cy: dot.y,
      r: dot.throttled ? 3 : 1.5,
    });
    const title = make('title', {});
    title.textContent = dot.label;
    circle.appendChild(title);
    svg.appendChild(circle);
  }
  return svg;
}

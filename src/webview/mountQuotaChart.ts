import type { QuotaChartShape } from './renderQuotaChart';

const svgNamespace = 'http://www.w3.org/2000/svg';

/** What drawing needs of an element and of the document (a DOM Document has both; tests pass a stand-in). */
export interface SvgNode {
  setAttribute(name: string, value: string): void;
  appendChild(child: never): unknown;
  textContent: string | null;
}

/**
 * Draws a chart shape as inline SVG with createElementNS/setAttribute only (no markup parsed, no style
 * attribute: the CSP stays as it is); its colours come from the panel's CSS (`.quota-chart …`).
 */
export function mountQuotaChart<N extends SvgNode>(
  doc: { createElementNS(namespace: string, tag: string): N },
  shape: QuotaChartShape,
): N {
  const make = (tag: string, attributes: Record<string, string | number>): N => {
    const element = doc.createElementNS(svgNamespace, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    return element;
  };
  const add = (parent: N, child: N) => parent.appendChild(child as never);
  const svg = make('svg', { viewBox: `0 0 ${shape.width} ${shape.height}`, 'aria-hidden': 'true' });
  add(svg, make('line', { class: 'full', x1: 0, x2: shape.width, y1: shape.fullY, y2: shape.fullY }));
  add(svg, make('polyline', { class: 'use', points: shape.line }));
  for (const dot of shape.dots) {
    const circle = make('circle', {
      class: dot.throttled ? 'dot throttled' : 'dot',
      cx: dot.x,
      cy: dot.y,
      r: dot.throttled ? 3 : 1.5,
    });
    const title = make('title', {});
    title.textContent = dot.label;
    add(circle, title);
    add(svg, circle);
  }
  return svg;
}

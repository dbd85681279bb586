import type { QuotaPointView } from '../shared/protocol';
import { h, type ViewNode } from './viewNode';

/** The geometry of the throttling card's chart, in the SVG's own units (drawn by mountQuotaChart). */
export interface QuotaChartShape {
  width: number;
  height: number;
  /** `x,y x,y …` of used-of-limit over the sends (sends that reported no use are left out). */
  line: string;
  /** A dot per send: where it is, its tooltip, and whether it was a 429 (marked). */
  dots: { x: number; y: number; label: string; throttled: boolean }[];
  /** Where the 100 % line lies (the top of the plot). */
  fullY: number;
}

const width = 240;
const height = 48;
const pad = 4;

/** Used as a share of its limit (0–1), or null when the send did not report both. */
function share(point: QuotaPointView): number | null {
  if (point.used !== null && point.limit !== null && point.limit > 0) return Math.min(1, point.used / point.limit);
  return point.throttled ? 1 : null;
}

/** The chart of a key's recent sends, or null when fewer than two of them reported their use. */
export function quotaChartShape(history: readonly QuotaPointView[]): QuotaChartShape | null {
  const step = history.length > 1 ? (width - 2 * pad) / (history.length - 1) : 0;
  const dots: QuotaChartShape['dots'] = [];
  history.forEach((point, index) => {
    const value = share(point);
    if (value === null) return;
    const x = Math.round((pad + index * step) * 10) / 10;
    const y = Math.round((height - pad - value * (height - 2 * pad)) * 10) / 10;
    const figures =
      point.used === null ? 'no use reported' : `${point.used}${point.limit === null ? '' : `/${point.limit}`}`;
    dots.push({ x, y, label: point.throttled ? `429 · ${figures}` : figures, throttled: point.throttled });
  });
  if (dots.length < 2) return null;
  return { width, height, line: dots.map((dot) => `${dot.x},${dot.y}`).join(' '), dots, fullY: pad };
}

/** The throttling card's chart of this key's recent use in this window, or null with too little to draw. */
export function renderQuotaChart(history: readonly QuotaPointView[] | undefined): ViewNode | null {
  const shape = history ? quotaChartShape(history) : null;
  if (!shape) return null;
  const throttled = shape.dots.filter((dot) => dot.throttled).length;
  const label = `Used of limit over this key's last ${history!.length} sends in this window${throttled > 0 ? `, ${throttled} answered 429` : ''}`;
  return { ...h('div', 'quota-chart'), attributes: { role: 'img', 'aria-label': label, title: label }, chart: shape };
}

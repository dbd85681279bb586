import type { ExplanationView, ThrottleView } from '../shared/protocol';
import { h, text, type ViewNode } from './viewNode';

function row(label: string, value: string | number | null): ViewNode | null {
  if (value === null || value === '') return null;
  return h('div', 'kv', text('dt', undefined, label), text('dd', undefined, String(value)));
}

function barLevel(percent: number): string {
  if (percent >= 90) return 'bar-fill level-high';
  if (percent >= 70) return 'bar-fill level-medium';
  return 'bar-fill level-low';
}

/** The throttling card: raw `X-RateLimit-Used`, a bar with the percentage, limit, plan and secret ids. */
export function renderThrottle(throttle: ThrottleView): ViewNode {
  const percent = throttle.percentUsed;
  const bar: ViewNode | null =
    percent === null
      ? null
      : h('div', 'bar', {
          tag: 'div',
          className: barLevel(percent),
          widthPercent: percent,
          attributes: { role: 'presentation' },
        });
  return h(
    'section',
    'card throttle',
    text('h2', undefined, 'Throttling'),
    h(
      'div',
      'throttle-summary',
      text('span', 'throttle-used', throttle.usedRaw ?? (throttle.used !== null ? String(throttle.used) : '—')),
      percent === null
        ? null
        : text(
            'span',
            'throttle-percent',
            `${percent < 10 && percent > 0 ? percent.toFixed(1) : Math.round(percent)} % used`,
          ),
    ),
    bar,
    h(
      'dl',
      'kv-list',
      row('X-RateLimit-Used', throttle.usedRaw),
      row('X-RateLimit-Limit', throttle.limit),
      row('Remaining', throttle.remaining),
      row('Resets in', throttle.resetSeconds === null ? null : `${throttle.resetSeconds} s`),
      row('Retry-After', throttle.retryAfterSeconds === null ? null : `${throttle.retryAfterSeconds} s`),
      row('X-UsagePlan-ID', throttle.usagePlanId),
      row('X-Secret-ID', throttle.secretId),
    ),
    ...throttle.notes.map((note) => text('p', 'note', note)),
  );
}

/** The explanation card for a gateway error: what the gateway said, why, and what to do. */
export function renderExplanation(explanation: ExplanationView): ViewNode {
  return h(
    'section',
    'card explanation',
    text('h2', undefined, `Why the gateway said no: ${explanation.title}`),
    h('p', 'gateway-message', text('strong', undefined, 'Gateway: '), explanation.gatewayMessage),
    h('p', 'cause', text('strong', undefined, 'Cause: '), explanation.cause),
    h('p', 'fix', text('strong', undefined, 'Fix: '), explanation.fix),
    explanation.details.length === 0
      ? null
      : h('dl', 'kv-list', ...explanation.details.map((detail) => row(detail.label, detail.value))),
  );
}

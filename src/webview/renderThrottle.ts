import type { ExplanationView, PanelCardState, ThrottleView } from '../shared/protocol';
import { card, isCardOpen } from './renderCard';
import { renderQuotaChart } from './renderQuotaChart';
import { h, text, type ViewNode } from './viewNode';

function row(label: string, value: string | number | null): ViewNode | null {
  if (value === null || value === '') return null;
  return h('div', 'kv', text('dt', undefined, label), text('dd', undefined, String(value)));
}

/** A moment as the local clock shows it, `14:03:09`; null for none or a bad value. */
export function clockTime(iso: string | null | undefined): string | null {
  const at = iso ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime())) return null;
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

/** `30 s (at 14:03:09)`: a wait, and when it ends by the local clock. */
function waitText(seconds: number | null, at: string | null | undefined): string | null {
  if (seconds === null) return null;
  const clock = clockTime(at);
  return clock === null ? `${seconds} s` : `${seconds} s (at ${clock})`;
}

/** `low`, `medium` or `high` use of the quota (colours the bar and the status line's quota figure). */
export function quotaLevel(percent: number): string {
  if (percent >= 90) return 'level-high';
  if (percent >= 70) return 'level-medium';
  return 'level-low';
}

/** `99 % used` (one decimal under 10 %), or null when the percentage is unknown. */
export function percentText(percent: number | null): string | null {
  if (percent === null) return null;
  return `${percent < 10 && percent > 0 ? percent.toFixed(1) : Math.round(percent)} % used`;
}

/** The quota as the status line shows it: `124/125 · 99 % used`, or null when nothing was counted. */
export function quotaText(throttle: ThrottleView): string | null {
  const used = throttle.usedRaw ?? (throttle.used !== null ? String(throttle.used) : null);
  const percent = percentText(throttle.percentUsed);
  if (used === null) return percent;
  return percent === null ? used : `${used} · ${percent}`;
}

/**
 * The throttling card: raw `X-RateLimit-Used`, a bar with the percentage, limit, plan and secret ids.
 * Closed by default (its gist is in the summary and in the status line), open when the gateway asks to wait.
 */
export function renderThrottle(throttle: ThrottleView, cards: PanelCardState): ViewNode {
  const percent = throttle.percentUsed;
  const bar: ViewNode | null =
    percent === null
      ? null
      : h('div', 'bar', {
          tag: 'div',
          className: `bar-fill ${quotaLevel(percent)}`,
          widthPercent: percent,
          attributes: { role: 'presentation' },
        });
  const percentLabel = percentText(percent);
  const retryClock = clockTime(throttle.retryAt);
  return card(
    'throttle',
    'throttle',
    isCardOpen(cards, 'throttle', throttle.retryAfterSeconds !== null),
    [
      text('h2', undefined, 'Throttling'),
      text('span', 'throttle-used', throttle.usedRaw ?? (throttle.used !== null ? String(throttle.used) : '—')),
      percentLabel === null ? null : text('span', 'throttle-percent', percentLabel),
      throttle.usagePlanId ? text('span', 'throttle-plan', `plan ${throttle.usagePlanId}`) : null,
      retryClock ? text('span', 'throttle-retry', `retry at ${retryClock}`) : null,
    ],
    bar,
    renderQuotaChart(throttle.history),
    h(
      'dl',
      'kv-list',
      row('X-RateLimit-Used', throttle.usedRaw),
      row('X-RateLimit-Limit', throttle.limit),
      row('Remaining', throttle.remaining),
      row('Resets in', waitText(throttle.resetSeconds, throttle.resetAt)),
      row('Retry-After', waitText(throttle.retryAfterSeconds, throttle.retryAt)),
      row('X-UsagePlan-ID', throttle.usagePlanId),
      row('X-Secret-ID', throttle.secretId),
    ),
    ...throttle.notes.map((note) => text('p', 'note', note)),
  );
}

/** The explanation card for a gateway error: what the gateway said, why, and what to do. Open by default. */
export function renderExplanation(explanation: ExplanationView, cards: PanelCardState): ViewNode {
  return card(
    'explanation',
    'explanation',
    isCardOpen(cards, 'explanation', true),
    [text('h2', undefined, `Why the gateway said no: ${explanation.title}`)],
    h('p', 'gateway-message', text('strong', undefined, 'Gateway: '), explanation.gatewayMessage),
    h('p', 'cause', text('strong', undefined, 'Cause: '), explanation.cause),
    h('p', 'fix', text('strong', undefined, 'Fix: '), explanation.fix),
    explanation.details.length === 0
      ? null
      : h('dl', 'kv-list', ...explanation.details.map((detail) => row(detail.label, detail.value))),
  );
}

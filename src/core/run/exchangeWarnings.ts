/**
 * Warnings about a successful-looking exchange that is about to go wrong: the local clock drifting
 * from the gateway's (signatures are refused past the gateway's window), and a quota nearly or wholly
 * used up (the next requests will get 429). Pure: every input comes from the exchange.
 */
import type { HeaderField } from '../model/outgoing';
import { headerValue } from '../signing/headerFields';
import type { SigningInfo } from '../signing/signingTypes';
import type { ThrottleState } from '../throttle/throttleState';

export interface WarningInput {
  status: number;
  headers: readonly HeaderField[];
  signing: SigningInfo | null;
  /** When the request was signed and sent (local clock). */
  sentAt: Date | null;
  throttle: ThrottleState | null;
  /** True when the explanation already shows the clock offset (a date rejection). */
  explainedClock: boolean;
}

/** From this drift on (seconds) a signed exchange gets a warning: well inside Kong's and APISIX's 300 s. */
export const clockDriftWarningSeconds = 120;
/** From this share of the quota on (percent) a warning says it is nearly used up. */
export const quotaWarningPercent = 90;

function describeDrift(seconds: number): string {
  const magnitude = Math.abs(seconds);
  const amount = magnitude >= 60 ? `${Math.floor(magnitude / 60)} min ${magnitude % 60} s` : `${magnitude} s`;
  return `${amount} ${seconds > 0 ? 'behind' : 'ahead of'}`;
}

function clockWarning(input: WarningInput): string | null {
  if (!input.signing || !input.sentAt || input.explainedClock) return null;
  const date = headerValue(input.headers, 'date');
  const serverTime = date === undefined ? Number.NaN : Date.parse(date);
  if (Number.isNaN(serverTime)) return null;
  const drift = Math.round((serverTime - input.sentAt.getTime()) / 1000);
  if (Math.abs(drift) < clockDriftWarningSeconds) return null;
  return `The local clock is ${describeDrift(drift)} the gateway (its Date: ${date}). Signed requests are refused once the difference passes the gateway's window (Tencent: 15 min; Kong and APISIX: 5 min by default): set the clock (NTP).`;
}

function quotaWarning(input: WarningInput): string | null {
  const throttle = input.throttle;
  if (!throttle || input.status === 429) return null;
  const plan = throttle.usagePlanId === null ? '' : ` of usage plan ${throttle.usagePlanId}`;
  const counts = throttle.used !== null && throttle.usedOf !== null ? `${throttle.used}/${throttle.usedOf}` : null;
  const exhausted = throttle.remaining === 0 || (throttle.percentUsed !== null && throttle.percentUsed >= 100);
  if (exhausted) {
    const reset = throttle.resetSeconds === null ? '' : ` (it resets in ${throttle.resetSeconds} s)`;
    return `The quota${plan} is used up${counts ? ` (${counts})` : ''}: the gateway will refuse further requests in this window with 429${reset}.`;
  }
  if (throttle.percentUsed === null || throttle.percentUsed < quotaWarningPercent) return null;
  const left =
    throttle.remaining ?? (throttle.used !== null && throttle.usedOf !== null ? throttle.usedOf - throttle.used : null);
  return `The quota${plan} is nearly used up: ${counts ?? `${throttle.percentUsed}%`} used${left === null ? '' : `, ${left} left`} in this window; past it the gateway answers 429.`;
}

export function exchangeWarnings(input: WarningInput): string[] {
  return [clockWarning(input), quotaWarning(input)].filter((warning): warning is string => warning !== null);
}

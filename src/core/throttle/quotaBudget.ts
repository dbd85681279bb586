import type { QuotaUse } from './quotaLedger';

/** How much of a key's quota a run may use: a share of its limit, or a count of requests. */
export type QuotaBudget = { kind: 'percent'; value: number } | { kind: 'count'; value: number };

/** `20%` or `150`; null for anything else. */
export function parseQuotaBudget(text: string): QuotaBudget | null {
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text.trim());
  if (percent) {
    const value = Number(percent[1]);
    return value > 0 && value <= 100 ? { kind: 'percent', value } : null;
  }
  return /^\d+$/.test(text.trim()) && Number(text) > 0 ? { kind: 'count', value: Number(text) } : null;
}

/** The use a budget allows of a quota, or null when the budget is a share and the gateway gave no limit. */
export function budgetCeiling(budget: QuotaBudget, limit: number | null): number | null {
  if (budget.kind === 'count') return budget.value;
  return limit === null ? null : Math.floor((limit * budget.value) / 100);
}

/**
 * Whether one more send under this key would push its use past the budget, by the last use the gateway
 * reported: `{ used, ceiling }` when it would, else null (also when the gateway reported nothing yet).
 */
export function budgetReached(budget: QuotaBudget, use: QuotaUse | null): { used: number; ceiling: number } | null {
  if (!use || use.usedAtEnd === null) return null;
  const ceiling = budgetCeiling(budget, use.limit);
  if (ceiling === null) return null;
  return use.usedAtEnd + 1 > ceiling ? { used: use.usedAtEnd, ceiling } : null;
}

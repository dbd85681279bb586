import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  type BudgetStop,
  formatQuotaUse,
  GwHttpError,
  quotaChartSvg,
  type QuotaLedger,
  quotaSampleOf,
  type RunResult,
  type RunWait,
} from '../../core';

/** Adds an answered result to the run's quota ledger. */
export function recordQuota(ledger: QuotaLedger, result: RunResult, now: Date): void {
  const sample = quotaSampleOf(result, now);
  if (sample) ledger.record(sample);
}

/** The per-key summary that ends the human output of a run (nothing when no gateway reported its quota). */
export function quotaSummaryText(ledger: QuotaLedger): string {
  const uses = ledger.summary();
  if (uses.length === 0) return '';
  return `\nquota over the run:\n${uses.map((use) => `  ${formatQuotaUse(use)}`).join('\n')}\n`;
}

/** Writes `--quota-chart FILE.svg`. */
export function writeQuotaChart(ledger: QuotaLedger, cwd: string, given: string): void {
  try {
    const target = path.resolve(cwd, given);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, quotaChartSvg(ledger.summary()));
  } catch (error) {
    throw new GwHttpError(
      'file',
      `Cannot write the quota chart to ${given}: ${error instanceof Error ? error.message : String(error)}`,
      null,
      {
        hint: 'The requests were sent and their results printed; give --quota-chart a path in a folder you can write.',
      },
    );
  }
}

/**
 * The line a run stopped at its quota budget ends with: `gwhttp: stopped at the quota budget: key AKID…
 * · plan p has used 5 of 10 (budget 50% = 5); the next send would exceed it.`
 */
export function budgetStopText(stop: BudgetStop): string {
  const who = [stop.keyId && `key ${stop.keyId}`, stop.usagePlanId && `plan ${stop.usagePlanId}`]
    .filter(Boolean)
    .join(' · ');
  const budget = stop.budget.kind === 'percent' ? `${stop.budget.value}% = ${stop.ceiling}` : `${stop.ceiling}`;
  const of = stop.limit === null ? '' : ` of ${stop.limit}`;
  return `gwhttp: stopped at the quota budget: ${who || 'unnamed key'} has used ${stop.used}${of} (budget ${budget}); the next send would exceed it, so the rest of the run was not sent.\n`;
}

/**
 * The countdown of a wait on stderr's progress line (a terminal only: `\r` and a cleared line); the
 * line is cleared when the wait ends.
 */
export function waitCountdown(stderr: NodeJS.WritableStream): ((wait: RunWait) => void) | undefined {
  if (!(stderr as NodeJS.WriteStream).isTTY) return undefined;
  return (wait) => {
    if (wait.secondsLeft === 0) {
      stderr.write('\r\x1b[2K');
      return;
    }
    const who = [wait.keyId && `key ${wait.keyId}`, wait.usagePlanId && `plan ${wait.usagePlanId}`].filter(Boolean);
    const why = wait.reason === 'window' ? "the gateway's window is used up" : 'the gateway answered 429';
    stderr.write(
      `\r\x1b[2Kgwhttp: waiting ${wait.secondsLeft} s: ${why}${who.length > 0 ? ` (${who.join(' · ')})` : ''} — Ctrl+C stops`,
    );
  };
}

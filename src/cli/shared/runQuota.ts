import * as fs from 'node:fs';
import * as path from 'node:path';

import { GwHttpError } from '../../core/errors';
import { quotaChartSvg } from '../../core/presentation/quotaChartSvg';
import type { RunResult } from '../../core/run/runTypes';
import { formatQuotaUse, type QuotaLedger } from '../../core/throttle/quotaLedger';

/** Adds an answered result to the run's quota ledger. */
export function recordQuota(ledger: QuotaLedger, result: RunResult, now: Date): void {
  if (!result.response) return;
  ledger.record({
    keyId: result.signing?.keyId ?? null,
    status: result.response.status,
    throttle: result.throttle,
    at: result.sentAt ?? now,
    waits: result.waits ?? 0,
  });
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

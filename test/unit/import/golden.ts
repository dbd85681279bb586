/** Test helper: compares text with a golden file; `UPDATE_GOLDEN=1` writes the golden file instead. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ImportWarning } from '../../../src/core/import/importTypes';

export const fixtures = path.resolve(__dirname, '../../fixtures/import');

export function matchesGolden(actual: string, goldenPath: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(goldenPath), { recursive: true });
    fs.writeFileSync(goldenPath, actual);
    return;
  }
  assert.ok(fs.existsSync(goldenPath), `${goldenPath} is missing: run with UPDATE_GOLDEN=1 once and review it`);
  assert.equal(actual, fs.readFileSync(goldenPath, 'utf8'), `differs from ${path.relative(fixtures, goldenPath)}`);
}

/** Warnings as lines for golden files: `line N: where: message`. */
export function warningLines(warnings: ImportWarning[]): string {
  return warnings.map((w) => `${w.line !== undefined ? `line ${w.line}: ` : ''}${w.where}: ${w.message}`).join('\n');
}

/**
 * Table-driven golden tests: every `test/fixtures/parser/<case>.gwhttp` is parsed and, in the shape of
 * `gwhttp parse --json`, compared with `<case>.expected.json`. `UPDATE_GOLDEN=1` rewrites the golden
 * files (review the diff by eye before committing: they must be right, not merely recorded).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { toParseJson } from '../../../src/core/parser/toParseJson';

const fixtureDir = path.resolve(__dirname, '../../fixtures/parser');
const update = process.env.UPDATE_GOLDEN === '1';
const cases = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.gwhttp'))
  .sort();

describe('parser golden fixtures', () => {
  it('has at least 30 fixtures', () => {
    assert.ok(cases.length >= 30, `only ${cases.length} fixtures`);
  });

  for (const file of cases) {
    it(file, () => {
      const text = readFileSync(path.join(fixtureDir, file), 'utf8');
      const actual = toParseJson(file, parseDocument(text));
      const goldenPath = path.join(fixtureDir, file.replace(/\.gwhttp$/, '.expected.json'));
      if (update) {
        writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      assert.ok(existsSync(goldenPath), `missing ${path.basename(goldenPath)}: run with UPDATE_GOLDEN=1 and review it`);
      assert.deepEqual(actual, JSON.parse(readFileSync(goldenPath, 'utf8')));
    });
  }
});

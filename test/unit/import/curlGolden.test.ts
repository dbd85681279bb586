import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { checkRendered } from '../../../src/core/import/checkRendered';
import { importCurl } from '../../../src/core/import/curl/importCurl';
import { renderRequestFile } from '../../../src/core/import/renderRequestFile';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { fixtures, matchesGolden, warningLines } from './golden';

const folder = path.join(fixtures, 'curl');
const inputs = fs.readdirSync(folder).filter((name) => name.endsWith('.curl'));

describe('import curl: golden files (browser "Copy as cURL" lines and vendor docs)', () => {
  it('has inputs', () => assert.ok(inputs.length >= 8));
  for (const input of inputs) {
    it(input, () => {
      const result = importCurl(fs.readFileSync(path.join(folder, input), 'utf8'), 'imported.gwhttp');
      const text = renderRequestFile(result.files[0]);
      const warnings = [...result.warnings, ...checkRendered(result.files[0], text)];
      matchesGolden(
        `${text}\n--- warnings\n${warningLines(warnings)}\n`,
        path.join(folder, input.replace(/\.curl$/, '.golden')),
      );
      const parsed = parseDocument(text);
      assert.equal(parsed.requests.length, result.files[0].requests.length, 'every request reads back');
      assert.deepEqual(
        parsed.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'sign-unknown-scheme'),
        [],
        'no parse error',
      );
    });
  }
});

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

describe('syntaxes/gwhttp.tmLanguage.json', () => {
  it('is generated from syntaxes/source/gwhttpGrammar.mjs (the JSON that ships is up to date)', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'syntaxes/source/buildGrammar.mjs'), '--check'], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  });

  it('is a valid language configuration with the {{ }} pair and # comments', () => {
    const config = JSON.parse(
      fs.readFileSync(path.join(root, 'syntaxes/gwhttp.language-configuration.json'), 'utf8'),
    ) as {
      comments: { lineComment: string };
      autoClosingPairs: { open: string; close: string }[];
      wordPattern: string;
    };
    assert.equal(config.comments.lineComment, '#');
    assert.ok(config.autoClosingPairs.some((pair) => pair.open === '{{' && pair.close === '}}'));
    const word = new RegExp(config.wordPattern);
    assert.equal('{{login.response.body.$.token}}'.match(word)?.[0], 'login.response.body.$.token');
    assert.equal('{{$uuid}}'.match(word)?.[0], '$uuid');
    assert.equal('X-Request-Id: 1'.match(word)?.[0], 'X-Request-Id');
  });
});

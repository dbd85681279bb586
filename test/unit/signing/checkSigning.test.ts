import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { ParsedDocument, ParsedRequest } from '../../../src/core/model/document';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { checkSigning } from '../../../src/core/signing/checkSigning';

function request(overrides: Partial<ParsedRequest>): ParsedRequest {
  return {
    index: 0,
    name: null,
    title: null,
    line: 5,
    endLine: 12,
    regionStartLine: 1,
    method: 'GET',
    url: 'https://e.com/release/x',
    urlLine: 5,
    headers: [],
    body: null,
    bodyRange: null,
    form: 'line',
    directives: [],
    assertions: [],
    ...overrides,
  };
}

function documentOf(...requests: ParsedRequest[]): ParsedDocument {
  return { requests, variables: [], diagnostics: [] };
}

const codesOf = (diagnostics: { code: string }[]) => diagnostics.map((diagnostic) => diagnostic.code);

describe('checkSigning', () => {
  it('warns about the doc sample Host with a path, saying the Host sent comes from the URL', () => {
    const text = readFileSync(path.join(__dirname, '../../fixtures/signing/002_9379cfb3afe91763.txt'), 'utf8');
    const diagnostics = checkSigning(parseDocument(text), text);
    assert.deepEqual(codesOf(diagnostics), ['host-with-path']);
    assert.equal(diagnostics[0].line, 27);
    assert.equal(diagnostics[0].severity, 'warning');
    assert.match(diagnostics[0].message, /taken from the URL/);
  });

  it('reports a signed header missing from the request on the directive line', () => {
    const diagnostics = checkSigning(
      documentOf(
        request({
          directives: [
            { name: 'sign', key: 'sign', value: 'tencent-keypair id=AKIDx headers="x-date x-custom"', line: 3 },
          ],
        }),
      ),
    );
    assert.deepEqual(codesOf(diagnostics), ['signed-header-missing']);
    assert.equal(diagnostics[0].line, 3);
    assert.match(diagnostics[0].message, /"x-custom" is not in the request/);
  });

  it('does not ask for headers the signer generates (date, Host from the URL, Source from source=)', () => {
    const diagnostics = checkSigning(
      documentOf(
        request({
          directives: [
            {
              name: 'sign',
              key: 'sign',
              value: 'tencent-keypair id=AKIDx headers="x-date host source" source=gw',
              line: 3,
            },
          ],
        }),
      ),
    );
    assert.deepEqual(diagnostics, []);
  });

  it('reports a repeated signed header on its second line and a non-ASCII signed value on its line', () => {
    const repeated = request({
      headers: [
        { name: 'Source', value: 'a', line: 6 },
        { name: 'source', value: 'b', line: 7 },
        { name: 'X-Note', value: '测试', line: 8 },
      ],
      directives: [{ name: 'sign', key: 'sign', value: 'kong id=alice headers="date source x-note"', line: 3 }],
    });
    const diagnostics = checkSigning(documentOf(repeated));
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.code]),
      [
        [7, 'signed-header-repeated'],
        [8, 'signed-header-non-ascii'],
      ],
    );
  });

  it('warns when the date header is not signed', () => {
    const diagnostics = checkSigning(
      documentOf(
        request({
          directives: [{ name: 'sign', key: 'sign', value: 'kong id=alice headers="request-line"', line: 3 }],
        }),
      ),
    );
    assert.deepEqual(codesOf(diagnostics), ['date-header-unsigned']);
  });

  it('skips option checks for directive values that still hold {{variables}}', () => {
    const diagnostics = checkSigning(
      documentOf(
        request({
          directives: [{ name: 'sign', key: 'sign', value: 'tencent-keypair id={{keyId}} algorithm={{alg}}', line: 3 }],
        }),
      ),
    );
    assert.deepEqual(diagnostics, []);
  });

  it('flags literal secrets with columns for a quick fix, and leaves references and key ids alone', () => {
    const text = [
      '@secretKey = Gu5t9xGARNpq86cd98joQYCN3Cozk1qA',
      '@secretId = AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA',
      '@appSecret = {{$processEnv APP_SECRET}}',
      'SecretKey: aB3dE5fG7hJ9kL1mN3pQ5rS7',
      '{"secret_key": "p4ssw0rdValue99"}',
      'X-Token: Zq8Lm2Nx7Rv4Tb9Yc3Wd6Ke1Hf5Jg0Ps',
      '',
      'Authorization: hmac id="AKIDCgOPWjQ6BAxvHtyckhWABJVYSBj548pN", signature="630c82836582f78b90f293b2f38bda9cAbC123xyz"',
    ].join('\n');
    const diagnostics = checkSigning(documentOf(), text);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.code]),
      [
        [1, 'literal-secret'],
        [4, 'literal-secret'],
        [5, 'literal-secret'],
        [6, 'literal-secret'],
      ],
    );
    const first = diagnostics[0];
    assert.equal(text.split('\n')[0].slice(first.column, first.endColumn), 'Gu5t9xGARNpq86cd98joQYCN3Cozk1qA');
    assert.ok(
      diagnostics.every(
        (diagnostic) => diagnostic.severity === 'warning' && /Store Secret Key/.test(diagnostic.message),
      ),
    );
    assert.ok(
      diagnostics.every((diagnostic) => !diagnostic.message.includes('Gu5t9x')),
      'the message never repeats the secret',
    );
  });

  it('finds literal secrets from the parsed document alone when the text is not given', () => {
    const document: ParsedDocument = {
      requests: [],
      variables: [{ name: 'secret_key', value: 'Gu5t9xGARNpq86cd98joQYCN3Cozk1qA', line: 2 }],
      diagnostics: [],
    };
    assert.deepEqual(
      checkSigning(document).map((diagnostic) => [diagnostic.line, diagnostic.code]),
      [[2, 'literal-secret']],
    );
  });
});

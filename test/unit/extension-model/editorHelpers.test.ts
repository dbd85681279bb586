import assert from 'node:assert/strict';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { bareHost } from '../../../src/core/presentation/bareHost';
import { literalSecretOnLine } from '../../../src/core/presentation/literalSecretOnLine';
import { keyIdsInRequests, requestSigningHints } from '../../../src/core/presentation/requestSigningHints';

describe('bareHost', () => {
  it('drops the path (and a scheme) from a Host value, and leaves bare hosts alone', () => {
    assert.equal(bareHost('service-1.apigw.example.com/release'), 'service-1.apigw.example.com');
    assert.equal(bareHost(' http://h:8080/x?y '), 'h:8080');
    assert.equal(bareHost('example.com:443'), null);
  });
});

describe('literalSecretOnLine', () => {
  it('takes the flagged range and removes the whole line when it is a header value', () => {
    const line = 'X-Secret-Key: abcdEFGH1234abcdEFGH';
    const start = line.indexOf('abcd');
    assert.deepEqual(literalSecretOnLine(line, start, line.length), {
      value: 'abcdEFGH1234abcdEFGH',
      removeLine: true,
      start,
      end: line.length,
    });
  });

  it('finds a secret= option in a directive when the whole line is flagged', () => {
    const line = '# @sign tencent-keypair id=AKID1 secret=s3cr3tvalue';
    const found = literalSecretOnLine(line, 0, line.length);
    assert.equal(found?.value, 's3cr3tvalue');
    assert.equal(found?.removeLine, false);
    assert.equal(line.slice(0, found!.start) + line.slice(found!.end), '# @sign tencent-keypair id=AKID1 ');
  });

  it('reads a file variable value', () => {
    assert.equal(literalSecretOnLine('@secretKey = topsecretvalue', 0, 27)?.value, 'topsecretvalue');
  });
});

describe('requestSigningHints', () => {
  it('reads signing from an Authorization template or a @sign directive, and @sign none turns it off', () => {
    const parsed = parseDocument(
      [
        'GET http://127.0.0.1/a',
        'Authorization: hmac id="AKIDtemplate", algorithm="hmac-sha1", headers="date", signature="x"',
        '',
        '###',
        '# @sign tencent-keypair id=AKIDdirective',
        'GET http://127.0.0.1/b',
        '',
        '###',
        '# @sign none',
        'GET http://127.0.0.1/c',
        '',
        '###',
        'GET http://127.0.0.1/d',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      parsed.requests.map((request) => requestSigningHints(request)),
      [
        { isSigned: true, keyId: 'AKIDtemplate' },
        { isSigned: true, keyId: 'AKIDdirective' },
        { isSigned: false, keyId: null },
        { isSigned: false, keyId: null },
      ],
    );
    assert.deepEqual(keyIdsInRequests(parsed.requests), ['AKIDtemplate', 'AKIDdirective']);
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { groupRawHeaders } from '../../../src/cli/mockGateway/mockRequest';
import { demoRfc9421HmacKeyId, demoRfc9421HmacSecret } from '../../../src/cli/mockGateway/standardMockKeys';
import { verifyRfc9421Request } from '../../../src/cli/mockGateway/verifyRfc9421Request';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { type Loopback, startLoopback, tempDir } from '../http/loopback';
import { cliSend } from './cliCapture';

const env = { [secretEnvVarName(demoRfc9421HmacKeyId)]: demoRfc9421HmacSecret };
const verifyKeys = new Map([
  [demoRfc9421HmacKeyId, { alg: 'hmac-sha256' as const, secret: Buffer.from(demoRfc9421HmacSecret) }],
]);
/** Bytes a text conversion would damage: LF, CRLF, a lone CR, NUL, invalid UTF-8. */
const blob = Buffer.from([0x00, 0x0a, 0x0d, 0x0a, 0x0d, 0xff, 0xfe, 0x41, 0x0a]);

function requestFile(url: string, eol: string): string {
  return [
    '@who = world',
    '',
    `# @sign rfc9421 id=${demoRfc9421HmacKeyId} alg=hmac-sha256`,
    `POST ${url}/upload`,
    'Content-Type: multipart/form-data; boundary=----gwhttp',
    '',
    '------gwhttp',
    'Content-Disposition: form-data; name="note"',
    '',
    'hello {{who}}',
    '# a body line, not a comment',
    '------gwhttp',
    'Content-Disposition: form-data; name="blob"; filename="blob.bin"',
    'Content-Type: application/octet-stream',
    '',
    '< ./data/blob.bin',
    '------gwhttp--',
    '',
  ].join(eol);
}

function expectedBody(): Buffer {
  const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
  return Buffer.concat([
    crlf([
      '------gwhttp',
      'Content-Disposition: form-data; name="note"',
      '',
      'hello world',
      '# a body line, not a comment',
    ]),
    crlf(['', '------gwhttp', 'Content-Disposition: form-data; name="blob"; filename="blob.bin"']),
    crlf(['', 'Content-Type: application/octet-stream', '', '']),
    blob,
    crlf(['', '------gwhttp--', '']),
  ]);
}

describe('multipart/form-data written by hand', () => {
  let dir: string;
  let server: Loopback;
  const verdicts: string[] = [];
  beforeEach(async () => {
    dir = tempDir();
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'blob.bin'), blob);
    verdicts.length = 0;
    // Checks the RFC 9421 signature (Content-Digest covered) over the bytes that arrived, as the mock gateway does.
    server = await startLoopback((_request, response, received) => {
      const verdict = verifyRfc9421Request(
        {
          method: received.method,
          target: received.url,
          headers: groupRawHeaders(received.rawHeaders),
          body: received.body,
        },
        verifyKeys,
      );
      const ok = typeof verdict === 'object';
      verdicts.push(ok ? 'ok' : verdict);
      response.statusCode = ok ? 200 : 401;
      response.end(ok ? 'verified' : verdict);
    });
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [label, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`sends parts joined with CRLF from a file with ${label} line ends, the < file part as raw bytes, signed over them`, async () => {
      fs.writeFileSync(path.join(dir, 'upload.http'), requestFile(server.url, eol));
      const run = await cliSend(dir, ['upload.http'], env);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(verdicts, ['ok']);
      const [received] = server.received;
      assert.equal(received.body.toString('hex'), expectedBody().toString('hex'));
      const length = groupRawHeaders(received.rawHeaders).get('content-length');
      assert.deepEqual(length, [String(expectedBody().length)]);
    });
  }

  it('refuses a missing part file at its line and sends nothing', async () => {
    fs.writeFileSync(path.join(dir, 'upload.http'), requestFile(server.url, '\n').replace('blob.bin\n', 'gone.bin\n'));
    const run = await cliSend(dir, ['upload.http'], env);
    assert.equal(run.code, 1);
    assert.match(run.stdout + run.stderr, /upload\.http:16: cannot read body file .*gone\.bin/);
    assert.equal(server.received.length, 0);
  });
});

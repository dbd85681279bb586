import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Writable } from 'node:stream';

import { runSend } from '../../../src/cli/commands/sendCommand';
import { isGwHttpError } from '../../../src/core/errors';
import type { OutgoingRequest } from '../../../src/core/model/outgoing';
import { systemClock } from '../../../src/core/ports';
import { resolveSigning } from '../../../src/core/run/resolveSigning';
import { environmentSecretSource } from '../../../src/core/secrets/environmentSecretSource';
import { selectSigning, type SigningMemo } from '../../../src/core/signing/selectSigning';
import { tempDir } from '../http/loopback';
import { prepared } from './signingTestKit';

const mebibyte = 1024 * 1024;

function request(method: string, url: string, bodyBytes: number | null): OutgoingRequest {
  const headers = [{ name: 'Content-Type', value: 'application/json' }];
  return { method, url, headers, body: bodyBytes === null ? null : new Uint8Array(bodyBytes).fill(0x61) };
}

/** The error diagnostics of signing `outgoing` with `# @sign DIRECTIVE` (on line 2). */
function errors(directive: string, outgoing: OutgoingRequest, memo?: SigningMemo) {
  return selectSigning(prepared(outgoing, [['sign', directive]]), memo).diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error',
  );
}

const apiGateway = 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items';
const lambdaUrl = 'https://abcdefghij.lambda-url.eu-west-1.on.aws/orders';
const tencent = 'https://cvm.tencentcloudapi.com/';
const huawei = 'https://apig.example.com/v1/items';

describe('cloud schemes: a body over the gateway limit is an error at the directive line', () => {
  const cases: [string, string, string, number][] = [
    ['tencent-tc3 (POST 10 MB)', 'tencent-tc3 id=AKIDx service=cvm action=A version=1', tencent, 10 * mebibyte],
    ['aws-sigv4 execute-api (10 MB)', 'aws-sigv4 id=AKIDEXAMPLE', apiGateway, 10 * mebibyte],
    ['aws-sigv4 lambda function URL (6 MB)', 'aws-sigv4 id=AKIDEXAMPLE', lambdaUrl, 6 * mebibyte],
    ['huawei-apig (12 MB)', 'huawei-apig id=ak', huawei, 12 * mebibyte],
  ];
  for (const [what, directive, url, limit] of cases) {
    it(`${what}: the limit itself passes, one byte more is sign-body-too-large on line 2`, () => {
      assert.deepEqual(errors(directive, request('POST', url, limit)), []);
      const found = errors(directive, request('POST', url, limit + 1));
      assert.deepEqual(
        found.map((diagnostic) => [diagnostic.line, diagnostic.code]),
        [[2, 'sign-body-too-large']],
      );
      assert.match(found[0].message, new RegExp(`${limit + 1} bytes, over the ${limit} bytes`));
    });
  }

  it('max-body=BYTES lowers or raises the limit, max-body=none lifts it; a bad value is an error', () => {
    const big = request('POST', huawei, 12 * mebibyte + 1);
    assert.deepEqual(errors('huawei-apig id=ak max-body=20000000', big), []);
    assert.deepEqual(errors('huawei-apig id=ak max-body=none', big), []);
    assert.equal(errors('alibaba-apigw id=k max-body=10', request('POST', huawei, 11))[0]?.code, 'sign-body-too-large');
    assert.deepEqual(errors('alibaba-apigw id=k', request('POST', huawei, 12 * mebibyte + 1)), []);
    assert.deepEqual(
      errors('aws-sigv4 id=AKIDEXAMPLE region=us-east-1 service=es', request('POST', huawei, 11 * mebibyte)),
      [],
    );
    const bad = errors('huawei-apig id=ak max-body=12MB', request('POST', huawei, 1));
    assert.equal(bad[0]?.code, 'sign-bad-option');
    assert.match(bad[0].message, /max-body="12MB" must be a number of bytes or none/);
  });

  it('a Tencent TC3 GET with a query over 32 KB is an error', () => {
    const directive = 'tencent-tc3 id=AKIDx service=cvm action=A version=1';
    assert.deepEqual(errors(directive, request('GET', `${tencent}?q=${'x'.repeat(32 * 1024 - 2)}`, null)), []);
    const found = errors(directive, request('GET', `${tencent}?q=${'x'.repeat(32 * 1024)}`, null));
    assert.match(found[0]?.message ?? '', /over the 32 KB Tencent Cloud accepts for a GET/);
  });

  it("is checked for every request of a run, not taken from the memo of an earlier request's choice", () => {
    const memo: SigningMemo = new Map();
    const directive = 'huawei-apig id=ak';
    assert.deepEqual(errors(directive, request('POST', huawei, 10), memo), []);
    assert.equal(errors(directive, request('POST', huawei, 12 * mebibyte + 1), memo)[0]?.code, 'sign-body-too-large');
  });

  it('resolveSigning throws a signing GwHttpError naming file:line (so nothing is sent)', async () => {
    const sources = [environmentSecretSource({ GWHTTP_SECRET_ak: 'sk' })];
    const error = await resolveSigning(
      prepared(request('POST', huawei, 12 * mebibyte + 1), [['sign', 'huawei-apig id=ak']]),
      {
        file: 'r.gwhttp',
        sources,
      },
    ).catch((caught: unknown) => caught);
    assert.ok(isGwHttpError(error) && error.code === 'signing', String(error));
    assert.match(error.message, /^The body is 12582913 bytes/);
    assert.deepEqual(error.location, { file: 'r.gwhttp', line: 2 });
  });

  it('gwhttp send: exit 1, the error at the line, nothing reaches the server', async () => {
    let received = 0;
    const server = http.createServer((_request, response) => {
      received += 1;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = tempDir();
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const body = '{"too": "large for max-body"}';
      fs.writeFileSync(path.join(dir, 'body.json'), body);
      fs.writeFileSync(
        path.join(dir, 'r.gwhttp'),
        `# @sign huawei-apig id=ak max-body=16\nPOST ${url}/v1\nContent-Type: application/json\n\n< ./body.json\n`,
      );
      const output = new (class extends Writable {
        text = '';
        override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
          this.text += chunk.toString();
          callback();
        }
      })();
      const code = await runSend(['r.gwhttp'], {
        stdout: output,
        stderr: output,
        env: { GWHTTP_SECRET_ak: 'sk' },
        cwd: dir,
        clock: systemClock,
      });
      assert.equal(code, 1, output.text);
      assert.match(output.text, new RegExp(`r\\.gwhttp:1: The body is ${body.length} bytes, over the 16 bytes`));
      assert.equal(received, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { isGwHttpError } from '../../../src/core/errors';
import { prepareRequest } from '../../../src/core/variables/prepareRequest';
import { located } from '../located';
import { makeContext, makeDocument, makeRequest, removeTempDir, tempFixture, utf8 } from './variableTestKit';

describe('prepareRequest: bodies', () => {
  let root = '';
  let requestFile = '';
  before(() => {
    root = tempFixture('project');
    requestFile = path.join(root, 'requests', 'orders.gwhttp');
    fs.writeFileSync(path.join(root, 'requests', 'image.bin'), Buffer.from([0x00, 0xff, 0x89, 0x50, 0x0d, 0x0a]));
    fs.writeFileSync(
      path.join(root, 'requests', 'latin1.txt'),
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x7b, 0x7b, 0x68, 0x6f, 0x73, 0x74, 0x7d, 0x7d]),
    );
  });
  after(() => removeTempDir(root));

  const prepare = async (body: string, startLine = 20) => {
    const lineCount = body.split(/\r\n|\n/).length;
    const request = makeRequest({ method: 'POST', body, bodyRange: { startLine, endLine: startLine + lineCount - 1 } });
    const context = makeContext({ requestFile, searchRoot: root, environmentName: 'local' });
    return (await prepareRequest(makeDocument([request], [{ name: 'qty', value: '2', line: 1 }]), request, context))
      .outgoing.body;
  };

  it('substitutes variables in an inline body and encodes it as UTF-8', async () => {
    const body = await prepare('{"sku": "A-1", "qty": {{qty}}, "region": "{{region}}", "note": "café ✓"}');
    assert.equal(utf8(body), '{"sku": "A-1", "qty": 2, "region": "ap-guangzhou", "note": "café ✓"}');
    assert.equal(
      body?.length,
      Buffer.byteLength('{"sku": "A-1", "qty": 2, "region": "ap-guangzhou", "note": "café ✓"}'),
    );
  });

  it('< path sends the raw bytes, without substitution, relative to the request file', async () => {
    assert.deepEqual(
      Buffer.from((await prepare('< ./image.bin')) ?? []),
      Buffer.from([0x00, 0xff, 0x89, 0x50, 0x0d, 0x0a]),
    );
    assert.equal(utf8(await prepare('< body.bin.txt')), 'raw {{notSubstituted}} bytes\n');
  });

  it('<@ path reads UTF-8 text and substitutes variables; <@latin1 picks the encoding', async () => {
    assert.equal(utf8(await prepare('<@ ./template.json')), '{"region": "ap-guangzhou", "host": "127.0.0.1:8080"}');
    assert.equal(utf8(await prepare('<@latin1 latin1.txt')), 'café 127.0.0.1:8080');
  });

  it('mixes inline lines and file lines; multipart bodies keep CRLF', async () => {
    const multipart = [
      '--X',
      'Content-Disposition: form-data; name="meta"',
      '',
      '<@ template.json',
      '--X',
      'Content-Disposition: form-data; name="file"; filename="image.bin"',
      '',
      '< image.bin',
      '--X--',
    ].join('\r\n');
    const body = Buffer.from((await prepare(multipart)) ?? []);
    const expected = Buffer.concat([
      Buffer.from(
        '--X\r\nContent-Disposition: form-data; name="meta"\r\n\r\n{"region": "ap-guangzhou", "host": "127.0.0.1:8080"}\r\n',
      ),
      Buffer.from('--X\r\nContent-Disposition: form-data; name="file"; filename="image.bin"\r\n\r\n'),
      Buffer.from([0x00, 0xff, 0x89, 0x50, 0x0d, 0x0a]),
      Buffer.from('\r\n--X--'),
    ]);
    assert.deepEqual(body, expected);
  });

  it('a path may hold variables; a missing file is a file error naming the path and line', async () => {
    await assert.rejects(prepare('first line\n< missing-{{qty}}.bin', 30), (error: unknown) => {
      assert.ok(isGwHttpError(error));
      assert.equal(error.code, 'file');
      assert.ok(
        located(error).startsWith(
          `${requestFile}:31: cannot read body file ${path.join(root, 'requests', 'missing-2.bin')} (ENOENT)`,
        ),
        located(error),
      );
      return true;
    });
  });

  it('an unresolved variable inside a <@ file names the file it came from and the body line', async () => {
    fs.writeFileSync(path.join(root, 'requests', 'needs.json'), '{"x": "{{nowhere}}"}');
    await assert.rejects(prepare('<@ needs.json', 25), (error: unknown) => {
      assert.ok(isGwHttpError(error));
      assert.match(
        located(error),
        /:25: variable \{\{nowhere\}\} is not defined \(used by body file "needs\.json"\)\. Looked in: /,
      );
      return true;
    });
  });

  it('a "<" that is not followed by a space is body text, and no body stays null', async () => {
    assert.equal(utf8(await prepare('<xml>{{qty}}</xml>')), '<xml>2</xml>');
    const request = makeRequest();
    assert.equal((await prepareRequest(makeDocument([request]), request, makeContext())).outgoing.body, null);
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { parseDocument } from '../../../src/core/parser/parseDocument';
import { checkVariables } from '../../../src/core/variables/checkVariables';
import { describeVariables } from '../../../src/core/variables/describeVariables';
import { loadEnvironments } from '../../../src/core/variables/loadEnvironments';
import { prepareRequest } from '../../../src/core/variables/prepareRequest';
import { referencedRequestNames } from '../../../src/core/variables/referencedRequestNames';
import { makeContext, makeExchange, nodeFileReader, removeTempDir, tempFixture, utf8 } from './variableTestKit';

const requestText = [
  '@orderPath = {{basePath}}/orders',
  '',
  '### Log in',
  '# @name login',
  'POST {{baseUrl}}/login',
  'Content-Type: application/json',
  '',
  '{"user": "{{$dotenv API_USER}}", "at": "{{$datetime iso8601}}"}',
  '',
  '### Create an order',
  '# @name createOrder',
  '# @sign tencent-keypair id={{keyId}}',
  'POST http://{{host}}{{orderPath}}',
  '  ?trace={{login.response.headers.x-trace}}',
  'Authorization: Bearer {{login.response.body.$.token}}',
  'Content-Type: application/json',
  '',
  '<@ template.json',
].join('\n');

describe('variables end to end: a real file, its env files and .env, parsed by parseDocument', () => {
  let root = '';
  let requestFile = '';
  before(() => {
    root = tempFixture('project', { '.env': 'API_USER=alice\n' });
    requestFile = path.join(root, 'requests', 'orders.gwhttp');
    fs.writeFileSync(requestFile, requestText);
  });
  after(() => removeTempDir(root));

  it('prepares the login, then the chained order request, with the environment default signing', async () => {
    const document = parseDocument(fs.readFileSync(requestFile, 'utf8'));
    const [login, order] = document.requests;
    assert.deepEqual(referencedRequestNames(order, document), ['login']);
    const context = makeContext({ requestFile, searchRoot: root, environmentName: 'local' });

    const preparedLogin = await prepareRequest(document, login, context);
    assert.equal(preparedLogin.outgoing.url, 'http://127.0.0.1:8080/release/login');
    assert.equal(utf8(preparedLogin.outgoing.body), '{"user": "alice", "at": "2026-11-23T10:15:30.000Z"}');

    const chain = new Map([
      ['login', makeExchange({ responseBody: '{"token":"tok-1"}', responseHeaders: [['X-Trace', 't-9']] })],
    ]);
    const preparedOrder = await prepareRequest(document, order, { ...context, chain });
    assert.equal(preparedOrder.outgoing.url, 'http://127.0.0.1:8080/release/orders?trace=t-9');
    assert.deepEqual(preparedOrder.outgoing.headers[0], { name: 'Authorization', value: 'Bearer tok-1' });
    assert.equal(utf8(preparedOrder.outgoing.body), '{"region": "ap-guangzhou", "host": "127.0.0.1:8080"}');
    assert.equal(
      preparedOrder.directives.find((d) => d.name === 'sign')?.value,
      'tencent-keypair id=AKIDlocal0000000000000000000000000000',
    );
    assert.equal(preparedOrder.defaultSigning, 'tencent-keypair id=AKIDlocal0000000000000000000000000000');
  });

  it('the editor view: no diagnostics with the environment names known, one without them', async () => {
    const document = parseDocument(requestText);
    const environments = await loadEnvironments(requestFile, root, nodeFileReader, {});
    const known = new Set(describeVariables(document, environments, 'local').map((v) => v.name));
    assert.deepEqual(checkVariables(document, known, requestText), []);
    const withoutEnvironment = checkVariables(document, new Set(), requestText);
    assert.deepEqual(
      withoutEnvironment.map((d) => [d.line, d.message.slice(0, 28)]),
      [
        [1, 'Variable {{basePath}} is not'],
        [5, 'Variable {{baseUrl}} is not '],
        [12, 'Variable {{keyId}} is not de'],
        [13, 'Variable {{host}} is not def'],
      ],
    );
  });
});

import assert from 'node:assert/strict';

import { demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { GwHttpError } from '../../../src/core/errors';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { type Loopback, startLoopback } from '../http/loopback';
import { located } from '../located';
import { runText } from './runContext';

async function runTextWithEnvironments(
  text: string,
  settingsEnvironments: Record<string, Record<string, string>>,
  environmentName: string,
) {
  const probe = await runText('', [], {});
  const { results } = await runText(text, [1], {}, undefined, {
    variables: { ...probe.context.variables, settingsEnvironments, environmentName, mayReadWorkspaceFiles: false },
  });
  return results;
}

const secretEnv = { [secretEnvVarName(demoKeyPairId)]: demoKeyPairSecret };

describe('runRequests', () => {
  let gateway: MockGateway | undefined;
  let server: Loopback | undefined;
  afterEach(async () => {
    await gateway?.close();
    await server?.close();
    gateway = undefined;
    server = undefined;
  });

  it('signs, sends and reads the throttling state from the mock gateway; the secret appears nowhere', async () => {
    gateway = await startMockGateway({ port: 0 });
    const text = `# @name order\n# @sign tencent-keypair id=${demoKeyPairId}\nPOST ${gateway.url}/release/orders\nContent-Type: application/json\n\n{"qty":2}\n`;
    const { results } = await runText(text, null, secretEnv);
    assert.equal(results.length, 1);
    const [result] = results;
    assert.equal(result.error, null);
    assert.equal(result.response?.status, 200);
    assert.equal(result.signing?.keyId, demoKeyPairId);
    assert.ok(result.request?.headers.some((h) => h.name === 'Authorization' && h.value.startsWith('hmac id=')));
    assert.equal(result.throttle?.usedOf, 500);
    assert.equal(result.throttle?.secretId, demoKeyPairId);
    assert.deepEqual(result.location, { file: 'requests.gwhttp', line: 3 });
    assert.ok(!JSON.stringify(result).includes(demoKeyPairSecret));
  });

  it('leaves the clock warning to the explanation of a date rejection, and warns of drift on a success', async () => {
    server = await startLoopback((request, response) => {
      response.setHeader('Date', new Date(Date.now() + 20 * 60_000).toUTCString());
      response.statusCode = request.url === '/rejected' ? 401 : 200;
      response.end(
        request.url === '/rejected'
          ? '{"message":"HMAC signature cannot be verified, the x-date header is out of date for hmac-sha1"}'
          : '{}',
      );
    });
    const text = `# @sign tencent-keypair id=${demoKeyPairId}\nGET ${server.url}/rejected\n\n###\n# @sign tencent-keypair id=${demoKeyPairId}\nGET ${server.url}/accepted\n`;
    const { results } = await runText(text, null, secretEnv);
    assert.equal(results[0].explanation?.about, 'clock');
    assert.ok(results[0].explanation?.details.some((detail) => detail.label === 'clock offset'));
    assert.deepEqual(results[0].warnings, []);
    assert.match(results[1].warnings[0] ?? '', /^The local clock is (19 min 5\d|20 min [0-2]) s behind the gateway/);
  });

  it('explains a gateway rejection and fills both response and error', async () => {
    gateway = await startMockGateway({ port: 0 });
    const text = `# @sign tencent-keypair id=${demoKeyPairId}\nGET ${gateway.url}/release/x\n`;
    const { results } = await runText(text, null, { [secretEnvVarName(demoKeyPairId)]: 'a-wrong-secret-value' });
    const [result] = results;
    assert.ok(result.response && result.response.status >= 400);
    assert.ok(result.explanation);
    assert.equal(result.error?.code, 'gatewayRejected');
    assert.match(located(result.error), /^requests\.gwhttp:2: the gateway answered 4\d\d/);
    assert.ok(!JSON.stringify(result).includes('a-wrong-secret-value'));
  });

  it('refuses to send without a secret: a clear error with file:line and nothing sent', async () => {
    server = await startLoopback((_request, response) => response.end());
    const text = `GET ${server.url}/open\n\n###\n# @sign tencent-keypair id=AKIDnosecret0000000000000000000000\nGET ${server.url}/x\n`;
    const { results } = await runText(text, [1]);
    assert.equal(results[0].error?.code, 'missingSecret');
    assert.match(located(results[0].error), /^requests\.gwhttp:5: no secret key for key id "AKIDnosecret/);
    assert.match(results[0].error?.hint ?? '', /GWHTTP_SECRET_/);
    assert.equal(results[0].response, null);
    assert.equal(server.received.length, 0);
  });

  it('sends nothing when a chosen request has a parse error', async () => {
    server = await startLoopback((_request, response) => response.end());
    const text = `GET ${server.url}/a\n\n###\nGET ${server.url}/b\nthis header has no colon\n`;
    const failure = runText(text, [0, 1]);
    await assert.rejects(
      failure,
      (error: unknown) =>
        error instanceof GwHttpError && error.code === 'parse' && /^requests\.gwhttp:5: /.test(located(error)),
    );
    assert.equal(server.received.length, 0);
  });

  it('reports an unresolved variable and sends nothing for that request', async () => {
    server = await startLoopback((_request, response) => response.end());
    const { results } = await runText(`GET ${server.url}/{{missing}}\n`, null);
    assert.equal(results[0].error?.code, 'variable');
    assert.match(located(results[0].error), /missing/);
    assert.equal(server.received.length, 0);
  });

  it('sends a referenced request first and chains its JSON response into the next', async () => {
    server = await startLoopback((request, response) => {
      if (request.url === '/login') response.setHeader('Content-Type', 'application/json').end('{"token":"t-123"}');
      else response.end(`got ${request.headers['x-token']}`);
    });
    const text = `### login\n# @name login\nPOST ${server.url}/login\n\n###\nGET ${server.url}/data\nX-Token: {{login.response.body.$.token}}\n`;
    const { results } = await runText(text, [1]);
    assert.deepEqual(
      results.map((r) => r.index),
      [0, 1],
    );
    assert.equal(results[1].response?.bodyText, 'got t-123');
    assert.deepEqual(
      server.received.map((r) => r.url),
      ['/login', '/data'],
    );
  });

  it('sends a request first when the selected environment or an assertion refers to its response', async () => {
    server = await startLoopback((request, response) => {
      if (request.url === '/login') {
        response.setHeader('Content-Type', 'application/json').end('{"token":"t-9","user":"ann"}');
      } else {
        response
          .setHeader('Content-Type', 'application/json')
          .end(`{"token":"${request.headers['x-token']}","user":"ann"}`);
      }
    });
    const text = `### login\n# @name login\nPOST ${server.url}/login\n\n###\nGET ${server.url}/data\nX-Token: {{token}}\n\n?? body $.user == {{login.response.body.$.user}}\n`;
    const settingsEnvironments = { $shared: { token: '{{login.response.body.$.token}}' }, dev: { other: 'x' } };
    const run = await runTextWithEnvironments(text, settingsEnvironments, 'dev');
    assert.deepEqual(
      run.map((r) => r.index),
      [0, 1],
    );
    assert.deepEqual(
      server.received.map((r) => r.url),
      ['/login', '/data'],
    );
    assert.equal(run[1].response?.bodyText, '{"token":"t-9","user":"ann"}');
    assert.deepEqual(
      run[1].assertions.map((a) => [a.text, a.passed]),
      [['body $.user == ann', true]],
    );

    server.received.length = 0;
    const onlyAssertion = `### login\n# @name login\nPOST ${server.url}/login\n\n###\nGET ${server.url}/data\n\n?? body $.user == {{login.response.body.$.user}}\n`;
    const second = await runText(onlyAssertion, [1]);
    assert.deepEqual(
      second.results.map((r) => r.index),
      [0, 1],
      "the assertion's reference sends login first",
    );
  });

  it('does not send a dependency twice when it is also chosen', async () => {
    server = await startLoopback((_request, response) =>
      response.setHeader('Content-Type', 'application/json').end('{"id":7}'),
    );
    const text = `GET ${server.url}/b?id={{first.response.body.$.id}}\n\n###\n# @name first\nGET ${server.url}/a\n`;
    const { results } = await runText(text, null);
    assert.deepEqual(
      results.map((r) => r.index),
      [1, 0],
    );
    assert.deepEqual(
      server.received.map((r) => r.url),
      ['/a', '/b?id=7'],
    );
  });

  it('re-signs every redirect hop with a fresh date, and honours # @no-redirect', async () => {
    server = await startLoopback((request, response) => {
      if (request.url === '/start') response.writeHead(302, { Location: '/end' }).end();
      else response.end('done');
    });
    let tick = 0;
    const clock = { now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)) };
    const env = { [secretEnvVarName('AKIDredirect')]: 'redirect-secret' };
    const text = `# @sign tencent-keypair id=AKIDredirect\nGET ${server.url}/start\n\n###\n# @no-redirect\nGET ${server.url}/start\n`;
    const { results } = await runText(text, null, env, clock);
    const dates = server.received.map((r) => r.rawHeaders[r.rawHeaders.findIndex((v) => v === 'X-Date') + 1]);
    assert.equal(results[0].response?.bodyText, 'done');
    assert.equal(server.received[1].url, '/end');
    assert.notEqual(dates[0], dates[1], 'the second hop carries a new X-Date');
    assert.ok(server.received[1].rawHeaders.includes('Authorization'));
    assert.equal(results[0].request?.headers.find((h) => h.name === 'X-Date')?.value, dates[1]);
    assert.equal(results[1].response?.status, 302);
    assert.equal(server.received.length, 3);
  });

  it('stops when the signal is aborted', async () => {
    server = await startLoopback((_request, response) => response.end());
    const controller = new AbortController();
    controller.abort();
    const { results } = await runText(`GET ${server.url}/a\n`, null, {}, undefined, { signal: controller.signal });
    assert.equal(results.length, 0);
    assert.equal(server.received.length, 0);
  });
});

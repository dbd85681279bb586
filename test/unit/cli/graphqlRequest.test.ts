import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { groupRawHeaders } from '../../../src/cli/mockGateway/mockRequest';
import { demoRfc9421HmacKeyId, demoRfc9421HmacSecret } from '../../../src/cli/mockGateway/standardMockKeys';
import { verifyRfc9421Request } from '../../../src/cli/mockGateway/verifyRfc9421Request';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { type Loopback, type Received, startLoopback, tempDir } from '../http/loopback';
import { cliSend } from './cliCapture';

const env = { [secretEnvVarName(demoRfc9421HmacKeyId)]: demoRfc9421HmacSecret };
const verifyKeys = new Map([
  [demoRfc9421HmacKeyId, { alg: 'hmac-sha256' as const, secret: Buffer.from(demoRfc9421HmacSecret) }],
]);

const header = (received: Received, name: string) => groupRawHeaders(received.rawHeaders).get(name);
const json = (received: Received) => JSON.parse(received.body.toString('utf8')) as unknown;

describe('GraphQL requests', () => {
  let dir: string;
  let server: Loopback;
  beforeEach(async () => {
    dir = tempDir();
    // A GraphQL echo: answers what it received, and whether an RFC 9421 signature covers it.
    server = await startLoopback((_request, response, received) => {
      const signed = header(received, 'signature-input') !== undefined;
      const verdict = signed
        ? verifyRfc9421Request(
            {
              method: received.method,
              target: received.url,
              headers: groupRawHeaders(received.rawHeaders),
              body: received.body,
            },
            verifyKeys,
          )
        : null;
      response.statusCode = verdict === null || typeof verdict === 'object' ? 200 : 401;
      response.setHeader('Content-Type', 'application/json');
      response.end(received.body);
    });
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, lines: string[]) => fs.writeFileSync(path.join(dir, name), lines.join('\n'));

  it('sends X-Request-Type: GraphQL (REST Client) as {query, operationName, variables}, without the marker, signed over the JSON', async () => {
    const query = ['query Orders($id: ID!) {', '  order(id: $id) { id total }', '}'];
    write('gql.http', [
      '@id = 7',
      `# @sign rfc9421 id=${demoRfc9421HmacKeyId} alg=hmac-sha256`,
      `POST ${server.url}/graphql`,
      'X-Request-Type: GraphQL',
      '',
      ...query,
      '',
      '{"id": "{{id}}", "first": 2}',
      '',
    ]);
    const run = await cliSend(dir, ['gql.http'], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const [received] = server.received;
    assert.equal(received.method, 'POST');
    assert.deepEqual(json(received), {
      query: query.join('\n'),
      operationName: 'Orders',
      variables: { id: '7', first: 2 },
    });
    assert.equal(header(received, 'x-request-type'), undefined, 'the marker is not sent');
    assert.deepEqual(header(received, 'content-type'), ['application/json']);
  });

  it('sends the GRAPHQL method (JetBrains) as a POST, fragments after blank lines kept in the query', async () => {
    const query = ['mutation AddOrder { add { ...Fields } }', '', 'fragment Fields on Order { id }'];
    write('gql.http', [
      `GRAPHQL ${server.url}/graphql`,
      'Content-Type: application/json; charset=utf-8',
      '',
      ...query,
      '',
    ]);
    const run = await cliSend(dir, ['gql.http'], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const [received] = server.received;
    assert.equal(received.method, 'POST');
    assert.deepEqual(json(received), { query: query.join('\n'), operationName: 'AddOrder' });
    assert.deepEqual(header(received, 'content-type'), ['application/json; charset=utf-8']);
  });

  it('reads a POST body that starts with query (httpYac) as GraphQL, and leaves query=… form text alone', async () => {
    write('gql.http', [
      `POST ${server.url}/graphql`,
      '',
      '# query Ignored is a comment',
      'query($n: Int) { items(first: $n) { id } }',
      '',
      '{"n": 3}',
      '',
      '###',
      `POST ${server.url}/search`,
      '',
      'query=abc&mutation=1',
      '',
    ]);
    const run = await cliSend(dir, ['gql.http', '--all'], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(json(server.received[0]), {
      query: '# query Ignored is a comment\nquery($n: Int) { items(first: $n) { id } }',
      variables: { n: 3 },
    });
    assert.equal(server.received[1].body.toString('utf8'), 'query=abc&mutation=1');
    assert.equal(header(server.received[1], 'content-type'), undefined);
  });

  it('refuses a variables block that is not a JSON object at the body line, and sends nothing', async () => {
    write('gql.http', [`GRAPHQL ${server.url}/graphql`, '', 'query Q { a }', '', '{"n": 3,}', '']);
    const run = await cliSend(dir, ['gql.http'], env);
    assert.equal(run.code, 1);
    assert.match(run.stdout + run.stderr, /gql\.http:3: the GraphQL variables block .* is not JSON/);
    assert.equal(server.received.length, 0);
  });
});

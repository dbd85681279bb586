import assert from 'node:assert/strict';
import * as path from 'node:path';

import { GwHttpError, isGwHttpError } from '../../../src/core/errors';
import type { FileVariable } from '../../../src/core/model/document';
import { prepareRequest } from '../../../src/core/variables/prepareRequest';
import type { VariableContext } from '../../../src/core/variables/variableContext';
import { located } from '../located';
import { makeContext, makeDocument, makeRequest, removeTempDir, tempFixture } from './variableTestKit';

function rejectsWith(promise: Promise<unknown>, check: (error: GwHttpError) => void): Promise<void> {
  return assert.rejects(promise, (error: unknown) => {
    assert.ok(isGwHttpError(error), String(error));
    check(error);
    return true;
  });
}

describe('prepareRequest: sources and precedence', () => {
  let root = '';
  let requestFile = '';
  before(() => {
    root = tempFixture('project', {
      'gwhttp.env.private.json': '{"local": {"secretKey": "private-secret", "who": "private"}}',
      '.env': 'who=dotenv\nonlyDotenv=from-dotenv\nregion=dotenv-region\n',
    });
    requestFile = path.join(root, 'requests', 'orders.gwhttp');
  });
  after(() => removeTempDir(root));

  const context = (fields: Partial<VariableContext> = {}): VariableContext =>
    makeContext({ requestFile, searchRoot: root, environmentName: 'local', ...fields });

  async function resolveUrl(
    url: string,
    variables: FileVariable[] = [],
    fields: Partial<VariableContext> = {},
  ): Promise<string> {
    const request = makeRequest({ url });
    return (await prepareRequest(makeDocument([request], variables), request, context(fields))).outgoing.url;
  }

  it('resolves environment values that refer to $shared and to each other', async () => {
    assert.equal(await resolveUrl('{{baseUrl}}/orders'), 'http://127.0.0.1:8080/release/orders');
    assert.equal(
      await resolveUrl('{{baseUrl}}/orders', [], { environmentName: 'release' }),
      'https://service-abc.ap-guangzhou.apigateway.myqcloud.com/release/orders',
    );
  });

  it('the selected environment beats $shared, which beats .env', async () => {
    assert.equal(await resolveUrl('http://x/{{region}}', [], { environmentName: 'release' }), 'http://x/ap-shanghai');
    assert.equal(await resolveUrl('http://x/{{region}}'), 'http://x/ap-guangzhou');
    assert.equal(await resolveUrl('http://x/{{onlyDotenv}}'), 'http://x/from-dotenv');
  });

  it('the private env file beats the public one, and the environment beats .env', async () => {
    assert.equal(await resolveUrl('http://x/{{who}}'), 'http://x/private');
    assert.equal(await resolveUrl('http://x/{{who}}', [], { environmentName: 'release' }), 'http://x/dotenv');
  });

  it('file variables beat the environment; the last definition wins; they may refer to others', async () => {
    const variables = [
      { name: 'host', value: 'first', line: 1 },
      { name: 'host', value: 'file-host', line: 2 },
      { name: 'url', value: 'http://{{host}}{{basePath}}', line: 3 },
    ];
    assert.equal(await resolveUrl('{{url}}/a', variables), 'http://file-host/release/a');
  });

  it('--var overrides beat file variables, and are used literally', async () => {
    const variables = [{ name: 'host', value: 'file-host', line: 1 }];
    assert.equal(
      await resolveUrl('http://{{host}}/', variables, { overrides: { host: 'cli-{{x}}' } }),
      'http://cli-{{x}}/',
    );
  });

  it('{{%name}} percent-encodes the value (REST Client)', async () => {
    const variables = [{ name: 'q', value: 'a b&c=d/é', line: 1 }];
    assert.equal(
      await resolveUrl('http://x/?q={{%q}}&raw={{q}}', variables),
      'http://x/?q=a%20b%26c%3Dd%2F%C3%A9&raw=a b&c=d/é',
    );
  });

  it('{{$shared name}} reads $shared even when the environment has the same key', async () => {
    assert.equal(
      await resolveUrl('http://x/{{$shared region}}', [], { environmentName: 'release' }),
      'http://x/ap-guangzhou',
    );
  });

  it('reads no env file and no .env when the workspace is not trusted (settings only)', async () => {
    const settingsEnvironments = { local: { host: 'from-settings' } };
    assert.equal(
      await resolveUrl('http://{{host}}/', [], { mayReadWorkspaceFiles: false, settingsEnvironments }),
      'http://from-settings/',
    );
    await rejectsWith(
      resolveUrl('http://{{onlyDotenv}}/', [], { mayReadWorkspaceFiles: false, settingsEnvironments }),
      (error) => {
        assert.match(located(error), /not read: the workspace is not trusted/);
        assert.match(located(error), /environment "local" \(gwhttp\.environments setting\)/);
      },
    );
  });

  it('an error never shows the values it looked through (the private secret stays out)', async () => {
    const variables = [{ name: 'auth', value: '{{secretKey}}:{{missing}}', line: 1 }];
    await rejectsWith(resolveUrl('http://x/{{auth}}', variables), (error) => {
      assert.match(located(error), /variable \{\{missing\}\} is not defined \(used by @auth \(line 1\)\)/);
      assert.ok(!`${located(error)} ${error.hint}`.includes('private-secret'));
    });
  });

  it('uses environments and .env passed in the context instead of reading files', async () => {
    const url = await resolveUrl('http://{{host}}/{{a}}', [], {
      requestFile: null,
      environments: { names: ['local'], environments: { local: { host: 'given' } }, locations: {}, files: [] },
      dotenv: { file: '/nowhere/.env', values: { a: 'b' }, keyLines: {} },
    });
    assert.equal(url, 'http://given/b');
  });

  it('resolves header names and values, directive values (not @name), method and the default signing', async () => {
    const request = makeRequest({
      name: 'orders',
      method: 'POST',
      headers: [{ name: 'X-{{region}}', value: 'ua={{userAgent}}', line: 11 }],
      directives: [
        { name: 'name', key: 'name', value: 'orders', line: 8 },
        { name: 'sign', key: 'sign', value: 'tencent-keypair id={{keyId}}', line: 9 },
      ],
    });
    const prepared = await prepareRequest(makeDocument([request]), request, context());
    assert.deepEqual(prepared.outgoing.headers, [{ name: 'X-ap-guangzhou', value: 'ua=gwhttp-tests' }]);
    assert.deepEqual(prepared.directives[1], {
      name: 'sign',
      key: 'sign',
      value: 'tencent-keypair id=AKIDlocal0000000000000000000000000000',
      line: 9,
    });
    assert.equal(prepared.outgoing.method, 'POST');
    assert.equal(prepared.defaultSigning, 'tencent-keypair id=AKIDlocal0000000000000000000000000000');
    assert.equal(prepared.source, request);
    const release = await prepareRequest(makeDocument([request]), request, context({ environmentName: 'release' }));
    assert.equal(release.defaultSigning, null);
  });
});

describe('prepareRequest: default signing from the environment', () => {
  it('takes "$sign" from the selected environment, else from $shared, with variables resolved', async () => {
    const request = makeRequest();
    const environments = {
      names: ['a', 'b'],
      environments: {
        $shared: { $sign: 'tencent-keypair id={{keyId}} algorithm=hmac-sha256', keyId: 'AKIDshared' },
        a: { keyId: 'AKIDa' },
        b: { $sign: 'none' },
      },
      locations: {},
      files: [],
    };
    const signing = async (environmentName: string | null) =>
      (await prepareRequest(makeDocument([request]), request, makeContext({ environments, environmentName })))
        .defaultSigning;
    assert.equal(await signing('a'), 'tencent-keypair id=AKIDa algorithm=hmac-sha256');
    assert.equal(await signing(null), 'tencent-keypair id=AKIDshared algorithm=hmac-sha256');
    assert.equal(await signing('b'), 'none');
  });
});

describe('prepareRequest: errors', () => {
  let root = '';
  let requestFile = '';
  before(() => {
    root = tempFixture('project');
    requestFile = path.join(root, 'requests', 'orders.gwhttp');
  });
  after(() => removeTempDir(root));

  it('an unresolved variable names itself, its line, where it was looked for, with a hint', async () => {
    const request = makeRequest({ line: 12, headers: [{ name: 'X-User', value: '{{apiUser}}', line: 14 }] });
    const context = makeContext({ requestFile, searchRoot: root, environmentName: 'local' });
    await rejectsWith(prepareRequest(makeDocument([request]), request, context), (error) => {
      assert.equal(error.code, 'variable');
      assert.ok(located(error).startsWith(`${requestFile}:14: variable {{apiUser}} is not defined.`), located(error));
      assert.match(
        located(error),
        /Looked in: --var overrides, file variables, environment "local" \(gwhttp.env.json\), \$shared, \.env \(none found\)/,
      );
      assert.match(error.hint ?? '', /Add "apiUser" to environment "local" in gwhttp\.env\.json/);
      assert.deepEqual(error.location, { file: requestFile, line: 14 });
    });
  });

  it('names the file variable a missing name was used by', async () => {
    const request = makeRequest({ line: 12, url: '{{base}}/x' });
    const variables = [{ name: 'base', value: 'https://{{missingHost}}', line: 2 }];
    await rejectsWith(prepareRequest(makeDocument([request], variables), request, makeContext()), (error) => {
      assert.match(
        located(error),
        /^untitled:12: variable \{\{missingHost\}\} is not defined \(used by @base \(line 2\)\)\. Looked in: /,
      );
      assert.match(located(error), /no environment selected/);
    });
  });

  it('with no environment selected but some available, the hint says how to select one', async () => {
    const request = makeRequest({ url: 'http://{{host}}/' });
    await rejectsWith(
      prepareRequest(makeDocument([request]), request, makeContext({ requestFile, searchRoot: root })),
      (error) => {
        assert.match(
          error.hint ?? '',
          /No environment is selected \(available: local, release\): choose one with --env NAME/,
        );
      },
    );
  });

  it('a cycle among file variables is an error naming the cycle', async () => {
    const request = makeRequest({ url: '{{a}}' });
    const variables = [
      { name: 'a', value: 'x{{b}}', line: 1 },
      { name: 'b', value: '{{c}}', line: 2 },
      { name: 'c', value: '{{a}}', line: 3 },
    ];
    await rejectsWith(prepareRequest(makeDocument([request], variables), request, makeContext()), (error) => {
      assert.match(
        located(error),
        /^untitled:10: variables form a cycle: @a \(line 1\) → @b \(line 2\) → @c \(line 3\) → @a \(line 1\)$/,
      );
    });
  });

  it('a cycle through an environment value is an error too', async () => {
    const request = makeRequest({ url: '{{host}}' });
    const environments = {
      names: ['local'],
      environments: { local: { host: '{{port}}', port: '{{host}}' } },
      locations: {},
      files: [],
    };
    await rejectsWith(
      prepareRequest(makeDocument([request]), request, makeContext({ environmentName: 'local', environments })),
      (error) =>
        assert.match(located(error), /cycle: "host" in environment "local" → "port" in environment "local" → "host"/),
    );
  });

  it('an unknown environment name is an error listing the known ones', async () => {
    const request = makeRequest();
    await rejectsWith(
      prepareRequest(
        makeDocument([request]),
        request,
        makeContext({ requestFile, searchRoot: root, environmentName: 'prod' }),
      ),
      (error) => {
        assert.equal(error.code, 'variable');
        assert.match(located(error), /environment "prod" is not defined\. Known environments: local, release/);
      },
    );
  });

  it('a JavaScript expression in braces is rejected as a bad reference', async () => {
    const request = makeRequest({ url: 'http://x/{{ a + b }}' });
    await rejectsWith(prepareRequest(makeDocument([request]), request, makeContext()), (error) => {
      assert.match(located(error), /"a \+ b" is not a variable name/);
    });
  });
});

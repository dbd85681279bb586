// Sending through the core against the project's mock gateway on 127.0.0.1, and the response panel.
import * as assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import * as vscode from 'vscode';

import { demoKeyPairId, demoKeyPairSecret } from '../../../src/cli/mockGateway/mockKeys';
import { type MockGateway, startMockGateway } from '../../../src/cli/mockGateway/startMockGateway';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { waitUntil } from '../index';
import {
  answerConfirmation,
  gwhttpApi,
  type LocalServer,
  openTempGwhttp,
  startLocalServer,
} from './extensionTestUtils';

function signedRequest(baseUrl: string, keyId = demoKeyPairId): string {
  return `### List orders\n# @sign tencent-keypair id=${keyId}\nGET ${baseUrl}/release/orders?limit=2\nAccept: application/json\n`;
}

async function send(document: vscode.TextDocument, index = 0): Promise<void> {
  await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, index);
}

describe('Send Request and the response panel (extension host)', function () {
  this.timeout(60_000);
  let gateway: MockGateway;

  before(async () => {
    gateway = await startMockGateway();
    await gwhttpApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('gwhttp.forgetSecret', demoKeyPairId);
    await gateway.close();
  });

  it('sends a signed request, opens the panel and posts status 200 with the throttling values', async () => {
    const api = await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.storeSecret', demoKeyPairId, demoKeyPairSecret);
    const document = await openTempGwhttp(signedRequest(gateway.url));
    await send(document);
    const model = api.lastResponseModel();
    assert.ok(model, 'no response model was posted');
    assert.equal(model.status.code, 200);
    assert.equal(model.status.statusClass, 'success');
    assert.match(model.throttle?.usedRaw ?? '', /^\d+\/500$/);
    assert.equal(model.throttle?.limit, 500);
    assert.equal(model.throttle?.usagePlanId, 'usagePlan-demo');
    assert.equal(model.throttle?.secretId, demoKeyPairId);
    assert.equal(model.signature?.keyId, demoKeyPairId);
    assert.ok(!JSON.stringify(model).includes(demoKeyPairSecret), 'the secret reached the view model');
    const panel = await waitUntil(() => api.responsePanel(), 10_000, 'the response panel did not open');
    assert.equal(panel?.viewType, 'gwhttp.response');
    await waitUntil(
      () => api.lastRendered()?.modelId === model.id,
      15_000,
      `the webview did not render the response (got ${JSON.stringify(api.lastRendered())})`,
    );
    assert.equal(api.lastRendered()?.statusText, '200 OK');
  });

  it('reuses the one panel for the next response', async () => {
    const api = await gwhttpApi();
    const first = api.responsePanel();
    const document = await openTempGwhttp(signedRequest(gateway.url));
    await send(document);
    assert.equal(api.responsePanel(), first);
    assert.equal(api.lastResponseModel()?.status.code, 200);
  });

  it('explains a rejection caused by a wrong secret', async () => {
    const api = await gwhttpApi();
    await vscode.commands.executeCommand('gwhttp.storeSecret', demoKeyPairId, 'a-wrong-secret-for-this-test');
    const document = await openTempGwhttp(signedRequest(gateway.url));
    await send(document);
    const model = api.lastResponseModel();
    assert.ok(model && model.status.code >= 400, `status ${model?.status.code}`);
    assert.ok(model.explanation, 'no explanation card');
    assert.ok(model.explanation.cause.length > 0 && model.explanation.fix.length > 0);
    assert.ok(!JSON.stringify(model).includes('a-wrong-secret-for-this-test'));
  });

  it('round-trips SecretStorage and falls back to GWHTTP_SECRET_<KEYID> when nothing is stored', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(signedRequest(gateway.url));
    await vscode.commands.executeCommand('gwhttp.storeSecret', demoKeyPairId, demoKeyPairSecret);
    await send(document);
    assert.equal(api.lastResponseModel()?.status.code, 200, 'stored secret not used');
    await vscode.commands.executeCommand('gwhttp.forgetSecret', demoKeyPairId);
    await send(document);
    const failure = api.lastPanelMessage();
    assert.equal(failure?.type, 'showFailure', 'sending without any secret did not fail');
    const variable = secretEnvVarName(demoKeyPairId);
    process.env[variable] = demoKeyPairSecret;
    try {
      await send(document);
      assert.equal(api.lastPanelMessage()?.type, 'showResponse');
      assert.equal(api.lastResponseModel()?.status.code, 200, 'env-var secret not used');
    } finally {
      delete process.env[variable];
    }
  });
});

describe('Clock and quota warnings (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let url: string;

  before(async () => {
    server = await startLocalServer((_request, response) => {
      response.setHeader('Date', new Date(Date.now() - 7 * 60_000).toUTCString());
      response.setHeader('X-RateLimit-Used', '124/125');
      response.end('{}');
    });
    url = server.url;
    await vscode.commands.executeCommand('gwhttp.storeSecret', demoKeyPairId, demoKeyPairSecret);
  });

  after(async () => {
    await vscode.commands.executeCommand('gwhttp.forgetSecret', demoKeyPairId);
    await server.close();
  });

  it('shows a drifted gateway clock and a nearly used quota as warnings in the panel', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(signedRequest(url));
    await send(document);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200);
    assert.equal(model.warnings.length, 2, model.warnings.join(' | '));
    assert.match(model.warnings[0], /^The local clock is (6 min 5\d|7 min [0-2]) s ahead of the gateway/);
    assert.match(model.warnings[1], /^The quota is nearly used up: 124\/125 used, 1 left/);
    await waitUntil(() => api.lastRendered()?.modelId === model.id, 15_000, 'the panel did not render the response');
  });
});

describe('Assertions (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let url: string;

  before(async () => {
    server = await startLocalServer((_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end('{"id":7}');
    });
    url = server.url;
  });

  after(async () => {
    await server.close();
  });

  it('checks ?? assertions after the response and puts the outcome in the panel model', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(
      `@want = 7\nGET ${url}/item\n?? status == 200\n?? body $.id == {{want}}\n?? body $.name exists\n`,
    );
    await send(document);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200);
    assert.deepEqual(
      model.assertions.map((assertion) => [assertion.line, assertion.text, assertion.passed]),
      [
        [3, 'status == 200', true],
        [4, 'body $.id == 7', true],
        [5, 'body $.name exists', false],
      ],
    );
    assert.equal(model.assertions[2].actual, '(none)');
    await waitUntil(() => api.lastRendered()?.modelId === model.id, 15_000, 'the panel did not render the response');
  });

  it("shows each request's last outcome as a lens after Send All, sums the run up, and drops the outcomes on an edit", async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(
      `### One\nGET ${url}/one\n?? body $.id == 7\n\n### Two\nGET ${url}/two\n?? body $.id == 8\n`,
    );
    await vscode.commands.executeCommand('gwhttp.sendAll', document.uri);
    assert.equal(api.lastRunSummary(), 'GW HTTP: 2 requests: 1 passed, 1 failed.');
    const outcomeTitles = async () => {
      const lenses =
        (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
      return lenses.map((lens) => lens.command?.title ?? '').filter((title) => /^[✔✘]/.test(title));
    };
    const titles =
      (await waitUntil(
        async () => {
          const found = await outcomeTitles();
          return found.length === 2 ? found : undefined;
        },
        10_000,
        'no outcome lenses',
      )) ?? [];
    assert.match(titles[0], /^✔ 200 OK · 1\/1 check · \d+ ms$/);
    assert.match(titles[1], /^✘ 200 OK · 0\/1 check · \d+ ms$/);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# edited\n'));
    assert.deepEqual(await outcomeTitles(), [], 'outcomes of the old text are dropped');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('Confirmation before sending (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let url: string;
  let received: string[];

  before(async () => {
    received = [];
    server = await startLocalServer((request, response) => {
      received.push(request.url ?? '');
      response.end('{}');
    });
    url = server.url;
  });

  after(async () => {
    await server.close();
  });

  it('asks before sending a request marked # @note, and sends only when confirmed', async () => {
    const document = await openTempGwhttp(
      `### Delete orders\n# @note This deletes real orders\nDELETE ${url}/orders\n`,
    );
    const declined = answerConfirmation(undefined);
    try {
      await send(document);
    } finally {
      declined.restore();
    }
    assert.deepEqual(declined.asked, [
      { message: 'GW HTTP: send this request?', detail: 'Delete orders (line 3): This deletes real orders' },
    ]);
    assert.deepEqual(received, [], 'nothing is sent when the user says no');
    const accepted = answerConfirmation('Send');
    try {
      await send(document);
    } finally {
      accepted.restore();
    }
    assert.equal(accepted.asked.length, 1);
    assert.deepEqual(received, ['/orders']);
  });
});

describe('Hostile responses (extension host)', function () {
  this.timeout(60_000);
  let server: LocalServer;
  let baseUrl: string;

  before(async () => {
    server = await startLocalServer((_req, res) => {
      res.setHeader("X-Evil'Name", '"><script>window.pwned=1</script>');
      res.setHeader('X-Link', '<a href="javascript:alert(1)">x</a></style>');
      res.setHeader('Content-Type', 'text/html');
      res.end(
        '<html><head><style></style></head><body><script>window.pwned=1</script><a href="javascript:alert(1)">x</a></style><img src=x onerror="window.pwned=2"></body></html>',
      );
    });
    baseUrl = server.url;
  });

  after(() => server.close());

  it('shows hostile bodies and headers as text and the page still renders', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(`GET ${baseUrl}/evil\n`);
    await send(document);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200);
    assert.ok(model.body.kind === 'text' && model.body.language === 'html' && model.body.raw.includes('<script>'));
    assert.ok(model.headers.some((header) => header.name === "X-Evil'Name"));
    await waitUntil(
      () => api.lastRendered()?.modelId === model.id,
      15_000,
      'the webview did not render the hostile response',
    );
    assert.equal(api.lastRendered()?.statusText, '200 OK');
  });
});

describe('Large responses (extension host)', function () {
  this.timeout(120_000);
  let server: LocalServer;
  let baseUrl: string;
  const body = Buffer.from(
    JSON.stringify({
      items: Array.from({ length: 215_000 }, (_, i) => ({ id: i, name: `item-${i}`, tags: ['a', 'b'] })),
    }),
  );

  before(async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
      res.end(body);
    });
    baseUrl = server.url;
  });

  after(() => server.close());

  it('offers a ~10 MiB JSON body for an editor instead of rendering it, and measures the longest block', async () => {
    assert.ok(body.length > 9 * 1024 * 1024, `body is ${body.length} bytes`);
    const api = await gwhttpApi();
    const document = await openTempGwhttp(`GET ${baseUrl}/big\n`);
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    await send(document);
    const model = api.lastResponseModel();
    assert.ok(model);
    await waitUntil(
      () => api.lastRendered()?.modelId === model.id,
      15_000,
      'the webview did not render the large response',
    );
    histogram.disable();
    assert.equal(model.body.kind, 'tooLarge');
    assert.equal(model.size.bytes, body.length);
    assert.ok(JSON.stringify(model).length < 64 * 1024, 'the posted model carries the whole body');
    console.log(
      `    [measure] ${(body.length / 1048576).toFixed(1)} MiB JSON: longest event-loop block in the extension host ${(histogram.max / 1e6).toFixed(1)} ms (p99 ${(histogram.percentile(99) / 1e6).toFixed(1)} ms)`,
    );
  });
});

// VS Code's `http.proxy` setting reaches the core's HTTP client: a request goes through a loopback proxy.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import * as vscode from 'vscode';

import { gwhttpApi, openTempGwhttp } from './extensionTestUtils';

describe('Proxy from VS Code settings (extension host)', function () {
  this.timeout(60_000);
  const seen: string[] = [];
  let proxy: http.Server;

  before(async () => {
    await gwhttpApi();
    proxy = http.createServer((request, response) => {
      seen.push(request.url ?? '');
      response.setHeader('Content-Type', 'text/plain');
      response.end('answered by the proxy');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as AddressInfo).port;
    await vscode.workspace
      .getConfiguration('http')
      .update('proxy', `http://127.0.0.1:${port}`, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('http').update('proxy', undefined, vscode.ConfigurationTarget.Global);
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('sends through the proxy named by http.proxy', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp('GET http://gwhttp-proxy-test.invalid/orders?limit=1\n', 'proxied.gwhttp');
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200);
    assert.deepEqual(seen, ['http://gwhttp-proxy-test.invalid/orders?limit=1']);
  });
});

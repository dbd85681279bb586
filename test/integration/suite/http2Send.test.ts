// HTTP/2 from the editor: a request line's HTTP/2, the gwhttp.httpVersion setting, and a client
// certificate from gwhttp.clientCertificates, against HTTP/2 servers on 127.0.0.1.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { TLSSocket } from 'node:tls';

import * as vscode from 'vscode';

import { gwhttpApi, openTempGwhttp } from './extensionTestUtils';

const tls = path.resolve(__dirname, '../../../../test/fixtures/tls'); // out/test/integration/suite → repository root;
const fixture = (name: string) => fs.readFileSync(path.join(tls, name));

function bodyText(model: { body: { kind: string; raw?: string } } | undefined): string | undefined {
  return model?.body.kind === 'text' ? model.body.raw : undefined;
}

function listen(server: http2.Http2Server | http2.Http2SecureServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('HTTP/2 from the editor (extension host)', function () {
  this.timeout(60_000);
  const sessions = new Set<http2.ServerHttp2Session>();
  let plain: http2.Http2Server;
  let secure: http2.Http2SecureServer;
  let plainPort: number;
  let securePort: number;

  before(async () => {
    await gwhttpApi();
    const answer = (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders) => {
      const peer = (stream.session?.socket as TLSSocket | undefined)?.getPeerCertificate?.();
      stream.respond({ ':status': 200, 'content-type': 'text/plain' });
      stream.end(`h2 ${headers[':path']} ${peer?.subject?.CN ?? 'no certificate'}`);
    };
    plain = http2.createServer();
    plain.on('stream', answer);
    secure = http2.createSecureServer({
      key: fixture('server.key'),
      cert: fixture('server.crt'),
      ca: fixture('ca.crt'),
      allowHTTP1: false,
      requestCert: true,
      rejectUnauthorized: true,
    });
    secure.on('stream', answer);
    for (const server of [plain, secure]) server.on('session', (session) => sessions.add(session));
    plainPort = await listen(plain);
    securePort = await listen(secure);
  });

  after(async () => {
    const config = vscode.workspace.getConfiguration('gwhttp');
    await config.update('httpVersion', undefined, vscode.ConfigurationTarget.Global);
    await config.update('clientCertificates', undefined, vscode.ConfigurationTarget.Global);
    for (const session of sessions) session.destroy();
    await new Promise<void>((resolve) => plain.close(() => resolve()));
    await new Promise<void>((resolve) => secure.close(() => resolve()));
  });

  it('sends a request line ending in HTTP/2 over h2c; the panel says HTTP/2 and shows the pseudo-headers', async () => {
    const api = await gwhttpApi();
    const document = await openTempGwhttp(`GET http://127.0.0.1:${plainPort}/line HTTP/2\n`, 'h2line.gwhttp');
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200, JSON.stringify(model?.status));
    assert.equal(model?.httpVersion, '2');
    assert.equal(bodyText(model), 'h2 /line no certificate');
    assert.deepEqual(
      model?.request.headers.slice(0, 4).map((header) => header.name),
      [':method', ':path', ':authority', ':scheme'],
    );
  });

  it('sends over HTTP/2 with gwhttp.httpVersion "2", with the client certificate of gwhttp.clientCertificates', async () => {
    const api = await gwhttpApi();
    const config = vscode.workspace.getConfiguration('gwhttp');
    await config.update('httpVersion', '2', vscode.ConfigurationTarget.Global);
    await config.update(
      'clientCertificates',
      {
        '127.0.0.1': {
          cert: path.join(tls, 'client.crt'),
          key: path.join(tls, 'client-encrypted.key'),
          passphrase: 'gwhttp-test-pass',
        },
      },
      vscode.ConfigurationTarget.Global,
    );
    const document = await openTempGwhttp(
      `# @insecure\nGET https://127.0.0.1:${securePort}/setting\n`,
      'h2setting.gwhttp',
    );
    await vscode.commands.executeCommand('gwhttp.sendRequest', document.uri, 0);
    const model = api.lastResponseModel();
    assert.equal(model?.status.code, 200, JSON.stringify(model?.status));
    assert.equal(model?.httpVersion, '2');
    assert.equal(bodyText(model), 'h2 /setting gwhttp test client');
    assert.ok(!JSON.stringify(model).includes('gwhttp-test-pass'), 'the passphrase reached the view model');
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { TLSSocket } from 'node:tls';

import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { certificateEntryFor, readCertificateEntries } from '../../../src/core/certificates/clientCertificateConfig';
import { systemClock } from '../../../src/core/ports';
import { runRedactor } from '../../../src/core/redaction';
import type { RunContext } from '../../../src/core/run/runTypes';
import { secretEnvVarName } from '../../../src/core/secrets/secretEnvVarName';
import { tempDir } from '../http/loopback';
import { fixture, fixturePassphrase, type Http2Loopback, startHttp2, tlsFixtures } from '../http/tlsFixtures';
import { runText } from './runContext';

/** An https server that requires a client certificate signed by the test CA and answers with its CN. */
async function startMutualTls(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server = https.createServer(
    {
      key: fixture('server.key'),
      cert: fixture('server.crt'),
      ca: fixture('ca.crt'),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      seen.push(String(peer.subject?.CN));
      response.end(`hello ${peer.subject?.CN}`);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A folder with a gwhttp.env.json (an environment `test` with the given values) and the variables for a request file in it. */
function folderWithEnvironment(values: Record<string, unknown>, processEnv: Record<string, string> = {}) {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'gwhttp.env.json'), JSON.stringify({ test: values }, null, 2));
  for (const name of ['client.crt', 'client.key', 'client-encrypted.key', 'client.p12']) {
    fs.copyFileSync(path.join(tlsFixtures, name), path.join(dir, name));
  }
  const variables: RunContext['variables'] = {
    requestFile: path.join(dir, 'requests.gwhttp'),
    searchRoot: dir,
    environmentName: 'test',
    overrides: {},
    settingsEnvironments: {},
    processEnv,
    clock: systemClock,
    fileReader: nodeFileReader,
    mayReadWorkspaceFiles: true,
  };
  return { dir, variables };
}

describe('client certificates', () => {
  let server: { url: string; seen: string[]; close(): Promise<void> } | null = null;
  let h2: Http2Loopback | null = null;
  afterEach(async () => {
    await server?.close();
    await h2?.close();
    server = null;
    h2 = null;
  });

  it('sends the PEM certificate of "$clientCertificates", paths relative to the env file', async () => {
    server = await startMutualTls();
    const { variables } = folderWithEnvironment({
      $clientCertificates: { '127.0.0.1': { cert: 'client.crt', key: 'client.key' } },
    });
    const { results } = await runText(`# @insecure\nGET ${server.url}/pem\n`, null, {}, undefined, { variables });
    assert.equal(results[0].error, null, JSON.stringify(results[0].error));
    assert.equal(results[0].response?.bodyText, 'hello gwhttp test client');
  });

  it('sends a PFX whose passphrase comes from GWHTTP_SECRET_*, and masks it', async () => {
    server = await startMutualTls();
    const processEnv = { [secretEnvVarName('client-pfx')]: fixturePassphrase };
    const { variables } = folderWithEnvironment(
      { $clientCertificates: { [new URL(server.url).host]: { pfx: 'client.p12', passphraseSecret: 'client-pfx' } } },
      processEnv,
    );
    const redactor = runRedactor({});
    const { results } = await runText(`# @insecure\nGET ${server.url}/pfx\n`, null, processEnv, undefined, {
      variables,
      redactor,
    });
    assert.equal(results[0].error, null, JSON.stringify(results[0].error));
    assert.equal(results[0].response?.status, 200);
    assert.ok(
      !redactor.text(`pass ${fixturePassphrase}`).includes(fixturePassphrase),
      'the passphrase joins the redactor',
    );
  });

  it('an encrypted key with a wrong passphrase: a tls error at the request line, nothing sent, passphrase not printed', async () => {
    server = await startMutualTls();
    const wrong = 'wrong-passphrase-7f3a';
    const { variables } = folderWithEnvironment({
      $clientCertificates: { '127.0.0.1': { cert: 'client.crt', key: 'client-encrypted.key', passphrase: wrong } },
    });
    const { results } = await runText(`\n# @insecure\nGET ${server.url}/x\n`, null, {}, undefined, { variables });
    const error = results[0].error;
    assert.equal(error?.code, 'tls');
    assert.match(error?.message ?? '', /passphrase is wrong/);
    assert.equal(error?.location.line, 3);
    assert.ok(!JSON.stringify(results[0]).includes(wrong));
    assert.deepEqual(server.seen, []);
  });

  it('an encrypted key with no passphrase says so', async () => {
    server = await startMutualTls();
    const { variables } = folderWithEnvironment({
      $clientCertificates: { '127.0.0.1': { cert: 'client.crt', key: 'client-encrypted.key' } },
    });
    const { results } = await runText(`# @insecure\nGET ${server.url}/x\n`, null, {}, undefined, { variables });
    assert.match(results[0].error?.message ?? '', /encrypted and no passphrase/);
  });

  it('a passphrase secret nobody knows: missingSecret naming it', async () => {
    server = await startMutualTls();
    const { variables } = folderWithEnvironment({
      $clientCertificates: { '127.0.0.1': { pfx: 'client.p12', passphraseSecret: 'nobody-knows' } },
    });
    const { results } = await runText(`# @insecure\nGET ${server.url}/x\n`, null, {}, undefined, { variables });
    assert.equal(results[0].error?.code, 'missingSecret');
    assert.match(results[0].error?.hint ?? '', /GWHTTP_SECRET_nobody_knows/);
  });

  it('a missing certificate file: a file error naming the path, nothing sent', async () => {
    server = await startMutualTls();
    const { dir, variables } = folderWithEnvironment({
      $clientCertificates: { '127.0.0.1': { cert: 'missing.crt', key: 'client.key' } },
    });
    const { results } = await runText(`# @insecure\nGET ${server.url}/x\n`, null, {}, undefined, { variables });
    assert.equal(results[0].error?.code, 'file');
    assert.ok(results[0].error?.message.includes(path.join(dir, 'missing.crt')));
    assert.deepEqual(server.seen, []);
  });

  it('a server that requires a certificate and got none: a tls error hinting at "$clientCertificates"', async () => {
    server = await startMutualTls();
    const { results } = await runText(`# @insecure\nGET ${server.url}/x\n`, null);
    const error = results[0].error;
    assert.ok(error?.code === 'tls' || error?.code === 'network', JSON.stringify(error));
    assert.match(error?.hint ?? '', /client certificate/, JSON.stringify(error));
  });

  it('a certificate the server does not trust: a tls error hinting at its issuer', async () => {
    server = await startMutualTls();
    const { results } = await runText(`# @insecure\nGET ${server.url}/x\n`, null, {}, undefined, {
      clientCertificates: {
        entries: { '127.0.0.1': { cert: 'stranger.crt', key: 'stranger.key' } },
        baseFolder: tlsFixtures,
      },
    });
    const error = results[0].error;
    // TLS 1.3: the server's alert may arrive after the request went out, as a reset.
    assert.ok(error?.code === 'tls' || error?.code === 'network', JSON.stringify(error));
    assert.match(error?.hint ?? '', /issuer/, JSON.stringify(error));
  });

  it('sends the certificate of the gwhttp.clientCertificates setting over HTTP/2 (paths relative to the workspace)', async () => {
    h2 = await startHttp2(
      (stream) => {
        const peer = (stream.session?.socket as TLSSocket).getPeerCertificate();
        stream.respond({ ':status': 200 });
        stream.end(`h2 ${peer.subject?.CN}`);
      },
      { requestCert: true },
    );
    const { results } = await runText(`# @insecure\nGET ${h2.url}/x HTTP/2\n`, null, {}, undefined, {
      clientCertificates: {
        entries: { '127.0.0.1': { cert: 'client.crt', key: 'client-encrypted.key', passphrase: fixturePassphrase } },
        baseFolder: tlsFixtures,
      },
    });
    assert.equal(results[0].error, null, JSON.stringify(results[0].error));
    assert.equal(results[0].response?.httpVersion, '2');
    assert.equal(results[0].response?.bodyText, 'h2 gwhttp test client');
  });

  it('picks host:port, then host, then the longest wildcard; only for https', () => {
    const entries = readCertificateEntries(
      {
        'api.example.com:8443': { pfx: 'port.p12' },
        'api.example.com': { pfx: 'host.p12' },
        '*.example.com': { pfx: 'wild.p12' },
        '*.deep.example.com': { pfx: 'deep.p12' },
      },
      null,
      'test',
    );
    const pick = (url: string) => certificateEntryFor(entries, new URL(url))?.pfx ?? null;
    assert.equal(pick('https://api.example.com:8443/'), 'port.p12');
    assert.equal(pick('https://api.example.com/'), 'host.p12');
    assert.equal(pick('https://other.example.com/'), 'wild.p12');
    assert.equal(pick('https://a.deep.example.com/'), 'deep.p12');
    assert.equal(pick('https://example.com/'), null);
    assert.equal(pick('http://api.example.com/'), null);
  });

  it('refuses an entry without cert and key or pfx', () => {
    assert.throws(
      () => readCertificateEntries({ 'a.com': { cert: 'x.crt' } }, null, 'gwhttp.env.json'),
      /needs "cert" and "key"/,
    );
  });
});

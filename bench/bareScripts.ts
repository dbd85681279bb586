/**
 * The baselines of the send benchmark as scripts of their own, run as whole Node processes beside the
 * `gwhttp send` process: the same 200 requests with the same Tencent key-pair signing (X-Date,
 * hmac-sha1) written by hand, over a keep-alive agent, each printing what it received as JSON.
 */
import { findPackage } from './benchPaths';

export interface BareScriptInput {
  url: string;
  count: number;
  keyId: string;
  secret: string;
}

/** What both scripts share: the signing, and printing the results at the end. */
function signing(input: BareScriptInput): string {
  return `const crypto = require('node:crypto');
const http = require('node:http');
const sign = (date) => 'hmac id="${input.keyId}", algorithm="hmac-sha1", headers="x-date", signature="' +
  crypto.createHmac('sha1', ${JSON.stringify(input.secret)}).update('x-date: ' + date).digest('base64') + '"';
`;
}

/**
 * node-fetch, as gwhttp sends (the floor for gwhttp's own client). With `nodeUrl`, node-fetch gets
 * Node's own URL classes in place of the whatwg-url package, as gwhttp's bundles give it (esbuild.mjs):
 * the same client without whatwg-url's load time, so the difference to the node:http script is
 * node-fetch's own cost per request.
 */
export function bareFetchScript(input: BareScriptInput, nodeUrl = false): string {
  const shim = nodeUrl
    ? `const whatwgUrl = require.resolve('whatwg-url', { paths: [${JSON.stringify(findPackage('node-fetch'))}] });
require.cache[whatwgUrl] = { id: whatwgUrl, filename: whatwgUrl, loaded: true, exports: { URL, URLSearchParams } };
`
    : '';
  return `${signing(input)}${shim}const fetch = require(${JSON.stringify(findPackage('node-fetch'))});
(async () => {
  const agent = new http.Agent({ keepAlive: true });
  const results = [];
  for (let i = 0; i < ${input.count}; i++) {
    const date = new Date().toUTCString();
    const response = await fetch(${JSON.stringify(input.url)} + '/orders/' + i,
      { agent, headers: { Accept: 'application/json', 'X-Date': date, Authorization: sign(date) } });
    results.push({ status: response.status, body: await response.text() });
  }
  process.stdout.write(JSON.stringify(results));
  agent.destroy();
})();
`;
}

/** \`node:http\` alone (issue 10's floor): no client library at all. */
export function bareHttpScript(input: BareScriptInput): string {
  const { hostname, port } = new URL(input.url);
  return `${signing(input)}const agent = new http.Agent({ keepAlive: true });
const get = (path, headers) => new Promise((resolve, reject) => {
  const request = http.request({ host: ${JSON.stringify(hostname)}, port: ${port}, path, agent, headers }, (response) => {
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString() }));
    response.on('error', reject);
  });
  request.on('error', reject);
  request.end();
});
(async () => {
  const results = [];
  for (let i = 0; i < ${input.count}; i++) {
    const date = new Date().toUTCString();
    results.push(await get('/orders/' + i, { Accept: 'application/json', 'X-Date': date, Authorization: sign(date) }));
  }
  process.stdout.write(JSON.stringify(results));
  agent.destroy();
})();
`;
}

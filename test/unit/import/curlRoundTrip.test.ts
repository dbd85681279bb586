/**
 * The round trip: a cURL command run by curl itself and the same command imported and sent through
 * the core's send path reach the same loopback server with the same method, URL, headers and body.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { importCurl } from '../../../src/core/import/curl/importCurl';
import { renderRequestFile } from '../../../src/core/import/renderRequestFile';
import { headerNames, type Loopback, type Received, startLoopback, tempDir } from '../http/loopback';
import { runText } from '../run/runContext';
import { fixtures } from './golden';

/** Headers each client adds of its own accord: compared only when the command sets them. */
const clientHeaders = new Set(['host', 'user-agent', 'accept', 'accept-encoding', 'connection']);

interface Arrival {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

/** What arrived, with the multipart boundary of each client replaced by one placeholder. */
function arrival(received: Received, namedByCommand: Set<string>): Arrival {
  const pairs: [string, string][] = [];
  headerNames(received.rawHeaders).forEach((name, i) => {
    const lower = name.toLowerCase();
    if (!clientHeaders.has(lower) || namedByCommand.has(lower)) pairs.push([lower, received.rawHeaders[2 * i + 1]]);
  });
  const boundary = /boundary=([^;\s]+)/.exec(pairs.find(([n]) => n === 'content-type')?.[1] ?? '')?.[1];
  // A request file cannot end a body with a line end, so the CRLF curl writes after the closing
  // delimiter (optional in RFC 2046) is not sent; the length differs with the boundary's.
  const unify = (text: string) =>
    boundary
      ? text
          .split(boundary)
          .join('BOUNDARY')
          .replace(/--BOUNDARY--\r\n$/, '--BOUNDARY--')
      : text;
  return {
    method: received.method,
    url: received.url,
    headers: pairs
      .filter(([n]) => !(boundary && n === 'content-length'))
      .map(([n, v]) => [n, unify(v)] as [string, string])
      .sort((a, b) => a[0].localeCompare(b[0])),
    body: unify(received.body.toString('utf8')),
  };
}

/** Runs the command with the real curl binary (through bash, so its quoting is bash's). */
async function runCurl(command: string, cwd: string): Promise<void> {
  await promisify(execFile)('bash', ['-c', `${command} -s -o /dev/null`], { cwd, timeout: 15000 });
}

describe('import curl: round trip against curl itself', function () {
  this.timeout(30000);
  let server: Loopback;
  let dir: string;
  before(function () {
    try {
      execFileSync('curl', ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error('curl is not installed: apt-get install -y curl');
    }
  });
  beforeEach(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'first line\nsecond line\n');
    server = await startLoopback((_request, response) => response.end('ok'));
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const commands: [string, (base: string, dir: string) => string][] = [
    [
      'a browser POST with JSON, cookies and a query',
      (b) =>
        `curl '${b}/v1/orders?page=2&sort=-date' -H 'accept: application/json' -H 'content-type: application/json' -b 'session=abc123; theme=dark' --data-raw '{"sku":"A-1","qty":2}'`,
    ],
    [
      "continued lines and a $'…' string",
      (b) => `curl '${b}/notes' \\\n  -H 'x-note: it'"'"'s' \\\n  --data-raw $'line one\\nline two caf\\u00e9'`,
    ],
    [
      'several -d joined with &, a user agent and a referer',
      (b) => `curl ${b}/login -d user=alice -d 'remember=on' -A 'gwhttp-test/1' -e https://example.com/`,
    ],
    [
      '--data-urlencode in its forms',
      (b) => `curl ${b}/search --data-urlencode 'q=a b&c/é' --data-urlencode '=x y' --data-urlencode 'plain text!'`,
    ],
    ['-G moves the data into the query', (b) => `curl -G ${b}/find -d 'name=bob' --data-urlencode 'city=New York'`],
    [
      '-X PUT with --data-binary and Basic auth',
      (b) => `curl -X PUT ${b}/items/7 -u alice:s3cret --data-binary '{"a":[1,2]}' -H 'Content-Type: application/json'`,
    ],
    ['--json', (b) => `curl --json '{"ping":true}' ${b}/json`],
    ['-I sends HEAD', (b) => `curl -I ${b}/head`],
    ['multipart -F with a field and a file', (b, d) => `curl -F 'title=Notes' -F 'file=@${d}/notes.txt' ${b}/upload`],
    ['a -d @file body', (b, d) => `curl --data-binary @${d}/notes.txt -H 'Content-Type: text/plain' ${b}/raw`],
  ];
  for (const fixture of ['chrome-post-json', 'chrome-ansi-c-string', 'firefox-form-post']) {
    const text = fs.readFileSync(path.join(fixtures, 'curl', `${fixture}.curl`), 'utf8');
    commands.push([
      `the fixture ${fixture}.curl, sent to the loopback server`,
      (b) => text.trim().replace(/https?:\/\/[^/'"\s]+/, b),
    ]);
  }
  for (const [title, make] of commands) {
    it(title, async () => {
      const command = make(server.url, dir);
      await runCurl(command, dir);
      const byCurl = server.received[0];
      const result = importCurl(command, 'roundtrip.gwhttp');
      const request = result.files[0].requests[0];
      const named = new Set(request.headers.map((h) => h.name.toLowerCase()));
      const { results } = await runText(renderRequestFile(result.files[0]), [0]);
      assert.equal(results[0].error, null, results[0].error?.message);
      const byGwhttp = server.received[1];
      assert.ok(byCurl && byGwhttp, 'both requests arrived');
      assert.deepEqual(arrival(byGwhttp, named), arrival(byCurl, named));
    });
  }
});

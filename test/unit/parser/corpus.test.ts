/**
 * The real-world `.http` corpora (copied from ../shared/corpus/http and ../shared/corpus/http2 into
 * test/fixtures/corpus and test/fixtures/corpus-http2; test data only, see MANIFEST.tsv): every file
 * parses without a crash and holds the output invariants, no request that the .http dialects (REST
 * Client, JetBrains, httpYac) read alike gets an error, and representative requests come out as they do.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ParsedDocument } from '../../../src/core/model/document';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { checkInvariants } from './checkInvariants';
import { dialectSpecificRequests } from './dialectSpecificRequests';

const corpusDir = path.resolve(__dirname, '../../fixtures/corpus');
const files = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.http'))
  .sort();

function parseCorpus(prefix: string): ParsedDocument {
  const file = files.find((f) => f.startsWith(prefix));
  assert.ok(file, `no corpus file ${prefix}*`);
  return parseDocument(readFileSync(path.join(corpusDir, file), 'utf8'));
}

const corpora = { http: corpusDir, http2: path.resolve(__dirname, '../../fixtures/corpus-http2') };

describe('parser: both corpora, no error on a request the dialects agree on', () => {
  for (const [corpus, dir] of Object.entries(corpora)) {
    for (const file of readdirSync(dir).filter((f) => /\.(http|rest)$/.test(f))) {
      it(`${corpus}/${file}`, () => {
        const text = readFileSync(path.join(dir, file), 'utf8');
        const document = parseDocument(text);
        checkInvariants(text, document);
        const allowed = dialectSpecificRequests[`${corpus}/${file}`]?.requests ?? [];
        const erring = document.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => [...document.requests].reverse().find((r) => r.regionStartLine <= d.line)?.line ?? 0);
        assert.deepEqual(
          [...new Set(erring)].sort((a, b) => a - b),
          allowed,
        );
      });
    }
  }

  it('has 67 files in the second corpus', () => {
    assert.equal(readdirSync(corpora.http2).filter((f) => /\.(http|rest)$/.test(f)).length, 67);
  });
});

describe('parser: the .http corpus', () => {
  it('has the 51 corpus files', () => {
    assert.equal(files.length, 51);
  });

  for (const file of files) {
    it(`parses ${file} without a crash and holds the invariants`, () => {
      const text = readFileSync(path.join(corpusDir, file), 'utf8');
      const document = parseDocument(text);
      checkInvariants(text, document);
      assert.ok(document.requests.length > 0, 'every corpus file holds at least one request');
    });
  }

  it('reads a JSON POST with file variables and ### titles (dotnet TodoApi)', () => {
    const document = parseCorpus('08-');
    assert.deepEqual(
      document.variables.slice(0, 2).map((v) => [v.name, v.value, v.line]),
      [
        ['TodoApi_HostAddress', 'http://localhost:5000', 1],
        ['password', '<put a password here>', 4],
      ],
    );
    const [register] = document.requests;
    assert.equal(register.title, 'Create a user');
    assert.equal(register.method, 'POST');
    assert.equal(register.url, '{{TodoApi_HostAddress}}/users/register');
    assert.deepEqual(
      register.headers.map((h) => [h.name, h.value, h.line]),
      [['Content-Type', 'application/json', 7]],
    );
    assert.equal(register.body, '{\n    "email": "myuser@contoso.com",\n    "password": "{{password}}"\n}');
    assert.deepEqual(register.bodyRange, { startLine: 9, endLine: 12 });
    assert.equal(document.requests.length, 5);
  });

  it('reads a file with a BOM, comments and a form body (CleanArchitecture Web.http)', () => {
    const document = parseCorpus('03-');
    assert.deepEqual(document.variables[0], { name: 'Web_HostAddress', value: 'https://localhost:5001', line: 2 });
    const [login, post] = document.requests;
    assert.equal(login.method, 'GET');
    assert.equal(login.url, '{{Web_HostAddress}}/Identity/Account/Login');
    assert.equal(login.line, 8);
    assert.equal(post.method, 'POST');
    assert.deepEqual(
      post.headers.map((h) => h.name),
      ['Content-Type'],
    );
    assert.equal(
      post.body,
      'Input.Email={{Email}}&Input.Password={{Password}}&__RequestVerificationToken={{RequestVerificationToken}}',
    );
  });

  it('reads a CRLF file without carriage returns in the values (REST Client aadToken)', () => {
    const document = parseCorpus('25-');
    const [first] = document.requests;
    assert.equal(first.method, 'GET');
    assert.equal(first.url, '{{arm}}/tenants?api-version=2017-08-01');
    assert.deepEqual(
      first.headers.map((h) => [h.name, h.value]),
      [['Authorization', '{{$aadToken}}']],
    );
    assert.ok(document.variables.every((v) => !v.value.includes('\r')));
    assert.deepEqual(document.variables[0], { name: 'arm', value: 'https://management.azure.com', line: 1 });
  });

  it('reads text, JSON, form, file and multipart bodies (ktor post.http)', () => {
    const document = parseCorpus('14-');
    assert.deepEqual(
      document.requests.map((r) => r.url),
      [
        'http://0.0.0.0:8080/text',
        'http://0.0.0.0:8080/json',
        'http://localhost:8080/urlencoded',
        'http://localhost:8080/raw',
        'http://localhost:8080/multipart',
      ],
    );
    assert.equal(document.requests[0].body, 'Hello, world!');
    assert.equal(document.requests[1].body, '{\n  "type": "Fiat",\n  "model" : "500",\n  "color": "white"\n}');
    assert.equal(document.requests[3].body, '< ./ktor_logo.png');
    const multipart = document.requests[4].body ?? '';
    assert.ok(multipart.startsWith('--WebAppBoundary\r\nContent-Disposition: form-data; name="description"\r\n'));
    assert.ok(multipart.endsWith('\r\n< ./ktor_logo.png\r\n--WebAppBoundary--'));
    assert.ok(!multipart.replace(/\r\n/g, '').includes('\n'), 'multipart lines are joined with CRLF only');
    assert.deepEqual(document.diagnostics, []);
  });

  it('reads HTTP/1.1 request lines and lowercase header names (fullstack create_note)', () => {
    const document = parseCorpus('31-');
    const [request] = document.requests;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, 'http://localhost:3001/api/notes');
    assert.deepEqual(
      request.headers.map((h) => [h.name, h.value]),
      [['content-type', 'application/json']],
    );
    assert.equal(
      request.body,
      '{\n    "content": "do not forget to set the right content type",\n    "important": true\n}',
    );
  });

  it("skips JetBrains' pre-request script file '< script.js' before the request line (kulala advanced.http)", () => {
    const document = parseCorpus('29-');
    const request = document.requests.find((r) => r.line === 316);
    assert.equal(request?.method, 'POST');
    assert.equal(request?.url, 'https://httpbin.org/post?key1=value1');
    assert.equal(request?.body, '{\n  "foobar": "lul"\n}');
    assert.ok(document.diagnostics.some((d) => d.line === 314 && d.code === 'unsupported-script'));
  });

  it('keeps comment lines above a request out of it (micronaut requests.http)', () => {
    const document = parseCorpus('38-');
    const [first] = document.requests;
    assert.equal(first.line, 2);
    assert.equal(first.url, 'http://localhost:8900/bank/account');
    assert.equal(first.body, '{\n  "userId": 1,\n  "balance": 100.00\n}');
  });
});

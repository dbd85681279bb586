import assert from 'node:assert/strict';

import { type GwParsedRequest, parseDocument } from '../../../src/core/parser/parseDocument';
import { requestedHttpVersion } from '../../../src/core/run/transportStep';

describe('parser: the HTTP version on the request line', () => {
  it('keeps HTTP/2, HTTP/2.0 and HTTP/1.1 off the URL and on the request', () => {
    const document = parseDocument(
      'GET https://a.example/x HTTP/2\n\n###\nPOST https://a.example/y   HTTP/2.0\n\n###\nGET https://a.example/z HTTP/1.1\n\n###\nGET https://a.example/w\n',
    );
    assert.deepEqual(
      document.requests.map((request) => [request.url, (request as GwParsedRequest).httpVersion]),
      [
        ['https://a.example/x', 'HTTP/2'],
        ['https://a.example/y', 'HTTP/2.0'],
        ['https://a.example/z', 'HTTP/1.1'],
        ['https://a.example/w', null],
      ],
    );
    assert.deepEqual(document.diagnostics, []);
    assert.deepEqual(
      document.requests.map((request) => requestedHttpVersion(request, '1.1')),
      ['2', '2', '1.1', '1.1'],
    );
    assert.equal(requestedHttpVersion(document.requests[2], '2'), '1.1', 'the line wins over --http2');
    assert.equal(requestedHttpVersion(document.requests[3], '2'), '2');
  });

  it('warns that HTTP/3 is not sent, and sends it over HTTP/1.1', () => {
    const document = parseDocument('GET https://a.example/x HTTP/3\n');
    assert.equal(document.requests[0].url, 'https://a.example/x');
    assert.deepEqual(
      document.diagnostics.map((diagnostic) => diagnostic.code),
      ['unsupported-http-version'],
    );
    assert.equal(requestedHttpVersion(document.requests[0], '1.1'), '1.1');
  });
});

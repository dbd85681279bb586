import assert from 'node:assert/strict';

import { checkRendered } from '../../../src/core/import/checkRendered';
import { curlAsText, importCurl } from '../../../src/core/import/curl/importCurl';

function only(command: string) {
  const result = importCurl(command, 'x.gwhttp');
  return { request: result.files[0].requests[0], warnings: result.warnings };
}

describe('import curl: options', () => {
  it('reads short-option clusters and attached values as curl does', () => {
    const { request } = only('curl -sSLkXPUT -HX-A:1 -d@body.json -m3 localhost:8080/a');
    assert.equal(request.method, 'PUT');
    assert.equal(request.url, 'http://localhost:8080/a', 'a scheme-less URL gets http:// as with curl');
    assert.deepEqual(request.headers, [
      { name: 'X-A', value: '1' },
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    ]);
    assert.equal(request.body, '< body.json');
    assert.deepEqual(request.directives, [
      { name: 'insecure', value: '' },
      { name: 'timeout', value: '3000' },
    ]);
  });
  it('--url, -I, -G, --compressed, -A and -e', () => {
    assert.equal(only('curl -I --url https://x.test/h').request.method, 'HEAD');
    const get = only('curl -G https://x.test/s?a=1 -d b=2 --compressed -A agent/1 -e https://r.test/').request;
    assert.equal(get.method, 'GET');
    assert.equal(get.url, 'https://x.test/s?a=1&b=2');
    assert.equal(get.body, null);
    assert.deepEqual(get.headers, [
      { name: 'User-Agent', value: 'agent/1' },
      { name: 'Referer', value: 'https://r.test/' },
      { name: 'Accept-Encoding', value: 'gzip, deflate, br' },
    ]);
  });
  it("-H 'X;' sends an empty header, -H 'X:' (curl's removal of its own header) is left out with a warning", () => {
    const { request, warnings } = only("curl -H 'X-Empty;' -H 'Accept:' https://x.test/");
    assert.deepEqual(request.headers, [{ name: 'X-Empty', value: '' }]);
    assert.match(warnings[0].message, /"Accept:" removes one of curl's own headers/);
  });
  it('warns about a cookie file, a second URL and options a request file cannot hold', () => {
    const { warnings } = only('curl -b cookies.txt --proxy http://p:3128 https://x.test/a https://x.test/b');
    const text = warnings.map((w) => `${w.where}: ${w.message}`).join('\n');
    assert.match(text, /-b cookies\.txt: A cookie file is not read/);
    assert.match(text, /https:\/\/x\.test\/b: curl would also fetch this URL/);
    assert.match(text, /--proxy is not carried into the request file/);
  });
  it('--aws-sigv4 with -u becomes # @sign aws-sigv4 and the secret is not written', () => {
    const { request, warnings } = only(
      'curl --aws-sigv4 aws:amz:eu-central-1:s3 -u AKIAEXAMPLE:wJalrSECRETkey123 https://b.s3.eu-central-1.amazonaws.com/k',
    );
    assert.deepEqual(request.directives, [
      { name: 'sign', value: 'aws-sigv4 id=AKIAEXAMPLE region=eu-central-1 service=s3' },
    ]);
    assert.deepEqual(request.headers, []);
    assert.ok(!JSON.stringify({ request, warnings }).includes('wJalrSECRETkey123'));
  });
  it('-u without a password is "user:" as curl sends it', () => {
    assert.deepEqual(only('curl -u alice https://x.test/').request.headers, [
      { name: 'Authorization', value: `Basic ${Buffer.from('alice:').toString('base64')}` },
    ]);
  });
  it('a command without a URL, or text without curl, is a clear error', () => {
    assert.throws(
      () => importCurl('curl -H "a: b"', 'x.gwhttp'),
      /No curl command with a URL found in the cURL text\. This curl command has no URL/,
    );
    assert.throws(() => importCurl('wget https://x.test/', 'x.gwhttp'), /This is not a curl command/);
    assert.throws(
      () => importCurl('', 'x.gwhttp'),
      (e: Error & { hint?: string }) => /Paste a command that starts with curl/.test(e.hint ?? ''),
    );
  });
  it('a body that would not read back as sent is a warning, not a silent change', () => {
    const converted = curlAsText("curl https://x.test/ --data-raw $'a\\n###\\nb'");
    assert.ok(
      converted.warnings.some((w) => /the body reads back differently/.test(w.message)),
      JSON.stringify(converted.warnings),
    );
    const trailing = importCurl("curl https://x.test/ --data-raw $'a\\n'", 'x.gwhttp');
    const file = trailing.files[0];
    assert.match(
      checkRendered(file, `###\nPOST https://x.test/\nContent-Type: application/x-www-form-urlencoded\n\na\n`)[0]
        .message,
      /line end at the end of the body/,
    );
  });
  it('warnings never repeat a credential', () => {
    const { warnings } = only(`curl -H 'Bearer tok3nSECRET' -u "$USER:hunter22pass" https://x.test/`);
    const text = JSON.stringify(warnings);
    assert.ok(!text.includes('tok3nSECRET') && !text.includes('hunter22pass'), text);
  });
});

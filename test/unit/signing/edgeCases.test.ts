import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';

import { GwHttpError } from '../../../src/core/errors';
import { createSigningPlan } from '../../../src/core/signing/createSigningPlan';
import { compareCodePoints } from '../../../src/core/signing/requestTarget';
import { hmacBase64 } from '../../../src/core/signing/signingAlgorithm';
import { signRequest } from '../../../src/core/signing/signRequest';
import { tencentPathAndParameters } from '../../../src/core/signing/tencentPathAndParameters';
import { fixedClock, header, names, outgoing } from './signingTestKit';

const clock = fixedClock('2025-04-01T08:00:00Z');
const date = 'Tue, 01 Apr 2025 08:00:00 GMT';

describe('signing edge cases (signing.md §9)', () => {
  it('E1: list order is signing order (key pair, Kong, APISIX, cavage); app auth sorts and emits headers= sorted', () => {
    const request = outgoing('GET', 'https://e.com/x', [['Source', 's']]);
    const forward = signRequest(
      request,
      createSigningPlan('tencent-keypair', 'AKIDx', { signedHeaders: ['source', 'x-date'] }),
      'k',
      clock,
    ).signing;
    assert.equal(forward.signingString, `source: s\nx-date: ${date}`);
    const app = signRequest(
      request,
      createSigningPlan('tencent-app', 'APIDx', { signedHeaders: ['x-date', 'source'] }),
      'k',
      clock,
    ).signing;
    assert.deepEqual(app.signedHeaders, ['source', 'x-date']);
    assert.match(app.authorization, /headers="source x-date"/);
  });

  it('E2: a name listed twice is signed once; a repeated signed header is refused', () => {
    assert.deepEqual(
      createSigningPlan('kong', 'a', { signedHeaders: ['date', 'Date', 'request-line'] }).signedHeaders,
      ['date', 'request-line'],
    );
    assert.throws(
      () =>
        signRequest(
          outgoing('GET', 'https://e.com/', [
            ['X-A', '1'],
            ['x-a', '2'],
          ]),
          createSigningPlan('cavage', 'k', { signedHeaders: ['date', 'x-a'] }),
          's',
          clock,
        ),
      GwHttpError,
    );
  });

  it('E3: a signed header absent from the request fails early for every scheme', () => {
    for (const scheme of ['tencent-keypair', 'tencent-app', 'kong', 'apisix', 'apisix-legacy', 'cavage'] as const) {
      const plan = createSigningPlan(scheme, 'k1', { signedHeaders: ['date', 'x-date', 'x-absent'] });
      assert.throws(
        () => signRequest(outgoing('GET', 'https://e.com/', []), plan, 's', clock),
        /"x-absent" is not in the request/,
        scheme,
      );
    }
  });

  it('E4: app auth signs decoded UTF-8 query values and sends them percent-encoded', () => {
    const { request, signing } = signRequest(
      outgoing('GET', 'https://e.com/release/items?name=张三', [['Accept', 'application/json']]),
      createSigningPlan('tencent-app', 'APIDx'),
      'k',
      clock,
    );
    assert.equal(request.url, 'https://e.com/release/items?name=%E5%BC%A0%E4%B8%89');
    assert.match(signing.signingString, /\n\/items\?name=张三$/);
  });

  it('E5: empty body — no Content-MD5 (stale one removed), empty Content-Type line; Kong digest of the empty body', () => {
    const { request, signing } = signRequest(
      outgoing('GET', 'https://e.com/x', [
        ['Content-MD5', 'stale'],
        ['Accept', 'application/json'],
      ]),
      createSigningPlan('tencent-app', 'APIDx'),
      'k',
      clock,
    );
    assert.equal(header(request.headers, 'Content-MD5'), undefined);
    assert.equal(signing.signingString, `x-date: ${date}\nGET\napplication/json\n\n\n/x`);
    const kong = signRequest(
      outgoing('GET', 'https://e.com/x', []),
      createSigningPlan('kong', 'a', { bodyDigest: true }),
      'k',
      clock,
    ).request;
    assert.equal(header(kong.headers, 'Digest'), 'SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('E6/E7: Kong signs the raw target as sent, keeping order, repeated keys and a bare trailing ?', () => {
    const { request, signing } = signRequest(
      outgoing('GET', 'https://e.com/x?b=2&b=1&flag?', []),
      createSigningPlan('kong', 'a'),
      'k',
      clock,
    );
    assert.equal(request.url, 'https://e.com/x?b=2&b=1&flag?');
    assert.equal(signing.signingString, `date: ${date}\nGET /x?b=2&b=1&flag? HTTP/1.1`);
    const bare = signRequest(
      outgoing('GET', 'https://e.com/x?', []),
      createSigningPlan('kong', 'a', { signedHeaders: ['date', '@request-target'] }),
      'k',
      clock,
    );
    assert.equal(bare.request.url, 'https://e.com/x?');
    assert.match(bare.signing.signingString, /@request-target: get \/x\?$/);
  });

  it('E8: a form body (charset parameter ignored) is merged into the parameters; other bodies get Content-MD5 over the exact bytes', () => {
    const form = signRequest(
      outgoing(
        'POST',
        'https://e.com/release/f?z=1',
        [
          ['Accept', 'a'],
          ['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8'],
        ],
        'b=x+y&a=%E5%BC%A0',
      ),
      createSigningPlan('tencent-app', 'APIDx'),
      'k',
      clock,
    );
    assert.equal(header(form.request.headers, 'Content-MD5'), undefined);
    assert.match(form.signing.signingString, /\n\n\/f\?a=张&b=x y&z=1$/);
    const body = '--b\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n--b--\r\n';
    const multipart = signRequest(
      outgoing(
        'POST',
        'https://e.com/m',
        [
          ['Accept', 'a'],
          ['Content-Type', 'multipart/form-data; boundary=b'],
        ],
        body,
      ),
      createSigningPlan('tencent-app', 'APIDx'),
      'k',
      clock,
    );
    const hex = createHash('md5').update(body).digest('hex');
    assert.equal(header(multipart.request.headers, 'Content-MD5'), Buffer.from(hex).toString('base64'));
  });

  it('E9: the date comes from the injected clock at signing time; a later hop is re-signed with its own time', () => {
    const plan = createSigningPlan('tencent-keypair', 'AKIDx');
    const first = signRequest(outgoing('GET', 'https://e.com/', []), plan, 'k', fixedClock('2025-04-01T08:00:00Z'));
    const second = signRequest(first.request, plan, 'k', fixedClock('2025-04-01T08:14:59Z'));
    assert.equal(header(second.request.headers, 'X-Date'), 'Tue, 01 Apr 2025 08:14:59 GMT');
    assert.deepEqual(names(second.request.headers), ['X-Date', 'Authorization']);
  });

  it('E10: Content-MD5 is Base64 of the 32-character lower-case hex MD5, also when the hex starts with 0', () => {
    let body = '';
    for (let index = 0; !createHash('md5').update(body).digest('hex').startsWith('0'); index += 1) {
      body = `body-${index}`;
    }
    const { request } = signRequest(
      outgoing('POST', 'https://e.com/', [['Accept', 'a']], body),
      createSigningPlan('tencent-app', 'APIDx'),
      'k',
      clock,
    );
    const decoded = Buffer.from(header(request.headers, 'Content-MD5') ?? '', 'base64').toString('utf8');
    assert.match(decoded, /^0[0-9a-f]{31}$/);
  });

  it('E11: trailing newline only for the APISIX formats; never CRLF in a signing string', () => {
    const request = outgoing('GET', 'https://e.com/x', []);
    const ends = (scheme: 'tencent-keypair' | 'kong' | 'cavage' | 'apisix' | 'apisix-legacy') =>
      signRequest(request, createSigningPlan(scheme, 'k1'), 's', clock).signing.signingString;
    for (const scheme of ['tencent-keypair', 'kong', 'cavage'] as const) {
      assert.ok(!ends(scheme).endsWith('\n'), scheme);
    }
    for (const scheme of ['apisix', 'apisix-legacy'] as const) {
      assert.ok(ends(scheme).endsWith('\n') && !ends(scheme).endsWith('\n\n'), scheme);
    }
    for (const scheme of ['tencent-keypair', 'kong', 'cavage', 'apisix', 'apisix-legacy'] as const) {
      assert.ok(!ends(scheme).includes('\r'));
    }
  });

  it('E12: names are lower-cased (Tencent, Kong, APISIX, cavage) except for APISIX legacy', () => {
    assert.deepEqual(createSigningPlan('tencent-keypair', 'k', { signedHeaders: ['Date', 'Host'] }).signedHeaders, [
      'date',
      'host',
    ]);
    assert.deepEqual(createSigningPlan('apisix-legacy', 'k', { signedHeaders: ['User-Agent'] }).signedHeaders, [
      'User-Agent',
    ]);
  });

  it('E13: only a first segment exactly release, prepub or test is stripped, and stripping can be turned off', () => {
    assert.equal(tencentPathAndParameters('/release', null, true), '/');
    assert.equal(tencentPathAndParameters('/prepub/x', null, true), '/x');
    assert.equal(tencentPathAndParameters('/testing/x', null, true), '/testing/x');
    assert.equal(tencentPathAndParameters('/api/release/x', null, true), '/api/release/x');
    assert.equal(tencentPathAndParameters('/release/x', null, false), '/release/x');
  });

  it('E14: app auth signs the decoded path, Kong the raw path, APISIX legacy the normalised decoded path', () => {
    assert.equal(tencentPathAndParameters('/release/a%20b', null, true), '/a b');
    const kong = signRequest(outgoing('GET', '/a%20b', []), createSigningPlan('kong', 'a'), 'k', clock).signing;
    assert.match(kong.signingString, /GET \/a%20b HTTP\/1\.1$/);
    const legacy = signRequest(
      outgoing('GET', '/x/%2E%2E/a%20b/./c', []),
      createSigningPlan('apisix-legacy', 'k'),
      'k',
      clock,
    ).signing;
    assert.match(legacy.signingString, /^GET\n\/a b\/c\n/);
  });

  it('E15: app auth sends and signs an explicit Accept: */* when none is written; Content-Type is signed verbatim', () => {
    const { request, signing } = signRequest(
      outgoing('POST', 'https://e.com/x', [['Content-Type', 'application/json; charset=utf-8']], '{}'),
      createSigningPlan('tencent-app', 'APIDx'),
      'k',
      clock,
    );
    assert.equal(header(request.headers, 'Accept'), '*/*');
    assert.match(signing.signingString, /\nPOST\n\*\/\*\napplication\/json; charset=utf-8\n/);
  });

  it('E16: exact Authorization syntax per scheme; key ids with a quote or comma are refused', () => {
    const kong = signRequest(outgoing('GET', '/x', []), createSigningPlan('kong', 'alice'), 'k', clock).signing
      .authorization;
    assert.match(
      kong,
      /^hmac username="alice", algorithm="hmac-sha256", headers="date request-line", signature="[A-Za-z0-9+/]+=*"$/,
    );
    assert.throws(
      () => signRequest(outgoing('GET', '/x', []), createSigningPlan('tencent-keypair', 'AKID"x'), 'k', clock),
      /cannot be written into the signature header/,
    );
    assert.throws(
      () => signRequest(outgoing('GET', '/x', []), createSigningPlan('apisix-legacy', 'a#b'), 'k', clock),
      /"#"/,
    );
  });

  it('E17: parameters sort by code point, not by UTF-16 code unit', () => {
    assert.ok(compareCodePoints('\uFF5E', '\u{1F600}') < 0);
    assert.ok(['\u{1F600}', '\uFF5E'].sort()[0] === '\u{1F600}', 'the default sort differs');
    assert.equal(tencentPathAndParameters('/x?%F0%9F%98%80=1&%EF%BD%9E=2', null, true), '/x?\uFF5E=2&\u{1F600}=1');
  });

  it('E18: Kong request-line prints the configured HTTP version', () => {
    const signing = signRequest(
      outgoing('GET', '/x', []),
      createSigningPlan('kong', 'a', { httpVersion: '2.0' }),
      'k',
      clock,
    ).signing;
    assert.match(signing.signingString, /GET \/x HTTP\/2\.0$/);
  });

  it('E19: the secret is used as UTF-8 bytes, never Base64-decoded', () => {
    const secret = 'c2VjcmV0';
    assert.equal(
      hmacBase64('hmac-sha256', secret, 'x'),
      createHmac('sha256', Buffer.from(secret, 'utf8')).update('x').digest('base64'),
    );
    assert.notEqual(
      hmacBase64('hmac-sha256', secret, 'x'),
      createHmac('sha256', Buffer.from(secret, 'base64')).update('x').digest('base64'),
    );
  });
});

import assert from 'node:assert/strict';
import * as path from 'node:path';

import fc from 'fast-check';

import type { SecretSource } from '../../../src/core/ports';
import {
  dotenvSecrets,
  environmentSecrets,
  processEnvSecrets,
  Redactor,
  runRedactor,
  secretMask,
} from '../../../src/core/redaction';
import { credentialHeaderValue } from '../../../src/core/redaction/credentialHeaders';
import { emptyEnvironments } from '../../../src/core/variables/loadedEnvironments';

const secret = 'n0t-4-real/secret+"quoted"&ü';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('Redactor', () => {
  it('masks a secret as it is, URL-encoded, form-encoded, JSON-escaped and lower-case percent-encoded', () => {
    const redactor = new Redactor([secret]);
    const url = encodeURIComponent(secret);
    const forms = [
      secret,
      url,
      url.replace(/%20/g, '+'),
      url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
      JSON.stringify(secret).slice(1, -1),
      JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
    ];
    for (const form of forms) {
      const text = `before ${form} after`;
      assert.equal(redactor.text(text), `before ${secretMask} after`, form);
    }
    const json = JSON.stringify({ echoed: secret, nested: { again: secret } });
    assert.ok(!redactor.text(json).includes(JSON.stringify(secret).slice(1, -1)));
    assert.equal(JSON.parse(redactor.text(json)).echoed, secretMask);
  });

  it('masks the whole base64 value that holds the secret at any alignment (Basic, base64url)', () => {
    const redactor = new Redactor([secret]);
    assert.equal(redactor.text(`Basic ${base64(`user:${secret}`)}`), `Basic ${secretMask}`);
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary', minLength: 4 }),
        (before, after, value) => {
          const own = new Redactor([value]);
          const encoded = base64(`${before}${value}${after}`);
          assert.equal(own.text(`x ${encoded} y`), `x ${secretMask} y`);
          const url = encoded.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
          assert.equal(own.text(`x ${url} y`), `x ${secretMask} y`);
        },
      ),
    );
  });

  it('leaves values under 4 characters alone, and masks a secret that holds another one whole', () => {
    const redactor = new Redactor(['abc', 'key', 'a-longer-key-value', 'longer']);
    assert.equal(redactor.text('abc key a-longer-key-value'), `abc key ${secretMask}`);
    assert.deepEqual(redactor.values, ['a-longer-key-value', 'longer']);
  });

  it('masks credential headers whole, a Basic or Bearer credential after its scheme, and keeps a signature', () => {
    const redactor = new Redactor([secret]);
    const headers = redactor.headers([
      { name: 'X-Amz-Security-Token', value: 'a-session-token-nobody-told-us' },
      { name: 'X-Api-Key', value: 'an-api-key' },
      { name: 'Authorization', value: 'Basic dXNlcjpwYXNz' },
      { name: 'Proxy-Authorization', value: 'Bearer eyJhbGciOi' },
      { name: 'Authorization', value: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123, Signature=abc123' },
      { name: 'X-Secret-Id', value: 'AKIDvisible' },
      { name: 'Set-Cookie', value: `session=${encodeURIComponent(secret)}; Path=/` },
    ]);
    assert.deepEqual(
      headers.map((header) => header.value),
      [
        secretMask,
        secretMask,
        `Basic ${secretMask}`,
        `Bearer ${secretMask}`,
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123, Signature=abc123',
        'AKIDvisible',
        `session=${secretMask}; Path=/`,
      ],
    );
  });

  it('redacts every string of JSON-shaped data, and the value of each credential {name, value} header', () => {
    const redactor = new Redactor([secret]);
    const data = {
      url: `http://127.0.0.1/?k=${encodeURIComponent(secret)}`,
      headers: [
        { name: 'X-Amz-Security-Token', value: 'token-not-known-as-a-secret' },
        { name: 'Accept', value: 'application/json' },
      ],
      count: 3,
      list: [secret, null, true],
    };
    assert.deepEqual(redactor.deep(data), {
      url: `http://127.0.0.1/?k=${secretMask}`,
      headers: [
        { name: 'X-Amz-Security-Token', value: secretMask },
        { name: 'Accept', value: 'application/json' },
      ],
      count: 3,
      list: [secretMask, null, true],
    });
  });

  it('deep copies as a JSON round trip does, redacting every string and masking credential headers', () => {
    const redactor = new Redactor([secret]);
    // The copy a JSON round trip with a reviver makes (what deep did before its one-walk copy).
    const reference = (value: unknown) =>
      JSON.parse(JSON.stringify(value) ?? 'null', (_key, field: unknown) => {
        if (typeof field === 'string') return redactor.text(field);
        const header = field as { name?: unknown; value?: unknown } | null;
        if (
          header &&
          typeof header === 'object' &&
          typeof header.name === 'string' &&
          typeof header.value === 'string'
        ) {
          return { ...header, value: credentialHeaderValue(header.name, header.value) ?? header.value };
        }
        return field;
      }) as unknown;
    const leaf = fc.oneof(
      fc.string(),
      fc.constantFrom(secret, `k=${encodeURIComponent(secret)}`, 'Basic dXNlcjpwYXNz', 'X-Api-Key', 'Authorization'),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: true }),
    );
    const shape = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('header')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
      header: fc.record({ name: leaf, value: leaf }),
    }));
    const own = JSON.parse(`{"__proto__": {"x": "${secret.replace(/"/g, '\\"')}"}}`) as unknown;
    assert.deepEqual(redactor.deep(own), reference(own));
    fc.assert(
      fc.property(shape.value, (value) => {
        assert.deepEqual(redactor.deep(value), value === undefined ? undefined : reference(value));
      }),
    );
  });

  it('learns each secret a watched source hands out, and one added later (an OAuth token)', async () => {
    const redactor = new Redactor();
    const source: SecretSource = { description: 'test', getSecret: (keyId) => Promise.resolve(`secret-of-${keyId}`) };
    const watched = redactor.watch(source);
    assert.equal(redactor.text('secret-of-AKIDone'), 'secret-of-AKIDone', 'nothing known yet');
    assert.equal(await watched.getSecret('AKIDone'), 'secret-of-AKIDone');
    assert.equal(watched.description, 'test');
    redactor.add('oauth-access-token');
    assert.equal(redactor.text('secret-of-AKIDone oauth-access-token'), `${secretMask} ${secretMask}`);
  });
});

describe('secret values', () => {
  it('of a process environment: GWHTTP_SECRET_* and the AWS secrets, not its other variables', () => {
    const env = {
      GWHTTP_SECRET_AKIDx: 'from-the-env',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      AWS_SESSION_TOKEN: 'aws-token',
      AWS_ACCESS_KEY_ID: 'AKIDvisible',
      PWD: '/work/folder',
    };
    assert.deepEqual(processEnvSecrets(env).sort(), ['aws-secret', 'aws-token', 'from-the-env']);
    assert.equal(runRedactor(env).text('/work/folder from-the-env'), `/work/folder ${secretMask}`);
  });

  it('of a .env: the secret variables, secret-looking names and generated-looking values', () => {
    const values = {
      GWHTTP_SECRET_AKIDx: 'from-dotenv',
      PASSWORD: 'hunter2-long',
      API_TOKEN: 'tok-123456',
      GENERATED: 'Ab3dEf6hIj9kLm2nOp5q',
      HOST: '127.0.0.1:8080',
    };
    const found = dotenvSecrets({ file: '/x/.env', values, keyLines: {} });
    assert.deepEqual(found.sort(), ['Ab3dEf6hIj9kLm2nOp5q', 'from-dotenv', 'hunter2-long', 'tok-123456']);
    assert.deepEqual(dotenvSecrets(null), []);
  });

  it('of environment files: every value of a private file, secret-named values of the others', () => {
    const loaded = emptyEnvironments();
    const privateFile = path.join('/p', 'gwhttp.env.private.json');
    const jetBrainsPrivate = path.join('/p', 'http-client.private.env.json');
    loaded.environments = {
      dev: { host: '127.0.0.1', partner: 'private-partner-id', apiKey: 'shared-api-key', unresolved: '{{other}}' },
      $shared: { passphrase: 'from-jetbrains-private' },
    };
    loaded.locations = {
      dev: {
        host: { file: '/p/gwhttp.env.json', line: 1 },
        partner: { file: privateFile, line: 2 },
        apiKey: { file: '/p/gwhttp.env.json', line: 3 },
        unresolved: { file: privateFile, line: 4 },
      },
      $shared: { passphrase: { file: jetBrainsPrivate, line: 1 } },
    };
    assert.deepEqual(environmentSecrets(loaded).sort(), [
      'from-jetbrains-private',
      'private-partner-id',
      'shared-api-key',
    ]);
  });
});

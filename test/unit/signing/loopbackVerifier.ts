import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { posix } from 'node:path';

/**
 * An independent gateway-side verifier for the loopback tests, written from signing.md without
 * reusing any gwhttp signing code. Returns null when the request verifies, else the reason.
 */

export interface ReceivedRequest {
  method: string;
  target: string;
  httpVersion: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: Buffer;
}

const hashes: Record<string, string> = {
  'hmac-sha1': 'sha1',
  'hmac-sha256': 'sha256',
  'hmac-sha384': 'sha384',
  'hmac-sha512': 'sha512',
};

function mac(algorithm: string, secret: string, text: string): Buffer {
  return createHmac(hashes[algorithm], secret).update(text, 'utf8').digest();
}

function sameMac(expected: Buffer, clientBase64: string): boolean {
  const client = Buffer.from(clientBase64, 'base64');
  return client.length === expected.length && timingSafeEqual(client, expected);
}

function single(request: ReceivedRequest, name: string): string | undefined {
  const values: string[] = [];
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    if (request.rawHeaders[index].toLowerCase() === name.toLowerCase()) {
      values.push(request.rawHeaders[index + 1].trim());
    }
  }
  if (values.length > 1) throw new Error(`multiple ${name}`);
  return values[0];
}

function params(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of text.matchAll(/(\w+)="([^"]*)"/g)) found[match[1]] = match[2];
  return found;
}

function withinSkew(dateText: string | undefined, seconds: number): boolean {
  const time = Date.parse(dateText ?? '');
  return Number.isFinite(time) && Math.abs(Date.now() - time) <= seconds * 1000;
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function verifyTencentKeypair(request: ReceivedRequest, secrets: Record<string, string>): string | null {
  const authorization = single(request, 'authorization') ?? '';
  if (!/^hmac /.test(authorization)) return 'format';
  const { id, algorithm, headers, signature } = params(authorization);
  const names = headers.split(' ');
  if (!names.includes('date') && !names.includes('x-date')) return 'no date';
  if (names.includes('x-date') && !withinSkew(single(request, 'x-date'), 900)) return 'x-date out of date';
  const lines = [];
  for (const name of names) {
    const value = single(request, name);
    if (value === undefined) return `missing ${name}`;
    lines.push(`${name}: ${value}`);
  }
  return sameMac(mac(algorithm, secrets[id] ?? '', lines.join('\n')), signature) ? null : 'mismatch';
}

export function verifyTencentApp(request: ReceivedRequest, secrets: Record<string, string>): string | null {
  const { id, algorithm, headers, signature } = params(single(request, 'authorization') ?? '');
  const names = headers.split(' ');
  if (!names.includes('x-date')) return 'no x-date';
  const block = names.map((name) => `${name}: ${single(request, name)}\n`).join('');
  const contentType = single(request, 'content-type') ?? '';
  const isForm = contentType.split(';')[0].trim() === 'application/x-www-form-urlencoded';
  const md5 = single(request, 'content-md5') ?? '';
  if (
    request.body.length > 0 &&
    !isForm &&
    md5 !== Buffer.from(createHash('md5').update(request.body).digest('hex')).toString('base64')
  ) {
    return 'content-md5';
  }
  const url = new URL(request.target, 'http://verifier.invalid');
  const path = decodeURIComponent(url.pathname).replace(/^\/(release|prepub|test)(?=\/|$)/, '') || '/';
  const pairs = [
    ...url.searchParams.entries(),
    ...(isForm ? [...new URLSearchParams(request.body.toString('utf8')).entries()] : []),
  ];
  pairs.sort((a, b) => byBytes(a[0], b[0]) || byBytes(a[1], b[1]));
  const rendered = pairs.map(([key, value]) => (value === '' ? key : `${key}=${value}`)).join('&');
  const text = `${block}${request.method}\n${single(request, 'accept') ?? ''}\n${contentType}\n${md5}\n${path}${rendered ? `?${rendered}` : ''}`;
  return sameMac(mac(algorithm, secrets[id] ?? '', text), signature) ? null : 'mismatch';
}

function bodyDigestOk(request: ReceivedRequest): boolean {
  const digest = single(request, 'digest');
  return digest === undefined || digest === `SHA-256=${createHash('sha256').update(request.body).digest('base64')}`;
}

export function verifyKong(request: ReceivedRequest, secrets: Record<string, string>): string | null {
  if (!withinSkew(single(request, 'x-date') ?? single(request, 'date'), 300)) return 'date';
  const { username, algorithm, headers, signature } = params(single(request, 'authorization') ?? '');
  if (!bodyDigestOk(request)) return 'digest';
  const lines = headers.split(' ').map((name) => {
    const value = single(request, name);
    if (value !== undefined) return `${name}: ${value}`;
    if (name === 'request-line') return `${request.method} ${request.target} HTTP/${request.httpVersion}`;
    if (name === '@request-target') return `@request-target: ${request.method.toLowerCase()} ${request.target}`;
    return `${name}:`;
  });
  return sameMac(mac(algorithm, secrets[username] ?? '', lines.join('\n')), signature) ? null : 'mismatch';
}

export function verifyApisix(request: ReceivedRequest, secrets: Record<string, string>): string | null {
  const authorization = single(request, 'authorization') ?? '';
  if (!authorization.startsWith('Signature ')) return "does not start with 'Signature'";
  if (!withinSkew(single(request, 'date'), 300)) return 'clock skew';
  if (!bodyDigestOk(request)) return 'digest';
  const { keyId, algorithm, headers, signature } = params(authorization);
  const items = [keyId];
  for (const name of headers.split(' ')) {
    const value = single(request, name);
    if (value !== undefined) items.push(`${name}: ${value}`);
    else if (name === '@request-target') items.push(`${request.method} ${request.target}`);
  }
  return sameMac(mac(algorithm, secrets[keyId] ?? '', `${items.join('\n')}\n`), signature) ? null : 'mismatch';
}

function ngxEscape(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function verifyApisixLegacy(request: ReceivedRequest, secrets: Record<string, string>): string | null {
  const accessKey = single(request, 'x-hmac-access-key') ?? '';
  const algorithm = single(request, 'x-hmac-algorithm') ?? '';
  const signedHeaders = (single(request, 'x-hmac-signed-headers') ?? '').split(';').filter((name) => name !== '');
  const url = new URL(request.target, 'http://verifier.invalid');
  const query = [...url.searchParams.entries()]
    .sort((a, b) => byBytes(a[0], b[0]) || byBytes(a[1], b[1]))
    .map(([key, value]) => `${ngxEscape(key)}=${ngxEscape(value)}`)
    .join('&');
  const lines = [
    request.method,
    posix.normalize(decodeURIComponent(url.pathname)),
    query,
    accessKey,
    single(request, 'date') ?? '',
    ...signedHeaders.map((name) => `${name}:${single(request, name) ?? ''}`),
  ];
  const text = lines.map((line) => `${line}\n`).join('');
  return sameMac(mac(algorithm, secrets[accessKey] ?? '', text), single(request, 'x-hmac-signature') ?? '')
    ? null
    : 'mismatch';
}

export function verifyCavage(request: ReceivedRequest, secrets: Record<string, string>): string | null {
  const authorization = single(request, 'authorization');
  const parameters = params(
    authorization?.startsWith('Signature ') ? authorization : (single(request, 'signature') ?? ''),
  );
  if (!bodyDigestOk(request)) return 'digest';
  const lines = parameters.headers.split(' ').map((name) => {
    if (name === '(request-target)') return `(request-target): ${request.method.toLowerCase()} ${request.target}`;
    const values: string[] = [];
    for (let index = 0; index < request.rawHeaders.length; index += 2) {
      if (request.rawHeaders[index].toLowerCase() === name) values.push(request.rawHeaders[index + 1].trim());
    }
    return `${name}: ${values.join(', ')}`;
  });
  return sameMac(mac(parameters.algorithm, secrets[parameters.keyId] ?? '', lines.join('\n')), parameters.signature)
    ? null
    : 'mismatch';
}

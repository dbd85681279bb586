import { createHash, createHmac } from 'node:crypto';

import type { MockKey } from '../mockKeys';
import type { MockRequest } from '../mockRequest';
import { cloudRejection, type CloudVerification } from './cloudVerification';
import { sameSignature, splitTarget } from './mockCloudCrypto';

const windowMs = 15 * 60 * 1000;

/** Alibaba answers in headers: `X-Ca-Error-Message` and `X-Ca-Request-Id` (signing-clouds.md §10.3). */
function alibabaError(status: number, message: string): CloudVerification {
  const headers = { 'X-Ca-Error-Message': message, 'X-Ca-Request-Id': createHash('md5').update(message).digest('hex') };
  return cloudRejection(status, {}, message.split(',')[0], headers);
}

function formDecode(text: string): [string, string][] {
  return [...new URLSearchParams(text).entries()];
}

/** The string to sign the gateway builds from what it received (fixed lines, header block, path and parameters). */
export function alibabaServerStringToSign(request: MockRequest, names: readonly string[]): string {
  const first = (name: string) => request.headers.get(name)?.[0] ?? '';
  const { path, query } = splitTarget(request.target);
  const isForm = first('content-type').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
  const parameters = new Map<string, string>();
  for (const [name, value] of [...formDecode(query), ...(isForm ? formDecode(request.body.toString('utf8')) : [])]) {
    if (!parameters.has(name)) parameters.set(name, value);
  }
  const sorted = [...parameters.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const tail = sorted.map((name) => (parameters.get(name) === '' ? name : `${name}=${parameters.get(name)}`)).join('&');
  const block = [...names]
    .sort()
    .map((name) => `${name}:${first(name)}\n`)
    .join('');
  const lines = [request.method, first('accept'), first('content-md5'), first('content-type'), first('date')];
  return `${lines.join('\n')}\n${block}${path}${tail === '' ? '' : `?${tail}`}`;
}

/** Alibaba Cloud API Gateway AppKey verifier; `usedNonces` remembers nonces within the window. */
export function verifyAlibaba(
  request: MockRequest,
  key: MockKey | undefined,
  now: Date,
  usedNonces: Set<string>,
): CloudVerification {
  const first = (name: string) => request.headers.get(name)?.[0];
  const signature = first('x-ca-signature');
  if (signature === undefined) return alibabaError(404, 'Empty Signature');
  if (!key) return alibabaError(400, 'Invalid AppKey');
  const timestamp = Number(first('x-ca-timestamp'));
  if (!Number.isInteger(timestamp) || timestamp < 1e12) return alibabaError(400, 'Invalid Timestamp');
  if (Math.abs(now.getTime() - timestamp) > windowMs) return alibabaError(400, 'Timestamp Expired');
  const md5 = first('content-md5');
  if (md5 !== undefined && md5 !== createHash('md5').update(request.body).digest('base64')) {
    return alibabaError(400, 'Invalid Content-MD5');
  }
  const names = (first('x-ca-signature-headers') ?? '').split(',').filter((name) => name !== '');
  const stringToSign = alibabaServerStringToSign(request, names);
  const algorithm = first('x-ca-signature-method') === 'HmacSHA1' ? 'sha1' : 'sha256';
  const expected = createHmac(algorithm, key.secret).update(stringToSign).digest('base64');
  if (!sameSignature(expected, signature)) {
    return alibabaError(400, `Invalid Signature, Server StringToSign:${stringToSign.replace(/\n/g, '')}`);
  }
  const nonce = first('x-ca-nonce');
  if (nonce !== undefined && usedNonces.has(nonce)) return alibabaError(400, 'Nonce Used');
  if (nonce !== undefined) usedNonces.add(nonce);
  return { ok: true, key };
}

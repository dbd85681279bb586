import { createHmac, timingSafeEqual } from 'node:crypto';

import { appStringToSign } from './appStringToSign';
import { keyPairStringToSign } from './keyPairStringToSign';
import type { MockKey } from './mockKeys';
import { type MockProfile, type Rejection, rejection } from './mockRejections';
import type { MockRequest } from './mockRequest';
import { parseHmacAuthorization } from './parseHmacAuthorization';

export type Verification = { ok: true; key: MockKey } | { ok: false; rejection: Rejection };

/** The gateway accepts X-Date within this many seconds of its clock (signing.md §2.2). */
export const xDateSkewSeconds = 900;

const hashes: Record<string, string> = {
  'hmac-sha1': 'sha1',
  'hmac-sha256': 'sha256',
  'hmac-sha384': 'sha384',
  'hmac-sha512': 'sha512',
};
const appAlgorithms = new Set(['hmac-sha1', 'hmac-sha256']);

/**
 * Checks a request in the gateway's order (signing.md §2.5): Authorization present and single, its
 * format, the algorithm, the key, the date header, the listed headers, X-Date skew, then the signature.
 */
export function verifyRequest(
  request: MockRequest,
  keys: ReadonlyMap<string, MockKey>,
  profile: MockProfile,
  now: Date,
): Verification {
  const reject = (cause: Parameters<typeof rejection>[1], argument?: string): Verification => ({
    ok: false,
    rejection: rejection(profile, cause, argument),
  });
  const authorizations = request.headers.get('authorization') ?? [];
  if (authorizations.length === 0) return reject('noAuthorization');
  if (authorizations.length > 1) return reject('multipleHeaders');
  const auth = parseHmacAuthorization(authorizations[0]);
  if (auth.kind !== 'ok') return reject(auth.kind);
  const key = keys.get(auth.id);
  const allowed = key?.type === 'app' ? appAlgorithms : new Set(Object.keys(hashes));
  if (!allowed.has(auth.algorithm)) return reject('badAlgorithm', auth.algorithm);
  if (!key) return reject('unknownKey');
  if (key.type === 'app' && !auth.headers.includes('x-date')) return reject('badXDate');
  if (!auth.headers.includes('x-date') && !auth.headers.includes('date')) return reject('noDateSigned');
  for (const name of auth.headers) {
    const values = request.headers.get(name) ?? [];
    if (values.length > 1) return reject('multipleHeaders');
    if (values.length === 0) return reject('missingHeader', name);
  }
  if (auth.headers.includes('x-date')) {
    const xDate = Date.parse(request.headers.get('x-date')?.[0] ?? '');
    if (Number.isNaN(xDate)) return reject('badXDate');
    if (Math.abs(now.getTime() - xDate) > xDateSkewSeconds * 1000) return reject('xDateOutOfDate');
  }
  const stringToSign =
    key.type === 'app' ? appStringToSign(request, auth.headers) : keyPairStringToSign(request, auth.headers);
  const expected = createHmac(hashes[auth.algorithm], Buffer.from(key.secret, 'utf8'))
    .update(stringToSign, 'utf8')
    .digest();
  const received = Buffer.from(auth.signature, 'base64');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return key.type === 'app'
      ? reject('appSignatureMismatch', stringToSign.replace(/\n/g, '#'))
      : reject('signatureMismatch');
  }
  return { ok: true, key };
}

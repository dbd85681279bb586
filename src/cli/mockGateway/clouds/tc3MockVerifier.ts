import { randomUUID } from 'node:crypto';

import type { MockKey } from '../mockKeys';
import type { MockRequest } from '../mockRequest';
import { cloudRejection, type CloudVerification } from './cloudVerification';
import { commaParameters, hmac, sameSignature, sha256, splitTarget } from './mockCloudCrypto';

const windowSeconds = 300;

/** Tencent Cloud API 3.0's error body; the mock answers 401 so that clients see a failure (the real API may say 200). */
function tencentError(code: string, message: string): CloudVerification {
  return cloudRejection(401, { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } }, code);
}

/** The signature TC3 expects for what arrived (its own canonical request, UTC-date scope, key chain). */
function expectedTc3Signature(
  request: MockRequest,
  secret: string,
  signedHeaders: string,
  service: string,
  timestamp: number,
) {
  const names = signedHeaders.split(';');
  const headers = names.map((name) => `${name}:${(request.headers.get(name)?.[0] ?? '').toLowerCase()}\n`).join('');
  const query = splitTarget(request.target).query;
  const canonical = [request.method, '/', query, headers, names.join(';'), sha256(request.body)].join('\n');
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256(canonical)].join(
    '\n',
  );
  const signingKey = hmac(hmac(hmac(`TC3${secret}`, date), service), 'tc3_request');
  return { date, signature: hmac(signingKey, stringToSign).toString('hex') };
}

/** Tencent Cloud TC3-HMAC-SHA256 verifier with the documented error codes (signing-clouds.md §10.2). */
export function verifyTc3(request: MockRequest, key: MockKey | undefined, now: Date): CloudVerification {
  const authorization = request.headers.get('authorization')?.[0] ?? '';
  if (!authorization.startsWith('TC3-HMAC-SHA256 ')) {
    return tencentError('AuthFailure.InvalidAuthorization', 'The Authorization header is invalid.');
  }
  const parameters = commaParameters(authorization.slice('TC3-HMAC-SHA256 '.length));
  const [, date, service] = (parameters.Credential ?? '').split('/');
  if (!key) {
    return tencentError(
      'AuthFailure.SecretIdNotFound',
      'The SecretId is not found, please ensure that your SecretId is correct.',
    );
  }
  const timestamp = Number(request.headers.get('x-tc-timestamp')?.[0]);
  if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > windowSeconds) {
    return tencentError(
      'AuthFailure.SignatureExpire',
      'Signature expired. Timestamp and server time cannot differ by more than five minutes.',
    );
  }
  const expected = expectedTc3Signature(request, key.secret, parameters.SignedHeaders ?? '', service, timestamp);
  if (date !== expected.date || !sameSignature(expected.signature, parameters.Signature ?? '')) {
    return tencentError(
      'AuthFailure.SignatureFailure',
      'The provided credentials could not be validated. Please check your signature is correct.',
    );
  }
  return { ok: true, key };
}

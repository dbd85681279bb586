import { randomUUID } from 'node:crypto';

import type { MockKey } from '../mockKeys';
import type { MockRequest } from '../mockRequest';
import { cloudRejection, type CloudVerification } from './cloudVerification';
import {
  commaParameters,
  hmac,
  parseCompactDate,
  rawPairs,
  rfc3986,
  safeDecode,
  sameSignature,
  sha256,
  sortedEncodedQuery,
  splitTarget,
} from './mockCloudCrypto';

const windowMs = 15 * 60 * 1000;
const appError = 'Incorrect app authentication information';

function huaweiError(code: string, message: string): CloudVerification {
  return cloudRejection(
    401,
    { error_code: code, error_msg: message, request_id: randomUUID() },
    `${code} ${message.split(':')[1] ?? ''}`,
  );
}

/** The canonical request APIG builds (canonical URI ends in `/`, every query value sorted). */
export function huaweiServerCanonical(request: MockRequest, names: readonly string[]): string {
  const { path, query } = splitTarget(request.target);
  const encodedPath = path
    .split('/')
    .map((segment) => rfc3986(safeDecode(segment)))
    .join('/');
  const uri = encodedPath.endsWith('/') ? encodedPath : `${encodedPath}/`;
  const headers = names.map((name) => `${name}:${request.headers.get(name)?.[0] ?? ''}\n`).join('');
  const payload =
    request.headers.get('x-sdk-content-sha256')?.[0] === 'UNSIGNED-PAYLOAD' ? 'UNSIGNED-PAYLOAD' : sha256(request.body);
  return [request.method, uri, sortedEncodedQuery(rawPairs(query)), headers, names.join(';'), payload].join('\n');
}

/** Huawei Cloud APIG app-auth verifier with APIG's error bodies (signing-clouds.md §10.4). */
export function verifyHuawei(request: MockRequest, key: MockKey | undefined, now: Date): CloudVerification {
  const authorization = request.headers.get('authorization')?.[0] ?? '';
  const parameters = commaParameters(authorization.replace(/^SDK-HMAC-SHA256\s+/, ''));
  if (!authorization.startsWith('SDK-HMAC-SHA256 ') || !parameters.Access || !parameters.Signature) {
    return huaweiError('APIG.0303', `${appError}: Access or Credential is empty in Authorization`);
  }
  if (!key) return huaweiError('APIG.0303', `${appError}: app not found, appkey ${parameters.Access}`);
  const date = request.headers.get('x-sdk-date')?.[0] ?? '';
  const time = parseCompactDate(date);
  if (Number.isNaN(time) || Math.abs(now.getTime() - time) > windowMs) {
    const server = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
    return huaweiError('APIG.0303', `${appError}: signature expired, signature time:${date},server time:${server}`);
  }
  const names = (parameters.SignedHeaders ?? '').split(';').filter((name) => name !== '');
  const canonical = huaweiServerCanonical(request, names);
  const stringToSign = ['SDK-HMAC-SHA256', date, sha256(canonical)].join('\n');
  if (!sameSignature(hmac(key.secret, stringToSign).toString('hex'), parameters.Signature)) {
    return huaweiError(
      'APIG.0303',
      `${appError}: verify signature fail, canonicalRequest:${canonical.replace(/\n/g, '|')}`,
    );
  }
  return { ok: true, key };
}

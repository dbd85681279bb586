import { createHash, createHmac } from 'node:crypto';

import type { MockRequest } from './mockRequest';
import { authority, base64, first, values } from './mockSignedRequest';

export type EdgegridFailure = 'noAuthorization' | 'badTimestamp' | 'inactiveToken' | 'mismatch';

/** The mock accepts timestamps within this many seconds of its clock (Akamai's window is about 30 s). */
export const edgegridSkewSeconds = 30;

function timestampTime(timestamp: string): number {
  const match = /^(\d{4})(\d\d)(\d\d)T(\d\d:\d\d:\d\d)\+0000$/.exec(timestamp);
  return match ? Date.parse(`${match[1]}-${match[2]}-${match[3]}T${match[4]}Z`) : Number.NaN;
}

/**
 * EG1-HMAC-SHA256 as Akamai checks it: the seven TAB-joined fields rebuilt from what arrived (signed
 * headers as the API configures them, POST body hash over the first `maxBody` bytes), the signing key
 * from the timestamp, and the timestamp within the window.
 */
export function verifyEdgegridRequest(
  request: MockRequest,
  secrets: ReadonlyMap<string, string>,
  signedHeaders: readonly string[],
  now: Date,
  maxBody = 131072,
): EdgegridFailure | { keyId: string } {
  const match =
    /^(EG1-HMAC-SHA256 client_token=([^;]*);access_token=[^;]*;timestamp=([^;]*);nonce=[^;]*;)signature=(.*)$/.exec(
      first(request, 'authorization'),
    );
  if (!match) return 'noAuthorization';
  const [, prefix, clientToken, timestamp, signature] = match;
  const time = timestampTime(timestamp);
  if (Number.isNaN(time) || Math.abs(now.getTime() - time) > edgegridSkewSeconds * 1000) return 'badTimestamp';
  const secret = secrets.get(clientToken);
  if (secret === undefined) return 'inactiveToken';
  const headers = signedHeaders
    .filter((name) => values(request, name).length > 0)
    .map((name) => `${name}:${values(request, name).join(',').replace(/\s+/g, ' ')}`)
    .join('\t');
  const hash =
    request.method === 'POST' && request.body.length > 0
      ? base64(createHash('sha256').update(request.body.subarray(0, maxBody)).digest())
      : '';
  const data = [request.method, 'http', authority(request), request.target, headers, hash, prefix].join('\t');
  const key = base64(createHmac('sha256', secret).update(timestamp).digest());
  return base64(createHmac('sha256', key).update(data).digest()) === signature ? { keyId: clientToken } : 'mismatch';
}

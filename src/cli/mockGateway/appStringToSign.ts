import { createHash } from 'node:crypto';

import { firstHeader, type MockRequest } from './mockRequest';

const environmentSegments = new Set(['release', 'prepub', 'test']);

function byCodePoint(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Path without a leading `release`/`prepub`/`test` segment (`/release/data` → `/data`, `/release` → `/`). */
export function appSigningPath(rawPath: string): string {
  const path = decodePath(rawPath === '' ? '/' : rawPath);
  const segments = path.split('/');
  if (segments.length > 1 && environmentSegments.has(segments[1])) {
    const rest = segments.slice(2).join('/');
    return `/${rest}`;
  }
  return path;
}

function isForm(contentType: string | null): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** Query parameters plus form fields, decoded, sorted by key then value, `key` alone when empty. */
function signedParameters(query: string, request: MockRequest, contentType: string | null): string {
  const pairs: [string, string][] = [...new URLSearchParams(query)];
  if (isForm(contentType) && request.body.length > 0) pairs.push(...new URLSearchParams(request.body.toString('utf8')));
  pairs.sort((a, b) => byCodePoint(a[0], b[0]) || byCodePoint(a[1], b[1]));
  return pairs.map(([key, value]) => (value === '' ? key : `${key}=${value}`)).join('&');
}

/**
 * The mock recomputes Content-MD5 from the body (Base64 of the lower-case hex MD5, as every official demo
 * does) instead of trusting the header: a signer that hashes the wrong bytes or uses RFC 1864 Base64 of
 * the raw digest then fails here, with the server string-to-sign in the answer.
 */
export function appContentMd5(request: MockRequest, contentType: string | null): string {
  if (request.body.length === 0 || isForm(contentType)) return '';
  const hex = createHash('md5').update(request.body).digest('hex');
  return Buffer.from(hex, 'utf8').toString('base64');
}

/**
 * Tencent application auth as the gateway rebuilds it (signing.md §3.1): sorted `name: value\n` header
 * block, then method, Accept, Content-Type, Content-MD5 and PathAndParameters, joined with LF.
 */
export function appStringToSign(request: MockRequest, signedHeaders: readonly string[]): string {
  const headerBlock = [...signedHeaders]
    .sort(byCodePoint)
    .map((name) => `${name}: ${firstHeader(request, name) ?? ''}\n`)
    .join('');
  const queryStart = request.target.indexOf('?');
  const rawPath = queryStart < 0 ? request.target : request.target.slice(0, queryStart);
  const query = queryStart < 0 ? '' : request.target.slice(queryStart + 1);
  const contentType = firstHeader(request, 'content-type');
  const parameters = signedParameters(query, request, contentType);
  const path = appSigningPath(rawPath);
  return [
    headerBlock + request.method.toUpperCase(),
    firstHeader(request, 'accept') ?? '',
    contentType ?? '',
    appContentMd5(request, contentType),
    parameters === '' ? path : `${path}?${parameters}`,
  ].join('\n');
}

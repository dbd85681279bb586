import { createHash } from 'node:crypto';

import type { HeaderField } from '../model/outgoing';
import { wireTarget } from './cloudEncoding';
import { headerValue } from './headerFields';
import { compareCodePoints, parseQueryPairs } from './requestTarget';
import { hmacBase64 } from './signingAlgorithm';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';
import { acceptAndContentMd5 } from './tencentAppSigner';
import { isFormContentType } from './tencentPathAndParameters';

export const alibabaDefaultSignedHeaders = ['x-ca-key', 'x-ca-nonce', 'x-ca-signature-method', 'x-ca-timestamp'];

/** Headers that have their own line in the string to sign, or carry the signature: never in the block. */
const neverInBlock = new Set([
  'accept',
  'content-md5',
  'content-type',
  'date',
  'x-ca-signature',
  'x-ca-signature-headers',
]);

/** RFC 1864 Content-MD5: Base64 of the raw 16-byte MD5 of the bytes sent (AL-2). */
export function alibabaContentMd5(body: Uint8Array): string {
  return createHash('md5').update(body).digest('base64');
}

function isForm(input: SchemeInput): boolean {
  return isFormContentType(headerValue(input.headers, 'content-type'));
}

/** Path, then `?` and the query plus form fields, decoded, sorted by key; first value wins; `key` alone when empty. */
export function alibabaPathAndParameters(url: string, formBody: string | null): string {
  const target = wireTarget(url);
  const pairs = [...parseQueryPairs(target.query), ...(formBody === null ? [] : parseQueryPairs(formBody))];
  const first = new Map<string, string | null>();
  for (const [key, value] of pairs) if (!first.has(key)) first.set(key, value);
  const keys = [...first.keys()].sort(compareCodePoints);
  if (keys.length === 0) return target.path;
  const parameters = keys.map((key) => {
    const value = first.get(key);
    return value === null || value === undefined || value === '' ? key : `${key}=${value}`;
  });
  return `${target.path}?${parameters.join('&')}`;
}

/**
 * Alibaba Cloud API Gateway AppKey digest auth (signing-clouds.md §4): X-Ca-* headers with a
 * millisecond timestamp and a nonce, five fixed lines, the sorted header block, PathAndParameters
 * (form fields merged), Base64 HMAC-SHA256 or HMAC-SHA1.
 */
export const alibabaApigwSigner: SchemeSigner = {
  staleHeaders: () => ['content-md5', 'x-ca-signature', 'x-ca-signature-headers'],
  derivedHeaders(input: SchemeInput): HeaderField[] {
    const { plan } = input;
    const derived: HeaderField[] = [
      { name: 'X-Ca-Key', value: plan.keyId },
      { name: 'X-Ca-Timestamp', value: String(input.now.getTime()) },
      { name: 'X-Ca-Nonce', value: input.nonce },
      { name: 'X-Ca-Signature-Method', value: plan.algorithm === 'hmac-sha1' ? 'HmacSHA1' : 'HmacSHA256' },
    ];
    if (plan.parameters.stage !== undefined) derived.push({ name: 'X-Ca-Stage', value: plan.parameters.stage });
    return [...derived, ...acceptAndContentMd5(input, alibabaContentMd5)];
  },
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan, headers } = input;
    const listed = plan.parameters.stage === undefined ? plan.signedHeaders : [...plan.signedHeaders, 'x-ca-stage'];
    const names = [...new Set(listed.map((name) => name.toLowerCase()))]
      .filter((name) => !neverInBlock.has(name))
      .sort(compareCodePoints);
    const block = names.map((name) => `${name}:${headerValue(headers, name) ?? ''}\n`).join('');
    const formBody = isForm(input) && input.body !== null ? Buffer.from(input.body).toString('utf8') : null;
    const lines = ['accept', 'content-md5', 'content-type', 'date'].map((name) => headerValue(headers, name) ?? '');
    const signingString = `${[input.method, ...lines].join('\n')}\n${block}${alibabaPathAndParameters(input.url, formBody)}`;
    const signature = hmacBase64(plan.algorithm, secret, signingString);
    const signatureHeaders: HeaderField[] = [{ name: 'X-Ca-Signature', value: signature }];
    if (names.length > 0) signatureHeaders.push({ name: 'X-Ca-Signature-Headers', value: names.join(',') });
    return { signedHeaders: names, signingString, signature, authorization: signature, signatureHeaders };
  },
};

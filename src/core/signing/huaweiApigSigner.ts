import type { HeaderField } from '../model/outgoing';
import { authorizationOutput } from './authorizationOutput';
import { awsCanonicalQuery, awsQueryPairs, signedHeaderNames } from './awsCanonicalRequest';
import { compactIsoDate, hmacSha256, percentDecode, sha256Hex, uriEncode, wireTarget } from './cloudEncoding';
import { headerValue } from './headerFields';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';

const algorithm = 'SDK-HMAC-SHA256';
const unsignedPayload = 'UNSIGNED-PAYLOAD';

/** Each segment decoded and encoded once, and a `/` appended when the path does not end in one (HW-1). */
export function huaweiCanonicalUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => uriEncode(percentDecode(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Decoded pairs encoded and sorted by name, then value (every value of a repeated name); `*` → `%2A`. */
export function huaweiCanonicalQuery(pairs: readonly [string, string][]): string {
  return awsCanonicalQuery(pairs);
}

/**
 * Huawei Cloud APIG app auth and IAM AK/SK, SDK-HMAC-SHA256 (signing-clouds.md §5): no scope, no key
 * derivation; the signed list is the default "host, x-sdk-date and every header written" or `headers=`.
 */
export const huaweiApigSigner: SchemeSigner = {
  staleHeaders: () => [],
  derivedHeaders(input: SchemeInput): HeaderField[] {
    const { parameters } = input.plan;
    const derived: HeaderField[] = [];
    const host = wireTarget(input.url).host;
    if (headerValue(input.headers, 'host') === undefined && host !== null) derived.push({ name: 'Host', value: host });
    derived.push({ name: 'X-Sdk-Date', value: compactIsoDate(input.now) });
    if (parameters.token !== undefined) derived.push({ name: 'X-Security-Token', value: parameters.token });
    if (parameters.stage !== undefined) derived.push({ name: 'X-Stage', value: parameters.stage });
    if (parameters.payload === 'unsigned') derived.push({ name: 'X-Sdk-Content-Sha256', value: unsignedPayload });
    return derived;
  },
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan, headers } = input;
    const target = wireTarget(input.url);
    const names = signedHeaderNames(headers, plan.signedHeaders, ['x-sdk-date']);
    const block = names.map((name) => `${name}:${headerValue(headers, name) ?? ''}\n`).join('');
    const payload = plan.parameters.payload === 'unsigned' ? unsignedPayload : sha256Hex(input.body);
    const canonicalRequest = [
      input.method,
      huaweiCanonicalUri(target.path),
      huaweiCanonicalQuery(awsQueryPairs(target.query)),
      block,
      names.join(';'),
      payload,
    ].join('\n');
    const date = headerValue(headers, 'x-sdk-date') ?? compactIsoDate(input.now);
    const signingString = [algorithm, date, sha256Hex(canonicalRequest)].join('\n');
    const signature = hmacSha256(secret, signingString).toString('hex');
    const authorization = `${algorithm} Access=${plan.keyId}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
    return authorizationOutput({ signedHeaders: names, signingString, signature, authorization, canonicalRequest });
  },
};

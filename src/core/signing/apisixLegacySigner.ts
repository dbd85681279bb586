import type { HeaderField } from '../model/outgoing';
import { apisixCanonicalQuery, normalisedDecodedPath } from './apisixCanonicalRequest';
import { headerValue } from './headerFields';
import { requestTarget } from './requestTarget';
import { hmacBase64 } from './signingAlgorithm';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';

export const apisixLegacyHeaderNames = [
  'x-hmac-signature',
  'x-hmac-algorithm',
  'x-hmac-access-key',
  'x-hmac-signed-headers',
];

/**
 * Apache APISIX `hmac-auth` ≤ 3.10 (signing.md §5.2): METHOD, normalised decoded path, canonical
 * query, access key, Date value, then `Name:value` per signed header (names as written), every line
 * followed by LF. Sent as the `X-HMAC-*` headers; `authorization` holds the equivalent
 * `hmac-auth-v1#…` form for display.
 */
export const apisixLegacySigner: SchemeSigner = {
  staleHeaders: () => [...apisixLegacyHeaderNames],
  derivedHeaders: () => [],
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan, headers } = input;
    const names = [...plan.signedHeaders];
    const target = requestTarget(input.url);
    const date = headerValue(headers, 'date') ?? '';
    const lines = [
      input.method.toUpperCase(),
      normalisedDecodedPath(target.path),
      apisixCanonicalQuery(target.query, plan.encodeQuery),
      plan.keyId,
      date,
      ...names.map((name) => `${name}:${headerValue(headers, name) ?? ''}`),
    ];
    const signingString = lines.map((line) => `${line}\n`).join('');
    const signature = hmacBase64(plan.algorithm, secret, signingString);
    const signedList = names.join(';');
    const authorization = `hmac-auth-v1#${plan.keyId}#${signature}#${plan.algorithm}#${date}#${signedList}`;
    const signatureHeaders: HeaderField[] = [
      { name: 'X-HMAC-SIGNATURE', value: signature },
      { name: 'X-HMAC-ALGORITHM', value: plan.algorithm },
      { name: 'X-HMAC-ACCESS-KEY', value: plan.keyId },
    ];
    if (names.length > 0) signatureHeaders.push({ name: 'X-HMAC-SIGNED-HEADERS', value: signedList });
    return { signedHeaders: names, signingString, signature, authorization, signatureHeaders };
  },
};

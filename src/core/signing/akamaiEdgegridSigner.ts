import { createHash, createHmac } from 'node:crypto';

import { headerValues } from './headerFields';
import { splitHeaderList } from './parseSigningParameters';
import { requestTarget } from './requestTarget';
import { anyValue, isYes, positiveInteger, type SchemeOptionRules, yesNo } from './schemeOptionRules';
import { SchemeSigningError } from './schemeSigningError';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';

/** `# @sign akamai-edgegrid …` options (signing-clouds.md §7). */
export const akamaiOptionRules: SchemeOptionRules = {
  required: ['access-token'],
  options: {
    'access-token': anyValue,
    headers: anyValue,
    'max-body': positiveInteger,
    nonce: anyValue,
    truncate: yesNo,
  },
};

export const akamaiDefaultMaxBody = 131072;

/** `20230103T04:05:06+0000` (AK-1: colons and `+0000`). */
export function edgegridTimestamp(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 19)}+0000`;
}

/** Base64 of HMAC-SHA256(client secret as UTF-8, timestamp). */
export function edgegridSigningKey(clientSecret: string, timestamp: string): string {
  return createHmac('sha256', clientSecret).update(timestamp, 'utf8').digest('base64');
}

function canonicalHeaders(input: SchemeInput, names: readonly string[]): string {
  const entries: string[] = [];
  for (const name of names) {
    const values = headerValues(input.headers, name);
    if (values.length === 0) continue;
    entries.push(
      `${name.toLowerCase()}:${values
        .join(',')
        .trim()
        .replace(/[ \t\r\n]+/g, ' ')}`,
    );
  }
  return entries.join('\t');
}

/** Only POST bodies are hashed (AK-5), the first max-body bytes; a larger body is an error unless truncate=yes. */
function contentHash(input: SchemeInput): string {
  const body = input.body;
  if (input.method !== 'POST' || body === null || body.length === 0) return '';
  const options = input.plan.parameters;
  const maxBody = Number(options['max-body'] ?? akamaiDefaultMaxBody);
  if (body.length > maxBody && !isYes(options.truncate)) {
    throw new SchemeSigningError(
      `The body (${body.length} bytes) is larger than max-body=${maxBody}: the gateway hashes only the first ${maxBody} bytes. Raise max-body to the API's setting, or add truncate=yes to sign the first ${maxBody} bytes as Akamai's clients do.`,
    );
  }
  return createHash('sha256').update(body.subarray(0, maxBody)).digest('base64');
}

/** Akamai EdgeGrid EG1-HMAC-SHA256 (signing-clouds.md §7): seven TAB-joined fields, key from the timestamp. */
export const akamaiEdgegridSigner: SchemeSigner = {
  staleHeaders: () => [],
  derivedHeaders: () => [],
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan } = input;
    const timestamp = edgegridTimestamp(input.now);
    const nonce = plan.parameters.nonce ?? input.nonce;
    const authPrefix = `EG1-HMAC-SHA256 client_token=${plan.keyId};access_token=${plan.parameters['access-token']};timestamp=${timestamp};nonce=${nonce};`;
    const target = requestTarget(input.url);
    const names = splitHeaderList(plan.parameters.headers ?? '');
    const host = (target.host ?? headerValues(input.headers, 'host')[0] ?? '').toLowerCase();
    const scheme = /^http:/i.test(input.url) ? 'http' : 'https';
    const fields = [
      input.method,
      scheme,
      host,
      target.target,
      canonicalHeaders(input, names),
      contentHash(input),
      authPrefix,
    ];
    const signingString = fields.join('\t');
    const signature = createHmac('sha256', edgegridSigningKey(secret, timestamp))
      .update(signingString)
      .digest('base64');
    const authorization = `${authPrefix}signature=${signature}`;
    return {
      signedHeaders: names.map((name) => name.toLowerCase()),
      signingString,
      signature,
      algorithm: 'EG1-HMAC-SHA256',
      authorization,
      signatureHeaders: [{ name: 'Authorization', value: authorization }],
    };
  },
};

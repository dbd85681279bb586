import type { HeaderField } from '../model/outgoing';
import { authorizationOutput } from './authorizationOutput';
import { compareAscii, hmacSha256, sha256Hex, wireTarget } from './cloudEncoding';
import { headerValue } from './headerFields';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';

const algorithm = 'TC3-HMAC-SHA256';

/** X-TC-* headers filled from options unless the request writes them (sent unsigned). */
const optionHeaders: [string, string][] = [
  ['action', 'X-TC-Action'],
  ['version', 'X-TC-Version'],
  ['region', 'X-TC-Region'],
  ['token', 'X-TC-Token'],
  ['language', 'X-TC-Language'],
];

function hostOf(input: SchemeInput): string {
  return headerValue(input.headers, 'host') ?? wireTarget(input.url).host ?? '';
}

/** `service=`, else the host's first DNS label (`cvm.tencentcloudapi.com` → `cvm`). */
export function tc3Service(input: SchemeInput): string {
  return input.plan.parameters.service ?? hostOf(input).split('.')[0];
}

/** SecretSigning = HMAC chain over the UTC date, the service and `tc3_request`, from `TC3` + SecretKey. */
function tc3SigningKey(secret: string, date: string, service: string): Buffer {
  return hmacSha256(hmacSha256(hmacSha256(`TC3${secret}`, date), service), 'tc3_request');
}

/**
 * Tencent Cloud API 3.0 TC3-HMAC-SHA256 (signing-clouds.md §3): canonical URI `/`, the wire query,
 * signed header values trimmed and lower-cased, hex signature over a UTC-date scope without region.
 */
export const tencentTc3Signer: SchemeSigner = {
  staleHeaders: () => ['x-tc-timestamp'],
  derivedHeaders(input: SchemeInput): HeaderField[] {
    const derived: HeaderField[] = [];
    const host = wireTarget(input.url).host;
    if (headerValue(input.headers, 'host') === undefined && host !== null) derived.push({ name: 'Host', value: host });
    if (headerValue(input.headers, 'content-type') === undefined) {
      const type = input.method === 'GET' ? 'application/x-www-form-urlencoded' : 'application/json';
      derived.push({ name: 'Content-Type', value: type });
    }
    for (const [option, name] of optionHeaders) {
      const value = input.plan.parameters[option];
      if (value !== undefined && headerValue(input.headers, name) === undefined) derived.push({ name, value });
    }
    derived.push({ name: 'X-TC-Timestamp', value: String(Math.floor(input.now.getTime() / 1000)) });
    return derived;
  },
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const { plan, headers } = input;
    const names = [...new Set(plan.signedHeaders.map((name) => name.toLowerCase()))]
      .filter((name) => headerValue(headers, name) !== undefined)
      .sort(compareAscii);
    const block = names.map((name) => `${name}:${(headerValue(headers, name) ?? '').toLowerCase()}\n`).join('');
    const canonicalRequest = [
      input.method,
      '/',
      wireTarget(input.url).query,
      block,
      names.join(';'),
      sha256Hex(input.body),
    ].join('\n');
    const timestamp = Math.floor(input.now.getTime() / 1000);
    const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
    const service = tc3Service(input);
    const scope = `${date}/${service}/tc3_request`;
    const signingString = [algorithm, String(timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
    const signature = hmacSha256(tc3SigningKey(secret, date, service), signingString).toString('hex');
    const authorization = `${algorithm} Credential=${plan.keyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
    return authorizationOutput({ signedHeaders: names, signingString, signature, authorization, canonicalRequest });
  },
};

import type { HeaderField } from '../model/outgoing';
import { sameName, trimHeaderValue } from './headerFields';
import { pseudoHeaderNames } from './schemeRegistry';
import type { SchemeName } from './signingTypes';

/** Hop-by-hop headers: proxies and the transport may drop or rewrite them, so they cannot be signed. */
const hopByHopHeaders = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export interface SignedHeaderProblem {
  code:
    | 'signed-header-missing'
    | 'signed-header-repeated'
    | 'signed-header-empty'
    | 'signed-header-non-ascii'
    | 'signed-header-hop-by-hop'
    | 'signed-header-listed-twice';
  name: string;
  message: string;
}

/** Characters outside printable ASCII (tab allowed): Node sends them as Latin-1 bytes, not the UTF-8 signed (E4). */
export function hasNonAscii(value: string): boolean {
  return /[^\t\x20-\x7e]/.test(value);
}

/** Problems that make a signed header unsendable or unverifiable (E2, E3, E4); empty when none. */
export function signedHeaderProblems(
  headers: readonly HeaderField[],
  signedHeaders: readonly string[],
  scheme: SchemeName,
): SignedHeaderProblem[] {
  const problems: SignedHeaderProblem[] = [];
  const seen = new Set<string>();
  for (const name of signedHeaders) {
    const lower = name.toLowerCase();
    if (seen.has(lower)) {
      problems.push({
        code: 'signed-header-listed-twice',
        name,
        message: `"${name}" is listed twice in the signed headers; list each header once.`,
      });
      continue;
    }
    seen.add(lower);
    if (pseudoHeaderNames.has(lower) && scheme !== 'tencent-keypair' && scheme !== 'tencent-app') continue;
    problems.push(...headerProblems(headers, name));
  }
  return problems;
}

function headerProblems(headers: readonly HeaderField[], name: string): SignedHeaderProblem[] {
  const lower = name.toLowerCase();
  if (hopByHopHeaders.has(lower)) {
    return [
      {
        code: 'signed-header-hop-by-hop',
        name,
        message: `"${name}" is a hop-by-hop header that proxies and the transport may drop or rewrite; it cannot be signed.`,
      },
    ];
  }
  const values = headers.filter((field) => sameName(field.name, name)).map((field) => trimHeaderValue(field.value));
  if (values.length === 0) {
    return [
      {
        code: 'signed-header-missing',
        name,
        message: `Signed header "${name}" is not in the request; add a "${name}: …" header or remove it from headers="…".`,
      },
    ];
  }
  if (values.length > 1) {
    return [
      {
        code: 'signed-header-repeated',
        name,
        message: `Signed header "${name}" appears ${values.length} times; gateways reject a repeated signed header. Keep one.`,
      },
    ];
  }
  if (values[0] === '') {
    return [
      {
        code: 'signed-header-empty',
        name,
        message: `Signed header "${name}" has an empty value, which some HTTP stacks drop; give it a value or stop signing it.`,
      },
    ];
  }
  if (hasNonAscii(values[0])) {
    return [
      {
        code: 'signed-header-non-ascii',
        name,
        message: `Signed header "${name}" has non-ASCII characters: Node sends them as Latin-1 bytes while the signature covers UTF-8, so the gateway cannot verify it. Percent-encode the value.`,
      },
    ];
  }
  return [];
}

/** Why a key id cannot be written into the signature header (E16), or null. */
export function keyIdProblem(keyId: string, scheme: SchemeName): string | null {
  if (keyId.trim() === '') return 'The key id is empty.';
  if (/["\\,\r\n]/.test(keyId)) {
    return `Key id "${keyId}" contains a quote, backslash, comma or line break, which cannot be written into the signature header.`;
  }
  if (scheme === 'apisix-legacy' && keyId.includes('#')) {
    return `Key id "${keyId}" contains "#", which the hmac-auth-v1 format uses as a separator.`;
  }
  return null;
}

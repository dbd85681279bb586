import { cloudAuthorizationTemplate } from './cloudAuthorizationTemplate';
import { parseQuotedParameters, splitHeaderList } from './parseSigningParameters';
import type { SchemeName } from './signingTypes';
import { standardSchemeTemplate } from './standardSchemeTemplates';

/** What an `Authorization: hmac id="…"` / `Signature keyId="…"` (or `Signature:`) header asks for. */
export interface AuthorizationTemplate {
  scheme: SchemeName;
  keyId: string | null;
  algorithm: string | null;
  signedHeaders: string[] | null;
  signatureHeader: 'Authorization' | 'Signature';
  /** Options the template fixes (AWS region and service from its scope, the OAuth token, RFC 9421 components…). */
  parameters?: Record<string, string>;
}

function hmacTemplate(rest: string): AuthorizationTemplate {
  const parameters = parseQuotedParameters(rest);
  const username = parameters.get('username');
  const keyId = parameters.get('id') ?? username ?? null;
  const isApp = keyId !== null && /^APID/i.test(keyId);
  const scheme: SchemeName =
    username !== undefined && !parameters.has('id') ? 'kong' : isApp ? 'tencent-app' : 'tencent-keypair';
  const headers = parameters.get('headers');
  return {
    scheme,
    keyId,
    algorithm: parameters.get('algorithm') ?? null,
    signedHeaders: headers === undefined ? null : splitHeaderList(headers),
    signatureHeader: 'Authorization',
  };
}

function signatureTemplate(rest: string, signatureHeader: 'Authorization' | 'Signature'): AuthorizationTemplate {
  const parameters = parseQuotedParameters(rest);
  const headers = parameters.get('headers');
  const names = headers === undefined ? null : splitHeaderList(headers);
  const scheme: SchemeName =
    signatureHeader === 'Authorization' && names?.includes('@request-target') ? 'apisix' : 'cavage';
  return {
    scheme,
    keyId: parameters.get('keyid') ?? null,
    algorithm: parameters.get('algorithm') ?? null,
    signedHeaders: names,
    signatureHeader,
  };
}

function legacyTemplate(value: string): AuthorizationTemplate {
  const [, keyId, , algorithm, , headers] = value.split('#');
  return {
    scheme: 'apisix-legacy',
    keyId: keyId || null,
    algorithm: algorithm || null,
    signedHeaders: headers ? splitHeaderList(headers) : null,
    signatureHeader: 'Authorization',
  };
}

/**
 * Reads a signing template from a header, or null when the header is not one. `hmac id=` is Tencent
 * (app auth when the id starts with `APID`), `hmac username=` Kong, `Signature keyId=` APISIX when it
 * lists `@request-target` and cavage otherwise, `hmac-auth-v1#…` APISIX legacy; a `Signature:` header
 * with `keyId=` is cavage's Signature-header form.
 */
export function parseAuthorizationTemplate(name: string, value: string): AuthorizationTemplate | null {
  const lowerName = name.toLowerCase();
  const text = value.trim();
  const standard = standardSchemeTemplate(lowerName, text);
  if (standard !== null) return standard;
  if (lowerName === 'signature') return /keyId\s*=/i.test(text) ? signatureTemplate(text, 'Signature') : null;
  if (lowerName !== 'authorization') return null;
  if (/^hmac-auth-v1#/i.test(text)) return legacyTemplate(text);
  const cloud = cloudAuthorizationTemplate(text);
  if (cloud !== null) return cloud;
  const match = /^(hmac|signature)\s+(.*)$/is.exec(text);
  if (!match) return null;
  return match[1].toLowerCase() === 'hmac' ? hmacTemplate(match[2]) : signatureTemplate(match[2], 'Authorization');
}

import type { AuthorizationTemplate } from './parseAuthorizationTemplate';
import type { SchemeName } from './signingTypes';

/** `Name=value` parts of `ALG Credential=…, SignedHeaders=…, Signature=…` (comma separated, unquoted). */
function commaParameters(text: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const part of text.split(',')) {
    const equalsAt = part.indexOf('=');
    if (equalsAt > 0) parameters.set(part.slice(0, equalsAt).trim().toLowerCase(), part.slice(equalsAt + 1).trim());
  }
  return parameters;
}

function template(
  scheme: SchemeName,
  keyId: string | undefined,
  signedHeaders: string | undefined,
  parameters: Record<string, string>,
): AuthorizationTemplate {
  return {
    scheme,
    keyId: keyId === undefined || keyId === '' ? null : keyId,
    algorithm: null,
    signedHeaders: signedHeaders === undefined ? null : signedHeaders.split(';').filter((name) => name !== ''),
    signatureHeader: 'Authorization',
    parameters,
  };
}

/**
 * A pasted AWS, Tencent Cloud TC3 or Huawei `Authorization` value as a template (signing-clouds.md
 * §1.5): the key id, scope (region/service) and signed-header list are kept; the rest is regenerated.
 */
export function cloudAuthorizationTemplate(value: string): AuthorizationTemplate | null {
  const match = /^(AWS4-HMAC-SHA256|TC3-HMAC-SHA256|SDK-HMAC-SHA256)\s+(.*)$/is.exec(value);
  if (!match) return null;
  const parameters = commaParameters(match[2]);
  const signedHeaders = parameters.get('signedheaders');
  if (match[1].toUpperCase() === 'SDK-HMAC-SHA256') {
    return template('huawei-apig', parameters.get('access'), signedHeaders, {});
  }
  const scope = (parameters.get('credential') ?? '').split('/');
  if (match[1].toUpperCase() === 'TC3-HMAC-SHA256') {
    return template('tencent-tc3', scope[0], signedHeaders, scope[2] ? { service: scope[2] } : {});
  }
  const [keyId, , region, service] = scope;
  const scopeParameters: Record<string, string> = {};
  if (region) scopeParameters.region = region;
  if (service) scopeParameters.service = service;
  return template('aws-sigv4', keyId, signedHeaders, scopeParameters);
}

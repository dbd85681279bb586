import type { HeaderField } from '../../model/outgoing';
import type { ImportWarning } from '../importTypes';
import { arrayAt, isRecord, type JsonRecord, recordAt, textAt } from '../jsonValues';
import { awsSignSpec } from '../signingFromHeaders';

/** What a security requirement adds to a request. */
export interface SecurityMapping {
  headers: HeaderField[];
  query: string[];
  sign: string | null;
}

const empty = (): SecurityMapping => ({ headers: [], query: [], sign: null });

function variableName(name: string): string {
  return name.replace(/[^\w]+/g, '_');
}

function apiKeyMapping(scheme: JsonRecord, name: string, region: string): SecurityMapping {
  if (textAt(scheme, 'x-amazon-apigateway-authtype')?.toLowerCase() === 'awssigv4') {
    return { ...empty(), sign: awsSignSpec('{{awsKeyId}}', region, 'execute-api', false) };
  }
  const key = textAt(scheme, 'name') ?? 'X-API-Key';
  const value = `{{${variableName(name)}}}`;
  const where = textAt(scheme, 'in');
  if (where === 'query') return { ...empty(), query: [`${key}=${value}`] };
  if (where === 'cookie') return { ...empty(), headers: [{ name: 'Cookie', value: `${key}=${value}` }] };
  return { ...empty(), headers: [{ name: key, value }] };
}

function schemeMapping(
  scheme: JsonRecord,
  name: string,
  region: string,
  warn: (message: string) => void,
): SecurityMapping {
  const type = textAt(scheme, 'type');
  const http = (textAt(scheme, 'scheme') ?? '').toLowerCase();
  if (type === 'basic' || (type === 'http' && http === 'basic')) {
    warn(
      'Basic auth uses {{basicAuth}}: set basicAuth to the base64 of "user:password" in gwhttp.env.private.json or .env.',
    );
    return { ...empty(), headers: [{ name: 'Authorization', value: 'Basic {{basicAuth}}' }] };
  }
  if (type === 'http' && http === 'bearer') {
    warn('Bearer auth uses {{bearerToken}}: set it in gwhttp.env.private.json or .env.');
    return { ...empty(), headers: [{ name: 'Authorization', value: 'Bearer {{bearerToken}}' }] };
  }
  if (type === 'apiKey') {
    const mapping = apiKeyMapping(scheme, name, region);
    warn(
      mapping.sign
        ? 'AWS IAM auth became "# @sign aws-sigv4 id={{awsKeyId}}": set awsKeyId and store its secret key.'
        : `The API key uses {{${variableName(name)}}}: set it in gwhttp.env.private.json or .env.`,
    );
    return mapping;
  }
  if (type === 'oauth2' || type === 'openIdConnect') {
    warn('OAuth uses {{accessToken}} as a Bearer token: gwhttp does not fetch tokens; set accessToken yourself.');
    return { ...empty(), headers: [{ name: 'Authorization', value: 'Bearer {{accessToken}}' }] };
  }
  warn(
    `The security scheme type "${type ?? '?'}${http ? ` ${http}` : ''}" has no counterpart in gwhttp; requests are imported without it.`,
  );
  return empty();
}

/** Maps the document's security schemes once each (their warnings once), by scheme name. */
export function securityMappings(
  document: JsonRecord,
  region: string,
  warnings: ImportWarning[],
): Map<string, SecurityMapping> {
  const swagger = textAt(document, 'swagger') !== null;
  const schemes = swagger
    ? recordAt(document, 'securityDefinitions')
    : recordAt(recordAt(document, 'components'), 'securitySchemes');
  const place = swagger ? 'securityDefinitions' : 'components.securitySchemes';
  const mappings = new Map<string, SecurityMapping>();
  for (const [name, scheme] of Object.entries(schemes ?? {})) {
    if (!isRecord(scheme)) continue;
    mappings.set(
      name,
      schemeMapping(scheme, name, region, (message) => warnings.push({ where: `${place}.${name}`, message })),
    );
  }
  return mappings;
}

/** What the first of an operation's security alternatives (or the document's) adds; `security: []` adds nothing. */
export function operationSecurity(
  operation: JsonRecord,
  document: JsonRecord,
  mappings: Map<string, SecurityMapping>,
): SecurityMapping {
  const requirements = Array.isArray(operation.security) ? operation.security : arrayAt(document, 'security');
  const first = requirements.find(isRecord);
  const out = empty();
  for (const name of Object.keys(first ?? {})) {
    const mapping = mappings.get(name);
    if (!mapping) continue;
    out.headers.push(...mapping.headers);
    out.query.push(...mapping.query);
    out.sign ??= mapping.sign;
  }
  return out;
}

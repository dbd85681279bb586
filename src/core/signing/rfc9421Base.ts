import type { HeaderField } from '../model/outgoing';
import { headerValue, sameName } from './headerFields';
import { isAbsoluteHttpUrl, parseQueryPairs, requestTarget } from './requestTarget';
import {
  type CoveredComponent,
  serializeComponent,
  serializeSignatureParams,
  type SignatureParams,
  splitTopLevel,
} from './rfc9421Components';
import { SchemeSigningError } from './schemeSigningError';

/** What RFC 9421 components are taken from: a request (method and URL) or a response (status). */
export interface SignedMessage {
  method?: string;
  /** Absolute URL, or an origin-form target (`/foo?a=1`) whose authority is the Host header. */
  url?: string;
  status?: number;
  headers: readonly HeaderField[];
}

/** The HTML "application/x-www-form-urlencoded percent-encode set", space as %20 (RFC 9421 §2.2.8). */
function formEncode(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'))
    .map((byte) =>
      /[A-Za-z0-9*\-._]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

function fieldLines(message: SignedMessage, name: string): string[] {
  const lines = message.headers
    .filter((field) => sameName(field.name, name))
    .map((field) => field.value.replace(/\r?\n[ \t]+/g, ' ').replace(/^[ \t]+|[ \t]+$/g, ''));
  if (lines.length === 0) {
    throw new SchemeSigningError(
      `Covered field "${name}" is not in the request; add it or remove it from components="…".`,
    );
  }
  return lines;
}

function dictionaryMember(value: string, key: string, name: string): string {
  for (const member of splitTopLevel(value, ',')) {
    const text = member.trim();
    const equalsAt = text.indexOf('=');
    const memberKey = (equalsAt < 0 ? text : text.slice(0, equalsAt)).trim();
    if (memberKey === key) return equalsAt < 0 ? '?1' : text.slice(equalsAt + 1).trim();
  }
  throw new SchemeSigningError(`Field "${name}" has no dictionary member "${key}".`);
}

function fieldValue(message: SignedMessage, component: CoveredComponent): string {
  const lines = fieldLines(message, component.name);
  const params = new Map(component.params);
  if (params.has('bs')) return lines.map((line) => `:${Buffer.from(line, 'utf8').toString('base64')}:`).join(', ');
  const joined = lines.join(', ');
  const key = params.get('key');
  if (typeof key === 'string') return dictionaryMember(joined, key, component.name);
  // `;sf`: the members re-serialised with single spaces after commas, none around `;` and `=`.
  if (params.has('sf')) {
    return splitTopLevel(joined, ',')
      .map((member) =>
        member
          .trim()
          .replace(/\s*;\s*/g, ';')
          .replace(/\s*=\s*/g, '='),
      )
      .join(', ');
  }
  return joined;
}

function authority(message: SignedMessage): string {
  const url = message.url ?? '';
  const host = isAbsoluteHttpUrl(url) ? requestTarget(url).host : headerValue(message.headers, 'host');
  if (!host) throw new SchemeSigningError('"@authority" needs an absolute URL or a Host header.');
  return host.toLowerCase();
}

function queryParam(query: string, name: string): string {
  const found = parseQueryPairs(query).filter(([key]) => key === name);
  if (found.length !== 1) {
    throw new SchemeSigningError(
      found.length === 0
        ? `Query parameter "${name}" is not in the URL.`
        : `Query parameter "${name}" is repeated; sign "@query" instead.`,
    );
  }
  return formEncode(found[0][1] ?? '');
}

function requestPart(message: SignedMessage, name: string): string {
  if (message.url === undefined || message.method === undefined) {
    throw new SchemeSigningError(`"${name}" is a request component; this message is a response.`);
  }
  return message.url;
}

function derivedValue(message: SignedMessage, component: CoveredComponent): string {
  if (component.name === '@status') {
    if (message.status === undefined) throw new SchemeSigningError('"@status" exists only for responses.');
    return String(message.status);
  }
  const url = requestPart(message, component.name);
  const target = requestTarget(url);
  switch (component.name) {
    case '@method':
      return message.method ?? '';
    case '@authority':
      return authority(message);
    case '@scheme':
      return isAbsoluteHttpUrl(url) ? url.slice(0, url.indexOf(':')).toLowerCase() : 'https';
    case '@target-uri':
      return isAbsoluteHttpUrl(url) ? new URL(url).href : `https://${authority(message)}${target.target}`;
    case '@request-target':
      return target.target;
    case '@path':
      return target.path;
    case '@query':
      return `?${target.query}`;
    case '@query-param': {
      const name = component.params.find(([key]) => key === 'name')?.[1];
      if (typeof name !== 'string') throw new SchemeSigningError('"@query-param" needs ;name=NAME.');
      return queryParam(target.query, name);
    }
    default:
      throw new SchemeSigningError(`Unknown derived component "${component.name}".`);
  }
}

export function componentValue(message: SignedMessage, component: CoveredComponent): string {
  return component.name.startsWith('@') ? derivedValue(message, component) : fieldValue(message, component);
}

/** The signature base (RFC 9421 §2.5) and the `@signature-params` value that ends it. */
export function signatureBase(
  message: SignedMessage,
  components: readonly CoveredComponent[],
  params: SignatureParams,
): { base: string; signatureParams: string } {
  const signatureParams = serializeSignatureParams(components, params);
  const lines = components.map(
    (component) => `${serializeComponent(component)}: ${componentValue(message, component)}`,
  );
  lines.push(`"@signature-params": ${signatureParams}`);
  return { base: lines.join('\n'), signatureParams };
}

import type { MockKey } from './mockKeys';
import type { MockRequest } from './mockRequest';

/** What the mock answers on success: the request as received, so examples can chain on it. */
export interface EchoBody {
  method: string;
  path: string;
  /** Decoded query parameters; a repeated key gives an array. */
  query: Record<string, string | string[]>;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body as UTF-8 text ('' when there is none). */
  body: string;
  /** The body parsed as JSON when it is JSON, else null. */
  json: unknown;
  auth: { keyId: string; scheme: string; usagePlanId: string };
}

function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

export function echoBody(request: MockRequest, key: MockKey): EchoBody {
  const url = new URL(request.target, 'http://mock.invalid');
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const headers: Record<string, string> = {};
  for (const [name, values] of request.headers) headers[name] = values.join(', ');
  const body = request.body.toString('utf8');
  return {
    method: request.method,
    path: url.pathname,
    query,
    headers,
    body,
    json: parseJson(body),
    auth: {
      keyId: key.id,
      scheme: key.scheme ?? (key.type === 'app' ? 'tencent-app' : 'tencent-keypair'),
      usagePlanId: key.usagePlanId,
    },
  };
}

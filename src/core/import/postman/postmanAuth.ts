import type { HeaderField } from '../../model/outgoing';
import { arrayAt, isRecord, textAt } from '../jsonValues';
import { awsSignSpec } from '../signingFromHeaders';

/** What an auth block adds to a request: headers, query parameters, a `# @sign` value. */
export interface PostmanAuth {
  headers: HeaderField[];
  query: string[];
  sign: string | null;
}

const none = (): PostmanAuth => ({ headers: [], query: [], sign: null });

/** The `key` → `value` list of an auth block (`auth.basic = [{key, value}]`). */
function parameters(auth: Record<string, unknown>, type: string): Map<string, string> {
  const entries = new Map<string, string>();
  const list = auth[type];
  if (Array.isArray(list)) {
    for (const entry of arrayAt(auth, type)) {
      const key = textAt(entry, 'key');
      if (key !== null) entries.set(key, textAt(entry, 'value') ?? '');
    }
  } else if (isRecord(list)) {
    for (const [key, value] of Object.entries(list)) if (typeof value === 'string') entries.set(key, value);
  }
  return entries;
}

const hasVariable = (value: string) => value.includes('{{');

function basic(values: Map<string, string>, warn: (message: string) => void): PostmanAuth {
  const user = values.get('username') ?? '';
  const password = values.get('password') ?? '';
  if (!hasVariable(user) && !hasVariable(password)) {
    warn(
      'Basic auth: the user and password are in the file as Basic credentials; keep it out of version control or use variables.',
    );
    const encoded = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
    return { ...none(), headers: [{ name: 'Authorization', value: `Basic ${encoded}` }] };
  }
  warn(
    `Basic auth with variables: gwhttp does not base64-encode variables, so the header uses {{basicAuth}}; set basicAuth to the base64 of "user:password" (in gwhttp.env.private.json or .env).`,
  );
  return { ...none(), headers: [{ name: 'Authorization', value: 'Basic {{basicAuth}}' }] };
}

function apiKey(values: Map<string, string>): PostmanAuth {
  const key = values.get('key') ?? 'X-API-Key';
  const value = values.get('value') ?? '';
  if (values.get('in') === 'query') return { ...none(), query: [`${key}=${value}`] };
  return { ...none(), headers: [{ name: key, value }] };
}

function aws(values: Map<string, string>, warn: (message: string) => void): PostmanAuth {
  const id = values.get('accessKey') || '{{awsKeyId}}';
  const session = (values.get('sessionToken') ?? '') !== '';
  warn(
    `AWS Signature became "# @sign aws-sigv4": the secret key is not written; store it for ${id} (GW HTTP: Store Secret Key, or GWHTTP_SECRET_<KEYID>)${session ? ', and set awsSessionToken' : ''}.`,
  );
  const spec = awsSignSpec(id, values.get('region') || 'us-east-1', values.get('service') || 'execute-api', session);
  return { ...none(), sign: spec };
}

/**
 * Maps a Postman auth block onto what gwhttp has: Basic and Bearer headers, an API key header or
 * query parameter, AWS Signature as `# @sign aws-sigv4`; anything else is left out with a warning.
 * Secrets Postman keeps in the block (an AWS secret key, OAuth secrets) are never written.
 */
export function postmanAuth(auth: Record<string, unknown> | null, warn: (message: string) => void): PostmanAuth {
  const type = textAt(auth, 'type');
  if (auth === null || type === null || type === 'noauth') return none();
  const values = parameters(auth, type);
  if (type === 'basic') return basic(values, warn);
  if (type === 'bearer') {
    return { ...none(), headers: [{ name: 'Authorization', value: `Bearer ${values.get('token') ?? ''}` }] };
  }
  if (type === 'apikey') return apiKey(values);
  if (type === 'awsv4') return aws(values, warn);
  if (type === 'oauth2' && values.get('accessToken')) {
    warn('OAuth 2.0: the access token is sent as a Bearer header; gwhttp does not fetch or refresh tokens.');
    return { ...none(), headers: [{ name: 'Authorization', value: `Bearer ${values.get('accessToken')}` }] };
  }
  warn(`Postman's "${type}" auth has no counterpart in gwhttp yet; the request is imported without it.`);
  return none();
}

import { constants, createHash, createHmac, createPublicKey, type KeyObject, verify } from 'node:crypto';

/**
 * Independent server-side verifiers for the property tests, written from RFC 9421/9530, the EdgeGrid
 * description and RFC 5849 without any gwhttp code. Each returns null when the request verifies.
 */
export interface Received {
  method: string;
  /** The request-target as on the request line. */
  target: string;
  scheme: 'http' | 'https';
  host: string;
  /** Raw header pairs in order. */
  headers: [string, string][];
  body: Buffer;
}

function values(request: Received, name: string): string[] {
  return request.headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value.trim());
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64');
}

// ---------- RFC 9421 ----------

export type Rfc9421Key =
  | { alg: 'hmac-sha256'; secret: Buffer }
  | { alg: 'ed25519' | 'rsa-pss-sha512' | 'ecdsa-p256-sha256'; publicKey: KeyObject | string };

function componentLine(request: Received, item: string): string | null {
  const [quoted, ...params] = item.split(';');
  const name = quoted.replace(/"/g, '');
  const queryAt = request.target.indexOf('?');
  const path = queryAt < 0 ? request.target : request.target.slice(0, queryAt);
  const query = queryAt < 0 ? '' : request.target.slice(queryAt + 1);
  let value: string | null;
  if (name === '@method') value = request.method;
  else if (name === '@authority') value = request.host.toLowerCase();
  else if (name === '@path') value = path;
  else if (name === '@query') value = `?${query}`;
  else if (name === '@target-uri') value = `${request.scheme}://${request.host}${request.target}`;
  else if (name === '@request-target') value = request.target;
  else if (name === '@scheme') value = request.scheme;
  else if (name.startsWith('@')) return null;
  else {
    const found = values(request, name);
    value = found.length === 0 ? null : found.join(', ');
  }
  if (value === null) return null;
  return `${quoted}${params.length ? `;${params.join(';')}` : ''}: ${value}`;
}

export function verifyRfc9421(request: Received, keys: Record<string, Rfc9421Key>): string | null {
  const input = values(request, 'signature-input')[0] ?? '';
  const match = /^([a-z0-9_*.-]+)=\(([^)]*)\)(.*)$/.exec(input);
  if (!match) return 'no Signature-Input';
  const [, label, inner, params] = match;
  const signatureMatch = new RegExp(`^${label}=:([A-Za-z0-9+/=]+):$`).exec(values(request, 'signature')[0] ?? '');
  if (!signatureMatch) return 'no Signature for the label';
  const keyid = /;keyid="([^"]*)"/.exec(params)?.[1] ?? '';
  const key = keys[keyid];
  if (!key) return 'unknown keyid';
  const items = inner.trim() === '' ? [] : inner.trim().split(' ');
  const lines: string[] = [];
  for (const item of items) {
    const line = componentLine(request, item);
    if (line === null) return `cannot compute ${item}`;
    lines.push(line);
  }
  if (items.includes('"content-digest"')) {
    const digest = /^(sha-256|sha-512)=:([A-Za-z0-9+/=]*):$/.exec(values(request, 'content-digest')[0] ?? '');
    if (!digest) return 'no content-digest';
    const expected = createHash(digest[1] === 'sha-512' ? 'sha512' : 'sha256')
      .update(request.body)
      .digest('base64');
    if (digest[2] !== expected) return 'content-digest mismatch';
  }
  lines.push(`"@signature-params": (${inner})${params}`);
  const base = Buffer.from(lines.join('\n'), 'utf8');
  const signature = Buffer.from(signatureMatch[1], 'base64');
  if (key.alg === 'hmac-sha256') {
    return createHmac('sha256', key.secret).update(base).digest().equals(signature) ? null : 'mismatch';
  }
  const publicKey = typeof key.publicKey === 'string' ? createPublicKey(key.publicKey) : key.publicKey;
  const ok =
    key.alg === 'ed25519'
      ? verify(null, base, publicKey, signature)
      : key.alg === 'rsa-pss-sha512'
        ? verify(
            'sha512',
            base,
            { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 },
            signature,
          )
        : verify('sha256', base, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  return ok ? null : 'mismatch';
}

// ---------- Akamai EdgeGrid ----------

export function verifyEdgegrid(
  request: Received,
  secrets: Record<string, string>,
  signed: string[],
  maxBody = 131072,
): string | null {
  const authorization = values(request, 'authorization')[0] ?? '';
  const match =
    /^(EG1-HMAC-SHA256 client_token=([^;]*);access_token=[^;]*;timestamp=([^;]*);nonce=[^;]*;)signature=(.*)$/.exec(
      authorization,
    );
  if (!match) return 'format';
  const [, prefix, clientToken, timestamp, signature] = match;
  const headers = signed
    .filter((name) => values(request, name.toLowerCase()).length > 0)
    .map((name) => `${name.toLowerCase()}:${values(request, name.toLowerCase()).join(',').replace(/\s+/g, ' ')}`)
    .join('\t');
  const hash =
    request.method === 'POST' && request.body.length > 0
      ? b64(createHash('sha256').update(request.body.subarray(0, maxBody)).digest())
      : '';
  const data = [request.method, request.scheme, request.host.toLowerCase(), request.target, headers, hash, prefix].join(
    '\t',
  );
  const key = b64(
    createHmac('sha256', secrets[clientToken] ?? '')
      .update(timestamp)
      .digest(),
  );
  return b64(createHmac('sha256', key).update(data).digest()) === signature ? null : 'mismatch';
}

// ---------- OAuth 1.0a ----------

function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function formPairs(text: string): [string, string][] {
  return text
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const [name, value = ''] = part.split(/=(.*)/s);
      const decode = (raw: string) => {
        try {
          return decodeURIComponent(raw.replace(/\+/g, ' '));
        } catch {
          return raw;
        }
      };
      return [decode(name), decode(value)];
    });
}

export function verifyOauth1(
  request: Received,
  consumerSecrets: Record<string, string>,
  tokenSecrets: Record<string, string>,
): string | null {
  const authorization = values(request, 'authorization')[0] ?? '';
  if (!authorization.startsWith('OAuth ')) return 'format';
  const protocol = new Map<string, string>();
  for (const field of authorization.slice(6).matchAll(/(\w+)="([^"]*)"/g))
    {protocol.set(field[1], decodeURIComponent(field[2]));}
  const signature = protocol.get('oauth_signature') ?? '';
  const queryAt = request.target.indexOf('?');
  const pairs = queryAt < 0 ? [] : formPairs(request.target.slice(queryAt + 1));
  const type = (values(request, 'content-type')[0] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') pairs.push(...formPairs(request.body.toString('utf8')));
  for (const [name, value] of protocol) if (name !== 'realm' && name !== 'oauth_signature') pairs.push([name, value]);
  const normalised = pairs
    .map(([name, value]) => [encode(name), encode(value)])
    .sort(([a, x], [b, y]) => (a !== b ? (a < b ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const path = queryAt < 0 ? request.target : request.target.slice(0, queryAt);
  const base = `${request.method}&${encode(`${request.scheme}://${request.host.toLowerCase()}${path}`)}&${encode(normalised)}`;
  const key = `${encode(consumerSecrets[protocol.get('oauth_consumer_key') ?? ''] ?? '')}&${encode(tokenSecrets[protocol.get('oauth_token') ?? ''] ?? '')}`;
  return b64(createHmac('sha1', key).update(base).digest()) === signature ? null : 'mismatch';
}

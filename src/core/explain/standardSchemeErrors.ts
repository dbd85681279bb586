import type { ExplainInput } from './explanation';
import type { GatewayErrorEntry } from './gatewayErrorEntry';

/**
 * Documented rejections of Akamai EdgeGrid, OAuth 1.0a, RFC 9421 / RFC 9530 and HTTP Digest
 * (signing-clouds.md §10.5–10.8), matched in the message (Akamai's problem+json `detail`, OAuth's
 * `oauth_problem=…`, Twitter-style `errors[0].message`).
 */
export const standardSchemeErrors: readonly GatewayErrorEntry[] = [
  {
    code: 'akamai.signatureMismatch',
    gateway: 'akamai',
    statuses: [401],
    match: 'the signature does not match',
    details: 'signature',
    cause:
      'Akamai computed another EG1-HMAC-SHA256 signature: the data to sign (method, scheme, host, path and query, signed headers, POST body hash, auth prefix) or the client secret differ.',
    fix: "Compare gwhttp's data to sign with the request; check the client secret stored for the client token, that the host is the credential's host, headers=… and max-body=… (the API's setting, often 131072).",
  },
  {
    code: 'akamai.invalidTimestamp',
    gateway: 'akamai',
    statuses: [400],
    match: 'invalid timestamp',
    details: 'clock',
    cause:
      'Akamai refused the timestamp= of the Authorization header: the local clock is off (the window is about 30 seconds).',
    fix: 'Synchronise the clock (NTP) and send again; gwhttp signs with a fresh timestamp on every send.',
  },
  {
    code: 'akamai.inactiveClientToken',
    gateway: 'akamai',
    statuses: [401],
    match: 'inactive client token',
    details: 'none',
    cause: 'The client token is disabled or expired in Akamai Control Center.',
    fix: 'Activate the API client or create new credentials, then update id= and access-token=.',
  },
  ...oauthProblem(
    'signature_invalid',
    'signature',
    'The server computed another OAuth signature base string or key.',
    "Compare gwhttp's base string; check the consumer secret (by id) and the token secret (by token=); form bodies are signed, JSON is not.",
  ),
  ...oauthProblem(
    'timestamp_refused',
    'clock',
    'The server refused oauth_timestamp: the local clock is off.',
    'Synchronise the clock and send again.',
  ),
  ...oauthProblem(
    'nonce_used',
    'none',
    'The server saw this oauth_nonce before.',
    'Remove a fixed nonce= from the directive: gwhttp makes a fresh nonce per send.',
  ),
  ...oauthProblem(
    'consumer_key_unknown',
    'none',
    'The server does not know the consumer key (id=).',
    'Check id= against the consumer key of your app.',
  ),
  ...oauthProblem(
    'token_rejected',
    'none',
    'The server rejected oauth_token.',
    'Check token= (and that it belongs to this consumer key).',
  ),
  ...oauthProblem(
    'token_expired',
    'none',
    'The access token has expired.',
    'Obtain a new token and update token= and its secret.',
  ),
  ...oauthProblem(
    'parameter_absent',
    'none',
    'A required OAuth protocol parameter is missing.',
    'Check token=, callback= or verifier= for this endpoint.',
  ),
  ...oauthProblem(
    'signature_method_rejected',
    'none',
    'The server does not accept HMAC-SHA1.',
    'gwhttp signs OAuth 1.0a with HMAC-SHA1 only; this server needs another method.',
  ),
  {
    code: 'oauth.couldNotAuthenticate',
    gateway: 'oauth',
    statuses: [401],
    match: 'could not authenticate you',
    details: 'signature',
    cause:
      'The OAuth 1.0a signature did not verify (Twitter-style error 32): base string, consumer secret or token secret differ.',
    fix: "Compare gwhttp's base string; check both secrets and that a form body's Content-Type is application/x-www-form-urlencoded.",
  },
  {
    code: 'oauth.timestampOutOfBounds',
    gateway: 'oauth',
    statuses: [401],
    match: 'timestamp out of bounds',
    details: 'clock',
    cause: 'The server refused oauth_timestamp (Twitter-style error 135): the local clock is off.',
    fix: 'Synchronise the clock and send again.',
  },
  ...digestProblem(
    'digest-mismatched-values',
    'The Content-Digest (or Repr-Digest) does not match the body the server received.',
    'Send the body bytes that were signed: no proxy or transport may recompress or rewrite them (R-8).',
  ),
  ...digestProblem(
    'digest-invalid-values',
    'The server could not read the Content-Digest value.',
    'gwhttp writes `sha-256=:BASE64:`; check for a hand-written Content-Digest header.',
  ),
  ...digestProblem(
    'digest-unsupported-algorithms',
    'The server does not accept this digest algorithm.',
    'Use digest=sha-256 or digest=sha-512 as its Want-Content-Digest field lists.',
  ),
];

function oauthProblem(
  problem: string,
  details: GatewayErrorEntry['details'],
  cause: string,
  fix: string,
): GatewayErrorEntry[] {
  return [
    {
      code: `oauth.${problem}`,
      gateway: 'oauth',
      statuses: [400, 401],
      match: `oauth_problem=${problem}`,
      details,
      cause,
      fix,
    },
  ];
}

function digestProblem(type: string, cause: string, fix: string): GatewayErrorEntry[] {
  return [
    { code: `rfc9530.${type}`, gateway: 'rfc9421', statuses: [400], match: `#${type}`, details: 'none', cause, fix },
  ];
}

/** Rejections told by status and headers rather than a message (HTTP Digest, RFC 9421 Accept-Signature). */
export function standardSchemeFallback(input: ExplainInput): GatewayErrorEntry | null {
  const problemType = /http-problem-types(#digest-[a-z-]+)/.exec(input.bodyText)?.[1];
  if (problemType) return standardSchemeErrors.find((entry) => entry.match === problemType) ?? null;
  const scheme = input.signing?.scheme;
  const base = { statuses: [input.status], match: '' };
  if (scheme === 'digest' && input.status === 401) {
    return {
      ...base,
      code: 'digest.credentialsRejected',
      gateway: 'digest',
      details: 'none',
      cause:
        'The server rejected the Digest answer: the username or password is wrong (a stale nonce would have been answered again).',
      fix: 'Check id= (the username) and the password stored for it; gwhttp does not retry further.',
    };
  }
  if (scheme === 'digest' && input.status === 400) {
    return {
      ...base,
      code: 'digest.uriMismatch',
      gateway: 'digest',
      details: 'none',
      cause:
        'The server refused the Digest answer as malformed, usually because uri= does not match the request-target (RFC 7616 §3.4.6).',
      fix: 'Send the request directly (a proxy that rewrites the path breaks uri=).',
    };
  }
  const wanted = input.headers.find((header) => header.name.toLowerCase() === 'accept-signature');
  if (scheme === 'rfc9421' && input.status === 401 && wanted) {
    return {
      ...base,
      code: 'rfc9421.acceptSignature',
      gateway: 'rfc9421',
      details: 'signature',
      cause: `The server asks for another signature (Accept-Signature: ${wanted.value}).`,
      fix: 'Cover the components and parameters it lists: components="…" and alg=, created=, expires=, nonce= as asked.',
    };
  }
  if (scheme === 'rfc9421' && input.status === 401) {
    return {
      ...base,
      code: 'rfc9421.rejected',
      gateway: 'rfc9421',
      details: 'signature',
      cause:
        'The server did not accept the HTTP message signature (RFC 9421 defines no error texts): the signature base, the key or the algorithm differ from what it expects.',
      fix: "Compare gwhttp's signature base with the server's; check the key stored for the key id, alg=, and that every covered component arrives unchanged (proxies may rewrite headers).",
    };
  }
  return null;
}

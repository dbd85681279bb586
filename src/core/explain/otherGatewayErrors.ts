import type { GatewayErrorEntry } from './gatewayErrorEntry';

const apisixLog = 'APISIX returns the detailed reason only in its error log (unless the plugin runs under multi-auth).';

/**
 * Kong `hmac-auth` and Apache APISIX `hmac-auth` texts (signing.md §8.2, §8.3) that the Tencent table does
 * not already cover (Kong shares `HMAC signature does not match` / `cannot be verified` with Tencent).
 */
export const otherGatewayErrors: readonly GatewayErrorEntry[] = [
  { code: 'kong.unauthorized', gateway: 'kong', statuses: [401, 403], match: 'unauthorized', exact: true, details: 'none',
    cause: 'Kong found no Authorization (or Proxy-Authorization) header.',
    fix: 'Sign the request: `# @sign kong id=USERNAME algorithm=hmac-sha256 headers="x-date @request-target"`.' },
  { code: 'apisix.missingAuthorization', gateway: 'apisix', statuses: [401], match: "client request can't be validated: missing authorization header", details: 'none',
    cause: 'APISIX found no Authorization header.',
    fix: 'Sign the request: `# @sign apisix id=KEY_ID algorithm=hmac-sha256 headers="@request-target date"`.' },
  { code: 'apisix.notSignature', gateway: 'apisix', statuses: [401], match: "authorization header does not start with 'signature'", details: 'signature',
    cause: 'APISIX 3.11+ expects `Authorization: Signature keyId="…",algorithm="…",headers="…",signature="…"`.',
    fix: 'Use the `apisix` scheme (or `apisix-legacy` for APISIX 3.10 and older, which uses X-HMAC-* headers).' },
  { code: 'apisix.cannotValidate', gateway: 'apisix', statuses: [401], match: "client request can't be validated", details: 'signature',
    cause: `APISIX rejected the signature: wrong secret, key id, algorithm, a missing signed header, a Date more than clock_skew (300 s) away, or a body digest mismatch. ${apisixLog}`,
    fix: 'Check the key id and secret, send a current `Date` and list it in `headers=`, and compare the local signing string (details) with the one in the gateway error log.' },
  { code: 'apisix.invalidSignature', gateway: 'apisix', statuses: [401], match: 'invalid signature', exact: true, details: 'signature',
    cause: 'APISIX computed a different signature.', fix: 'Check the secret for this key id and the signed headers; the local signing string is in the details.' },
  { code: 'apisix.clockSkew', gateway: 'apisix', statuses: [401], match: 'clock skew exceeded', details: 'clock',
    cause: 'The Date header is further from the gateway clock than clock_skew allows.', fix: 'Correct the local clock and send again.' },
  { code: 'apisix.badDate', gateway: 'apisix', statuses: [401], match: 'invalid gmt format time', details: 'clock',
    cause: 'The Date header is not an IMF-fixdate.', fix: 'Send Date like `Tue, 01 Apr 2025 08:00:00 GMT`.' },
  { code: 'apisix.dateMissing', gateway: 'apisix', statuses: [401], match: 'date header missing', details: 'clock',
    cause: 'APISIX requires a Date header to check the clock skew.', fix: 'Send a Date header and list `date` in `headers=`.' },
  { code: 'apisix.keyIdOrSignatureMissing', gateway: 'apisix', statuses: [401], match: 'keyid or signature missing', details: 'signature',
    cause: 'The Signature header lacks keyId or signature.', fix: 'Use the `apisix` scheme so gwhttp writes both.' },
  { code: 'apisix.invalidKeyId', gateway: 'apisix', statuses: [401], match: 'invalid key_id', details: 'signature',
    cause: 'No APISIX consumer has this key id.', fix: 'Check the key id against the consumer\'s hmac-auth credential.' },
  { code: 'apisix.invalidAlgorithm', gateway: 'apisix', statuses: [401], match: 'invalid algorithm', details: 'signature',
    cause: 'The algorithm is not in the route\'s allowed_algorithms (default hmac-sha1, hmac-sha256, hmac-sha512; no sha384).',
    fix: 'Use hmac-sha256.' },
  { code: 'apisix.invalidDigest', gateway: 'apisix', statuses: [401], match: 'invalid digest', details: 'signature',
    cause: 'The Digest header does not match the body (validate_request_body is on).',
    fix: 'Send `Digest: SHA-256=<Base64 of the SHA-256 of the exact body bytes>`; gwhttp computes it when the scheme lists `digest`.' },
];

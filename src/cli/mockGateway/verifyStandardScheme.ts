import { randomBytes } from 'node:crypto';

import { digestChallenges, verifyDigestRequest } from './digestGate';
import type { MockKey } from './mockKeys';
import type { MockRequest } from './mockRequest';
import { first } from './mockSignedRequest';
import * as demo from './standardMockKeys';
import { verifyEdgegridRequest } from './verifyEdgegridRequest';
import { verifyOauth1Request } from './verifyOauth1Request';
import { type Rfc9421VerifyKey, verifyRfc9421Request } from './verifyRfc9421Request';

export type StandardScheme = 'rfc9421' | 'akamai-edgegrid' | 'oauth1' | 'digest';

export interface StandardAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string | string[]>;
  note: string;
}

export type StandardVerification =
  { ok: true; key: MockKey; scheme: StandardScheme } | { ok: false; answer: StandardAnswer };

/** What the standard-scheme verifiers know: the demo credentials and this run's Digest nonce key. */
export interface StandardSchemeGate {
  rfc9421Keys: Map<string, Rfc9421VerifyKey>;
  edgegridSecrets: Map<string, string>;
  oauthConsumers: Map<string, string>;
  oauthTokens: Map<string, string>;
  digestUsers: Map<string, string>;
  digestKey: Buffer;
}

export function createStandardSchemeGate(): StandardSchemeGate {
  return {
    rfc9421Keys: new Map<string, Rfc9421VerifyKey>([
      [demo.demoRfc9421HmacKeyId, { alg: 'hmac-sha256', secret: Buffer.from(demo.demoRfc9421HmacSecret) }],
      [demo.demoEd25519KeyId, { alg: 'ed25519', publicKeyPem: demo.demoEd25519PublicKey }],
    ]),
    edgegridSecrets: new Map([[demo.demoEdgegridClientToken, demo.demoEdgegridSecret]]),
    oauthConsumers: new Map([[demo.demoOauthConsumerKey, demo.demoOauthConsumerSecret]]),
    oauthTokens: new Map([[demo.demoOauthToken, demo.demoOauthTokenSecret]]),
    digestUsers: new Map([[demo.demoDigestUser, demo.demoDigestPassword]]),
    digestKey: randomBytes(32),
  };
}

/** OAuth 1.0a parameters sent in the query or a form body (RFC 5849 §3.5.2–3.5.3). */
function oauthParametersOutsideHeader(request: MockRequest): boolean {
  if (/[?&]oauth_signature=/.test(request.target)) return true;
  const type = first(request, 'content-type').split(';')[0].trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' && /(^|&)oauth_signature=/.test(request.body.toString('utf8'));
}

/** Which standard scheme a request is for, by its headers (or the `/digest/` path), or null. */
export function standardSchemeOf(request: MockRequest): StandardScheme | null {
  const authorization = first(request, 'authorization');
  if (request.headers.has('signature-input')) return 'rfc9421';
  if (authorization.startsWith('EG1-HMAC-SHA256 ')) return 'akamai-edgegrid';
  if (authorization.startsWith('OAuth ') || oauthParametersOutsideHeader(request)) return 'oauth1';
  if (/^Digest /i.test(authorization) || request.target.startsWith('/digest/')) return 'digest';
  return null;
}

function accepted(scheme: StandardScheme, keyId: string): StandardVerification {
  const key: MockKey = { id: keyId, secret: '', usagePlanId: `usagePlan-demo-${scheme}`, limit: 500, type: 'keypair' };
  return { ok: true, key, scheme };
}

function refused(
  status: number,
  body: unknown,
  note: string,
  headers: StandardAnswer['headers'] = {},
): StandardVerification {
  return { ok: false, answer: { status, body, headers, note } };
}

function akamaiProblem(kind: 'deny' | 'request-error', detail: string): StandardVerification {
  const status = kind === 'deny' ? 401 : 400;
  const body = {
    type: `https://problems.luna.akamaiapis.net/-/pep-authn/${kind}`,
    title: kind === 'deny' ? 'Not authorized' : 'Bad request',
    status,
    detail,
    instance: '/mock',
  };
  return refused(status, body, detail, { 'Content-Type': 'application/problem+json' });
}

function verifyRfc9421(request: MockRequest, gate: StandardSchemeGate): StandardVerification {
  const result = verifyRfc9421Request(request, gate.rfc9421Keys);
  if (typeof result === 'object') return accepted('rfc9421', result.keyId);
  if (result === 'digestMismatch') {
    const type = 'https://iana.org/assignments/http-problem-types#digest-mismatched-values';
    return refused(400, { type, title: 'Content-Digest does not match the content' }, 'digest-mismatched-values');
  }
  const message = { message: `HTTP message signature not accepted (${result})` };
  if (result === 'mismatch' || result === 'unknownKey') return refused(401, message, result);
  // RFC 9421 §5: a request without a usable signature is told what to sign.
  const wanted = `sig1=("@method" "@authority" "@path");keyid="${demo.demoRfc9421HmacKeyId}"`;
  return refused(401, message, result, { 'Accept-Signature': wanted });
}

function verifyDigest(request: MockRequest, gate: StandardSchemeGate, now: Date): StandardVerification {
  const outcome = verifyDigestRequest(request, gate.digestUsers, gate.digestKey, now);
  if (outcome.ok) return accepted('digest', outcome.keyId);
  const note =
    first(request, 'authorization') === '' ? 'challenge' : outcome.stale ? 'stale nonce' : 'credentials rejected';
  return refused(401, { message: 'authentication required' }, note, {
    'WWW-Authenticate': digestChallenges(gate.digestKey, now, outcome.stale),
  });
}

/**
 * The mock's verifiers for RFC 9421, Akamai EdgeGrid, OAuth 1.0a and HTTP Digest (signing-clouds.md
 * §6–9), each answering its documented rejection (§10.5–10.8). Null for a request of another scheme.
 */
export function verifyStandardScheme(
  request: MockRequest,
  gate: StandardSchemeGate,
  now: Date,
): StandardVerification | null {
  switch (standardSchemeOf(request)) {
    case 'rfc9421':
      return verifyRfc9421(request, gate);
    case 'akamai-edgegrid': {
      const result = verifyEdgegridRequest(request, gate.edgegridSecrets, [], now);
      if (typeof result === 'object') return accepted('akamai-edgegrid', result.keyId);
      if (result === 'badTimestamp') return akamaiProblem('request-error', 'Invalid timestamp');
      return akamaiProblem(
        'deny',
        result === 'inactiveToken' ? 'Inactive client token' : 'The signature does not match',
      );
    }
    case 'oauth1': {
      const result = verifyOauth1Request(request, gate.oauthConsumers, gate.oauthTokens, now);
      if (typeof result === 'object') return accepted('oauth1', result.keyId);
      return refused(
        result === 'parameter_absent' ? 400 : 401,
        { message: `oauth_problem=${result}` },
        `oauth_problem=${result}`,
      );
    }
    case 'digest':
      return verifyDigest(request, gate, now);
    case null:
      return null;
  }
}

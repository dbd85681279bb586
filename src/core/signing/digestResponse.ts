import { createHash } from 'node:crypto';

import type { DigestChallenge } from './digestChallenge';
import { uriEncode } from './percentEncode';
import { SchemeSigningError } from './schemeSigningError';

/** Algorithms gwhttp answers, strongest first (RFC 7616 §3.7). */
export const digestAlgorithms = ['SHA-512-256', 'SHA-256', 'MD5'] as const;

const hashNames: Record<string, string> = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };

function baseAlgorithm(algorithm: string): string {
  return algorithm.replace(/-SESS$/i, '').toUpperCase();
}

function hash(algorithm: string, text: string): string {
  return createHash(hashNames[baseAlgorithm(algorithm)]).update(text, 'utf8').digest('hex');
}

/** The challenge to answer: the strongest supported one (or the one `wanted` names) offering qop=auth. */
export function chooseDigestChallenge(challenges: readonly DigestChallenge[], wanted?: string): DigestChallenge {
  const usable = challenges.filter(
    (challenge) => hashNames[baseAlgorithm(challenge.algorithm)] !== undefined && challenge.qop.includes('auth'),
  );
  const allowed =
    wanted === undefined
      ? usable
      : usable.filter((challenge) => baseAlgorithm(challenge.algorithm) === wanted.toUpperCase());
  const rank = (challenge: DigestChallenge) => digestAlgorithms.indexOf(baseAlgorithm(challenge.algorithm) as never);
  const chosen = [...allowed].sort((a, b) => rank(a) - rank(b))[0];
  if (chosen === undefined) {
    const offered = challenges.map((challenge) => `${challenge.algorithm} qop=${challenge.qop.join(',') || 'none'}`);
    throw new SchemeSigningError(
      `The server's Digest challenge cannot be answered (offered: ${offered.join('; ') || 'none'}); gwhttp answers MD5, SHA-256 and SHA-512-256 with qop=auth${wanted ? `, here only ${wanted}` : ''}.`,
    );
  }
  return chosen;
}

export interface DigestAnswerInput {
  challenge: DigestChallenge;
  username: string;
  password: string;
  method: string;
  /** The request-target exactly as sent (path and query, DG-1). */
  uri: string;
  cnonce: string;
  /** 1 for the first use of the nonce. */
  nonceCount: number;
}

/** HA1 (password-equivalent: for computing and tests only, never shown or logged, DG-5). */
export function digestHa1(input: Pick<DigestAnswerInput, 'challenge' | 'username' | 'password' | 'cnonce'>): string {
  const { challenge } = input;
  const ha1 = hash(challenge.algorithm, `${input.username}:${challenge.realm}:${input.password}`);
  return /-SESS$/i.test(challenge.algorithm)
    ? hash(challenge.algorithm, `${ha1}:${challenge.nonce}:${input.cnonce}`)
    : ha1;
}

export interface DigestAnswer {
  /** The Authorization value. */
  authorization: string;
  /** HA2, the response, and the username as sent (HA1 is password-equivalent and never returned). */
  ha2: string;
  response: string;
  username: string;
}

/** RFC 7616 §3.4: HA1, HA2, response and the Authorization header; `nc` is 8 lower-case hex digits. */
export function answerDigestChallenge(input: DigestAnswerInput): DigestAnswer {
  const { challenge } = input;
  const algorithm = challenge.algorithm;
  const nc = input.nonceCount.toString(16).padStart(8, '0');
  const ha1 = digestHa1(input);
  const ha2 = hash(algorithm, `${input.method}:${input.uri}`);
  const response = hash(algorithm, `${ha1}:${challenge.nonce}:${nc}:${input.cnonce}:auth:${ha2}`);
  const quote = (text: string) => `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
  const username = challenge.userhash ? hash(algorithm, `${input.username}:${challenge.realm}`) : input.username;
  const userField =
    !challenge.userhash && /[^\x20-\x7e]/.test(username)
      ? `username*=UTF-8''${uriEncode(username)}`
      : `username=${quote(username)}`;
  const fields = [
    userField,
    `realm=${quote(challenge.realm)}`,
    `uri=${quote(input.uri)}`,
    `algorithm=${algorithm}`,
    `nonce=${quote(challenge.nonce)}`,
    `nc=${nc}`,
    `cnonce=${quote(input.cnonce)}`,
    'qop=auth',
    `response=${quote(response)}`,
  ];
  if (challenge.opaque !== null) fields.push(`opaque=${quote(challenge.opaque)}`);
  if (challenge.userhash) fields.push('userhash=true');
  return { authorization: `Digest ${fields.join(', ')}`, ha2, response, username };
}

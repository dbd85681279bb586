/**
 * Signing benchmark for rfc9421, akamai-edgegrid, oauth1 and digest (issue 13): each scheme signs a
 * typical request (JSON POST with a query and three headers) through `signRequest`, median of many
 * runs in microseconds. Goal: under 100 µs per signature. RSA-PSS-2048 is reported without a goal:
 * the RSA-2048 private-key operation alone costs a few hundred µs in OpenSSL, whatever the code around it.
 * Private keys are parsed once per run (RunContext.privateKeys), as runRequests does.
 * Run directly (`npx tsx bench/signBenchB.ts`) to print the figures.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import type { OutgoingRequest } from '../src/core/model/outgoing';
import { createSigningPlan } from '../src/core/signing/createSigningPlan';
import { parseDigestChallenges } from '../src/core/signing/digestChallenge';
import { answerDigestChallenge, chooseDigestChallenge } from '../src/core/signing/digestResponse';
import type { SchemeName } from '../src/core/signing/signingTypes';
import { signRequest } from '../src/core/signing/signRequest';
import { type BenchFigure, printFigures } from './benchFigure';

const goalMicros = 100;
const clock = { now: () => new Date() };

const request: OutgoingRequest = {
  method: 'POST',
  url: 'https://api.example.com/v1/orders?channel=web&page=2',
  headers: [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Accept', value: 'application/json' },
    { name: 'X-Request-Id', value: '6f1c2a9e-0d4b-4a53-9d0e-1a2b3c4d5e6f' },
  ],
  body: new Uint8Array(Buffer.from('{"sku": "A-1", "qty": 2, "note": "a typical small JSON body"}')),
};

function medianMicros(run: () => void, iterations: number): number {
  for (let i = 0; i < Math.min(iterations, 200); i++) run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run();
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(samples.length / 2)] * 10) / 10;
}

function pem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function schemeFigure(
  name: string,
  scheme: SchemeName,
  options: Record<string, string>,
  secret: string,
  hasGoal = true,
): BenchFigure {
  const plan = createSigningPlan(scheme, 'bench-key', { parameters: options });
  // One run's cache of parsed private keys, as runRequests keeps it (PEM parsing dwarfs signing).
  const extras = {
    otherSecrets: new Map([['bench-token', 'token-secret']]),
    privateKeys: new Map<string, KeyObject>(),
  };
  const value = medianMicros(() => signRequest(request, plan, secret, clock, extras), hasGoal ? 3000 : 200);
  const goal = hasGoal ? goalMicros : null;
  return {
    name,
    value,
    unit: 'µs',
    goal,
    ok: goal === null || value <= goal,
    detail: 'median per signature, signRequest end to end',
  };
}

function digestFigure(): BenchFigure {
  const header =
    'Digest realm="api", qop="auth", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe"';
  const value = medianMicros(() => {
    const challenge = chooseDigestChallenge(parseDigestChallenges([header]));
    answerDigestChallenge({
      challenge,
      username: 'u',
      password: 'p',
      method: 'POST',
      uri: '/v1/orders?channel=web',
      cnonce: 'c',
      nonceCount: 1,
    });
  }, 3000);
  return {
    name: 'digest SHA-256 (parse the challenge, answer it)',
    value,
    unit: 'µs',
    goal: goalMicros,
    ok: value <= goalMicros,
    detail: 'median',
  };
}

function main(): void {
  const ed25519 = generateKeyPairSync('ed25519').privateKey;
  const ecdsa = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  printFigures([
    schemeFigure(
      'rfc9421 hmac-sha256 (default components, Content-Digest)',
      'rfc9421',
      { alg: 'hmac-sha256' },
      'shared-secret',
    ),
    schemeFigure('rfc9421 ed25519', 'rfc9421', { alg: 'ed25519' }, pem(ed25519)),
    schemeFigure('rfc9421 ecdsa-p256-sha256', 'rfc9421', { alg: 'ecdsa-p256-sha256' }, pem(ecdsa)),
    schemeFigure('rfc9421 rsa-pss-sha512 (RSA-2048)', 'rfc9421', { alg: 'rsa-pss-sha512' }, pem(rsa), false),
    schemeFigure(
      'akamai-edgegrid (POST body hashed)',
      'akamai-edgegrid',
      { 'access-token': 'akab-at', headers: 'X-Request-Id' },
      'client-secret=',
    ),
    schemeFigure('oauth1 HMAC-SHA1 (with token)', 'oauth1', { token: 'bench-token' }, 'consumer-secret'),
    digestFigure(),
  ]);
}

main();

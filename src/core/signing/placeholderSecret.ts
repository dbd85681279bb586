import { generateKeyPairSync, type KeyObject } from 'node:crypto';

import type { SigningPlan } from './signingTypes';

function throwawayKey(alg: string): KeyObject | null {
  if (alg === 'ed25519') return generateKeyPairSync('ed25519').privateKey;
  if (alg === 'ecdsa-p256-sha256') return generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  if (alg === 'rsa-pss-sha512') return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return null;
}

/**
 * What stands in for a missing secret in a preview (Preview Signature shows the signature base): the
 * given text, or for an RFC 9421 private-key algorithm a throwaway key of that type (never sent).
 */
export function placeholderSecretFor(plan: SigningPlan, placeholder: string): string {
  if (plan.scheme !== 'rfc9421') return placeholder;
  const key = throwawayKey((plan.parameters.alg ?? '').toLowerCase());
  return key === null ? placeholder : key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

import type { SigningPlan } from './signingTypes';

/** Key ids of the secrets a plan needs besides `keyId`'s: the OAuth token secret, looked up by `token=`. */
export function otherSecretKeyIds(plan: SigningPlan): string[] {
  if (plan.scheme === 'oauth1' && plan.parameters.token) return [plan.parameters.token];
  return [];
}

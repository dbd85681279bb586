import type { SigningInfo } from '../signing/signingTypes';
import type { GatewayErrorEntry } from './gatewayErrorEntry';

/**
 * The Tencent scheme a key id's shape belongs to (signing.md §2–3): a key-pair SecretId starts with
 * `AKID`, an application's ApiAppKey with `APID`. Null for any other shape.
 */
export function tencentSchemeOfKeyId(keyId: string): 'tencent-keypair' | 'tencent-app' | null {
  if (/^AKID/.test(keyId)) return 'tencent-keypair';
  if (/^APID/.test(keyId)) return 'tencent-app';
  return null;
}

const kinds = { 'tencent-keypair': 'a key-pair SecretId (AKID…)', 'tencent-app': 'an application ApiAppKey (APID…)' };

/**
 * A signature rejection of a request signed with one Tencent scheme under a key id whose shape
 * belongs to the other: the secret is not what is wrong, the scheme is. Null when they agree.
 */
export function schemeKeyMismatch(entry: GatewayErrorEntry, signing: SigningInfo | null): GatewayErrorEntry | null {
  if (!signing || (entry.details !== 'signature' && entry.details !== 'appSignature')) return null;
  if (signing.scheme !== 'tencent-keypair' && signing.scheme !== 'tencent-app') return null;
  const expected = tencentSchemeOfKeyId(signing.keyId);
  if (expected === null || expected === signing.scheme) return null;
  return {
    ...entry,
    code: 'tencent.schemeDoesNotMatchKey',
    title: `The signing scheme does not match the key: ${signing.keyId.slice(0, 4)}… keys use ${expected}`,
    cause: `${signing.keyId} is ${kinds[expected]}, which the gateway checks with ${expected}, but the request was signed with ${signing.scheme} (for ${kinds[signing.scheme]}). The two schemes sign different strings, so no secret can make this signature match.`,
    fix: `Sign with \`# @sign ${expected} id=${signing.keyId}\` (or the environment's "$sign"), or use a key of the other kind.`,
  };
}

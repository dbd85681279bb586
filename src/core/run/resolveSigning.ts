import { GwHttpError, type SourceLocation } from '../errors';
import type { Diagnostic } from '../model/diagnostic';
import type { SecretSource } from '../ports';
import { resolveSecret } from '../secrets/resolveSecret';
import { otherSecretKeyIds } from '../signing/otherSecretKeyIds';
import { placeholderSecretFor } from '../signing/placeholderSecret';
import { selectSigning, type SigningMemo } from '../signing/selectSigning';
import type { SigningPlan } from '../signing/signingTypes';
import type { PreparedRequest } from '../variables/preparedRequest';

/** How a prepared request is to be signed: its plan and the secret to sign with. */
export interface ResolvedSigning {
  plan: SigningPlan;
  secret: string;
  /** True when no secret was found and `placeholderSecret` stands in (a preview, never a send). */
  usedPlaceholder: boolean;
  /** Further secrets by key id (the OAuth token secret), to pass to `signRequest` and to mask. */
  otherSecrets: Map<string, string>;
}

export interface ResolveSigningOptions {
  /** The request file as shown in messages. */
  file: string;
  sources: SecretSource[];
  location?: SourceLocation;
  memo?: SigningMemo;
  /** When set, a missing secret is replaced by this value instead of failing (Preview Signature). */
  placeholderSecret?: string;
  /** Sees the warnings of the signing choice (`gwhttp sign` prints them); errors are thrown instead. */
  onWarnings?: (warnings: readonly Diagnostic[]) => void;
}

/**
 * Chooses the signing of a prepared request and finds its secret: null when the request is not
 * signed; a GwHttpError ('signing') at the first error diagnostic of the choice, naming file:line;
 * a GwHttpError ('missingSecret') when no source knows the key, unless a placeholder is allowed.
 */
export async function resolveSigning(
  prepared: PreparedRequest,
  options: ResolveSigningOptions,
): Promise<ResolvedSigning | null> {
  const { plan, diagnostics } = selectSigning(prepared, options.memo);
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity !== 'error');
  if (warnings.length > 0) options.onWarnings?.(warnings);
  const blocking = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (blocking) {
    throw new GwHttpError(
      'signing',
      `${options.file}:${blocking.line}: ${blocking.message}`,
      'Fix the signing setup of this request; nothing was sent.',
      { file: options.file, line: blocking.line },
    );
  }
  if (!plan) return null;
  let usedPlaceholder = false;
  const find = async (keyId: string): Promise<string> => {
    try {
      return await resolveSecret(keyId, options.sources, options.location);
    } catch (error) {
      if (options.placeholderSecret === undefined) throw error;
      usedPlaceholder = true;
      return keyId === plan.keyId ? placeholderSecretFor(plan, options.placeholderSecret) : options.placeholderSecret;
    }
  };
  const secret = await find(plan.keyId);
  const otherSecrets = new Map<string, string>();
  for (const keyId of otherSecretKeyIds(plan)) otherSecrets.set(keyId, await find(keyId));
  return { plan, secret, usedPlaceholder, otherSecrets };
}

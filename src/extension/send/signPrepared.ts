import { GwHttpError } from '../../core/errors';
import type { ParsedDocument } from '../../core/model/document';
import type { OutgoingRequest } from '../../core/model/outgoing';
import type { Clock, SecretSource } from '../../core/ports';
import { resolveSecret } from '../../core/secrets/resolveSecret';
import { selectSigning } from '../../core/signing/selectSigning';
import { signRequest } from '../../core/signing/signRequest';
import type { SigningInfo, SigningPlan } from '../../core/signing/signingTypes';
import { prepareRequest } from '../../core/variables/prepareRequest';
import type { PreparedRequest } from '../../core/variables/preparedRequest';
import type { VariableContext } from '../../core/variables/variableContext';

export interface SignedForView {
  prepared: PreparedRequest;
  plan: SigningPlan | null;
  request: OutgoingRequest;
  signing: SigningInfo | null;
  /** The secret used (to mask it everywhere); null when unsigned or signed with a placeholder. */
  secret: string | null;
}

export const placeholderSecret = 'gwhttp-placeholder-secret';

/**
 * Prepares and signs one request with a fresh date (for Preview Signature and Copy as cURL). With
 * `allowPlaceholder`, a missing secret signs with a placeholder so the signing string can be shown.
 */
export async function signPrepared(document: ParsedDocument, index: number, context: VariableContext, sources: SecretSource[], clock: Clock, allowPlaceholder: boolean): Promise<SignedForView & { usedPlaceholder: boolean }> {
  const request = document.requests[index];
  const prepared = await prepareRequest(document, request, context);
  const { plan, diagnostics } = selectSigning(prepared);
  const blocking = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (blocking) throw new GwHttpError('signing', blocking.message, 'Fix the signing configuration of this request.', { file: context.requestFile ?? 'untitled', line: blocking.line });
  if (!plan) return { prepared, plan, request: prepared.outgoing, signing: null, secret: null, usedPlaceholder: false };
  let secret: string;
  let usedPlaceholder = false;
  try {
    secret = await resolveSecret(plan.keyId, sources);
  } catch (error) {
    if (!allowPlaceholder) throw error;
    secret = placeholderSecret;
    usedPlaceholder = true;
  }
  const signed = signRequest(prepared.outgoing, plan, secret, clock);
  return { prepared, plan, request: signed.request, signing: signed.signing, secret: usedPlaceholder ? null : secret, usedPlaceholder };
}

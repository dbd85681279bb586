import type { ParsedDocument } from '../../core/model/document';
import type { OutgoingRequest } from '../../core/model/outgoing';
import type { Clock, SecretSource } from '../../core/ports';
import { resolveSigning } from '../../core/run/resolveSigning';
import type { SigningInfo, SigningPlan } from '../../core/signing/signingTypes';
import { signRequest } from '../../core/signing/signRequest';
import type { PreparedRequest } from '../../core/variables/preparedRequest';
import { prepareRequest } from '../../core/variables/prepareRequest';
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
export async function signPrepared(
  document: ParsedDocument,
  index: number,
  context: VariableContext,
  sources: SecretSource[],
  clock: Clock,
  allowPlaceholder: boolean,
): Promise<SignedForView & { usedPlaceholder: boolean }> {
  const prepared = await prepareRequest(document, document.requests[index], context);
  const signing = await resolveSigning(prepared, {
    file: context.requestFile ?? 'untitled',
    sources,
    placeholderSecret: allowPlaceholder ? placeholderSecret : undefined,
    keyFiles: context,
  });
  if (!signing) {
    return { prepared, plan: null, request: prepared.outgoing, signing: null, secret: null, usedPlaceholder: false };
  }
  const signed = signRequest(prepared.outgoing, signing.plan, signing.secret, clock, {
    otherSecrets: signing.otherSecrets,
  });
  const secret = signing.usedPlaceholder ? null : signing.secret;
  return {
    prepared,
    plan: signing.plan,
    request: signed.request,
    signing: signed.signing,
    secret,
    usedPlaceholder: signing.usedPlaceholder,
  };
}

import { GwHttpError, type SourceLocation } from '../errors';
import type { Diagnostic } from '../model/diagnostic';
import type { SecretSource } from '../ports';
import { isAwsCredentialSource } from '../secrets/awsCredentialSource';
import { resolveSecret } from '../secrets/resolveSecret';
import { otherSecretKeyIds } from '../signing/otherSecretKeyIds';
import { placeholderSecretFor } from '../signing/placeholderSecret';
import { type KeyFileAccess, privateKeyFilePath, readPrivateKeyFile } from '../signing/privateKeyFile';
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
  /** Reads rfc9421 private key files (`key-file=`, or a key id whose secret is a path); none: not read. */
  keyFiles?: KeyFileAccess;
}

/** The PEM text of a plan's key file (its contents become the secret, masked like any other). */
async function keyFileSecret(
  written: string,
  plan: SigningPlan,
  options: ResolveSigningOptions,
): Promise<{ secret: string; usedPlaceholder: boolean }> {
  const location = { file: options.file, line: plan.line };
  try {
    if (options.keyFiles === undefined) {
      throw new GwHttpError('file', 'private key files are not read here; nothing was sent.', location, {
        hint: 'Store the PEM text itself as the secret of the key id.',
      });
    }
    return { secret: await readPrivateKeyFile(written, options.keyFiles, location), usedPlaceholder: false };
  } catch (error) {
    if (options.placeholderSecret === undefined) throw error;
    return { secret: placeholderSecretFor(plan, options.placeholderSecret), usedPlaceholder: true };
  }
}

/** An `aws-sigv4` plan without `id=`: key id, secret and session token from the AWS credential source. */
async function withAwsCredentials(plan: SigningPlan, options: ResolveSigningOptions): Promise<ResolvedSigning> {
  const profile = plan.parameters.profile ?? null;
  for (const source of options.sources.filter(isAwsCredentialSource)) {
    const credentials = await source.awsCredentials(profile);
    if (credentials === undefined) continue;
    const parameters = { ...plan.parameters };
    if (credentials.sessionToken !== null && parameters['session-token'] === undefined) {
      parameters['session-token'] = credentials.sessionToken;
    }
    return {
      plan: { ...plan, keyId: credentials.accessKeyId, parameters },
      secret: credentials.secretAccessKey,
      usedPlaceholder: false,
      otherSecrets: new Map(),
    };
  }
  const asked =
    profile === null ? 'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the default profile' : `profile "${profile}"`;
  throw new GwHttpError(
    'missingSecret',
    `no AWS credentials for aws-sigv4 without id= (looked for ${asked}); nothing was sent.`,
    { file: options.file, line: plan.line },
    {
      scheme: plan.scheme,
      hint: 'Add id=ACCESS_KEY_ID to the # @sign line and store its secret, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or name a profile of ~/.aws/credentials with profile=NAME.',
    },
  );
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
      blocking.message,
      { file: options.file, line: blocking.line },
      { hint: 'Fix the signing setup of this request; nothing was sent.', scheme: plan?.scheme },
    );
  }
  if (!plan) return null;
  if (plan.keyId === '') return await withAwsCredentials(plan, options);
  const keyFile = privateKeyFilePath(plan, null);
  if (keyFile !== null) return { plan, ...(await keyFileSecret(keyFile, plan, options)), otherSecrets: new Map() };
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
  let secret = await find(plan.keyId);
  const named = usedPlaceholder ? null : privateKeyFilePath(plan, secret);
  if (named !== null) ({ secret, usedPlaceholder } = await keyFileSecret(named, plan, options));
  const otherSecrets = new Map<string, string>();
  for (const keyId of otherSecretKeyIds(plan)) otherSecrets.set(keyId, await find(keyId));
  return { plan, secret, usedPlaceholder, otherSecrets };
}

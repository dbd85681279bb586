import type { KeyObject } from 'node:crypto';

import { GwHttpError, type SourceLocation, untitledFile } from '../errors';
import type { HttpVersion } from '../http/httpResponse';
import type { Diagnostic } from '../model/diagnostic';
import type { ParsedDocument, ParsedRequest } from '../model/document';
import type { OutgoingRequest } from '../model/outgoing';
import type { Clock, SecretSource } from '../ports';
import { dotenvSecrets, processEnvSecrets } from '../redaction';
import type { SigningMemo } from '../signing/selectSigning';
import { sensitiveParameters } from '../signing/sensitiveParameters';
import type { SignedRequest, SigningInfo, SigningPlan } from '../signing/signingTypes';
import { signRequest } from '../signing/signRequest';
import { preloadVariables } from '../variables/preloadVariables';
import type { PreparedRequest } from '../variables/preparedRequest';
import { prepareRequest } from '../variables/prepareRequest';
import type { ChainedExchange, VariableContext } from '../variables/variableContext';
import { resolveSigning } from './resolveSigning';
import { requestedHttpVersion } from './transportStep';

/** The secret Preview Signature signs with when none is stored (the preview says so; never sent). */
export const previewPlaceholderSecret = 'gwhttp-placeholder-secret';

/** What the sign step needs: the part of a RunContext that Send, Preview, cURL and `gwhttp sign` share. */
export interface SignContext {
  /** The request file as shown in messages. */
  file: string;
  variables: Omit<VariableContext, 'chain'>;
  secretSources: readonly SecretSource[];
  clock: Clock;
  signingMemo?: SigningMemo;
  privateKeys?: Map<string, KeyObject>;
  /** Fixes the nonce of the schemes that send one (`gwhttp sign --nonce`); a fresh one per signature otherwise. */
  nonce?: () => string;
  /** When set, a missing secret is replaced by this value instead of failing (Preview Signature). */
  placeholderSecret?: string;
  /** Sees the warnings of the signing choice (`gwhttp sign` prints them). */
  onWarnings?: (warnings: readonly Diagnostic[]) => void;
  /** Cancels what the sign step waits for (an OAuth2 token); a run passes its own. */
  signal?: AbortSignal;
  /** Told the prepared (unsigned) request before signing, so a signing failure can still show it. */
  onPrepared?: (prepared: PreparedRequest) => void;
  /** Told every secret of the signing before it is used, so a failure's text can mask them. */
  onSecrets?: (secrets: readonly string[]) => void;
  /**
   * Awaited once the signing is chosen and before the request is signed (the pacer's wait): a wait
   * never leaves a stale signature.
   */
  beforeSign?: (target: { url: string; keyId: string | null }) => Promise<void>;
  /** HTTP version for a request line that names none (`--http2`, `gwhttp.httpVersion`); default 1.1. */
  httpVersion?: HttpVersion;
}

/** A request prepared and signed (or left unsigned), as it goes on the wire. */
export interface SignedOutgoing {
  prepared: PreparedRequest;
  plan: SigningPlan | null;
  request: OutgoingRequest;
  signing: SigningInfo | null;
  /** The secret signed with; null when unsigned or signed with the placeholder. */
  secret: string | null;
  usedPlaceholder: boolean;
  /**
   * Every secret in play, to mask in any output: the signing's (secret, sensitive parameters, further
   * secrets) and every `GWHTTP_SECRET_*`/AWS secret of the environment and the request file's `.env`.
   */
  secrets: string[];
  /** The clock's time when signing started (also for an unsigned request). */
  signedAt: Date;
  /** Signs another hop (a redirect) the same way; null for an unsigned request. */
  resign: ((next: OutgoingRequest) => SignedRequest) | null;
  /** The HTTP version it is to be sent with (its request line's, else the run's); a request line is signed with it. */
  httpVersion: HttpVersion;
  /**
   * Signs a hop again for HTTP/1.1, when asked over HTTP/2 and the signature covers the request line
   * (Kong's `request-line`) but the exchange went over HTTP/1.1 (ALPN, a proxy); null when nothing differs.
   */
  resignOverHttp1: ((next: OutgoingRequest) => SignedRequest) | null;
}

/**
 * The one sign step of Send, Preview Signature, Copy as cURL and `gwhttp sign`: preload the
 * environments (unless loaded), resolve the request's variables, choose its signing, find the
 * secret and sign. Throws GwHttpError ('variable', 'file', 'signing', 'missingSecret').
 */
export async function prepareAndSign(
  document: ParsedDocument,
  request: ParsedRequest,
  chain: ReadonlyMap<string, ChainedExchange>,
  context: SignContext,
): Promise<SignedOutgoing> {
  try {
    return await signSteps(document, request, chain, context);
  } catch (error) {
    throw error instanceof GwHttpError ? inRequestFile(error, request, context) : error;
  }
}

/**
 * A failure at its place in the request file by the name the front end shows it (a variable error
 * knows the file by its absolute path), or at the request when it has no place of its own.
 */
function inRequestFile(error: GwHttpError, request: ParsedRequest, context: SignContext): GwHttpError {
  const { location } = error;
  if (location === null) return error.locatedAt({ file: context.file, line: request.line });
  if (location.file !== (context.variables.requestFile ?? untitledFile)) return error;
  return new GwHttpError(error.code, error.message, { file: context.file, line: location.line }, error.details);
}

async function signSteps(
  document: ParsedDocument,
  request: ParsedRequest,
  chain: ReadonlyMap<string, ChainedExchange>,
  context: SignContext,
): Promise<SignedOutgoing> {
  const variables = await preloadVariables(context.variables);
  const prepared = await prepareRequest(
    document,
    request,
    { ...variables, chain },
    { secretSources: context.secretSources, signal: context.signal },
  );
  context.onPrepared?.(prepared);
  const signing = await resolveSigning(prepared, {
    file: context.file,
    sources: [...context.secretSources],
    location: { file: context.file, line: request.line },
    memo: context.signingMemo,
    placeholderSecret: context.placeholderSecret,
    onWarnings: context.onWarnings,
    keyFiles: context.variables,
  });
  await context.beforeSign?.({ url: prepared.outgoing.url, keyId: signing?.plan.keyId ?? null });
  // An unsigned request may still carry a secret of the environment or `.env` ({{$processEnv …}}, {{$dotenv …}}).
  // Worked out only when asked for (Send masks through its own run redactor, once per run).
  const httpVersion = requestedHttpVersion(request, context.httpVersion);
  if (!signing) {
    const at = context.clock.now();
    return new Signed(prepared, null, prepared.outgoing, null, null, false, [], variables, at, null, httpVersion, null);
  }
  const { secret, otherSecrets } = signing;
  // A request line (Kong's `request-line`) is signed as the gateway sees it: `HTTP/2.0` over HTTP/2.
  const plan =
    httpVersion === '2' && signing.plan.httpVersion === '1.1' ? { ...signing.plan, httpVersion: '2.0' } : signing.plan;
  const inPlay = [secret, ...sensitiveParameters(plan), ...otherSecrets.values()];
  context.onSecrets?.(inPlay);
  const extras = { otherSecrets, privateKeys: context.privateKeys, nonce: context.nonce };
  const signedAt = context.clock.now();
  const resign = (next: OutgoingRequest) => signRequest(next, plan, secret, context.clock, extras);
  const signed = signAt(() => resign(prepared.outgoing), { file: context.file, line: plan.line });
  const used = signing.usedPlaceholder ? null : secret;
  return new Signed(
    prepared,
    plan,
    signed.request,
    signed.signing,
    used,
    signing.usedPlaceholder,
    inPlay,
    variables,
    signedAt,
    resign,
    httpVersion,
    plan === signing.plan ? null : (next) => signRequest(next, signing.plan, secret, context.clock, extras),
  );
}

/**
 * A SignedOutgoing whose `secrets` are worked out when read (the environment's and `.env`'s secrets
 * are listed only for a front end that asks). A class, so each request gets one plain object rather
 * than an object literal with its own accessor.
 */
class Signed implements SignedOutgoing {
  constructor(
    readonly prepared: PreparedRequest,
    readonly plan: SigningPlan | null,
    readonly request: OutgoingRequest,
    readonly signing: SigningInfo | null,
    readonly secret: string | null,
    readonly usedPlaceholder: boolean,
    private readonly inPlay: readonly string[],
    private readonly variables: Omit<VariableContext, 'chain'>,
    readonly signedAt: Date,
    readonly resign: ((next: OutgoingRequest) => SignedRequest) | null,
    readonly httpVersion: SignedOutgoing['httpVersion'],
    readonly resignOverHttp1: SignedOutgoing['resignOverHttp1'],
  ) {}

  get secrets(): string[] {
    return [...this.inPlay, ...environmentSecrets(this.variables)];
  }
}

/** Every `GWHTTP_SECRET_*` and AWS secret of the process environment and of the request file's `.env`. */
function environmentSecrets(variables: Omit<VariableContext, 'chain'>): string[] {
  return [...processEnvSecrets(variables.processEnv), ...dotenvSecrets(variables.dotenv ?? null)];
}

/** A signing failure located at the signing's line (the signer knows the request, not the file). */
function signAt(sign: () => SignedRequest, location: SourceLocation): SignedRequest {
  try {
    return sign();
  } catch (error) {
    throw error instanceof GwHttpError ? error.locatedAt(location) : error;
  }
}

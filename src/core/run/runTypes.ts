import type { KeyObject } from 'node:crypto';

import type { AssertionResult } from '../assert/assertion';
import type { CookieJar } from '../cookies/cookieJar';
import type { CookieSet } from '../cookies/cookieSet';
import type { SourceLocation } from '../errors';
import type { Explanation } from '../explain/explainGatewayError';
import type { HttpClient } from '../http/httpClient';
import type { HttpResponse } from '../http/httpResponse';
import type { ParsedRequest } from '../model/document';
import type { OutgoingRequest } from '../model/outgoing';
import type { Clock, SecretSource } from '../ports';
import type { SigningMemo } from '../signing/selectSigning';
import type { SigningInfo } from '../signing/signingTypes';
import type { SnapshotOptions } from '../snapshot/snapshotStore';
import type { ThrottleState } from '../throttle/throttleState';
import type { VariableContext } from '../variables/variableContext';
import type { DigestChallengeExchange } from './digestRoundTrip';
import type { RateLimitRetry } from './retryRateLimited';

/** Everything a run needs; the CLI and the extension build it. */
export interface RunContext {
  /** Path shown in messages (`file:line`). */
  file: string;
  /** Variable context without the chain: the run keeps the chain of this run's exchanges. */
  variables: Omit<VariableContext, 'chain'>;
  secretSources: SecretSource[];
  clock: Clock;
  client: HttpClient;
  /** Environment for HTTP_PROXY/HTTPS_PROXY/NO_PROXY. */
  env: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Default timeout (ms, 0 = none); `# @timeout MS` overrides it per request. */
  timeoutMs: number;
  /** Skip TLS verification for every request (`--insecure`); `# @insecure` does it per request. */
  insecure: boolean;
  /** Follow redirects unless a request says `# @no-redirect`. */
  followRedirects: boolean;
  displayLimit?: number;
  memoryLimit?: number;
  /** Largest response header block accepted, in bytes (default 256 KiB: `defaultMaxHeaderSize`). */
  maxHeaderSize?: number;
  spillDirectory?: string | null;
  /** Signing choices of this run, reused for requests with the same signing setup (runRequests makes one). */
  signingMemo?: SigningMemo;
  /** Compare `# @expect-snapshot` requests with their file's snapshots (none: snapshots are not checked). */
  snapshots?: SnapshotOptions | null;
  /** Private keys parsed from PEM in this run (RFC 9421), reused by later requests; runRequests makes one. */
  privateKeys?: Map<string, KeyObject>;
  /** Told when a request's signed bytes are about to go on the wire (the panel's in-flight state). */
  onSending?: (request: ParsedRequest, outgoing: OutgoingRequest) => void;
  /** The cookie jar of the run (CLI) or of the environment scope (editor); none: cookies are neither sent nor kept. */
  cookieJar?: CookieJar | null;
  /** Send a request refused with 429 again after its Retry-After (`gwhttp send --retry-429`); none by default. */
  retryRateLimited?: RateLimitRetry | null;
}

export interface RunError {
  code: string;
  message: string;
  hint: string;
}

/** One request's outcome. A gateway rejection fills both `response` and `error`. */
export interface RunResult {
  index: number;
  name: string | null;
  location: SourceLocation;
  /** The request as sent (final hop, signed), or as prepared when sending failed; null if not prepared. */
  request: OutgoingRequest | null;
  signing: SigningInfo | null;
  response: HttpResponse | null;
  throttle: ThrottleState | null;
  explanation: Explanation | null;
  error: RunError | null;
  /** When signing/sending started (null when the request was never sent). */
  sentAt: Date | null;
  /** Trouble ahead on an answered exchange: clock drift against the gateway, a quota nearly used up. */
  warnings: string[];
  /** How the request's `?? …` assertions came out (empty when it has none or got no response). */
  assertions: AssertionResult[];
  /** How often the run waited and sent again after a 429 (`--retry-429`); absent when it did not. */
  waits?: number;
  /** The `Set-Cookie` of the responses (each hop's), as the jar took them; absent when the jar was not used. */
  cookiesSet?: CookieSet[];
  /** Digest: the first exchange (unauthenticated request, 401 challenge) before the answered one. */
  digestChallenge?: DigestChallengeExchange | null;
}

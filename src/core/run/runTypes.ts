import type { KeyObject } from 'node:crypto';

import type { AssertionResult } from '../assert/assertion';
import type { ClientCertificateSetting } from '../certificates/clientCertificateConfig';
import type { CookieJar } from '../cookies/cookieJar';
import type { CookieSet } from '../cookies/cookieSet';
import type { ErrorDetails, SourceLocation } from '../errors';
import type { Explanation } from '../explain/explainGatewayError';
import type { ClientCertificate } from '../http/clientCertificate';
import type { HttpClient } from '../http/httpClient';
import type { HttpResponse, HttpVersion } from '../http/httpResponse';
import type { ParsedRequest } from '../model/document';
import type { OutgoingRequest } from '../model/outgoing';
import type { Clock, SecretSource } from '../ports';
import type { Redactor } from '../redaction';
import type { SigningMemo } from '../signing/selectSigning';
import type { SigningInfo } from '../signing/signingTypes';
import type { SnapshotOptions } from '../snapshot/snapshotStore';
import type { PacedSend, QuotaPacer } from '../throttle/quotaPacer';
import type { ThrottleState } from '../throttle/throttleState';
import type { VariableContext } from '../variables/variableContext';
import type { DigestChallengeExchange } from './digestRoundTrip';
import type { ResponseFileStore } from './responseFileStore';
import type { RateLimitRetry } from './retryRateLimited';
import type { RunWait } from './waitWithCountdown';

/** Everything a run needs; the CLI and the extension build it. */
export interface RunContext {
  /** Path shown in messages (`file:line`). */
  file: string;
  /** Variable context without the chain: the run keeps the chain of this run's exchanges. */
  variables: Omit<VariableContext, 'chain'>;
  secretSources: SecretSource[];
  /** Masks the run's secrets in every output; the run tells it the secrets it signs with. */
  redactor: Redactor;
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
  /** Where `>> path` / `# @save path` write response bodies (none: they are not written, e.g. a preview). */
  responseFiles?: ResponseFileStore | null;
  /** Fixes the nonce of the schemes that send one (tests, dry runs); a fresh one per signature otherwise. */
  nonce?: () => string;
  /** Told when a request's signed bytes are about to go on the wire (the panel's in-flight state). */
  onSending?: (request: ParsedRequest, outgoing: OutgoingRequest) => void;
  /** The cookie jar of the run (CLI) or of the environment scope (editor); none: cookies are neither sent nor kept. */
  cookieJar?: CookieJar | null;
  /** Send a request refused with 429 again after its Retry-After (`gwhttp send --retry-429`); none by default. */
  retryRateLimited?: RateLimitRetry | null;
  /** Sends at a time (`--parallel N`, `gwhttp.parallel`; default 1); a file's `# @parallel N` overrides it. */
  parallel?: number;
  /** Sends of each chosen request (`--repeat N`; default 1); `# @repeat N` of a request or file overrides it. */
  repeat?: number;
  /** Paces sends by the gateway's reported window and keeps the quota budget; one per run, across its files. */
  pacer?: QuotaPacer | null;
  /** Told once a second while the run waits before a send (a countdown), and with 0 when the wait ends. */
  onWait?: (wait: RunWait) => void;
  /** Awaited by runOne just before a request is signed and sent (runRequests sets it for the pacer); may throw. */
  beforeSend?: (send: PacedSend) => Promise<void>;
  /** HTTP version of requests whose request line names none (`--http2`, `gwhttp.httpVersion`); default 1.1. */
  httpVersion?: HttpVersion;
  /** Client certificates by host from the `gwhttp.clientCertificates` setting; an environment's `"$clientCertificates"` win. */
  clientCertificates?: ClientCertificateSetting | null;
  /** Client certificates loaded in this run, by where they are configured and their host pattern (one per run). */
  certificates?: Map<string, Promise<ClientCertificate>>;
}

/** A request's failure as data: the front ends put `location` in front of `message`. */
export interface RunError {
  code: string;
  /** What failed, without the place. */
  message: string;
  hint: string;
  location: SourceLocation;
  /** The key id and scheme involved, when known (see ErrorDetails). */
  details: Omit<ErrorDetails, 'hint'>;
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
  /** Where the response body was written (`>> path`, `# @save path`); absent when it was not. */
  savedTo?: string;
  /** Which send of a repeated request this is (`--repeat`, `# @repeat`); absent when it is sent once. */
  repetition?: { number: number; of: number };
  /** The `Set-Cookie` of the responses (each hop's), as the jar took them; absent when the jar was not used. */
  cookiesSet?: CookieSet[];
  /** Digest: the first exchange (unauthenticated request, 401 challenge) before the answered one. */
  digestChallenge?: DigestChallengeExchange | null;
}

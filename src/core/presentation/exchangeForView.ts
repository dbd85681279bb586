import type { AssertionResult } from '../assert/assertion';
import type { CookieSet } from '../cookies/cookieSet';
import type { Explanation } from '../explain/explanation';
import type { HttpResponse } from '../http/httpResponse';
import type { HeaderField, OutgoingRequest } from '../model/outgoing';
import type { Redactor } from '../redaction';
import type { SigningInfo } from '../signing/signingTypes';
import type { ThrottleState } from '../throttle/throttleState';

/** What the response view needs from one finished exchange: subsets of the core's own result types. */
export type ResponseForView = Pick<
  HttpResponse,
  | 'status'
  | 'statusText'
  | 'headers'
  | 'body'
  | 'bodyText'
  | 'bodyTruncated'
  | 'size'
  | 'contentType'
  | 'timings'
  | 'httpVersion'
>;
export type SigningForView = Pick<
  SigningInfo,
  'scheme' | 'keyId' | 'algorithm' | 'signedHeaders' | 'signingString' | 'authorization' | 'canonicalRequest'
>;
export type ThrottleForView = Omit<ThrottleState, 'windowSeconds'>;
export type ExplanationForView = Explanation;

export interface ExchangeForView {
  id: number;
  title: string;
  /** `file:line` of the request. */
  source: string;
  environment: string | null;
  sentAt: Date;
  /** The request exactly as it went on the wire (after signing). */
  request: OutgoingRequest;
  signing: SigningForView | null;
  response: ResponseForView;
  throttle: ThrottleForView | null;
  explanation: ExplanationForView | null;
  /** Clock drift and quota warnings of the run. */
  warnings?: readonly string[];
  /** What the run did besides sending (the response body saved to a file). */
  notes?: readonly string[];
  /** How the request's `?? …` assertions came out. */
  assertions?: readonly AssertionResult[];
  /** Exchanges before the final one in the same send (Digest: the unauthenticated request and its 401). */
  earlier?: readonly { request: OutgoingRequest; status: number; responseHeaders: readonly HeaderField[] }[];
  /** Masks every secret of the run (and credential headers) in the view. */
  redactor: Redactor;
  /** This key's recent sends in this window (oldest first, this one last), for the throttling card's chart. */
  quotaHistory?: readonly { used: number | null; limit: number | null; throttled: boolean }[];
  /** The cookies the responses set, as the jar took them. */
  cookiesSet?: readonly CookieSet[];
}

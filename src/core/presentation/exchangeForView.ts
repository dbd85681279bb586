import type { HeaderField, OutgoingRequest } from '../model/outgoing';

/**
 * What the response view needs from one finished exchange. The shapes are the structural subsets of
 * the core's `HttpResponse`, `SigningInfo`, `ThrottleState` and `Explanation`, so a run result can be
 * passed field for field.
 */
export interface ResponseForView {
  status: number;
  statusText: string;
  headers: HeaderField[];
  body: Uint8Array;
  bodyText: string;
  bodyTruncated: boolean;
  size: number;
  contentType: string | null;
  timings: { dnsMs: number; connectMs: number; tlsMs: number; firstByteMs: number; downloadMs: number; totalMs: number };
}

export interface SigningForView {
  scheme: string;
  keyId: string;
  algorithm: string;
  signedHeaders: string[];
  signingString: string;
  authorization: string;
}

export interface ThrottleForView {
  limit: number | null;
  used: number | null;
  usedOf?: number | null;
  usedRaw: string | null;
  remaining: number | null;
  resetSeconds: number | null;
  retryAfterSeconds: number | null;
  usagePlanId: string | null;
  secretId: string | null;
  percentUsed: number | null;
  notes: string[];
}

export interface ExplanationForView {
  code: string;
  gatewayMessage: string;
  cause: string;
  fix: string;
  details: { label: string; value: string }[];
}

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
  /** Secret values that must never appear in the view; every occurrence is masked. */
  secrets: readonly string[];
}

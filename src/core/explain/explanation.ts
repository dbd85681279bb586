import type { HeaderField } from '../model/outgoing';
import type { SigningInfo } from '../signing/signingTypes';
import type { DetailKind } from './gatewayErrorEntry';

/** What a gateway rejection means and what to do about it. */
export interface Explanation {
  /** Stable code from the table, e.g. `tencent.signatureMismatch`, or `http.rateLimited` for an unlisted 429. */
  code: string;
  /** A few words for a heading (`The signature does not match`); the code is for machines. */
  title: string;
  /** The gateway's message as received (JSON `message` or the text body). */
  gatewayMessage: string;
  cause: string;
  fix: string;
  /** Supporting facts: local signing string and key id, clock offset, quota state, … */
  details: { label: string; value: string }[];
  /** What the details are about: the signature, the clock (a date rejection), the quota, or nothing more. */
  about: DetailKind;
}

export interface ExplainInput {
  status: number;
  headers: readonly HeaderField[];
  bodyText: string;
  /** How the request was signed, or null when it was not. */
  signing: SigningInfo | null;
  /** When the request was sent (local clock). */
  sentAt: Date;
}

/** One documented gateway error message and what it means (signing.md §8). Pure data. */
export type DetailKind = 'signature' | 'appSignature' | 'echoedSigning' | 'clock' | 'quota' | 'none';

export interface GatewayErrorEntry {
  /** Stable code, `<gateway>.<cause>`, e.g. `tencent.signatureMismatch`. */
  code: string;
  /** A few words for the explanation's heading, e.g. `The signature does not match` (else the cause's first clause). */
  title?: string;
  gateway:
    | 'tencent'
    | 'kong'
    | 'apisix'
    | 'aws'
    | 'tencent-cloud'
    | 'alibaba'
    | 'huawei'
    | 'akamai'
    | 'oauth'
    | 'rfc9421'
    | 'digest'
    | 'any';
  /** Statuses the gateway documents for this message (any generation); a match with another status is still accepted. */
  statuses: number[];
  /** Lower-case text the normalised message must contain (or equal, with `exact`). */
  match: string;
  exact?: boolean;
  /** Optional pattern whose first group fills `{0}` in cause and fix (a header name, an algorithm). */
  capture?: RegExp;
  details: DetailKind;
  cause: string;
  fix: string;
}

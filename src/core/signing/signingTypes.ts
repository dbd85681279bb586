import type { KeyObject } from 'node:crypto';

import type { HeaderField, OutgoingRequest } from '../model/outgoing';
import type { SigningAlgorithm } from './signingAlgorithm';

export const schemeNames = [
  'tencent-keypair',
  'tencent-app',
  'kong',
  'apisix',
  'apisix-legacy',
  'cavage',
  'aws-sigv4',
  'tencent-tc3',
  'alibaba-apigw',
  'huawei-apig',
  'rfc9421',
  'akamai-edgegrid',
  'oauth1',
  'digest',
] as const;
export type SchemeName = (typeof schemeNames)[number];

export function isSchemeName(value: string): value is SchemeName {
  return (schemeNames as readonly string[]).includes(value);
}

export type DateHeaderName = 'x-date' | 'date';

/** Where a request's signing configuration came from. */
export type SigningOrigin = 'template' | 'directive' | 'environment';

/** How one request is to be signed (no secret in here: it is looked up by `keyId` at send time). */
export interface SigningPlan {
  scheme: SchemeName;
  keyId: string;
  algorithm: SigningAlgorithm;
  /** Names in signing order, as written into `headers=` (lower case except for apisix-legacy). */
  signedHeaders: string[];
  /** The date header set from the clock at send time. */
  dateHeader: DateHeaderName;
  /** A `Source` value to send (Tencent key pair "signature watermark"), or null. */
  source: string | null;
  /** Kong / APISIX / cavage: send `Digest: SHA-256=…` of the body. */
  bodyDigest: boolean;
  /** Tencent app: strip a leading `/release`, `/prepub` or `/test` segment from the signed path. */
  stripEnvironment: boolean;
  /** APISIX legacy: percent-encode the canonical query (the plugin's `encode_uri_params`). */
  encodeQuery: boolean;
  /** cavage: carry the parameters in `Authorization: Signature …` or in a `Signature:` header. */
  signatureHeader: 'Authorization' | 'Signature';
  /** Kong `request-line`: HTTP version printed (`1.1`; `2.0` for HTTP/2). */
  httpVersion: string;
  origin: SigningOrigin;
  /** 1-based line of the template header, directive or request the plan comes from. */
  line: number;
  /** The scheme's stored `key=value` options as written (`region`, `alg`, `token`…), checked by its option rules. */
  parameters: Readonly<Record<string, string>>;
}

export interface SigningInfo {
  scheme: SchemeName;
  keyId: string;
  /** The HMAC algorithm, or the scheme's own (`ed25519`, `EG1-HMAC-SHA256`, `HMAC-SHA1`, `SHA-256` …). */
  algorithm: SigningAlgorithm | (string & {});
  signedHeaders: string[];
  signingString: string;
  /** The computed Authorization (or Signature / `hmac-auth-v1#…`) value; it holds no secret. */
  authorization: string;
  /** The Base64 signature alone. */
  signature: string;
  /** The canonical request behind `signingString` (AWS, Tencent TC3, Huawei), when the scheme has one. */
  canonicalRequest?: string;
}

export interface SignedRequest {
  request: OutgoingRequest;
  signing: SigningInfo;
}

/** What a scheme signer sees: the request with date, Source, Host and derived headers already set. */
export interface SchemeInput {
  method: string;
  url: string;
  headers: HeaderField[];
  body: Uint8Array | null;
  plan: SigningPlan;
  /** The instant of this send (the clock read once per send). */
  now: Date;
  /** A fresh nonce for this send (schemes that send one; a `nonce=` option overrides it). */
  nonce: string;
  /** Further secrets by key id (the OAuth token secret by token), looked up with the main one. */
  otherSecrets: ReadonlyMap<string, string>;
  /** Private keys already parsed from their PEM text (one map per run), or undefined. */
  privateKeys?: Map<string, KeyObject>;
}

export interface SchemeOutput {
  signedHeaders: string[];
  signingString: string;
  signature: string;
  authorization: string;
  /** The algorithm to show when it is not the plan's HMAC one (the standard schemes). */
  algorithm?: string;
  /** Headers carrying the signature, set (replacing same-named ones) after signing. */
  signatureHeaders: HeaderField[];
  /** The URL to send instead of the input's (an AWS presigned URL, OAuth parameters in the query). */
  url?: string;
  /** The body to send instead of the input's (OAuth parameters in the form body). */
  body?: Uint8Array;
  canonicalRequest?: string;
}

export interface SchemeSigner {
  /** Lower-case names of headers the scheme regenerates, removed from the request before signing. */
  staleHeaders(plan: SigningPlan): string[];
  /** Headers the scheme derives from the request before signing (Content-MD5, Digest, Accept…). */
  derivedHeaders(input: SchemeInput): HeaderField[];
  sign(input: SchemeInput, secret: string): SchemeOutput;
}

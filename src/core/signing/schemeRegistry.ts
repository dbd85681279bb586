import { akamaiEdgegridSigner, akamaiOptionRules } from './akamaiEdgegridSigner';
import { apisixLegacySigner } from './apisixLegacySigner';
import { apisixSigner } from './apisixSigner';
import { cavageSigner } from './cavageSigner';
import { digestOptionRules, digestSigner } from './digestSigner';
import { kongSigner } from './kongSigner';
import { oauth1OptionRules, oauth1Signer } from './oauth1Signer';
import { ownOptionsScheme } from './ownOptionsScheme';
import { rfc9421OptionRules, rfc9421Signer } from './rfc9421Signer';
import type { SchemeOptionRules } from './schemeOptionRules';
import type { SigningAlgorithm } from './signingAlgorithm';
import type { DateHeaderName, SchemeName, SchemeSigner } from './signingTypes';
import { tencentAppSigner } from './tencentAppSigner';
import { tencentKeypairSigner } from './tencentKeypairSigner';

/** Per-scheme signer and defaults (signing.md §2–6). */
export interface SchemeDescription {
  signer: SchemeSigner;
  defaultAlgorithm: SigningAlgorithm;
  /** Algorithms the gateway accepts (signing.md: app auth lists sha1/sha256, APISIX has no sha384). */
  algorithms: SigningAlgorithm[];
  defaultDateHeader: DateHeaderName;
  /** Whether names keep the case the user wrote (only APISIX legacy writes them as listed). */
  keepsNameCase: boolean;
  /** Whether a signed date or x-date header is mandatory. */
  requiresSignedDate: boolean;
  /** Default `headers=` list for a date header name, a Source value and body binding. */
  defaultSignedHeaders(dateHeader: DateHeaderName, hasSource: boolean, bodyDigest: boolean): string[];
  /** The scheme's own options (read into `SigningPlan.schemeOptions`) instead of the HMAC-family ones. */
  optionRules?: SchemeOptionRules;
  /** False when gwhttp sets no Date header for the scheme (default true). */
  setsDateHeader?: boolean;
}

const allAlgorithms: SigningAlgorithm[] = ['hmac-sha1', 'hmac-sha256', 'hmac-sha384', 'hmac-sha512'];
const withDigest = (names: string[], bodyDigest: boolean) => (bodyDigest ? [...names, 'digest'] : names);

export const schemeRegistry: Record<SchemeName, SchemeDescription> = {
  'tencent-keypair': {
    signer: tencentKeypairSigner,
    defaultAlgorithm: 'hmac-sha1',
    algorithms: allAlgorithms,
    defaultDateHeader: 'x-date',
    keepsNameCase: false,
    requiresSignedDate: true,
    defaultSignedHeaders: (date, hasSource) => (hasSource ? [date, 'source'] : [date]),
  },
  'tencent-app': {
    signer: tencentAppSigner,
    defaultAlgorithm: 'hmac-sha1',
    algorithms: ['hmac-sha1', 'hmac-sha256'],
    defaultDateHeader: 'x-date',
    keepsNameCase: false,
    requiresSignedDate: true,
    defaultSignedHeaders: (date, hasSource) => (hasSource ? [date, 'source'] : [date]),
  },
  kong: {
    signer: kongSigner,
    defaultAlgorithm: 'hmac-sha256',
    algorithms: allAlgorithms,
    defaultDateHeader: 'date',
    keepsNameCase: false,
    requiresSignedDate: false,
    defaultSignedHeaders: (date, _hasSource, bodyDigest) => withDigest([date, 'request-line'], bodyDigest),
  },
  apisix: {
    signer: apisixSigner,
    defaultAlgorithm: 'hmac-sha256',
    algorithms: ['hmac-sha1', 'hmac-sha256', 'hmac-sha512'],
    defaultDateHeader: 'date',
    keepsNameCase: false,
    requiresSignedDate: false,
    defaultSignedHeaders: (_date, _hasSource, bodyDigest) => withDigest(['@request-target', 'date'], bodyDigest),
  },
  'apisix-legacy': {
    signer: apisixLegacySigner,
    defaultAlgorithm: 'hmac-sha256',
    algorithms: ['hmac-sha1', 'hmac-sha256', 'hmac-sha512'],
    defaultDateHeader: 'date',
    keepsNameCase: true,
    requiresSignedDate: false,
    defaultSignedHeaders: () => [],
  },
  cavage: {
    signer: cavageSigner,
    defaultAlgorithm: 'hmac-sha256',
    algorithms: allAlgorithms,
    defaultDateHeader: 'date',
    keepsNameCase: false,
    requiresSignedDate: false,
    defaultSignedHeaders: (date, _hasSource, bodyDigest) => withDigest(['(request-target)', date], bodyDigest),
  },
  rfc9421: ownOptionsScheme(rfc9421Signer, rfc9421OptionRules),
  'akamai-edgegrid': ownOptionsScheme(akamaiEdgegridSigner, akamaiOptionRules),
  oauth1: ownOptionsScheme(oauth1Signer, oauth1OptionRules),
  digest: ownOptionsScheme(digestSigner, digestOptionRules),
};

/** Names that are computed from the request line rather than looked up as headers. */
export const pseudoHeaderNames = new Set(['request-line', '@request-target', '(request-target)']);

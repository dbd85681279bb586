import { akamaiEdgegridSigner, akamaiOptionRules } from './akamaiEdgegridSigner';
import { alibabaApigwSigner, alibabaDefaultSignedHeaders } from './alibabaApigwSigner';
import { apisixLegacySigner } from './apisixLegacySigner';
import { apisixSigner } from './apisixSigner';
import { awsSigV4Problems } from './awsSigV4Settings';
import { awsSigV4Signer } from './awsSigV4Signer';
import { cavageSigner } from './cavageSigner';
import {
  alibabaApigwOptionRules,
  awsSigV4OptionRules,
  huaweiApigOptionRules,
  tencentTc3OptionRules,
} from './cloudSigningOptions';
import { digestOptionRules, digestSigner } from './digestSigner';
import { hmacOptionRules } from './hmacSigningOptions';
import { huaweiApigSigner } from './huaweiApigSigner';
import { kongSigner } from './kongSigner';
import { oauth1OptionRules, oauth1Signer } from './oauth1Signer';
import { ownOptionsScheme } from './ownOptionsScheme';
import { rfc9421OptionRules, rfc9421Signer } from './rfc9421Signer';
import type { SchemeOptionRules } from './schemeOptionRules';
import type { SigningAlgorithm } from './signingAlgorithm';
import type { DateHeaderName, SchemeName, SchemeSigner, SigningPlan } from './signingTypes';
import { tencentAppSigner } from './tencentAppSigner';
import { tencentKeypairSigner } from './tencentKeypairSigner';
import { tencentTc3Signer } from './tencentTc3Signer';

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
  /** False when the scheme carries its own time (X-Amz-Date…) and no Date / X-Date header is added. */
  addsDateHeader?: boolean;
  /** Why the plan cannot sign for this host (a required option missing, a region not the host's), or []. */
  planProblems?: (plan: SigningPlan, host: string | null) => string[];
  /** Whether `id=` may be left out because the vendor's own credential files supply it (aws-sigv4). */
  keyIdOptional?: boolean;
  /** Headers the signer sets at send time, so a signed list may name them without the file writing them. */
  generatedHeaders?: string[];
  /** The scheme's `# @sign` `key=value` options (read by `readSchemeOption` into the plan). */
  optionRules: SchemeOptionRules;
}

const allAlgorithms: SigningAlgorithm[] = ['hmac-sha1', 'hmac-sha256', 'hmac-sha384', 'hmac-sha512'];
/** A cloud scheme: HMAC-SHA256, its own time header and options; `*` = every header written (plus its own). */
function cloudScheme(
  signer: SchemeSigner,
  own: Pick<SchemeDescription, 'optionRules' | 'planProblems' | 'keyIdOptional' | 'generatedHeaders'>,
  defaultSignedHeaders: string[] = ['*'],
): SchemeDescription {
  return {
    signer,
    defaultAlgorithm: 'hmac-sha256',
    algorithms: ['hmac-sha256', 'hmac-sha1'],
    defaultDateHeader: 'date',
    keepsNameCase: false,
    requiresSignedDate: false,
    defaultSignedHeaders: () => defaultSignedHeaders,
    addsDateHeader: false,
    ...own,
  };
}

const withDigest = (names: string[], bodyDigest: boolean) => (bodyDigest ? [...names, 'digest'] : names);

export const schemeRegistry: Record<SchemeName, SchemeDescription> = {
  'tencent-keypair': {
    optionRules: hmacOptionRules,
    signer: tencentKeypairSigner,
    defaultAlgorithm: 'hmac-sha1',
    algorithms: allAlgorithms,
    defaultDateHeader: 'x-date',
    keepsNameCase: false,
    requiresSignedDate: true,
    defaultSignedHeaders: (date, hasSource) => (hasSource ? [date, 'source'] : [date]),
  },
  'tencent-app': {
    optionRules: hmacOptionRules,
    signer: tencentAppSigner,
    defaultAlgorithm: 'hmac-sha1',
    algorithms: ['hmac-sha1', 'hmac-sha256'],
    defaultDateHeader: 'x-date',
    keepsNameCase: false,
    requiresSignedDate: true,
    defaultSignedHeaders: (date, hasSource) => (hasSource ? [date, 'source'] : [date]),
  },
  kong: {
    optionRules: hmacOptionRules,
    signer: kongSigner,
    defaultAlgorithm: 'hmac-sha256',
    algorithms: allAlgorithms,
    defaultDateHeader: 'date',
    keepsNameCase: false,
    requiresSignedDate: false,
    defaultSignedHeaders: (date, _hasSource, bodyDigest) => withDigest([date, 'request-line'], bodyDigest),
  },
  apisix: {
    optionRules: hmacOptionRules,
    signer: apisixSigner,
    defaultAlgorithm: 'hmac-sha256',
    algorithms: ['hmac-sha1', 'hmac-sha256', 'hmac-sha512'],
    defaultDateHeader: 'date',
    keepsNameCase: false,
    requiresSignedDate: false,
    defaultSignedHeaders: (_date, _hasSource, bodyDigest) => withDigest(['@request-target', 'date'], bodyDigest),
  },
  'apisix-legacy': {
    optionRules: hmacOptionRules,
    signer: apisixLegacySigner,
    defaultAlgorithm: 'hmac-sha256',
    algorithms: ['hmac-sha1', 'hmac-sha256', 'hmac-sha512'],
    defaultDateHeader: 'date',
    keepsNameCase: true,
    requiresSignedDate: false,
    defaultSignedHeaders: () => [],
  },
  cavage: {
    optionRules: hmacOptionRules,
    signer: cavageSigner,
    defaultAlgorithm: 'hmac-sha256',
    algorithms: allAlgorithms,
    defaultDateHeader: 'date',
    keepsNameCase: false,
    requiresSignedDate: false,
    defaultSignedHeaders: (date, _hasSource, bodyDigest) => withDigest(['(request-target)', date], bodyDigest),
  },
  'aws-sigv4': cloudScheme(awsSigV4Signer, {
    optionRules: awsSigV4OptionRules,
    planProblems: awsSigV4Problems,
    keyIdOptional: true,
    generatedHeaders: ['host', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'],
  }),
  'tencent-tc3': cloudScheme(
    tencentTc3Signer,
    { optionRules: tencentTc3OptionRules, generatedHeaders: ['host', 'content-type', 'x-tc-timestamp', 'x-tc-action'] },
    ['content-type', 'host', 'x-tc-action'],
  ),
  'alibaba-apigw': cloudScheme(
    alibabaApigwSigner,
    {
      optionRules: alibabaApigwOptionRules,
      generatedHeaders: [...alibabaDefaultSignedHeaders, 'x-ca-stage', 'accept'],
    },
    alibabaDefaultSignedHeaders,
  ),
  'huawei-apig': cloudScheme(huaweiApigSigner, {
    optionRules: huaweiApigOptionRules,
    generatedHeaders: ['host', 'x-sdk-date', 'x-security-token', 'x-stage', 'x-sdk-content-sha256'],
  }),
  rfc9421: ownOptionsScheme(rfc9421Signer, rfc9421OptionRules),
  'akamai-edgegrid': ownOptionsScheme(akamaiEdgegridSigner, akamaiOptionRules),
  oauth1: ownOptionsScheme(oauth1Signer, oauth1OptionRules),
  digest: ownOptionsScheme(digestSigner, digestOptionRules),
};

/** Names that are computed from the request line rather than looked up as headers. */
export const pseudoHeaderNames = new Set(['request-line', '@request-target', '(request-target)', '*']);

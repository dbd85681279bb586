import { cloudGatewayErrors } from './cloudGatewayErrors';
import { cloudGatewayMessage } from './echoedSigning';
import type { ExplainInput, Explanation } from './explanation';
import { explanationDetails } from './explanationDetails';
import type { GatewayErrorEntry } from './gatewayErrorEntry';
import { gatewayMessage, normaliseMessage } from './gatewayMessage';
import { otherGatewayErrors } from './otherGatewayErrors';
import { schemeKeyMismatch } from './schemeKeyMismatch';
import { standardSchemeErrors, standardSchemeFallback } from './standardSchemeErrors';
import { tencentGatewayErrors } from './tencentGatewayErrors';

export type { ExplainInput, Explanation } from './explanation';

/** Every documented message, most specific first (the Kong/APISIX texts do not overlap the Tencent ones, but `keyId or signature missing` would be read as Tencent's `id or signature missing`). */
export const gatewayErrorTable: readonly GatewayErrorEntry[] = [
  ...cloudGatewayErrors,
  ...standardSchemeErrors,
  ...otherGatewayErrors,
  ...tencentGatewayErrors,
];

function matches(entry: GatewayErrorEntry, normalised: string): boolean {
  return entry.exact ? normalised === entry.match : normalised.includes(entry.match);
}

/** First entry whose text matches; among those, one documented for this status wins. */
export function findGatewayError(status: number, message: string, scheme?: string): GatewayErrorEntry | null {
  const normalised = normaliseMessage(message);
  if (normalised === '') return null;
  const matching = gatewayErrorTable.filter((entry) => matches(entry, normalised));
  // Two vendors may print the same words ("Invalid timestamp"): the signing scheme's own vendor first.
  const vendor = scheme === undefined ? undefined : schemeGateways[scheme];
  const own = matching.filter((entry) => entry.gateway === vendor);
  const candidates = own.length > 0 ? own : matching;
  return candidates.find((entry) => entry.statuses.includes(status)) ?? candidates[0] ?? null;
}

/**
 * The vendor whose messages a signing scheme's rejections are, for telling alike messages of different
 * vendors apart. The HMAC family (Tencent, Kong, APISIX) shares its messages and is told apart by them.
 */
const schemeGateways: Readonly<Record<string, GatewayErrorEntry['gateway']>> = {
  'aws-sigv4': 'aws',
  'tencent-tc3': 'tencent-cloud',
  'alibaba-apigw': 'alibaba',
  'huawei-apig': 'huawei',
  'akamai-edgegrid': 'akamai',
  oauth1: 'oauth',
  rfc9421: 'rfc9421',
  digest: 'digest',
};

const rateLimitedFallback: GatewayErrorEntry = {
  code: 'http.rateLimited',
  title: 'Too many requests',
  gateway: 'any',
  statuses: [429],
  match: '',
  cause: 'The server is rate limiting this client (429 Too Many Requests).',
  fix: 'Wait for the time in Retry-After (or until the window resets) and send again.',
  details: 'quota',
};

/**
 * Explains a gateway rejection (signing.md §8) from the status and the message in the JSON body's
 * `message` field or the text body (case-insensitive, trailing period ignored). Adds the local signing
 * string and key id for signature errors, the clock offset (response `Date` vs `sentAt`) for date errors,
 * and the quota state with Retry-After for 429. A signature rejection under a key id of the other Tencent
 * scheme's shape (`APID…` signed with tencent-keypair) blames the scheme, not the secret. Null for a success or an unrecognised error.
 */
export function explainGatewayError(input: ExplainInput): Explanation | null {
  if (input.status < 400) return null;
  const message = cloudGatewayMessage(input.headers, input.bodyText) ?? gatewayMessage(input.bodyText);
  const found =
    findGatewayError(input.status, message, input.signing?.scheme) ??
    standardSchemeFallback(input) ??
    (input.status === 429 ? rateLimitedFallback : null);
  if (!found) return null;
  const entry = schemeKeyMismatch(found, input.signing) ?? found;
  const captured = entry.capture ? (entry.capture.exec(message.toLowerCase())?.[1] ?? '?') : '';
  const details = explanationDetails({
    kind: entry.details,
    message,
    headers: input.headers,
    signing: input.signing,
    sentAt: input.sentAt,
  });
  if (captured !== '' && entry.code === 'tencent.missingHeader') {
    details.unshift({ label: 'missing header', value: captured });
  }
  return {
    code: entry.code,
    title: entry.title ?? titleFromCause(entry.cause),
    gatewayMessage: message,
    cause: entry.cause.replace(/\{0\}/g, captured),
    fix: entry.fix.replace(/\{0\}/g, captured),
    details,
    about: entry.details,
  };
}

/** A heading for an entry without its own title: the cause's first clause, e.g. `The key is not known`. */
function titleFromCause(cause: string): string {
  const clause = cause.split(/[:;.](?:\s|$)/)[0].trim();
  return clause.length > 70 ? `${clause.slice(0, 67)}…` : clause;
}

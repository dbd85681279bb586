/**
 * What the mock gateway answers for each failure, per profile (signing.md §8.1).
 *
 * - `current`: the FAQ page "HTTP 错误码" (every HMAC failure 401). The page prints each text with a
 *   trailing period; the mock sends the text without it (clients match ignoring the period).
 *   No-Authorization is not listed there: the legacy text is used, with 401.
 * - `legacy`: 签名生成说明 (628/42188, 2023-12-22): mostly 403. Where the legacy page lists nothing the
 *   mock answers 403 with the closest legacy text (`authorization headers is invalidate`, or
 *   `… a valid date header is required` for X-Date problems), as §8.1 says.
 */
export type MockProfile = 'current' | 'legacy';

export type RejectionCause =
  | 'noAuthorization'
  | 'multipleHeaders'
  | 'badFormat'
  | 'missingParams'
  | 'missingIdOrSignature'
  | 'badAlgorithm'
  | 'unknownKey'
  | 'noDateSigned'
  | 'missingHeader'
  | 'badXDate'
  | 'xDateOutOfDate'
  | 'signatureMismatch'
  | 'appSignatureMismatch'
  | 'rateLimited'
  | 'bodyTooLarge';

export interface Rejection {
  cause: RejectionCause;
  status: number;
  message: string;
}

type Entry = [status: number, text: string];
const cannotVerify = 'HMAC signature cannot be verified';
const legacyInvalid: Entry = [403, 'authorization headers is invalidate'];
const legacyDate: Entry = [403, `${cannotVerify}, a valid date header is required`];

/** `{0}` is replaced by the rejection's argument (algorithm, header name, server string-to-sign). */
const table: Record<RejectionCause, Record<MockProfile, Entry>> = {
  noAuthorization: {
    current: [401, `${cannotVerify}, a validate authorization header is required`],
    legacy: [401, `${cannotVerify}, a validate authorization header is required`],
  },
  multipleHeaders: { current: [401, 'HMAC do not support multiple HTTP header'], legacy: legacyInvalid },
  badFormat: { current: [401, 'HMAC authorization format error'], legacy: legacyInvalid },
  missingParams: { current: [401, 'HMAC authorization headers is invalidate'], legacy: legacyInvalid },
  missingIdOrSignature: { current: [401, 'HMAC id or signature missing'], legacy: [403, 'id or signature missing'] },
  badAlgorithm: { current: [401, 'HMAC algorithm {0} not supported'], legacy: legacyInvalid },
  unknownKey: { current: [401, cannotVerify], legacy: [403, cannotVerify] },
  noDateSigned: { current: [401, `${cannotVerify}, a valid date or x-date header is required`], legacy: legacyDate },
  missingHeader: {
    current: [401, `${cannotVerify}, a valid {0} header is required`],
    legacy: [403, `${cannotVerify}, a valid {0} header is required`],
  },
  badXDate: {
    current: [401, `${cannotVerify}, a valid x-date header is required for HMAC Authentication`],
    legacy: legacyDate,
  },
  xDateOutOfDate: {
    current: [401, `${cannotVerify}, the x-date header is out of date for HMAC Authentication`],
    legacy: legacyDate,
  },
  signatureMismatch: {
    current: [401, 'HMAC signature does not match'],
    legacy: [403, 'HMAC signature does not match'],
  },
  appSignatureMismatch: {
    current: [401, 'HMAC signature does not match, Server StringToSign:{0}'],
    legacy: [403, 'HMAC signature does not match'],
  },
  rateLimited: { current: [429, 'API rate limit exceeded'], legacy: [429, 'API rate limit exceeded'] },
  bodyTooLarge: { current: [413, 'Request Entity Too Large'], legacy: [413, 'Request Entity Too Large'] },
};

export function rejection(profile: MockProfile, cause: RejectionCause, argument = ''): Rejection {
  const [status, text] = table[cause][profile];
  return { cause, status, message: text.replace('{0}', argument) };
}

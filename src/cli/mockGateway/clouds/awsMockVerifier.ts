import type { MockKey } from '../mockKeys';
import type { MockRequest } from '../mockRequest';
import { cloudRejection, type CloudVerification } from './cloudVerification';
import {
  commaParameters,
  hmac,
  parseCompactDate,
  rawPairs,
  rfc3986,
  safeDecode,
  sameSignature,
  sha256,
  sortedEncodedQuery,
  splitTarget,
} from './mockCloudCrypto';

/** What an AWS request claims: from `Authorization: AWS4-HMAC-SHA256 …` or the presign query. */
export interface AwsClaim {
  keyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  presigned: boolean;
}

const expiredWindowMs = 5 * 60 * 1000;

export function awsClaim(request: MockRequest): AwsClaim | null {
  const authorization = request.headers.get('authorization')?.[0];
  const query = new Map(rawPairs(splitTarget(request.target).query));
  const presigned = authorization === undefined && query.has('X-Amz-Signature');
  let credential: string | undefined;
  let parameters: Record<string, string> = {};
  if (presigned) {
    credential = query.get('X-Amz-Credential');
    parameters = {
      SignedHeaders: query.get('X-Amz-SignedHeaders') ?? '',
      Signature: query.get('X-Amz-Signature') ?? '',
    };
  } else if (authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
    parameters = commaParameters(authorization.slice('AWS4-HMAC-SHA256 '.length));
    credential = parameters.Credential;
  } else return null;
  const [keyId, date, region, service] = (credential ?? '').split('/');
  const amzDate = presigned ? (query.get('X-Amz-Date') ?? '') : (request.headers.get('x-amz-date')?.[0] ?? '');
  const signedHeaders = (parameters.SignedHeaders ?? '').split(';').filter((name) => name !== '');
  return { keyId, date, region, service, signedHeaders, signature: parameters.Signature ?? '', amzDate, presigned };
}

function canonicalPath(path: string, service: string): string {
  if (service === 's3') {
    return path
      .split('/')
      .map((segment) => rfc3986(safeDecode(segment)))
      .join('/');
  }
  const kept: string[] = [];
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '..') kept.pop();
    else if (segment !== '' && segment !== '.') kept.push(segment);
  }
  const trailing = kept.length > 0 && ['', '.', '..'].includes(segments[segments.length - 1]);
  const normalized = `/${kept.join('/')}${trailing ? '/' : ''}`;
  return normalized
    .split('/')
    .map((segment) => rfc3986(segment))
    .join('/');
}

/** The canonical request the mock expects for the claim (AWS's own description, written again). */
export function awsExpectedCanonical(request: MockRequest, claim: AwsClaim): string {
  const { path, query } = splitTarget(request.target);
  const pairs = rawPairs(query).filter(([name]) => !(claim.presigned && name === 'X-Amz-Signature'));
  const headers = claim.signedHeaders
    .map((name) => `${name}:${(request.headers.get(name) ?? []).map((v) => v.replace(/\s+/g, ' ').trim()).join(',')}\n`)
    .join('');
  const declared = request.headers.get('x-amz-content-sha256')?.[0];
  const unsignedPresign = claim.presigned && claim.service === 's3';
  const payload = declared ?? (unsignedPresign ? 'UNSIGNED-PAYLOAD' : sha256(request.body));
  const method = request.method;
  return [
    method,
    canonicalPath(path, claim.service),
    sortedEncodedQuery(pairs),
    headers,
    claim.signedHeaders.join(';'),
    payload,
  ].join('\n');
}

const mismatchText =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const reject = (status: number, message: string, note: string) => cloudRejection(status, { message }, note);

/** The date checks, in API Gateway's order: a date at all, the scope's date, the 5-minute window. */
function awsTimeProblem(claim: AwsClaim, now: Date): CloudVerification | null {
  const time = parseCompactDate(claim.amzDate);
  if (Number.isNaN(time)) {
    return reject(
      403,
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      'no date',
    );
  }
  if (claim.date !== claim.amzDate.slice(0, 8)) {
    return reject(
      403,
      'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP',
      'scope',
    );
  }
  const server = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
  if (now.getTime() - time > expiredWindowMs) {
    return reject(
      403,
      `Signature expired: ${claim.amzDate} is now earlier than ${server} (${server} - 5 min.)`,
      'expired',
    );
  }
  if (time - now.getTime() > expiredWindowMs) {
    return reject(
      403,
      `Signature not yet current: ${claim.amzDate} is still later than ${server} (${server} + 5 min.)`,
      'future',
    );
  }
  return null;
}

/**
 * An API Gateway (`execute-api`) verifier: API Gateway's own answers (signing-clouds.md §10.1),
 * including the canonical string and string to sign it expected when the signature does not match.
 */
export function verifyAws(request: MockRequest, key: MockKey | undefined, now: Date): CloudVerification {
  const claim = awsClaim(request);
  if (claim === null) return reject(403, 'Missing Authentication Token', 'no AWS signature');
  if (!key) return reject(403, 'The security token included in the request is invalid.', 'unknown key');
  const timeProblem = awsTimeProblem(claim, now);
  if (timeProblem !== null) return timeProblem;
  const declared = request.headers.get('x-amz-content-sha256')?.[0];
  if (declared !== undefined && declared !== 'UNSIGNED-PAYLOAD' && declared !== sha256(request.body)) {
    return reject(400, "The provided 'x-amz-content-sha256' header does not match what was computed.", 'payload');
  }
  const canonical = awsExpectedCanonical(request, claim);
  const scope = `${claim.date}/${claim.region}/${claim.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', claim.amzDate, scope, sha256(canonical)].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${key.secret}`, claim.date), claim.region), claim.service),
    'aws4_request',
  );
  if (!sameSignature(hmac(signingKey, stringToSign).toString('hex'), claim.signature)) {
    const message = `${mismatchText}\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`;
    return reject(403, message, 'signature mismatch');
  }
  return { ok: true, key };
}

import type { HeaderField } from '../model/outgoing';
import { authorizationOutput } from './authorizationOutput';
import {
  awsCanonicalHeaders,
  awsCanonicalQuery,
  awsCanonicalUri,
  awsQueryPairs,
  signedHeaderNames,
} from './awsCanonicalRequest';
import { type AwsSigV4Settings, awsSigV4Settings } from './awsSigV4Settings';
import { compactIsoDate, hmacSha256, sha256Hex, uriEncode, wireTarget } from './cloudEncoding';
import { headerValue } from './headerFields';
import type { SchemeInput, SchemeOutput, SchemeSigner } from './signingTypes';

const algorithm = 'AWS4-HMAC-SHA256';
const isToken = (name: string) => name.toLowerCase() === 'x-amz-security-token';
const unsignedPayload = 'UNSIGNED-PAYLOAD';

function settingsOf(input: SchemeInput): AwsSigV4Settings {
  return awsSigV4Settings(input.plan, headerValue(input.headers, 'host') ?? wireTarget(input.url).host);
}

function payloadHash(input: SchemeInput, settings: AwsSigV4Settings): string {
  if (settings.unsignedPayload || (settings.presign !== null && settings.service === 's3')) return unsignedPayload;
  return sha256Hex(input.body);
}

/** kSigning = HMAC chain over date, region, service and `aws4_request`, starting from `AWS4` + secret. */
export function awsSigningKey(secret: string, dateStamp: string, region: string, service: string): Buffer {
  const kDate = hmacSha256(`AWS4${secret}`, dateStamp);
  return hmacSha256(hmacSha256(hmacSha256(kDate, region), service), 'aws4_request');
}

/** The presign query parameters in the vectors' order (Signature appended last by the caller). */
function presignParameters(
  input: SchemeInput,
  settings: AwsSigV4Settings,
  scope: string,
  names: string[],
): [string, string][] {
  const parameters: [string, string][] = [
    ['X-Amz-Algorithm', algorithm],
    ['X-Amz-Credential', `${input.plan.keyId}/${scope}`],
    ['X-Amz-Date', compactIsoDate(input.now)],
    ['X-Amz-SignedHeaders', names.join(';')],
    ['X-Amz-Expires', String(settings.presign)],
  ];
  if (settings.sessionToken !== null) parameters.push(['X-Amz-Security-Token', settings.sessionToken]);
  return parameters;
}

function presignedUrl(url: string, query: string, parameters: [string, string][]): string {
  const base = url.split('#')[0].split('?')[0];
  const added = parameters.map(([name, value]) => `${name}=${uriEncode(value)}`).join('&');
  return `${base}?${query === '' ? '' : `${query}&`}${added}`;
}

/**
 * AWS Signature Version 4 (signing-clouds.md §2): header-signed (`Authorization: AWS4-HMAC-SHA256 …`)
 * or presigned (`presign=SECONDS`, the signature in the query), any region and service, S3's single
 * encoding and `x-amz-content-sha256`, session tokens, `payload=unsigned`.
 */
export const awsSigV4Signer: SchemeSigner = {
  staleHeaders: () => [],
  derivedHeaders(input: SchemeInput): HeaderField[] {
    const settings = settingsOf(input);
    const derived: HeaderField[] = [];
    const host = wireTarget(input.url).host;
    if (headerValue(input.headers, 'host') === undefined && host !== null) derived.push({ name: 'Host', value: host });
    if (settings.presign !== null) return derived;
    // The suite's order: the session token (left out of the signature with token-signed=no), then the date.
    if (settings.sessionToken !== null) {
      derived.push({ name: 'X-Amz-Security-Token', value: settings.sessionToken });
    }
    derived.push({ name: 'X-Amz-Date', value: compactIsoDate(input.now) });
    if (settings.contentSha256) derived.push({ name: 'x-amz-content-sha256', value: payloadHash(input, settings) });
    return derived;
  },
  sign(input: SchemeInput, secret: string): SchemeOutput {
    const settings = settingsOf(input);
    const amzDate = compactIsoDate(input.now);
    const scope = `${amzDate.slice(0, 8)}/${settings.region}/${settings.service}/aws4_request`;
    const target = wireTarget(input.url);
    const tokenAfter = settings.sessionToken !== null && !settings.tokenSigned;
    const headers = input.headers.filter((field) => !(tokenAfter && isToken(field.name)));
    const signer = ['host', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'];
    const names = signedHeaderNames(headers, input.plan.signedHeaders, signer);
    const pairs = awsQueryPairs(target.query);
    const presign = settings.presign === null ? null : presignParameters(input, settings, scope, names);
    const canonicalRequest = [
      input.method,
      awsCanonicalUri(target.path, settings.normalize, settings.doubleEncode),
      awsCanonicalQuery(
        presign === null ? pairs : [...pairs, ...presign.filter(([name]) => !tokenAfter || !isToken(name))],
      ),
      awsCanonicalHeaders(headers, names),
      names.join(';'),
      payloadHash(input, settings),
    ].join('\n');
    const signingString = [algorithm, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
    const key = awsSigningKey(secret, amzDate.slice(0, 8), settings.region, settings.service);
    const signature = hmacSha256(key, signingString).toString('hex');
    const authorization = `${algorithm} Credential=${input.plan.keyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
    const output = { signedHeaders: names, signingString, signature, authorization, canonicalRequest };
    if (presign === null) {
      return authorizationOutput(output);
    }
    const url = presignedUrl(input.url, target.query, [...presign, ['X-Amz-Signature', signature]]);
    return { ...output, authorization: '', signatureHeaders: [], url };
  },
};

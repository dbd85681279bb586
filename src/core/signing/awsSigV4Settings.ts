import type { SigningPlan } from './signingTypes';

/** What one AWS SigV4 signature needs from its plan and host (signing-clouds.md §2). */
export interface AwsSigV4Settings {
  region: string;
  service: string;
  sessionToken: string | null;
  /** Whether the session token is signed (false: added after signing, `token-signed=no`). */
  tokenSigned: boolean;
  unsignedPayload: boolean;
  /** Send (and sign) `x-amz-content-sha256`. */
  contentSha256: boolean;
  normalize: boolean;
  doubleEncode: boolean;
  /** Presigned-URL lifetime in seconds, or null for a header-signed request. */
  presign: number | null;
}

const hostPatterns: [RegExp, string | null][] = [
  [/^[^.]+\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/, 'execute-api'],
  [/^[^.]+\.lambda-url\.([a-z0-9-]+)\.on\.aws$/, 'lambda'],
  [/(?:^|\.)s3[.-]([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com$/, 's3'],
  [/^([a-z0-9-]+)\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com$/, null],
];

/** Region and service a well-known AWS host names (`abc.execute-api.eu-west-1.amazonaws.com`), or null. */
export function awsHostScope(host: string | null): { region: string; service: string } | null {
  const name = (host ?? '').toLowerCase().replace(/:\d+$/, '');
  for (const [pattern, service] of hostPatterns) {
    const match = pattern.exec(name);
    if (match) return service === null ? { service: match[1], region: match[2] } : { region: match[1], service };
  }
  return null;
}

/** Why the plan cannot be signed for this host (missing region/service, region not the host's), or []. */
export function awsSigV4Problems(plan: SigningPlan, host: string | null): string[] {
  const fromHost = awsHostScope(host);
  const { region, service } = plan.parameters;
  const problems: string[] = [];
  if (region === undefined && fromHost === null) {
    problems.push(
      `aws-sigv4 needs region=… (e.g. region=us-east-1): the host ${host === null ? '' : `"${host}" `}does not say which region.`,
    );
  } else if (region !== undefined && fromHost !== null && region !== fromHost.region) {
    problems.push(`region=${region} does not match the host "${host}", which is in ${fromHost.region}.`);
  }
  if (service === undefined && fromHost === null) {
    problems.push('aws-sigv4 needs service=… (execute-api, lambda, s3 …): the host does not say which service.');
  }
  return problems;
}

/** The settings with the defaults of signing-clouds.md §2 (S3: no normalisation, single encoding, content hash). */
export function awsSigV4Settings(plan: SigningPlan, host: string | null): AwsSigV4Settings {
  const options = plan.parameters;
  const fromHost = awsHostScope(host);
  const service = options.service ?? fromHost?.service ?? '';
  const isS3 = service === 's3';
  const unsignedPayload = options.payload === 'unsigned';
  const flag = (name: string, fallback: boolean) =>
    options[name] === undefined ? fallback : options[name].toLowerCase() === 'yes';
  return {
    region: options.region ?? fromHost?.region ?? '',
    service,
    sessionToken: options['session-token'] ?? null,
    tokenSigned: flag('token-signed', true),
    unsignedPayload,
    contentSha256: flag('content-sha256', isS3 || unsignedPayload),
    normalize: flag('normalize', !isS3),
    doubleEncode: flag('double-encode', !isS3),
    presign: options.presign === undefined ? null : Number(options.presign),
  };
}

import type { Diagnostic } from '../model/diagnostic';
import type { OutgoingRequest } from '../model/outgoing';
import { awsHostScope } from './awsSigV4Settings';
import { requestTarget } from './requestTarget';
import type { SigningPlan } from './signingTypes';

const mebibyte = 1024 * 1024;

/**
 * The largest body a cloud gateway accepts by default, in bytes, or null for none known:
 * Tencent Cloud API 3.0 POST 10 MB (signing-clouds.md §3); AWS API Gateway 10 MB, Lambda function URLs
 * 6 MB, an S3 single PUT 5 GB; Huawei APIG 12 MB (a dedicated gateway's `request_body_size` may be
 * larger: `max-body=` says so). Alibaba documents no fixed figure: no default.
 */
function defaultLimit(plan: SigningPlan, host: string | null): number | null {
  switch (plan.scheme) {
    case 'tencent-tc3':
      return 10 * mebibyte;
    case 'huawei-apig':
      return 12 * mebibyte;
    case 'aws-sigv4': {
      const service = plan.parameters.service ?? awsHostScope(host)?.service;
      if (service === 'execute-api') return 10 * mebibyte;
      if (service === 'lambda') return 6 * mebibyte;
      return service === 's3' ? 5 * 1024 * mebibyte : null;
    }
    default:
      return null;
  }
}

/** `max-body=BYTES` or `max-body=none` (accepted by the cloud schemes' option readers). */
export function maxBodyCheck(value: string): string | null {
  return /^(none|\d{1,13})$/i.test(value) ? null : 'must be a number of bytes or none';
}

const cloudSchemes = new Set(['aws-sigv4', 'tencent-tc3', 'alibaba-apigw', 'huawei-apig']);

function limitOf(plan: SigningPlan, host: string | null): number | null {
  // akamai-edgegrid's own max-body= says how much of the body is hashed, not a limit.
  if (!cloudSchemes.has(plan.scheme)) return null;
  const written = plan.parameters['max-body'];
  if (written === undefined) return defaultLimit(plan, host);
  return written.toLowerCase() === 'none' ? null : Number(written);
}

/** The GET limit of Tencent Cloud API 3.0 (32 KB: the parameters travel in the query). */
const tencentGetLimit = 32 * 1024;

/**
 * An error at the plan's line when the request is larger than its gateway accepts: the body over the
 * scheme's limit (`max-body=` or the vendor's default), or a Tencent TC3 GET query over 32 KB. Else null.
 */
export function cloudBodyLimitDiagnostic(plan: SigningPlan, request: OutgoingRequest): Diagnostic | null {
  // Checked for every request a run signs: the URL is parsed only when a limit can apply.
  if (!cloudSchemes.has(plan.scheme)) return null;
  const size = request.body?.length ?? 0;
  const tencentGet = plan.scheme === 'tencent-tc3' && request.method.toUpperCase() === 'GET';
  if (size === 0 && !tencentGet) return null;
  let target: { host: string | null; query: string };
  try {
    target = requestTarget(request.url);
  } catch {
    target = { host: null, query: '' };
  }
  const limit = limitOf(plan, target.host);
  const problem = (message: string): Diagnostic => ({
    line: plan.line,
    severity: 'error',
    code: 'sign-body-too-large',
    message,
  });
  if (limit !== null && size > limit) {
    return problem(
      `The body is ${size} bytes, over the ${limit} bytes a ${plan.scheme} gateway accepts. Send a smaller body, or set max-body=BYTES (or none) when your gateway allows more.`,
    );
  }
  const query = target.query.length;
  if (tencentGet && query > tencentGetLimit) {
    return problem(
      `The query is ${query} bytes, over the 32 KB Tencent Cloud accepts for a GET; send the parameters as a POST body.`,
    );
  }
  return null;
}

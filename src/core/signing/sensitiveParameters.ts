import { uriEncode } from './cloudEncoding';
import type { SigningPlan } from './signingTypes';

/**
 * Option values that are credentials and are masked in every output like the secret: AWS
 * `session-token=`, Tencent Cloud and Huawei `token=` (also in their percent-encoded form, as a
 * presigned URL carries them).
 */
export function sensitiveParameters(plan: SigningPlan): string[] {
  // oauth1's token= is an identifier (its secret is looked up by it), not a credential.
  const token = plan.scheme === 'tencent-tc3' || plan.scheme === 'huawei-apig' ? plan.parameters.token : undefined;
  const values = [plan.parameters['session-token'], token].filter(
    (value): value is string => value !== undefined && value !== '',
  );
  return [...new Set(values.flatMap((value) => [value, uriEncode(value)]))];
}

import { uriEncode } from './cloudEncoding';
import type { SigningPlan } from './signingTypes';

/**
 * Option values that are credentials and are masked in every output like the secret: AWS
 * `session-token=`, Tencent Cloud and Huawei `token=` (also in their percent-encoded form, as a
 * presigned URL carries them).
 */
export function sensitiveParameters(plan: SigningPlan): string[] {
  const values = [plan.parameters['session-token'], plan.parameters.token].filter(
    (value): value is string => value !== undefined && value !== '',
  );
  return [...new Set(values.flatMap((value) => [value, uriEncode(value)]))];
}

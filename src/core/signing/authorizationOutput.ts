import type { SchemeOutput } from './signingTypes';

/** A scheme's output whose signature travels in `Authorization` (AWS, Tencent Cloud TC3, Huawei). */
export function authorizationOutput(output: Omit<SchemeOutput, 'signatureHeaders'>): SchemeOutput {
  return { ...output, signatureHeaders: [{ name: 'Authorization', value: output.authorization }] };
}

import { strict as assert } from 'node:assert';

import { type MockProfile, rejection, type RejectionCause } from '../../../src/cli/mockGateway/mockRejections';
import { explainGatewayError } from '../../../src/core/explain/explainGatewayError';

/** What the explainer must say about each answer of the mock gateway, per profile. */
const expected: Record<Exclude<RejectionCause, 'bodyTooLarge'>, Record<MockProfile, string>> = {
  noAuthorization: { current: 'tencent.noAuthorization', legacy: 'tencent.noAuthorization' },
  multipleHeaders: { current: 'tencent.multipleHeaders', legacy: 'tencent.authorizationInvalid' },
  badFormat: { current: 'tencent.authorizationFormat', legacy: 'tencent.authorizationInvalid' },
  missingParams: { current: 'tencent.authorizationParams', legacy: 'tencent.authorizationInvalid' },
  missingIdOrSignature: { current: 'tencent.idOrSignatureMissing', legacy: 'tencent.idOrSignatureMissing' },
  badAlgorithm: { current: 'tencent.algorithmNotSupported', legacy: 'tencent.authorizationInvalid' },
  unknownKey: { current: 'tencent.cannotVerify', legacy: 'tencent.cannotVerify' },
  noDateSigned: { current: 'tencent.noDateSigned', legacy: 'tencent.dateRequired' },
  missingHeader: { current: 'tencent.missingHeader', legacy: 'tencent.missingHeader' },
  badXDate: { current: 'tencent.xDateInvalid', legacy: 'tencent.dateRequired' },
  xDateOutOfDate: { current: 'tencent.xDateOutOfDate', legacy: 'tencent.dateRequired' },
  signatureMismatch: { current: 'tencent.signatureMismatch', legacy: 'tencent.signatureMismatch' },
  appSignatureMismatch: { current: 'tencent.appSignatureMismatch', legacy: 'tencent.signatureMismatch' },
  rateLimited: { current: 'tencent.rateLimited', legacy: 'tencent.rateLimited' },
};

describe("explainGatewayError on the mock gateway's answers", () => {
  for (const profile of ['current', 'legacy'] as MockProfile[]) {
    for (const [cause, codes] of Object.entries(expected) as [keyof typeof expected, Record<MockProfile, string>][]) {
      it(`${profile} ${cause} → ${codes[profile]}`, () => {
        const answer = rejection(profile, cause, cause === 'appSignatureMismatch' ? 'x-date: D#GET####/' : 'source');
        const explanation = explainGatewayError({
          status: answer.status,
          headers: [],
          bodyText: JSON.stringify({ message: answer.message }),
          signing: null,
          sentAt: new Date(0),
        });
        assert.equal(explanation?.code, codes[profile]);
      });
    }
  }
});

import { strict as assert } from 'node:assert';

import { explainGatewayError, gatewayErrorTable } from '../../../src/core/explain/explainGatewayError';
import type { HeaderField } from '../../../src/core/model/outgoing';
import type { SchemeName, SigningInfo } from '../../../src/core/signing/signingTypes';

const sentAt = new Date('2026-11-23T10:00:00Z');

function signing(scheme: SchemeName): SigningInfo {
  return {
    scheme,
    keyId: 'k',
    algorithm: 'hmac-sha256',
    signedHeaders: [],
    signingString: 'GET\thttps\th\t/',
    authorization: 'x',
    signature: 'c2ln',
  };
}

function explain(status: number, bodyText: string, scheme: SchemeName, headers: HeaderField[] = []) {
  return explainGatewayError({ status, headers, bodyText, signing: signing(scheme), sentAt });
}

const problem = (type: string, detail: string) =>
  JSON.stringify({
    type: `https://problems.luna.akamaiapis.net/-/pep-authn/${type}`,
    title: 'Not authorized',
    status: 401,
    detail,
    instance: 'x',
  });
const digestProblem = (type: string) =>
  JSON.stringify({ type: `https://iana.org/assignments/http-problem-types#${type}`, title: 'Digest problem' });

/** Every rejection of signing-clouds.md §10.5–10.8 with its status, body, scheme and expected code. */
const documented: [number, string, SchemeName, string][] = [
  [401, problem('deny', 'The signature does not match'), 'akamai-edgegrid', 'akamai.signatureMismatch'],
  [400, problem('request-error', 'Invalid timestamp'), 'akamai-edgegrid', 'akamai.invalidTimestamp'],
  [401, problem('deny', 'Inactive client token'), 'akamai-edgegrid', 'akamai.inactiveClientToken'],
  [401, 'oauth_problem=signature_invalid', 'oauth1', 'oauth.signature_invalid'],
  [401, 'oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1-2', 'oauth1', 'oauth.timestamp_refused'],
  [401, 'oauth_problem=nonce_used', 'oauth1', 'oauth.nonce_used'],
  [401, 'oauth_problem=consumer_key_unknown', 'oauth1', 'oauth.consumer_key_unknown'],
  [401, 'oauth_problem=token_rejected', 'oauth1', 'oauth.token_rejected'],
  [401, 'oauth_problem=token_expired', 'oauth1', 'oauth.token_expired'],
  [400, 'oauth_problem=parameter_absent&oauth_parameters_absent=oauth_token', 'oauth1', 'oauth.parameter_absent'],
  [400, 'oauth_problem=signature_method_rejected', 'oauth1', 'oauth.signature_method_rejected'],
  [
    401,
    JSON.stringify({ errors: [{ code: 32, message: 'Could not authenticate you.' }] }),
    'oauth1',
    'oauth.couldNotAuthenticate',
  ],
  [
    401,
    JSON.stringify({ errors: [{ code: 135, message: 'Timestamp out of bounds.' }] }),
    'oauth1',
    'oauth.timestampOutOfBounds',
  ],
  [400, digestProblem('digest-mismatched-values'), 'rfc9421', 'rfc9530.digest-mismatched-values'],
  [400, digestProblem('digest-invalid-values'), 'rfc9421', 'rfc9530.digest-invalid-values'],
  [400, digestProblem('digest-unsupported-algorithms'), 'rfc9421', 'rfc9530.digest-unsupported-algorithms'],
  [401, 'authentication required', 'digest', 'digest.credentialsRejected'],
  [400, 'Bad Request', 'digest', 'digest.uriMismatch'],
];

describe('explainGatewayError: the standard schemes (Akamai, OAuth 1.0a, RFC 9421/9530, Digest)', () => {
  for (const [status, body, scheme, code] of documented) {
    it(`${status} ${body.slice(0, 60)} → ${code}`, () => {
      const explanation = explain(status, body, scheme);
      assert.equal(explanation?.code, code);
      assert.ok(explanation.cause.length > 10 && explanation.fix.length > 10);
    });
  }

  it('an RFC 9421 401 with Accept-Signature says what the server wants', () => {
    const wanted = 'sig1=("@method" "@target-uri");alg="ed25519"';
    const explanation = explain(401, '', 'rfc9421', [{ name: 'Accept-Signature', value: wanted }]);
    assert.equal(explanation?.code, 'rfc9421.acceptSignature');
    assert.ok(explanation.cause.includes(wanted));
  });

  it('an Akamai signature mismatch shows the local data to sign; a timestamp rejection the clock', () => {
    const mismatch = explain(401, problem('deny', 'The signature does not match'), 'akamai-edgegrid');
    assert.equal(mismatch?.about, 'signature');
    assert.equal(explain(400, problem('request-error', 'Invalid timestamp'), 'akamai-edgegrid')?.about, 'clock');
  });

  it('a 401 for another scheme is not read as a Digest rejection; an RFC 9421 401 says what to compare', () => {
    assert.equal(explain(401, 'authentication required', 'akamai-edgegrid'), null);
    assert.equal(explain(401, 'authentication required', 'rfc9421')?.code, 'rfc9421.rejected');
  });

  it('every standard-scheme entry of the table is reached', () => {
    const reached = new Set(documented.map(([, , , code]) => code));
    const own = gatewayErrorTable.filter((entry) => ['akamai', 'oauth', 'rfc9421', 'digest'].includes(entry.gateway));
    assert.deepEqual(
      own.map((entry) => entry.code).filter((code) => !reached.has(code)),
      [],
    );
  });
});

import assert from 'node:assert/strict';

import { cloudGatewayErrors } from '../../../src/core/explain/cloudGatewayErrors';
import { firstDifference } from '../../../src/core/explain/echoedSigning';
import { explainGatewayError } from '../../../src/core/explain/explainGatewayError';
import type { HeaderField } from '../../../src/core/model/outgoing';
import type { SigningInfo } from '../../../src/core/signing/signingTypes';

const sentAt = new Date('2023-01-03T04:05:06Z');
const json = (message: string) => JSON.stringify({ message });
const tencent = (code: string) => JSON.stringify({ Response: { Error: { Code: code, Message: 'm' }, RequestId: 'r' } });
const huawei = (code: string, message: string) =>
  JSON.stringify({ error_code: code, error_msg: message, request_id: 'r' });
const alibaba = (message: string): HeaderField[] => [{ name: 'X-Ca-Error-Message', value: message }];

/** [status, body, headers, expected code]: the documented texts of signing-clouds.md §10.1–10.4. */
const documented: [number, string, HeaderField[], string][] = [
  [403, json('Missing Authentication Token'), [], 'aws.missingToken'],
  [
    403,
    '{"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"}',
    [],
    'aws.lambdaForbidden',
  ],
  [
    403,
    json(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    ),
    [],
    'aws.signatureMismatch',
  ],
  [
    403,
    '<Error><Code>SignatureDoesNotMatch</Code><Message>Check your key and signing method.</Message></Error>',
    [],
    'aws.s3SignatureMismatch',
  ],
  [403, json('The security token included in the request is invalid.'), [], 'aws.invalidToken'],
  [
    403,
    '<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message></Error>',
    [],
    'aws.unknownAccessKey',
  ],
  [403, json('The security token included in the request is expired'), [], 'aws.tokenExpired'],
  [
    403,
    json('Signature expired: 20230103T040506Z is now earlier than 20230103T041506Z (20230103T041006Z - 5 min.)'),
    [],
    'aws.signatureExpired',
  ],
  [
    403,
    json(
      'Signature not yet current: 20230103T041506Z is still later than 20230103T040506Z (20230103T041006Z + 5 min.)',
    ),
    [],
    'aws.signatureNotYetCurrent',
  ],
  [
    403,
    '<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>',
    [],
    'aws.requestTimeTooSkewed',
  ],
  [
    403,
    json('Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP'),
    [],
    'aws.scopeDate',
  ],
  [403, json("Credential should be scoped to a valid region, not 'us-east-2'."), [], 'aws.wrongRegion'],
  [
    400,
    "<Error><Code>AuthorizationHeaderMalformed</Code><Message>the region 'us-east-1' is wrong; expecting 'eu-west-1'</Message></Error>",
    [],
    'aws.wrongRegionS3',
  ],
  [403, json("Credential should be scoped to correct service: 'execute-api'."), [], 'aws.wrongService'],
  [403, json("Authorization header requires 'Credential' parameter."), [], 'aws.incompleteAuthorization'],
  [
    403,
    json('User: arn:aws:iam::123456789012:user/dev is not authorized to perform: execute-api:Invoke on resource: arn'),
    [],
    'aws.notAuthorized',
  ],
  [
    400,
    '<Error><Code>InvalidRequest</Code><Message>Missing required header for this request: x-amz-content-sha256</Message></Error>',
    [],
    'aws.missingContentSha256',
  ],
  [
    400,
    "<Error><Code>XAmzContentSHA256Mismatch</Code><Message>The provided 'x-amz-content-sha256' header does not match what was computed.</Message></Error>",
    [],
    'aws.contentSha256Mismatch',
  ],
  [
    400,
    '<Error><Code>AuthorizationQueryParametersError</Code><Message>X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds</Message></Error>',
    [],
    'aws.presignTooLong',
  ],
  [403, '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>', [], 'aws.presignExpired'],
  ...(
    [
      ['AuthFailure.SignatureFailure', 'signatureFailure'],
      ['AuthFailure.SignatureExpire', 'signatureExpire'],
      ['AuthFailure.SecretIdNotFound', 'secretIdNotFound'],
      ['AuthFailure.InvalidSecretId', 'invalidSecretId'],
      ['AuthFailure.InvalidAuthorization', 'invalidAuthorization'],
      ['AuthFailure.TokenFailure', 'tokenFailure'],
      ['AuthFailure.MFAFailure', 'mfaFailure'],
      ['AuthFailure.UnauthorizedOperation', 'unauthorizedOperation'],
      ['NoSuchVersion', 'noSuchVersion'],
      ['InvalidAction', 'invalidAction'],
    ] as const
  ).map(([code, name]): [number, string, HeaderField[], string] => [401, tencent(code), [], `tencentCloud.${name}`]),
  [400, '', alibaba('Invalid Signature, Server StringToSign:GET*/*'), 'alibaba.invalidSignature'],
  [400, '', alibaba('Invalid AppKey'), 'alibaba.invalidAppKey'],
  [400, '', alibaba('Invalid AppSecret'), 'alibaba.invalidAppSecret'],
  [404, '', alibaba('Empty Signature'), 'alibaba.emptySignature'],
  [400, '', alibaba('Timestamp Expired'), 'alibaba.timestampExpired'],
  [400, '', alibaba('Invalid Timestamp'), 'alibaba.invalidTimestamp'],
  [400, '', alibaba('Nonce Used'), 'alibaba.nonceUsed'],
  [400, '', alibaba('Invalid Content-MD5'), 'alibaba.invalidContentMd5'],
  [403, '', alibaba('Unauthorized'), 'alibaba.unauthorized'],
  [404, '', alibaba('API Not Found'), 'alibaba.notFound'],
  [
    401,
    huawei('APIG.0303', 'Incorrect app authentication information: verify signature fail, canonicalRequest:GET|/|'),
    [],
    'huawei.appSignatureMismatch',
  ],
  [
    401,
    huawei('APIG.0301', 'Incorrect IAM authentication information: verify aksk signature fail, ak:x'),
    [],
    'huawei.akskMismatch',
  ],
  [
    401,
    huawei('APIG.0301', 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden'),
    [],
    'huawei.akLocked',
  ],
  [
    401,
    huawei('APIG.0301', 'Incorrect IAM authentication information: Get secretKey failed,ak:x,err:ak not exist'),
    [],
    'huawei.akNotExist',
  ],
  [
    401,
    huawei(
      'APIG.0303',
      'Incorrect app authentication information: signature expired, signature time:20230103T040506Z,server time:20230103T044506Z',
    ),
    [],
    'huawei.signatureExpired',
  ],
  [
    401,
    huawei('APIG.0303', 'Incorrect app authentication information: app not found, appkey x'),
    [],
    'huawei.appNotFound',
  ],
  [
    401,
    huawei('APIG.0303', 'Incorrect app authentication information: Access or Credential is empty in Authorization'),
    [],
    'huawei.malformed',
  ],
  [401, huawei('APIG.0301', 'Incorrect IAM authentication information: decrypt token fail'), [], 'huawei.tokenAuth'],
  [403, huawei('APIG.0304', 'The app is not authorized to access the API.'), [], 'huawei.notAuthorized'],
  [
    404,
    huawei('APIG.0101', 'The API does not exist or has not been published in the environment.'),
    [],
    'huawei.apiNotFound',
  ],
];

const signing: SigningInfo = {
  scheme: 'aws-sigv4',
  keyId: 'AKIDEXAMPLE',
  algorithm: 'hmac-sha256',
  signedHeaders: ['host', 'x-amz-date'],
  canonicalRequest: 'GET\n/a%252Fb\n\nhost:h\nx-amz-date:20230103T040506Z\n\nhost;x-amz-date\ne3b0',
  signingString: 'AWS4-HMAC-SHA256\n20230103T040506Z\n20230103/us-east-1/execute-api/aws4_request\nabc',
  authorization: 'AWS4-HMAC-SHA256 …',
  signature: 'sig',
};

describe('explainGatewayError: the cloud vendors’ documented rejections', () => {
  for (const [status, bodyText, headers, code] of documented) {
    it(`${code}`, () => {
      const explanation = explainGatewayError({ status, headers, bodyText, signing: null, sentAt });
      assert.equal(explanation?.code, code);
    });
  }

  it('covers every entry of the cloud tables', () => {
    const reached = new Set(documented.map(([, , , code]) => code));
    assert.deepEqual(
      cloudGatewayErrors.map((entry) => entry.code).filter((code) => !reached.has(code)),
      [],
    );
  });

  it('shows API Gateway’s expected canonical request beside ours, with the first differing line and byte', () => {
    const theirs = signing.canonicalRequest?.replace('/a%252Fb', '/a%2Fb') ?? '';
    const message = `The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this request should have been\n'${theirs}'\n\nThe String-to-Sign should have been\n'${signing.signingString}'\n`;
    const explanation = explainGatewayError({ status: 403, headers: [], bodyText: json(message), signing, sentAt });
    const details = new Map(explanation?.details.map((detail) => [detail.label, detail.value]));
    assert.equal(
      details.get('first difference (canonical request)'),
      'line 2, byte 5: local "/a%252Fb" vs server "/a%2Fb"',
    );
    assert.equal(details.get('first difference (string to sign)'), 'none: equal, so the secret key differs');
  });

  it('a clock rejection shows the offset from the response Date', () => {
    const explanation = explainGatewayError({
      status: 401,
      headers: [{ name: 'Date', value: 'Tue, 03 Jan 2023 04:15:06 GMT' }],
      bodyText: tencent('AuthFailure.SignatureExpire'),
      signing: null,
      sentAt,
    });
    const offset = explanation?.details.find((detail) => detail.label === 'clock offset')?.value;
    assert.match(offset ?? '', /600 s \(10 min 0 s\) behind/);
  });

  it('firstDifference: equal texts give null; a missing line is "(nothing)"', () => {
    assert.equal(firstDifference('a\nb', 'a\nb'), null);
    assert.equal(firstDifference('a\nb', 'a'), 'line 2, byte 1: local "b" vs server (nothing)');
  });
});

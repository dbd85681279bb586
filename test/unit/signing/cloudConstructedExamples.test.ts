import assert from 'node:assert/strict';

import { selectSigning } from '../../../src/core/signing/selectSigning';
import { signRequest } from '../../../src/core/signing/signRequest';
import { fixedClock, outgoing, prepared } from './signingTestKit';

/** The constructed examples of signing-clouds.md (AW1–AW4, TC1, AL1, HW1), signed from a `# @sign` line. */

const clock = fixedClock('2023-01-03T04:05:06Z');
const awsSecret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

function sign(request: ReturnType<typeof outgoing>, directive: string, secret: string, nonce?: string) {
  const { plan, diagnostics } = selectSigning(prepared(request, [['sign', directive]]));
  assert.deepEqual(
    diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
    [],
  );
  assert.ok(plan);
  return signRequest(request, plan, secret, clock, { nonce: () => nonce ?? 'unused' });
}

describe('cloud schemes: the constructed examples of signing-clouds.md', () => {
  it('AW1: execute-api with a session token and an encoded slash (double encoding)', () => {
    const request = outgoing(
      'GET',
      'https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets/a%2Fb?type=dog&limit=10',
      [],
    );
    const signed = sign(request, 'aws-sigv4 id=AKIDEXAMPLE session-token=gwtest-session-token', awsSecret);
    assert.equal(
      signed.signing.canonicalRequest,
      'GET\n/prod/pets/a%252Fb\nlimit=10&type=dog\nhost:abc123.execute-api.us-east-1.amazonaws.com\nx-amz-date:20230103T040506Z\nx-amz-security-token:gwtest-session-token\n\nhost;x-amz-date;x-amz-security-token\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    assert.equal(
      signed.signing.authorization,
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20230103/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=03ea87ec9638b70d192669b5e1cf3063dbe5fe6bb3fce51c7fcc6d35a2b55fc8',
    );
  });

  it('AW2: Lambda function URL with a JSON body', () => {
    const request = outgoing(
      'POST',
      'https://abcdefghij.lambda-url.us-east-1.on.aws/orders',
      [['Content-Type', 'application/json']],
      '{"sku":"A-1","qty":2}',
    );
    const signed = sign(request, 'aws-sigv4 id=AKIDEXAMPLE', awsSecret);
    assert.equal(
      signed.signing.canonicalRequest?.split('\n').pop(),
      'd3c95de2d66db9a042603637d7c75dcdb810c4f4a5e5530d450ffd344b022636',
    );
    assert.deepEqual(signed.signing.signedHeaders, ['content-type', 'host', 'x-amz-date']);
    assert.equal(signed.signing.signature, '01b1234c4e1d8b61a31ffce39d9936317cf109af6670e6972c69dd92e389132e');
  });

  it('AW3: S3 with an unsigned payload, no normalisation, single encoding', () => {
    const request = outgoing('PUT', 'examplebucket.s3.us-east-1.amazonaws.com', [], 'hello');
    // An origin-form target with a Host header keeps `/./`, which WHATWG URL parsing would remove.
    const target = { ...request, url: '/photos/./2023/a%20b.jpg', headers: [{ name: 'Host', value: request.url }] };
    const signed = sign(target, 'aws-sigv4 id=AKIDEXAMPLE payload=unsigned', awsSecret);
    assert.equal(signed.signing.canonicalRequest?.split('\n')[1], '/photos/./2023/a%20b.jpg');
    assert.equal(signed.signing.canonicalRequest?.split('\n').pop(), 'UNSIGNED-PAYLOAD');
    assert.ok(
      signed.request.headers.some(
        (field) => field.name === 'x-amz-content-sha256' && field.value === 'UNSIGNED-PAYLOAD',
      ),
    );
    assert.deepEqual(signed.signing.signedHeaders, ['host', 'x-amz-content-sha256', 'x-amz-date']);
    assert.equal(signed.signing.signature, '934a1fdffc6aafbdc0dae1fd20fc5610d7f7b4d617133dc6016912f405e9bc44');
  });

  it('AW4: presigned execute-api URL with a session token', () => {
    const request = outgoing('GET', 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets?type=dog', []);
    const signed = sign(request, 'aws-sigv4 id=AKIDEXAMPLE presign=300 session-token=gwtest-session-token', awsSecret);
    assert.equal(
      signed.request.url,
      'https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets?type=dog&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20230103%2Fus-east-1%2Fexecute-api%2Faws4_request&X-Amz-Date=20230103T040506Z&X-Amz-SignedHeaders=host&X-Amz-Expires=300&X-Amz-Security-Token=gwtest-session-token&X-Amz-Signature=a3431a32012fca8527b4da7f426a85de3d21b3741b48997ef7c28d5f5edea372',
    );
    assert.ok(!signed.request.headers.some((field) => /^(authorization|x-amz-date)$/i.test(field.name)));
  });

  it('TC1: CVM POST with the service taken from the host', () => {
    const request = outgoing(
      'POST',
      'https://cvm.tencentcloudapi.com/',
      [
        ['Content-Type', 'application/json; charset=utf-8'],
        ['X-TC-Action', 'DescribeInstances'],
      ],
      '{"Limit":1}',
    );
    const signed = sign(request, 'tencent-tc3 id=AKIDgwTEST000000000000000000000000001', 'gwtest-tc3-secret');
    assert.equal(
      signed.signing.canonicalRequest,
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n55522f708dcfebccb7bd3e8d0001a53ecaf2beca9ca801f1e9161e24215faa99',
    );
    assert.equal(
      signed.signing.signingString,
      'TC3-HMAC-SHA256\n1672718706\n2023-01-03/cvm/tc3_request\n3cd80622c33619d50e50d29be3d9ee007290dc9b4bfb72e5534962c20e0b22be',
    );
    assert.equal(signed.signing.signature, '473c1c233d9f79bcc713ab9805c0f1678b0c124b20e090203584bde77bad309a');
  });

  it('AL1: JSON POST with Content-MD5, sorted query, millisecond timestamp', () => {
    const request = outgoing(
      'POST',
      'https://api.example.com/orders?b=2&a=1',
      [
        ['Accept', 'application/json'],
        ['Content-Type', 'application/json; charset=utf-8'],
      ],
      '{"sku":"A-1","qty":2}',
    );
    const signed = sign(
      request,
      'alibaba-apigw id=203753385',
      'gwtest-app-secret',
      'c9f15cbf-f4ac-4a6c-b54d-f51abf4b5b44',
    );
    assert.equal(
      signed.signing.signingString,
      'POST\napplication/json\nEWIZKOytT52ssuwazs/8Fg==\napplication/json; charset=utf-8\n\nx-ca-key:203753385\nx-ca-nonce:c9f15cbf-f4ac-4a6c-b54d-f51abf4b5b44\nx-ca-signature-method:HmacSHA256\nx-ca-timestamp:1672718706000\n/orders?a=1&b=2',
    );
    assert.equal(signed.signing.signature, 'AgjULUslBGCoy8ZRfjmkiaLy33dcq6PB4kiw4BukDJQ=');
  });

  it('HW1: app auth GET with a trailing slash, an empty value and `*` encoded', () => {
    const request = outgoing('GET', 'https://apig.example.com/v1/items/a%20b?b=2&a=1&flag&note=x*y', []);
    const signed = sign(request, 'huawei-apig id=gwtest-app-key headers="host;x-sdk-date"', 'gwtest-app-secret');
    assert.equal(
      signed.signing.canonicalRequest,
      'GET\n/v1/items/a%20b/\na=1&b=2&flag=&note=x%2Ay\nhost:apig.example.com\nx-sdk-date:20230103T040506Z\n\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    assert.equal(signed.signing.signature, '85b117f0cca57f53a2baecac9abafb7dbf03d12a75695f06488ae9744deb79f4');
  });
});

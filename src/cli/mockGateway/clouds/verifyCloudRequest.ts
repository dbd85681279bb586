import type { MockKey } from '../mockKeys';
import type { MockRequest } from '../mockRequest';
import { verifyAlibaba } from './alibabaMockVerifier';
import { awsClaim, verifyAws } from './awsMockVerifier';
import type { CloudVerification } from './cloudVerification';
import { verifyHuawei } from './huaweiMockVerifier';
import { commaParameters } from './mockCloudCrypto';
import { cloudDemoKeys, type CloudScheme } from './mockCloudKeys';
import { verifyTc3 } from './tc3MockVerifier';

/** State one mock keeps across requests for the cloud schemes (Alibaba's used nonces). */
export interface CloudMockState {
  usedNonces: Set<string>;
}

/** Which cloud scheme a request is signed with (its Authorization prefix, presign query or X-Ca-* headers). */
export function cloudSchemeOf(request: MockRequest): { scheme: CloudScheme; keyId: string } | null {
  const authorization = request.headers.get('authorization')?.[0] ?? '';
  const aws = awsClaim(request);
  if (aws !== null) return { scheme: 'aws-sigv4', keyId: aws.keyId };
  if (authorization.startsWith('TC3-HMAC-SHA256 ')) {
    const credential = commaParameters(authorization.slice(16)).Credential ?? '';
    return { scheme: 'tencent-tc3', keyId: credential.split('/')[0] };
  }
  if (authorization.startsWith('SDK-HMAC-SHA256 ')) {
    return { scheme: 'huawei-apig', keyId: commaParameters(authorization.slice(16)).Access ?? '' };
  }
  const appKey = request.headers.get('x-ca-key')?.[0];
  if (appKey !== undefined) return { scheme: 'alibaba-apigw', keyId: appKey };
  return null;
}

/**
 * Verifies a request signed with one of the cloud schemes against the demo credentials, answering
 * that vendor's own rejections; null when the request uses none of them (the Tencent gateway checks it).
 * `only` limits the mock to one scheme (`--scheme`): other cloud requests are left to the gateway.
 */
export function verifyCloudRequest(
  request: MockRequest,
  now: Date,
  state: CloudMockState,
  only: CloudScheme | null,
): CloudVerification | null {
  const found = cloudSchemeOf(request);
  if (found === null || (only !== null && found.scheme !== only)) return null;
  const demo = cloudDemoKeys[found.scheme];
  const key: MockKey | undefined = demo.id === found.keyId ? demo : undefined;
  switch (found.scheme) {
    case 'aws-sigv4':
      return verifyAws(request, key, now);
    case 'tencent-tc3':
      return verifyTc3(request, key, now);
    case 'huawei-apig':
      return verifyHuawei(request, key, now);
    case 'alibaba-apigw':
      return verifyAlibaba(request, key, now, state.usedNonces);
  }
}

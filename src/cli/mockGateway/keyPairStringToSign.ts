import { firstHeader, type MockRequest } from './mockRequest';

/**
 * Tencent key-pair auth as the gateway rebuilds it (signing.md §2.3): for each listed header, in list
 * order, `name: value` (lower-case name, one space), joined with LF, no trailing newline.
 * Written independently of src/core/signing so that a signer bug shows up as a mismatch.
 */
export function keyPairStringToSign(request: MockRequest, signedHeaders: readonly string[]): string {
  return signedHeaders.map((name) => `${name}: ${firstHeader(request, name) ?? ''}`).join('\n');
}

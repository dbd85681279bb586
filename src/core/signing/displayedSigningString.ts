import type { SigningInfo } from './signingTypes';

/**
 * The signing string as shown to a user (Preview Signature, the panel's Signature tab, `gwhttp sign`):
 * the string signed, preceded by the canonical request for the schemes that hash one first (AWS,
 * Tencent TC3, Huawei), so both can be compared with a vendor's console tool or error body.
 */
export function displayedSigningString(signing: Pick<SigningInfo, 'signingString' | 'canonicalRequest'>): string {
  if (signing.canonicalRequest === undefined) return signing.signingString;
  return `canonical request:\n${signing.canonicalRequest}\n\nstring to sign:\n${signing.signingString}`;
}

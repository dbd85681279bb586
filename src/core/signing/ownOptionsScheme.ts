import type { SchemeOptionRules } from './schemeOptionRules';
import type { SchemeDescription } from './schemeRegistry';
import type { SchemeSigner } from './signingTypes';

/**
 * The registry entry of a scheme that reads its own options (rfc9421, akamai-edgegrid, oauth1, digest):
 * no HMAC algorithm list, no `headers=` defaults, and no Date header set by gwhttp (a Date written in
 * the request is sent and signed as written).
 */
export function ownOptionsScheme(signer: SchemeSigner, optionRules: SchemeOptionRules): SchemeDescription {
  return {
    signer,
    defaultAlgorithm: 'hmac-sha256',
    algorithms: ['hmac-sha256'],
    defaultDateHeader: 'date',
    keepsNameCase: false,
    requiresSignedDate: false,
    defaultSignedHeaders: () => [],
    optionRules,
    addsDateHeader: false,
  };
}

import { anyValue, oneOf, type SchemeOptionRules } from './schemeOptionRules';
import type { SchemeOutput, SchemeSigner } from './signingTypes';

/** `# @sign digest id=<username> [algorithm=…] [qop=auth] [cnonce=…]` (signing-clouds.md §9). */
export const digestOptionRules: SchemeOptionRules = {
  required: [],
  options: { algorithm: oneOf('md5', 'sha-256', 'sha-512-256'), qop: oneOf('auth'), cnonce: anyValue },
};

export const digestFirstSendNote =
  'Digest: sent first without Authorization; the 401 challenge is answered and the request sent again.';

/**
 * HTTP Digest is a challenge/response round trip: the first send goes without Authorization (a stale
 * `Digest …` template is dropped) and `answerDigestChallenge` signs the second one after the 401.
 */
export const digestSigner: SchemeSigner = {
  staleHeaders: () => ['authorization'],
  derivedHeaders: () => [],
  sign(): SchemeOutput {
    return {
      signedHeaders: [],
      signingString: digestFirstSendNote,
      signature: '',
      algorithm: 'Digest (answered after the challenge)',
      authorization: '',
      signatureHeaders: [],
    };
  },
};

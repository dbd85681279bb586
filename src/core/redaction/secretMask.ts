/** The one mask every output shows in place of a secret: it reveals neither the secret nor its length. */
export const secretMask = '********';

/** Values shorter than this are never masked: masking `abc` would blank out half of any output. */
export const minSecretLength = 4;

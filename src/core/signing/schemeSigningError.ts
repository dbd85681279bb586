/**
 * A request that a scheme cannot sign as asked (a covered field missing, a malformed key, a body over
 * the scheme's limit). `signRequest` turns it into GwHttpError('signing') naming the directive's line.
 * The message never holds a secret.
 */
export class SchemeSigningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemeSigningError';
  }
}

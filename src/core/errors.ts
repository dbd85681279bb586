/**
 * The one error type that send-time failures throw. Expected parse problems are diagnostics, not
 * errors. `code` is stable; `message` says what failed; `hint` says what to do.
 */
export type GwHttpErrorCode =
  | 'usage'
  | 'parse'
  | 'variable'
  | 'missingSecret'
  | 'signing'
  | 'network'
  | 'dns'
  | 'connectionRefused'
  | 'tls'
  | 'timeout'
  | 'aborted'
  | 'protocol'
  | 'decode'
  | 'gatewayRejected'
  | 'oauth2'
  | 'file';

export interface SourceLocation {
  file: string;
  line: number;
}

/** What a front end may need besides the message: what to do, and which key or scheme was involved. */
export interface ErrorDetails {
  /** What to do about it (one sentence or two). */
  hint?: string;
  /** The key id involved (a missing secret: the editor offers to store it). */
  keyId?: string;
  /** The signing scheme involved. */
  scheme?: string;
  /** The OAuth2 error code an identity provider answered with (`invalid_client`, `invalid_grant` …). */
  oauthError?: string;
}

/**
 * A failure a user can cause, as data. The message says what failed without saying where: the
 * front ends put the location (`file:line`) in front of it, each in its own way. `location` is
 * required: null only for what no line of a file causes (command-line usage, an unwritable report,
 * a network failure before runOne locates it at its request).
 */
export class GwHttpError extends Error {
  constructor(
    readonly code: GwHttpErrorCode,
    message: string,
    readonly location: SourceLocation | null,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'GwHttpError';
  }

  get hint(): string | undefined {
    return this.details.hint;
  }

  /** The same error at `location` when it has none yet (a failure deep in a send, located at its request). */
  locatedAt(location: SourceLocation): GwHttpError {
    return this.location === null ? new GwHttpError(this.code, this.message, location, this.details) : this;
  }
}

/** The file of a location in a document that was never saved. */
export const untitledFile = 'untitled';

/** `file:line` for messages. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}`;
}

export function isGwHttpError(value: unknown): value is GwHttpError {
  return value instanceof GwHttpError;
}

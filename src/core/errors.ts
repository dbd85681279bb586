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
  | 'file';

export interface SourceLocation {
  file: string;
  line: number;
}

export class GwHttpError extends Error {
  constructor(
    readonly code: GwHttpErrorCode,
    message: string,
    readonly hint?: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
    this.name = 'GwHttpError';
  }
}

export function isGwHttpError(value: unknown): value is GwHttpError {
  return value instanceof GwHttpError;
}

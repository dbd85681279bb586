import { GwHttpError } from '../errors';
import type { ImportLocation } from './importTypes';

/** An input that cannot be imported at all (not a cURL command, another Postman version, not OpenAPI …). */
export function importError(source: string, message: string, hint: string, location?: ImportLocation): GwHttpError {
  const place = location ? ` (${location.line !== undefined ? `line ${location.line}, ` : ''}${location.where})` : '';
  return new GwHttpError(
    'parse',
    `${message}${place}`,
    location?.line !== undefined ? { file: source, line: location.line } : null,
    { hint: hint },
  );
}

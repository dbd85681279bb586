import { GwHttpError } from '../errors';
import type { ImportLocation } from './importTypes';

/**
 * An input that cannot be imported at all (not a cURL command, another Postman version, not OpenAPI …);
 * at `source:line` when the line is known (the front ends show it), the part of the input in the message.
 */
export function importError(source: string, message: string, hint: string, location?: ImportLocation): GwHttpError {
  const place = location ? ` (${location.where})` : '';
  const at = location?.line !== undefined ? { file: source, line: location.line } : null;
  return new GwHttpError('parse', `${message}${place}`, at, { hint });
}

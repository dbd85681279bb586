import { compareCodePoints, decodeComponent, parseQueryPairs, requestTarget } from './requestTarget';

const environmentSegments = new Set(['release', 'prepub', 'test']);

/** True when a Content-Type (parameters after `;` ignored) is `application/x-www-form-urlencoded`. */
export function isFormContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** Removes a first path segment exactly equal to `release`, `prepub` or `test` (E13). */
export function stripEnvironmentSegment(path: string): string {
  const match = /^\/([^/]*)(\/.*)?$/.exec(path);
  if (!match || !environmentSegments.has(match[1])) return path;
  return match[2] ?? '/';
}

/**
 * Tencent app auth PathAndParameters (signing.md §3.1 step 6): decoded path without the environment
 * segment, then query parameters plus form fields, decoded, sorted by key then value (code point
 * order), `key=value` or bare `key` when the value is empty, joined by `&`.
 */
export function tencentPathAndParameters(url: string, formBody: string | null, stripEnvironment: boolean): string {
  const target = requestTarget(url);
  const decodedPath = decodeComponent(target.path, false);
  const path = stripEnvironment ? stripEnvironmentSegment(decodedPath) : decodedPath;
  const pairs = [...parseQueryPairs(target.query), ...(formBody === null ? [] : parseQueryPairs(formBody))];
  if (pairs.length === 0) return path;
  const rendered = pairs
    .map(([key, value]): [string, string] => [key, value ?? ''])
    .sort((a, b) => compareCodePoints(a[0], b[0]) || compareCodePoints(a[1], b[1]))
    .map(([key, value]) => (value === '' ? key : `${key}=${value}`));
  return `${path}?${rendered.join('&')}`;
}

import { volatileHeaders } from '../assert/volatileHeaders';
import type { HeaderField } from '../model/outgoing';

/** What a snapshot keeps of a response: facts that stay put from one good answer to the next. */
export interface ShapeSource {
  status: number;
  headers: readonly HeaderField[];
  contentType: string | null;
  bodyText: string;
}

const maxDepth = 8;
const maxLines = 400;

/**
 * The response's shape as sorted text lines: `status 200`, `header x-ratelimit-limit` (names only,
 * without the volatile ones), and for a JSON body `body $.items[*].id number` (keys and types, never
 * values; an array's elements merged under `[*]`). Any other body is `body <media type>`, or `body empty`.
 */
export function responseShape(response: ShapeSource): string[] {
  const headers = new Set<string>();
  for (const { name } of response.headers) {
    const lower = name.toLowerCase();
    if (!volatileHeaders.has(lower)) headers.add(`header ${lower}`);
  }
  return [`status ${response.status}`, ...[...headers].sort(), ...bodyShape(response)];
}

function bodyShape(response: ShapeSource): string[] {
  if (response.bodyText.trim() === '') return ['body empty'];
  const media = (response.contentType ?? '').split(';')[0].trim().toLowerCase();
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.bodyText);
  } catch {
    return [`body ${media === '' ? 'text' : media}`];
  }
  const lines = new Set<string>();
  collectShape(parsed, '$', 0, lines);
  const sorted = [...lines].sort();
  return sorted.length > maxLines
    ? [...sorted.slice(0, maxLines), `body … (${sorted.length - maxLines} more)`]
    : sorted;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function collectShape(value: unknown, path: string, depth: number, lines: Set<string>): void {
  lines.add(`body ${path} ${typeOf(value)}`);
  if (depth >= maxDepth || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const element of value) collectShape(element, `${path}[*]`, depth + 1, lines);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    collectShape(child, `${path}${step}`, depth + 1, lines);
  }
}

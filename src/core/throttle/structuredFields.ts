/**
 * A small, forgiving reader for the HTTP structured-field shapes used by the IETF rate-limit headers
 * (RFC 8941 lists and dictionaries of items with `;key=value` parameters). It never throws: text it
 * cannot read comes back as members with whatever it could make of them.
 */
export interface StructuredMember {
  /** The member's key (dictionary form `limit=100`) or its bare item (`"default"`, `burst`, `100`). */
  name: string;
  /** The value after `=` in dictionary form, else null. */
  value: string | null;
  /** Parameters (`;w=60`), names lower-cased, values unquoted; a bare parameter maps to `''`. */
  params: Map<string, string>;
}

/** Splits `text` on `separator` outside double-quoted strings. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && quoted && i + 1 < text.length) {
      current += char + text[i + 1];
      i++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** Removes surrounding double quotes and backslash escapes from a structured-field string. */
export function unquote(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return trimmed;
}

function splitPair(text: string): [string, string | null] {
  const parts = splitOutsideQuotes(text, '=');
  if (parts.length < 2) return [unquote(parts[0]), null];
  return [unquote(parts[0]), unquote(parts.slice(1).join('='))];
}

export function parseStructuredMembers(text: string): StructuredMember[] {
  const members: StructuredMember[] = [];
  for (const rawMember of splitOutsideQuotes(text, ',')) {
    if (rawMember.trim() === '') continue;
    const [head, ...rawParams] = splitOutsideQuotes(rawMember, ';');
    const [name, value] = splitPair(head);
    const params = new Map<string, string>();
    for (const rawParam of rawParams) {
      const [paramName, paramValue] = splitPair(rawParam);
      if (paramName !== '') params.set(paramName.toLowerCase(), paramValue ?? '');
    }
    members.push({ name, value, params });
  }
  return members;
}

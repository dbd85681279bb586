/** Tokenises `name=value name="quoted value"` lists (directive values) and `k="v", k2="v2"` lists. */

export interface SigningToken {
  key: string | null;
  value: string;
}

/** Splits a directive value into bare words and `key=value` pairs; double quotes group spaces. */
export function tokenizeDirective(text: string): SigningToken[] {
  const tokens: SigningToken[] = [];
  const pattern = /([A-Za-z][\w-]*)=(?:"([^"]*)"|(\S*))|"([^"]*)"|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) tokens.push({ key: match[1].toLowerCase(), value: match[2] ?? match[3] ?? '' });
    else tokens.push({ key: null, value: match[4] ?? match[5] ?? '' });
  }
  return tokens;
}

/** `key="value"` parameters (comma separated, optional spaces) into a lower-cased-key map. */
export function parseQuotedParameters(text: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const match of text.matchAll(/([A-Za-z][\w-]*)\s*=\s*"([^"]*)"/g)) {
    const key = match[1].toLowerCase();
    if (!parameters.has(key)) parameters.set(key, match[2]);
  }
  return parameters;
}

/** `headers="Date Host"` → `['Date', 'Host']`. */
export function splitHeaderList(text: string): string[] {
  return text.split(/[\s;]+/).filter((name) => name !== '');
}

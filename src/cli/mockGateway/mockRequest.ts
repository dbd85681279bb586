/** A request as the mock gateway received it: raw target, every header value in arrival order, body bytes. */
export interface MockRequest {
  method: string;
  /** Raw request target (path and query) exactly as sent. */
  target: string;
  /** Lower-case header name → every value received, in order. */
  headers: Map<string, string[]>;
  body: Buffer;
}

/** Groups Node's `rawHeaders` ([name, value, name, value, …]) by lower-case name, values trimmed. */
export function groupRawHeaders(rawHeaders: readonly string[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    const value = rawHeaders[i + 1].trim();
    const list = headers.get(name);
    if (list) list.push(value);
    else headers.set(name, [value]);
  }
  return headers;
}

/** The first value of a header, or null. */
export function firstHeader(request: MockRequest, name: string): string | null {
  return request.headers.get(name.toLowerCase())?.[0] ?? null;
}

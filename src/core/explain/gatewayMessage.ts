/** The longest message text kept from a text body. */
const maxTextLength = 2000;

function messageField(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  // `detail`: RFC 9457 problem+json (Akamai); `errors[0]`: Twitter-style OAuth APIs.
  for (const key of ['message', 'Message', 'msg', 'error_msg', 'errorMessage', 'detail']) {
    if (typeof record[key] === 'string') return record[key];
  }
  const firstError = Array.isArray(record.errors) ? (record.errors as unknown[])[0] : undefined;
  return (
    messageField(record.error) ??
    messageField(record.Response) ??
    messageField(record.Error) ??
    messageField(firstError)
  );
}

/** The gateway's message: the JSON body's `message` field when there is one, else the text body. */
export function gatewayMessage(bodyText: string): string {
  const trimmed = bodyText.trim();
  if (trimmed.startsWith('{')) {
    try {
      const field = messageField(JSON.parse(trimmed));
      if (field !== null) return field.trim();
    } catch {
      /* not JSON after all: use the text */
    }
  }
  return trimmed.length > maxTextLength ? trimmed.slice(0, maxTextLength) : trimmed;
}

/** Lower case, single spaces, no trailing period: the form the table's `match` texts are written in. */
export function normaliseMessage(message: string): string {
  return message.toLowerCase().replace(/\s+/g, ' ').trim().replace(/\.+$/, '').trim();
}

import type { OutgoingRequest } from '../model/outgoing';
import type { Redactor } from '../redaction';

/** Quotes one argument for a POSIX shell. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_\-.,:/@=+%]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface CurlOptions {
  /** Masks the secrets (wherever they occur) and credential headers. */
  redactor: Redactor;
  /** When the request was signed; adds a note that the signature expires. */
  signedAt: Date | null;
  /** Skew window the gateway accepts, in seconds (Tencent: 900). */
  signatureLifetimeSeconds?: number;
  /** `2`: the command asks for HTTP/2 (`--http2`, or `--http2-prior-knowledge` on plain http). */
  httpVersion?: '1.1' | '2';
}

/** A cURL command to paste, and what to know about it (said beside it, not inside it). */
export interface CurlCopy {
  /** Starts with `curl`, so a terminal and a cURL import box (Postman, Insomnia, httpie) both take it as it is. */
  command: string;
  /** When the signature expires, that the secret is not included, and a binary body's file. */
  note: string;
}

/**
 * A cURL command for a request exactly as it would be sent. The secret key is never included: only
 * the derived signature, which the note says expires. The note is not a comment line in the command:
 * a leading `# …` line made import boxes refuse the text.
 */
export function toCurl(request: OutgoingRequest, options: CurlOptions): CurlCopy {
  const notes: string[] = [];
  if (options.signedAt) {
    const lifetime = options.signatureLifetimeSeconds ?? 900;
    const expires = new Date(options.signedAt.getTime() + lifetime * 1000);
    notes.push(
      `Signed at ${options.signedAt.toUTCString()}; the signature expires about ${expires.toUTCString()}: copy again for a fresh one.`,
    );
  }
  notes.push('The secret key is not included.');
  const args = [`curl -sS -i -X ${shellQuote(request.method)} ${shellQuote(options.redactor.text(request.url))}`];
  if (options.httpVersion === '2') args.push(request.url.startsWith('http:') ? '--http2-prior-knowledge' : '--http2');
  for (const header of options.redactor.headers(request.headers)) {
    args.push(`-H ${shellQuote(`${header.name}: ${header.value}`)}`);
  }
  if (request.body && request.body.length > 0) {
    const text = Buffer.from(request.body).toString('utf8');
    if (Buffer.from(text, 'utf8').equals(Buffer.from(request.body))) {
      args.push(`--data-binary ${shellQuote(options.redactor.text(text))}`);
    } else {
      notes.push('The body is binary: save it as body.bin beside where you run the command.');
      args.push('--data-binary @body.bin');
    }
  }
  return { command: args.join(' \\\n  '), note: notes.join(' ') };
}

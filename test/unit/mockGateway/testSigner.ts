/**
 * A deliberately tiny, test-local signer (a third implementation, separate from both src/core/signing and
 * the mock's verifier) and a raw HTTP client that sends exactly the headers given, duplicates included.
 */
import { createHash, createHmac } from 'node:crypto';
import * as http from 'node:http';

export type HeaderPairs = [string, string][];

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: Record<string, unknown>;
}

const hashOf = (algorithm: string): string => algorithm.replace('hmac-', '');

export function hmacBase64(algorithm: string, secret: string, text: string): string {
  return createHmac(hashOf(algorithm), secret).update(text, 'utf8').digest('base64');
}

export function keyPairAuthorization(
  id: string,
  secret: string,
  algorithm: string,
  headers: HeaderPairs,
  signed: string[],
): string {
  const lookup = new Map(headers.map(([name, value]) => [name.toLowerCase(), value]));
  const signingString = signed.map((name) => `${name}: ${lookup.get(name) ?? ''}`).join('\n');
  return `hmac id="${id}", algorithm="${algorithm}", headers="${signed.join(' ')}", signature="${hmacBase64(algorithm, secret, signingString)}"`;
}

/** App auth for a request whose signing string the test writes out by hand. */
export function appAuthorization(
  id: string,
  secret: string,
  algorithm: string,
  signed: string[],
  signingString: string,
): string {
  return `hmac id="${id}", algorithm="${algorithm}", headers="${signed.join(' ')}", signature="${hmacBase64(algorithm, secret, signingString)}"`;
}

export function contentMd5(body: string): string {
  return Buffer.from(createHash('md5').update(body).digest('hex')).toString('base64');
}

export function send(
  baseUrl: string,
  method: string,
  target: string,
  headers: HeaderPairs,
  body?: string,
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const grouped: Record<string, string[]> = {};
  for (const [name, value] of headers) (grouped[name] ??= []).push(value);
  if (body !== undefined) grouped['Content-Length'] = [String(Buffer.byteLength(body))];
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method, path: target, headers: grouped, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            /* not JSON: the test checks text */
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

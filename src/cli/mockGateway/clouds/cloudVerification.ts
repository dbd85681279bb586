import type { MockKey } from '../mockKeys';
import type { MockRequest } from '../mockRequest';

/** What a cloud verifier decides: the key it accepted, or the vendor's own rejection. */
export type CloudVerification =
  | { ok: true; key: MockKey }
  | { ok: false; status: number; body: unknown; headers: Record<string, string>; note: string };

export type CloudVerifier = (request: MockRequest, key: MockKey, now: Date) => CloudVerification;

export function cloudRejection(
  status: number,
  body: unknown,
  note: string,
  headers: Record<string, string> = {},
): CloudVerification {
  return { ok: false, status, body, headers, note };
}

/** Every value of a header joined with `,` (the mock groups them by lower-case name). */
export function joinedHeader(request: MockRequest, name: string): string | undefined {
  return request.headers.get(name)?.join(',');
}

import type { AssertionLine, Directive, ParsedRequest, ResponseSaveLine } from '../model/document';
import type { OutgoingRequest } from '../model/outgoing';

/**
 * A parsed request after variable resolution: what will be signed and sent.
 * Produced by `prepareRequest` (variables/prepareRequest.ts).
 */
export interface PreparedRequest {
  source: ParsedRequest;
  /** Resolved method, URL, headers (file order) and exact body bytes. Not yet signed. */
  outgoing: OutgoingRequest;
  /**
   * Credentials the request itself carries (a Basic password and token) and its masked prompt answers
   * (`{{$password …}}`, secret-looking `# @prompt` names), for the outputs to mask; absent: none.
   */
  secrets?: string[];
  /** Where to write the response body (`>> path`, `>>! path`, `# @save path`), path resolved; absent: nowhere. */
  saveResponse?: ResponseSaveLine;
  /** Directives with `{{…}}` in their values resolved. */
  directives: Directive[];
  /**
   * The environment's default signing, written like a `# @sign` directive value
   * (e.g. `tencent-keypair id=AKID… algorithm=hmac-sha256`), or null when the environment sets none.
   */
  defaultSigning: string | null;
  /** `?? …` assertions with `{{…}}` resolved (checked against the response after sending). */
  assertions: AssertionLine[];
}

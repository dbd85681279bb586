/** A header as it goes on the wire. Order matters and is preserved. */
export interface HeaderField {
  name: string;
  value: string;
}

/**
 * A request fully resolved (variables substituted, body bytes read) and ready to be signed and sent.
 * `body` holds exactly the bytes that will be sent.
 */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: HeaderField[];
  body: Uint8Array | null;
}

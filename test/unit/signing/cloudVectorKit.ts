import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { HeaderField, OutgoingRequest } from '../../../src/core/model/outgoing';
import type { Clock } from '../../../src/core/ports';

/**
 * Reads a vendor vector file copied byte for byte from ../shared/spec/vectors/ into
 * test/fixtures/signing/clouds/ (see that folder's README for sources and licences).
 */
export function readCloudVectors<T>(file: string): T[] {
  return JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/signing/clouds', file), 'utf8')) as T[];
}

export interface VectorRequest {
  method: string;
  url: string | null;
  headers: [string, string][];
  body: string;
}

/** The vector's request; `target` (origin-form, possibly raw) replaces the URL when given. */
export function vectorOutgoing(request: VectorRequest, target?: string): OutgoingRequest {
  return {
    method: request.method,
    url: target ?? request.url ?? '/',
    headers: request.headers.map(([name, value]): HeaderField => ({ name, value })),
    body: request.body === '' ? null : new Uint8Array(Buffer.from(request.body, 'utf8')),
  };
}

export function clockAt(milliseconds: number): Clock {
  const date = new Date(milliseconds);
  return { now: () => date };
}

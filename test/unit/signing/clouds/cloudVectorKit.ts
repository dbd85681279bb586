import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import type { OutgoingRequest } from '../../../../src/core/model/outgoing';

const fixtureFolder = path.resolve(__dirname, '../../../fixtures/signing/vectors');

/**
 * The published vectors of `../shared/spec/vectors/<file>`, from the byte-identical copy in
 * test/fixtures/signing/vectors (so the tests run where the shared folder is absent).
 */
export function readVectors<T>(file: string): T[] {
  return JSON.parse(readFileSync(path.join(fixtureFolder, file), 'utf8')) as T[];
}

/** The shared spec's copy of a vector file when this checkout sits beside it (…/main or …/wt/NAME). */
export function sharedVectorFile(file: string): string | null {
  const repository = path.resolve(__dirname, '../../../..');
  for (const shared of ['../shared', '../../shared']) {
    const candidate = path.resolve(repository, shared, 'spec/vectors', file);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function fixtureBytes(file: string): Buffer {
  return readFileSync(path.join(fixtureFolder, file));
}

/** A test that the fixture copy of `file` is byte-identical to the shared spec's (skipped when that is absent). */
export function itIsTheSharedCopy(file: string): void {
  it('the fixture copy is byte-identical to the shared spec file (when it is beside this checkout)', function () {
    const shared = sharedVectorFile(file);
    if (shared === null) this.skip();
    if (!readFileSync(shared).equals(fixtureBytes(file))) throw new Error(`${file} differs from ${shared}`);
  });
}

export interface VectorRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

export function vectorRequest(request: VectorRequest): OutgoingRequest {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers.map(([name, value]) => ({ name, value })),
    body: request.body === '' ? null : new Uint8Array(Buffer.from(request.body, 'utf8')),
  };
}

export function clockAt(milliseconds: number): { now: () => Date } {
  const date = new Date(milliseconds);
  return { now: () => date };
}

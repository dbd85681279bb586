import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { Diagnostic } from '../../../src/core/model/diagnostic';
import type { FileVariable, ParsedDocument, ParsedRequest } from '../../../src/core/model/document';
import type { Clock, FileReader } from '../../../src/core/ports';
import type { ChainedExchange, VariableContext } from '../../../src/core/variables/variableContext';

export const fixturesRoot = path.resolve(__dirname, '../../fixtures/env');

/** Reads real files with node:fs (what the CLI adapter does). */
export const nodeFileReader: FileReader = {
  readFile: async (file) => new Uint8Array(await fs.promises.readFile(file)),
  exists: async (file) =>
    fs.promises.access(file).then(
      () => true,
      () => false,
    ),
};

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gwhttp-'));
}

/** A temp copy of a fixture folder under test/fixtures/env, plus extra files (path → text). */
export function tempFixture(name: string | null, extraFiles: Record<string, string> = {}): string {
  const root = makeTempDir();
  if (name) fs.cpSync(path.join(fixturesRoot, name), root, { recursive: true });
  for (const [relative, text] of Object.entries(extraFiles)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  return root;
}

export function removeTempDir(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

export const pinnedClock: Clock = { now: () => new Date('2026-11-23T10:15:30.000Z') };

export function makeRequest(fields: Partial<ParsedRequest> = {}): ParsedRequest {
  const line = fields.line ?? 10;
  return {
    index: 0,
    name: null,
    title: null,
    line,
    endLine: line,
    regionStartLine: 1,
    method: 'GET',
    url: 'http://127.0.0.1/',
    urlLine: line,
    headers: [],
    body: null,
    bodyRange: null,
    form: 'line',
    directives: [],
    assertions: [],
    ...fields,
  };
}

export function makeDocument(
  requests: ParsedRequest[],
  variables: FileVariable[] = [],
  diagnostics: Diagnostic[] = [],
): ParsedDocument {
  return { requests: requests.map((request, index) => ({ ...request, index })), variables, diagnostics };
}

export function makeContext(fields: Partial<VariableContext> = {}): VariableContext {
  return {
    requestFile: null,
    searchRoot: null,
    environmentName: null,
    overrides: {},
    settingsEnvironments: {},
    chain: new Map<string, ChainedExchange>(),
    processEnv: {},
    clock: pinnedClock,
    fileReader: nodeFileReader,
    mayReadWorkspaceFiles: true,
    ...fields,
  };
}

export function makeExchange(fields: {
  responseBody?: string;
  responseHeaders?: [string, string][];
  requestHeaders?: [string, string][];
}): ChainedExchange {
  const toFields = (pairs: [string, string][] = []) => pairs.map(([name, value]) => ({ name, value }));
  return {
    request: { method: 'POST', url: 'http://127.0.0.1/login', headers: toFields(fields.requestHeaders), body: null },
    response: { status: 200, headers: toFields(fields.responseHeaders), body: fields.responseBody ?? '' },
  };
}

export const utf8 = (bytes: Uint8Array | null): string | null =>
  bytes === null ? null : Buffer.from(bytes).toString('utf8');

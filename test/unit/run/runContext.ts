/** Test helper: a RunContext over real parts (client, file reader) with an in-memory environment. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { createHttpClient } from '../../../src/core/http/httpClient';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { type Clock, systemClock } from '../../../src/core/ports';
import { runRedactor } from '../../../src/core/redaction';
import { runRequests } from '../../../src/core/run/runRequests';
import type { RunContext, RunResult } from '../../../src/core/run/runTypes';
import { environmentSecretSource } from '../../../src/core/secrets/environmentSecretSource';
import { tempDir } from '../http/loopback';

export interface TestRun {
  results: RunResult[];
  context: RunContext;
}

export async function runText(
  text: string,
  indexes: number[] | null,
  env: Record<string, string> = {},
  clock: Clock = systemClock,
  extra: Partial<RunContext> = {},
): Promise<TestRun> {
  const dir = tempDir();
  const file = path.join(dir, 'requests.gwhttp');
  fs.writeFileSync(file, text);
  const document = parseDocument(text);
  const client = createHttpClient();
  const context: RunContext = {
    file: 'requests.gwhttp',
    variables: {
      requestFile: file,
      searchRoot: dir,
      environmentName: null,
      overrides: {},
      settingsEnvironments: {},
      processEnv: env,
      clock,
      fileReader: nodeFileReader,
      mayReadWorkspaceFiles: true,
    },
    secretSources: [environmentSecretSource(env)],
    clock,
    client,
    env,
    timeoutMs: 10000,
    insecure: false,
    followRedirects: true,
    ...extra,
    redactor: extra.redactor ?? runRedactor(env),
  };
  const results: RunResult[] = [];
  try {
    for await (const result of runRequests(document, indexes ?? document.requests.map((r) => r.index), context)) {
      results.push(result);
    }
  } finally {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { results, context };
}

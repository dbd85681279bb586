import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { GwHttpError } from '../../core/errors';
import { createHttpClient } from '../../core/http/httpClient';
import { systemClock, type Clock } from '../../core/ports';
import { runRequests } from '../../core/run/runRequests';
import { resultPassed } from '../../core/run/resultOutcome';
import { dotenvSecretSource } from '../../core/secrets/dotenvSecretSource';
import { environmentSecretSource } from '../../core/secrets/environmentSecretSource';
import { loadContextDotenv, loadContextEnvironments } from '../../core/variables/prepareRequest';
import { buildVariableContext } from '../shared/buildVariableContext';
import { chooseRequests } from '../shared/chooseRequests';
import { exitFailed, exitOk, reportCliError, usageError } from '../shared/cliError';
import { formatRunResult } from '../shared/formatRunResult';
import { junitCases, junitReport, type JunitCase } from '../shared/junitReport';
import { loadRequestFile } from '../shared/loadRequestFile';
import { nodeFileReader } from '../shared/nodeFileReader';
import { runResultJson, runResultsJsonDocument, type RunResultJson } from '../shared/runResultJson';

/** What the command touches outside itself; tests pass their own. */
export interface SendIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
  clock: Clock;
  /** Aborts the run (the CLI wires SIGINT to it). */
  signal?: AbortSignal;
}

/** Default per-request timeout, so a CI run never hangs on a silent server. */
export const defaultTimeoutMs = 60_000;

const optionsSpec = {
  request: { type: 'string', short: 'r' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  insecure: { type: 'boolean' },
  env: { type: 'string', short: 'e' },
  var: { type: 'string', multiple: true },
  verbose: { type: 'boolean', short: 'v' },
  junit: { type: 'string' },
  bail: { type: 'boolean' },
  'retry-429': { type: 'string' },
} as const;

function readArgs(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: optionsSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`send: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (parsed.positionals.length !== 1) throw usageError('send needs exactly one FILE: gwhttp send FILE [--request INDEX|NAME | --all] [--json] …');
  const timeout = parsed.values.timeout ?? String(defaultTimeoutMs);
  if (!/^\d+$/.test(timeout)) throw usageError(`--timeout needs a whole number of milliseconds, got "${timeout}".`);
  const retry = parsed.values['retry-429'];
  if (retry !== undefined && !/^\d+$/.test(retry)) throw usageError(`--retry-429 needs the longest wait in whole seconds, got "${retry}".`, 'For example --retry-429 30: a 429 asking to wait up to 30 s is sent again after that wait (3 times at most).');
  const retryRateLimited = retry === undefined ? null : { maxWaitSeconds: Number(retry), maxRetries: 3 };
  return { file: parsed.positionals[0], values: parsed.values, timeoutMs: Number(timeout), retryRateLimited };
}

/** `gwhttp send FILE [--request INDEX|NAME | --all] [--json] [--junit FILE] [--bail] [--timeout MS] [--insecure] [--env NAME] [--var k=v] [-v]` */
export async function runSend(args: string[], io: SendIo = processIo()): Promise<number> {
  const client = createHttpClient();
  try {
    const { file, values, timeoutMs, retryRateLimited } = readArgs(args);
    const loaded = await loadRequestFile(file, nodeFileReader, io.cwd);
    const indexes = chooseRequests(loaded.document, file, values.request, values.all ?? false);
    const variables = buildVariableContext({
      requestFile: loaded.absolutePath, environmentName: values.env, vars: values.var ?? [],
      processEnv: io.env, clock: io.clock, fileReader: nodeFileReader, cwd: io.cwd,
    });
    const probe = { ...variables, chain: new Map() };
    variables.environments = await loadContextEnvironments(probe);
    variables.dotenv = await loadContextDotenv(probe);
    if (values.env !== undefined && !variables.environments.names.includes(values.env)) {
      const known = variables.environments.names.filter((name) => !name.startsWith('$'));
      throw usageError(`--env ${values.env}: no such environment (${variables.environments.files.length > 0 ? `read ${variables.environments.files.join(', ')}` : 'no gwhttp.env.json found'}).`,
        known.length > 0 ? `Known environments: ${known.join(', ')}.` : 'Create gwhttp.env.json beside the request file, e.g. {"local": {"host": "127.0.0.1:8080"}}.');
    }
    const json: RunResultJson[] = [];
    const junit: JunitCase[] = [];
    let count = 0;
    let failed = false;
    const run = runRequests(loaded.document, indexes, {
      file, variables, client, clock: io.clock, env: io.env, signal: io.signal, timeoutMs,
      insecure: values.insecure ?? false, followRedirects: true, spillDirectory: os.tmpdir(), retryRateLimited,
      secretSources: [environmentSecretSource(io.env), dotenvSecretSource(loaded.absolutePath, variables.searchRoot, nodeFileReader)],
    });
    for await (const result of run) {
      count++;
      const failure = !resultPassed(result);
      failed ||= failure;
      if (values.json) json.push(runResultJson(result));
      else io.stdout.write(`${count > 1 ? '\n' : ''}${formatRunResult(result, { verbose: values.verbose ?? false })}`);
      if (values.junit !== undefined) junit.push(...junitCases([result]));
      if (failure && values.bail) {
        if (!values.json) io.stdout.write(`\nstopped after the first failure (--bail)\n`);
        break;
      }
    }
    if (values.json) io.stdout.write(runResultsJsonDocument(json));
    if (values.junit !== undefined) writeJunit(path.resolve(io.cwd, values.junit), values.junit, junitReport(file, junit));
    return failed || count === 0 ? exitFailed : exitOk;
  } catch (error) {
    return reportCliError(error, io.stderr);
  } finally {
    await client.close();
  }
}

function writeJunit(target: string, given: string, report: string): void {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, report);
  } catch (error) {
    throw new GwHttpError('file', `Cannot write the JUnit report to ${given}: ${error instanceof Error ? error.message : String(error)}`, 'Give --junit a path in a folder you can write.');
  }
}

function processIo(): SendIo {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), clock: systemClock, signal: controller.signal };
}

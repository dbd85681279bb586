import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { GwHttpError } from '../../core/errors';
import { createHttpClient, type HttpClient } from '../../core/http/httpClient';
import { assertSendable } from '../../core/run/parseProblems';
import { resultPassed } from '../../core/run/resultOutcome';
import { runRequests } from '../../core/run/runRequests';
import { dotenvSecretSource } from '../../core/secrets/dotenvSecretSource';
import { environmentSecretSource } from '../../core/secrets/environmentSecretSource';
import { loadContextDotenv, loadContextEnvironments } from '../../core/variables/prepareRequest';
import type { VariableContext } from '../../core/variables/variableContext';
import { buildVariableContext } from '../shared/buildVariableContext';
import { chooseRequests } from '../shared/chooseRequests';
import { exitFailed, exitOk, reportCliError, usageError } from '../shared/cliError';
import { collectRequestFiles, noRequestFilesMessage, requestFilesHint } from '../shared/collectRequestFiles';
import { type CommandIo, processCommandIo } from '../shared/commandIo';
import { formatRunResult } from '../shared/formatRunResult';
import type { JunitCase, junitCases, junitReport, JunitSuite } from '../shared/junitReport';
import { type LoadedRequestFile, loadRequestFile } from '../shared/loadRequestFile';
import { nodeFileReader } from '../shared/nodeFileReader';
import { type RunResultJson, runResultJson, runResultsJsonDocument } from '../shared/runResultJson';

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
  markdown: { type: 'boolean' },
} as const;

function readArgs(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: optionsSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`send: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (parsed.positionals.length === 0) {
    throw usageError('send needs a FILE: gwhttp send FILE|FOLDER... [--request INDEX|NAME | --all] [--json] …');
  }
  if (parsed.positionals.length > 1 && parsed.values.request !== undefined) {
    throw usageError('--request picks a request of one FILE; with several files or a folder every request is sent.');
  }
  const timeout = parsed.values.timeout ?? String(defaultTimeoutMs);
  if (!/^\d+$/.test(timeout)) throw usageError(`--timeout needs a whole number of milliseconds, got "${timeout}".`);
  const retry = parsed.values['retry-429'];
  if (retry !== undefined && !/^\d+$/.test(retry)) {
    throw usageError(
      `--retry-429 needs the longest wait in whole seconds, got "${retry}".`,
      'For example --retry-429 30: a 429 asking to wait up to 30 s is sent again after that wait (3 times at most).',
    );
  }
  const retryRateLimited = retry === undefined ? null : { maxWaitSeconds: Number(retry), maxRetries: 3 };
  return { paths: parsed.positionals, values: parsed.values, timeoutMs: Number(timeout), retryRateLimited };
}

type SendOptions = ReturnType<typeof readArgs>;

/** One file ready to send: parsed, its requests chosen, its environments and `.env` read. */
interface FileToSend {
  file: string;
  loaded: LoadedRequestFile;
  indexes: number[];
  variables: Omit<VariableContext, 'chain'>;
}

/** Reads, checks and prepares a file; usage and parse errors throw here, before anything is sent. */
async function prepareFile(file: string, options: SendOptions, io: CommandIo): Promise<FileToSend> {
  const { values } = options;
  const loaded = await loadRequestFile(file, nodeFileReader, io.cwd);
  const indexes = chooseRequests(loaded.document, file, values.request, values.all ?? false);
  const variables = buildVariableContext({
    requestFile: loaded.absolutePath,
    environmentName: values.env,
    vars: values.var ?? [],
    processEnv: io.env,
    clock: io.clock,
    fileReader: nodeFileReader,
    cwd: io.cwd,
  });
  const probe = { ...variables, chain: new Map() };
  variables.environments = await loadContextEnvironments(probe);
  variables.dotenv = await loadContextDotenv(probe);
  if (values.env !== undefined && !variables.environments.names.includes(values.env)) {
    const known = variables.environments.names.filter((name) => !name.startsWith('$'));
    throw usageError(
      `--env ${values.env}: no such environment for ${file} (${variables.environments.files.length > 0 ? `read ${variables.environments.files.join(', ')}` : 'no gwhttp.env.json found'}).`,
      known.length > 0
        ? `Known environments: ${known.join(', ')}.`
        : 'Create gwhttp.env.json beside the request file, e.g. {"local": {"host": "127.0.0.1:8080"}}.',
    );
  }
  // Every file is checked before the first request of any is sent.
  assertSendable(loaded.document, indexes, file);
  return { file, loaded, indexes, variables };
}

/** What a whole run collects across its files. */
interface RunTally {
  count: number;
  failed: boolean;
  json: RunResultJson[];
  suites: JunitSuite[];
  stopped: boolean;
}

/** Sends one prepared file's requests, writing the human output as results arrive. */
async function sendFile(
  target: FileToSend,
  options: SendOptions,
  io: CommandIo,
  client: HttpClient,
  tally: RunTally,
  several: boolean,
): Promise<void> {
  const { values } = options;
  const cases: JunitCase[] = [];
  tally.suites.push({ name: target.file, cases });
  if (several && !values.json) io.stdout.write(`${tally.count > 0 ? '\n' : ''}=== ${target.file} ===\n`);
  let inFile = 0;
  const run = runRequests(target.loaded.document, target.indexes, {
    file: target.file,
    variables: target.variables,
    client,
    clock: io.clock,
    env: io.env,
    signal: io.signal,
    timeoutMs: options.timeoutMs,
    insecure: values.insecure ?? false,
    followRedirects: true,
    spillDirectory: os.tmpdir(),
    retryRateLimited: options.retryRateLimited,
    secretSources: [
      environmentSecretSource(io.env),
      dotenvSecretSource(target.loaded.absolutePath, target.variables.searchRoot, nodeFileReader),
    ],
  });
  for await (const result of run) {
    tally.count++;
    inFile++;
    const failure = !resultPassed(result);
    tally.failed ||= failure;
    if (values.json) tally.json.push({ ...runResultJson(result), file: target.file });
    else io.stdout.write(`${inFile > 1 ? '\n' : ''}${formatRunResult(result, { verbose: values.verbose ?? false })}`);
    if (values.junit !== undefined) cases.push(...junit().junitCases([result]));
    if (failure && values.bail) {
      if (!values.json) io.stdout.write('\nstopped after the first failure (--bail)\n');
      tally.stopped = true;
      return;
    }
  }
}

/**
 * `gwhttp send FILE|FOLDER... [--request INDEX|NAME | --all] [--json] [--junit FILE] [--bail]
 * [--retry-429 S] [--timeout MS] [--insecure] [--env NAME] [--var k=v] [-v]`. A folder means every
 * `*.gwhttp`, `*.http` and `*.rest` below it (`*.md` too with `--markdown`); every file is read and checked before the first request is sent.
 */
export async function runSend(args: string[], io: CommandIo = processIo()): Promise<number> {
  const client = createHttpClient();
  try {
    const options = readArgs(args);
    const targets: FileToSend[] = [];
    const files = collectRequestFiles(options.paths, io.cwd, { markdown: options.values.markdown });
    for (const file of files) targets.push(await prepareFile(file, options, io));
    if (targets.length === 0) {
      throw usageError(noRequestFilesMessage(options.paths), requestFilesHint);
    }
    const tally: RunTally = { count: 0, failed: false, json: [], suites: [], stopped: false };
    for (const target of targets) {
      await sendFile(target, options, io, client, tally, targets.length > 1);
      if (tally.stopped) break;
    }
    const { values } = options;
    if (values.json) io.stdout.write(runResultsJsonDocument(tally.json));
    if (values.junit !== undefined) {
      writeJunit(path.resolve(io.cwd, values.junit), values.junit, junit().junitReport(tally.suites));
    }
    return tally.failed || tally.count === 0 ? exitFailed : exitOk;
  } catch (error) {
    return reportCliError(error, io.stderr);
  } finally {
    await client.close();
  }
}

/** The JUnit report, loaded only with --junit (the built CLI keeps it out of the send bundle). */
function junit(): { junitCases: typeof junitCases; junitReport: typeof junitReport } {
  return require('../shared/junitReport') as { junitCases: typeof junitCases; junitReport: typeof junitReport };
}

function writeJunit(target: string, given: string, report: string): void {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, report);
  } catch (error) {
    throw new GwHttpError(
      'file',
      `Cannot write the JUnit report to ${given}: ${error instanceof Error ? error.message : String(error)}`,
      'Give --junit a path in a folder you can write.',
    );
  }
}

/** The process's own surroundings, with Ctrl+C aborting the run. */
function processIo(): CommandIo {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return { ...processCommandIo(), signal: controller.signal };
}

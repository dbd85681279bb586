import * as os from 'node:os';
import { parseArgs } from 'node:util';

import {
  assertSendable,
  type ClientCertificate,
  type CookieJar,
  createCookieJar,
  createHttpClient,
  fileResponseStore,
  fileSnapshotStore,
  type HttpClient,
  loadFileSecrets,
  type OAuth2Session,
  parseShard,
  preloadVariables,
  QuotaLedger,
  QuotaPacer,
  type Redactor,
  resultPassed,
  runRedactor,
  runRequests,
  runSecretSources,
  type Shard,
  shardRequests,
  type VariableContext,
} from '../../core';
import { readReportTargets, type ReportTarget } from '../report/reportOptions';
import type { ReportCollector } from '../report/writeReports';
import { BatchedOutput } from '../shared/batchedOutput';
import { buildVariableContext } from '../shared/buildVariableContext';
import { chooseRequests } from '../shared/chooseRequests';
import { exitFailed, exitOk, exitQuotaBudget, reportCliError, usageError } from '../shared/cliError';
import { cliOAuth2Session, isCi } from '../shared/cliOAuth2Session';
import { collectRequestFiles, noRequestFilesMessage, requestFilesHint } from '../shared/collectRequestFiles';
import { type CommandIo, processCommandIo } from '../shared/commandIo';
import { fileLineTarget } from '../shared/fileLineTarget';
import { formatRunResult } from '../shared/formatRunResult';
import { type LoadedRequestFile, loadRequestFile } from '../shared/loadRequestFile';
import { readMaxHeaderSize } from '../shared/maxHeaderSizeOption';
import { nodeFileReader } from '../shared/nodeFileReader';
import { readPaceOptions } from '../shared/paceOptions';
import { budgetStopText, quotaSummaryText, recordQuota, waitCountdown, writeQuotaChart } from '../shared/runQuota';
import { type RunResultJson, runResultJson, runResultsJsonDocument } from '../shared/runResultJson';

/** Default per-request timeout, so a CI run never hangs on a silent server. */
export const defaultTimeoutMs = 60_000;

const optionsSpec = {
  request: { type: 'string', short: 'r' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  insecure: { type: 'boolean' },
  http2: { type: 'boolean' },
  env: { type: 'string', short: 'e' },
  var: { type: 'string', multiple: true },
  verbose: { type: 'boolean', short: 'v' },
  junit: { type: 'string' },
  report: { type: 'string', multiple: true },
  'update-snapshots': { type: 'boolean' },
  shard: { type: 'string' },
  'quota-chart': { type: 'string' },
  bail: { type: 'boolean' },
  'retry-429': { type: 'string' },
  parallel: { type: 'string' },
  repeat: { type: 'string' },
  pace: { type: 'boolean' },
  'quota-budget': { type: 'string' },
  'max-header-size': { type: 'string' },
  markdown: { type: 'boolean' },
  'no-cookie-jar': { type: 'boolean' },
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
  const shard = parsed.values.shard === undefined ? null : parseShard(parsed.values.shard);
  if (parsed.values.shard !== undefined && shard === null) {
    throw usageError(
      `--shard needs I/N with 1 ≤ I ≤ N, got "${parsed.values.shard}".`,
      'For example --shard 2/4 on the second of four CI machines.',
    );
  }
  const reports = readReportTargets(parsed.values.report ?? [], parsed.values.junit, parsed.values.json ?? false);
  const maxHeaderSize = readMaxHeaderSize(parsed.values['max-header-size']);
  return {
    pace: readPaceOptions(parsed.values),
    paths: parsed.positionals,
    values: parsed.values,
    timeoutMs: Number(timeout),
    retryRateLimited,
    reports,
    shard,
    maxHeaderSize,
  };
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
async function prepareFile(
  file: string,
  options: SendOptions,
  io: CommandIo,
  line: number | null,
  oauth2: OAuth2Session,
): Promise<FileToSend> {
  const { values } = options;
  const loaded = await loadRequestFile(file, nodeFileReader, io.cwd);
  const indexes = chooseRequests(loaded.document, file, values.request, values.all ?? false, line);
  const variables = await preloadVariables(
    buildVariableContext({
      requestFile: loaded.absolutePath,
      environmentName: values.env,
      vars: values.var ?? [],
      processEnv: io.env,
      clock: io.clock,
      fileReader: nodeFileReader,
      cwd: io.cwd,
      prompter: io.prompter,
      oauth2,
    }),
  );
  const environments = variables.environments!;
  if (values.env !== undefined && !environments.names.includes(values.env)) {
    const known = environments.names.filter((name) => !name.startsWith('$'));
    throw usageError(
      `--env ${values.env}: no such environment for ${file} (${environments.files.length > 0 ? `read ${environments.files.join(', ')}` : 'no gwhttp.env.json found'}).`,
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
  /** The reports' collector, when `--report` or `--junit` asked for any. */
  reports: ReportCollector | null;
  /** What the gateways said of each key's quota over the run. */
  quota: QuotaLedger;
  /** Masks the run's secrets in every output: the human text, --json and the reports (these two once, at the end). */
  redactor: Redactor;
  /** Paces the sends (`--pace`) and keeps the quota budget, across the run's files. */
  pacer: QuotaPacer;
  /** The secret sources of each file; the environment and AWS ones are shared by the run's files. */
  secretSources: ReturnType<typeof runSecretSources>;
  /** The human output of the results, written once per turn of the event loop (flushed before the run's summary). */
  output: BatchedOutput;
  /** The run's cookie jar (one for every file of the run), or null with --no-cookie-jar. */
  cookieJar: CookieJar | null;
  /** Client certificates loaded in the run (each read and checked once). */
  certificates: Map<string, Promise<ClientCertificate>>;
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
  const humanOutput = !values.json && !options.reports.some((report) => report.path === null);
  tally.reports?.startFile(target.file);
  tally.redactor.addAll(await loadFileSecrets(target.variables));
  if (several && humanOutput) tally.output.write(`${tally.count > 0 ? '\n' : ''}=== ${target.file} ===\n`);
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
    httpVersion: values.http2 ? '2' : '1.1',
    certificates: tally.certificates,
    followRedirects: true,
    spillDirectory: os.tmpdir(),
    retryRateLimited: options.retryRateLimited,
    parallel: options.pace.parallel,
    repeat: options.pace.repeat,
    pacer: tally.pacer.active ? tally.pacer : null,
    onWait: waitCountdown(io.stderr),
    snapshots: { store: fileSnapshotStore, update: values['update-snapshots'] ?? false, ci: isCi(io.env) },
    maxHeaderSize: options.maxHeaderSize,
    responseFiles: fileResponseStore,
    secretSources: tally.secretSources(target.variables).map((source) => tally.redactor.watch(source)),
    redactor: tally.redactor,
    cookieJar: tally.cookieJar,
  });
  for await (const result of run) {
    tally.count++;
    inFile++;
    const failure = !resultPassed(result);
    tally.failed ||= failure;
    // Masked once, when the document is written (every secret the run learnt by then is masked in it).
    const json = values.json || tally.reports?.needsJson ? { ...runResultJson(result), file: target.file } : null;
    if (values.json && json) tally.json.push(json);
    if (humanOutput) {
      const text = formatRunResult(result, {
        verbose: values.verbose ?? false,
        cwd: io.cwd,
        redactor: tally.redactor,
      });
      tally.output.write(`${inFile > 1 ? '\n' : ''}${text}`);
    }
    tally.reports?.add(result, target.file, json);
    recordQuota(tally.quota, result, io.clock.now());
    if (failure && values.bail) {
      if (humanOutput) tally.output.write('\nstopped after the first failure (--bail)\n');
      tally.stopped = true;
      return;
    }
  }
}

/**
 * `gwhttp send FILE|FOLDER... [--request INDEX|NAME | --all] [--json] [--junit FILE] [--bail]
 * [--retry-429 S] [--parallel N] [--repeat N] [--pace] [--quota-budget 20%|N] [--timeout MS] [--insecure] [--http2] [--no-cookie-jar] [--env NAME] [--var k=v] [-v]`. A folder means every
 * `*.gwhttp`, `*.http` and `*.rest` below it (`*.md` too with `--markdown`); every file is read and checked before the first request is sent.
 */
export async function runSend(args: string[], io: CommandIo = processIo()): Promise<number> {
  const client = createHttpClient();
  const output = new BatchedOutput(io.stdout);
  try {
    const options = readArgs(args);
    const targets: FileToSend[] = [];
    const given = options.paths.map((target) => fileLineTarget(target, io.cwd));
    const lines = new Map(given.map((target) => [target.path, target.line]));
    const files = collectRequestFiles(
      given.map((target) => target.path),
      io.cwd,
      { markdown: options.values.markdown },
    );
    const oauth2 = cliOAuth2Session(io);
    for (const file of files) targets.push(await prepareFile(file, options, io, lines.get(file) ?? null, oauth2));
    if (targets.length === 0) {
      throw usageError(noRequestFilesMessage(options.paths), requestFilesHint);
    }
    const reports = options.reports.length > 0 ? collectReports(options.reports, io) : null;
    const tally: RunTally = {
      count: 0,
      failed: false,
      json: [],
      reports,
      quota: new QuotaLedger(),
      redactor: runRedactor(io.env),
      pacer: new QuotaPacer({ pace: options.pace.pace, budget: options.pace.budget, clock: io.clock }),
      secretSources: runSecretSources(),
      output,
      cookieJar: options.values['no-cookie-jar'] ? null : createCookieJar(),
      certificates: new Map(),
      stopped: false,
    };
    const toSend = options.shard ? shardTargets(targets, options.shard) : targets;
    if (options.shard && toSend.length === 0) {
      io.stderr.write(`gwhttp: shard ${options.shard.index}/${options.shard.count} holds no request of this run.\n`);
      return exitOk;
    }
    for (const target of toSend) {
      await sendFile(target, options, io, client, tally, toSend.length > 1);
      if (tally.stopped || tally.pacer.stopped) break;
    }
    tally.output.flush();
    const { values } = options;
    const budgetStop = tally.pacer.stopped;
    if (values.json) {
      io.stdout.write(runResultsJsonDocument(tally.redactor.deep(tally.json), tally.quota.summary(), budgetStop));
    } else if (!options.reports.some((report) => report.path === null)) io.stdout.write(quotaSummaryText(tally.quota));
    if (values['quota-chart'] !== undefined) writeQuotaChart(tally.quota, io.cwd, values['quota-chart']);
    const stdoutReport = reports?.write(io.cwd, tally.redactor) ?? null;
    if (stdoutReport !== null) io.stdout.write(stdoutReport);
    if (budgetStop) {
      io.stderr.write(budgetStopText(budgetStop));
      return exitQuotaBudget;
    }
    return tally.failed || tally.count === 0 ? exitFailed : exitOk;
  } catch (error) {
    output.flush();
    return reportCliError(error, io.stderr);
  } finally {
    output.flush();
    await client.close();
  }
}

/** This machine's part of the run (`--shard I/N`): whole chaining groups, dealt out over all files in turn. */
function shardTargets(targets: readonly FileToSend[], shard: Shard): FileToSend[] {
  const kept = shardRequests(
    targets.map((target) => ({ document: target.loaded.document, indexes: target.indexes })),
    shard,
  );
  return targets
    .map((target, position) => ({ ...target, indexes: kept[position] }))
    .filter((t) => t.indexes.length > 0);
}

/** The reports' collector, loaded only with --report or --junit (the built CLI keeps it out of the send bundle). */
function collectReports(targets: readonly ReportTarget[], io: CommandIo): ReportCollector {
  const { ReportCollector: Collector } = require('../report/writeReports') as {
    ReportCollector: typeof ReportCollector;
  };
  return new Collector(targets, io.clock.now());
}

/** The process's own surroundings, with Ctrl+C aborting the run. */
function processIo(): CommandIo {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return { ...processCommandIo(), signal: controller.signal };
}

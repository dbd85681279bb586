/**
 * `gwhttp sign FILE [--request INDEX|NAME] [--date "IMF-fixdate"] [--env NAME] [--var k=v] [--json]`:
 * prints each chosen request exactly as it would be sent (signed), without sending it. The secret is
 * looked up by key id (GWHTTP_SECRET_<KEYID>, then .env) and never printed.
 * Exit status: 0 ok, 1 a request cannot be prepared or signed (missing secret, …), 2 usage error.
 */
import { parseArgs } from 'node:util';

import {
  type Clock,
  type Diagnostic,
  displayedSigningString,
  isGwHttpError,
  loadFileSecrets,
  type OutgoingRequest,
  parseHttpDate,
  preloadVariables,
  prepareAndSign,
  type Redactor,
  runRedactor,
  secretSourcesFor,
  type SigningInfo,
} from '../../core';
import { buildVariableContext } from '../shared/buildVariableContext';
import { chooseRequests } from '../shared/chooseRequests';
import { exitFailed, exitOk, reportCliError, usageError } from '../shared/cliError';
import { cliOAuth2Session } from '../shared/cliOAuth2Session';
import { type CommandIo, processCommandIo } from '../shared/commandIo';
import { fileLineTarget } from '../shared/fileLineTarget';
import { type LoadedRequestFile, loadRequestFile } from '../shared/loadRequestFile';
import { nodeFileReader } from '../shared/nodeFileReader';

const usage =
  'Usage: gwhttp sign FILE [--request INDEX|NAME] [--date "IMF-fixdate"] [--nonce VALUE] [--env NAME] [--var k=v] [--json]';

interface SignArguments {
  file: string;
  request: string | undefined;
  date: Date | null;
  /** Fixes the nonce of the schemes that send one (a dry run that a vendor's tool can reproduce). */
  nonce: string | undefined;
  env: string | undefined;
  vars: string[];
  json: boolean;
}

export interface SignedRequestJson {
  method: string;
  url: string;
  headers: { name: string; value: string }[];
  body: string | null;
  signing: {
    scheme: string;
    keyId: string;
    algorithm: string;
    signedHeaders: string[];
    signingString: string;
    canonicalRequest?: string;
  } | null;
}

function readArguments(args: string[]): SignArguments | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      request: { type: 'string' },
      date: { type: 'string' },
      nonce: { type: 'string' },
      env: { type: 'string' },
      var: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw usageError(
      positionals.length === 0 ? 'sign needs a FILE.' : `sign takes one FILE, got ${positionals.length}.`,
      usage,
    );
  }
  const date = values.date === undefined ? null : parseHttpDate(values.date);
  if (values.date !== undefined && date === null) {
    throw usageError(
      `--date must be an IMF-fixdate such as "Mon, 19 Mar 2018 12:08:40 GMT", got "${values.date}".`,
      usage,
    );
  }
  return {
    file: positionals[0],
    request: values.request,
    date,
    nonce: values.nonce,
    env: values.env,
    vars: values.var ?? [],
    json: values.json ?? false,
  };
}

function bodyText(body: Uint8Array | null): string | null {
  return body === null ? null : new TextDecoder('utf-8').decode(body);
}

export function signedRequestJson(request: OutgoingRequest, signing: SigningInfo | null): SignedRequestJson {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers.map((header) => ({ name: header.name, value: header.value })),
    body: bodyText(request.body),
    signing: signing && {
      scheme: signing.scheme,
      keyId: signing.keyId,
      algorithm: signing.algorithm,
      signedHeaders: signing.signedHeaders,
      signingString: signing.signingString,
      ...(signing.canonicalRequest === undefined ? {} : { canonicalRequest: signing.canonicalRequest }),
    },
  };
}

function requestText(request: OutgoingRequest, redactor: Redactor): string {
  const lines = [
    `${request.method} ${request.url} HTTP/1.1`,
    ...redactor.headers(request.headers).map((header) => `${header.name}: ${header.value}`),
  ];
  const body = bodyText(request.body);
  return redactor.text(`${lines.join('\n')}\n${body === null ? '' : `\n${body}\n`}`);
}

function signingText(signing: SigningInfo): string {
  const indented = displayedSigningString(signing)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `signed with ${signing.scheme}, key ${signing.keyId}, ${signing.algorithm}; headers="${signing.signedHeaders.join(' ')}"\nsigning string:\n${indented}\n`;
}

function reportWarnings(file: string, warnings: readonly Diagnostic[], stderr: NodeJS.WritableStream): void {
  for (const warning of warnings) stderr.write(`${file}:${warning.line}: ${warning.severity}: ${warning.message}\n`);
}

async function signOne(
  loaded: LoadedRequestFile,
  index: number,
  options: SignArguments,
  io: CommandIo,
): Promise<{ request: OutgoingRequest; signing: SigningInfo | null; secrets: string[] }> {
  const clock: Clock = options.date === null ? io.clock : { now: () => options.date ?? io.clock.now() };
  const variables = await preloadVariables(
    buildVariableContext({
      requestFile: loaded.absolutePath,
      environmentName: options.env,
      vars: options.vars,
      processEnv: io.env,
      clock,
      fileReader: nodeFileReader,
      cwd: io.cwd,
      prompter: io.prompter,
      oauth2: cliOAuth2Session(io),
    }),
  );
  const { nonce } = options;
  const signed = await prepareAndSign(loaded.document, loaded.document.requests[index], new Map(), {
    file: loaded.displayPath,
    variables,
    secretSources: secretSourcesFor(variables),
    clock,
    nonce: nonce === undefined ? undefined : () => nonce,
    onWarnings: (warnings) => reportWarnings(loaded.displayPath, warnings, io.stderr),
  });
  // The signing's secrets and those of the environment, its files and the file's .env (a request may carry
  // one signed or not), and those the request itself produced (a Basic password written in clear).
  const secrets = [...signed.secrets, ...(await loadFileSecrets(variables)), ...(signed.prepared.secrets ?? [])];
  return { request: signed.request, signing: signed.signing, secrets };
}

export async function runSign(args: string[], io: CommandIo = processCommandIo()): Promise<number> {
  try {
    const options = readArguments(args);
    if (options === 'help') {
      io.stdout.write(
        `${usage}\n  Prints the request exactly as it would be sent, signed with a fresh date, without sending it.\n`,
      );
      return exitOk;
    }
    const target = fileLineTarget(options.file, io.cwd);
    const loaded = await loadRequestFile(target.path, nodeFileReader, io.cwd);
    const indexes = chooseRequests(loaded.document, target.path, options.request, false, target.line);
    const results = [];
    for (const index of indexes) results.push(await signOne(loaded, index, options, io));
    // The signing secrets, and every secret of the environment (an unsigned request may still carry one).
    const redactor = runRedactor(io.env);
    redactor.addAll(results.flatMap((result) => result.secrets));
    const json = results.map((result) => signedRequestJson(result.request, result.signing));
    const output = options.json
      ? `${JSON.stringify(redactor.deep(results.length === 1 ? json[0] : json), null, 2)}\n`
      : results.map((result) => requestText(result.request, redactor)).join('\n###\n\n');
    io.stdout.write(output);
    if (!options.json) {
      for (const result of results) {
        if (result.signing) io.stderr.write(redactor.text(signingText(result.signing)));
      }
    }
    return exitOk;
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      return reportCliError(usageError(error.message, usage), io.stderr);
    }
    const status = reportCliError(error, io.stderr);
    return isGwHttpError(error) && error.code === 'variable' ? exitFailed : status;
  }
}

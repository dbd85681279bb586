/**
 * `gwhttp check FILE|FOLDER... [--env NAME] [--var k=v] [--strict] [--json]`: the editor's diagnostics
 * for CI and pre-commit hooks, without sending anything: parse errors, signing problems (a signed
 * header missing, a Host with a path, a literal secret key in the file), unresolved `{{variables}}`
 * and malformed system or chaining references. A folder means every `*.gwhttp` below it.
 * Exit status: 0 no errors (with --strict: no warnings either), 1 some file has one, 2 usage error or
 * unreadable file.
 */
import { parseArgs } from 'node:util';

import {
  chooseContextEnvironment,
  type Diagnostic,
  documentDiagnostics,
  loadContextDotenv,
  loadContextEnvironments,
  variableScope,
} from '../../core';
import { buildVariableContext } from '../shared/buildVariableContext';
import { exitFailed, exitOk, reportCliError, usageError } from '../shared/cliError';
import { collectRequestFiles, noRequestFilesMessage, requestFilesHint } from '../shared/collectRequestFiles';
import { type CommandIo, processCommandIo } from '../shared/commandIo';
import { type LoadedRequestFile, loadRequestFile } from '../shared/loadRequestFile';
import { nodeFileReader } from '../shared/nodeFileReader';

const usage = 'Usage: gwhttp check FILE|FOLDER... [--env NAME] [--var name=value] [--strict] [--markdown] [--json]';

interface CheckOptions {
  paths: string[];
  env: string | undefined;
  vars: string[];
  strict: boolean;
  json: boolean;
  /** A folder also means its `*.md` files. */
  markdown: boolean;
}

export interface CheckedFile {
  file: string;
  requests: number;
  diagnostics: Diagnostic[];
}

function readOptions(args: string[]): CheckOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        env: { type: 'string', short: 'e' },
        var: { type: 'string', multiple: true },
        strict: { type: 'boolean' },
        markdown: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageError(`check: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, usage);
  }
  if (parsed.values.help) return 'help';
  if (parsed.positionals.length === 0) throw usageError('check needs at least one FILE or FOLDER.', usage);
  const { env, var: vars = [], strict = false, json = false, markdown = false } = parsed.values;
  return { paths: parsed.positionals, env, vars, strict, json, markdown };
}

/** Everything the editor would mark in one file: the parser's diagnostics, signing checks, variables. */
async function checkFile(loaded: LoadedRequestFile, options: CheckOptions, io: CommandIo): Promise<CheckedFile> {
  const context = buildVariableContext({
    requestFile: loaded.absolutePath,
    environmentName: options.env,
    vars: options.vars,
    processEnv: io.env,
    clock: io.clock,
    fileReader: nodeFileReader,
    cwd: io.cwd,
  });
  const probe = { ...context, chain: new Map() };
  const environments = await loadContextEnvironments(probe);
  const choice = chooseContextEnvironment(environments, context);
  if (choice.kind === 'undefined') {
    throw usageError(
      `--env ${choice.name}: no such environment for ${loaded.displayPath} (${environments.files.length > 0 ? `read ${environments.files.join(', ')}` : 'no gwhttp.env.json found'}).`,
      choice.available.length > 0
        ? `Known environments: ${choice.available.join(', ')}.`
        : 'Leave out --env, or create gwhttp.env.json beside the request file.',
    );
  }
  const dotenv = await loadContextDotenv(probe);
  const scope = variableScope(environments, dotenv?.values ?? null, choice, context.overrides);
  const { document, text } = loaded;
  const diagnostics = documentDiagnostics(document, text, scope)
    .sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0))
    .map(({ line, column, endColumn, severity, code, message }) => ({
      line,
      column,
      endColumn,
      severity,
      code,
      message,
    }));
  return { file: loaded.displayPath, requests: document.requests.length, diagnostics };
}

function diagnosticLine(file: string, diagnostic: Diagnostic): string {
  const column = diagnostic.column === undefined ? '' : `:${diagnostic.column + 1}`;
  return `${file}:${diagnostic.line}${column}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`;
}

function count(files: readonly CheckedFile[], severity: Diagnostic['severity']): number {
  return files.reduce(
    (total, file) => total + file.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length,
    0,
  );
}

function plural(amount: number, word: string): string {
  return `${amount} ${word}${amount === 1 ? '' : 's'}`;
}

function humanReport(files: readonly CheckedFile[]): string {
  const lines = files.flatMap((checked) =>
    checked.diagnostics.map((diagnostic) => diagnosticLine(checked.file, diagnostic)),
  );
  const requests = files.reduce((total, checked) => total + checked.requests, 0);
  lines.push(
    `checked ${plural(files.length, 'file')}, ${plural(requests, 'request')}: ${plural(count(files, 'error'), 'error')}, ${plural(count(files, 'warning'), 'warning')}`,
  );
  return `${lines.join('\n')}\n`;
}

function jsonReport(files: readonly CheckedFile[]): string {
  return `${JSON.stringify({ files, errors: count(files, 'error'), warnings: count(files, 'warning') }, null, 2)}\n`;
}

export async function runCheck(args: string[], io: CommandIo = processCommandIo()): Promise<number> {
  try {
    const options = readOptions(args);
    if (options === 'help') {
      io.stdout.write(
        `${usage}\n  Reports what the editor marks (parse errors, signing problems, literal secrets, unresolved variables) without sending;\n  a FOLDER means every *.gwhttp, *.http and *.rest below it (and *.md with --markdown). Without --env a name any environment defines counts as defined.\n`,
      );
      return exitOk;
    }
    const files: CheckedFile[] = [];
    for (const file of collectRequestFiles(options.paths, io.cwd, { markdown: options.markdown })) {
      files.push(await checkFile(await loadRequestFile(file, nodeFileReader, io.cwd), options, io));
    }
    if (files.length === 0) {
      throw usageError(noRequestFilesMessage(options.paths), requestFilesHint);
    }
    io.stdout.write(options.json ? jsonReport(files) : humanReport(files));
    const failing = count(files, 'error') > 0 || (options.strict && count(files, 'warning') > 0);
    return failing ? exitFailed : exitOk;
  } catch (error) {
    return reportCliError(error, io.stderr);
  }
}

/**
 * `gwhttp import curl|postman|openapi INPUT [--out FILE|FOLDER] [--env POSTMAN_ENV.json]... [--force] [--json]`:
 * turns a cURL command, a Postman Collection v2.1 or an OpenAPI 3.x / Swagger 2.0 document into a
 * request file (and gwhttp.env.json). An existing file is never overwritten without --force.
 * Exit status: 0 written (warnings on stderr), 2 usage error, unreadable or unusable input, or a
 * file that is there already.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { curlAsText } from '../../core/import/curl/importCurl';
import type { ImportWarning } from '../../core/import/importTypes';
import { type ImportKind, importKinds, type ImportPlan, planImport } from '../../core/import/planImport';
import { exitOk, reportCliError, usageError } from '../shared/cliError';
import { type CommandIo, processCommandIo } from '../shared/commandIo';
import { nodeFileReader } from '../shared/nodeFileReader';

const usage =
  'Usage: gwhttp import curl|postman|openapi INPUT [--out FILE|FOLDER] [--env POSTMAN_ENV.json]... [--force] [--json]';

const help = `${usage}
  INPUT is a file, or - for standard input; for curl it may also be the command itself ('curl https://…').
  curl prints the request unless --out is given; postman and openapi write <title>.gwhttp and gwhttp.env.json
  beside INPUT. --out FILE.gwhttp writes one file; --out FOLDER writes into it (postman: a file per top-level
  folder). --env adds a Postman environment export. An existing file is only replaced (gwhttp.env.json: merged)
  with --force.
`;

interface ImportOptions {
  kind: ImportKind;
  input: string;
  out: string | undefined;
  environments: string[];
  force: boolean;
  json: boolean;
}

function readOptions(args: string[]): ImportOptions | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      env: { type: 'string', multiple: true },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const [kind, input, ...rest] = positionals;
  if (!importKinds.includes(kind as ImportKind)) {
    throw usageError(
      kind === undefined
        ? 'import needs a kind: curl, postman or openapi.'
        : `Unknown import kind "${kind}": use curl, postman or openapi.`,
      usage,
    );
  }
  if (input === undefined || rest.length > 0) {
    throw usageError(input === undefined ? 'import needs an INPUT.' : 'import takes one INPUT.', usage);
  }
  if (values.env && kind !== 'postman') {
    throw usageError('--env is for postman imports (a Postman environment export).', usage);
  }
  return {
    kind: kind as ImportKind,
    input,
    out: values.out,
    environments: values.env ?? [],
    force: values.force ?? false,
    json: values.json ?? false,
  };
}

function readInput(options: ImportOptions, cwd: string): { inputPath: string; text: string } {
  if (options.input === '-') return { inputPath: path.join(cwd, 'stdin'), text: fs.readFileSync(0, 'utf8') };
  const inputPath = path.resolve(cwd, options.input);
  if (options.kind === 'curl' && /^\s*curl\s/.test(options.input) && !fs.existsSync(inputPath)) {
    return { inputPath: path.join(cwd, 'curl'), text: options.input };
  }
  try {
    return { inputPath, text: fs.readFileSync(inputPath, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw usageError(`cannot read '${options.input}': ${reason}`, usage);
  }
}

function outputTarget(
  options: ImportOptions,
  inputPath: string,
  cwd: string,
): { output: string; outputIsFolder: boolean } {
  if (options.out === undefined) return { output: path.dirname(inputPath), outputIsFolder: true };
  const output = path.resolve(cwd, options.out);
  const isFile = /\.(gwhttp|http|rest)$/i.test(output) && !(fs.existsSync(output) && fs.statSync(output).isDirectory());
  return { output, outputIsFolder: !isFile };
}

function warningLine(warning: ImportWarning, input: string): string {
  return `${input}${warning.line !== undefined ? `:${warning.line}` : ''}: warning: ${warning.message} (${warning.where})`;
}

function writePlan(plan: ImportPlan, io: CommandIo, force: boolean): void {
  const existing = plan.files.filter((file) => file.exists);
  if (existing.length > 0 && !force) {
    const names = existing.map((file) => path.relative(io.cwd, file.path) || file.path).join(', ');
    throw usageError(
      `not written: ${names} already there.`,
      'Pass --force to replace it (gwhttp.env.json is merged), or choose another --out.',
    );
  }
  for (const file of plan.files) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    fs.writeFileSync(file.path, file.text);
  }
}

function printedCurl(options: ImportOptions, io: CommandIo, text: string, inputPath: string): number {
  const result = curlAsText(text, inputPath);
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ requests: result.requests, text: result.text, warnings: result.warnings }, null, 2)}\n`,
    );
    return exitOk;
  }
  const shown = options.input === '-' ? 'stdin' : 'curl';
  for (const warning of result.warnings) io.stderr.write(`${warningLine(warning, shown)}\n`);
  io.stdout.write(result.text);
  return exitOk;
}

function reportPlan(plan: ImportPlan, options: ImportOptions, io: CommandIo, inputPath: string): void {
  if (options.json) {
    const files = plan.files.map((f) => ({ path: f.path, requests: f.requests, replaced: f.exists }));
    io.stdout.write(`${JSON.stringify({ files, warnings: plan.warnings }, null, 2)}\n`);
    return;
  }
  const shown = path.relative(io.cwd, inputPath) || inputPath;
  for (const warning of plan.warnings) io.stderr.write(`${warningLine(warning, shown)}\n`);
  for (const file of plan.files) {
    const what = file.requests > 0 ? `${file.requests} request${file.requests === 1 ? '' : 's'}` : 'environments';
    const name = path.relative(io.cwd, file.path) || file.path;
    io.stdout.write(`${file.exists ? 'replaced' : 'wrote'} ${name} (${what})\n`);
  }
}

export async function runImport(args: string[], io: CommandIo = processCommandIo()): Promise<number> {
  try {
    const options = readOptions(args);
    if (options === 'help') {
      io.stdout.write(help);
      return exitOk;
    }
    const { inputPath, text } = readInput(options, io.cwd);
    if (options.kind === 'curl' && options.out === undefined) return printedCurl(options, io, text, inputPath);
    const environments = options.environments.map((file) => ({
      path: file,
      text: readInput({ ...options, input: file }, io.cwd).text,
    }));
    const target = outputTarget(options, inputPath, io.cwd);
    const plan = await planImport({
      kind: options.kind,
      inputPath,
      text,
      ...target,
      environments,
      fileReader: nodeFileReader,
    });
    writePlan(plan, io, options.force);
    reportPlan(plan, options, io, inputPath);
    return exitOk;
  } catch (error) {
    return reportCliError(error, io.stderr);
  }
}

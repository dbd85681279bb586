/**
 * `gwhttp parse FILE|FOLDER... [--markdown] [--json]`: parses request files (Markdown by its request blocks) and prints their requests and diagnostics.
 * Exit status: 0 no error diagnostics, 1 some file has an error diagnostic, 2 usage error or unreadable file.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { type ParsedDocument, parseRequestFile, toParseJson } from '../../core';
import { collectRequestFiles, noRequestFilesMessage, requestFilesHint } from '../shared/collectRequestFiles';

const usage = 'Usage: gwhttp parse FILE|FOLDER... [--markdown] [--json]';

interface ParsedFile {
  file: string;
  document: ParsedDocument;
}

function isFolder(given: string): boolean {
  return statSync(given, { throwIfNoEntry: false })?.isDirectory() === true;
}

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

async function readAll(files: string[]): Promise<{ texts: string[]; failures: string[] }> {
  const texts: string[] = [];
  const failures: string[] = [];
  for (const file of files) {
    try {
      texts.push(await readFile(file, 'utf8'));
    } catch (error) {
      failures.push(`gwhttp parse: cannot read '${file}': ${readReason(error)}`);
    }
  }
  return { texts, failures };
}

function summaryLines({ file, document }: ParsedFile): string[] {
  const count = document.requests.length;
  const out = [`${file}: ${count} request${count === 1 ? '' : 's'}`];
  for (const request of document.requests) {
    const label = [request.name ?? '', request.title !== null ? `"${request.title}"` : '']
      .filter((s) => s !== '')
      .join(' ');
    out.push(`  ${request.line}: ${request.method} ${request.url}${label ? `  ${label}` : ''}`);
  }
  for (const diagnostic of document.diagnostics) {
    out.push(`${file}:${diagnostic.line}: ${diagnostic.severity}: ${diagnostic.message}`);
  }
  return out;
}

export async function runParse(args: string[]): Promise<number> {
  let paths: string[];
  let json: boolean;
  let markdown: boolean;
  try {
    const parsed = parseArgs({
      args,
      options: { json: { type: 'boolean' }, markdown: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (parsed.values.help) {
      process.stdout.write(
        `${usage}\n  Prints each request (line, method, URL, name) and the file's diagnostics; --json prints them as JSON.\n  A FOLDER means every *.gwhttp, *.http and *.rest below it (and *.md with --markdown).\n`,
      );
      return 0;
    }
    paths = parsed.positionals;
    json = parsed.values.json === true;
    markdown = parsed.values.markdown === true;
  } catch (error) {
    process.stderr.write(`gwhttp parse: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  if (paths.length === 0) {
    process.stderr.write(`gwhttp parse: no file given.\n${usage}\n`);
    return 2;
  }
  // A folder stands for its request files; a file (missing or not) is read as given.
  const files = paths.flatMap((given) =>
    isFolder(given) ? collectRequestFiles([given], process.cwd(), { markdown }) : [given],
  );
  if (files.length === 0) {
    process.stderr.write(`gwhttp parse: ${noRequestFilesMessage(paths)}\n  hint: ${requestFilesHint}\n`);
    return 2;
  }
  const { texts, failures } = await readAll(files);
  if (failures.length > 0) {
    process.stderr.write(`${failures.join('\n')}\n`);
    return 2;
  }
  const parsed: ParsedFile[] = files.map((file, i) => ({ file, document: parseRequestFile(file, texts[i]).document }));
  if (json) {
    process.stdout.write(`${JSON.stringify({ files: parsed.map((p) => toParseJson(p.file, p.document)) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${parsed.flatMap(summaryLines).join('\n')}\n`);
  }
  return parsed.some((p) => p.document.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

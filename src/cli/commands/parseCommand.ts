/**
 * `gwhttp parse FILE... [--json]`: parses request files and prints their requests and diagnostics.
 * Exit status: 0 no error diagnostics, 1 some file has an error diagnostic, 2 usage error or unreadable file.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import type { ParsedDocument } from '../../core/model/document';
import { parseDocument } from '../../core/parser/parseDocument';
import { toParseJson } from '../../core/parser/toParseJson';

const usage = 'Usage: gwhttp parse FILE... [--json]';

interface ParsedFile {
  file: string;
  document: ParsedDocument;
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
  let files: string[];
  let json: boolean;
  try {
    const parsed = parseArgs({
      args,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (parsed.values.help) {
      process.stdout.write(
        `${usage}\n  Prints each request (line, method, URL, name) and the file's diagnostics; --json prints them as JSON.\n`,
      );
      return 0;
    }
    files = parsed.positionals;
    json = parsed.values.json === true;
  } catch (error) {
    process.stderr.write(`gwhttp parse: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  if (files.length === 0) {
    process.stderr.write(`gwhttp parse: no file given.\n${usage}\n`);
    return 2;
  }
  const { texts, failures } = await readAll(files);
  if (failures.length > 0) {
    process.stderr.write(`${failures.join('\n')}\n`);
    return 2;
  }
  const parsed: ParsedFile[] = files.map((file, i) => ({ file, document: parseDocument(texts[i]) }));
  if (json) {
    process.stdout.write(`${JSON.stringify({ files: parsed.map((p) => toParseJson(p.file, p.document)) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${parsed.flatMap(summaryLines).join('\n')}\n`);
  }
  return parsed.some((p) => p.document.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

import * as fs from 'node:fs';
import * as path from 'node:path';

import { parseViewModel } from '../../shared/parseMessages';
import type { BodyView, ResponseViewModel } from '../../shared/protocol';

/** The history file in the extension's workspace storage. */
export const historyFileName = 'response-history.json';

/** Bodies (response and request) larger than this are stored truncated, with a note saying so. */
export const storedBodyBytes = 256 * 1024;

const fileVersion = 1;

/**
 * The response history on disk (`gwhttp.history.saveToDisk`): the redacted view models the panel
 * showed, newest first, bodies capped at `storedBodyBytes`. Writes go one after another (the last
 * wins) through a temporary file, so a crash never leaves half a file; a file that cannot be read
 * back is ignored with a warning.
 */
export class HistoryFile {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly warn: (message: string) => void,
  ) {}

  /** The stored models, newest first; none when there is no file or it is unreadable (warned). */
  async load(): Promise<ResponseViewModel[]> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.warn(`Response history not loaded: cannot read ${this.file} (${(error as Error).message}).`);
      }
      return [];
    }
    const parsed = parseHistoryText(text);
    if (parsed.problem) this.warn(`Response history: ${parsed.problem} in ${this.file}; ignored.`);
    return parsed.models;
  }

  /** Replaces the file with these models (newest first), each body capped. */
  save(models: readonly ResponseViewModel[]): Promise<void> {
    const text = historyText(models);
    return this.queue(async () => {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      await fs.promises.writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
      await fs.promises.rename(temporary, this.file);
    });
  }

  /** Deletes the file (the setting was turned off). */
  remove(): Promise<void> {
    return this.queue(() => fs.promises.rm(this.file, { force: true }));
  }

  private queue(write: () => Promise<void>): Promise<void> {
    const next = this.writing.then(write).catch((error: unknown) => {
      this.warn(`Response history not saved to ${this.file}: ${(error as Error).message}`);
    });
    this.writing = next;
    return next;
  }
}

/** The file's text for these models. */
export function historyText(models: readonly ResponseViewModel[]): string {
  return JSON.stringify({ version: fileVersion, entries: models.map(cappedModel) });
}

/** The models of a history file's text, and what was wrong with it (null: nothing). */
export function parseHistoryText(text: string): { models: ResponseViewModel[]; problem: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { models: [], problem: 'the file is not JSON' };
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  if (record?.version !== fileVersion || !Array.isArray(record.entries)) {
    return { models: [], problem: `not a version ${fileVersion} history file` };
  }
  const models = record.entries.flatMap((entry) => parseViewModel(entry) ?? []);
  const dropped = record.entries.length - models.length;
  return { models, problem: dropped > 0 ? `${dropped} unreadable entr${dropped === 1 ? 'y' : 'ies'}` : null };
}

/** A model as stored: a body (or request body) over the cap cut to it, with a note saying so. */
export function cappedModel(model: ResponseViewModel): ResponseViewModel {
  const body = cappedBody(model.body);
  const requestBody = model.request.body;
  const requestCut = requestBody !== null && utf8Length(requestBody) > storedBodyBytes;
  if (body === model.body && !requestCut) return model;
  const notes = [...model.notes];
  if (body !== model.body) {
    notes.push(`Stored in the history truncated to ${storedBodyBytes / 1024} KB: send again for the whole body.`);
  }
  if (requestCut) notes.push(`The request body is stored truncated to ${storedBodyBytes / 1024} KB.`);
  return {
    ...model,
    body,
    request: requestCut ? { ...model.request, body: cutToBytes(requestBody) } : model.request,
    notes,
  };
}

function cappedBody(body: BodyView): BodyView {
  switch (body.kind) {
    case 'text': {
      const pretty = body.pretty !== null && utf8Length(body.pretty) > storedBodyBytes ? null : body.pretty;
      if (utf8Length(body.raw) <= storedBodyBytes && pretty === body.pretty) return body;
      return {
        ...body,
        pretty,
        raw: cutToBytes(body.raw),
        truncated: body.truncated || utf8Length(body.raw) > storedBodyBytes,
      };
    }
    case 'image':
      return body.dataUri.length <= storedBodyBytes
        ? body
        : { kind: 'binary', bytes: Math.floor((body.dataUri.length * 3) / 4), contentType: body.mime };
    case 'tooLarge':
      return utf8Length(body.preview) <= storedBodyBytes ? body : { ...body, preview: cutToBytes(body.preview) };
    default:
      return body;
  }
}

function utf8Length(text: string): number {
  return text.length * 3 <= storedBodyBytes ? text.length : Buffer.byteLength(text, 'utf8');
}

/** The text cut to at most `storedBodyBytes` of UTF-8, never inside a character. */
function cutToBytes(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= storedBodyBytes) return text;
  let end = storedBodyBytes;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

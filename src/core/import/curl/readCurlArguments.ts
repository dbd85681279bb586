import type { ImportWarning } from '../importTypes';
import { type CurlOption, type CurlOptionRole, longOptions, shortOptions } from './curlOptions';

/** One option with its value, in command order. */
export interface CurlSetting {
  role: CurlOptionRole;
  /** The option as written (`-H`, `--data-raw`). */
  option: string;
  value: string;
}

/** The words of one curl command read into settings and URLs; unknown options are warnings. */
export interface CurlCall {
  settings: CurlSetting[];
  urls: string[];
  warnings: ImportWarning[];
}

interface Reader {
  words: string[];
  index: number;
  call: CurlCall;
}

function where(index: number): string {
  return `argument ${index + 1}`;
}

function takeValue(reader: Reader, option: string, inline: string | null): string | null {
  if (inline !== null && inline !== '') return inline;
  if (reader.index + 1 >= reader.words.length) {
    reader.call.warnings.push({ where: where(reader.index), message: `${option} needs a value; it is ignored.` });
    return null;
  }
  reader.index++;
  return reader.words[reader.index];
}

function apply(reader: Reader, option: string, spec: CurlOption, inline: string | null): void {
  const value = spec.takesValue ? takeValue(reader, option, inline) : '';
  if (value === null) return;
  if (spec.role === 'unsupported') {
    const message = `${option} is not carried into the request file (gwhttp has no such setting); the rest of the command is kept.`;
    reader.call.warnings.push({ where: where(reader.index), message });
    return;
  }
  if (spec.role !== 'ignored') reader.call.settings.push({ role: spec.role, option, value });
}

function unknownOption(reader: Reader, option: string): void {
  reader.call.warnings.push({
    where: where(reader.index),
    message: `Unknown curl option ${option}: it is ignored, the rest of the command is kept.`,
  });
}

function readShortCluster(reader: Reader, word: string): void {
  for (let i = 1; i < word.length; i++) {
    const long = shortOptions[word[i]];
    const spec = long === undefined ? undefined : longOptions[long];
    if (spec === undefined) {
      unknownOption(reader, `-${word[i]}`);
      continue;
    }
    const rest = word.slice(i + 1);
    apply(reader, `-${word[i]}`, spec, spec.takesValue ? rest : null);
    if (spec.takesValue) return;
  }
}

function readWord(reader: Reader, word: string): void {
  if (word.startsWith('--') && word.length > 2) {
    const name = word.slice(2);
    const spec = longOptions[name] ?? (name.startsWith('no-') ? longOptions[name.slice(3)] : undefined);
    if (spec === undefined) unknownOption(reader, word);
    else if (name.startsWith('no-') && longOptions[name] === undefined) return;
    else apply(reader, word, spec, null);
  } else if (word.startsWith('-') && word.length > 1) readShortCluster(reader, word);
  else reader.call.urls.push(word);
}

/** Reads curl's arguments (the words after `curl`) as curl would: short clusters, values, URLs. */
export function readCurlArguments(words: string[]): CurlCall {
  const reader: Reader = { words, index: 0, call: { settings: [], urls: [], warnings: [] } };
  for (; reader.index < words.length; reader.index++) readWord(reader, words[reader.index]);
  for (const setting of reader.call.settings) {
    if (setting.role === 'url') reader.call.urls.push(setting.value);
  }
  return reader.call;
}

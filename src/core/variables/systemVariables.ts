import { randomInt, randomUUID } from 'node:crypto';

import type { Clock } from '../ports';
import { applyDateOffset, dateOffsetHelp, parseDateOffset } from './dateOffset';
import { type DateFormat, formatLocalDate, formatUtcDate, parseDateFormat } from './formatDate';
import { isPromptVariable, parsePromptReference, promptVariableHelp } from './promptReference';

/** What system variables may consult. */
export interface SystemVariableEnvironment {
  clock: Clock;
  processEnv: Record<string, string | undefined>;
  /** Parsed `.env`, or null when none was found or reading it is not allowed. */
  dotenv: Record<string, string> | null;
  /** Where `.env` was looked for, for messages. */
  dotenvDescription: string;
  /** Access tokens fetched for this request, by OAuth2 configuration name (`{{$oauth2 NAME}}`). */
  oauth2Tokens?: ReadonlyMap<string, string>;
}

interface SystemVariableSpec {
  usage: string;
  description: string;
  check(args: string[]): string | null;
  resolve(args: string[], environment: SystemVariableEnvironment): string;
}

const noArgs = (args: string[]): string | null => (args.length === 0 ? null : 'takes no arguments');
const offsetOnly = (args: string[]): string | null =>
  parseDateOffset(args) === undefined ? `"${args.join(' ')}" is not an offset: ${dateOffsetHelp}` : null;

function checkDatetime(args: string[]): string | null {
  const [format, ...offset] = args;
  if (parseDateFormat(format) === null) {
    return format === undefined
      ? 'needs a format: rfc1123, iso8601 or a Day.js format in quotes such as "DD-MM-YYYY"'
      : `format ${format} is not supported; use rfc1123, iso8601 or a Day.js format in quotes such as "DD-MM-YYYY"`;
  }
  return offsetOnly(offset);
}

/** The date of `{{$datetime FORMAT [offset]}}` from the clock, and its format. */
function datetimeArguments(args: string[], env: SystemVariableEnvironment): { date: Date; format: DateFormat } {
  return {
    date: applyDateOffset(env.clock.now(), parseDateOffset(args.slice(1)) ?? null),
    format: parseDateFormat(args[0]) as DateFormat,
  };
}

/** `$datetime` / `$localDatetime`: FORMAT [offset], formatted by `format` (UTC or local). */
function datetimeVariable(
  name: string,
  format: (date: Date, format: DateFormat) => string,
  description: string,
): SystemVariableSpec {
  return {
    usage: `${name} rfc1123|iso8601|"YYYY-MM-DD" [offset]`,
    description,
    check: checkDatetime,
    resolve: (args, env) => {
      const { date, format: chosen } = datetimeArguments(args, env);
      return format(date, chosen);
    },
  };
}

/** No arguments (JetBrains: 0 to 1000), or MIN MAX. */
function checkRandomInt(args: string[]): string | null {
  if (args.length === 0) return null;
  if (args.length !== 2 || !args.every((arg) => /^-?\d+$/.test(arg))) {
    return 'needs two integers: MIN MAX (or none, for 0 to 1000)';
  }
  return Number(args[0]) < Number(args[1]) ? null : 'MIN must be less than MAX';
}

const oneName = (args: string[]): string | null => (args.length === 1 ? null : 'needs one variable NAME');

function lookupOrThrow(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(what);
  return value;
}

/** The supported system variables, by name including the `$`. */
export const systemVariables: ReadonlyMap<string, SystemVariableSpec> = new Map<string, SystemVariableSpec>([
  ['$uuid', { usage: '$uuid', description: 'a random UUID v4', check: noArgs, resolve: () => randomUUID() }],
  [
    '$guid',
    { usage: '$guid', description: 'a random UUID v4 (REST Client name)', check: noArgs, resolve: () => randomUUID() },
  ],
  [
    '$timestamp',
    {
      usage: '$timestamp [offset]',
      description: 'Unix time in seconds, e.g. {{$timestamp -1 h}}',
      check: offsetOnly,
      resolve: (args, env) =>
        String(Math.floor(applyDateOffset(env.clock.now(), parseDateOffset(args) ?? null).getTime() / 1000)),
    },
  ],
  [
    '$isoTimestamp',
    {
      usage: '$isoTimestamp',
      description: 'the current time as ISO 8601 (JetBrains name)',
      check: noArgs,
      resolve: (_args, env) => env.clock.now().toISOString(),
    },
  ],
  [
    '$datetime',
    datetimeVariable(
      '$datetime',
      formatUtcDate,
      'the current UTC time, e.g. {{$datetime rfc1123}}, or in any Day.js format in quotes: {{$datetime "DD.MM.YYYY HH:mm" -1 d}}',
    ),
  ],
  [
    '$localDatetime',
    datetimeVariable(
      '$localDatetime',
      formatLocalDate,
      'the current time in the local time zone, e.g. {{$localDatetime "HH:mm"}}',
    ),
  ],
  [
    '$randomInt',
    {
      usage: '$randomInt MIN MAX',
      description:
        'a random integer from MIN (included) to MAX (excluded); without arguments from 0 to 1000 (JetBrains)',
      check: checkRandomInt,
      resolve: (args) =>
        args.length === 0 ? String(randomInt(0, 1001)) : String(randomInt(Number(args[0]), Number(args[1]))),
    },
  ],
  [
    '$processEnv',
    {
      usage: '$processEnv NAME',
      description: 'an environment variable of the gwhttp process',
      check: oneName,
      resolve: (args, env) =>
        lookupOrThrow(env.processEnv[args[0]], `process environment variable ${args[0]} is not set`),
    },
  ],
  [
    '$oauth2',
    {
      usage: '$oauth2 NAME',
      description:
        'the access token of the OAuth2 configuration NAME under "$oauth2" in the environment (fetched, cached and refreshed by gwhttp), e.g. Authorization: Bearer {{$oauth2 api}}',
      check: (args) => (args.length === 1 ? null : 'needs one configuration NAME'),
      resolve: (args, env) =>
        lookupOrThrow(
          env.oauth2Tokens?.get(args[0]),
          `no OAuth2 configuration "${args[0]}" under "$oauth2" in the environment`,
        ),
    },
  ],
  [
    '$dotenv',
    {
      usage: '$dotenv NAME',
      description: 'a value from the .env file',
      check: oneName,
      resolve: (args, env) => lookupOrThrow(env.dotenv?.[args[0]], `${args[0]} is not set in ${env.dotenvDescription}`),
    },
  ],
]);

/** Every system variable with its usage and description, for completion and hover. */
export function systemVariableHelp(): { name: string; usage: string; description: string }[] {
  return [
    ...[...systemVariables].map(([name, spec]) => ({ name, usage: spec.usage, description: spec.description })),
    {
      name: '$shared',
      usage: '$shared NAME',
      description: 'a value from the $shared environment, even when the selected one overrides it',
    },
    ...promptVariableHelp,
  ];
}

/** A syntax problem with a system variable reference, or null when it is well formed. */
export function checkSystemVariable(name: string, args: string[]): string | null {
  if (name === '$shared') return oneName(args);
  if (isPromptVariable(name)) {
    const prompt = parsePromptReference(name, args);
    return typeof prompt === 'string' ? `${name}: ${prompt}` : null;
  }
  const spec = systemVariables.get(name);
  if (!spec) {
    const known = [...systemVariables.keys(), '$shared', ...promptVariableHelp.map((help) => help.name)];
    return `unknown system variable ${name} (known: ${known.join(', ')})`;
  }
  const problem = spec.check(args);
  return problem ? `${spec.usage}: ${problem}` : null;
}

/** Resolves a system variable; throws a plain Error whose message says what is wrong. */
export function resolveSystemVariable(name: string, args: string[], environment: SystemVariableEnvironment): string {
  const problem = checkSystemVariable(name, args);
  if (problem) throw new Error(problem);
  if (isPromptVariable(name)) throw new Error('asked for when the request is sent');
  const spec = systemVariables.get(name);
  if (!spec) throw new Error(`${name} is resolved by the variable resolver`);
  return spec.resolve(args, environment);
}

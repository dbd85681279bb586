/**
 * Dates in the forms `$datetime` / `$localDatetime` offer (REST Client's): RFC 1123, ISO 8601, or a
 * custom Day.js format such as `DD-MM-YYYY` — in UTC, or in the local time zone. Day.js is loaded on
 * the first custom or local format (most files only use `rfc1123` / `iso8601`).
 */
import type dayjsType from 'dayjs';

export type DateFormat = { kind: 'rfc1123' } | { kind: 'iso8601' } | { kind: 'custom'; pattern: string };

type DayjsWithUtc = typeof dayjsType & { utc(date: Date): dayjsType.Dayjs };

/** Day.js with its UTC plugin (require caches both modules, and `extend` installs a plugin only once). */
function dayjs(): DayjsWithUtc {
  const core = require('dayjs') as typeof dayjsType;
  core.extend(require('dayjs/plugin/utc') as dayjsType.PluginFunc);
  return core as DayjsWithUtc;
}

/** `rfc1123`, `iso8601`, or a format in single or double quotes; null for anything else. */
export function parseDateFormat(word: string | undefined): DateFormat | null {
  if (word === 'rfc1123' || word === 'iso8601') return { kind: word };
  const quoted = word === undefined ? null : /^(["'])(.+)\1$/s.exec(word);
  return quoted ? { kind: 'custom', pattern: quoted[2] } : null;
}

export function formatUtcDate(date: Date, format: DateFormat): string {
  if (format.kind === 'rfc1123') return date.toUTCString();
  if (format.kind === 'iso8601') return date.toISOString();
  return dayjs().utc(date).format(format.pattern);
}

/** Local time: RFC 1123 and ISO 8601 carry the local offset (`+01:00`) instead of GMT / Z. */
export function formatLocalDate(date: Date, format: DateFormat): string {
  const local = dayjs()(date);
  if (format.kind === 'rfc1123') return local.format('ddd, DD MMM YYYY HH:mm:ss ZZ');
  if (format.kind === 'iso8601') return local.format('YYYY-MM-DDTHH:mm:ss.SSSZ');
  return local.format(format.pattern);
}

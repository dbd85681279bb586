/**
 * The optional offset of `{{$timestamp -1 h}}` / `{{$datetime iso8601 2 d}}`: a signed integer and a
 * unit (`y` years, `M` months, `w` weeks, `d` days, `h` hours, `m` minutes, `s` seconds, `ms`).
 */
export interface DateOffset {
  amount: number;
  unit: DateOffsetUnit;
}

export type DateOffsetUnit = 'y' | 'M' | 'w' | 'd' | 'h' | 'm' | 's' | 'ms';

const offsetPattern = /^([+-]?\d+)\s*(ms|y|M|w|d|h|m|s)$/;
const unitMs: Record<Exclude<DateOffsetUnit, 'y' | 'M'>, number> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
};

/** Parses the offset words (`['-1', 'h']` or `['-1h']`); `[]` → null; bad text → undefined. */
export function parseDateOffset(words: string[]): DateOffset | null | undefined {
  if (words.length === 0) return null;
  const match = offsetPattern.exec(words.join(' '));
  if (!match) return undefined;
  return { amount: Number(match[1]), unit: match[2] as DateOffsetUnit };
}

export function applyDateOffset(date: Date, offset: DateOffset | null): Date {
  if (!offset) return new Date(date.getTime());
  const result = new Date(date.getTime());
  if (offset.unit === 'y') result.setUTCFullYear(result.getUTCFullYear() + offset.amount);
  else if (offset.unit === 'M') result.setUTCMonth(result.getUTCMonth() + offset.amount);
  else result.setTime(result.getTime() + offset.amount * unitMs[offset.unit]);
  return result;
}

export const dateOffsetHelp = 'an offset is a whole number and a unit, e.g. "-1 h" (units: y M w d h m s ms)';

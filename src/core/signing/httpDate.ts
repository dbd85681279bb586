const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * IMF-fixdate (RFC 7231 §7.1.1.1), e.g. `Mon, 19 Mar 2018 12:08:40 GMT`: English names, two-digit day,
 * 24-hour clock, literal GMT — independent of the process locale.
 */
export function formatHttpDate(date: Date): string {
  // V8's toUTCString is exactly this format for years 0-9999 (and cheaper than building it here).
  const year = date.getUTCFullYear();
  if (year >= 0 && year <= 9999) return date.toUTCString();
  const day = days[date.getUTCDay()];
  const month = months[date.getUTCMonth()];
  const time = `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
  return `${day}, ${pad2(date.getUTCDate())} ${month} ${String(date.getUTCFullYear()).padStart(4, '0')} ${time} GMT`;
}

const imfFixdate =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** Parses an IMF-fixdate strictly (the only form gwhttp sends); null when the text is not one. */
export function parseHttpDate(text: string): Date | null {
  const match = imfFixdate.exec(text.trim());
  if (!match) return null;
  const [, , day, month, year, hours, minutes, seconds] = match;
  const date = new Date(
    Date.UTC(Number(year), months.indexOf(month), Number(day), Number(hours), Number(minutes), Number(seconds)),
  );
  return formatHttpDate(date) === text.trim() ? date : null;
}

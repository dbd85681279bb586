import assert from 'node:assert/strict';

import { formatHttpDate, parseHttpDate } from '../../../src/core/signing/httpDate';

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');

/** IMF-fixdate written out field by field, as the reference. */
function reference(date: Date): string {
  return (
    `${days[date.getUTCDay()]}, ${two(date.getUTCDate())} ${months[date.getUTCMonth()]} ${String(date.getUTCFullYear()).padStart(4, '0')} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} GMT`
  );
}

describe('formatHttpDate', () => {
  it('writes the signing.md sample date as IMF-fixdate', () => {
    assert.equal(formatHttpDate(new Date(Date.UTC(2018, 2, 19, 12, 8, 40))), 'Mon, 19 Mar 2018 12:08:40 GMT');
  });

  it('matches the field-by-field format across years 0-10000, every month and single-digit fields', () => {
    const samples: Date[] = [];
    for (const year of [0, 7, 999, 1000, 1970, 2000, 2024, 2026, 9999, 10000]) {
      for (let month = 0; month < 12; month++) {
        const date = new Date(Date.UTC(2000, month, month + 1, month, month * 5, 59 - month));
        date.setUTCFullYear(year);
        samples.push(date);
      }
    }
    for (const date of samples) assert.equal(formatHttpDate(date), reference(date), date.toISOString());
  });

  it('round-trips through parseHttpDate', () => {
    const date = new Date(Date.UTC(2026, 10, 23, 9, 5, 7));
    assert.equal(parseHttpDate(formatHttpDate(date))?.getTime(), date.getTime());
  });
});

/** How long the gist of a failure may be in its notification (characters) before it is cut with `…`. */
export const noticeChars = 100;

/**
 * The short notification of a failed send: the request and the gist of what went wrong (its first line,
 * without the `file:line:` in front and without what follows a `(` or `;`), cut to one line. The whole
 * text, the hint and the buttons are in the response panel.
 */
export function failureNotice(title: string, message: string): string {
  const first = message.split(/\r?\n/, 1)[0].replace(/^\S+:\d+: /, '');
  const gist = first
    .split(/ \(|; /, 1)[0]
    .trim()
    .replace(/[.:,]$/, '');
  const cut = gist.length > noticeChars ? `${gist.slice(0, noticeChars - 1).trimEnd()}…` : gist;
  return `GW HTTP: ${title} failed: ${cut}. Details in the response panel.`;
}

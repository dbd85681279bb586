/** How long the gist of a failure may be in its notification (characters) before it is cut with `…`. */
export const noticeChars = 100;

/**
 * The short notification of a failed send: the request and the gist of what went wrong (its first line,
 * without what follows a ` (` or `; `), cut to one line. The message carries no `file:line` (the panel
 * shows the place). The whole text, the hint and the buttons are in the response panel.
 */
export function failureNotice(title: string, message: string): string {
  const firstLine = message.split('\n', 1)[0].trimEnd();
  const ends = [' (', '; '].map((mark) => firstLine.indexOf(mark)).filter((at) => at >= 0);
  let gist = ends.length > 0 ? firstLine.slice(0, Math.min(...ends)).trim() : firstLine.trim();
  while (['.', ':', ','].includes(gist.slice(-1))) gist = gist.slice(0, -1);
  const cut = gist.length > noticeChars ? `${gist.slice(0, noticeChars - 1).trimEnd()}…` : gist;
  return `GW HTTP: ${title} failed: ${cut}. Details in the response panel.`;
}

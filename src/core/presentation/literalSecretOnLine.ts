/** Finds the literal secret on a line: the flagged range, or the value of a header / variable / `secret=` option. */
export function literalSecretOnLine(
  lineText: string,
  start: number,
  end: number,
): { value: string; removeLine: boolean; start: number; end: number } | null {
  const flagged = lineText.slice(start, end).trim();
  const header = /^\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*:\s*(.+?)\s*$/.exec(lineText);
  const variable = /^\s*@[\w.-]+\s*=\s*(.+?)\s*$/.exec(lineText);
  const option = /\b(?:secret|secretKey|secret_key|key)\s*=\s*"?([^"\s]+)"?/i.exec(lineText);
  if (flagged !== '' && flagged !== lineText.trim()) {
    const whole = (header?.[1] ?? variable?.[1]) === flagged;
    return { value: flagged.replace(/^"|"$/g, ''), removeLine: whole, start, end };
  }
  if (option) return { value: option[1], removeLine: false, start: option.index, end: option.index + option[0].length };
  const value = header?.[1] ?? variable?.[1];
  return value ? { value, removeLine: true, start: 0, end: lineText.length } : null;
}

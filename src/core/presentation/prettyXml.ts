/**
 * Indents XML by tag nesting, two spaces per level. Text and attributes are kept byte for byte;
 * returns null when the input does not look like markup.
 */
export function prettyXml(text: string): string | null {
  const tokens = text.replace(/>\s+</g, '><').match(/<[^>]*>|[^<]+/g);
  if (!tokens || !tokens[0].startsWith('<')) return null;
  const lines: string[] = [];
  let depth = 0;
  for (const token of tokens) {
    const isClosing = token.startsWith('</');
    const isSelfContained = token.endsWith('/>') || token.startsWith('<?') || token.startsWith('<!');
    if (!token.startsWith('<')) {
      lines[lines.length - 1] += token.trim();
      continue;
    }
    if (isClosing) {
      depth = Math.max(0, depth - 1);
      const last = lines[lines.length - 1] ?? '';
      // `<a>text</a>` stays on one line.
      if (!last.trimStart().startsWith('<') || /^\s*<[^/!?][^>]*>[^<]+$/.test(last)) {
        lines[lines.length - 1] = last + token;
        continue;
      }
    }
    lines.push('  '.repeat(depth) + token);
    if (!isClosing && !isSelfContained) depth++;
  }
  return lines.join('\n');
}

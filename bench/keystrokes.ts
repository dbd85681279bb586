/**
 * One open document as the extension keeps it (its last parse, the region parse memo of the document
 * cache and the diagnostics memo of the diagnostics controller), and the texts a keystroke gives it.
 */
import { parseRequestFile } from '../src/core/files/parseRequestFile';
import { DiagnosticsMemo } from '../src/core/language/diagnosticsMemo';
import { documentDiagnostics } from '../src/core/language/documentDiagnostics';
import type { ParsedRequestText } from '../src/core/markdown/parseMarkdown';
import { RegionParseMemo } from '../src/core/parser/regionParseMemo';

export class EditorDocument {
  private readonly parseMemo = new RegionParseMemo();
  private readonly checkMemo = new DiagnosticsMemo(this.parseMemo);
  private previous: ParsedRequestText | undefined;

  constructor(private readonly fileName: string) {}

  /** The work one update does: parse (once per version) and diagnostics, through the memos. */
  update(text: string, scope: Set<string>): ParsedRequestText {
    const parsed = parseRequestFile(this.fileName, text, this.parseMemo, this.previous);
    documentDiagnostics(parsed.document, parsed.text, scope, this.checkMemo);
    this.previous = parsed;
    return parsed;
  }
}

/** The texts of `text` as `count` characters are typed one by one at `at` (a new line every `lineEvery`th, if given). */
export function typedTexts(text: string, at: number, count: number, lineEvery = 0): string[] {
  const texts: string[] = [];
  let typed = '';
  for (let i = 0; i < count; i++) {
    typed += lineEvery > 0 && i % lineEvery === lineEvery - 1 ? '\n' : 'a';
    const edited = text.slice(0, at) + typed + text.slice(at);
    // Flattened now, as the editor hands a document's text over (one string, not a concatenation).
    edited.indexOf('\u0000');
    texts.push(edited);
  }
  return texts;
}

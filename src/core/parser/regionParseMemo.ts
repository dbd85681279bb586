import type { Diagnostic } from '../model/diagnostic';
import type { FileVariable } from '../model/document';
import { shiftAll, shiftDiagnostic, shiftRequest, shiftVariable } from '../text/shiftLines';
import { SpanMemo } from '../text/spanMemo';
import { LineScanMemo } from './lineScanMemo';
import type { DraftRequest } from './parseLineForm';
import { LineKindMemo, type RawLineKinds } from './rawLineKinds';
import type { SourceText } from './sourceText';
import type { Region } from './splitRegions';

/** What parsing one region gives: its requests (numbered in the file), file variables and diagnostics. */
export interface RegionParse {
  requests: DraftRequest[];
  variables: FileVariable[];
  diagnostics: Diagnostic[];
}

/** Codes whose message names a line number (its text would be wrong moved): such regions are parsed again. */
const lineNamingCodes: ReadonlySet<string> = new Set(['unsupported-script', 'parser-bug']);

function moved(parse: RegionParse, delta: number, firstIndex: number): RegionParse {
  if (delta === 0 && parse.requests.every((request, i) => request.index === firstIndex + i)) return parse;
  let requests = shiftAll(parse.requests, delta, shiftRequest);
  if (requests.some((request, i) => request.index !== firstIndex + i)) {
    requests = requests.map((request, i) => ({ ...request, index: firstIndex + i }));
  }
  return {
    requests,
    variables: shiftAll(parse.variables, delta, shiftVariable),
    diagnostics: shiftAll(parse.diagnostics, delta, shiftDiagnostic),
  };
}

/**
 * The parses of a document's regions, remembered by each region's text (its separator line to its last
 * line): a region an edit left alone is not parsed again, only moved to its new lines and numbers. Its
 * `context` is what reads a region differently with the same text (the file-wide `#### title` rule).
 */
export class RegionParseMemo extends SpanMemo<RegionParse> {
  private source: SourceText | null = null;
  private lastSource: SourceText | null = null;
  private readonly lines = new LineScanMemo();
  private readonly kinds = new LineKindMemo();
  /** The lines of the Markdown file the parsed text is cut from (parseMarkdown scans it through this). */
  readonly markdownLines = new LineScanMemo();

  /** The lines of the text about to be parsed (only the edited ones scanned again). */
  scan(text: string): SourceText {
    return this.lines.scan(text);
  }

  /** What each line of `source` (the last `scan`) is by itself, classifying only the lines an edit touched. */
  rawKinds(source: SourceText): RawLineKinds {
    return this.kinds.kindsOf(source, this.lines.unchangedLines);
  }

  /** Starts a round over the lines of the text being parsed (those `scan` gave). */
  beginParse(source: SourceText, context: string): void {
    const before = this.previousText;
    const known = before !== null && this.lastSource?.text === before && this.lines.ends !== null;
    this.source = source;
    this.begin(source.text, context, known ? (this.lines.ends ?? undefined) : undefined);
  }

  override finish(): void {
    super.finish();
    this.lastSource = this.source;
  }

  override clear(): void {
    super.clear();
    this.lines.clear();
    this.kinds.clear();
    this.markdownLines.clear();
    this.source = null;
    this.lastSource = null;
  }

  /** The lines of `text` when the last parse read exactly it (the checks of that parse need not scan it again). */
  linesOf(text: string): SourceText | null {
    return this.lastSource !== null && this.lastSource.text === text ? this.lastSource : null;
  }

  /** The region's parse, from the memo when its text is unchanged, else `parse()`; its requests numbered from `firstIndex`. */
  regionParse(source: SourceText, region: Region, firstIndex: number, parse: () => RegionParse): RegionParse {
    const first = region.separator === -1 ? region.start : region.separator;
    // The file's first region with no line at all shares its offset with the next region: not remembered.
    if (region.end <= first) return moved(parse(), 0, firstIndex);
    const from = source.starts[first];
    const to = source.ends[region.end - 1];
    const hit = this.find(from, to, first);
    const result = moved(hit ? hit.value : parse(), hit ? hit.lineDelta : 0, firstIndex);
    if (!result.diagnostics.some((diagnostic) => lineNamingCodes.has(diagnostic.code))) {
      this.remember(from, to, first, result);
    }
    return result;
  }
}

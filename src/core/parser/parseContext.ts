import type { Directive, FileVariable } from '../model/document';
import type { BlockKind } from './blockHeadings';
import type { LineKind } from './classifyLine';
import type { DiagnosticSink } from './diagnosticSink';
import type { SourceText } from './sourceText';

/** What the region parsers share while parsing one file. Line indexes are 0-based. */
export interface ParseContext {
  source: SourceText;
  kinds: LineKind[];
  /** Line index → block kind, for headings that open a request block. */
  blockKinds: Map<number, BlockKind>;
  sink: DiagnosticSink;
  /** File variables found so far, in file order. */
  variables: FileVariable[];
  /** `# @repeat` / `# @parallel` of the whole file: in the preamble before the first `###`. */
  fileDirectives: Directive[];
}

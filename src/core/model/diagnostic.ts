/** A problem found in a `.gwhttp` file. Lines are 1-based; columns are 0-based and optional. */
/** `hint`: shown unobtrusively (VS Code's dotted hint), e.g. another tool's directive that gwhttp ignores. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Diagnostic {
  line: number;
  severity: Severity;
  message: string;
  /** Stable machine-readable code, e.g. `header-without-colon`, `unknown-directive`. */
  code: string;
  column?: number;
  endColumn?: number;
}

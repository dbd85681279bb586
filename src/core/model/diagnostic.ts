/** A problem found in a `.gwhttp` file. Lines are 1-based; columns are 0-based and optional. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  line: number;
  severity: Severity;
  message: string;
  /** Stable machine-readable code, e.g. `header-without-colon`, `unknown-directive`. */
  code: string;
  column?: number;
  endColumn?: number;
}

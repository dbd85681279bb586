import type { Diagnostic, Severity } from '../model/diagnostic';

/** Collects a parse's diagnostics. Lines given to it are 0-based indexes; it stores 1-based lines. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  add(lineIndex: number, severity: Severity, code: string, message: string, column?: number): void {
    const diagnostic: Diagnostic = { line: lineIndex + 1, severity, message, code };
    if (column !== undefined) diagnostic.column = column;
    this.items.push(diagnostic);
  }

  error(lineIndex: number, code: string, message: string, column?: number): void {
    this.add(lineIndex, 'error', code, message, column);
  }

  warning(lineIndex: number, code: string, message: string, column?: number): void {
    this.add(lineIndex, 'warning', code, message, column);
  }
}

/** Shortens a line for quoting in a message. */
export function quote(text: string, max = 60): string {
  const trimmed = text.trim();
  return `'${trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed}'`;
}

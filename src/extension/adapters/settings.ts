import * as vscode from 'vscode';

/** The extension's settings, read when needed (never cached across a configuration change). */
export interface GwHttpSettings {
  environments: Record<string, Record<string, unknown>>;
  timeoutMs: number;
  newPanelPerRequest: boolean;
  followRedirects: boolean;
  diagnosticsDelayMs: number;
  inlineBodyLimitBytes: number;
  /** Largest response header block accepted, in bytes (`gwhttp.maxResponseHeaderKiB`). */
  maxHeaderSize: number;
}

export function readSettings(scope?: vscode.Uri): GwHttpSettings {
  const config = vscode.workspace.getConfiguration('gwhttp', scope);
  const environments = config.get<Record<string, Record<string, unknown>>>('environments') ?? {};
  return {
    environments: typeof environments === 'object' && environments !== null ? environments : {},
    timeoutMs: Math.max(0, config.get<number>('timeoutMs') ?? 30000),
    newPanelPerRequest: config.get<boolean>('newPanelPerRequest') ?? false,
    followRedirects: config.get<boolean>('followRedirects') ?? true,
    diagnosticsDelayMs: Math.max(0, config.get<number>('diagnosticsDelayMs') ?? 250),
    inlineBodyLimitBytes: Math.max(64 * 1024, (config.get<number>('inlineBodyLimitMiB') ?? 2) * 1024 * 1024),
    maxHeaderSize: Math.min(65536, Math.max(1, config.get<number>('maxResponseHeaderKiB') ?? 256)) * 1024,
  };
}

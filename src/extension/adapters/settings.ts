import * as vscode from 'vscode';

/** The extension's settings, read when needed (never cached across a configuration change). */
export interface GwHttpSettings {
  environments: Record<string, Record<string, unknown>>;
  timeoutMs: number;
  newPanelPerRequest: boolean;
  followRedirects: boolean;
  diagnosticsDelayMs: number;
  inlineBodyLimitBytes: number;
  /** Largest response header block accepted, in bytes (`gwhttp.maxResponseHeaderSize`). */
  maxHeaderSize: number;
  /** Send All: sends at a time (`gwhttp.parallel`, 1–64). */
  parallel: number;
  /** Pace sends by the gateway's reported window (`gwhttp.pace`). */
  pace: boolean;
  /** Keep the cookies responses set and send them back (`gwhttp.rememberCookies`). */
  rememberCookies: boolean;
  /** HTTP version of requests whose request line names none (`gwhttp.httpVersion`). */
  httpVersion: '1.1' | '2';
  /** Client certificates by host (`gwhttp.clientCertificates`), as written. */
  clientCertificates: Record<string, unknown>;
}

/** `gwhttp.history.*`: keep the response history on disk, and how many responses it keeps (1–500). */
export function readHistorySettings(): { saveToDisk: boolean; maxEntries: number } {
  const config = vscode.workspace.getConfiguration('gwhttp.history');
  const maxEntries = config.get<number>('maxEntries');
  return {
    saveToDisk: config.get<boolean>('saveToDisk') ?? false,
    maxEntries: Math.min(500, Math.max(1, Math.floor(typeof maxEntries === 'number' ? maxEntries : 50))),
  };
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
    inlineBodyLimitBytes: inlineBodyLimitBytes(configuredInlineBodyLimit(config)),
    maxHeaderSize: Math.min(65536, Math.max(1, config.get<number>('maxResponseHeaderSize') ?? 256)) * 1024,
    parallel: Math.min(64, Math.max(1, Math.floor(config.get<number>('parallel') ?? 1))),
    pace: config.get<boolean>('pace') ?? false,
    rememberCookies: config.get<boolean>('rememberCookies') ?? true,
    httpVersion: config.get<string>('httpVersion') === '2' ? '2' : '1.1',
    clientCertificates: objectSetting(config.get<unknown>('clientCertificates')),
  };
}

function objectSetting(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * `gwhttp.inlineBodyLimit`, or the value of its old name `gwhttp.inlineBodyLimitMiB` (whose label read
 * "Inline Body Limit Mi B") while the new one is not set anywhere: a migration that writes no setting.
 */
function configuredInlineBodyLimit(config: vscode.WorkspaceConfiguration): number | undefined {
  // `get` of a setting declared without a default answers its type's default (0 for a number), so the
  // old name counts only where the user set it.
  const isSet = (key: string) => {
    const value = config.inspect<number>(key);
    return [value?.globalValue, value?.workspaceValue, value?.workspaceFolderValue].some((set) => set !== undefined);
  };
  return !isSet('inlineBodyLimit') && isSet('inlineBodyLimitMiB')
    ? config.get<number>('inlineBodyLimitMiB')
    : config.get<number>('inlineBodyLimit');
}

/** The most the panel renders inline: above it a 60 MiB body froze the window for seconds (package.json says the same). */
export const maxInlineBodyLimitMiB = 8;

/** `gwhttp.inlineBodyLimit` in bytes, kept between 64 KiB and the maximum whatever the setting says. */
export function inlineBodyLimitBytes(mebibytes: number | undefined): number {
  const limited = Math.min(maxInlineBodyLimitMiB, typeof mebibytes === 'number' ? mebibytes : 2);
  return Math.max(64 * 1024, limited * 1024 * 1024);
}

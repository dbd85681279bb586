import * as vscode from 'vscode';

/**
 * The environment the core's HTTP client reads its proxy from (HTTP_PROXY / HTTPS_PROXY / NO_PROXY),
 * with VS Code's `http.proxy` and `http.noProxy` settings laid over the process environment when set,
 * so a proxy configured in VS Code is used just as one from the shell is.
 */
export function proxyEnvironment(base: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const http = vscode.workspace.getConfiguration('http');
  const proxy = (http.get<string>('proxy') ?? '').trim();
  const noProxy = http.get<string[]>('noProxy') ?? [];
  if (proxy === '' && noProxy.length === 0) return base;
  const env: Record<string, string | undefined> = { ...base };
  if (proxy !== '') {
    env.HTTP_PROXY = proxy;
    env.HTTPS_PROXY = proxy;
  }
  if (noProxy.length > 0) env.NO_PROXY = [env.NO_PROXY, ...noProxy].filter((part) => part).join(',');
  return env;
}

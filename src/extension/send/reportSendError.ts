import * as vscode from 'vscode';

import { isGwHttpError } from '../../core/errors';
import type { RunError } from '../../core/run';
import { failureNotice } from '../response/failureNotice';
import type { SendServices } from './sendController';

function isRunError(value: unknown): value is RunError {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as RunError).code === 'string' &&
    typeof (value as RunError).message === 'string'
  );
}

/**
 * The one place that turns a send failure into a message: what failed, where (file:line), and one
 * action that helps. A send's failure (`openPanel`) shows in the response panel, opened if need be.
 * Details go to the log; nothing is rethrown, so the host never crashes.
 */
export function reportSendError(
  error: unknown,
  source: string,
  title: string,
  services: Pick<SendServices, 'logger' | 'panels'>,
  options: { openPanel?: boolean; notificationOnly?: boolean } = {},
): void {
  const known = isGwHttpError(error) ? error : isRunError(error) ? error : null;
  if (known?.code === 'aborted') {
    services.logger.info(`Cancelled: ${title} (${source})`);
    services.panels.settlePending('Cancelled: no response.');
    return;
  }
  const location = isGwHttpError(error) ? error.location : undefined;
  const where = location ? `${vscode.workspace.asRelativePath(location.file)}:${location.line}` : source;
  const message = error instanceof Error || isRunError(error) ? error.message : String(error);
  const text = message.includes(where) || /^\S+:\d+: /.test(message) ? message : `${where}: ${message}`;
  services.logger.error(`${title}: ${text}${known?.hint ? ` — ${known.hint}` : ''}`);
  if (!known) services.logger.error(error instanceof Error && error.stack ? error.stack : String(error));
  const actions: { label: string; run: () => Thenable<unknown> }[] = [];
  if (known?.code === 'missingSecret') {
    const keyId = /key id\s+"?([^"\s]+)"?/i.exec(message)?.[1];
    actions.push({
      label: 'Store Secret Key…',
      run: () => vscode.commands.executeCommand('gwhttp.storeSecret', keyId),
    });
  } else if (known?.code === 'variable') {
    actions.push({
      label: 'Select Environment…',
      run: () => vscode.commands.executeCommand('gwhttp.selectEnvironment'),
    });
  }
  actions.push({ label: 'Show Log', run: () => Promise.resolve(services.logger.show()) });
  // One surface: the whole text, the hint and the buttons in the panel, and a one-line notification
  // (the whole text in the notification only when no panel shows it).
  const inPanel = options.notificationOnly !== true && (options.openPanel === true || services.panels.panel !== null);
  const runs = actions.map((action) => ({ label: action.label, run: () => void action.run() }));
  if (inPanel) services.panels.showFailure({ title, source: where, message: text, hint: known?.hint ?? null }, runs);
  const hint = known?.hint ? ` ${known.hint}` : '';
  const notice = inPanel ? failureNotice(title, text) : `GW HTTP: ${text}.${hint}`.replace(/\.\./g, '.');
  void vscode.window.showErrorMessage(notice, ...actions.map((action) => action.label)).then((choice) => {
    const chosen = actions.find((action) => action.label === choice);
    if (chosen) void chosen.run();
  });
}

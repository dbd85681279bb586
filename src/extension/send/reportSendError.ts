import * as vscode from 'vscode';

import { isGwHttpError, type RunError, type SourceLocation } from '../../core';
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

/** A failure as the editor shows it: typed fields only, never read back out of the message. */
interface Failure {
  code: string | null;
  message: string;
  hint: string | null;
  location: SourceLocation | null;
  keyId: string | undefined;
}

function failureOf(error: unknown): Failure {
  if (isGwHttpError(error)) {
    const { hint, keyId } = error.details;
    return { code: error.code, message: error.message, hint: hint ?? null, location: error.location, keyId };
  }
  if (isRunError(error)) {
    const { code, message, hint, location, details } = error;
    return { code, message, hint, location, keyId: details.keyId };
  }
  return {
    code: null,
    message: error instanceof Error ? error.message : String(error),
    hint: null,
    location: null,
    keyId: undefined,
  };
}

/** `text.` unless it already ends a sentence. */
function sentence(text: string): string {
  return ['.', '!', '?', '…'].includes(text.trimEnd().slice(-1)) ? text.trimEnd() : `${text.trimEnd()}.`;
}

/**
 * The one place that turns a send failure into a message: what failed, where (file:line, from the
 * failure's location, else `source`), and one action that helps. A send's failure (`openPanel`) shows
 * in the response panel, opened if need be; `notificationOnly` (Preview Signature, other commands)
 * keeps the panel as it is. Details go to the log; nothing is rethrown, so the host never crashes.
 */
export function reportSendError(
  error: unknown,
  source: string,
  title: string,
  services: Pick<SendServices, 'logger' | 'panels'>,
  options: { openPanel?: boolean; notificationOnly?: boolean } = {},
): void {
  const failure = failureOf(error);
  if (failure.code === 'aborted') {
    services.logger.info(`Cancelled: ${title} (${source})`);
    services.panels.settlePending('Cancelled: no response.');
    return;
  }
  const { location } = failure;
  const where = location ? `${vscode.workspace.asRelativePath(location.file)}:${location.line}` : source;
  const text = `${where}: ${failure.message}`;
  services.logger.error(`${title}: ${text}${failure.hint ? ` — ${failure.hint}` : ''}`);
  if (failure.code === null) services.logger.error(error instanceof Error && error.stack ? error.stack : String(error));
  const actions = failureActions(failure, services);
  // One surface: the whole text, the hint and the buttons in the panel, and a one-line notification
  // (the whole text in the notification only when no panel shows it).
  const inPanel = options.notificationOnly !== true && (options.openPanel === true || services.panels.panel !== null);
  const runs = actions.map((action) => ({ label: action.label, run: () => void action.run() }));
  if (inPanel) services.panels.showFailure({ title, source: where, message: text, hint: failure.hint }, runs);
  const notice = inPanel
    ? failureNotice(title, failure.message)
    : `GW HTTP: ${sentence(text)}${failure.hint ? ` ${sentence(failure.hint)}` : ''}`;
  void vscode.window.showErrorMessage(notice, ...actions.map((action) => action.label)).then((choice) => {
    const chosen = actions.find((action) => action.label === choice);
    if (chosen) void chosen.run();
  });
}

/** The one action that helps (Store Secret Key…, Select Environment…), then Show Log. */
function failureActions(
  failure: Failure,
  services: Pick<SendServices, 'logger'>,
): { label: string; run: () => Thenable<unknown> }[] {
  const actions: { label: string; run: () => Thenable<unknown> }[] = [];
  if (failure.code === 'missingSecret') {
    actions.push({
      label: 'Store Secret Key…',
      run: () => vscode.commands.executeCommand('gwhttp.storeSecret', failure.keyId),
    });
  } else if (failure.code === 'variable') {
    actions.push({
      label: 'Select Environment…',
      run: () => vscode.commands.executeCommand('gwhttp.selectEnvironment'),
    });
  }
  actions.push({ label: 'Show Log', run: () => Promise.resolve(services.logger.show()) });
  return actions;
}

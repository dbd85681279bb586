import * as vscode from 'vscode';

import { confirmationText, type HttpClient, loadFileSecrets, runRequests } from '../../core';
import { requireTrust } from '../send/requireTrust';
import { runContextFor } from '../send/runContextFor';
import { type ReportedTest, reportTestResult } from './reportTestResult';
import type { TestServices } from './requestTestController';
import { requestIndexOf, requestItemId } from './requestTestItems';

export interface TestRunSetup {
  controller: vscode.TestController;
  services: TestServices;
  client: HttpClient;
  environment: 'active' | 'ask';
  resolveFile(item: vscode.TestItem): Promise<void>;
  discover(): Promise<void>;
}

/** The request items of a run: the chosen ones (a file means all its requests) minus the excluded, by file. */
async function chosenRequests(
  request: vscode.TestRunRequest,
  setup: TestRunSetup,
): Promise<Map<vscode.TestItem, vscode.TestItem[]>> {
  if (!request.include) await setup.discover();
  const roots: vscode.TestItem[] = request.include ? [...request.include] : [];
  if (!request.include) setup.controller.items.forEach((item) => roots.push(item));
  const excluded = new Set((request.exclude ?? []).map((item) => item.id));
  const byFile = new Map<vscode.TestItem, vscode.TestItem[]>();
  for (const root of roots) {
    const file = root.parent ?? root;
    if (excluded.has(file.id) || excluded.has(root.id)) continue;
    if (file.canResolveChildren) await setup.resolveFile(file);
    const items: vscode.TestItem[] = [];
    if (root.parent) items.push(root);
    else file.children.forEach((child) => items.push(child));
    const list = byFile.get(file) ?? [];
    list.push(...items.filter((item) => !excluded.has(item.id) && !list.includes(item)));
    byFile.set(file, list);
  }
  return byFile;
}

/** The environment for a "Run in Environment…" run: picked from the environments of the run's files. */
async function pickEnvironment(
  files: readonly vscode.TestItem[],
  setup: TestRunSetup,
): Promise<string | null | undefined> {
  const names = new Set<string>();
  for (const file of files) {
    const loaded = await setup.services.environments.load(file.uri!).catch(() => null);
    for (const name of loaded?.names ?? []) if (!name.startsWith('$')) names.add(name);
  }
  const none = '(no environment)';
  const picked = await vscode.window.showQuickPick([...names, none], {
    title: 'GW HTTP: run the requests in environment',
  });
  if (picked === undefined) return undefined;
  return picked === none ? null : picked;
}

/**
 * Runs the chosen request items in file order, with their chaining dependencies, through the same core
 * run as Send All; cancellable; trust and `# @note` / `$confirm` confirmations as for Send.
 */
export async function runRequestTests(
  request: vscode.TestRunRequest,
  token: vscode.CancellationToken,
  setup: TestRunSetup,
): Promise<Map<string, ReportedTest>> {
  const reported = new Map<string, ReportedTest>();
  const byFile = await chosenRequests(request, setup);
  const run = setup.controller.createTestRun(request);
  const skipAll = (why: string) => {
    for (const items of byFile.values()) {
      for (const item of items) {
        run.skipped(item);
        reported.set(item.id, { state: 'skipped', messages: [{ text: why, line: null }] });
      }
    }
  };
  try {
    if (!(await requireTrust('Running requests as tests'))) return (skipAll('untrusted workspace'), reported);
    const environment = setup.environment === 'ask' ? await pickEnvironment([...byFile.keys()], setup) : undefined;
    if (setup.environment === 'ask' && environment === undefined) return (skipAll('no environment picked'), reported);
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      for (const [file, items] of byFile) {
        if (token.isCancellationRequested) break;
        await runFile(file, items, { run, setup, signal: controller.signal, environment, reported });
      }
    } finally {
      subscription.dispose();
    }
    for (const items of byFile.values()) {
      for (const item of items) {
        if (reported.has(item.id)) continue;
        run.skipped(item);
        reported.set(item.id, { state: 'skipped', messages: [{ text: 'cancelled', line: null }] });
      }
    }
  } finally {
    run.end();
  }
  return reported;
}

interface FileRun {
  run: vscode.TestRun;
  setup: TestRunSetup;
  signal: AbortSignal;
  environment: string | null | undefined;
  reported: Map<string, ReportedTest>;
}

async function runFile(file: vscode.TestItem, items: readonly vscode.TestItem[], job: FileRun): Promise<void> {
  const uri = file.uri!;
  const { services } = job.setup;
  const document = await vscode.workspace.openTextDocument(uri);
  const parsed = services.documents.get(document);
  const indexes = items
    .map(requestIndexOf)
    .filter((index): index is number => index !== null)
    .sort((a, b) => a - b);
  const { context } = runContextFor(uri, services, job.setup.client, job.signal, job.environment);
  const loaded = await services.environments.load(uri).catch(() => null);
  const reasons = confirmationText(parsed, indexes, loaded, context.variables.environmentName);
  if (reasons !== null) {
    const answer = await vscode.window.showWarningMessage(
      'GW HTTP: run these requests?',
      { modal: true, detail: reasons },
      'Run',
    );
    if (answer !== 'Run') return;
  }
  for (const item of items) job.run.started(item);
  try {
    context.redactor.addAll(await loadFileSecrets(context.variables));
    for await (const result of runRequests(parsed, indexes, context)) {
      const item = file.children.get(requestItemId(uri, result.index));
      if (!item) continue;
      // A failed check and the status line show what came back, which may echo a secret.
      const { response, assertions } = result;
      const shown = {
        ...result,
        response: response && { ...response, statusText: context.redactor.text(response.statusText) },
        assertions: context.redactor.deep(assertions),
      };
      job.reported.set(item.id, reportTestResult(job.run, item, shown, parsed.requests[result.index].line));
    }
  } catch (error) {
    services.logger.rememberSecrets(context.redactor);
    // A parse error in a chosen request: nothing of this file was sent.
    const text = context.redactor.text(error instanceof Error ? error.message : String(error));
    for (const item of items) {
      if (job.reported.has(item.id)) continue;
      const message = new vscode.TestMessage(text);
      job.run.errored(item, message);
      job.reported.set(item.id, { state: 'errored', messages: [{ text, line: null }] });
    }
    services.logger.info(`Test run of ${context.file}: ${text}`);
  }
}

import * as path from 'node:path';

import * as vscode from 'vscode';

import type { ImportPlan, ImportWarning } from '../../core/import';
import type { OutputLogger } from '../adapters/outputLogger';

/** Asks before replacing files that are there already (gwhttp.env.json is merged, not replaced); true to go on. */
async function mayReplace(plan: ImportPlan): Promise<boolean> {
  const existing = plan.files.filter((file) => file.exists).map((file) => path.basename(file.path));
  if (existing.length === 0) return true;
  const answer = await vscode.window.showWarningMessage(
    `GW HTTP: ${existing.join(', ')} ${existing.length === 1 ? 'is' : 'are'} there already. Replace ${existing.length === 1 ? 'it' : 'them'}?`,
    { modal: true, detail: 'gwhttp.env.json is merged: the environments already in it are kept.' },
    'Replace',
  );
  return answer === 'Replace';
}

/** Logs the warnings and shows how many there were, with a button to read them. */
export function reportImportWarnings(warnings: ImportWarning[], source: string, logger: OutputLogger): void {
  for (const warning of warnings) {
    logger.warn(
      `${source}${warning.line !== undefined ? `:${warning.line}` : ''}: ${warning.message} (${warning.where})`,
    );
  }
  if (warnings.length === 0) return;
  const first = warnings[0].message;
  void vscode.window
    .showWarningMessage(
      `GW HTTP: imported with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: ${first}`,
      'Show All',
    )
    .then((choice) => {
      if (choice === 'Show All') logger.show();
    });
}

/** Writes a planned import (after asking about existing files) and opens the first request file; false when cancelled. */
export async function writeImport(plan: ImportPlan, source: string, logger: OutputLogger): Promise<boolean> {
  if (!(await mayReplace(plan))) return false;
  for (const file of plan.files) {
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file.path), Buffer.from(file.text, 'utf8'));
  }
  reportImportWarnings(plan.warnings, source, logger);
  const first = plan.files.find((file) => file.requests > 0);
  if (first) await vscode.window.showTextDocument(vscode.Uri.file(first.path));
  const requests = plan.files.reduce((sum, file) => sum + file.requests, 0);
  logger.info(`Imported ${source}: ${requests} requests in ${plan.files.map((f) => path.basename(f.path)).join(', ')}`);
  return true;
}

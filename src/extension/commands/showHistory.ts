import * as vscode from 'vscode';

import type { HostMessage } from '../../shared/protocol';
import type { SendServices } from '../send/sendController';
import type { HistoryEntry } from '../state/responseHistory';

/** The note a response shown again from history carries. */
export function historyNote(entry: HistoryEntry): string {
  const sentAt = new Date(entry.model.sentAt);
  const sent = entry.fromDisk ? sentAt.toLocaleString() : sentAt.toLocaleTimeString();
  const actions = entry.context
    ? ''
    : entry.fromDisk
      ? ' It was kept on disk: send the request again to save or copy its body.'
      : ' Its body was too large to keep: send the request again to save or copy it.';
  return `From the response history: sent at ${sent}.${actions}`;
}

/**
 * `GW HTTP: Show Response History`: picks one of this window's last responses and shows it in the
 * panel again. `index` (0 = newest) skips the pick (for keybindings and tests).
 */
export async function showHistory(services: SendServices, index?: unknown): Promise<void> {
  const entries = await services.history.list();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('GW HTTP: no responses yet in this window. Send a request first.');
    return;
  }
  const chosen = typeof index === 'number' ? entries[index] : await pick(entries);
  if (!chosen) return;
  const model = { ...chosen.model, notes: [...chosen.model.notes, historyNote(chosen)] };
  const message: HostMessage = { type: 'showResponse', model };
  services.panels.show(message, chosen.context && { ...chosen.context, model }, false);
}

/** The time of a response of this window; the date and time of one from an earlier window. */
function sentLabel(entry: HistoryEntry): string {
  const sentAt = new Date(entry.model.sentAt);
  return entry.fromDisk ? sentAt.toLocaleString() : sentAt.toLocaleTimeString();
}

async function pick(entries: readonly HistoryEntry[]): Promise<HistoryEntry | undefined> {
  const items = entries.map((entry) => ({
    label: `${entry.model.status.code} ${entry.model.status.text}  ${entry.model.title}`,
    description: `${entry.model.source} · ${sentLabel(entry)} · ${Math.round(entry.model.timing.totalMs)} ms`,
    entry,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: 'GW HTTP: Response History',
    placeHolder: 'Show a response of this window again',
    matchOnDescription: true,
  });
  return chosen?.entry;
}

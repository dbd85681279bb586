import type { ResponseViewModel } from '../../shared/protocol';
import type { ResponseActionContext } from '../response/responsePanel';

/** One response of this window, as the panel showed it. */
export interface HistoryEntry {
  model: ResponseViewModel;
  /** Body bytes and actions; null when the body was too large to keep (actions then say to send again). */
  context: ResponseActionContext | null;
}

/** How many responses are kept, newest first. */
export const historySize = 20;
/** Bodies larger than this are not kept in memory for history's actions (a spilled body's file is). */
export const historyBodyBytes = 2 * 1024 * 1024;

/**
 * The last responses of this window, newest first (`GW HTTP: Show Response History`). The models are
 * already redacted; body bytes are kept only when small, so history stays a few MiB at most.
 */
export class ResponseHistory {
  private readonly entries: HistoryEntry[] = [];

  add(model: ResponseViewModel, context: ResponseActionContext): void {
    const keep = context.bodyFile !== null || context.body.byteLength <= historyBodyBytes;
    this.entries.unshift({ model, context: keep ? context : null });
    this.entries.length = Math.min(this.entries.length, historySize);
  }

  list(): readonly HistoryEntry[] {
    return this.entries;
  }
}

import type { ResponseViewModel } from '../../shared/protocol';
import type { ResponseActionContext } from '../response/responsePanel';
import type { HistoryFile } from './historyFile';

/** One response of the history, as the panel showed it. */
export interface HistoryEntry {
  model: ResponseViewModel;
  /**
   * Body bytes and actions; null when the body was too large to keep, the entry is older than the
   * newest `historyBodiesKept`, or it was loaded from disk (actions then say to send again).
   */
  context: ResponseActionContext | null;
  /** Loaded from the history file (an earlier window), not sent in this one. */
  fromDisk?: boolean;
}

/** What the history settings say now (`gwhttp.history.*`), read at each use. */
export interface HistorySettings {
  saveToDisk: boolean;
  /** How many responses are kept, newest first (`gwhttp.history.maxEntries`). */
  maxEntries: number;
}

/** The newest responses whose body bytes stay in memory for the panel's actions. */
export const historyBodiesKept = 20;
/** Bodies larger than this are not kept in memory for history's actions (a spilled body's file is). */
export const historyBodyBytes = 2 * 1024 * 1024;

/**
 * The last responses, newest first (`GW HTTP: Show Response History`). The models are already
 * redacted; body bytes are kept only when small and recent, so history stays a few MiB at most.
 * With `gwhttp.history.saveToDisk` the models are also written to the workspace's history file after
 * each send and read back (once, on first use) in a later window.
 */
export class ResponseHistory {
  private readonly entries: HistoryEntry[] = [];
  private loading: Promise<void> | null = null;
  private removed = false;
  /** The disk write of the last add (or removal); settled when nothing is being written. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly settings: () => HistorySettings,
    /** The workspace's history file; null without a workspace (nothing is written then). */
    private readonly file: HistoryFile | null = null,
  ) {}

  add(model: ResponseViewModel, context: ResponseActionContext): void {
    const keep = context.bodyFile !== null || context.body.byteLength <= historyBodyBytes;
    this.entries.unshift({ model, context: keep ? context : null });
    this.trim();
    const { file } = this;
    if (!file) return;
    if (this.settings().saveToDisk) {
      this.writing = this.loaded().then(() => file.save(this.entries.map((entry) => entry.model)));
    } else if (!this.removed) {
      // Turned off: the file is deleted (once per window), not left behind.
      this.removed = true;
      this.writing = file.remove();
    }
  }

  /** The entries, newest first; with saveToDisk, the stored ones of earlier windows after this window's. */
  async list(): Promise<readonly HistoryEntry[]> {
    await this.loaded();
    return this.entries;
  }

  /** Resolves once what the adds so far write to disk is written. */
  saved(): Promise<void> {
    return this.writing;
  }

  /** Resolves once the history file was read (at once when saving to disk is off). */
  private loaded(): Promise<void> {
    const { file } = this;
    if (!file || !this.settings().saveToDisk) return Promise.resolve();
    return (this.loading ??= file.load().then((models) => {
      this.entries.push(...models.map((model) => ({ model, context: null, fromDisk: true })));
      this.trim();
    }));
  }

  private trim(): void {
    this.entries.length = Math.min(this.entries.length, Math.max(1, this.settings().maxEntries));
    for (let index = historyBodiesKept; index < this.entries.length; index++) this.entries[index].context = null;
  }
}

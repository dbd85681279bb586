import * as vscode from 'vscode';

/** How long a send runs before its progress notification appears (most sends finish well before). */
export const progressDelayMs = 700;

/**
 * Runs `task` and shows the cancellable "GW HTTP" progress notification only if it is still running
 * after `delayMs`. VS Code keeps a progress notification on screen for about a second once shown, so a
 * 20 ms send would otherwise leave a "Sending…" toast over the panel after the response is in. The
 * notification opens with the last message the task reported; Cancel calls `onCancel`. While `held()`
 * (a prompt waits on the user) it is put off, and shown once the send runs `delayMs` past it.
 */
export async function withDelayedProgress<T>(
  task: (report: (message: string) => void) => Promise<T>,
  onCancel: () => void,
  options: { delayMs?: number; held?: () => boolean } = {},
): Promise<T> {
  const delayMs = options.delayMs ?? progressDelayMs;
  let lastMessage: string | undefined;
  let forward: ((message: string) => void) | null = null;
  const report = (message: string): void => {
    lastMessage = message;
    forward?.(message);
  };
  const running = task(report);
  const show = (): void => {
    // While a prompt's input box is open the send waits on the user: no "Sending…" over the question.
    if (options.held?.()) {
      timer = setTimeout(show, delayMs);
      return;
    }
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'GW HTTP', cancellable: true },
      async (progress, token) => {
        const subscription = token.onCancellationRequested(onCancel);
        forward = (message) => progress.report({ message });
        if (lastMessage !== undefined) forward(lastMessage);
        try {
          await running.catch(() => undefined);
        } finally {
          forward = null;
          subscription.dispose();
        }
      },
    );
  };
  let timer = setTimeout(show, delayMs);
  try {
    return await running;
  } finally {
    clearTimeout(timer);
  }
}

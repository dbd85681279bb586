import type { BodyAction, HostMessage, SavedPanelState } from '../../shared/protocol';

/** The note a restored response carries: its body bytes stayed in the window that was reloaded. */
export const restoredNote =
  'Restored after a window reload: this is the response as it was shown. Its body is no longer in memory, so to save it, open it in an editor or copy it as cURL, send the request again.';

const actionWords: Record<BodyAction, string> = {
  copyBody: 'copy the body',
  saveBody: 'save the body',
  openBody: 'open the body in an editor',
  copyCurl: 'copy the request as cURL',
};

/** What the user is told when an action needs the body bytes (or the request) of a response that no longer has them. */
export function bodyGoneMessage(action: BodyAction, why: 'reload' | 'history' = 'reload'): string {
  const what =
    why === 'reload'
      ? 'this response was restored after a window reload and its body is no longer in memory'
      : 'the body of this response from the history was too large to keep in memory';
  return `GW HTTP: ${what}. Send the request again to ${actionWords[action]}.`;
}

/**
 * The message a panel restored after a reload shows: the saved response with the restored note, or a
 * plain "send the request again" when nothing usable was saved or a send was still running.
 */
export function restoredMessage(state: SavedPanelState | null): HostMessage {
  const message = state?.message ?? null;
  switch (message?.type) {
    case 'showResponse': {
      const notes = message.model.notes.includes(restoredNote)
        ? message.model.notes
        : [...message.model.notes, restoredNote];
      return { type: 'showResponse', model: { ...message.model, notes } };
    }
    case 'showPending':
      return {
        type: 'showFailure',
        title: message.title,
        source: message.source,
        message: 'The window was reloaded before the response arrived.',
        hint: 'Send the request again.',
      };
    case 'showFailure': {
      // Its buttons' actions stayed in the window that was reloaded.
      return {
        type: 'showFailure',
        title: message.title,
        source: message.source,
        message: message.message,
        hint: message.hint,
        ...(message.heading ? { heading: message.heading } : {}),
      };
    }
    default:
      return {
        type: 'showFailure',
        title: 'not kept after a reload',
        source: '',
        message: 'The last response was not kept across the window reload.',
        hint: 'Send the request again.',
      };
  }
}

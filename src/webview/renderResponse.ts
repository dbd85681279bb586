import type { HostMessage, PanelCardState, PanelTab, ResponseViewModel } from '../shared/protocol';
import { renderAssertions } from './renderAssertions';
import type { BodyMode } from './renderBody';
import { renderFailure } from './renderFailure';
import { renderPending } from './renderPending';
import { renderSummary } from './renderSummary';
import { renderTabs } from './renderTabs';
import { renderExplanation, renderThrottle } from './renderThrottle';
import { h, text, type ViewNode } from './viewNode';

export type TabId = PanelTab;

export interface PanelUiState {
  tab: TabId;
  bodyMode: BodyMode;
  /** The cards the user opened or closed (kept across responses and reloads). */
  cards: PanelCardState;
}

export const defaultUiState: PanelUiState = { tab: 'body', bodyMode: 'pretty', cards: {} };

/**
 * The whole panel for one response, body first: a compact status line, the warnings, the cards (closed
 * to one line each unless they matter: an explanation, a failed assertion), then the sticky tabs.
 * Pure: the same model and UI state give the same tree.
 */
export function renderResponse(model: ResponseViewModel, ui: PanelUiState): ViewNode {
  const cards = ui.cards ?? {};
  return h(
    'div',
    'response',
    renderSummary(model),
    ...model.warnings.map((warning) => text('p', 'warning', warning)),
    ...model.notes.map((note) => text('p', 'note', note)),
    model.explanation ? renderExplanation(model.explanation, cards) : null,
    model.throttle ? renderThrottle(model.throttle, cards) : null,
    model.assertions.length > 0 ? renderAssertions(model.assertions, cards) : null,
    renderTabs(model, ui),
  );
}

/** Everything the panel can show: a response, a pending send, or a failure. */
export function renderMessage(message: HostMessage, ui: PanelUiState): ViewNode {
  switch (message.type) {
    case 'showResponse':
      return renderResponse(message.model, ui);
    case 'showPending':
      return renderPending(message);
    case 'showFailure':
      return renderFailure(message);
    default: {
      const never: never = message;
      return text('p', undefined, String(never));
    }
  }
}

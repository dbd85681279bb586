// The response panel's front end: receives typed messages, renders them with createElement/textContent.
import { parsePanelState } from '../shared/parseMessages';
import type { HostMessage, SavedPanelState, WebviewMessage } from '../shared/protocol';
import { panelCards } from '../shared/protocol';
import type { LineStream } from './body/bodyLines';
import { toggleFold } from './body/foldLines';
import { streamLines } from './body/streamLines';
import { mountViewNode } from './mountViewNode';
import { panelClick } from './panelClick';
import { shapePanelState } from './panelState';
import { elapsedText } from './renderPending';
import { defaultUiState, type PanelUiState, renderMessage } from './renderResponse';
import { text } from './viewNode';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface PanelModel {
  message: HostMessage | null;
  ui: PanelUiState;
}

function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'showResponse' || type === 'showPending' || type === 'showFailure';
}

/** Counts up the in-flight time from when the panel got the message (no clock shared with the host). */
function tickElapsed(element: Element | null): ReturnType<typeof setInterval> {
  const since = performance.now();
  return setInterval(() => {
    if (element) element.textContent = elapsedText(performance.now() - since);
  }, 100);
}

function start(): void {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  if (!root) return;
  // After a reload (or when a hidden panel is shown again) the last rendered message comes back from here.
  const saved: SavedPanelState | null = parsePanelState(vscode.getState());
  const state: PanelModel = { message: saved?.message ?? null, ui: saved?.ui ?? { ...defaultUiState } };
  const save = (): void => vscode.setState(shapePanelState(state.message, state.ui));

  // Each render gets a number; the slices of a body still being mounted stop once another render began.
  let renders = 0;
  let ticking: ReturnType<typeof setInterval> | undefined;
  const render = (): void => {
    const current = ++renders;
    clearInterval(ticking);
    root.replaceChildren();
    if (!state.message) return;
    try {
      const onStream = (element: HTMLElement, stream: LineStream): void =>
        streamLines(document, element, stream, () => renders === current);
      root.appendChild(mountViewNode(document, renderMessage(state.message, state.ui), onStream));
    } catch {
      state.message = null;
      root.appendChild(
        mountViewNode(
          document,
          text('p', 'failure-message', 'This response cannot be shown again: send the request again.'),
        ),
      );
    }
    if (state.message?.type === 'showPending') ticking = tickElapsed(root.querySelector('.elapsed'));
    // Only the message already rendered (redacted by the host), cut small; never anything else.
    save();
    if (state.message?.type === 'showResponse') {
      const status = root.querySelector('.status-code')?.textContent ?? '';
      vscode.postMessage({ type: 'rendered', modelId: state.message.model.id, statusText: status });
    }
  };

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!isHostMessage(event.data)) return;
    state.message = event.data;
    render();
  });

  root.addEventListener('click', (event) => {
    const shownModelId = state.message?.type === 'showResponse' ? state.message.model.id : null;
    const click = panelClick(event.target as Element | null, shownModelId);
    if (click?.kind === 'fold') toggleFold(click.toggle);
    else if (click?.kind === 'tab' || click?.kind === 'mode') {
      state.ui = click.kind === 'tab' ? { ...state.ui, tab: click.tab } : { ...state.ui, bodyMode: click.mode };
      render();
    } else if (click?.kind === 'post') {
      vscode.postMessage(click.message);
      click.button?.setAttribute('disabled', '');
    }
  });

  // A card opened or closed stays so for the next responses (and after a reload); no re-render needed.
  root.addEventListener(
    'toggle',
    (event) => {
      const details = event.target as HTMLDetailsElement | null;
      const card = panelCards.find((candidate) => candidate === details?.getAttribute('data-card'));
      if (!details || !card || state.ui.cards[card] === details.open) return;
      state.ui = { ...state.ui, cards: { ...state.ui.cards, [card]: details.open } };
      save();
    },
    true,
  );

  render();
  vscode.postMessage({ type: 'ready' });
}

start();

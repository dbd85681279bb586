// The response panel's front end: receives typed messages, renders them with createElement/textContent.
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { bodyActions } from '../shared/protocol';
import { mountViewNode } from './mountViewNode';
import { defaultUiState, renderMessage, type PanelUiState, type TabId } from './renderResponse';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  message: HostMessage | null;
  ui: PanelUiState;
}

const tabIds: readonly TabId[] = ['body', 'headers', 'request', 'signature'];

function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'showResponse' || type === 'showPending' || type === 'showFailure';
}

function start(): void {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  if (!root) return;
  const saved = vscode.getState() as SavedState | undefined;
  const state: SavedState = { message: saved && isHostMessage(saved.message) ? saved.message : null, ui: saved?.ui ?? { ...defaultUiState } };

  const render = (): void => {
    root.replaceChildren();
    if (!state.message) return;
    root.appendChild(mountViewNode(document, renderMessage(state.message, state.ui)));
    vscode.setState(state);
    if (state.message.type === 'showResponse') {
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
    const target = (event.target as HTMLElement | null)?.closest('button');
    if (!target) return;
    const tab = target.getAttribute('data-tab') as TabId | null;
    const mode = target.getAttribute('data-mode');
    const action = target.getAttribute('data-action');
    if (tab && tabIds.includes(tab)) {
      state.ui = { ...state.ui, tab };
      render();
    } else if (mode === 'pretty' || mode === 'raw') {
      state.ui = { ...state.ui, bodyMode: mode };
      render();
    } else if (action && state.message?.type === 'showResponse') {
      const known = bodyActions.find((candidate) => candidate === action);
      if (known) vscode.postMessage({ type: 'action', action: known, modelId: state.message.model.id });
    }
  });

  render();
  vscode.postMessage({ type: 'ready' });
}

start();

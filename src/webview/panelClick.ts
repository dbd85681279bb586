import { bodyActions, type PanelBodyMode, type PanelTab, panelTabs, type WebviewMessage } from '../shared/protocol';

/** What a click in the panel asks for. */
export type PanelClick =
  | { kind: 'fold'; toggle: HTMLElement }
  | { kind: 'tab'; tab: PanelTab }
  | { kind: 'mode'; mode: PanelBodyMode }
  /** A message for the host; `button` is disabled when it must not be pressed twice. */
  | { kind: 'post'; message: WebviewMessage; button: HTMLElement | null };

/**
 * Reads a click from the element clicked: a fold toggle, a tab, Pretty/Raw, or a button whose message goes
 * to the host (an action on the response shown, Cancel, a failure's button). Null for anything else.
 */
export function panelClick(clicked: Element | null, shownModelId: number | null): PanelClick | null {
  const toggle = clicked?.closest<HTMLElement>('.fold[data-fold]');
  if (toggle) return { kind: 'fold', toggle };
  const button = clicked?.closest<HTMLElement>('button');
  if (!button) return null;
  const tab = panelTabs.find((candidate) => candidate === button.getAttribute('data-tab'));
  if (tab) return { kind: 'tab', tab };
  const mode = button.getAttribute('data-mode');
  if (mode === 'pretty' || mode === 'raw') return { kind: 'mode', mode };
  const failure = Number(button.getAttribute('data-failure') ?? Number.NaN);
  // A failure's buttons stay enabled: Store Secret Key… may be dismissed and pressed again.
  if (Number.isInteger(failure)) {
    return { kind: 'post', message: { type: 'failureAction', index: failure }, button: null };
  }
  const action = button.getAttribute('data-action');
  if (action === 'cancel') return { kind: 'post', message: { type: 'cancel' }, button };
  const known = bodyActions.find((candidate) => candidate === action);
  if (!known || shownModelId === null) return null;
  return { kind: 'post', message: { type: 'action', action: known, modelId: shownModelId }, button: null };
}

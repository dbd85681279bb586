import type { PanelCard, PanelCardState } from '../shared/protocol';
import { h, type ViewNode } from './viewNode';

/** Whether a card is open: what the user last chose for it, else its default. */
export function isCardOpen(cards: PanelCardState, card: PanelCard, byDefault: boolean): boolean {
  return cards[card] ?? byDefault;
}

/**
 * A collapsible card: a `<details>` whose one-line `<summary>` says the gist, so a closed card costs one
 * line above the body. main.ts remembers each toggle in the webview state (`data-card` names the card).
 */
export function card(
  id: PanelCard,
  className: string,
  open: boolean,
  summary: (ViewNode | string | null)[],
  ...content: (ViewNode | null)[]
): ViewNode {
  const node = h('details', `card ${className}`, h('summary', 'card-summary', ...summary), ...content);
  node.attributes = open ? { 'data-card': id, open: '' } : { 'data-card': id };
  return node;
}

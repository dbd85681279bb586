import type { AssertionView, PanelCardState } from '../shared/protocol';
import { card, isCardOpen } from './renderCard';
import { h, text, type ViewNode } from './viewNode';

/**
 * The assertions card: `✔`/`✘` per `?? …` line, a failure saying what was found instead. Open by default
 * only when one failed (the count in its summary is enough when all passed).
 */
export function renderAssertions(assertions: readonly AssertionView[], cards: PanelCardState): ViewNode {
  const failed = assertions.filter((assertion) => !assertion.passed).length;
  return card(
    'assertions',
    `assertions${failed > 0 ? ' assertions-failed' : ''}`,
    isCardOpen(cards, 'assertions', failed > 0),
    [text('h2', undefined, `Assertions: ${assertions.length - failed} passed, ${failed} failed`)],
    h(
      'ul',
      'assertion-list',
      ...assertions.map((assertion) =>
        h(
          'li',
          assertion.passed ? 'assertion passed' : 'assertion failed',
          text('span', 'assertion-mark', assertion.passed ? '✔' : '✘'),
          text('code', undefined, `${assertion.origin === 'documentation' ? 'documented: ' : '?? '}${assertion.text}`),
          assertion.passed
            ? null
            : text('span', 'assertion-failure', ` line ${assertion.line}: ${assertion.failure ?? 'failed'}`),
        ),
      ),
    ),
  );
}

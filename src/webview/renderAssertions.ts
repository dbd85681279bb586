import type { AssertionView } from '../shared/protocol';
import { h, text, type ViewNode } from './viewNode';

/** The assertions card: `✔`/`✘` per `?? …` line, a failure saying what was found instead. */
export function renderAssertions(assertions: readonly AssertionView[]): ViewNode {
  const failed = assertions.filter((assertion) => !assertion.passed).length;
  return h(
    'section',
    `card assertions${failed > 0 ? ' assertions-failed' : ''}`,
    text('h2', undefined, `Assertions: ${assertions.length - failed} passed, ${failed} failed`),
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

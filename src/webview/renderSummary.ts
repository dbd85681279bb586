import type { ResponseViewModel } from '../shared/protocol';
import { quotaLevel, quotaText } from './renderThrottle';
import { h, text, type ViewNode } from './viewNode';

/** The actions on the shown response, as a compact toolbar at the end of the second line. */
function renderToolbar(): ViewNode {
  const button = (action: string, label: string, title: string): ViewNode => ({
    tag: 'button',
    className: 'action',
    attributes: { 'data-action': action, title, 'aria-label': title },
    text: label,
  });
  const toolbar = h(
    'div',
    'actions toolbar',
    button('copyBody', 'Copy', 'Copy Body'),
    button('saveBody', 'Save…', 'Save Body…'),
    button('openBody', 'Open', 'Open Body in Editor'),
    button('copyCurl', 'cURL', 'Copy Request as cURL'),
  );
  toolbar.attributes = { role: 'toolbar', 'aria-label': 'Response actions' };
  return toolbar;
}

function quotaChip(model: ResponseViewModel): ViewNode | null {
  const throttle = model.throttle;
  const quota = throttle ? quotaText(throttle) : null;
  if (!throttle || quota === null) return null;
  const level = throttle.percentUsed === null ? '' : ` quota-${quotaLevel(throttle.percentUsed)}`;
  return text('span', `quota${level}`, `quota ${quota}`);
}

/**
 * The compact head of the panel: one status line (status, time with its phases as tooltip, size, quota,
 * title) and one line of where it came from (content type, environment, file:line) ending with the actions.
 */
export function renderSummary(model: ResponseViewModel): ViewNode {
  const phases = model.timing.phases.map((phase) => `${phase.label} ${phase.ms.toFixed(0)} ms`).join(' · ');
  const time = text('span', 'total-time', `${model.timing.totalMs.toFixed(0)} ms`);
  if (phases) time.attributes = { title: phases };
  return h(
    'header',
    'summary',
    h(
      'div',
      'status-line',
      text(
        'span',
        `status-code status-${model.status.statusClass}`,
        `${model.status.code} ${model.status.text}`.trim(),
      ),
      text('span', 'http-version', model.httpVersion === '2' ? 'HTTP/2' : 'HTTP/1.1'),
      time,
      text('span', 'size', model.size.display),
      quotaChip(model),
      text('span', 'title', model.title),
    ),
    h(
      'div',
      'meta',
      model.contentType ? text('span', 'content-type', model.contentType) : null,
      model.environment ? text('span', 'environment', `env: ${model.environment}`) : null,
      text('span', 'source', model.source),
      renderToolbar(),
    ),
  );
}
